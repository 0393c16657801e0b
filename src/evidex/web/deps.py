"""Request-scoped access to the served build, shared by every router."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from typing import Any, TypeVar

from fastapi import Request
from fastapi.responses import RedirectResponse

from evidex.storage import queries
from evidex.storage.db import Database
from evidex.web.templating import Site


def database(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


def connection(request: Request) -> sqlite3.Connection:
    """This thread's connection to the current build (call once per request and keep it)."""
    return database(request).current().connection()


T = TypeVar("T")
# scope["state"] key of a dict the pages rendered one after another share (evidex.web.prerender)
SHARED_STATE = "evidex_shared"


def shared(request: Request, key: tuple[Any, ...], compute: Callable[[], T]) -> T:
    """What `compute()` gives; made once for the pages the build renders together, which
    share a dict in their scope state (a compound's profile, evidence, JSON and articles show
    the same evidence and plots). A reader's request has none and computes. Callers do not
    change what it returns."""
    memo: dict[tuple[Any, ...], Any] | None = request.scope.get("state", {}).get(SHARED_STATE)
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    value: T = memo[key]
    return value


def compound_evidence_of(
    request: Request, conn: sqlite3.Connection, slug: str, goal: str | None
) -> dict[str, Any] | None:
    """`queries.compound_evidence`, shared by the HTML and JSON evidence pages."""
    return shared(
        request, ("evidence", slug, goal), lambda: queries.compound_evidence(conn, slug, goal)
    )


def article_of(request: Request, conn: sqlite3.Connection, slug: str) -> dict[str, Any] | None:
    """`queries.get_article`, shared by the HTML and JSON research pages."""
    return shared(request, ("article", slug), lambda: queries.get_article(conn, slug))


def build_id(request: Request) -> str:
    return database(request).current().build_id


def canonical_target(
    conn: sqlite3.Connection, site: Site, name: str, suffix: str = "", query: str = ""
) -> tuple[str | None, str | None]:
    """Resolve any compound name for `/compounds/{name}{suffix}`.

    Returns (slug, None) when `name` is already the canonical slug, (slug, the canonical URL
    to redirect to) for another name, and (None, None) for an unknown name.
    """
    slug = queries.resolve_name(conn, name)
    if slug is None:
        row = conn.execute("SELECT 1 FROM compounds WHERE slug = ?", (name,)).fetchone()
        return (name, None) if row is not None else (None, None)
    if slug == name:
        return slug, None
    target = site.url(f"/compounds/{slug}{suffix}")
    return slug, target + (f"?{query}" if query else "")


def canonical_redirect(
    request: Request, conn: sqlite3.Connection, name: str, suffix: str = ""
) -> tuple[str | None, RedirectResponse | None]:
    """`canonical_target` for a request: the redirect as the response to send."""
    site = request.app.state.site
    slug, target = canonical_target(conn, site, name, suffix, request.url.query)
    return slug, None if target is None else RedirectResponse(target, status_code=301)


# The compound pages that answer another name of a compound with a 301 to its canonical URL,
# and their route templates (evidex.web.pages, evidex.web.vendor_views).
_COMPOUND_PAGE = re.compile(r"/compounds/([^/]+)(|/evidence|/feed\.xml|/vendors)")


def compound_redirect(
    db: Database, site: Site, path: str
) -> tuple[list[tuple[bytes, bytes]], str] | None:
    """The 301 a compound page at `path` (no query) answers for another name of a compound,
    as its handler sends it (headers, route template); None for any other path or name."""
    match = _COMPOUND_PAGE.fullmatch(path)
    if match is None:
        return None
    name, suffix = match.groups()
    _, target = canonical_target(db.current().connection(), site, name, suffix)
    if target is None:
        return None
    return RedirectResponse(target, status_code=301).raw_headers, "/compounds/{name}" + suffix
