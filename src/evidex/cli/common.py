"""Helpers shared by CLI commands: the `--db` option, opening the build, checking output
paths and resolving a compound by any name."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import typer
from rich.console import Console

from evidex.storage.db import Database, DatabaseUnavailable, open_generation

DEFAULT_DB = Path("var/evidex.db")
DB_OPTION_HELP = "The SQLite file written by `evidex build` (default var/evidex.db)."


def db_option() -> Any:
    """The `--db` option every command that reads a build takes: one default, one help."""
    return typer.Option(DEFAULT_DB, "--db", help=DB_OPTION_HELP)


def build_db_option() -> Any:
    """The `--db` option of the commands that write a build (build, dev): the same default."""
    return typer.Option(
        DEFAULT_DB, "--db", help="Where to write the SQLite build (default var/evidex.db)."
    )


def console(stderr: bool = False) -> Console:
    """A console for content: never cut at 80 columns in a pipe, no ':name:' emoji codes."""
    return Console(stderr=stderr, soft_wrap=True, emoji=False)


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print `error: message` on stderr; the caller raises the returned Exit."""
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


def build_problem(db: Path) -> str | None:
    """Why `db` is not a readable Evidex build (one line naming it), or None when it is."""
    if not db.exists() and not db.is_symlink():
        return f"no database at {db}; run `evidex build content --db {db}` first"
    try:
        open_generation(db).close()
    except DatabaseUnavailable as exc:
        return str(exc)
    return None


def check_build(db: Path) -> None:
    """Exit 2 with one line naming `db` unless it is a readable Evidex build."""
    problem = build_problem(db)
    if problem is not None:
        raise fail(problem)


@contextmanager
def open_db(db: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection to the build, or one line naming the path and exit 2."""
    check_build(db)
    try:
        database = Database(db)
    except (DatabaseUnavailable, sqlite3.Error) as exc:
        raise fail(f"{db} is not a usable Evidex build: {exc}") from None
    try:
        with database.connection() as conn:
            yield conn
    except sqlite3.DatabaseError as exc:
        raise fail(f"{db}: reading the build failed ({exc})") from None
    finally:
        database.close()


def check_build_target(db: Path, force: bool) -> None:
    """A directory is never a database; a file that is not an Evidex build is replaced only
    with --force (an empty file holds nothing to lose)."""
    if db.is_dir():
        raise fail(f"{db} is a directory; --db needs the path of a database file")
    if not db.is_file() or db.stat().st_size == 0 or force:
        return
    if build_problem(db) is not None:
        raise fail(
            f"{db} exists and is not an Evidex database; refusing to overwrite it "
            "(use --force to replace it)"
        )


def check_output_folder(out: Path) -> None:
    """Exit 2 with one line when `out` exists and is not a folder (a file is never replaced)."""
    if out.exists() and not out.is_dir():
        raise fail(f"{out} exists and is not a folder; choose another output path")


def resolve_or_exit(conn: sqlite3.Connection, name: str) -> str:
    from evidex.search.engine import SearchEngine
    from evidex.storage import queries

    slug = queries.resolve_name(conn, name)
    if slug is None:
        close = ", ".join(s["title"] for s in SearchEngine(conn).close_names(name))
        hint = f" Did you mean: {close}?" if close else ""
        typer.echo(f"error: no compound is called {name!r}.{hint}", err=True)
        raise typer.Exit(1)
    return slug


def print_json(data: Any) -> None:
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
