"""Web load: the Python server against its own plaintext floor and against nginx.

`evidex serve --workers 2` serves the synthetic build on loopback; wrk, a second process, drives
it with a fixed bounded load (2 threads, 32 connections, 10 s, after a 1 s warm-up load) for a
profile page, its JSON, its evidence page and a plaintext route on the same server (`/_plain`,
only present when EVIDEX_BENCH_PLAIN=1). Then the site is exported and nginx serves the same profile page as a
static file under the same load. Figures are compared as ratios within this one run.
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
from pathlib import Path
from typing import Any

WORK = Path("var/bench")
WRK_ARGS = ["-t2", "-c32", "-d10s", "--latency"]
WARM_ARGS = ["-t2", "-c32", "-d1s"]  # every worker answers each URL once before it is timed
EXPORT_TIMEOUT_S = 900
TARGETS = {"profile": (0.50, 15.0), "json": (0.60, None)}  # share of floor, p99 ms ceiling
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
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    errors = re.search(r"Socket errors:.*?(\d+).*?(\d+).*?(\d+).*?(\d+)", output)
    return {
        "rps": float(rps.group(1)),
        "p50_ms": _to_ms(p50.group(1)),
        "p99_ms": _to_ms(p99.group(1)),
        "non_2xx": float(non_2xx.group(1)) if non_2xx else 0.0,
        "socket_errors": float(sum(int(g) for g in errors.groups())) if errors else 0.0,
    }


def _wrk(args: list[str], url: str) -> str:
    result = subprocess.run(
        ["wrk", *args, "-H", "Accept-Encoding: gzip", url],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return result.stdout


def drive(url: str) -> dict[str, float]:
    """One bounded wrk run against `url` (gzip asked for, as a browser would)."""
    return parse_wrk(_wrk(WRK_ARGS, url))


def warm(url: str) -> None:
    """Load `url` briefly so no worker's first (uncached) answer lands in the timed run."""
    _wrk(WARM_ARGS, url)


