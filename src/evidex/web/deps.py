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


def _shared_memo(request: Request) -> dict[tuple[Any, ...], Any] | None:
    memo: dict[tuple[Any, ...], Any] | None = request.scope.get("state", {}).get(SHARED_STATE)
    return memo


def shared(request: Request, key: tuple[Any, ...], compute: Callable[[], T]) -> T:
    """What `compute()` gives; made once for the pages the build renders together, which
    share a dict in their scope state (a compound's profile, evidence, JSON and articles show
    the same evidence and plots). A reader's request has none and computes. Callers do not
    change what it returns."""
    memo = _shared_memo(request)
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    value: T = memo[key]
    return value


def compound_evidence_of(
    request: Request, conn: sqlite3.Connection, slug: str, goal: str | None
) -> dict[str, Any] | None:
    """`queries.compound_evidence`, shared by the HTML and JSON evidence pages and the
    compound's articles (one goal of it: taken from its evidence for every goal when the
    pages rendered before loaded that)."""

    def load() -> dict[str, Any] | None:
        whole = (_shared_memo(request) or {}).get(("evidence", slug, None)) if goal else None
        if whole is None:
            return queries.compound_evidence(conn, slug, goal)
        return {**whole, "goals": [g for g in whole["goals"] if g["goal"] == goal]}

    return shared(request, ("evidence", slug, goal), load)


def article_of(request: Request, conn: sqlite3.Connection, slug: str) -> dict[str, Any] | None:
    """`queries.get_article`, shared by the HTML and JSON research pages."""

    def load() -> dict[str, Any] | None:
        return queries.get_article(
            conn, slug, lambda compound, goal: compound_evidence_of(request, conn, compound, goal)
        )

    return shared(request, ("article", slug), load)


def build_id(request: Request) -> str:
    return database(request).current().build_id


def compound_slug(conn: sqlite3.Connection, name: str) -> str | None:
    """The compound any of its names names (its slug included), or None for an unknown name."""
    slug = queries.resolve_name(conn, name)
    if slug is None and conn.execute("SELECT 1 FROM compounds WHERE slug = ?", (name,)).fetchone():
        return name
    return slug


def slug_of(request: Request, conn: sqlite3.Connection, name: str) -> str | None:
    """`compound_slug`, shared by the pages of one compound the build renders together."""
    return shared(request, ("slug of", name), lambda: compound_slug(conn, name))


def canonical_target(
    site: Site, name: str, slug: str | None, suffix: str = "", query: str = ""
) -> str | None:
    """Where `/compounds/{name}{suffix}` redirects when `name` is another name of the compound
    `slug` (see `compound_slug`); None for its own slug or an unknown name."""
    if slug is None or slug == name:
        return None
    target = site.url(f"/compounds/{slug}{suffix}")
    return target + (f"?{query}" if query else "")


def canonical_redirect(
    request: Request, conn: sqlite3.Connection, name: str, suffix: str = ""
) -> tuple[str | None, RedirectResponse | None]:
    """The compound `name` names, and the redirect to send when it is not its slug."""
    slug = slug_of(request, conn, name)
    target = canonical_target(request.app.state.site, name, slug, suffix, request.url.query)
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
    target = canonical_target(site, name, compound_slug(db.current().connection(), name), suffix)
    if target is None:
        return None
    return RedirectResponse(target, status_code=301).raw_headers, "/compounds/{name}" + suffix
