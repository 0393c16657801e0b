"""Imported records in a built library: linked to their compound and goal, graded in the tier,
shown with their provenance; a label draft published by an editor shows where each field
came from; the drafts folder itself is never published."""

from __future__ import annotations

import json
import shutil
import warnings
from pathlib import Path

from typer.testing import CliRunner

from evidex.build.pipeline import build
from evidex.cli.main import app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from evidex.web.app import create_app

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _cli(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_imported_studies_and_label_in_the_built_library(library: Path, tmp_path: Path) -> None:
    content = str(library)
    _cli("import", "pubmed", str(FIXTURES / "pubmed_three_records.xml"), "--content", content)
    _cli("import", "trial", str(FIXTURES / "trial_90ci_string_values.json"), "--content", content)
    _cli("import", "label", str(FIXTURES / "label_reused_codes.xml"), "--content", content)
    shutil.copy(library / "drafts" / "examplor.md", library / "compounds" / "examplor.md")
    shutil.copy(library / "drafts" / "examplor.md", library / "drafts" / "draft-only.md")
    db = tmp_path / "evidex.db"
    build(library, db)

    evidence = json.loads(
        _cli("evidence", "semaglutide", "--goal", "weight-loss", "--db", str(db), "--json")
    )
    status = {s["id"]: s["status"] for s in evidence["studies"]}
    assert status["nct09999991"] == "registry"
    assert status["pmid-40000001"] == "extracted, unverified"
    assert status["step-1-semaglutide-2021"] == "curated"

    shown = json.loads(_cli("show", "examplor", "--db", str(db), "--json"))
    assert any(
        s["description"] == "From the label, section 8.1, version 20 (2017-11-07)"
        for s in shown["sources"]
    )

    with TestClient(create_app(db)) as client:
        page = client.get("/compounds/examplor").text
        assert "From the label, section 8.1, version 20 (2017-11-07)" in page
        assert client.get("/compounds/draft-only").status_code == 404
        evidence_page = client.get("/compounds/semaglutide/evidence").text
        assert ">registry<" in evidence_page and ">extracted, unverified<" in evidence_page
        assert "90% CI -5.2 to -3" in evidence_page
        assert 'href="https://clinicaltrials.gov/study/NCT09999991"' in evidence_page
