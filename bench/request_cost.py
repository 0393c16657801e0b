"""CPU per request inside one process: the app called directly as ASGI, no server, no sockets.

For each kind of the reader mix (bench/traffic.py) the same sequence of paths is answered by
the whole app over a build, and the CPU time per request is reported (median of rounds). It
says what the app itself costs per kind, apart from the HTTP server and the network; the load
figures of `bench/web_bench.py` say what a reader sees.

`python -m bench.request_cost DB [--requests N] [--profile KIND]` (with --profile, the cProfile
of that kind's requests, top functions by own time).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import logging
import os
import pstats
import statistics
import time
from pathlib import Path
from typing import Any

from bench import traffic
from bench.web_bench import BENCH_LIMITS

ROUNDS = 3


def _scope(path: str) -> dict[str, Any]:
    raw, _, query = path.partition("?")
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": raw,
        "raw_path": raw.encode(),
        "root_path": "",
        "query_string": query.encode(),
        "headers": [
            (b"host", b"127.0.0.1"),
            (b"accept-encoding", b"gzip"),
            (b"user-agent", b"bench"),
        ],
        "client": ("127.0.0.1", 40000),
        "server": ("127.0.0.1", 8000),
    }


async def _answer(app: Any, path: str) -> int:
    status = 0

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    await app(_scope(path), receive, send)
    return status


async def _cpu_per_request(app: Any, paths: list[str]) -> tuple[float, dict[int, int]]:
    statuses: dict[int, int] = {}
    started = time.process_time()
    for path in paths:
        status = await _answer(app, path)
        statuses[status] = statuses.get(status, 0) + 1
    return (time.process_time() - started) / len(paths), statuses


def _log_to_devnull() -> None:
    """The access log written as a server writes it, to a sink that costs no disk."""
    from evidex.ops.logging import access_logger

    logger = access_logger()
    for handler in logger.handlers:
        if isinstance(handler, logging.StreamHandler):
            handler.setStream(open(os.devnull, "w"))  # noqa: SIM115 - for the whole run


def _fresh_app(db_path: Path) -> Any:
    from evidex.web.app import create_app

    os.environ.update(BENCH_LIMITS)  # one client asks for everything, as in the load bench
    return create_app(db_path)


def measure(db_path: Path, requests: int, kinds: list[str]) -> dict[str, dict[str, Any]]:
    """kind -> {first_us: a fresh app's first views, repeat_us: the same paths again}."""
    _log_to_devnull()
    cat = traffic.catalogue(db_path)
    figures: dict[str, dict[str, Any]] = {}
    loop = asyncio.new_event_loop()
    try:
        for kind in kinds:
            paths = traffic.sequence(cat, {kind: 1.0}, "uniform", requests)
            first, repeat = [], []
            statuses: dict[int, int] = {}
            for _ in range(ROUNDS):
                app = _fresh_app(db_path)
                loop.run_until_complete(_answer(app, "/api/v1/suggest?q=ab"))  # per-build state
                cost, statuses = loop.run_until_complete(_cpu_per_request(app, paths))
                first.append(cost)
                cost, _ = loop.run_until_complete(_cpu_per_request(app, paths))
                repeat.append(cost)
            figures[kind] = {
                "first_us": statistics.median(first) * 1e6,
                "repeat_us": statistics.median(repeat) * 1e6,
                "statuses": statuses,
            }
    finally:
        loop.close()
    return figures


def profile(db_path: Path, requests: int, kind: str, top: int = 30) -> None:
    _log_to_devnull()
    cat = traffic.catalogue(db_path)
    paths = traffic.sequence(cat, {kind: 1.0}, "uniform", requests)
    app = _fresh_app(db_path)
    loop = asyncio.new_event_loop()
    loop.run_until_complete(_answer(app, "/api/v1/suggest?q=ab"))
    profiler = cProfile.Profile()
    profiler.enable()
    loop.run_until_complete(_cpu_per_request(app, paths))
    profiler.disable()
    loop.close()
    pstats.Stats(profiler).sort_stats("tottime").print_stats(top)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--kind", action="append", default=[], help="only these kinds")
    parser.add_argument("--profile", help="cProfile this kind instead of timing every kind")
    args = parser.parse_args()
    if args.profile:
        profile(args.db, args.requests, args.profile)
        return
    kinds = args.kind or list(traffic.READER_MIX)
    print(f"{'kind':<12}{'first µs':>10}{'repeat µs':>11}  statuses")
    for kind, row in measure(args.db, args.requests, kinds).items():
        print(f"{kind:<12}{row['first_us']:>10.0f}{row['repeat_us']:>11.0f}  {row['statuses']}")


if __name__ == "__main__":
    main()
