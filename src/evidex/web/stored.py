"""The pages a build stored (evidex.web.prerender), read for the response memo's fast path.

A stored page's first view costs a lookup, so the lookup's own overhead matters: read one
statement at a time, SQLite takes and drops a shared lock and checks the file for a change on
each one, which was half of a stored page's cost in the worker. So lookups in one worker share
a read transaction on a connection of their own, begun at the first lookup and ended at most
HOLD_SECONDS later (by a timer, so an idle worker holds nothing): an incremental build's commit
waits at most that long, as it waits for any request's transaction. The served build changes
only between transactions: a new file (a full build) or a new build id in the same file (an
incremental one) is a new generation of the database, and its pages are read in a new
transaction; every page carries the build it was rendered in, and one of another build is not
sent, so an answer is one build's page, never a mix.

A page's headers are those of the rendering path, finished as the layers around the app finish
them (build identity, security headers): worked out in full once per build and kind of page
(content type, encoding), then only its length and ETag are filled in.
"""

from __future__ import annotations

import asyncio
import sqlite3
import zlib
from collections.abc import Collection
from dataclasses import dataclass, field

from evidex.storage.db import Database, Generation
from evidex.web.caching import CACHE_CONTROL, http_date, make_etag
from evidex.web.memo import finished_headers
from evidex.web.prerender import SITE_META_KEY, StoredPage, stored_page

HOLD_SECONDS = 0.05
Headers = list[tuple[bytes, bytes]]


def response_headers(
    page: StoredPage, gzip: bool, built_at: str | None, query: str = ""
) -> tuple[Headers, bytes]:
    """Headers and body as the rendering path sends them (GZipMiddleware, CachingMiddleware)
    for the page's path and `query`; the security headers and X-Evidex-Build are added outside,
    as for any response."""
    body = page.body
    headers = [(b"content-type", page.content_type.encode("latin-1"))]
    if page.encoding == "gzip" and not gzip:
        body = zlib.decompress(body, 16 + zlib.MAX_WBITS)
    if page.encoding == "gzip" and gzip:
        headers.append((b"content-encoding", b"gzip"))
    headers.append((b"content-length", str(len(body)).encode()))
    if page.encoding == "gzip":  # as GZipMiddleware: any body big enough to compress
        headers.append((b"vary", b"Accept-Encoding"))
    headers += [
        (b"etag", make_etag(page.build_id, page.path, query).encode()),
        (b"cache-control", CACHE_CONTROL),
    ]
    last_modified = http_date(built_at)
    if last_modified:
        headers.append((b"last-modified", last_modified.encode()))
    return headers, body


@dataclass
class _Shape:
    """The finished headers of one kind of page, and where its length and ETag go."""

    headers: Headers
    length_at: int
    etag_at: int


@dataclass
class _Reading:
    """What one generation's lookups share: its connection and the headers of its pages."""

    generation: Generation
    conn: sqlite3.Connection | None  # None: the path names another file by now
    site: str
    shapes: dict[tuple[str, str], _Shape] = field(default_factory=dict)
    release: asyncio.TimerHandle | None = None

    def end(self) -> None:
        """End the read transaction (a timer's callback, or the generation's end)."""
        self.release = None
        if self.conn is not None and self.conn.in_transaction:
            self.conn.rollback()


class StoredPages:
    """`(build, path, query, gzip)` -> the stored page of the served build as the memo sends it
    (finished headers, body, route template), or None to answer as usual; `site` is the key
    of the site this server renders for (see evidex.web.prerender.site_key).

    A page whose route declares no query parameter (`query_free`, route templates) answers any
    query string as it answers none, but for its ETag, which names the query
    (evidex.web.caching): `/compounds/x?utm_source=mail` is the stored page too."""

    def __init__(self, db: Database, site: str, query_free: Collection[str] = ()) -> None:
        self.db = db
        self.site = site
        self.query_free = frozenset(query_free)
        self._reading: _Reading | None = None

    def __call__(
        self, build: str, path: str, query: str, gzip: bool
    ) -> tuple[Headers, bytes, str] | None:
        reading = self._current()
        if reading.site != self.site:
            return None
        page = stored_page(self._connection(reading), path)
        if page is None or page.build_id != build:
            return None
        if query and page.route not in self.query_free:
            return None
        if gzip or page.encoding != "gzip":
            shape = reading.shapes.get((page.content_type, page.encoding))
            if shape is not None:
                headers = shape.headers.copy()
                headers[shape.length_at] = (b"content-length", str(len(page.body)).encode())
                headers[shape.etag_at] = (b"etag", make_etag(build, path, query).encode())
                return headers, page.body, page.route
        built_at = reading.generation.meta.get("built_at")
        own, body = response_headers(page, gzip, built_at, query)
        headers = finished_headers(own, build)
        if gzip or page.encoding != "gzip":
            names = [name for name, _ in headers]
            shape = _Shape(headers, names.index(b"content-length"), names.index(b"etag"))
            reading.shapes[(page.content_type, page.encoding)] = shape
        return headers, body, page.route

    def _current(self) -> _Reading:
        generation = self.db.current()
        reading = self._reading
        if reading is not None and reading.generation is generation:
            return reading
        if reading is not None:
            self._close(reading)
        assert generation.pool is not None
        site = generation.meta.get(SITE_META_KEY, "")
        self._reading = _Reading(generation, generation.pool.take(), site)
        return self._reading

    def _connection(self, reading: _Reading) -> sqlite3.Connection:
        conn = reading.conn
        if conn is None:
            return reading.generation.connection()  # each statement its own read
        if not conn.in_transaction:
            try:
                loop = asyncio.get_running_loop()
            except RuntimeError:  # no loop to end it: each statement its own read
                return conn
            conn.execute("BEGIN")
            reading.release = loop.call_later(HOLD_SECONDS, reading.end)
        return conn

    def _close(self, reading: _Reading) -> None:
        if reading.release is not None:
            reading.release.cancel()
        reading.end()
        if reading.conn is not None:
            assert reading.generation.pool is not None
            reading.generation.pool.give_back(reading.conn)

    def close(self) -> None:
        if self._reading is not None:
            self._close(self._reading)
            self._reading = None
