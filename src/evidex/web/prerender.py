"""Pages rendered and compressed at build time, so a reader's first view of a page costs a
lookup rather than a render.

Every page that is a pure function of the build and its path (profiles, evidence, research and
goal pages, the JSON of each, and the few list pages) is rendered through the site's own routes
over the finished artifact, gzip-compressed and stored in the `pages` table with the build id it
was rendered in. The server's response memo (`evidex.web.memo`) answers from that table before
routing. What a page shows is recorded as its dependencies (`page_deps`): the compounds and
articles it links to, or `*` for pages that list many of them, so `rerender` can redo exactly
the pages one edit touches.

Pages are rendered for one `Site` (base URL from EVIDEX_BASE_URL at build time); a server
configured for another site ignores them and renders as before.
"""

from __future__ import annotations

import asyncio
import os
import re
import sqlite3
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import deflate
from starlette.types import Message

from evidex.build.forked import can_fork, inherited, inheriting_pool, worker_count
from evidex.web.deps import SHARED_STATE

PAGE_TABLES = """
CREATE TABLE IF NOT EXISTS pages (
    path TEXT PRIMARY KEY,
    build_id TEXT NOT NULL,          -- the build the page was rendered in
    route TEXT NOT NULL,             -- the route template, as metrics and the access log name it
    content_type TEXT NOT NULL,
    encoding TEXT NOT NULL,          -- 'gzip', or '' for a body too small to compress
    length INTEGER NOT NULL,         -- bytes of the body once decompressed
    body BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS page_deps (
    dep TEXT NOT NULL,               -- 'compound:<slug>', 'article:<slug>' or '*' (any change)
    path TEXT NOT NULL,
    PRIMARY KEY (dep, path)
) WITHOUT ROWID;
"""
SITE_META_KEY = "pages_site"  # the Site the stored pages were rendered for
# libdeflate over the 2,000 pages bench.build_bench.page_costs renders (10,000-compound build,
# 19.6 KiB each before compression), CPU-ms a page and the share of bytes kept: level 1 0.048 /
# 20.1%, 2 0.071 / 19.7%, 3 0.075 / 19.4%, 4 0.077 / 19.0%, 5 0.092 / 18.7%, 6 0.100 / 18.5%.
# Level 4: 2.7% more bytes than 6 for three quarters of its CPU; level 1 would halve it again
# for 8.6% more bytes, which every reader downloads.
GZIP_LEVEL = 4
# As GZipMiddleware: smaller bodies go out as they are.
MINIMUM_GZIP_SIZE = 800
ANY_CHANGE = "*"
_CHUNK = 256
_LINKS = re.compile(rb'/(compounds|research)/([a-z0-9][a-z0-9-]*)(?=["/?#])')
_COMPOUND_SLUG = re.compile(rb'"compound_slug":\s*"([^"]+)"')


@dataclass(frozen=True)
class StoredPage:
    path: str
    build_id: str
    route: str
    content_type: str
    encoding: str
    length: int
    body: bytes
    deps: frozenset[str] = frozenset()


def site_key(base_url: str, base_path: str = "", live_reload: bool = False) -> str:
    return f"{base_url}|{base_path}|{int(live_reload)}"


def build_site_key() -> str:
    """The site a build renders for: the base URL the server will be given."""
    from evidex.web.app import BASE_URL_ENV

    return site_key(os.environ.get(BASE_URL_ENV, "").strip().rstrip("/"))


def page_paths(conn: sqlite3.Connection) -> list[str]:
    """Every path the build pre-renders: one per page a URL without a query names. A
    compound's articles follow its own pages: rendered one after another, they share the
    evidence and plots they show (see `PageRenderer`)."""
    compounds = [r[0] for r in conn.execute("SELECT slug FROM compounds ORDER BY slug")]
    compounds_set = set(compounds)
    articles: dict[str | None, list[str]] = {}
    for slug, compound in conn.execute("SELECT slug, compound_slug FROM articles ORDER BY slug"):
        articles.setdefault(compound if compound in compounds_set else None, []).append(slug)
    goals = [r[0] for r in conn.execute("SELECT slug FROM goals ORDER BY slug")]
    paths = ["/", "/compounds", "/research", "/goals", "/methodology", "/about"]
    paths += ["/api/v1/research", "/api/v1/goals"]
    for slug in compounds:
        paths += [f"/compounds/{slug}", f"/compounds/{slug}/evidence"]
        paths += [f"/api/v1/compounds/{slug}", f"/api/v1/compounds/{slug}/evidence"]
        paths += _article_paths(articles.get(slug, []))
    paths += _article_paths(articles.get(None, []))
    for slug in goals:
        paths += [f"/goals/{slug}", f"/api/v1/goals/{slug}"]
    return paths


