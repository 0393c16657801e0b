"""CLI commands for the library: build, lint, show."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

if TYPE_CHECKING:  # the build is imported by the commands that run it
    from evidex.build.pipeline import Progress as ProgressCallback
    from evidex.content.diagnostics import Diagnostic

from evidex.cli.common import (
    build_db_option,
    check_build_target,
    console,
    db_option,
    fail,
    open_db,
    print_json,
    resolve_or_exit,
)

err = console(stderr=True)
out = console()

_PROGRESS_MIN_DOCUMENTS = 500


class OutputFormat(StrEnum):
    text = "text"
    json = "json"


def print_diagnostics(diagnostics: list[Diagnostic]) -> None:
    for diagnostic in diagnostics:
        style = "red" if diagnostic.level == "error" else "yellow"
        err.print(str(diagnostic), style=style, markup=False, highlight=False)


@contextmanager
def build_progress(enabled: bool) -> Iterator[ProgressCallback | None]:
    """A Rich progress bar for large libraries; silent for small ones and non-terminals."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TaskID,
        TextColumn,
        TimeElapsedColumn,
    )

    if not enabled:
        yield None
        return
    with Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    ) as bar:
        tasks: dict[str, TaskID] = {}

        def update(stage: str, advance: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=max(total, 1))
            bar.update(tasks[stage], advance=advance)

        yield update


def _document_count(content: Path) -> int:
    return sum(1 for _ in content.glob("*/*.md"))


