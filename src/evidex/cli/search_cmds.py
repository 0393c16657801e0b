"""`evidex search QUERY --db PATH`: the same ranked results as the website, in the terminal."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from evidex.cli.common import db_option, open_db

TYPES = ("compound", "research", "goal")


def register(app: typer.Typer) -> None:
    """Add this area's commands to the app."""

    @app.command("search")
    def search(
        query: Annotated[str, typer.Argument(help="Any name, brand, condition, goal or words.")],
        as_json: Annotated[bool, typer.Option("--json", help="Print JSON in rank order.")] = False,
        type_: Annotated[
            list[str] | None, typer.Option("--type", help="compound, research or goal.")
        ] = None,
        limit: Annotated[
            int, typer.Option("--limit", min=1, max=200, help="How many results to print (1-200).")
        ] = 10,
        db: Path = db_option(),
    ) -> None:
        """Search the library: names first, then goals and conditions, then text."""
        from rich.table import Table

        from evidex.search.engine import SearchEngine

        unknown = [t for t in type_ or [] if t not in TYPES]
        if unknown:
            raise typer.BadParameter(
                f"unknown type {unknown[0]!r}; use one of {', '.join(TYPES)}", param_hint="--type"
            )
        with open_db(db) as conn:
            results = SearchEngine(conn).search(
                conn, query, types=set(type_) if type_ else None, limit=limit
            )
        if as_json:
            rows = [{"rank": rank, **hit.as_dict()} for rank, hit in enumerate(results.items, 1)]
            payload = {
                "query": results.query,
                "total": results.total,
                "did_you_mean": results.did_you_mean,
                "results": rows,
            }
            typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
            return
        console = Console()
        if results.did_you_mean:
            console.print(f"Did you mean [bold]{results.did_you_mean}[/bold]?")
        table = Table(title=f"{results.total} results for {results.query!r}")
        for column in ("#", "type", "slug", "title", "tier", "score"):
            table.add_column(column)
        for rank, hit in enumerate(results.items, 1):
            table.add_row(
                str(rank), hit.type, hit.slug, hit.title, str(hit.tier or ""), f"{hit.score:g}"
            )
        console.print(table)
