from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from evidex.cli.main import app


@pytest.mark.parametrize(
    ("written", "slug"), [("liver-health", "liver-health"), ("Liver Health", "liver-health")]
)
def test_extract_takes_a_goal_by_slug_or_name(tmp_path: Path, written: str, slug: str) -> None:
    text = tmp_path / "abstract.txt"
    text.write_text(
        "In a randomised controlled trial of 316 adults with chronic hepatitis B, "
        "the drug lowered viral load (HR 0.5, 95% CI 0.3-0.8).\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["extract", str(text), "--goal", written, "--json"])
    assert result.exit_code == 0, result.output
    studies = json.loads(result.stdout)
    assert studies and {study["goal"] for study in studies} == {slug}
