"""HTTP caching: ETag from (build id, path, query), Last-Modified from the build time,
Cache-Control public for five minutes, and 304 on a matching If-None-Match.

Every response is a pure function of the build and the URL, so the validator can be checked
before running the handler at all.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable
from datetime import datetime
from email.utils import format_datetime

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from evidex.ops.scope import request_header

CACHE_CONTROL = b"public, max-age=300"


def make_etag(build_id: str, path: str, query: str) -> str:
    digest = hashlib.blake2b(f"{build_id}\0{path}\0{query}".encode(), digest_size=12)
    return f'W/"{digest.hexdigest()}"'


@functools.lru_cache(maxsize=16)  # one build time per served build: asked on every response
def http_date(iso: str | None) -> str | None:
    if not iso:
        return None
    try:
        parsed = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed.tzinfo is None:
        return None
    return format_datetime(parsed, usegmt=True)


def etag_matches(header: str, etag: str) -> bool:
    if header.strip() == "*":
        return True
    weak = etag.removeprefix("W/")
    return any(tag.strip().removeprefix("W/") == weak for tag in header.split(","))


class CachingMiddleware:
    """`build_info` returns (build_id, built_at) of the build currently served."""

    def __init__(self, app: ASGIApp, build_info: Callable[[], tuple[str, str | None]]) -> None:
        self.app = app
        self.build_info = build_info

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        build_id, built_at = self.build_info()
        query = scope.get("query_string", b"").decode("latin-1")
        # No response depends on the Host header (see evidex.web.security), so it is not
        # part of the tag: a made-up Host can neither poison nor fragment a cache.
        etag = make_etag(build_id, scope["path"], query)
        last_modified = http_date(built_at)
        validators = [(b"etag", etag.encode()), (b"cache-control", CACHE_CONTROL)]
        if last_modified:
            validators.append((b"last-modified", last_modified.encode()))
        if_none_match = request_header(scope, b"if-none-match")
        if if_none_match is not None and etag_matches(if_none_match, etag):
            await send({"type": "http.response.start", "status": 304, "headers": validators})
            await send({"type": "http.response.body", "body": b""})
            return

        async def send_with_validators(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] == 200:
                present = {name.lower() for name, _ in message.get("headers", [])}
                message["headers"] = [
                    *message.get("headers", []),
                    *(h for h in validators if h[0] not in present),
                ]
            await send(message)

        await self.app(scope, receive, send_with_validators)
