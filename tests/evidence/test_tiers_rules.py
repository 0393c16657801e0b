"""The tier rubric at its boundaries: sizes, comparators and the words of the rationale."""

from __future__ import annotations

import pytest
from tier_studies import benefit, harm, null, study

from evidex.evidence.models import Outcome, Study
from evidex.evidence.tiers import (
    LARGE_N,
    MODERATE_N,
    TIER_NAMES,
    TierAssessment,
    comparator_kind,
    compute_tier,
    is_human,
    tier_claim_warning,
)


def rate() -> Outcome:
    return Outcome(name="Responders", measure="percent", value=40)


def grade(*studies: Study, approved: bool = False) -> TierAssessment:
    return compute_tier(list(studies), compound_label="X", goal_label="Y", approved=approved)


def test_every_tier_has_its_name() -> None:
    assert TIER_NAMES == {
        1: "proven efficacy",
        2: "strong evidence",
        3: "probable efficacy",
        4: "possible efficacy",
        5: "insufficient / preclinical",
    }
    assert [grade(*s).tier_name for s in ([], [study("p", "rct", 40, benefit())])] == [
        "insufficient / preclinical",
        "possible efficacy",
    ]


@pytest.mark.parametrize(
    ("comparator", "kind"),
    [
        ("Placebo injections", "placebo"),
        ("sham procedure", "placebo"),
        ("standard therapy", "standard-care"),
        ("usual care", "standard-care"),
        ("no treatment", "standard-care"),
        ("untreated controls", "standard-care"),
        ("entecavir", "active"),
        ("", "unknown"),
        (None, "unknown"),
    ],
)
def test_the_comparator_kind_is_read_from_its_words(comparator: str | None, kind: str) -> None:
    assert comparator_kind(study("s", "rct", 10, comparator=comparator, comparator_type=None)) == (
        kind
    )


def test_a_stated_comparator_type_wins_over_the_words() -> None:
    written = study("s", "rct", 10, comparator="placebo", comparator_type="active")
    assert comparator_kind(written) == "active"


def test_animals_cells_and_non_human_studies_are_not_human() -> None:
    assert is_human(study("a", "rct", 10))
    assert not is_human(study("a", "rct", 10, human=False))
    for design in ("animal", "in-vitro", "mechanistic"):
        assert not is_human(study("a", design, 10))


# --------------------------------------------------------------------------- size limits


def test_a_large_rct_starts_at_300_participants() -> None:
    assert (LARGE_N, MODERATE_N) == (300, 100)
    at = [study("a", "rct", 300, benefit()), study("b", "rct", 300, benefit())]
    assert grade(*at).tier == 1
    below = [study("a", "rct", 299, benefit()), study("b", "rct", 300, benefit())]
    assert grade(*below).tier == 2
    assert grade(study("a", "rct", 299, benefit())).tier == 3


def test_a_controlled_study_of_100_is_moderate_and_of_99_a_pilot() -> None:
    assert grade(study("c", "cohort", 100, benefit())).tier == 3
    assert grade(study("c", "cohort", 99, benefit())).tier == 4
    assert grade(study("c", "cohort", None, benefit())).tier == 4
    # An uncontrolled series of any size is not a controlled study.
    assert grade(study("c", "case-series", 5000, benefit(), comparator=None)).tier == 4


def test_harm_counts_against_from_100_participants() -> None:
    positive = study("a", "rct", 500, benefit())
    assert grade(positive, study("h", "cohort", 100, harm())).tier == 3
    small = grade(positive, study("h", "cohort", 99, harm()))
    assert small.tier == 2
    assert "significant harm vs placebo in a cohort study n=99" in small.rationale


def test_a_null_rct_counts_against_from_300_participants_and_only_against_inactive_care() -> None:
    positive = [study("a", "rct", 820, benefit()), study("b", "rct", 640, benefit())]
    for kind in ("placebo", "none", "standard-care"):
        against = study("n", "rct", 300, null(), comparator=kind, comparator_type=kind)
        assert grade(*positive, against).tier == 2, kind
    assert grade(*positive, study("n", "rct", 299, null())).tier == 1
    # A null against an active drug or an unnamed comparator only keeps the tier below 1.
    versus_active = study("n", "rct", 900, null(), comparator="entecavir", comparator_type="active")
    result = grade(*positive, versus_active)
    assert result.tier == 2
    assert "not superior to entecavir in an RCT n=900" in result.rationale
    unnamed = study("n", "rct", 900, null(), comparator=None, comparator_type=None)
    result = grade(*positive, unnamed)
    assert result.tier == 2
    assert "no significant difference vs its comparator in an RCT n=900" in result.rationale


