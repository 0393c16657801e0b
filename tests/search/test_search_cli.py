from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from evidex.cli.main import app

runner = CliRunner()


def test_json_lists_results_in_rank_order(sample_db: Path) -> None:
    result = runner.invoke(app, ["search", "Ozempic", "--db", str(sample_db), "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    rows = payload["results"]
    assert rows[0]["type"] == "compound" and rows[0]["slug"] == "semaglutide"
    assert rows[0]["title"] == "Semaglutide"
    assert [row["rank"] for row in rows] == list(range(1, len(rows) + 1))
    assert [row["score"] for row in rows] == sorted((r["score"] for r in rows), reverse=True)


def test_type_and_limit_narrow_the_list(sample_db: Path) -> None:
    result = runner.invoke(
        app, ["search", "liver", "--db", str(sample_db), "--json", "--type", "research",
              "--limit", "1"],
    )  # fmt: skip
    rows = json.loads(result.output)["results"]
    assert [(r["type"], r["slug"]) for r in rows] == [("research", "thymosin-alpha-1-liver-health")]


def test_table_output_and_hostile_query(sample_db: Path) -> None:
    result = runner.invoke(app, ["search", '"NEAR(*', "--db", str(sample_db)])
    assert result.exit_code == 0
    assert "results for" in result.output


def test_a_missing_database_or_unknown_type_is_a_usage_error(
    sample_db: Path, tmp_path: Path
) -> None:
    missing = runner.invoke(app, ["search", "x", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 2
    wrong = runner.invoke(app, ["search", "x", "--db", str(sample_db), "--type", "vendor"])
    assert wrong.exit_code == 2