def _article_paths(slugs: list[str]) -> list[str]:
    return [p for slug in slugs for p in (f"/research/{slug}", f"/api/v1/research/{slug}")]


def dependencies(path: str, body: bytes) -> frozenset[str]:
    """What a page shows: the compounds and articles it links to and its own subject; pages
    that list or count many of them depend on any change."""
    parts = path.removeprefix("/api/v1").strip("/").split("/")
    if len(parts) < 2 or parts[0] == "goals":
        return frozenset({ANY_CHANGE})
    own = {f"{'compound' if parts[0] == 'compounds' else 'article'}:{parts[1]}"}
    # Read from the bytes as they are: slugs are ASCII, and decoding each page cost a third
    # of this function.
    linked = {
        f"{'compound' if kind == b'compounds' else 'article'}:{slug.decode()}"
        for kind, slug in set(_LINKS.findall(body))
    }
    if parts[0] == "research":
        compound = _COMPOUND_SLUG.search(body)
        if compound:
            linked.add(f"compound:{compound.group(1).decode()}")
    return frozenset(own | linked)


def compress(body: bytes, level: int = GZIP_LEVEL) -> tuple[str, bytes]:
    if len(body) < MINIMUM_GZIP_SIZE:
        return "", body
    return "gzip", bytes(deflate.gzip_compress(body, level))


# Pages whose handlers are plain functions of (request, slug), called in this thread with the
# route's own response model: routing them through FastAPI (matching, a thread-pool hop per
# page) doubled their cost. (pattern, route template, module, handler, extra arguments)
_DIRECT: tuple[tuple[re.Pattern[str], str, str, str, dict[str, Any]], ...] = (
    (re.compile(r"/compounds/([^/]+)"), "/compounds/{name}", "pages", "compound", {}),
    (
        re.compile(r"/compounds/([^/]+)/evidence"),
        "/compounds/{name}/evidence",
        "pages",
        "compound_evidence",
        {"goal": None},
    ),
    (re.compile(r"/research/([^/]+)"), "/research/{slug}", "pages", "research", {}),
    (re.compile(r"/goals/([^/]+)"), "/goals/{slug}", "pages", "goal", {}),
    (
        re.compile(r"/api/v1/compounds/([^/]+)"),
        "/api/v1/compounds/{name}",
        "api",
        "api_compound",
        {},
    ),
    (
        re.compile(r"/api/v1/compounds/([^/]+)/evidence"),
        "/api/v1/compounds/{name}/evidence",
        "api",
        "api_compound_evidence",
        {"goal": None},
    ),
    (re.compile(r"/api/v1/research/([^/]+)"), "/api/v1/research/{slug}", "api", "api_article", {}),
    (re.compile(r"/api/v1/goals/([^/]+)"), "/api/v1/goals/{slug}", "api", "api_goal", {}),
)


_PROFILE = re.compile(r"/compounds/[^/]+")
_SHARED_LIMIT = 64  # entries; a compound's pages make a dozen or so


