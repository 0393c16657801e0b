"""The web benchmark's floor: a bare Starlette app answering plain text, no middleware, served by
the same worker supervisor, HTTP parser and event loop as `evidex serve`.

`python -m bench.plain_app PORT WORKERS` runs it until SIGTERM.
"""

from __future__ import annotations

import sys

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route


async def _plain(request: Request) -> PlainTextResponse:
    return PlainTextResponse("ok")


def create() -> Starlette:
    return Starlette(routes=[Route("/{path:path}", _plain)])


if __name__ == "__main__":
    from evidex.web.workers import run_workers

    port, workers = int(sys.argv[1]), int(sys.argv[2])
    raise SystemExit(run_workers("127.0.0.1", port, workers, app_factory="bench.plain_app:create"))
