"""CLI commands for the ops area (registered by evidex.cli.main): `evidex doctor`."""

from __future__ import annotations

from pathlib import Path

import typer

from evidex.cli.common import check_build, db_option


def doctor(
    db: Path = db_option(),
    max_age_hours: float | None = typer.Option(
        None, "--max-age-hours", min=0, help="Fail when the build is older than this."
    ),
    url: str | None = typer.Option(
        None, "--url", help="Base URL of a running server to check through /healthz."
    ),
) -> None:
    """Check a deployment: database readable, schema, build age, integrity, counts, server."""
    from evidex.ops.doctor import run_doctor

    check_build(db)
    checks = run_doctor(db, max_age_hours, url)
    for check in checks:
        typer.echo(f"{'ok  ' if check.ok else 'FAIL'}  {check.name}: {check.detail}")
    failed = [c for c in checks if not c.ok]
    typer.echo(f"{len(checks) - len(failed)}/{len(checks)} checks passed")
    if failed:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add this area's commands to the app."""
    app.command("doctor")(doctor)
