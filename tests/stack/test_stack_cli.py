"""`evidex stack` over a build artifact: JSON fields and readable errors."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from evidex.cli.main import app

from .library import write_stack_db

runner = CliRunner()


def test_stack_json_has_the_documented_fields(tmp_path: Path) -> None:
    db = write_stack_db(tmp_path / "evidex.db")
    args = [
        "stack",
        "--goal",
        "liver-health",
        "--weight-kg",
        "35",
        "--condition",
        "immunosuppressed",
        "--taking",
        "Frobnicol",
        "--db",
        str(db),
        "--json",
    ]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    for key in (
        "items",
        "excluded",
        "interactions",
        "warnings",
        "schedule",
        "monitoring",
        "combinations",
        "unknown_names",
        "disclaimer",
        "share_query",
    ):
        assert key in data
    assert data["unknown_names"] == ["Frobnicol"]
    assert data["excluded"][0]["slug"] == "thymosin-alpha"
    item = data["items"][0]
    assert set(item) >= {
        "slug",
        "title",
        "tier",
        "tier_name",
        "reason",
        "rank_inputs",
        "regimen",
        "route",
        "duration",
        "monitoring",
        "cautions",
    }


def test_stack_text_output_and_bad_input(tmp_path: Path) -> None:
    db = write_stack_db(tmp_path / "evidex.db")
    shown = runner.invoke(app, ["stack", "--goal", "weight-loss", "--db", str(db)])
    assert shown.exit_code == 0, shown.output
    assert "Semaglutide" in shown.stdout and "share: /stack?goal=weight-loss" in shown.stdout
    missing = runner.invoke(app, ["stack", "--age", "30", "--db", str(db)])
    assert missing.exit_code == 2
    assert "at least one goal" in missing.output