def build_command(
    content: Path = typer.Argument(..., help="The content folder (compounds/, research/, ...)."),
    db: Path = build_db_option(),
    strict: bool = typer.Option(False, "--strict", help="Treat warnings as errors."),
    force: bool = typer.Option(
        False,
        "--force",
        help="Write a new database even if nothing changed, replacing a file at --db that is "
        "not an Evidex build.",
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print errors only."),
    prerender: bool = typer.Option(
        False,
        "--prerender",
        help="Also store every page compressed, for the server to send without rendering "
        "(many readers; about two thirds more CPU than the build without it).",
    ),
) -> None:
    """Parse, repair, validate and grade CONTENT, then write the database atomically.

    A failed build leaves the previous database untouched. Unchanged files are not parsed again.
    """
    from evidex.build.pipeline import BuildFailed, build

    check_build_target(db, force)
    if not content.is_dir():
        raise fail(f"{content} is not a content folder")
    show_bar = _document_count(content) >= _PROGRESS_MIN_DOCUMENTS and err.is_terminal
    try:
        with build_progress(show_bar) as progress:
            report = build(
                content, db, strict=strict, force=force, progress=progress, prerender=prerender
            )
    except BuildFailed as failure:
        print_diagnostics(failure.diagnostics)
        err.print(f"[red bold]{failure}[/red bold]")
        raise typer.Exit(1) from None
    if not quiet:
        print_diagnostics([d for d in report.diagnostics if d.level == "warning"])
        counts = ", ".join(f"{n} {name}" for name, n in report.counts.items())
        state = "written" if report.written else "unchanged (already up to date)"
        if report.written and report.incremental:
            state = "written in place (only the changed compounds rebuilt)"
        rate = report.documents / report.seconds if report.seconds else 0.0
        out.print(
            f"Built {report.db_path}: {counts}; {report.documents} documents "
            f"({_parsed_phrase(report.reparsed, report.documents)}) in {report.seconds:.2f}s "
            f"({rate:,.0f} documents/s); build {report.build_id}; database {state}.",
            highlight=False,
        )


def _parsed_phrase(parsed: int, documents: int) -> str:
    if parsed >= documents:
        return "all parsed"
    if parsed == 0:
        return "all cached"
    return f"{parsed} parsed, {documents - parsed} cached"


def lint_command(
    content: Path = typer.Argument(..., help="The content folder to check."),
    output_format: OutputFormat = typer.Option(
        OutputFormat.text, "--format", help="text (path:line: level: message) or json."
    ),
    strict: bool = typer.Option(False, "--strict", help="Exit 1 on warnings too."),
    verbose: bool = typer.Option(
        False,
        "--verbose",
        "-v",
        help="Also show information that needs no fix (e.g. a combination partner the "
        "library does not have yet).",
    ),
) -> None:
    """Report every error and warning in CONTENT without writing anything. Exit 1 on errors."""
    from evidex.build.pipeline import load_library

    library, _, _ = load_library(content)
    diagnostics = [d for d in library.diagnostics if verbose or d.is_problem]
    if output_format is OutputFormat.json:
        typer.echo(json.dumps([d.as_dict() for d in diagnostics], indent=2, ensure_ascii=False))
    else:
        for diagnostic in diagnostics:
            typer.echo(str(diagnostic))
        errors = sum(d.level == "error" for d in diagnostics)
        warnings = sum(d.level == "warning" for d in diagnostics)
        notes = sum(not d.is_problem for d in library.diagnostics)
        hint = f", {notes} note(s)" + ("" if verbose else " (see --verbose)") if notes else ""
        typer.echo(f"{errors} error(s), {warnings} warning(s){hint}", err=True)
    failing = any(d.level == "error" or (strict and d.level == "warning") for d in diagnostics)
    if failing:
        raise typer.Exit(1)


def show_command(
    name: str = typer.Argument(..., help="Any name of the compound: title, slug, brand, alias."),
    db: Path = db_option(),
    as_json: bool = typer.Option(False, "--json", help="Print the full profile as JSON."),
) -> None:
    """Print one compound, found by any of its names: evidence tiers, doses and safety."""
    from evidex.content.timespan import hours_phrase
    from evidex.storage import queries
    from evidex.web.templating import DISCLAIMER

    with open_db(db) as conn:
        slug = resolve_or_exit(conn, name)
        compound = queries.get_compound(conn, slug)
        assert compound is not None
        tiers = queries.compound_tiers(conn, slug)
    compound.pop("sections", None)
    if as_json:
        print_json({**compound, "tiers": tiers, "disclaimer": DISCLAIMER})
        return
    _line(f"{compound['title']} ({compound['slug']})", "bold")
    _line(compound["description"])
    names = compound["names"]
    _line(f"Also: {', '.join(names['alternate'] + names['brand'])}")
    if compound.get("half_life_hours"):
        _line(f"Half-life: {hours_phrase(compound['half_life_hours'])}")
    peak = compound.get("time_to_peak_hours")
    if peak:
        _line(f"Time to peak: {hours_phrase(peak[0], peak[-1])}")
    _line("Evidence by goal", "bold")
    for tier in tiers:
        _line(f"  {tier['goal_name']}: Tier {tier['tier']} ({tier['tier_name']})")
    if not tiers:
        _line("  No graded evidence yet.")
    _line("Doses", "bold")
    # one sentence can hold several regimens ("2 mg ..., increased to 5-10 mg"): shown once
    for text in dict.fromkeys(str(r["text"] or r) for r in compound["regimens"]):
        _line(f"  {text}")
    _print_safety(compound)
    if compound["warnings"]:
        _line(f"{len(compound['warnings'])} repair(s) made; see --json")
    _line(DISCLAIMER, "dim")


def _line(text: str, style: str | None = None) -> None:
    """One line of profile text, printed as written (no markup, no emoji codes)."""
    out.print(text, style=style, markup=False, highlight=False)


def _print_safety(compound: dict[str, Any]) -> None:
    """The profile's 'Safety at a glance', in the profile's own words."""
    from evidex.web.pages import SIDE_EFFECT_GROUPS, distinct_contraindications

    out.print("[bold]Safety at a glance[/bold]", highlight=False)
    for item in distinct_contraindications(compound.get("contraindications", [])):
        advice = "Do not use" if item.get("severity") == "contraindicated" else "Use caution"
        out.print(f"  {advice}: {item['text']}", highlight=False)
    for key, label in (("pregnancy", "Pregnancy"), ("breastfeeding", "Breastfeeding")):
        if compound.get(key):
            out.print(f"  {label}: {compound[key]}", highlight=False)
    effects = compound.get("side_effects") or {}
    for key, label in SIDE_EFFECT_GROUPS:
        if effects.get(key):
            out.print(
                f"  Side effects ({label.lower()}): {'; '.join(effects[key])}", highlight=False
            )


def register(app: typer.Typer) -> None:
    """Add the library commands."""
    app.command("build")(build_command)
    app.command("lint")(lint_command)
    app.command("show")(show_command)
