"""Security headers on every response, and the Host header kept out of everything we send.

Pure ASGI middleware, outermost, so they also cover errors, refusals and static files.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from evidex.ops.scope import request_header

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
# The same policy for a <meta http-equiv> tag in the static export: browsers ignore
# frame-ancestors there, so the host's headers (docs/deploy.md) must carry that one.
META_CONTENT_SECURITY_POLICY = "; ".join(
    part for part in CONTENT_SECURITY_POLICY.split("; ") if not part.startswith("frame-ancestors")
)
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"strict-origin-when-cross-origin"),
    (b"x-frame-options", b"DENY"),
)


def with_security_headers(headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    """`headers` and after them each security header the response does not set itself."""
    present = {name.lower() for name, _ in headers}
    return [*headers, *(h for h in SECURITY_HEADERS if h[0] not in present)]


class SecurityHeadersMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = with_security_headers(list(message.get("headers", [])))
            await send(message)

        await self.app(scope, receive, send_with_headers)


# Answered whatever the Host: a balancer's probe names the replica by its own address.
HOST_EXEMPT_PATHS = ("/healthz", "/metrics")


def host_of(netloc: str) -> str:
    """'Example.org:443' -> 'example.org'; '[::1]:8000' -> '::1'."""
    return (urlsplit(f"//{netloc}").hostname or "").lower()


class HostGuardMiddleware:
    """Where the site's base URL is set, a request for any other host is refused (400), so
    no response names a host the client made up. Every same-host redirect goes out relative
    (`Location: /compounds`), never rebuilt from the Host header."""

    def __init__(self, app: ASGIApp, allowed_hosts: Iterable[str] = ()) -> None:
        self.app = app
        self.allowed = frozenset(host_of(host) for host in allowed_hosts if host)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        host = request_header(scope, b"host") or ""
        refused = self.allowed and host_of(host) not in self.allowed
        if refused and scope["path"] not in HOST_EXEMPT_PATHS:
            await _refuse_host(send, host)
            return

        async def send_relative(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [
                    (name, _relative(value, host) if name.lower() == b"location" else value)
                    for name, value in message.get("headers", [])
                ]
            await send(message)

        await self.app(scope, receive, send_relative)


def _relative(location: bytes, host: str) -> bytes:
    """An absolute Location on the request's own host, as a path (other sites untouched)."""
    text = location.decode("latin-1")
    parts = urlsplit(text)
    if not parts.netloc or parts.netloc.lower() != host.lower():
        return location
    path = parts.path or "/"
    relative = path + (f"?{parts.query}" if parts.query else "")
    if relative.startswith("//"):  # would read as another host
        relative = "/" + relative.lstrip("/")
    return relative.encode("latin-1")


async def _refuse_host(send: Send, host: str) -> None:
    body = json.dumps({"detail": f"unknown host {host[:100]!r}"}).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        (b"cache-control", b"no-store"),
    ]
    await send({"type": "http.response.start", "status": 400, "headers": headers})
    await send({"type": "http.response.body", "body": body})