def test_evidence_against_never_takes_the_tier_below_4() -> None:
    pilot = study("p", "rct", 40, benefit())
    assert grade(pilot, study("h", "rct", 400, harm())).tier == 4
    assert grade(study("c", "cohort", 150, benefit()), study("h", "rct", 400, harm())).tier == 4


def test_two_small_studies_agreeing_are_tier_3_unless_a_small_one_disagrees() -> None:
    agreeing = [study("s1", "rct", 60, benefit()), study("s2", "cohort", 70, benefit())]
    assert grade(*agreeing).tier == 3
    assert grade(*agreeing, study("s3", "rct", 55, harm())).tier == 4
    assert grade(agreeing[0]).tier == 4


# ------------------------------------------------------------------ verdicts against active


def test_harm_against_an_active_comparator_is_not_superiority_not_harm() -> None:
    versus = study("v", "rct", 500, harm(), comparator="drug Z", comparator_type="active")
    result = grade(study("a", "rct", 500, benefit()), versus)
    assert result.tier == 2
    assert (result.inputs["harms"], result.inputs["not_superior_to_active"]) == (0, 1)
    both = study("w", "rct", 500, benefit(), harm(), comparator="drug Z", comparator_type="active")
    mixed = grade(both)
    assert (mixed.inputs["harms"], mixed.inputs["not_superior_to_active"]) == (1, 0)


# ---------------------------------------------------------------------------- rationale


def test_the_rationale_lists_drivers_largest_first_then_the_limits() -> None:
    result = grade(
        study("small", "rct", 400, benefit()),
        study("big", "meta-analysis", 2000, benefit(), n_studies=12),
        study("versus", "rct", 350, null(), comparator="drug Z", comparator_type="active"),
        study("series", "case-series", 12, comparator=None, comparator_type=None),
        approved=True,
    )
    assert result.tier == 2
    assert result.rationale == (
        "Tier 2 (strong evidence) for X in Y: "
        "meta-analysis of 12 RCTs n=2000 with significant benefit "
        "(HR 0.7 [0.55, 0.88] for all-cause mortality); "
        "RCT n=400 with significant benefit (HR 0.7 [0.55, 0.88] for all-cause mortality); "
        "not superior to drug Z in an RCT n=350; "
        "case series n=12 whose outcome figures are not recorded; "
        "approved by a regulator for this use."
    )
    assert result.driving_study_ids == ["big", "small", "versus"]


def test_tier_4_names_what_there_is() -> None:
    reported = grade(study("open", "case-series", 30, rate(), comparator=None))
    assert reported.rationale == (
        "Tier 4 (possible efficacy) for X in Y: case series n=30 reporting outcomes "
        "without a comparison."
    )
    lone_null = grade(study("n", "rct", 40, null()))
    assert lone_null.rationale == (
        "Tier 4 (possible efficacy) for X in Y: RCT n=40 without a significant difference."
    )
    empty = grade(study("e", "cohort", None))
    assert empty.rationale == (
        "Tier 4 (possible efficacy) for X in Y: cohort study vs placebo whose outcome figures "
        "are not recorded."
    )
    assert empty.driving_study_ids == ["e"]


def test_a_reported_only_study_beside_a_driver_is_a_limit() -> None:
    result = grade(
        study("c", "propensity-matched", 468, benefit()),
        study("r", "non-randomised-controlled", 90, rate()),
        study("cc", "case-control", 40, null()),
    )
    assert result.rationale == (
        "Tier 3 (probable efficacy) for X in Y: propensity-matched cohort n=468 with "
        "significant benefit (HR 0.7 [0.55, 0.88] for all-cause mortality); "
        "non-randomised controlled trial n=90 reports outcomes without a comparison; "
        "no significant difference vs placebo in a case-control study n=40."
    )


@pytest.mark.parametrize(
    ("design", "words"),
    [
        ("animal", "animal study"),
        ("in-vitro", "in vitro study"),
        ("mechanistic", "mechanistic work"),
    ],
)
def test_preclinical_evidence_is_named_in_the_rationale(design: str, words: str) -> None:
    result = grade(study("p", design, 20, benefit()))
    assert result.rationale == (
        f"Tier 5 (insufficient / preclinical) for X in Y: only {words} evidence, no human studies."
    )
    assert result.driving_study_ids == ["p"]


