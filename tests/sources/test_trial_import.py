"""Registry entries as study records: numbers from structured data, exactly as written, with the
CI's own level; provenance "registry", counted as verified."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from evidex.evidence.models import Outcome
from evidex.evidence.stats import complete_outcome, standard_error
from evidex.evidence.studyfile import parse_study_file
from evidex.sources.imports import import_trial
from evidex.sources.reader import SourceError
from evidex.sources.trial import exact_number

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SOURCES = Path(__file__).resolve().parents[2] / ".." / "shared" / "sources"
needs_shared = pytest.mark.skipif(not SOURCES.is_dir(), reason="../shared/sources is absent")


def _record(path: Path, out: Path, content: Path | None) -> dict:  # type: ignore[type-arg]
    report = import_trial(path, out, content)
    text = report.results[0].path.read_text(encoding="utf-8")
    study, diagnostics = parse_study_file(text, "x.yaml")
    assert study is not None, [str(d) for d in diagnostics]
    assert study.source_kind == "registry" and study.curated
    return yaml.safe_load(text)


def test_registry_values_are_read_exactly() -> None:
    assert exact_number("15.231") == 15.231
    assert exact_number("-0.100") == -0.1
    assert exact_number("<0.001") is None and exact_number("NA") is None


def test_design_enrollment_and_a_90_percent_ci(tmp_path: Path, library: Path) -> None:
    record = _record(FIXTURES / "trial_90ci_string_values.json", tmp_path, library)
    assert record["citation"]["nct"] == "NCT09999991"
    assert (record["design"], record["phase"], record["n"]) == ("rct", "Phase 2", 120)
    assert "anticipated 120" in record["summary"] and "double-masked" in record["summary"]
    assert (record["compound"], record["goal"]) == ("semaglutide", "weight-loss")
    assert record["comparator_type"] == "placebo"
    assert record["primary_outcomes"] == ["Change in body weight (Week 26)"]
    weight, events = record["outcomes"]
    assert (weight["measure"], weight["value"], weight["ci_low"], weight["ci_high"]) == (
        "MD",
        -4.1,
        -5.2,
        -3.0,
    )
    assert weight["ci_level"] == 90 and weight["p"] == "0.004"
    assert [arm["name"] for arm in weight["arms"]] == ["Semaglutide 1 mg", "Placebo"]
    assert events["measure"] == "HR" and events["p"] == "<0.001" and "ci_level" not in events


def test_a_90_percent_ci_keeps_its_level_downstream() -> None:
    ninety = Outcome(name="x", measure="MD", value=-4.1, ci_low=-5.2, ci_high=-3.0, ci_level=90)
    same_as_95 = ninety.model_copy(update={"ci_level": None})
    assert standard_error(ninety) == pytest.approx(2.2 / (2 * 1.6448536), rel=1e-6)
    assert standard_error(ninety) > standard_error(same_as_95)  # type: ignore[operator]
    # a 90% CI that excludes 0 does not make p < 0.05 by itself; the written p decides
    crossing_p = ninety.model_copy(update={"p": "0.08"})
    assert complete_outcome(crossing_p).significant is False


def test_missing_required_key_is_one_line_naming_the_key(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match=r"protocolSection\.identificationModule\.nctId"):
        import_trial(FIXTURES / "trial_missing_nct.json", tmp_path, None)
    assert not list(tmp_path.iterdir())


@needs_shared
def test_real_registry_records(tmp_path: Path) -> None:
    axspa = _record(SOURCES / "ctgov" / "NCT02552212.json", tmp_path, None)
    assert (axspa["design"], axspa["phase"], axspa["n"]) == ("rct", "Phase 3", 317)
    assert len(axspa["outcomes"]) == 12
    first = axspa["outcomes"][0]
    assert (first["measure"], first["value"], first["ci_low"], first["ci_high"], first["p"]) == (
        "OR",
        15.231,
        7.336,
        31.623,
        "<0.001",
    )
    assert len(first["arms"]) == 2
    no_analyses = _record(SOURCES / "ctgov" / "NCT00763412.json", tmp_path, None)
    assert no_analyses["n"] == 31 and "outcomes" not in no_analyses and "phase" not in no_analyses
    registered_only = _record(SOURCES / "ctgov" / "NCT03418623.json", tmp_path, None)
    assert registered_only["phase"] == "Phase 2" and "outcomes" not in registered_only


def test_a_90_percent_ci_is_labelled_and_drawn_dashed_in_the_forest_plot() -> None:
    from evidex.evidence.forest import ForestRow, forest_svg

    rows = [
        ForestRow("Registry trial", "Weight", "MD", -4.1, -5.2, -3.0, 118, ci_level=90),
        ForestRow("Curated trial", "Weight", "MD", -12.4, -13.4, -11.5, 1961),
    ]
    svg = forest_svg(rows, title="Weight")
    assert svg.count("ci-other-level") == 1
    assert "-4.10 [-5.20, -3.00] 90%" in svg and "90% CI -5.20 to -3.00" in svg
    assert "95% CI -13.40 to -11.50" in svg
