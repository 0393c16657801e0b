"""CLI commands for the stack area (registered by evidex.cli.main)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from evidex.stack.models import StackResult
from rich.console import Console

from evidex.cli.common import db_option, open_db, print_json

out = Console()


def stack(
    goal: list[str] = typer.Option([], "--goal", help="A health goal (1-5), any name."),
    age: int | None = typer.Option(
        None, "--age", min=0, max=130, help="Age in years (under 18 applies the children's advice)."
    ),
    pregnant: bool = typer.Option(
        False, "--pregnant", help="Pregnant: applies each profile's pregnancy advice."
    ),
    breastfeeding: bool = typer.Option(
        False, "--breastfeeding", help="Breastfeeding: applies each profile's breastfeeding advice."
    ),
    weight_kg: float | None = typer.Option(
        None,
        "--weight-kg",
        min=1,
        max=500,
        help="Body weight in kg (per-kg regimens below their weight limit).",
    ),
    condition: list[str] = typer.Option([], "--condition", help="A condition, e.g. diabetes."),
    taking: list[str] = typer.Option([], "--taking", help="A medicine you already take."),
    tested_athlete: bool = typer.Option(
        False,
        "--tested-athlete",
        help="Competes in tested sport: exclude compounds banned in sport.",
    ),
    no_injections: bool = typer.Option(
        False, "--no-injections", help="Exclude compounds that can only be injected."
    ),
    include_preclinical: bool = typer.Option(
        False,
        "--include-preclinical",
        help="Also suggest compounds with only animal, laboratory or no graded evidence (Tier 5).",
    ),
    max_items: int = typer.Option(
        5, "--max-items", min=1, max=20, help="Largest stack to suggest."
    ),
    check: list[str] = typer.Option([], "--check", help="Check this stack instead."),
    start: str | None = typer.Option(None, "--start", help="Schedule start, YYYY-MM-DD."),
    db: Path = db_option(),
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Build (or check) a stack for your goals and situation."""
    from pydantic import ValidationError

    from evidex.stack.builder import UnknownGoalsError, build_stack
    from evidex.stack.catalog import catalog_for_file
    from evidex.stack.models import StackRequest

    try:
        request = StackRequest(
            goals=goal,
            age=age,
            pregnant=pregnant,
            breastfeeding=breastfeeding,
            weight_kg=weight_kg,
            conditions=condition,
            taking=taking,
            tested_athlete=tested_athlete,
            no_injections=no_injections,
            include_preclinical=include_preclinical,
            max_items=max_items,
            check=check,
            start=dt.date.fromisoformat(start) if start else None,
        )
    except (ValidationError, ValueError) as exc:
        typer.echo(f"error: {_first_error(exc)}", err=True)
        raise typer.Exit(2) from None
    with open_db(db) as conn:
        catalog = catalog_for_file(db, conn)
    try:
        result = build_stack(request, catalog)
    except UnknownGoalsError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from None
    if as_json:
        print_json(result.model_dump(mode="json"))
    else:
        _print(result)


def _first_error(exc: Exception) -> str:
    from pydantic import ValidationError

    if isinstance(exc, ValidationError):
        error = exc.errors()[0]
        where = ".".join(str(p) for p in error["loc"])
        message = str(error["msg"]).removeprefix("Value error, ")
        return f"{where}: {message}" if where else message
    return str(exc)


def _print(result: StackResult) -> None:
    from rich.table import Table

    from evidex.stack.share import share_url

    table = Table(title="Your stack", show_lines=True)
    for column in ("#", "Compound", "Tier", "Why", "Regimen for you", "Cautions"):
        table.add_column(column)
    for number, item in enumerate(result.items, 1):
        regimen = item.regimen.text if item.regimen else "see profile"
        if item.regimen and item.regimen.calculation:
            regimen += f" ({item.regimen.calculation})"
        table.add_row(
            str(number),
            item.title,
            f"{item.tier} {item.tier_name}",
            item.reason,
            regimen,
            "\n".join(item.cautions),
        )
    out.print(table if result.items else "No compound suggested.")
    for excluded in result.excluded:
        label = "not suggested" if excluded.kind == "preclinical" else "excluded"
        out.print(f"[red]{label}[/red] {excluded.title or excluded.slug}: {excluded.reason}")
    for found in result.interactions:
        out.print(f"[yellow]{found.severity}[/yellow] {found.a} + {found.b}: {found.advice}")
    for warning in result.warnings:
        out.print(f"[yellow]warning[/yellow] {warning.message}")
    for entry in result.schedule.entries:
        out.print(f"schedule {entry.title}: {entry.text}")
    if result.monitoring:
        out.print("monitoring: " + ", ".join(result.monitoring))
    if result.unknown_names:
        out.print("[red]not recognised[/red]: " + ", ".join(result.unknown_names))
    out.print(f"share: {share_url(result.request)}")
    out.print(result.disclaimer, style="dim")


def register(app: typer.Typer) -> None:
    """Add this area's commands to the app."""
    app.command("stack")(stack)
