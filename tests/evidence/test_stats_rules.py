"""The boundaries of significance and direction a reader acts on, one rule per test, and the
properties pooling keeps for every input."""

from __future__ import annotations

import math

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from evidex.evidence.models import Arm, Outcome
from evidex.evidence.stats import (
    ParsedP,
    complete_outcome,
    derive_direction,
    derive_significance,
    infer_better,
    null_value,
    p_says_significant,
    parse_p,
    pooled_estimate,
    standard_error,
    z_of_level,
)


def ratio(name: str, value: float, low: float, high: float, **extra: object) -> Outcome:
    fields = {"name": name, "measure": "HR", "value": value, "ci_low": low, "ci_high": high}
    return Outcome.model_validate({**fields, **extra})


def significance_of(p: str) -> bool | None:
    parsed = parse_p(p)
    assert parsed is not None, p
    return p_says_significant(parsed)


# ------------------------------------------------------------------------------ written p


@pytest.mark.parametrize(
    ("written", "significant"),
    [
        ("0.05", False),  # a p of exactly 0.05 is not below 0.05
        ("p = 0.05", False),
        ("0.049", True),
        ("0.051", False),
        ("<0.05", True),  # below 0.05, however far
        ("≤0.05", True),
        ("<0.051", None),  # could be 0.0505: not settled
        (">0.05", False),
        ("≥0.05", False),
        (">0.049", None),  # could be 0.0495: not settled
        ("NS", False),
        ("not significant", False),
    ],
)
def test_a_p_of_exactly_0_05_is_not_significant_and_bounds_settle_only_one_side(
    written: str, significant: bool | None
) -> None:
    assert significance_of(written) is significant


def test_a_p_above_0_05_is_never_reported_as_significant() -> None:
    for written in (">0.05", ">0.1", "0.06", "0.5", "p=0.20", "NS"):
        assert significance_of(written) is False, written


def test_the_significance_level_can_be_stricter() -> None:
    assert p_says_significant(ParsedP(0.01, "<"), alpha=0.01) is True
    assert p_says_significant(ParsedP(0.03, "="), alpha=0.01) is False
    assert p_says_significant(ParsedP(None, "=")) is None


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("0.03", ParsedP(0.03)),
        ("=0.03", ParsedP(0.03)),
        ("p-value < 0.01", ParsedP(0.01, "<")),
        ("Pvalue=0.2", ParsedP(0.2)),
        ("P > 0.1", ParsedP(0.1, ">")),
        ("≥0.05", ParsedP(0.05, ">")),
        ("1.2 × 10^−5", ParsedP(1.2e-5)),
        ("3 x 10-4", ParsedP(3e-4)),
        ("1", ParsedP(1.0)),
        ("p = .000", ParsedP(0.0)),
        ("N.S.", ParsedP(None, ">", ns=True)),
        ("not significant", ParsedP(None, ">", ns=True)),
        ("1.01", None),
        ("0.03 (two-sided)", None),
        ("", None),
        (None, None),
    ],
)
def test_p_values_are_read_as_written(written: str | None, expected: ParsedP | None) -> None:
    parsed = parse_p(written)
    if expected is None or expected.value is None:
        assert parsed == expected
        return
    assert parsed is not None
    assert parsed.value == pytest.approx(expected.value, rel=1e-12)
    assert (parsed.relation, parsed.ns) == (expected.relation, expected.ns)


# ------------------------------------------------------------------------- the interval


@pytest.mark.parametrize(
    "outcome",
    [
        ratio("Death", 0.7, 0.5, 1.0),
        ratio("Death", 1.4, 1.0, 1.9),
        Outcome(name="ALT", measure="MD", value=-3, ci_low=-6, ci_high=0),
        Outcome(name="ALT", measure="SMD", value=0.3, ci_low=0.0, ci_high=0.6),
    ],
)
def test_a_ci_touching_the_null_is_not_significant(outcome: Outcome) -> None:
    assert derive_significance(outcome) is False
    assert derive_direction(outcome) == "no difference"


def test_a_ci_just_clear_of_the_null_is_significant_on_either_side() -> None:
    assert derive_significance(ratio("Death", 0.7, 0.5, 0.999)) is True
    assert derive_significance(ratio("Death", 1.4, 1.001, 1.9)) is True
    md = Outcome(name="ALT", measure="MD", value=3, ci_low=0.01, ci_high=6)
    assert derive_significance(md) is True


def test_the_null_is_one_for_ratios_zero_for_differences_and_none_for_rates() -> None:
    assert [null_value(m) for m in ("HR", "OR", "RR", "MD", "SMD", "percent", "count")] == [
        1.0,
        1.0,
        1.0,
        0.0,
        0.0,
        None,
        None,
    ]


