"""Rebuild under load: 32 connections for 60 s against `evidex serve` while the library is
rebuilt and swapped 10 times. Reports failed requests, responses mixing builds, throughput,
latency, and how long each swap took to become visible through /healthz."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from evidex.build.pipeline import build
from evidex.ops.swapload import edit_profile, pick_urls, run_load_with_swaps

_REBUILD = """
import sys
from pathlib import Path
from evidex.build.pipeline import build
print(build(Path(sys.argv[1]), Path(sys.argv[2]), force=True).build_id)
"""
CONNECTIONS = 32
SECONDS = 60.0
SWAPS = 10


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_healthy(base: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise TimeoutError(f"{base} did not start")


def run(
    content: Path,
    work: Path,
    connections: int = CONNECTIONS,
    seconds: float = SECONDS,
    swaps: int = SWAPS,
) -> dict[str, object]:
    """Copy `content` into `work/swap`, build, serve, and rebuild `swaps` times under load."""
    area = work / "swap"
    shutil.rmtree(area, ignore_errors=True)
    library = area / "content"
    shutil.copytree(content, library, ignore=shutil.ignore_patterns(".complete"))
    db_path = area / "evidex.db"
    started = time.perf_counter()
    build(library, db_path)
    first_build_s = time.perf_counter() - started
    profile = sorted((library / "compounds").glob("*.md"))[0]
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    argv = [sys.executable, "-m", "evidex", "serve", "--db", str(db_path), "--port", str(port)]
    with (area / "server.log").open("wb") as log:
        server = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT)
    rebuild_seconds: list[float] = []

    def rebuild(number: int) -> str:
        """As an operator would: another process (a build inside this one would wait for the
        interpreter behind the 32 load threads)."""
        edit_profile(profile, f"bench-{number}")
        began = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", _REBUILD, str(library), str(db_path)],
            check=True,
            capture_output=True,
            text=True,
        )
        rebuild_seconds.append(time.perf_counter() - began)
        return done.stdout.strip().splitlines()[-1]

    try:
        _wait_healthy(base)
        report = run_load_with_swaps(
            base,
            pick_urls(base),
            rebuild,
            connections=connections,
            seconds=seconds,
            swaps=swaps,
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
    result = report.summary()
    result["connections"] = connections
    result["seconds"] = round(report.seconds, 1)
    result["first_build_s"] = round(first_build_s, 2)
    result["rebuild_max_s"] = round(max(rebuild_seconds, default=0.0), 2)
    ok = report.failed == 0 and report.mixed == 0 and result["swap_visible_max_s"] < 1.0  # type: ignore[operator]
    result["verdict"] = "pass" if ok and len(report.swap_visible_s) == swaps else "FAIL"
    print(
        f"swap: {result['requests']} requests in {result['seconds']} s at {connections} "
        f"connections ({result['requests_per_s']}/s, p50 {result['p50_ms']} ms, p99 "
        f"{result['p99_ms']} ms); {result['swaps']} swaps, visible within "
        f"{result['swap_visible_max_s']} s; failed {result['failed']}, mixed "
        f"{result['mixed_builds']}; rebuild {result['rebuild_max_s']} s max -> {result['verdict']}"
    )
    return result


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--content", type=Path, default=Path("content"))
    parser.add_argument("--work", type=Path, default=Path("var/bench"))
    parser.add_argument("--seconds", type=float, default=SECONDS)
    parser.add_argument("--connections", type=int, default=CONNECTIONS)
    parser.add_argument("--swaps", type=int, default=SWAPS)
    args = parser.parse_args()
    run(args.content, args.work, args.connections, args.seconds, args.swaps)
