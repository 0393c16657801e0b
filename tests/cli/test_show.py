"""`evidex show`: the whole picture a reader needs, never cut to 80 columns in a pipe."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from evidex.cli.main import app

runner = CliRunner()


def test_show_in_a_pipe_keeps_whole_lines_and_includes_tiers_and_safety(db_path: Path) -> None:
    result = runner.invoke(app, ["show", "melatonin", "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    as_json = runner.invoke(app, ["show", "melatonin", "--db", str(db_path), "--json"])
    (tier,) = json.loads(as_json.stdout)["tiers"]
    description = next(line for line in lines if line.startswith("Melatonin is the pineal"))
    assert description.endswith("circadian rhythm disorders.")
    assert f"  Sleep: Tier {tier['tier']} ({tier['tier_name']})" in lines
    assert "Safety at a glance" in lines
    assert "  Do not use: Hypersensitivity to melatonin: contraindicated." in lines
    assert "Half-life: 45 minutes" in lines
    assert "Time to peak: 1 hour" in lines
    assert any(line.startswith("Evidex is an educational reference") for line in lines)


def test_show_json_carries_the_tiers(db_path: Path) -> None:
    result = runner.invoke(app, ["show", "melatonin", "--db", str(db_path), "--json"])
    data = json.loads(result.stdout)
    assert [t["goal"] for t in data["tiers"]] == ["sleep"]
    assert all(1 <= t["tier"] <= 5 for t in data["tiers"])
    assert data["disclaimer"]
