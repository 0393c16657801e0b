"""CLI commands for the web area: `evidex serve`, `evidex export site|data`."""

from __future__ import annotations

import errno
import logging
import os
import socket
from pathlib import Path
from urllib.parse import urlsplit

import typer

from evidex.cli.common import (
    build_db_option,
    check_build,
    check_build_target,
    check_output_folder,
    db_option,
    fail,
)
from evidex.storage.db import DatabaseUnavailable, verified_generation

export_app = typer.Typer(help="Write the site or the data as files.", no_args_is_help=True)

APP_FACTORY_ENV = "EVIDEX_DB"


def _check_port_free(host: str, port: int) -> None:
    """One line instead of uvicorn's errno when another program holds the port."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            reason = "is already in use" if exc.errno == errno.EADDRINUSE else f"({exc.strerror})"
            raise fail(
                f"cannot listen on {host}:{port}: the port {reason}; choose another with --port "
                "(or PORT=8001 make run)"
            ) from None


def _check_integrity(db: Path) -> None:
    """The check a running server makes before it switches to a new build, made on the first."""
    try:
        verified_generation(db).close()
    except DatabaseUnavailable as exc:
        raise fail(str(exc)) from None


def app_from_env() -> object:
    """uvicorn factory for several workers: reads the database path from EVIDEX_DB."""
    from evidex.web.app import create_app, ready_for_traffic

    return ready_for_traffic(create_app(Path(os.environ[APP_FACTORY_ENV])))


def serve(
    db: Path = db_option(),
    host: str = typer.Option("127.0.0.1", help="Interface to listen on."),
    port: int = typer.Option(8000, min=1, max=65535, help="TCP port."),
    workers: int = typer.Option(1, min=1, max=64, help="Worker processes."),
    base_url: str = typer.Option(
        "",
        "--base-url",
        envvar="EVIDEX_BASE_URL",
        help="Public URL of the site (canonical links, sitemap, feeds); other Hosts get 400.",
    ),
) -> None:
    """Serve the website and JSON API over a built database (picks up rebuilds by itself)."""
    import uvicorn

    from evidex.web import workers as server
    from evidex.web.app import BASE_URL_ENV

    check_build(db)
    _check_integrity(db)
    _check_port_free(host, port)
    if base_url:
        parts = urlsplit(base_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise fail(f"--base-url {base_url!r} is not an http(s)://host URL")
        os.environ[BASE_URL_ENV] = base_url  # read by every worker's app
    elif host not in ("127.0.0.1", "localhost", "::1"):
        typer.echo(
            f"warning: no --base-url: canonical links, the sitemap and feeds name "
            f"http://{host}:{port} (never the request's Host header)",
            err=True,
        )
    logging.basicConfig(level=logging.INFO)
    if workers == 1:
        from evidex.web.app import create_app, ready_for_traffic

        app = ready_for_traffic(create_app(db))
        uvicorn.Server(server.server_config(app, host, port)).run()
        return
    os.environ[APP_FACTORY_ENV] = str(db.resolve())
    raise typer.Exit(server.run_workers(host, port, workers))


def dev(
    content: Path = typer.Argument(Path("content"), help="The content folder to build and watch."),
    db: Path = build_db_option(),
    host: str = typer.Option("127.0.0.1", help="Interface to listen on."),
    port: int = typer.Option(8000, min=1, max=65535, help="TCP port."),
) -> None:
    """Build CONTENT, serve it, and rebuild on every save; open pages reload by themselves.

    For editors: each save is an ordinary atomic build, so a mistake prints its file:line and
    the site keeps showing the last good build until the mistake is fixed.
    """
    import threading

    import uvicorn

    from evidex.build.watch import Rebuild, rebuild, snapshot, watch
    from evidex.cli.content_cmds import print_diagnostics
    from evidex.web import workers as server
    from evidex.web.app import create_app
    from evidex.web.templating import Site

    def report(result: Rebuild) -> None:
        what = ", ".join(result.changed[:3]) + (" ..." if len(result.changed) > 3 else "")
        if result.failure is not None:
            print_diagnostics(result.failure.diagnostics)
            typer.echo(f"{what}: {result.failure}", err=True)
            return
        assert result.report is not None
        print_diagnostics([d for d in result.report.diagnostics if d.level == "warning"])
        typer.echo(f"{what}: rebuilt in {result.seconds:.2f}s, build {result.report.build_id}")

    _check_port_free(host, port)
    check_build_target(db, force=False)
    db.parent.mkdir(parents=True, exist_ok=True)
    built_from = snapshot(content)
    report(rebuild(content, db, ["(start)"]))
    check_build(db)
    stop = threading.Event()
    watcher = threading.Thread(
        target=watch, args=(content, db, report, stop), kwargs={"since": built_from}, daemon=True
    )
    watcher.start()
    typer.echo(f"watching {content}; serving http://{host}:{port}/ (Ctrl-C stops)")
    try:
        app = create_app(db, Site(live_reload=True))
        uvicorn.Server(server.server_config(app, host, port)).run()
    finally:
        stop.set()
        watcher.join(timeout=5)


@export_app.command("site")
def export_site_cmd(
    out: Path = typer.Argument(..., help="Folder to write the static site into."),
    db: Path = db_option(),
    base_url: str = typer.Option(
        "", "--base-url", help="Public URL of the site, e.g. https://example.org/evidex"
    ),
    jobs: int = typer.Option(
        os.cpu_count() or 1, "--jobs", min=1, max=64, help="Processes rendering pages."
    ),
) -> None:
    """Write every page, JSON response, feed and asset as static files.

    Into the folder of an earlier export, only the files whose content changed are written."""
    from evidex.web.export import ExportRefused, export_site

    check_build(db)
    check_output_folder(out)
    try:
        summary = export_site(db, out, base_url, jobs)
    except ExportRefused as refused:
        raise fail(str(refused)) from None
    kind = "full export" if summary.full else "incremental"
    if summary.from_changes:
        kind = "incremental from the changes the build recorded"
    typer.echo(
        f"{out}: {summary.files} pages and responses; {summary.rendered} rendered,"
        f" {summary.rewritten} files written, {summary.deleted} deleted ({kind})"
    )
    if not base_url:
        typer.echo(
            "note: no sitemap.xml was written: it needs absolute URLs; "
            "give --base-url https://your.site/path to have one",
            err=True,
        )


@export_app.command("data")
def export_data_cmd(
    out: Path = typer.Argument(..., help="Folder to write CSV and JSON files into."),
    db: Path = db_option(),
) -> None:
    """Write compounds, studies, outcomes and tiers as CSV and JSON with a data dictionary."""
    from evidex.web.data_export import export_data

    check_build(db)
    check_output_folder(out)
    files = export_data(db, out)
    typer.echo(f"wrote {len(files)} files to {out}")


def register(app: typer.Typer) -> None:
    """Add this area's commands to the app."""
    app.command("serve")(serve)
    app.command("dev")(dev)
    app.add_typer(export_app, name="export")
