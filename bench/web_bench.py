"""Web load as readers make it: every page of the build, against a plaintext floor and nginx.

`evidex serve --workers 2` serves the synthetic build on loopback; wrk, a second process, replays
URLs drawn from every page of the build (`bench/traffic.py`): a mix of profiles, evidence,
research and goal pages, the JSON of each, searches from a list of real-looking queries, a few
404s and redirects, with a uniform spread over all pages and with a Zipf-like popularity. Each
page kind is also driven on its own (uniform) so its p99 can be read. Every run uses a fresh
server, so no run is answered from memos warmed by the one before.

The floor is a bare Starlette plaintext app under the same worker supervisor, HTTP parser and
event loop (`bench/plain_app.py`); nginx serves the static export with the precompressed files
the export writes (`gzip_static on`), as docs/deploy.md configures it. The abuse limits are
raised for the run through their documented settings (EVIDEX_RATE_PER_SECOND, _BURST): all
requests come from one address, which a real deployment never sees. `CPU µs` is the server's
workers' CPU time per request over the run (what a busy shared machine disturbs least; nginx's
is not read). Figures are compared as ratios within this one run: the machine is shared.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench import traffic
from evidex.web.export import MANIFEST

WORK = Path("var/bench")
WRK_ARGS = ["-t2", "-c32", "-d10s", "--latency"]
KIND_ARGS = ["-t2", "-c32", "-d5s", "--latency"]  # one page kind on its own
# Before each timed run: connections opened on one URL (each worker builds its search engine
# before it listens, evidex.web.app.ready_for_traffic); no other page is in any memo.
CONNECT_ARGS = ["-t2", "-c32", "-d2s"]
EVIDEX_READY_PATH = "/api/v1/suggest?q=ab"
SEQUENCE_LENGTH = 400_000  # more requests than one run makes, so no path list wraps around
EXPORT_TIMEOUT_S = 1800
# (share of the floor, p99 ceiling in ms) that the uniform mixes must reach
TARGETS = {"all pages, uniform": (0.40, 15.0), "json, uniform": (0.40, 15.0)}
PRERENDERED = " [stored]"  # the same mixes on a copy of the build made with --prerender
for _name in list(TARGETS):
    TARGETS[_name + PRERENDERED] = TARGETS[_name]
BENCH_LIMITS = {"EVIDEX_RATE_PER_SECOND": "1000000", "EVIDEX_RATE_BURST": "1000000"}
EVIDEX = str(Path(sys.executable).with_name("evidex"))
UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _ensure_tools() -> None:
    missing = [tool for tool in ("wrk", "nginx") if not _which(tool)]
    if missing:
        raise SystemExit(f"web bench needs {', '.join(missing)}: run `make bench` (installs them)")


def _which(tool: str) -> str | None:
    return shutil.which(tool) or shutil.which(tool, path="/usr/sbin:/usr/local/sbin")


def _wait_for(url: str, process: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode} before answering {url}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {seconds:.0f}s")


def _stop(process: subprocess.Popen[bytes] | None, sig: int = signal.SIGTERM) -> None:
    if process is None or process.poll() is not None:
        return
    process.send_signal(sig)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _to_ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value.strip()).groups()  # type: ignore[union-attr]
    return float(number) * UNIT_MS[unit]


def parse_wrk(output: str) -> dict[str, float]:
    """Requests/s, p50, p99 (ms) and error counts from `wrk --latency` output."""
    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    p50 = re.search(r"^\s+50%\s+(\S+)", output, re.M)
    p99 = re.search(r"^\s+99%\s+(\S+)", output, re.M)
    if not (rps and p50 and p99):
        raise RuntimeError(f"unreadable wrk output:\n{output}")
    requests = re.search(r"^\s*(\d+) requests in", output, re.M)
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    errors = re.search(r"Socket errors:.*?(\d+).*?(\d+).*?(\d+).*?(\d+)", output)
    return {
        "rps": float(rps.group(1)),
        "p50_ms": _to_ms(p50.group(1)),
        "p99_ms": _to_ms(p99.group(1)),
        "requests": float(requests.group(1)) if requests else 0.0,
        "non_2xx": float(non_2xx.group(1)) if non_2xx else 0.0,
        "socket_errors": float(sum(int(g) for g in errors.groups())) if errors else 0.0,
    }


def parse_statuses(output: str) -> dict[str, float]:
    """The status-class counts `replay.lua` prints at the end of a run."""
    found = re.search(r"status classes: 2xx=(\d+) 3xx=(\d+) 4xx=(\d+) 5xx=(\d+)", output)
    if not found:
        return {}
    return {f"{k}xx": float(v) for k, v in zip("2345", found.groups(), strict=True)}


def _wrk(args: list[str], url: str, paths: Path | None = None) -> str:
    script = ["-s", str(traffic.LUA_SCRIPT)] if paths else []
    trailing = ["--", str(paths)] if paths else []
    result = subprocess.run(
        ["wrk", *args, "-H", "Accept-Encoding: gzip", *script, url, *trailing],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return result.stdout


def drive(base: str, paths: Path, args: list[str] = WRK_ARGS) -> dict[str, float]:
    """One bounded wrk run replaying `paths` against `base` (gzip asked for, as browsers do)."""
    output = _wrk(args, base + "/", paths)
    figures = parse_wrk(output)
    statuses = parse_statuses(output)
    figures.update(statuses)
    # Planned 404s are answers, not failures: count 5xx and socket errors only.
    figures["errors"] = statuses.get("5xx", 0.0) + figures["socket_errors"]
    return figures


def _serve(
    command: list[str], port: int, log: Path, env: dict[str, str]
) -> subprocess.Popen[bytes]:
    with log.open("wb") as sink:
        return subprocess.Popen(command, env=env, stdout=sink, stderr=subprocess.STDOUT)


def _serve_python(db_path: Path, port: int, log: Path) -> subprocess.Popen[bytes]:
    command = [EVIDEX, "serve", "--db", str(db_path)]
    command += ["--host", "127.0.0.1", "--port", str(port), "--workers", "2"]
    return _serve(command, port, log, {**os.environ, **BENCH_LIMITS})


def _serve_floor(port: int, log: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "bench.plain_app", str(port), "2"]
    return _serve(command, port, log, dict(os.environ))


def _on_fresh_server(
    start: Callable[[int], subprocess.Popen[bytes]], ready_path: str, paths: Path, args: list[str]
) -> dict[str, float]:
    """Start a server, open connections on `ready_path`, replay `paths`, stop the server."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = start(port)
    try:
        _wait_for(base + ready_path, server)
        _wrk(CONNECT_ARGS, base + ready_path)
        cpu_before = _children_cpu_seconds(server.pid)
        figures = drive(base, paths, args)
        cpu = _children_cpu_seconds(server.pid) - cpu_before
        figures["server_cpu_us"] = cpu / figures["requests"] * 1e6 if figures["requests"] else 0.0
        figures["worker_rss_mb"] = max(_children_rss_mb(server.pid), default=0.0)
        return figures
    finally:
        _stop(server)