class PageRenderer:
    """The site's own routes over one artifact, called without the middleware around them."""

    def __init__(self, db_path: Path, site_key_value: str) -> None:
        from fastapi.middleware.asyncexitstack import AsyncExitStackMiddleware

        from evidex.web.app import create_app
        from evidex.web.templating import Site

        base_url, base_path, live_reload = site_key_value.split("|")
        site = Site(base_url=base_url, base_path=base_path, live_reload=live_reload == "1")
        self.app = create_app(db_path, site)
        self.build_id = self.app.state.db.current().build_id
        self._routes = AsyncExitStackMiddleware(self.app.router)
        self._models = _response_models()
        # The routes run on a loop of their own in a thread of their own: the caller may already
        # be inside a running event loop (a test, a server), where run_until_complete fails.
        self._loop = asyncio.new_event_loop()
        # Shared by the pages of one compound (page_paths puts them together): its evidence,
        # study views and plots are made once for its evidence page, JSON and articles.
        self._shared: dict[tuple[Any, ...], Any] = {}
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="prerender")

    def close(self) -> None:
        self._thread.shutdown()
        self._loop.close()
        self.app.state.db.close()

    def render(self, path: str) -> StoredPage | None:
        """The page at `path` as the live site answers it; None unless it is a 200."""
        if _PROFILE.fullmatch(path) or len(self._shared) > _SHARED_LIMIT:
            self._shared.clear()  # the next compound's pages begin
        for pattern, template, module, handler, extra in _DIRECT:
            if match := pattern.fullmatch(path):
                scope = self._scope(path)
                return self._direct(scope, template, module, handler, match.group(1), extra)
        return self._thread.submit(self._loop.run_until_complete, self._render(path)).result()

    def _scope(self, path: str) -> dict[str, Any]:
        return {
            "type": "http",
            "method": "GET",
            "path": path,
            "raw_path": path.encode(),
            "root_path": "",
            "query_string": b"",
            "headers": [(b"accept-encoding", b"identity")],
            "scheme": "http",
            "server": None,
            "client": None,
            "http_version": "1.1",
            "app": self.app,
            "state": {SHARED_STATE: self._shared},
        }

    async def _render(self, path: str) -> StoredPage | None:
        scope = self._scope(path)
        messages: list[Message] = []

        async def receive() -> Message:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message: Message) -> None:
            messages.append(message)

        try:
            await self._routes(scope, receive, send)
        except Exception:  # an error (404 as HTTPException) is the live site's to answer
            return None
        if not messages or messages[0]["status"] != 200:
            return None
        headers = dict(messages[0].get("headers", []))
        body = b"".join(m.get("body", b"") for m in messages[1:])
        route = str(getattr(scope.get("route"), "path", path))
        return self._page(path, route, headers.get(b"content-type", b"").decode("latin-1"), body)

    def _direct(
        self,
        scope: dict[str, Any],
        route: str,
        module: str,
        handler: str,
        slug: str,
        extra: dict[str, Any],
    ) -> StoredPage | None:
        from fastapi import HTTPException
        from starlette.requests import Request
        from starlette.responses import Response

        from evidex.web import api, pages

        function = getattr(pages if module == "pages" else api, handler)
        try:
            answer = function(Request(scope), slug, **extra)
        except HTTPException:
            return None
        if not isinstance(answer, Response):  # a dict the route's response model serialises
            model = self._models[route]
            answer = Response(
                model.dump_json(model.validate_python(answer), by_alias=True),
                media_type="application/json",
            )
        if answer.status_code != 200:
            return None
        content_type = answer.headers.get("content-type", "")
        return self._page(scope["path"], route, content_type, bytes(answer.body))

    def _page(self, path: str, route: str, content_type: str, body: bytes) -> StoredPage:
        encoding, stored = compress(body)
        return StoredPage(
            path=path,
            build_id=self.build_id,
            route=route,
            content_type=content_type,
            encoding=encoding,
            length=len(body),
            body=stored,
            deps=dependencies(path, body),
        )


def _response_models() -> dict[str, Any]:
    """The JSON routes' own response models, as FastAPI applies them, by route template."""
    from fastapi.routing import APIRoute
    from pydantic import TypeAdapter

    from evidex.web import api

    return {
        route.path: TypeAdapter(route.response_model)
        for route in api.router.routes
        if isinstance(route, APIRoute) and route.response_model is not None
    }


def render_pages(db_path: Path, paths: Sequence[str], site: str) -> list[StoredPage]:
    renderer = PageRenderer(db_path, site)
    try:
        return [page for path in paths if (page := renderer.render(path)) is not None]
    finally:
        renderer.close()


_WORKER: dict[str, PageRenderer] = {}  # one renderer per forked worker, made on its first chunk


def _render_chunk(token: int, start: int) -> str:
    """Render one chunk in a worker into its own side file (SQLite has one writer per file,
    and the artifact is being read by the other workers meanwhile)."""
    db_path, paths, site = inherited(token)
    renderer = _WORKER.get("renderer")
    if renderer is None:
        renderer = _WORKER["renderer"] = PageRenderer(db_path, site)
    side = _side_file(db_path, os.getpid())
    conn = sqlite3.connect(side)
    try:
        conn.execute("PRAGMA journal_mode=OFF")
        conn.execute("PRAGMA synchronous=OFF")
        store(conn, filter(None, map(renderer.render, paths[start : start + _CHUNK])))
        conn.commit()
    finally:
        conn.close()
    return str(side)


def _side_file(db_path: Path, pid: int) -> Path:
    return db_path.with_name(f"{db_path.name}.pages-{pid}")


def render_into(conn: sqlite3.Connection, db_path: Path, paths: list[str], site: str) -> None:
    """Render `paths` of the committed artifact at `db_path` into it (`conn` writes it), on
    every core: forked workers read the artifact themselves and write side files."""
    if not can_fork() or worker_count() < 2 or len(paths) < 2 * _CHUNK:
        store(conn, render_pages(db_path, paths, site))
        return
    import evidex.web.app  # noqa: F401 - imported once here rather than in every worker

    sides: set[str] = set()
    try:
        with inheriting_pool((db_path, paths, site), worker_count()) as (pool, token):
            starts = range(0, len(paths), _CHUNK)
            sides.update(pool.map(_render_chunk, [token] * len(starts), starts))
        conn.executescript(PAGE_TABLES)
        conn.commit()
        for side in sorted(sides):
            conn.execute("ATTACH DATABASE ? AS side", (side,))
            try:
                conn.execute("INSERT INTO main.pages SELECT * FROM side.pages")
                conn.execute("INSERT INTO main.page_deps SELECT * FROM side.page_deps")
                conn.commit()
            finally:
                conn.execute("DETACH DATABASE side")
    finally:
        for side in sides:
            Path(side).unlink(missing_ok=True)


