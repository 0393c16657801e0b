"""A bounded memo of finished responses, answered before routing, rendering or compression.

Every cacheable response is a pure function of the build and the request's path, query
and whether it accepts gzip (see `evidex.web.caching`), and a build never changes once served.
So the first GET of a URL runs the whole stack below (handler, ETag, security headers, gzip)
and its final status, headers and body are kept; later GETs and HEADs of the same URL under the
same build are answered from the memo, with 304 on a matching If-None-Match as before.

Only what the caching layer marked public (200 with our Cache-Control) is kept: errors,
redirects, rate-limited routes and `no-store` responses (health, metrics) always run the
handler. The memo holds at most `max_bytes` and forgets the least recently used entries first;
a new build empties it. Requests for a URL that is being rendered wait for that render instead
of starting their own.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from evidex.ops.ratelimit import is_limited_path
from evidex.web.caching import CACHE_CONTROL, etag_matches

DEFAULT_MAX_BYTES = 64 * 1024 * 1024
ENTRY_OVERHEAD_BYTES = 512  # the key, the entry and its header list, roughly
MAX_ENTRY_SHARE = 8  # one entry may take at most 1/8 of the memo
BODY_HEADERS = (b"content-length", b"content-type", b"content-encoding")

Key = tuple[str, str, bytes, bool]


@dataclass(frozen=True)
class Entry:
    headers: list[tuple[bytes, bytes]]
    body: bytes
    not_modified_headers: list[tuple[bytes, bytes]]
    etag: str
    route: Any  # the matched route, so the access log and metrics name it as on a miss

    @property
    def size(self) -> int:
        return len(self.body) + sum(len(k) + len(v) for k, v in self.headers) + ENTRY_OVERHEAD_BYTES


class ByteBoundedLRU:
    """Entries by key, least recently used forgotten first once they hold over `max_bytes`."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.bytes = 0
        self._entries: OrderedDict[Key, Entry] = OrderedDict()

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: Key) -> Entry | None:
        entry = self._entries.get(key)
        if entry is not None:
            self._entries.move_to_end(key)
        return entry

    def put(self, key: Key, entry: Entry) -> None:
        if entry.size > self.max_bytes:
            return
        old = self._entries.pop(key, None)
        if old is not None:
            self.bytes -= old.size
        self._entries[key] = entry
        self.bytes += entry.size
        while self.bytes > self.max_bytes:
            _, evicted = self._entries.popitem(last=False)
            self.bytes -= evicted.size

    def clear(self) -> None:
        self._entries.clear()
        self.bytes = 0


def _request_headers(scope: Scope) -> tuple[bool, str | None]:
    """Whether gzip is accepted (as GZipMiddleware decides it), and If-None-Match."""
    gzip = False
    if_none_match: str | None = None
    seen_encoding = False
    for name, value in scope["headers"]:
        if name == b"accept-encoding" and not seen_encoding:
            seen_encoding = True
            gzip = b"gzip" in value
        elif name == b"if-none-match":
            if_none_match = value.decode("latin-1")
    return gzip, if_none_match


def _memoisable(headers: list[tuple[bytes, bytes]]) -> bool:
    return (b"cache-control", CACHE_CONTROL) in headers and any(k == b"etag" for k, _ in headers)


def make_entry(headers: list[tuple[bytes, bytes]], body: bytes, route: Any) -> Entry:
    etag = next(v for k, v in headers if k == b"etag").decode("latin-1")
    # A 304 carries the validators and the response-wide headers, never the body's own.
    not_modified = [(k, v) for k, v in headers if k not in BODY_HEADERS]
    return Entry(headers, body, not_modified, etag, route)


# What the build stored for (build, path, gzip), as a memo entry; None to render as usual.
StoredLookup = Callable[[str, str, bool], Entry | None]


class ResponseMemoMiddleware:
    """`build_id` returns the id of the build this request is served from; `stored` finds the
    page the build pre-rendered (evidex.web.prerender), so even a first view does not render."""

    def __init__(
        self,
        app: ASGIApp,
        build_id: Callable[[], str],
        max_bytes: int = DEFAULT_MAX_BYTES,
        stored: StoredLookup | None = None,
    ) -> None:
        self.app = app
        self.build_id = build_id
        self.stored = stored
        self.entries = ByteBoundedLRU(max_bytes)
        self._build = ""
        self._pending: dict[Key, asyncio.Event] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        method = scope["method"] if scope["type"] == "http" else ""
        if method not in ("GET", "HEAD") or is_limited_path(scope["path"]):
            await self.app(scope, receive, send)
            return
        build = self.build_id()
        if build != self._build:
            self.entries.clear()  # a new build: nothing kept can be served again
            self._build = build
        gzip, if_none_match = _request_headers(scope)
        key: Key = (build, scope["path"], scope["query_string"], gzip)
        entry = self.entries.get(key)
        if entry is None and self.stored is not None and not scope["query_string"]:
            entry = self.stored(build, scope["path"], gzip)
            if entry is not None:
                self.entries.put(key, entry)
        if entry is None and key in self._pending:
            # The same URL is being rendered for another request: wait for it rather than
            # render it again (after a swap, every worker would otherwise render a hot page
            # once per waiting client).
            await self._pending[key].wait()
            entry = self.entries.get(key)
        if entry is not None:
            await self._answer(scope, send, entry, if_none_match)
        elif method == "GET" and key not in self._pending:
            self._pending[key] = asyncio.Event()
            try:
                await self._run_and_keep(scope, receive, send, key)
            finally:
                self._pending.pop(key).set()
        else:
            await self.app(scope, receive, send)

    async def _answer(
        self, scope: Scope, send: Send, entry: Entry, if_none_match: str | None
    ) -> None:
        scope["route"] = entry.route
        if if_none_match is not None and etag_matches(if_none_match, entry.etag):
            start = {"type": "http.response.start", "status": 304}
            await send({**start, "headers": entry.not_modified_headers})
            await send({"type": "http.response.body", "body": b""})
            return
        await send({"type": "http.response.start", "status": 200, "headers": entry.headers})
        body = entry.body if scope["method"] == "GET" else b""
        await send({"type": "http.response.body", "body": body})

    async def _run_and_keep(self, scope: Scope, receive: Receive, send: Send, key: Key) -> None:
        headers: list[tuple[bytes, bytes]] | None = None
        chunks: list[bytes] = []
        room = self.entries.max_bytes // MAX_ENTRY_SHARE

        async def keep(message: Message) -> None:
            nonlocal headers, room
            if message["type"] == "http.response.start":
                if message["status"] == 200 and _memoisable(list(message.get("headers", []))):
                    headers = list(message["headers"])
            elif message["type"] == "http.response.body" and headers is not None:
                chunk = bytes(message.get("body", b""))
                room -= len(chunk)
                chunks.append(chunk)
                if room < 0:
                    headers = None  # too large to keep: stream it on without a copy
                    chunks.clear()
                elif not message.get("more_body", False):
                    self.entries.put(key, make_entry(headers, b"".join(chunks), scope.get("route")))
            await send(message)

        await self.app(scope, receive, keep)