def _children_cpu_seconds(parent: int) -> float:
    """User and system CPU seconds of the worker processes of the server `parent` so far: per
    request, the figure a shared machine disturbs least (req/s and p99 move with its load)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the process ended while we looked
        if fields[1] == str(parent):  # after the name: state, ppid, ..., utime (12), stime (13)
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def _children_rss_mb(parent: int) -> list[float]:
    """Resident memory of each worker process of the server `parent` (Linux /proc)."""
    sizes = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(
                line.split(":", 1) for line in status.read_text().splitlines() if ":" in line
            )
        except OSError:
            continue  # the process ended while we looked
        if fields.get("PPid", "").strip() == str(parent) and "VmRSS" in fields:
            sizes.append(int(fields["VmRSS"].split()[0]) / 1024)
    return sizes


def _sequences(cat: traffic.Catalogue, kinds: list[str]) -> dict[str, Path]:
    """The path files of every run: the reader mix twice, then each page kind on its own."""
    files = {}
    for popularity in ("uniform", "zipf"):
        paths = traffic.sequence(cat, traffic.READER_MIX, popularity, SEQUENCE_LENGTH)
        files[f"all pages, {popularity}"] = traffic.write_sequence(
            paths, WORK / "traffic" / f"mix-{popularity}.txt"
        )
    for kind in kinds:
        if not cat.urls.get(kind):
            continue
        paths = traffic.sequence(cat, {kind: 1.0}, "uniform", SEQUENCE_LENGTH // 4)
        name = kind.replace(" ", "-")
        files[f"{kind}, uniform"] = traffic.write_sequence(
            paths, WORK / "traffic" / f"{name}-uniform.txt"
        )
    return files


def _static_sequences(cat: traffic.Catalogue) -> dict[str, Path]:
    """What a static host has: pages and JSON files (no search, no redirects)."""
    mix = {
        kind: share
        for kind, share in traffic.READER_MIX.items()
        if kind not in ("search", "redirect")
    }
    static = traffic.Catalogue(
        {
            kind: [_static_path(url) for url in urls]
            for kind, urls in cat.urls.items()
            if kind in mix
        }
    )
    files = {}
    for popularity in ("uniform", "zipf"):
        paths = traffic.sequence(static, mix, popularity, SEQUENCE_LENGTH)
        files[f"nginx export, {popularity}"] = traffic.write_sequence(
            paths, WORK / "traffic" / f"static-{popularity}.txt"
        )
    return files


def _static_path(url: str) -> str:
    """The export's file for a URL: pages are folders with index.html, JSON a `.json` file."""
    if url.startswith("/api/"):
        return url + ".json"
    return url + "/"


