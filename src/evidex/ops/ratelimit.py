"""Abuse limits: a token bucket per client on the costly endpoints, and bounded request sizes.

Search, suggest and the stack builder do real work per request, so each client IP gets a
bucket of `burst` tokens refilled at `rate` per second there; an empty bucket answers 429 with
Retry-After. Every request is also bounded: an oversized query string is 414, a declared or
streamed body over the limit is 413, a malformed Content-Length is 400.

A client is its TCP peer. Only when that peer is one of the configured trusted proxies
(EVIDEX_TRUSTED_PROXIES) is X-Forwarded-For read, and then the client is the right-most hop
that is not itself a trusted proxy: everything left of it was written by the client.
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
from ipaddress import IPv4Network, IPv6Network, ip_address, ip_network

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from evidex.ops.scope import request_header

LIMITED_PREFIXES = ("/api/v1/search", "/api/v1/suggest", "/api/v1/stack", "/search", "/stack")
MAX_QUERY_BYTES = 4096
MAX_BODY_BYTES = 64 * 1024
MAX_TRACKED_CLIENTS = 50_000
TRUSTED_PROXIES_ENV = "EVIDEX_TRUSTED_PROXIES"
Network = IPv4Network | IPv6Network


@dataclass(frozen=True)
class Limits:
    rate: float = 10.0  # tokens per second
    burst: float = 30.0
    max_query_bytes: int = MAX_QUERY_BYTES
    max_body_bytes: int = MAX_BODY_BYTES
    trusted_proxies: tuple[Network, ...] = ()  # our own proxies: read their X-Forwarded-For

    @classmethod
    def from_env(cls) -> Limits:
        env = os.environ
        return cls(
            rate=float(env.get("EVIDEX_RATE_PER_SECOND", cls.rate)),
            burst=float(env.get("EVIDEX_RATE_BURST", cls.burst)),
            max_query_bytes=int(env.get("EVIDEX_MAX_QUERY_BYTES", cls.max_query_bytes)),
            max_body_bytes=int(env.get("EVIDEX_MAX_BODY_BYTES", cls.max_body_bytes)),
            trusted_proxies=parse_networks(env.get(TRUSTED_PROXIES_ENV, "")),
        )


def parse_networks(text: str) -> tuple[Network, ...]:
    """'10.0.0.0/8, 127.0.0.1' -> networks; a bad entry raises ValueError naming it."""
    networks = []
    for item in text.replace(";", ",").split(","):
        if item.strip():
            try:
                networks.append(ip_network(item.strip(), strict=False))
            except ValueError:
                raise ValueError(
                    f"{TRUSTED_PROXIES_ENV}: {item.strip()!r} is not an IP address or network"
                ) from None
    return tuple(networks)


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


_LIMITED_EXACT = frozenset(LIMITED_PREFIXES)
_LIMITED_UNDER = tuple(p + "/" for p in LIMITED_PREFIXES)


def is_limited_path(path: str) -> bool:
    return path in _LIMITED_EXACT or path.startswith(_LIMITED_UNDER)


def _trusted(address: str, proxies: tuple[Network, ...]) -> bool:
    try:
        parsed = ip_address(address)
    except ValueError:
        return False
    return any(parsed in network for network in proxies)


def client_key(scope: Scope, trusted_proxies: tuple[Network, ...] = ()) -> str:
    """Who is asking: the TCP peer, or behind trusted proxies the right-most untrusted hop of
    X-Forwarded-For (every header line of it, in order)."""
    client = scope.get("client")
    peer = str(client[0]) if client else "unknown"
    if not trusted_proxies or not _trusted(peer, trusted_proxies):
        return peer
    hops = [
        hop.strip()
        for name, value in scope.get("headers", [])
        if name == b"x-forwarded-for"
        for hop in bytes(value).decode("latin-1").split(",")
        if hop.strip()
    ]
    for hop in reversed(hops):
        if not _trusted(hop, trusted_proxies):
            return hop
    return hops[0] if hops else peer


@dataclass(frozen=True)
class Refusal:
    status: int
    reason: str
    headers: tuple[tuple[bytes, bytes], ...] = ()


# scope["state"] key: the limiter's decision on this request (a Refusal, or None to let it
# through), made once by whichever layer sees the request first (see evidex.web.memo).
ADMISSION = "evidex_admission"


class RequestLimiter:
    """The decision on one request: size bounds for all, a token for the costly paths."""

    def __init__(self, limits: Limits | None = None) -> None:
        self.limits = limits or Limits.from_env()
        self.buckets = TokenBuckets(self.limits.rate, self.limits.burst)

    def admit(self, scope: Scope) -> Refusal | None:
        """None to serve the request, else why not (a limited path's token is taken here)."""
        limits = self.limits
        if len(scope.get("query_string", b"")) > limits.max_query_bytes:
            return Refusal(414, f"query string longer than {limits.max_query_bytes} bytes")
        declared = declared_length(scope)
        if declared is None:
            return Refusal(400, "Content-Length is not a non-negative integer")
        if declared > limits.max_body_bytes:
            return Refusal(413, f"request body over {limits.max_body_bytes} bytes")
        if is_limited_path(scope["path"]):
            wait = self.buckets.take(client_key(scope, limits.trusted_proxies))
            if wait > 0:
                retry = str(max(1, math.ceil(wait))).encode()
                reason = "too many requests; slow down and retry after the given seconds"
                return Refusal(429, reason, ((b"retry-after", retry),))
        return None


def declared_length(scope: Scope) -> int | None:
    """The request's Content-Length (0 when absent), None when it is not a number."""
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            text = bytes(value).decode("latin-1").strip()
            return int(text) if text.isdigit() else None
    return 0


async def _refuse(send: Send, refusal: Refusal) -> None:
    body = json.dumps({"detail": refusal.reason}).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        (b"cache-control", b"no-store"),
        *refusal.headers,
    ]
    await send({"type": "http.response.start", "status": refusal.status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class AbuseLimitMiddleware:
    def __init__(
        self, app: ASGIApp, limits: Limits | None = None, limiter: RequestLimiter | None = None
    ) -> None:
        self.app = app
        self.limiter = limiter or RequestLimiter(limits)
        self.limits = self.limiter.limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        state = scope.get("state", {})
        refusal = state[ADMISSION] if ADMISSION in state else self.limiter.admit(scope)
        if refusal is not None:
            await _refuse(send, refusal)
            return
        if declared_length(scope) == 0 and request_header(scope, b"transfer-encoding") is None:
            await self.app(scope, receive, send)  # no body at all: nothing to count
            return
        await self._bounded(scope, receive, send)

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
                        await _refuse(send, Refusal(413, f"request body over {limit} bytes"))
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