def test_no_studies_on_record_is_said_so() -> None:
    assert grade().rationale == (
        "Tier 5 (insufficient / preclinical) for X in Y: no studies on record."
    )


def test_unverified_studies_are_counted_in_the_rationale() -> None:
    result = grade(study("a", "rct", 40, benefit(), curated=False), study("b", "rct", 40, null()))
    assert result.rationale.endswith(
        " 1 of 2 studies were extracted from article text and are unverified."
    )


def test_the_inputs_record_what_the_grade_was_computed_from() -> None:
    result = grade(
        study("a", "rct", 820, benefit()),
        study("b", "rct", 640, benefit(), curated=False),
        study("h", "cohort", 150, harm(), comparator="drug Z", comparator_type="active"),
        study("n", "rct", 50, null()),
        study("m", "animal", 12, benefit()),
        approved=True,
    )
    pooled = result.inputs.pop("pooled")
    assert result.inputs == {
        "designs": {"rct": 3, "cohort": 1, "animal": 1},
        "largest_n": 820,
        "significant_benefits": 2,
        "nulls": 1,
        "harms": 0,
        "not_superior_to_active": 1,
        "active_comparators": 1,
        "human": 4,
        "preclinical": 1,
        "unverified": 1,
        "approved": True,
    }
    # The mortality HRs of a, b and n pool (the animal study is left out); one harm row does not.
    assert [(p["outcome"], p["measure"], p["k"]) for p in pooled] == [
        ("all-cause mortality", "HR", 3)
    ]


def test_a_claimed_tier_that_differs_is_a_warning_naming_both() -> None:
    computed = grade(study("a", "rct", 40, benefit()))
    assert tier_claim_warning(4, computed) is None
    assert tier_claim_warning(1, computed) == (
        "article claims Tier 1 but the evidence computes to Tier 4 (possible efficacy): "
        + computed.rationale
    )


def test_the_article_before_a_design_follows_its_first_sound() -> None:
    from evidex.evidence.tiers import _with_article

    assert _with_article("RCT n=40") == "an RCT n=40"
    assert _with_article("in vitro study") == "an in vitro study"
    assert _with_article("Observational study") == "an Observational study"
    assert _with_article("cohort study n=90") == "a cohort study n=90"
    assert _with_article("inception cohort") == "an inception cohort"


def test_only_a_meta_analysis_counts_its_trials() -> None:
    result = grade(study("r", "rct", 40, benefit(), n_studies=3))
    assert result.rationale.startswith("Tier 4 (possible efficacy) for X in Y: RCT n=40 with")


def test_the_effect_quoted_is_the_first_benefit_with_an_interval() -> None:
    p_only = Outcome(name="Death", measure="HR", value=0.6, p="0.01")
    with_ci = Outcome(name="Relapse", measure="HR", value=0.5, ci_low=0.3, ci_high=0.8)
    result = grade(study("r", "rct", 400, null(), p_only, with_ci))
    assert result.rationale == (
        "Tier 2 (strong evidence) for X in Y: RCT n=400 with significant benefit "
        "(HR 0.5 [0.3, 0.8] for relapse)."
    )
    bare = grade(study("r", "rct", 400, p_only))
    assert (
        bare.rationale == "Tier 2 (strong evidence) for X in Y: RCT n=400 with significant benefit."
    )


def test_a_small_disagreeing_study_is_named_once_beside_the_agreeing_pair() -> None:
    agreeing = [study("s1", "rct", 60, benefit()), study("s2", "cohort", 70, benefit())]
    conflicting = grade(*agreeing, study("s3", "rct", 55, null()))
    assert conflicting.rationale == (
        "Tier 4 (possible efficacy) for X in Y: cohort study n=70 with significant benefit "
        "(HR 0.7 [0.55, 0.88] for all-cause mortality); RCT n=60 with significant benefit "
        "(HR 0.7 [0.55, 0.88] for all-cause mortality); "
        "no significant difference vs placebo in an RCT n=55."
    )
    harmed = grade(*agreeing, study("h", "cohort", 100, harm()))
    assert harmed.tier == 4
    assert harmed.rationale.count("significant harm vs placebo in a cohort study n=100") == 1