_STORED_KINDS = ("all pages, uniform", "all pages, zipf", "json, uniform")


def _python_figures(db_path: Path, files: dict[str, Path]) -> dict[str, dict[str, float]]:
    log = WORK / "web-serve.log"
    figures = {}
    for name, paths in files.items():
        args = WRK_ARGS if name.startswith("all pages") else KIND_ARGS
        figures[name] = _on_fresh_server(
            lambda port: _serve_python(db_path, port, log), EVIDEX_READY_PATH, paths, args
        )
    return figures


def _prerendered_copy(db_path: Path) -> tuple[Path, float, int]:
    """A copy of the build with every page stored (what `evidex build --prerender` writes):
    (its path, CPU seconds the pre-rendering took, bytes it added)."""
    from evidex.web.prerender import prerender_build

    copy = WORK / "bench-prerendered.db"
    shutil.copyfile(db_path, copy)
    before = copy.stat().st_size
    started = time.process_time()
    children = os.times()
    with sqlite3.connect(copy) as conn:
        prerender_build(conn, copy)
    after = os.times()
    cpu = time.process_time() - started
    cpu += (after.children_user - children.children_user) + (
        after.children_system - children.children_system
    )
    return copy, cpu, copy.stat().st_size - before


def _content_hash(db_path: Path) -> str:
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        return str(conn.execute("SELECT value FROM meta WHERE key = 'content_hash'").fetchone()[0])
    finally:
        conn.close()


def _export(db_path: Path, out: Path) -> float:
    """Export the site, or reuse an export of exactly this content (exporting 10,000 compounds
    through the app takes many minutes; into an earlier export only the changed files are
    rendered). Returns the seconds spent, 0.0 when reused."""
    marker = out / ".content-hash"
    content_hash = _content_hash(db_path)
    if marker.exists() and marker.read_text() == content_hash:
        return 0.0
    if out.exists() and not (out / MANIFEST).is_file():
        shutil.rmtree(out)  # older than the incremental export; otherwise only changes are redone
    started = time.perf_counter()
    subprocess.run(
        [EVIDEX, "export", "site", str(out), "--db", str(db_path)],
        check=True,
        timeout=EXPORT_TIMEOUT_S,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,  # the in-process export writes one access-log line per file
    )
    marker.write_text(content_hash)
    return time.perf_counter() - started


def nginx_config(root: Path, port: int, prefix: Path) -> str:
    """A foreground nginx with every writable path inside `prefix`, serving the export at `root`
    as docs/deploy.md does: precompressed `.gz` files beside each text file (`gzip_static`)."""
    temp = prefix / "tmp"
    return f"""daemon off;
worker_processes 2;
pid {prefix / "nginx.pid"};
error_log {prefix / "error.log"} warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    types {{ text/html html; application/json json; text/css css; application/javascript js; application/xml xml; }}
    default_type application/octet-stream;
    gzip_static on;
    gzip_vary on;
    client_body_temp_path {temp / "body"};
    proxy_temp_path {temp / "proxy"};
    fastcgi_temp_path {temp / "fastcgi"};
    uwsgi_temp_path {temp / "uwsgi"};
    scgi_temp_path {temp / "scgi"};
    server {{
        listen 127.0.0.1:{port};
        root {root.resolve()};
        index index.html;
        error_page 404 /404.html;
        location / {{ try_files $uri $uri/ =404; }}
    }}
}}
"""


def _serve_nginx(site: Path, port: int) -> subprocess.Popen[bytes]:
    prefix = (WORK / "nginx").resolve()
    (prefix / "tmp").mkdir(parents=True, exist_ok=True)
    config = prefix / "nginx.conf"
    config.write_text(nginx_config(site, port, prefix))
    return subprocess.Popen(
        [_which("nginx") or "nginx", "-p", str(prefix), "-c", str(config)],
        stdout=subprocess.DEVNULL,
        stderr=(prefix / "stderr.log").open("wb"),
    )


