"""A bounded memo of finished responses, answered in front of everything else.

Every cacheable response is a pure function of the build and the request's path, query
and whether it accepts gzip (see `evidex.web.caching`), and a build never changes once served.
So the first GET of a URL runs the whole stack (handler, ETag, build identity, security headers,
gzip) and its final status, headers and body are kept; later GETs and HEADs of the same URL
under the same build are answered from the memo, with 304 on a matching If-None-Match as before.
A page the build stored (evidex.web.prerender) is answered the same way on its first view, its
headers finished as the layers it skips would finish them (evidex.web.stored).

The memo is the outermost layer, so a hit costs no routing and no layer at all; what those
layers do for every request it does itself, cheaply: a request for another host, with a body or
an oversized query goes through the whole stack (which refuses it); a rate-limited path takes
its token here, once (the limiter's decision travels in the scope); every answer is counted in
the metrics and the access log as the observing layer counts it.

Kept: 200s the caching layer marked public, and the 404s and redirects (301, 303, 308) of a
build, which are functions of the path too (redirects only where no base URL makes the Location
depend on the Host). Errors and `no-store` responses (health, metrics) always run the handler.
The memo holds at most `max_bytes` and forgets the least recently used entries first; a new
build empties it. Requests for a URL that is being rendered wait for that render instead of
starting their own.
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from evidex.ops.identity import BUILD_HEADER, with_build_header
from evidex.ops.metrics import route_template
from evidex.ops.observe import Observer
from evidex.ops.ratelimit import ADMISSION, RequestLimiter, is_limited_path
from evidex.web.caching import CACHE_CONTROL, etag_matches
from evidex.web.httpbounds import Written, prepared, written_headers
from evidex.web.security import host_of, with_security_headers

DEFAULT_MAX_BYTES = 64 * 1024 * 1024
ENTRY_OVERHEAD_BYTES = 512  # the key, the entry and its header list, roughly
MAX_ENTRY_SHARE = 8  # one entry may take at most 1/8 of the memo
BODY_HEADERS = (b"content-length", b"content-type", b"content-encoding")
KEPT_REDIRECTS = frozenset({301, 303, 308})
NOT_FOUND = 404

Key = tuple[str, str, bytes, bool]


Headers = tuple[tuple[bytes, bytes], ...]


# Slots and tuples: a memo of ~15,000 entries adds one object per entry for the garbage
# collector to walk (tuples of bytes it stops tracking), not four, which kept full collections
# at tens of ms per worker.
@dataclass(frozen=True, slots=True)
class Entry:
    headers: Headers
    body: bytes
    not_modified_headers: Headers
    etag: str
    route: str | None  # the route template, as the access log and metrics name it
    status: int = 200
    size: int = field(init=False)
    # How the HTTP server writes the headers out (evidex.web.httpbounds), worked out at the
    # first answer, so every later one sends prepared lines.
    written: Written | None = field(init=False, default=None)
    not_modified_written: Written | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        header_bytes = sum(len(k) + len(v) for k, v in self.headers)
        header_bytes += 8 * (len(self.headers) + len(self.not_modified_headers))  # written lines
        object.__setattr__(self, "size", len(self.body) + header_bytes + ENTRY_OVERHEAD_BYTES)

    def sent_headers(self, not_modified: bool = False) -> Headers:
        """The headers to send (the 304's when `not_modified`), with their written lines."""
        if not_modified:
            if self.not_modified_written is None:
                written = written_headers(self.not_modified_headers)
                object.__setattr__(self, "not_modified_written", written)
            return prepared(self.not_modified_headers, self.not_modified_written)
        if self.written is None:
            object.__setattr__(self, "written", written_headers(self.headers))
        return prepared(self.headers, self.written)


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


@dataclass
class _Request:
    """What the memo reads of a request's headers, in one pass."""

    gzip: bool = False
    if_none_match: str | None = None
    host: str | None = None  # the first Host header, as the host guard reads it
    has_body: bool = False


def _read_headers(scope: Scope) -> _Request:
    seen = _Request()
    seen_encoding = False
    for name, value in scope["headers"]:
        if name == b"accept-encoding":
            if not seen_encoding:  # as GZipMiddleware decides it: the first such header
                seen_encoding = True
                seen.gzip = b"gzip" in value
        elif name == b"host":
            if seen.host is None:
                seen.host = value.decode("latin-1")
        elif name == b"if-none-match":
            seen.if_none_match = value.decode("latin-1")
        elif name == b"transfer-encoding" or (name == b"content-length" and value != b"0"):
            seen.has_body = True
    return seen


def _keepable(status: int, headers: list[tuple[bytes, bytes]], redirects: bool) -> bool:
    if status == 200:
        return (b"cache-control", CACHE_CONTROL) in headers and any(
            k == b"etag" for k, _ in headers
        )
    if status == NOT_FOUND or (redirects and status in KEPT_REDIRECTS):
        return not any(k in (b"cache-control", b"set-cookie") for k, _ in headers)
    return False


def make_entry(
    headers: list[tuple[bytes, bytes]], body: bytes, route: str | None, status: int = 200
) -> Entry:
    etag = next((v for k, v in headers if k == b"etag"), b"").decode("latin-1")
    # A 304 carries the validators and the response-wide headers, never the body's own.
    not_modified = tuple((k, v) for k, v in headers if k not in BODY_HEADERS)
    return Entry(tuple(headers), body, not_modified, etag, route, status)


def finished_headers(headers: list[tuple[bytes, bytes]], build: str) -> list[tuple[bytes, bytes]]:
    """A page's own headers as the layers around the app finish them: build identity, then
    the security headers (evidex.ops.identity, evidex.web.security)."""
    return with_security_headers(with_build_header(headers, build.encode()))


# What the build stored for (build, path, query, gzip): the page's headers as the whole stack
# sends them (`finished_headers`), its body and its route template; None to answer as usual.
StoredLookup = Callable[[str, str, str, bool], tuple[list[tuple[bytes, bytes]], bytes, str] | None]
# The 301 a path (without query) answers as another name of a page, as its handler would send
# it: (headers, route template); None when the path names no redirect.
RedirectLookup = Callable[[str], tuple[list[tuple[bytes, bytes]], str] | None]


class ResponseMemoMiddleware:
    """`build_id` returns the id of the build served now; `stored` finds the page the build
    pre-rendered (evidex.web.prerender), so even a first view does not render. `observer` and
    `limiter` are the ops layer's own (evidex.ops), `allowed_hosts` the host guard's."""

    def __init__(
        self,
        app: ASGIApp,
        build_id: Callable[[], str],
        max_bytes: int = DEFAULT_MAX_BYTES,
        stored: StoredLookup | None = None,
        observer: Observer | None = None,
        limiter: RequestLimiter | None = None,
        allowed_hosts: Collection[str] = (),
        redirect: RedirectLookup | None = None,
    ) -> None:
        self.app = app
        self.build_id = build_id
        self.stored = stored
        self.redirect = redirect
        self.observer = observer
        self.limiter = limiter
        self.allowed = frozenset(host_of(host) for host in allowed_hosts if host)
        self.max_query_bytes = limiter.limits.max_query_bytes if limiter else 1 << 62
        self.entries = ByteBoundedLRU(max_bytes)
        self._build = ""
        self._pending: dict[Key, asyncio.Event] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        method = scope["method"] if scope["type"] == "http" else ""
        if method not in ("GET", "HEAD") or len(scope["query_string"]) > self.max_query_bytes:
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        seen = _read_headers(scope)
        if seen.has_body or (self.allowed and host_of(seen.host or "") not in self.allowed):
            await self.app(scope, receive, send)  # the whole stack refuses or reads it
            return
        if self.limiter is not None and is_limited_path(scope["path"]):
            refusal = self.limiter.admit(scope)
            scope.setdefault("state", {})[ADMISSION] = refusal  # decided: not again inside
            if refusal is not None:
                await self.app(scope, receive, send)
                return
        build = self.build_id()
        if build != self._build:
            self.entries.clear()  # a new build: nothing kept can be served again
            self._build = build
        key: Key = (build, scope["path"], scope["query_string"], seen.gzip)
        entry = self.entries.get(key)
        if entry is None:
            entry = self._stored(build, scope["path"], scope["query_string"], seen.gzip)
            if entry is not None:
                self.entries.put(key, entry)
        if entry is None and key in self._pending:
            # The same URL is being rendered for another request: wait for it rather than
            # render it again (after a swap, every worker would otherwise render a hot page
            # once per waiting client).
            await self._pending[key].wait()
            entry = self.entries.get(key)
        if entry is not None and (seen.if_none_match is None or entry.etag):
            await self._answer(scope, send, entry, seen.if_none_match, build, started)
        elif method == "GET" and entry is None and key not in self._pending:
            self._pending[key] = asyncio.Event()
            try:
                await self._run_and_keep(scope, receive, send, key)
            finally:
                self._pending.pop(key).set()
        else:
            await self.app(scope, receive, send)

    def _stored(self, build: str, path: str, query: bytes, gzip: bool) -> Entry | None:
        """The page the build stored, or the redirect a compound's other name answers (not
        where a base URL makes its Location depend on the Host, nor with a query, which the
        Location keeps), finished as the stack would."""
        found = None
        if self.stored is not None:
            found = self.stored(build, path, query.decode("latin-1"), gzip)
        if found is not None:
            headers, body, route = found
            return make_entry(headers, body, route)
        if query or self.redirect is None or self.allowed:
            return None
        moved = self.redirect(path)
        if moved is None or self.build_id() != build:  # a swap meanwhile: the stack answers
            return None
        headers, route = moved
        return make_entry(finished_headers(headers, build), b"", route, 301)

    async def _answer(
        self,
        scope: Scope,
        send: Send,
        entry: Entry,
        if_none_match: str | None,
        build: str,
        started: float,
    ) -> None:
        if if_none_match is not None and etag_matches(if_none_match, entry.etag):
            status, body, headers = 304, b"", entry.sent_headers(not_modified=True)
        else:
            status, headers = entry.status, entry.sent_headers()
            body = entry.body if scope["method"] == "GET" else b""
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})
        if self.observer is not None:
            seconds = time.perf_counter() - started
            route = entry.route or route_template(scope)
            self.observer.record(scope, route, status, len(body), seconds, build)

    async def _run_and_keep(self, scope: Scope, receive: Receive, send: Send, key: Key) -> None:
        status = 0
        headers: list[tuple[bytes, bytes]] | None = None
        chunks: list[bytes] = []
        room = self.entries.max_bytes // MAX_ENTRY_SHARE
        build = key[0].encode()

        async def keep(message: Message) -> None:
            nonlocal status, headers, room
            if message["type"] == "http.response.start":
                status = message["status"]
                sent = list(message.get("headers", []))
                # only what this build made (a swap between our look and the stack's is not)
                stamped = next((v for k, v in sent if k == BUILD_HEADER), build)
                if stamped == build and _keepable(status, sent, not self.allowed):
                    headers = sent
            elif message["type"] == "http.response.body" and headers is not None:
                chunk = bytes(message.get("body", b""))
                room -= len(chunk)
                chunks.append(chunk)
                if room < 0:
                    headers = None  # too large to keep: stream it on without a copy
                    chunks.clear()
                elif not message.get("more_body", False):
                    body = b"".join(chunks)
                    route = route_template(scope)
                    self.entries.put(key, make_entry(headers, body, route, status))
            await send(message)

        await self.app(scope, receive, keep)