def store(conn: sqlite3.Connection, pages: Iterable[StoredPage]) -> int:
    """Add `pages` (replacing a page of the same path; its old dependencies must be gone)."""
    conn.executescript(PAGE_TABLES)
    count = 0
    for page in pages:
        conn.execute(
            "INSERT OR REPLACE INTO pages VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                page.path,
                page.build_id,
                page.route,
                page.content_type,
                page.encoding,
                page.length,
                page.body,
            ),
        )
        conn.executemany(
            "INSERT INTO page_deps VALUES (?, ?)", [(dep, page.path) for dep in page.deps]
        )
        count += 1
    return count


def prerender_build(conn: sqlite3.Connection, db_path: Path) -> int:
    """Finish hook of the build: render every page of the committed artifact at `db_path`
    (the file `conn` writes) and store them. Returns the number of pages stored."""
    site = build_site_key()
    render_into(conn, db_path, page_paths(conn), site)
    conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (SITE_META_KEY, site))
    conn.commit()
    return int(conn.execute("SELECT count(*) FROM pages").fetchone()[0])


def rerender(
    conn: sqlite3.Connection,
    db_path: Path,
    compounds: Iterable[str] = (),
    articles: Iterable[str] = (),
) -> list[str]:
    """Re-render exactly the pages that show the changed compounds and articles, in the
    database `conn` writes (at `db_path`), whose content tables already hold the change.

    For h-incr's in-place update: pages of a compound or article that no longer exists are
    removed, pages of a new one added. Returns the paths rendered or removed. The server sends
    a stored page only when its build id is the served build's (its ETag and its
    `evidex-build` meta tag name that build), so an update that gives the artifact a new build
    id leaves every page not rendered again to the rendering path until a full build."""
    conn.executescript(PAGE_TABLES)
    articles = list(articles)
    compounds = set(compounds) | _article_compounds(conn, articles)  # its evidence links it
    deps = [f"compound:{slug}" for slug in compounds] + [f"article:{slug}" for slug in articles]
    marks = ",".join("?" * (len(deps) + 1))
    touched = {
        str(r[0])
        for r in conn.execute(
            f"SELECT path FROM page_deps WHERE dep IN ({marks})", (*deps, ANY_CHANGE)
        )
    }
    own = {
        f"/{'compounds' if d.startswith('compound:') else 'research'}/{d.split(':', 1)[1]}"
        for d in deps
    }
    wanted = set(page_paths(conn))
    touched |= {p for p in wanted if p.removeprefix("/api/v1").removesuffix("/evidence") in own}
    conn.commit()
    paths = sorted(touched)
    rendered = {page.path: page for page in render_pages(db_path, paths, _stored_site(conn))}
    conn.executemany("DELETE FROM pages WHERE path = ?", [(p,) for p in paths])
    # One pass over the dependencies (keyed by dependency, not by page) for all of them.
    conn.execute("CREATE TEMP TABLE redone (path TEXT PRIMARY KEY)")
    conn.executemany("INSERT INTO redone VALUES (?)", [(p,) for p in paths])
    conn.execute("DELETE FROM page_deps WHERE path IN (SELECT path FROM redone)")
    conn.execute("DROP TABLE redone")
    store(conn, rendered.values())
    conn.commit()
    return paths


def _article_compounds(conn: sqlite3.Connection, articles: list[str]) -> set[str]:
    marks = ",".join("?" * len(articles))
    rows = conn.execute(
        f"SELECT compound_slug FROM articles WHERE slug IN ({marks})", articles
    ).fetchall()
    return {str(r[0]) for r in rows if r[0]}


def _stored_site(conn: sqlite3.Connection) -> str:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (SITE_META_KEY,)).fetchone()
    return str(row[0]) if row else build_site_key()


def stored_page(conn: sqlite3.Connection, path: str) -> StoredPage | None:
    try:
        row = conn.execute(
            "SELECT build_id, route, content_type, encoding, length, body FROM pages"
            " WHERE path = ?",
            (path,),
        ).fetchone()
    except sqlite3.OperationalError:  # an artifact built before pages were stored
        return None
    if row is None:
        return None
    return StoredPage(path, row[0], row[1], row[2], row[3], row[4], bytes(row[5]))
