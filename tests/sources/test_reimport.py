"""Re-importing never destroys an editor's work: the same source writes nothing; a change is
listed field by field and written beside the file; --accept takes chosen fields in."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from typer.testing import CliRunner

from evidex.cli.main import app

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout + (result.stderr if result.exit_code else "")


def test_same_trial_again_writes_nothing(library: Path) -> None:
    source = str(FIXTURES / "trial_90ci_string_values.json")
    assert _run("import", "trial", source, "--content", str(library))[0] == 0
    record = library / "studies" / "nct09999991.yaml"
    before = record.read_bytes()
    code, output = _run("import", "trial", source, "--content", str(library))
    assert code == 0 and output.startswith(f"unchanged: {record}")
    assert record.read_bytes() == before
    assert not (library / "studies" / "nct09999991.yaml.new").exists()


def test_editor_words_survive_a_changed_source(library: Path, tmp_path: Path) -> None:
    source = tmp_path / "trial.json"
    document = json.loads((FIXTURES / "trial_90ci_string_values.json").read_text("utf-8"))
    source.write_text(json.dumps(document), encoding="utf-8")
    _run("import", "trial", str(source), "--content", str(library))
    record = library / "studies" / "nct09999991.yaml"
    edited = yaml.safe_load(record.read_text("utf-8"))
    edited["summary"] = "An editor's own summary."
    record.write_text(yaml.safe_dump(edited, sort_keys=False), encoding="utf-8")

    analysis = document["resultsSection"]["outcomeMeasuresModule"]["outcomeMeasures"][0]
    analysis["analyses"][0]["paramValue"] = "-4.30"  # the registry corrected a value
    source.write_text(json.dumps(document), encoding="utf-8")
    code, output = _run("import", "trial", str(source), "--content", str(library))
    assert code == 0 and output.startswith(f"changed: {record}")
    assert "~ outcomes:" in output and "~ summary:" in output
    assert yaml.safe_load(record.read_text("utf-8"))["summary"] == "An editor's own summary."
    draft = library / "studies" / "nct09999991.yaml.new"
    assert yaml.safe_load(draft.read_text("utf-8"))["outcomes"][0]["value"] == -4.3

    code, output = _run(
        "import", "trial", str(source), "--content", str(library), "--accept", "outcomes"
    )
    assert code == 0 and output.startswith(f"accepted into {record}")
    taken = yaml.safe_load(record.read_text("utf-8"))
    assert taken["outcomes"][0]["value"] == -4.3
    assert taken["summary"] == "An editor's own summary."


def test_accepting_a_field_that_does_not_differ_is_an_error(library: Path) -> None:
    source = str(FIXTURES / "trial_90ci_string_values.json")
    _run("import", "trial", source, "--content", str(library))
    record = library / "studies" / "nct09999991.yaml"
    record.write_text(record.read_text("utf-8").replace("Phase 2", "Phase 2b"), encoding="utf-8")
    before = record.read_bytes()
    code, output = _run("import", "trial", source, "--content", str(library), "--accept", "n")
    assert code == 1 and "nothing to accept for n; fields that differ: phase" in output
    assert record.read_bytes() == before


def test_label_reimport_compares_against_the_published_profile(library: Path) -> None:
    source = str(FIXTURES / "label_reused_codes.xml")
    _run("import", "label", source, "--content", str(library))
    draft = library / "drafts" / "examplor.md"
    published = library / "compounds" / "examplor.md"
    published.write_text(
        draft.read_text("utf-8").replace(
            "500 mg orally twice daily", "500 mg by mouth twice daily"
        ),
        encoding="utf-8",
    )
    code, output = _run("import", "label", source, "--content", str(library))
    assert code == 0 and output.startswith(f"changed: {published}")
    assert "~ ## Dosage:" in output and len(output.strip().splitlines()) == 2
    assert "by mouth" in published.read_text("utf-8")
    code, output = _run("import", "label", source, "--content", str(library), "--accept", "Dosage")
    assert code == 0 and "orally twice daily" in published.read_text("utf-8")
    code, output = _run("import", "label", source, "--content", str(library))
    assert output.startswith(f"unchanged: {published}")


def test_the_same_label_from_another_place_is_unchanged(library: Path, tmp_path: Path) -> None:
    copy = tmp_path / "downloaded.xml"
    copy.write_bytes((FIXTURES / "label_reused_codes.xml").read_bytes())
    _run("import", "label", str(FIXTURES / "label_reused_codes.xml"), "--content", str(library))
    code, output = _run("import", "label", str(copy), "--content", str(library))
    assert code == 0 and output.startswith("unchanged:")
