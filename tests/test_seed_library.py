"""End to end on the two seed documents: the profile as-is, the deep dive through the importer."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from evidex.cli.main import app

SEEDS = Path(__file__).resolve().parents[1] / ".." / "shared" / "seeds"
PROFILE = SEEDS / "000_3d83a7180f1d8b26.txt"
DEEP_DIVE = SEEDS / "004_2870c86781a0922d.txt"

pytestmark = pytest.mark.skipif(
    not SEEDS.is_dir(), reason="../shared/seeds is not beside this clone"
)

runner = CliRunner()


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("seed-library")
    library = root / "content"
    (library / "compounds").mkdir(parents=True)
    shutil.copy(PROFILE, library / "compounds" / "thymosin-alpha.md")
    imported = runner.invoke(
        app, ["import", "article", str(DEEP_DIVE), "--out", str(library / "research")]
    )
    assert imported.exit_code == 0, imported.output
    db = root / "evidex.db"
    built = runner.invoke(app, ["build", str(library), "--db", str(db)])
    assert built.exit_code == 0, built.output
    return db


def _json(args: list[str]) -> dict[str, object]:
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    data: dict[str, object] = json.loads(result.stdout)
    return data


@pytest.mark.parametrize(
    "name",
    ["Thymosin alpha", "Thymosin Alpha-1", "thymosin alpha 1", "Tα1", "thymalfasin", "ZADAXIN"],
)
def test_every_name_shows_the_seed_profile(seed_db: Path, name: str) -> None:
    shown = _json(["show", name, "--db", str(seed_db), "--json"])
    assert shown["slug"] == "thymosin-alpha"


def test_show_prints_the_repaired_profile_with_its_regimens(seed_db: Path) -> None:
    shown = _json(["show", "zadaxin", "--db", str(seed_db), "--json"])
    for key in (
        "slug", "title", "description", "is_banned", "last_modified", "names", "faqs",
        "regimens", "half_life_hours", "side_effects", "contraindications",
        "pregnancy_category", "monitoring", "combinations", "warnings",
    ):  # fmt: skip
        assert key in shown, key
    faqs = shown["faqs"]
    assert isinstance(faqs, list) and len(faqs) == 9
    assert all(f["q"].endswith("?") and not f["a"].startswith("A:") for f in faqs)
    assert not str(shown["description"]).endswith("...")
    regimens = shown["regimens"]
    assert isinstance(regimens, list)
    weekly = [r for r in regimens if r["amount_min"] == 1.6 and r["doses_per_week"] == 2]
    assert weekly and weekly[0]["route"] == "subcutaneous"
    per_kg = [r for r in regimens if r["unit"] == "mcg/kg"]
    assert per_kg and per_kg[0]["amount_min"] == 40
    assert shown["pregnancy_category"] == "C"
    assert shown["half_life_hours"] == 2
    assert shown["warnings"], "the repairs are listed with their lines"


def test_imported_deep_dive_links_to_the_profile_and_grades_to_tier_3(seed_db: Path) -> None:
    evidence = _json(
        ["evidence", "Thymosin Alpha-1", "--goal", "liver-health", "--db", str(seed_db), "--json"]
    )
    assert evidence["tier"] == 3
    assert evidence["tier_name"] == "probable efficacy"
    studies = evidence["studies"]
    assert isinstance(studies, list) and len(studies) == 5
    assert all(s["status"] == "extracted, unverified" for s in studies)
    hazard_ratios = sorted(
        (o["value"], o["ci_low"], o["ci_high"])
        for s in studies
        for o in s["outcomes"]
        if o["measure"] == "HR"
    )
    assert hazard_ratios == [(0.308, 0.175, 0.541), (0.381, 0.229, 0.633)]


def test_lint_reports_the_repairs_and_exits_zero(tmp_path: Path) -> None:
    library = tmp_path / "content"
    (library / "compounds").mkdir(parents=True)
    shutil.copy(PROFILE, library / "compounds" / "thymosin-alpha.md")
    result = runner.invoke(app, ["lint", str(library), "--format", "json"])
    assert result.exit_code == 0, result.output
    diagnostics = json.loads(result.stdout)
    repaired = [d for d in diagnostics if "FAQ" in d["message"]]
    assert len(repaired) >= 9 and all(d["line"] > 1 for d in repaired)
