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


class Observer:
    """Counts one finished request in the metrics and writes its access-log line."""

    def __init__(self, metrics: Metrics, logger: logging.Logger | None = None) -> None:
        self.metrics = metrics
        self.logger = logger or access_logger()

    def record(
        self, scope: Scope, route: str, status: int, sent: int, seconds: float, build: str
    ) -> None:
        self.metrics.observe(route, scope["method"], status, seconds)
        if not self.logger.isEnabledFor(logging.INFO):
            return
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
            "build": build,
            "ua": (request_header(scope, b"user-agent") or "")[:200],
        }
        log_access(self.logger, fields)


class ObserveMiddleware:
    def __init__(self, app: ASGIApp, observer: Observer) -> None:
        self.app = app
        self.observer = observer

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
            build = scope.get("state", {}).get("evidex_build", "")
            seconds = time.perf_counter() - started
            self.observer.record(scope, route_template(scope), status, sent, seconds, build)
