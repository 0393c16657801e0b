"""The tier rubric: each rule in docs/methodology.md has a case here."""

from __future__ import annotations

from pathlib import Path

import pytest
from tier_studies import benefit, harm, null, study

from evidex.content.yamlload import load_yaml
from evidex.evidence.models import Outcome, Study
from evidex.evidence.studyfile import parse_study_list
from evidex.evidence.tiers import TIER_NAMES, TierAssessment, compute_tier, tier_claim_warning

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"
METHODOLOGY = Path(__file__).resolve().parents[2] / "docs" / "methodology.md"


def grade(*studies: Study, approved: bool = False) -> TierAssessment:
    return compute_tier(
        list(studies), compound_label="compound X", goal_label="liver health", approved=approved
    )


def test_tier_names_follow_the_brief() -> None:
    assert TIER_NAMES[3] == "probable efficacy"
    assert sorted(TIER_NAMES) == [1, 2, 3, 4, 5]


def test_preclinical_only_is_tier_5_whatever_the_effect() -> None:
    huge = Outcome(name="Tumour growth", measure="SMD", value=-3.0, ci_low=-4.0, ci_high=-2.0)
    result = grade(
        study("mice", "animal", 80, huge, human=False),
        study("cells", "in-vitro", None, huge),
        study("rats", "animal", 5000, benefit()),
    )
    assert (result.tier, result.tier_name) == (5, "insufficient / preclinical")
    assert "no human studies" in result.rationale
    assert result.inputs["preclinical"] == 3 and result.inputs["human"] == 0


def test_no_studies_at_all_is_tier_5() -> None:
    assert grade().tier == 5


def test_one_small_positive_pilot_is_tier_4() -> None:
    pilot = study("pilot", "rct", 48, benefit())
    result = grade(pilot)
    assert result.tier == 4
    assert result.driving_study_ids == ["pilot"]
    uncontrolled = study("open-label", "case-series", 30, benefit(), comparator=None)
    assert grade(uncontrolled).tier == 4


def test_two_large_consistent_rcts_are_tier_1() -> None:
    result = grade(study("a", "rct", 820, benefit()), study("b", "rct", 640, benefit()))
    assert result.tier == 1
    assert set(result.driving_study_ids) == {"a", "b"}
    assert "RCT n=820 with significant benefit" in result.rationale


def test_meta_analysis_plus_large_rct_is_tier_1_and_either_alone_is_tier_2() -> None:
    meta = study("meta", "meta-analysis", 1500, benefit(), n_studies=9)
    trial = study("trial", "rct", 400, benefit())
    assert grade(meta, trial).tier == 1
    assert grade(meta).tier == 2
    assert grade(trial).tier == 2
    assert "meta-analysis of 9 RCTs n=1500" in grade(meta).rationale


def test_a_large_null_placebo_rct_pulls_the_tier_down() -> None:
    positive = [study("a", "rct", 820, benefit()), study("b", "rct", 640, benefit())]
    null_trial = study("null", "rct", 1200, null())
    assert grade(*positive).tier == 1
    pulled = grade(*positive, null_trial)
    assert pulled.tier == 2
    assert "no significant difference vs placebo in an RCT n=1200" in pulled.rationale
    assert "null" in pulled.driving_study_ids
    assert grade(positive[0], null_trial).tier == 3


def test_a_small_null_trial_does_not_outweigh_a_large_positive_one() -> None:
    assert grade(study("big", "rct", 900, benefit()), study("small", "rct", 40, null())).tier == 2


def test_moderate_harm_pulls_the_tier_down() -> None:
    assert grade(study("a", "rct", 500, benefit()), study("h", "cohort", 300, harm())).tier == 3


def test_conflicting_small_human_data_is_tier_4() -> None:
    agreeing = [study("s1", "rct", 60, benefit()), study("s2", "cohort", 70, benefit())]
    assert grade(*agreeing).tier == 3
    conflicting = grade(*agreeing, study("s3", "rct", 55, null()))
    assert conflicting.tier == 4


def test_not_beating_an_active_comparator_is_a_limit_not_harm() -> None:
    versus_active = study(
        "head-to-head",
        "rct",
        700,
        Outcome(name="Response", measure="OR", value=0.7, ci_low=0.5, ci_high=0.95),
        comparator="interferon-alpha",
        comparator_type="active",
    )
    positive = [study("a", "rct", 820, benefit()), study("b", "rct", 640, benefit())]
    result = grade(*positive, versus_active)
    assert result.tier == 2
    assert result.inputs["harms"] == 0 and result.inputs["not_superior_to_active"] == 1
    assert "not superior to interferon-alpha" in result.rationale


def seed_studies() -> list[Study]:
    located = load_yaml((FIXTURES / "liver_health_article_studies.yaml").read_text(), "f.yaml")
    studies, _ = parse_study_list(located.data["studies"], "f.yaml", located, ("studies",))
    return studies


def test_seed_004_evidence_computes_to_tier_3() -> None:
    result = compute_tier(
        seed_studies(), compound_label="thymosin alpha-1", goal_label="liver health"
    )
    assert (result.tier, result.tier_name) == (3, "probable efficacy")
    assert result.driving_study_ids[0] == "hcc-resection-psm"
    assert "propensity-matched cohort n=468 with significant benefit (HR 0.308" in result.rationale
    assert "not superior to interferon-alpha in a meta-analysis of 4 RCTs n=199" in result.rationale
    assert "entecavir alone" in result.rationale
    assert result.inputs["largest_n"] == 690
    assert result.inputs["designs"]["rct"] == 2
    assert "unverified" not in result.rationale


def test_seed_004_stays_tier_3_when_the_editor_says_it_is_approved() -> None:
    result = compute_tier(
        seed_studies(), compound_label="thymosin alpha-1", goal_label="liver health", approved=True
    )
    assert result.tier == 3


def test_extracted_studies_count_but_the_rationale_flags_them() -> None:
    extracted = [s.model_copy(update={"curated": False}) for s in seed_studies()]
    result = compute_tier(extracted, compound_label="Tα1", goal_label="liver health")
    assert result.tier == 3
    assert "5 of 5 studies were extracted from article text and are unverified" in result.rationale


def test_claimed_tier_that_differs_is_a_warning() -> None:
    computed = compute_tier(seed_studies(), compound_label="Tα1", goal_label="liver health")
    assert tier_claim_warning(3, computed) is None
    assert tier_claim_warning(None, computed) is None
    warning = tier_claim_warning(2, computed)
    assert warning is not None
    assert warning.startswith(
        "article claims Tier 2 but the evidence computes to Tier 3 (probable efficacy): "
    )


def test_methodology_worked_example_quotes_the_computed_rationale() -> None:
    result = compute_tier(
        seed_studies(), compound_label="thymosin alpha-1", goal_label="liver health"
    )
    quoted = [
        line[2:]
        for line in METHODOLOGY.read_text(encoding="utf-8").split("\n")
        if line.startswith("> ")
    ]
    assert " ".join(quoted) == result.rationale


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared seeds folder is absent")
def test_seed_004_page_text_grades_to_tier_3_through_the_extractor() -> None:
    # Imported here so the rubric tests do not depend on the extractor module loading.
    from evidex.evidence.extract import extract_studies

    text = (SEEDS / "004_2870c86781a0922d.txt").read_text(encoding="utf-8")
    studies = extract_studies(text, source="004.txt")
    result = compute_tier(studies, compound_label="thymosin alpha-1", goal_label="liver health")
    assert (result.tier, result.tier_name) == (3, "probable efficacy")
    assert "n=468" in result.rationale and "unverified" in result.rationale
