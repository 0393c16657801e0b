"""CLI command `evidence`: the studies and computed tiers of one compound."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from evidex.cli.common import console, db_option, fail, open_db, print_json, resolve_or_exit

out = console()


_STATUS = {"curated": "curated", "registry": "registry", "extracted": "extracted, unverified"}


def _with_status(studies: list[dict[str, Any]]) -> list[dict[str, Any]]:
    def status(study: dict[str, Any]) -> str:
        provenance = study.get("provenance")
        if provenance in _STATUS:
            return _STATUS[provenance]
        return "curated" if study.get("curated", True) else _STATUS["extracted"]

    return [{**s, "status": status(s)} for s in studies]


def evidence_data(conn: Any, slug: str, goal: str | None) -> dict[str, Any]:
    """The JSON `evidex evidence` prints: the best-graded goal's fields at top level."""
    from evidex.storage import queries

    found = queries.compound_evidence(conn, slug, goal)
    assert found is not None
    goals = [
        {**{k: v for k, v in g.items() if k != "forest_svg"}, "studies": _with_status(g["studies"])}
        for g in found["goals"]
    ]
    top = goals[0] if goals else {}
    return {
        "compound": found["compound"],
        "goal": top.get("goal"),
        "tier": top.get("tier"),
        "tier_name": top.get("tier_name"),
        "rationale": top.get("rationale"),
        "studies": top.get("studies", []),
        "goals": goals,
    }


def _goal_or_exit(conn: Any, slug: str, goal: str) -> str:
    """The goal's slug when the compound is graded for it; otherwise exit 1 listing the goals
    there are."""
    from evidex.storage import queries

    found = queries.resolve_goal(conn, goal)
    if found is None:
        names = ", ".join(g.name for g in queries.library_goals(conn))
        raise fail(f"no goal is called {goal!r}; the goals are: {names}", 1)
    graded = queries.compound_tiers(conn, slug)
    if found not in {tier["goal"] for tier in graded}:
        title = queries.get_compound(conn, slug)
        shown = title["title"] if title else slug
        listed = ", ".join(str(t["goal_name"]) for t in graded) or "none"
        raise fail(f"{shown} has no graded evidence for {goal!r}; its graded goals: {listed}", 1)
    return found


def evidence_command(
    name: str = typer.Argument(..., help="Any name of the compound."),
    goal: str | None = typer.Option(
        None, "--goal", help="Only this health goal, by slug or name ('liver health')."
    ),
    db: Path = db_option(),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Show a compound's studies, outcomes and computed tier per health goal."""
    from rich.table import Table

    from evidex.evidence.presentation import study_view
    from evidex.storage import queries

    with open_db(db) as conn:
        slug = resolve_or_exit(conn, name)
        goal_slug = _goal_or_exit(conn, slug, goal) if goal else None
        data = evidence_data(conn, slug, goal_slug)
        short = queries.short_name(conn, slug)
    if as_json:
        print_json(data)
        return
    if not data["goals"]:
        out.print(f"No graded evidence for {data['compound']['title']}.", markup=False)
        return
    for entry in data["goals"]:
        out.print(
            f"{entry['goal_name']}: Tier {entry['tier']} ({entry['tier_name']})",
            style="bold",
            markup=False,
            highlight=False,
        )
        out.print(entry["rationale"], markup=False, highlight=False)
        table = Table("study", "design", "n", "outcome", "estimate", "p", "result", "status")
        for study in entry["studies"]:
            view = study_view(study, short)
            for shown in view["outcomes"] or [{}]:
                outcome = shown.get("o", {})
                ci = ""
                if outcome.get("ci_low") is not None:
                    ci = f" [{outcome['ci_low']}, {outcome['ci_high']}]"
                estimate = f"{outcome.get('measure', '')} {outcome.get('value', '')}{ci}"
                if shown.get("unit") and outcome.get("measure") == "MD":
                    estimate += f" {shown['unit']}"
                table.add_row(
                    view["name"],
                    study["design"],
                    str(study.get("n") or ""),
                    outcome.get("name", ""),
                    estimate.strip(),
                    outcome.get("p") or "",
                    shown.get("verdict", ""),
                    study["status"],
                )
        out.print(table)


def register(app: typer.Typer) -> None:
    """Add the evidence command."""
    app.command("evidence")(evidence_command)
