"""Abuse limits: a token bucket per client on the costly endpoints, and bounded request sizes.

Search, suggest and the stack builder do real work per request, so each client IP gets a
bucket of `burst` tokens refilled at `rate` per second there; an empty bucket answers 429 with
Retry-After. Every request is also bounded: an oversized query string is 414, a declared or
streamed body over the limit is 413, a malformed Content-Length is 400.
"""

from __future__ import annotations

import json
import math
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from evidex.ops.scope import request_header

LIMITED_PREFIXES = ("/api/v1/search", "/api/v1/suggest", "/api/v1/stack", "/search", "/stack")
MAX_QUERY_BYTES = 4096
MAX_BODY_BYTES = 64 * 1024
MAX_TRACKED_CLIENTS = 50_000


@dataclass(frozen=True)
class Limits:
    rate: float = 10.0  # tokens per second
    burst: float = 30.0
    max_query_bytes: int = MAX_QUERY_BYTES
    max_body_bytes: int = MAX_BODY_BYTES
    trust_forwarded: bool = False  # behind our own proxy: use its X-Forwarded-For

    @classmethod
    def from_env(cls) -> Limits:
        env = os.environ
        return cls(
            rate=float(env.get("EVIDEX_RATE_PER_SECOND", cls.rate)),
            burst=float(env.get("EVIDEX_RATE_BURST", cls.burst)),
            max_query_bytes=int(env.get("EVIDEX_MAX_QUERY_BYTES", cls.max_query_bytes)),
            max_body_bytes=int(env.get("EVIDEX_MAX_BODY_BYTES", cls.max_body_bytes)),
            trust_forwarded=env.get("EVIDEX_TRUST_FORWARDED", "") in ("1", "true", "yes"),
        )


class TokenBuckets:
    """Buckets keyed by client; the least recently seen are forgotten past `capacity`."""

    def __init__(
        self,
        rate: float,
        burst: float,
        capacity: int = MAX_TRACKED_CLIENTS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.rate = rate
        self.burst = burst
        self.capacity = capacity
        self.clock = clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()

    def take(self, key: str) -> float:
        """0.0 when a token was taken, else the seconds until one is available."""
        now = self.clock()
        with self._lock:
            tokens, stamp = self._buckets.pop(key, (self.burst, now))
            tokens = min(self.burst, tokens + (now - stamp) * self.rate)
            wait = 0.0
            if tokens >= 1.0:
                tokens -= 1.0
            else:
                wait = (1.0 - tokens) / self.rate if self.rate > 0 else math.inf
            self._buckets[key] = (tokens, now)
            while len(self._buckets) > self.capacity:
                self._buckets.popitem(last=False)
            return wait


def is_limited_path(path: str) -> bool:
    return any(path == p or path.startswith(p + "/") for p in LIMITED_PREFIXES)


def client_key(scope: Scope, trust_forwarded: bool) -> str:
    if trust_forwarded:
        for name, value in scope.get("headers", []):
            if name == b"x-forwarded-for":
                # The last hop was appended by our proxy; earlier ones are client-supplied.
                return bytes(value).decode("latin-1").split(",")[-1].strip()
    client = scope.get("client")
    return str(client[0]) if client else "unknown"


async def _refuse(send: Send, status: int, reason: str, extra: list[tuple[bytes, bytes]]) -> None:
    body = json.dumps({"detail": reason}).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        (b"cache-control", b"no-store"),
        *extra,
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class AbuseLimitMiddleware:
    def __init__(self, app: ASGIApp, limits: Limits | None = None) -> None:
        self.app = app
        self.limits = limits or Limits.from_env()
        self.buckets = TokenBuckets(self.limits.rate, self.limits.burst)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limits = self.limits
        if len(scope.get("query_string", b"")) > limits.max_query_bytes:
            reason = f"query string longer than {limits.max_query_bytes} bytes"
            await _refuse(send, 414, reason, [])
            return
        declared = self._declared_length(scope)
        if declared is None:
            await _refuse(send, 400, "Content-Length is not a non-negative integer", [])
            return
        if declared > limits.max_body_bytes:
            await _refuse(send, 413, f"request body over {limits.max_body_bytes} bytes", [])
            return
        if is_limited_path(scope["path"]):
            wait = self.buckets.take(client_key(scope, limits.trust_forwarded))
            if wait > 0:
                retry = str(max(1, math.ceil(wait))).encode()
                reason = "too many requests; slow down and retry after the given seconds"
                await _refuse(send, 429, reason, [(b"retry-after", retry)])
                return
        if declared == 0 and request_header(scope, b"transfer-encoding") is None:
            await self.app(scope, receive, send)  # no body at all: nothing to count
            return
        await self._bounded(scope, receive, send)

    @staticmethod
    def _declared_length(scope: Scope) -> int | None:
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                text = bytes(value).decode("latin-1").strip()
                return int(text) if text.isdigit() else None
        return 0

    async def _bounded(self, scope: Scope, receive: Receive, send: Send) -> None:
        received = 0
        started = False
        refused = False
        limit = self.limits.max_body_bytes

        async def counting_receive() -> Message:
            # Over the limit we answer 413 ourselves and tell the app the client left, so it
            # stops reading (raising instead would surface as the framework's own 400).
            nonlocal received, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    refused = True
                    if not started:
                        await _refuse(send, 413, f"request body over {limit} bytes", [])
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if refused:
                return
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        await self.app(scope, counting_receive, guarded_send)
