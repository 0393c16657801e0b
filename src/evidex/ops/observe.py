"""One pass over every request for the operators: a metrics sample and an access-log line.

Outside everything else (limits, build identity, the memo, the app), so refused, memoised and
failed responses are all counted and logged, each with its route template and duration.
"""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from evidex.ops.logging import access_logger, log_access
from evidex.ops.metrics import Metrics, route_template
from evidex.ops.scope import request_header


class ObserveMiddleware:
    def __init__(self, app: ASGIApp, metrics: Metrics, logger: logging.Logger | None = None):
        self.app = app
        self.metrics = metrics
        self.logger = logger or access_logger()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500
        sent = 0

        async def observe(message: Message) -> None:
            nonlocal status, sent
            if message["type"] == "http.response.start":
                status = int(message["status"])
            elif message["type"] == "http.response.body":
                sent += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, observe)
        finally:
            seconds = time.perf_counter() - started
            route = route_template(scope)
            self.metrics.observe(route, scope["method"], status, seconds)
            client = scope.get("client")
            fields = {
                "ts": datetime.now(UTC).isoformat(timespec="milliseconds"),
                "method": scope["method"],
                "path": scope["path"],
                "query": scope.get("query_string", b"").decode("latin-1")[:200],
                "route": route,
                "status": status,
                "ms": round(seconds * 1000, 2),
                "bytes": sent,
                "client": client[0] if client else None,
                "build": scope.get("state", {}).get("evidex_build", ""),
                "ua": (request_header(scope, b"user-agent") or "")[:200],
            }
            log_access(self.logger, fields)
