"""Request-scoped access to the served build, shared by every router."""

from __future__ import annotations

import sqlite3

from fastapi import Request
from fastapi.responses import RedirectResponse

from evidex.storage import queries
from evidex.storage.db import Database


def database(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


def connection(request: Request) -> sqlite3.Connection:
    """This thread's connection to the current build (call once per request and keep it)."""
    return database(request).current().connection()


def build_id(request: Request) -> str:
    return database(request).current().build_id


def canonical_redirect(
    request: Request, conn: sqlite3.Connection, name: str, suffix: str = ""
) -> tuple[str | None, RedirectResponse | None]:
    """Resolve any compound name for `/compounds/{name}{suffix}`.

    Returns (slug, None) when `name` is already the canonical slug, (slug, 301 redirect to the
    canonical URL) for another name, and (None, None) for an unknown name.
    """
    slug = queries.resolve_name(conn, name)
    if slug is None:
        row = conn.execute("SELECT 1 FROM compounds WHERE slug = ?", (name,)).fetchone()
        return (name, None) if row is not None else (None, None)
    if slug == name:
        return slug, None
    target = request.app.state.site.url(f"/compounds/{slug}{suffix}")
    if request.url.query:
        target += f"?{request.url.query}"
    return slug, RedirectResponse(target, status_code=301)