def test_a_rate_without_two_arms_keeps_what_the_editor_said() -> None:
    said = Outcome(name="Response", measure="percent", value=40, p="<0.01", significant=True)
    assert derive_significance(said) is True
    one_arm = said.model_copy(update={"arms": [Arm(name="drug", value=40)]})
    assert derive_significance(one_arm) is True
    # Half an interval is no interval: the p decides, and a vague p leaves the editor's word.
    half = Outcome(name="Death", measure="HR", value=0.7, ci_low=0.5, p="0.01")
    assert derive_significance(half) is True
    assert derive_significance(half.model_copy(update={"ci_low": None, "ci_high": 0.9})) is True
    vague = Outcome(name="Death", measure="HR", value=0.7, p="<0.5", significant=True)
    assert derive_significance(vague) is None
    assert complete_outcome(vague).significant is True
    unsaid = Outcome(name="Death", measure="HR", value=0.7)
    assert derive_significance(unsaid.model_copy(update={"significant": False})) is False


# --------------------------------------------------------------------------- direction


@pytest.mark.parametrize(
    "word",
    [
        "Mortality",
        "Death",
        "Patients who died",
        "Recurrence",
        "Incidence",
        "Risk",
        "Event",
        "Progression",
        "Adverse",
        "Hospitalisation",
        "Relapse",
        "Failure",
        "Toxicity",
        "Infection",
    ],
)
def test_a_bad_event_is_better_lower(word: str) -> None:
    assert infer_better(Outcome(name=word, measure="OR", value=1)) == "lower"
    assert derive_direction(ratio(word, 0.6, 0.4, 0.9, measure="OR")) == "benefit"
    assert derive_direction(ratio(word, 1.6, 1.2, 2.1, measure="OR")) == "harm"


@pytest.mark.parametrize("name", ["Survival", "OS", "RFS", "PFS", "DFS", "EFS", "Overall survival"])
def test_a_survival_hazard_ratio_is_better_lower(name: str) -> None:
    assert infer_better(Outcome(name=name, measure="HR", value=1)) == "lower"
    assert derive_direction(ratio(name, 0.6, 0.4, 0.9)) == "benefit"


def test_survival_as_an_odds_ratio_is_not_assumed_to_be_a_hazard() -> None:
    assert infer_better(Outcome(name="Overall survival", measure="OR", value=1)) is None
    assert infer_better(Outcome(name="Dose score", measure="HR", value=1)) is None


@pytest.mark.parametrize(
    "word",
    [
        "Response",
        "Remission",
        "ALT normalisation",
        "Viral clearance",
        "Seroconversion",
        "Improvement",
        "Cure",
        "Recovery",
        "Wound healing",
    ],
)
def test_a_ratio_whose_lower_value_is_worse(word: str) -> None:
    assert infer_better(Outcome(name=word, measure="HR", value=1)) == "higher"
    assert derive_direction(ratio(word, 0.6, 0.4, 0.9)) == "harm"
    assert derive_direction(ratio(word, 1.6, 1.2, 2.1)) == "benefit"


def test_the_editors_better_wins_over_the_words() -> None:
    assert infer_better(Outcome(name="Mortality", measure="HR", value=1, better="higher")) == (
        "higher"
    )
    assert derive_direction(ratio("Mortality", 0.6, 0.4, 0.9, better="higher")) == "harm"


def test_without_a_way_to_tell_the_editors_direction_stands() -> None:
    unsure = ratio("Score", 0.6, 0.4, 0.9, direction="harm")
    assert derive_direction(unsure) == "harm"
    vague = Outcome(name="Death", measure="HR", value=0.7, p="<0.5", direction="benefit")
    assert derive_direction(vague) == "benefit"


def arms(first: float, second: float, **extra: object) -> Outcome:
    return Outcome.model_validate(
        {
            "name": "HCC incidence",
            "measure": "percent",
            "value": first,
            "p": "0.01",
            "arms": [{"name": "drug", "value": first}, {"name": "control", "value": second}],
            **extra,
        }
    )


def test_harm_between_arms_is_harm() -> None:
    # More HCC on the drug (first arm) than on its comparator.
    assert derive_direction(arms(2.1, 1.7)) == "harm"
    assert derive_direction(arms(1.7, 2.1)) == "benefit"
    assert derive_direction(arms(40, 30, name="Response")) == "benefit"
    assert derive_direction(arms(30, 40, name="Response")) == "harm"


