"""`evidex evidence NAME --goal G`: goals by slug or name; an unknown or ungraded goal exits
nonzero and lists the goals there are."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from evidex.cli.main import app

runner = CliRunner()


def test_a_goal_is_accepted_by_name(db_path: Path) -> None:
    by_name = runner.invoke(
        app,
        ["evidence", "thymosin alpha-1", "--goal", "Liver Health", "--db", str(db_path), "--json"],
    )
    assert by_name.exit_code == 0, by_name.output
    assert json.loads(by_name.stdout)["goal"] == "liver-health"


def test_an_unknown_goal_lists_the_goals(db_path: Path) -> None:
    result = runner.invoke(
        app, ["evidence", "melatonin", "--goal", "telepathy", "--db", str(db_path)]
    )
    assert result.exit_code == 1
    assert "no goal is called 'telepathy'" in result.output
    assert "Liver health" in result.output and "Sleep" in result.output


def test_a_goal_the_compound_is_not_graded_for_lists_its_graded_goals(db_path: Path) -> None:
    result = runner.invoke(
        app, ["evidence", "melatonin", "--goal", "liver-health", "--db", str(db_path)]
    )
    assert result.exit_code == 1
    assert result.output.strip() == (
        "error: Melatonin has no graded evidence for 'liver-health'; its graded goals: Sleep"
    )
