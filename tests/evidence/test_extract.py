"""Study records proposed from article prose and abstracts."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from evidex.cli.main import app
from evidex.evidence.extract import extract_studies
from evidex.evidence.models import Outcome, Study

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"
SEED_004 = SEEDS / "004_2870c86781a0922d.txt"


def _outcome(study: Study, value: float) -> Outcome:
    return next(outcome for outcome in study.outcomes if outcome.value == pytest.approx(value))


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not present")
def test_seed_004_yields_exactly_its_five_studies() -> None:
    studies = extract_studies(SEED_004.read_text(encoding="utf-8"), source=str(SEED_004))
    assert [study.id for study in studies] == [f"004_2870c86781a0922d-x{i}" for i in range(1, 6)]
    trial, meta, combination, matched, tace = studies

    assert (trial.design, trial.n, trial.duration, trial.follow_up) == (
        "rct",
        316,
        "24 weeks",
        "72 weeks",
    )
    assert {(o.name, o.measure, o.value) for o in trial.outcomes} == {
        ("ALT normalization", "percent", 36.4),
        ("HBV DNA clearance", "percent", 30.0),
        ("HBeAg seroconversion", "percent", 22.8),
    }

    assert (meta.design, meta.n, meta.n_studies) == ("meta-analysis", 199, 4)
    assert (meta.comparator, meta.comparator_type) == ("interferon-alpha", "active")
    assert [(o.measure, o.value, o.ci_low, o.ci_high) for o in meta.outcomes] == [
        ("OR", 0.62, 0.35, 1.10),
        ("OR", 0.60, 0.34, 1.05),
        ("OR", 0.54, 0.30, 0.97),
    ]
    assert [o.significant for o in meta.outcomes] == [False, False, True]

    assert (combination.design, combination.n) == ("rct", 690)
    incidence = _outcome(combination, 1.7)
    assert [arm.value for arm in incidence.arms] == [1.7, 2.1]
    assert incidence.significant is False
    assert incidence.direction == "no difference"

    assert (matched.design, matched.n, matched.follow_up) == (
        "propensity-matched",
        468,
        "60 months",
    )
    survival = _outcome(matched, 0.308)
    assert (survival.ci_low, survival.ci_high, survival.p) == (0.175, 0.541, "<0.001")
    assert survival.direction == "benefit"
    assert (_outcome(matched, 0.381).ci_low, _outcome(matched, 0.381).ci_high) == (0.229, 0.633)

    assert tace.n is None
    assert tace.design in ("case-series", "cohort")
    assert "CD3+" in tace.summary
    assert all(not study.curated for study in studies)


def test_article_headings_bullets_and_recap_in_own_fixture() -> None:
    text = (FIXTURES / "deep_dive_three_studies.txt").read_text(encoding="utf-8")
    studies = extract_studies(text, source="research/omega-3.md", compound="Omega-3")
    assert [(s.id, s.design, s.n) for s in studies] == [
        ("omega-3-x1", "rct", 8179),
        ("omega-3-x2", "meta-analysis", 127477),
        ("omega-3-x3", "rct", 13078),
    ]
    first, pooled, third = studies
    assert first.comparator_type == "placebo"
    assert first.follow_up == "4.9 years"
    assert [o.name for o in first.outcomes] == [
        "Major cardiovascular events",
        "Cardiovascular death",
    ]
    assert pooled.n_studies == 13
    assert [(o.value, o.ci_low, o.ci_high) for o in pooled.outcomes] == [
        (0.92, 0.86, 0.99),
        (0.97, 0.93, 1.01),
    ]
    [fibrillation] = third.outcomes
    assert fibrillation.name == "Atrial fibrillation"
    assert [arm.value for arm in fibrillation.arms] == [5.3, 3.9]
    # "60–70% of people" is a comparison with other drugs, not an outcome of this trial.
    assert all(o.value not in (60, 70) for s in studies for o in s.outcomes)
    assert all(s.compound == "Omega-3" for s in studies)


def _cases() -> list[dict[str, Any]]:
    loaded = yaml.safe_load((FIXTURES / "abstracts" / "cases.yaml").read_text(encoding="utf-8"))
    return list(loaded)


def test_the_abstract_set_is_large_enough_to_mean_something() -> None:
    cases = _cases()
    assert len(cases) >= 30
    assert sum(len(case["expected"]["estimates"]) for case in cases) >= 50


@pytest.mark.parametrize("case", _cases(), ids=lambda case: str(case["id"]))
def test_abstract_case(case: dict[str, object]) -> None:
    expected = case["expected"]
    assert isinstance(expected, dict)
    studies = extract_studies(str(case["text"]), source=f"{case['id']}.txt")
    assert len(studies) == 1
    [study] = studies
    assert study.design == expected["design"]
    assert study.n == expected["n"]
    if "n_studies" in expected:
        assert study.n_studies == expected["n_studies"]
    for field in ("duration", "follow_up"):
        if field in expected:
            assert getattr(study, field) == expected[field]
    found = {
        (o.measure, o.value, o.ci_low, o.ci_high) for o in study.outcomes if o.ci_low is not None
    }
    wanted = {(m, float(v), float(lo), float(hi)) for m, v, lo, hi in expected["estimates"]}
    assert found == wanted


def test_several_abstracts_in_one_text_become_several_studies() -> None:
    cases = _cases()
    text = "\n---\n".join(str(case["text"]) for case in cases[:3])
    studies = extract_studies(text, source="batch.txt")
    assert [study.n for study in studies] == [case["expected"]["n"] for case in cases[:3]]


def test_restated_numbers_do_not_spawn_a_second_study() -> None:
    text = (
        "Results\n\nA randomized trial (n=200) found fewer relapses (HR 0.60, 95% CI 0.40-0.90).\n\n"
        "Discussion\n\nAs a randomized trial showed, relapses fell (HR 0.60, 95% CI 0.40-0.90).\n"
    )
    studies = extract_studies(text)
    assert len(studies) == 1


def test_cli_json_lists_studies_with_their_outcomes(tmp_path: Path) -> None:
    source = tmp_path / "abstract.txt"
    source.write_text(str(_cases()[0]["text"]), encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(source), "--json"])
    assert result.exit_code == 0, result.output
    [study] = json.loads(result.output)
    assert study["id"] == "abstract-x1"
    assert study["curated"] is False
    assert {
        "name",
        "measure",
        "value",
        "ci_low",
        "ci_high",
        "p",
        "significant",
        "direction",
    } <= set(study["outcomes"][0])


def test_cli_table_and_missing_file(tmp_path: Path) -> None:
    source = tmp_path / "abstract.txt"
    source.write_text(str(_cases()[2]["text"]), encoding="utf-8")
    table = CliRunner().invoke(app, ["extract", str(source)])
    assert table.exit_code == 0
    assert "9361" in table.output
    missing = CliRunner().invoke(app, ["extract", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 2


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("0123456789.,;:-–−()[]% =<>HRORCIn95to \n•aA")), max_size=400
    )
)
def test_random_notation_soup_never_crashes(text: str) -> None:
    for study in extract_studies(text):
        Study.model_validate(study.model_dump())


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_random_unicode_never_crashes(text: str) -> None:
    extract_studies(text)


@pytest.mark.parametrize(
    "hostile",
    [
        "HR " + "0" * 50_000,
        "(95% CI " * 5_000,
        "1," * 20_000,
        "a " * 40_000 + "trial",
        "OR 1 (" + "1-" * 20_000,
        "A randomized trial. " * 3_000,
        "  • x: " * 8_000,
        "in " + "patients " * 10_000,
    ],
)
def test_hostile_inputs_finish_quickly(hostile: str) -> None:
    started = time.perf_counter()
    extract_studies(hostile)
    assert time.perf_counter() - started < 30.0, (
        "catastrophic backtracking: linear inputs must not take minutes"
    )


def test_mixed_case_abstract_section_labels_do_not_name_outcomes() -> None:
    abstract = (
        "Methods: Forty adults were randomised to the supplement or placebo for 8 weeks.\n"
        "Results: Fasting glucose fell (mean difference -0.4 mmol/L, 95% CI -0.7 to -0.1; "
        "p = .01).\n"
    )
    outcomes = [o for s in extract_studies(abstract) for o in s.outcomes]
    assert outcomes and outcomes[0].name.lower().startswith("fasting glucose")
    assert (outcomes[0].value, outcomes[0].ci_low, outcomes[0].ci_high) == (-0.4, -0.7, -0.1)


@pytest.mark.parametrize(
    ("sentence", "outcome"),
    [
        (
            "For the primary endpoint, the hazard ratio was 0.74 (95% CI 0.61 to 0.90).",
            "primary endpoint",
        ),
        ("For infection rate, the estimate was RR 0.43 (95% CI 0.31-0.58).", "infection rate"),
        (
            "In overall survival, the adjusted hazard ratio was 0.81 (95% CI 0.70 to 0.94).",
            "overall survival",
        ),
    ],
)
def test_a_lead_in_names_the_outcome_not_the_measure(sentence: str, outcome: str) -> None:
    text = f"In a randomised controlled trial of 400 adults given the drug or placebo for 12 weeks. {sentence}"
    studies = extract_studies(text, source="lead-in.txt")
    names = [o.name.lower() for study in studies for o in study.outcomes]
    assert names == [outcome]


def test_a_recap_section_ends_at_the_next_section_of_its_rank() -> None:
    """'Key Takeaways' may open an article: the studies after it are still read, and a
    sub-heading inside a recap does not end it."""
    text = (FIXTURES / "deep_dive_takeaways_first.md").read_text(encoding="utf-8")
    studies = extract_studies(text, source="research/tb-500.md")
    assert [(s.design, s.n) for s in studies] == [("animal", 48), ("rct", 73)]
    trial = studies[1]
    assert trial.population == "patients with venous stasis ulcers"
    [healing] = trial.outcomes
    assert (healing.measure, healing.value, healing.ci_low, healing.ci_high) == (
        "RR",
        2.1,
        0.8,
        5.4,
    )