def test_equal_arms_or_an_unknown_better_keep_the_editors_direction() -> None:
    assert derive_direction(arms(2.0, 2.0)) is None
    assert derive_direction(arms(2.0, 2.0, direction="harm")) == "harm"
    assert derive_direction(arms(3.0, 2.0, name="Score")) is None
    unsettled = arms(3.0, 2.0, p="<0.5", direction="benefit")
    assert derive_direction(unsettled) == "benefit"
    assert derive_direction(arms(3.0, 2.0, p="0.3")) == "no difference"


def test_completing_an_outcome_that_already_says_both_returns_it_unchanged() -> None:
    done = ratio("Death", 0.7, 0.5, 0.9, significant=True, direction="benefit")
    assert complete_outcome(done) is done
    half = ratio("Death", 0.7, 0.5, 0.9, significant=True)
    completed = complete_outcome(half)
    assert (completed.significant, completed.direction) == (True, "benefit")
    stated = Outcome(name="Responders", measure="percent", value=40, significant=True)
    assert complete_outcome(stated).significant is True


# ---------------------------------------------------------------------- standard errors


def test_an_interval_without_width_or_below_zero_gives_no_standard_error() -> None:
    assert standard_error(ratio("Death", 0.5, 0.5, 0.5)) is None
    assert standard_error(ratio("Death", 0.5, 0.6, 0.4)) is None
    assert standard_error(ratio("Death", 0.5, 0.0, 0.9)) is None
    assert standard_error(ratio("Death", 0.5, -0.1, 0.9)) is None
    assert standard_error(Outcome(name="x", measure="MD", value=1, ci_low=1, ci_high=1)) is None
    assert standard_error(Outcome(name="x", measure="MD", value=1, ci_low=-2, ci_high=0)) == (
        pytest.approx(2 / 3.919928, abs=1e-6)
    )
    assert standard_error(Outcome(name="x", measure="percent", value=1, ci_low=0, ci_high=2)) is (
        None
    )
    assert standard_error(Outcome(name="x", measure="MD", value=1, ci_low=0)) is None


def test_a_ratio_of_zero_is_left_out_of_the_pool() -> None:
    zero = ratio("Death", 0.0, 0.01, 0.9)
    rows = [ratio("Death", 0.5, 0.3, 0.8), ratio("Death", 0.6, 0.4, 0.9)]
    pooled = pooled_estimate([zero, *rows])
    assert pooled is not None and pooled.k == 2
    md_zero = Outcome(name="x", measure="MD", value=0.0, ci_low=-1, ci_high=1)
    pooled_md = pooled_estimate([md_zero, md_zero])
    assert pooled_md is not None and pooled_md.value == 0.0


def test_one_study_outweighing_the_rest_past_float_precision_pools_to_it() -> None:
    exact = Outcome(name="x", measure="MD", value=1.0, ci_low=1.0 - 4e-10, ci_high=1.0 + 4e-10)
    loose = Outcome(name="x", measure="MD", value=5.0, ci_low=3.0, ci_high=7.0)
    pooled = pooled_estimate([exact, loose])
    assert pooled is not None
    assert pooled.tau2 == 0.0
    assert pooled.value == pytest.approx(1.0, abs=1e-9)


# --------------------------------------------------------------------------- properties

effects = st.floats(min_value=-3, max_value=3, allow_nan=False)
widths = st.floats(min_value=0.01, max_value=2, allow_nan=False)


def outcome_from(measure: str, effect: float, low_width: float, high_width: float) -> Outcome:
    """An outcome whose (log-scale for ratios) CI runs from effect − low to effect + high."""
    low, high = effect - low_width, effect + high_width
    if measure in ("HR", "OR", "RR"):
        effect, low, high = math.exp(effect), math.exp(low), math.exp(high)
    return Outcome(name="x", measure=measure, value=effect, ci_low=low, ci_high=high)


@given(
    measure=st.sampled_from(["HR", "OR", "RR", "MD", "SMD"]),
    effect=effects,
    low_width=widths,
    high_width=widths,
    p=st.sampled_from([None, "<0.001", "0.04", "0.05", ">0.05", "NS"]),
)
def test_a_significant_result_excludes_the_null_and_a_non_significant_one_includes_it(
    measure: str, effect: float, low_width: float, high_width: float, p: str | None
) -> None:
    outcome = outcome_from(measure, effect, low_width, high_width).model_copy(update={"p": p})
    null = 1.0 if measure in ("HR", "OR", "RR") else 0.0
    assert outcome.ci_low is not None and outcome.ci_high is not None
    if derive_significance(outcome):
        assert not outcome.ci_low <= null <= outcome.ci_high
    else:
        assert outcome.ci_low <= null <= outcome.ci_high
        assert derive_direction(outcome) == "no difference"


