"""A tier's rationale agrees with the table beside it: significant placebo-controlled results
are not "without a comparison", and missing figures are named with what would raise the tier."""

from __future__ import annotations

from evidex.evidence.models import Outcome, Study
from evidex.evidence.stats import complete_outcome
from evidex.evidence.tiers import compute_tier


def _grade(*studies: Study) -> str:
    return compute_tier(list(studies), compound_label="X", goal_label="sleep").rationale


def test_significant_results_without_a_better_side_are_not_called_uncompared() -> None:
    latency = complete_outcome(
        Outcome(name="Sleep onset latency", measure="MD", value=-7.06, ci_low=-9.75, ci_high=-4.37)
    )
    meta = Study(
        id="m",
        design="meta-analysis",
        n=1683,
        n_studies=19,
        comparator="placebo",
        comparator_type="placebo",
        outcomes=[latency],
    )
    rationale = _grade(meta)
    assert "without a comparison" not in rationale
    assert "vs placebo with significant differences (sleep onset latency)" in rationale
    assert "better direction is not recorded" in rationale
    assert "What would raise the tier: recording which way is better" in rationale
    assert "would support Tier 2" in rationale


def test_a_study_without_figures_says_they_are_missing_and_what_would_raise_the_tier() -> None:
    meta = Study(id="c", design="meta-analysis", n=721, n_studies=22, comparator_type="placebo")
    assessment = compute_tier([meta], compound_label="creatine", goal_label="strength")
    assert assessment.tier == 4
    assert "meta-analysis of 22 RCTs n=721 vs placebo whose outcome figures are not recorded" in (
        assessment.rationale
    )
    assert "recording the effect estimates of a meta-analysis of 22 RCTs n=721" in (
        assessment.rationale
    )


def test_uncompared_rates_still_read_as_uncompared_and_nothing_is_promised() -> None:
    rates = Study(
        id="r",
        design="rct",
        n=316,
        outcomes=[Outcome(name="ALT normalisation", measure="percent", value=36.4)],
    )
    rationale = _grade(rates)
    assert "reporting outcomes without a comparison" in rationale
    assert "What would raise the tier" not in rationale
