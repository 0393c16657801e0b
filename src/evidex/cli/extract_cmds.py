"""CLI commands for the extract area (registered by evidex.cli.main)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from evidex.evidence.models import Outcome, Study
from rich.console import Console


def register(app: typer.Typer) -> None:
    """Add this area's commands to the app."""
    app.command("extract")(extract)


def extract(
    file: Path = typer.Argument(..., help="Article or abstract text (markdown or plain)."),
    as_json: bool = typer.Option(False, "--json", help="Print a JSON list of studies."),
    compound: str | None = typer.Option(None, help="Compound the text is about."),
    goal: str | None = typer.Option(
        None, help="Goal the text is about, by slug or name ('liver health')."
    ),
) -> None:
    """Propose (unverified) study records from an article's prose or from abstracts."""
    from evidex.content.diagnostics import ContentError
    from evidex.content.importer import goal_slug
    from evidex.content.yamlload import decode_text
    from evidex.evidence.extract import extract_studies

    try:
        raw = file.read_bytes()
    except OSError as error:
        typer.echo(f"{file}: cannot read: {error.strerror or error}", err=True)
        raise typer.Exit(code=2) from error
    try:
        text = decode_text(raw, str(file))
    except ContentError as error:
        typer.echo(str(error), err=True)
        raise typer.Exit(code=2) from error
    goal = goal_slug(goal) if goal else None
    studies = extract_studies(text, source=str(file), compound=compound, goal=goal)
    if as_json:
        typer.echo(json.dumps([study.model_dump(mode="json") for study in studies], indent=2))
        return
    _print_table(studies)


def _estimate_text(outcome: Outcome) -> str:
    text = f"{outcome.measure} {outcome.value:g}"
    if outcome.ci_low is not None and outcome.ci_high is not None:
        text += f" ({outcome.ci_low:g} to {outcome.ci_high:g})"
    if outcome.arms:
        text += " [" + " vs ".join(f"{arm.name} {arm.value:g}" for arm in outcome.arms) + "]"
    if outcome.p:
        text += f" p{'' if outcome.p[0] in '<>=' else '='}{outcome.p}"
    return text


def _print_table(studies: list[Study]) -> None:
    from rich.table import Table

    console = Console()
    if not studies:
        console.print("No studies found.")
        return
    table = Table(title="Extracted studies (unverified)", show_lines=True)
    for column in ("id", "design", "n", "comparator", "duration / follow-up", "outcomes"):
        table.add_column(column)
    for study in studies:
        outcomes = "\n".join(
            f"{outcome.name}: {_estimate_text(outcome)} — {outcome.direction or '?'}"
            for outcome in study.outcomes
        )
        timing = " / ".join(part or "-" for part in (study.duration, study.follow_up))
        n_text = "-" if study.n is None else str(study.n)
        if study.n_studies:
            n_text += f" ({study.n_studies} studies)"
        table.add_row(
            study.id,
            study.design,
            n_text,
            study.comparator or "-",
            timing,
            outcomes or "-",
        )
    console.print(table)