def _stop_nginx(process: subprocess.Popen[bytes] | None) -> None:
    _stop(process, signal.SIGQUIT)  # graceful: workers finish and exit with the master


def _nginx_figures(site: Path, files: dict[str, Path]) -> dict[str, dict[str, float]]:
    figures = {}
    for name, paths in files.items():
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        nginx = _serve_nginx(site, port)
        try:
            _wait_for(base + "/", nginx)
            _wrk(CONNECT_ARGS, base + "/")
            figures[name] = drive(base, paths)
        finally:
            _stop_nginx(nginx)
    return figures


def _floor_figures(files: dict[str, Path]) -> dict[str, float]:
    """The bare app replaying the uniform reader mix (every path answers the same text)."""
    log = WORK / "web-floor.log"
    return _on_fresh_server(
        lambda port: _serve_floor(port, log), "/", files["all pages, uniform"], WRK_ARGS
    )


def _row(name: str, figures: dict[str, float], floor: float) -> str:
    ratio = figures["rps"] / floor if floor else 0.0
    return (
        f"{name:<26}{figures['rps']:>10,.0f}{figures['p50_ms']:>9.2f}{figures['p99_ms']:>9.2f}"
        f"{ratio:>10.0%}{int(figures.get('4xx', 0)):>8}{int(figures['errors']):>8}"
        f"{figures.get('worker_rss_mb', 0.0):>8.0f}"
        + (f"{figures['server_cpu_us']:>8.0f}" if "server_cpu_us" in figures else "")
    )


def _verdicts(figures: dict[str, dict[str, float]]) -> dict[str, bool]:
    floor = figures["plaintext floor"]["rps"]
    verdicts = {}
    for name, (share, p99_ceiling) in TARGETS.items():
        met = figures[name]["rps"] >= share * floor and figures[name]["p99_ms"] < p99_ceiling
        verdicts[name] = met and figures[name]["errors"] == 0
    return verdicts


def run(db_path: Path) -> dict[str, Any]:
    _ensure_tools()
    WORK.mkdir(parents=True, exist_ok=True)
    db_path = Path(db_path).resolve()
    cat = traffic.catalogue(db_path)
    files = _sequences(cat, list(traffic.READER_MIX))
    figures: dict[str, dict[str, float]] = {"plaintext floor": _floor_figures(files)}
    figures.update(_python_figures(db_path, files))
    stored, prerender_cpu, prerender_bytes = _prerendered_copy(db_path)
    served = _python_figures(stored, {k: v for k, v in files.items() if k in _STORED_KINDS})
    figures.update({name + PRERENDERED: row for name, row in served.items()})
    site = WORK / "export-site"
    export_seconds = _export(db_path, site)
    figures.update(_nginx_figures(site, _static_sequences(cat)))

    floor = figures["plaintext floor"]["rps"]
    pages = sum(len(urls) for urls in cat.urls.values())
    print(
        f"web: wrk {' '.join(WRK_ARGS)} on loopback, replaying {pages:,} distinct URLs "
        "(mixes 10 s, single kinds 5 s; a fresh server for each run)"
    )
    print(
        f"{'load':<26}{'req/s':>10}{'p50 ms':>9}{'p99 ms':>9}{'vs floor':>10}{'4xx':>8}"
        f"{'errors':>8}{'RSS MB':>8}{'CPU µs':>8}"
    )
    for name, row in figures.items():
        print(_row(name, row, floor))
    verdicts = _verdicts(figures)
    for name, (share, ceiling) in TARGETS.items():
        state = "met" if verdicts[name] else "MISSED"
        print(f"target: {name} >= {share:.0%} of the floor, p99 < {ceiling:g} ms: {state}")
    print(
        f"pre-rendering every page ({PRERENDERED.strip()} rows): {prerender_cpu:.1f} CPU-s, "
        f"+{prerender_bytes / 2**20:.0f} MB in the database"
    )
    if export_seconds:
        print(f"static export of the whole site: {export_seconds:.1f}s")
    else:
        print("static export reused (same content hash as the served build)")
    return {
        "wrk": " ".join(WRK_ARGS),
        "distinct_urls": pages,
        "figures": figures,
        "ratios_to_floor": {name: row["rps"] / floor for name, row in figures.items()},
        "targets_met": verdicts,
        "export_seconds": round(export_seconds, 1),
        "prerender_cpu_s": round(prerender_cpu, 1),
        "prerender_bytes": prerender_bytes,
    }


if __name__ == "__main__":
    database = Path(sys.argv[1]) if len(sys.argv) > 1 else WORK / "bench.db"
    run(database)