@given(
    measure=st.sampled_from(["HR", "OR", "RR", "MD", "SMD"]),
    effect=effects,
    width=widths,
    copies=st.integers(min_value=2, max_value=8),
)
def test_pooling_one_study_returns_that_study(
    measure: str, effect: float, width: float, copies: int
) -> None:
    # pooled_estimate needs two rows, so the one study is pooled with copies of itself: the
    # estimate is the study's own, with no heterogeneity and a CI √k times narrower.
    study = outcome_from(measure, effect, width, width)
    assert pooled_estimate([study]) is None
    pooled = pooled_estimate([study] * copies)
    assert pooled is not None
    assert (pooled.k, pooled.measure, pooled.tau2, pooled.i2) == (copies, measure, 0.0, 0.0)
    assert pooled.value == pytest.approx(study.value, rel=1e-9, abs=1e-12)
    scale = math.log if measure in ("HR", "OR", "RR") else float
    half_width = (scale(pooled.ci_high) - scale(pooled.ci_low)) / 2
    assert half_width == pytest.approx(width / math.sqrt(copies), rel=1e-6)


@given(
    measure=st.sampled_from(["HR", "MD"]),
    rows=st.lists(st.tuples(effects, widths), min_size=2, max_size=8),
)
def test_the_pooled_value_lies_within_the_studies_and_inside_its_own_ci(
    measure: str, rows: list[tuple[float, float]]
) -> None:
    studies = [outcome_from(measure, effect, width, width) for effect, width in rows]
    pooled = pooled_estimate(studies)
    assume(pooled is not None)
    assert pooled is not None
    values = [s.value for s in studies]
    assert min(values) - 1e-9 <= pooled.value <= max(values) + 1e-9
    assert pooled.ci_low < pooled.value < pooled.ci_high
    assert 0.0 <= pooled.i2 <= 100.0 and pooled.tau2 >= 0.0


# ------------------------------------------------------------ intervals of other levels


def test_a_wider_interval_settles_significance_only_when_it_excludes_the_null() -> None:
    excludes = ratio("Death", 0.6, 0.4, 0.9, ci_level=99.0, p="0.2")
    assert derive_significance(excludes) is True
    assert derive_significance(excludes.model_copy(update={"ci_level": 96.0})) is True
    includes = ratio("Death", 0.7, 0.5, 1.02, ci_level=99.0, p="0.01")
    assert derive_significance(includes) is True  # the p decides: the 95% CI may exclude 1
    assert derive_significance(includes.model_copy(update={"p": None})) is None


def test_a_narrower_interval_settles_significance_only_when_it_includes_the_null() -> None:
    includes = ratio("Death", 0.8, 0.6, 1.05, ci_level=90.0, p="0.01")
    assert derive_significance(includes) is False
    excludes = ratio("Death", 0.8, 0.66, 0.97, ci_level=90.0, p="0.08")
    assert derive_significance(excludes) is False  # the p decides: the 95% CI may touch 1
    assert derive_significance(excludes.model_copy(update={"p": "0.01"})) is True
    assert derive_significance(ratio("Death", 0.6, 0.4, 0.9, ci_level=95.0, p="0.2")) is True


def test_the_quantile_of_a_confidence_level() -> None:
    assert z_of_level(None) == z_of_level(95.0) == pytest.approx(1.959964, abs=1e-6)
    assert z_of_level(90.0) == pytest.approx(1.644854, abs=1e-6)
    assert z_of_level(99.0) == pytest.approx(2.575829, abs=1e-6)


def test_a_standard_error_uses_its_intervals_own_level() -> None:
    md = Outcome(name="x", measure="MD", value=1, ci_low=-1, ci_high=3, ci_level=90.0)
    assert standard_error(md) == pytest.approx(4 / (2 * 1.644854), abs=1e-6)
    hr = ratio("Death", 0.5, 0.25, 1.0, ci_level=99.0)
    assert standard_error(hr) == pytest.approx(math.log(4) / (2 * 2.575829), abs=1e-6)


def test_hedges_g_and_risk_differences_have_a_null_of_zero() -> None:
    assert (null_value("g"), null_value("RD")) == (0.0, 0.0)
    rd = Outcome(name="Relapse", measure="RD", value=-0.1, ci_low=-0.15, ci_high=-0.05)
    assert (derive_significance(rd), derive_direction(rd)) == (True, "benefit")