def _bench_slug(db_path: Path) -> str:
    """A compound from the middle of the alphabet, so nothing is first-row special."""
    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as conn:
        total = conn.execute("SELECT count(*) FROM compounds").fetchone()[0]
        row = conn.execute(
            "SELECT slug FROM compounds ORDER BY slug LIMIT 1 OFFSET ?", (total // 2,)
        ).fetchone()
    return str(row[0])


def _serve_python(db_path: Path, port: int, log: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "EVIDEX_BENCH_PLAIN": "1"}
    command = [EVIDEX, "serve", "--db", str(db_path)]
    command += ["--host", "127.0.0.1", "--port", str(port), "--workers", "2"]
    with log.open("wb") as sink:
        return subprocess.Popen(command, env=env, stdout=sink, stderr=subprocess.STDOUT)


def _python_figures(db_path: Path, slug: str) -> dict[str, dict[str, float]]:
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = _serve_python(db_path, port, WORK / "web-serve.log")
    try:
        _wait_for(f"{base}/_plain", server)
        paths = {
            "plaintext floor": "/_plain",
            "profile": f"/compounds/{slug}",
            "json": f"/api/v1/compounds/{slug}",
            "evidence": f"/compounds/{slug}/evidence",
        }
        figures = {}
        for name, path in paths.items():
            warm(base + path)
            figures[name] = drive(base + path)
        return figures
    finally:
        _stop(server)


def _content_hash(db_path: Path) -> str:
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        return str(conn.execute("SELECT value FROM meta WHERE key = 'content_hash'").fetchone()[0])
    finally:
        conn.close()


def _export(db_path: Path, out: Path) -> float:
    """Export the site, or reuse an export of exactly this content (exporting 10,000 compounds
    through the app takes many minutes). Returns the seconds spent, 0.0 when reused."""
    marker = out / ".content-hash"
    content_hash = _content_hash(db_path)
    if marker.exists() and marker.read_text() == content_hash:
        return 0.0
    if out.exists():
        shutil.rmtree(out)
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
    """A foreground nginx with every writable path inside `prefix`, serving `root`."""
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
    types {{ text/html html; application/json json; text/css css; application/javascript js; }}
    default_type application/octet-stream;
    gzip_static off;
    gzip on;
    gzip_types application/json text/css application/javascript;
    client_body_temp_path {temp / "body"};
    proxy_temp_path {temp / "proxy"};
    fastcgi_temp_path {temp / "fastcgi"};
    uwsgi_temp_path {temp / "uwsgi"};
    scgi_temp_path {temp / "scgi"};
    server {{
        listen 127.0.0.1:{port};
        root {root.resolve()};
        index index.html;
        location / {{ try_files $uri $uri/ $uri.json =404; }}
    }}
}}
"""


def _nginx_figures(site: Path, slug: str) -> dict[str, float]:
    prefix = (WORK / "nginx").resolve()
    (prefix / "tmp").mkdir(parents=True, exist_ok=True)
    port = _free_port()
    config = prefix / "nginx.conf"
    config.write_text(nginx_config(site, port, prefix))
    nginx = subprocess.Popen(
        [_which("nginx") or "nginx", "-p", str(prefix), "-c", str(config)],
        stdout=subprocess.DEVNULL,
        stderr=(prefix / "stderr.log").open("wb"),
    )
    try:
        url = f"http://127.0.0.1:{port}/compounds/{slug}/"
        _wait_for(url, nginx)
        return drive(url)
    finally:
        _stop(nginx, signal.SIGQUIT)  # graceful: workers finish and exit with the master


def _row(name: str, figures: dict[str, float], floor: float) -> str:
    ratio = figures["rps"] / floor if floor else 0.0
    return (
        f"{name:<22}{figures['rps']:>12,.0f}{figures['p50_ms']:>10.2f}{figures['p99_ms']:>10.2f}"
        f"{ratio:>10.0%}{int(figures['non_2xx'] + figures['socket_errors']):>8}"
    )


def _verdicts(figures: dict[str, dict[str, float]]) -> dict[str, bool]:
    floor = figures["plaintext floor"]["rps"]
    verdicts = {}
    for name, (share, p99_ceiling) in TARGETS.items():
        met = figures[name]["rps"] >= share * floor
        if p99_ceiling is not None:
            met = met and figures[name]["p99_ms"] < p99_ceiling
        verdicts[name] = met
    return verdicts


def run(db_path: Path) -> dict[str, Any]:
    _ensure_tools()
    WORK.mkdir(parents=True, exist_ok=True)
    db_path = Path(db_path).resolve()
    slug = _bench_slug(db_path)
    figures: dict[str, dict[str, float]] = dict(_python_figures(db_path, slug))
    site = WORK / "export-site"
    export_seconds = _export(db_path, site)
    figures["nginx static profile"] = _nginx_figures(site, slug)

    floor = figures["plaintext floor"]["rps"]
    print(f"web: wrk {' '.join(WRK_ARGS)} on loopback, compound {slug!r}")
    print(f"{'endpoint':<22}{'req/s':>12}{'p50 ms':>10}{'p99 ms':>10}{'vs floor':>10}{'errors':>8}")
    for name, row in figures.items():
        print(_row(name, row, floor))
    verdicts = _verdicts(figures)
    print(
        "targets: profile >= 50% of floor with p99 < 15 ms: "
        f"{'met' if verdicts['profile'] else 'MISSED'}; JSON >= 60%: "
        f"{'met' if verdicts['json'] else 'MISSED'}"
    )
    if export_seconds:
        print(f"static export of the whole site: {export_seconds:.1f}s")
    else:
        print("static export reused (same content hash as the served build)")
    return {
        "slug": slug,
        "wrk": " ".join(WRK_ARGS),
        "figures": figures,
        "ratios_to_floor": {name: row["rps"] / floor for name, row in figures.items()},
        "targets_met": verdicts,
        "export_seconds": round(export_seconds, 1),
    }


if __name__ == "__main__":
    database = Path(sys.argv[1]) if len(sys.argv) > 1 else WORK / "bench.db"
    run(database)
