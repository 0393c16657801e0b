"""Helpers shared by CLI commands: opening the build and resolving a compound by any name."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import typer

from evidex.search.engine import SearchEngine
from evidex.storage import queries
from evidex.storage.db import Database, DatabaseUnavailable

DB_OPTION_HELP = "The SQLite file written by `evidex build`."


@contextmanager
def open_db(db: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection to the build, or a clear message and exit 2."""
    if not db.exists():
        typer.echo(
            f"error: no database at {db}; run `evidex build CONTENT --db {db}` first", err=True
        )
        raise typer.Exit(2)
    try:
        database = Database(db)
    except (DatabaseUnavailable, sqlite3.Error) as exc:
        typer.echo(f"error: {db} is not a usable Evidex build: {exc}", err=True)
        raise typer.Exit(2) from None
    try:
        with database.connection() as conn:
            yield conn
    finally:
        database.close()


def resolve_or_exit(conn: sqlite3.Connection, name: str) -> str:
    slug = queries.resolve_name(conn, name)
    if slug is None:
        close = ", ".join(s["title"] for s in SearchEngine(conn).close_names(name))
        hint = f" Did you mean: {close}?" if close else ""
        typer.echo(f"error: no compound is called {name!r}.{hint}", err=True)
        raise typer.Exit(1)
    return slug


def print_json(data: Any) -> None:
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
