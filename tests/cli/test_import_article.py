"""`evidex import article`: nothing empty is imported, and an article next to another on the
same compound and goal is reported, by the import and by the build."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from evidex.build.pipeline import load_library
from evidex.cli.main import app

CONTENT = Path(__file__).resolve().parents[2] / "content"
SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
runner = CliRunner()


@pytest.mark.parametrize("text", ["", "  \n\n"])
def test_an_empty_file_is_an_error(tmp_path: Path, text: str) -> None:
    source = tmp_path / "page.txt"
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "research"
    result = runner.invoke(app, ["import", "article", str(source), "--out", str(out)])
    assert result.exit_code == 1
    assert result.output.strip() == f"error: {source} is empty: nothing to import"
    assert not out.exists()


def test_an_article_beside_one_on_the_same_compound_and_goal_is_reported(tmp_path: Path) -> None:
    seeds = sorted(SEEDS.glob("004_*.txt"))
    if not seeds:
        pytest.skip("../shared is absent")
    library = tmp_path / "content"
    shutil.copytree(CONTENT, library)
    result = runner.invoke(
        app,
        [
            "import", "article", str(seeds[0]),
            "--out", str(library / "research"), "--goals", str(library / "goals.yaml"),
        ],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "thymosin-alpha-1-liver-health.md is already an article on" in result.stderr
    found, _, _ = load_library(library)
    codes = {d.code for d in found.diagnostics if d.level == "warning"}
    assert {"repeated-article", "extraction-skipped"} <= codes