def test_tier_4_without_small_benefits_is_driven_by_what_was_reported_else_the_first_study() -> (
    None
):
    series = study("series", "case-series", 30, rate(), comparator=None, comparator_type=None)
    lone_null = study("n", "rct", 40, null())
    assert grade(lone_null, series).driving_study_ids == ["series"]
    pilot = study("p", "rct", 40, benefit())
    assert grade(pilot, series).driving_study_ids == ["p"]
    other_null = study("m", "rct", 45, null())
    assert grade(lone_null, other_null).driving_study_ids == ["n"]


def test_preclinical_designs_are_listed_together() -> None:
    result = grade(study("a", "animal", 20), study("c", "in-vitro", None))
    assert result.rationale == (
        "Tier 5 (insufficient / preclinical) for X in Y: only animal study, in vitro study "
        "evidence, no human studies."
    )
    assert result.inputs["largest_n"] == 0
    unsized = grade(study("u", "cohort", None, benefit()))
    assert unsized.inputs["largest_n"] == 0


def test_two_studies_of_one_outcome_are_pooled_in_the_inputs() -> None:
    result = grade(study("a", "rct", 40, benefit()), study("b", "rct", 50, benefit()))
    [pooled] = result.inputs["pooled"]
    assert (pooled["outcome"], pooled["k"], pooled["measure"]) == ("all-cause mortality", 2, "HR")
    assert pooled["value"] == pytest.approx(0.7)


def test_an_unverified_note_follows_the_whole_rationale() -> None:
    result = grade(study("a", "rct", 40, benefit(), curated=False))
    assert result.rationale == (
        "Tier 4 (possible efficacy) for X in Y: RCT n=40 with significant benefit "
        "(HR 0.7 [0.55, 0.88] for all-cause mortality). 1 of 1 studies were extracted from "
        "article text and are unverified."
    )


def score() -> Outcome:
    """Significant, but nothing says whether a lower score is better."""
    return Outcome(name="Score", measure="HR", value=0.5, ci_low=0.3, ci_high=0.8)


def test_differences_without_a_better_direction_count_neither_way_and_say_what_is_missing() -> None:
    pain = Outcome(name="Pain", measure="HR", value=0.6, ci_low=0.4, ci_high=0.9)
    result = grade(study("u", "rct", 400, score(), score(), pain))
    assert result.rationale == (
        "Tier 4 (possible efficacy) for X in Y: RCT n=400 vs placebo with significant "
        "differences (score, pain) whose better direction is not recorded, so they count "
        "neither as benefit nor as harm. What would raise the tier: recording which way is "
        "better for the outcomes of an RCT n=400; a significant benefit there would support "
        "Tier 2."
    )


@pytest.mark.parametrize(
    ("design", "n", "reach"),
    [
        ("meta-analysis", None, 2),
        ("rct", 300, 2),
        ("rct", 299, 3),
        ("cohort", 300, 3),
        ("cohort", 150, 3),
        ("cohort", 50, None),  # a benefit there would still be Tier 4: nothing to ask for
    ],
)
def test_the_tier_a_missing_figure_would_support_follows_the_design_and_size(
    design: str, n: int | None, reach: int | None
) -> None:
    rationale = grade(study("s", design, n, score())).rationale
    if reach is None:
        assert "What would raise the tier" not in rationale
    else:
        assert rationale.endswith(f"a significant benefit there would support Tier {reach}.")


def test_a_study_without_figures_asks_for_its_estimates_and_names_its_comparator() -> None:
    result = grade(study("e", "rct", 300, comparator="none", comparator_type="none"))
    assert result.rationale == (
        "Tier 4 (possible efficacy) for X in Y: RCT n=300 vs no treatment whose outcome "
        "figures are not recorded. What would raise the tier: recording the effect estimates "
        "of an RCT n=300 with their 95% confidence intervals; a significant benefit there "
        "would support Tier 2."
    )
    active = grade(study("a", "cohort", 20, comparator="metformin", comparator_type="active"))
    assert active.rationale == (
        "Tier 4 (possible efficacy) for X in Y: cohort study n=20 vs metformin whose outcome "
        "figures are not recorded."
    )
    unnamed = grade(study("u", "cohort", 20, comparator=None, comparator_type=None))
    assert unnamed.rationale == (
        "Tier 4 (possible efficacy) for X in Y: cohort study n=20 whose outcome figures are "
        "not recorded."
    )
