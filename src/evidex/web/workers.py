"""Several uvicorn worker processes, each accepting on its own SO_REUSEPORT socket.

uvicorn's own `--workers` shares one listening socket between processes; whichever wakes first
accepts every pending connection, so a burst of clients often lands 25/7 on two workers and the
busy one sets the latency of all. With one socket per worker bound with SO_REUSEPORT, the
kernel spreads connections across the workers by a hash of the client address and port.

The supervisor binds nothing itself (a socket it held would get a share of the connections and
never answer them). It restarts a worker that dies, stops all of them on SIGINT/SIGTERM, and
gives up when a worker dies during its start (a port taken by another program, a bad build).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import socket
import sys
import time
from collections.abc import Callable
from multiprocessing.process import BaseProcess
from types import FrameType
from typing import Any

import uvicorn

from evidex.build.forked import die_with_parent
from evidex.web.httpbounds import BoundedHttpToolsProtocol

log = logging.getLogger(__name__)

# the C HTTP parser (several times h11's requests per core), with the request head bounded
HTTP_PROTOCOL = BoundedHttpToolsProtocol
EVENT_LOOP = "uvloop"  # the libuv event loop, likewise faster than asyncio's own
APP_FACTORY = "evidex.cli.web_cmds:app_from_env"
BACKLOG = 2048
START_GRACE_SECONDS = 10.0  # a worker dying sooner than this after its start is a setup error
STOP_TIMEOUT_SECONDS = 30.0


def reuseport_socket(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    sock.listen(BACKLOG)
    return sock


def server_config(app: Callable[..., Any] | str, host: str, port: int) -> uvicorn.Config:
    """How every Evidex server runs, one worker or many (`app` as import string: a factory)."""
    factory = isinstance(app, str)
    return uvicorn.Config(
        app, host=host, port=port, factory=factory, http=HTTP_PROTOCOL, loop=EVENT_LOOP,
        access_log=False,  # evidex.ops writes its own JSON access log
        # uvicorn would otherwise take the client address from X-Forwarded-For whenever the
        # peer is 127.0.0.1; the rate limiter reads it itself, from trusted proxies only.
        proxy_headers=False,
    )  # fmt: skip


def _worker(host: str, port: int, app_factory: str, supervisor: int) -> None:
    """One worker process: its own socket, the app made by `app_factory` (an import string)."""
    die_with_parent(supervisor)  # a killed supervisor leaves no server holding the port
    logging.basicConfig(level=logging.INFO)
    server = uvicorn.Server(server_config(app_factory, host, port))
    server.run(sockets=[reuseport_socket(host, port)])
    if not server.started:
        sys.exit(1)


def run_workers(host: str, port: int, workers: int, app_factory: str = APP_FACTORY) -> int:
    """Run `workers` processes until SIGINT/SIGTERM; returns the exit status.

    `app_factory` names the function each worker calls for its app: Evidex's own by default
    (it reads EVIDEX_DB); the web benchmark passes a bare plaintext app to measure the floor.
    """
    context = multiprocessing.get_context("spawn")
    stopping = False

    def start() -> tuple[BaseProcess, float]:
        process = context.Process(
            target=_worker, args=(host, port, app_factory, os.getpid()), name="evidex-worker"
        )
        process.start()
        return process, time.monotonic()

    def stop(signum: int, frame: FrameType | None) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    running = [start() for _ in range(workers)]
    log.info("started %d workers on http://%s:%d (pid %d)", workers, host, port, os.getpid())
    status = 0
    while not stopping:
        time.sleep(0.2)
        for index, (process, started) in enumerate(running):
            if stopping or process.is_alive():
                continue  # a stop signal reaches the workers too: they are not failing
            if time.monotonic() - started < START_GRACE_SECONDS:
                log.error("worker %s exited with %s during start", process.pid, process.exitcode)
                stopping, status = True, 1
                break
            log.warning("worker %s exited with %s; restarting", process.pid, process.exitcode)
            running[index] = start()
    for process, _ in running:
        if process.is_alive() and process.pid is not None:
            os.kill(process.pid, signal.SIGTERM)  # uvicorn finishes requests in flight, then exits
    for process, _ in running:
        process.join(STOP_TIMEOUT_SECONDS)
        if process.is_alive():
            process.kill()
    return status
