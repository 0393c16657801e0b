"""Structured access log: one JSON object per request on the `evidex.access` logger."""

from __future__ import annotations

import json
import logging
import sys
import time
from datetime import UTC, datetime
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from evidex.ops.metrics import route_template
from evidex.ops.scope import request_header

ACCESS_LOGGER = "evidex.access"


class JsonLineFormatter(logging.Formatter):
    """The record's `fields` dict as one JSON line (other records: time, level, message)."""

    def format(self, record: logging.LogRecord) -> str:
        fields = getattr(record, "fields", None)
        if not isinstance(fields, dict):
            fields = {
                "ts": datetime.fromtimestamp(record.created, UTC).isoformat(
                    timespec="milliseconds"
                ),
                "level": record.levelname.lower(),
                "logger": record.name,
                "message": record.getMessage(),
            }
        return json.dumps(fields, ensure_ascii=False, separators=(",", ":"))


def access_logger() -> logging.Logger:
    """The access logger, writing JSON lines to stderr unless a handler is already set."""
    logger = logging.getLogger(ACCESS_LOGGER)
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(JsonLineFormatter())
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False
    return logger


class AccessLogMiddleware:
    def __init__(self, app: ASGIApp, logger: logging.Logger | None = None) -> None:
        self.app = app
        self.logger = logger or access_logger()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500
        sent = 0
        build = ""

        async def observe(message: Message) -> None:
            nonlocal status, sent, build
            if message["type"] == "http.response.start":
                status = int(message["status"])
                for key, value in message.get("headers", []):
                    if key == b"x-evidex-build":
                        build = bytes(value).decode("latin-1")
            elif message["type"] == "http.response.body":
                sent += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, observe)
        finally:
            client = scope.get("client")
            fields: dict[str, Any] = {
                "ts": datetime.now(UTC).isoformat(timespec="milliseconds"),
                "method": scope["method"],
                "path": scope["path"],
                "query": scope.get("query_string", b"").decode("latin-1")[:200],
                "route": route_template(scope),
                "status": status,
                "ms": round((time.perf_counter() - started) * 1000, 2),
                "bytes": sent,
                "client": client[0] if client else None,
                "build": build,
                "ua": (request_header(scope, b"user-agent") or "")[:200],
            }
            self.logger.info("access", extra={"fields": fields})
