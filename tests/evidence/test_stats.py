"""Significance, direction and DerSimonian–Laird pooling, checked against hand calculations."""

from __future__ import annotations

import math

import pytest

from evidex.evidence.models import Arm, Outcome
from evidex.evidence.stats import (
    ParsedP,
    complete_outcome,
    derive_direction,
    derive_significance,
    parse_p,
    pooled_estimate,
    standard_error,
)


def ratio(name: str, value: float, low: float, high: float, **extra: object) -> Outcome:
    fields = {"name": name, "measure": "HR", "value": value, "ci_low": low, "ci_high": high}
    return Outcome.model_validate({**fields, **extra})


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("<0.001", ParsedP(0.001, "<")),
        ("0.03", ParsedP(0.03, "=")),
        (".04", ParsedP(0.04, "=")),
        ("P < .001", ParsedP(0.001, "<")),
        ("p=0.20", ParsedP(0.2, "=")),
        ("NS", ParsedP(None, ">", ns=True)),
        ("n.s.", ParsedP(None, ">", ns=True)),
        ("≤0.05", ParsedP(0.05, "<")),
        ("2.5 x 10^-4", ParsedP(0.00025, "=")),
        ("significant", None),
        ("1.7", None),
    ],
)
def test_p_values_are_read_as_written(written: str, expected: ParsedP | None) -> None:
    parsed = parse_p(written)
    if expected is None or expected.value is None:
        assert parsed == expected
    else:
        assert parsed is not None
        assert parsed.value == pytest.approx(expected.value)
        assert (parsed.relation, parsed.ns) == (expected.relation, expected.ns)


def test_significance_comes_from_the_interval_before_the_p() -> None:
    assert derive_significance(ratio("Overall survival", 0.308, 0.175, 0.541)) is True
    assert derive_significance(ratio("Response", 0.62, 0.35, 1.10, measure="OR")) is False
    # The CI wins over a p that says otherwise.
    assert derive_significance(ratio("Death", 0.8, 0.6, 1.07, p="<0.001")) is False
    md = Outcome(name="ALT change", measure="MD", value=-12.0, ci_low=-20.0, ci_high=-4.0)
    assert derive_significance(md) is True


def test_without_an_interval_the_p_decides_and_vague_p_decides_nothing() -> None:
    assert derive_significance(Outcome(name="Death", measure="HR", value=0.7, p="0.01")) is True
    assert derive_significance(Outcome(name="Death", measure="HR", value=0.9, p="NS")) is False
    assert derive_significance(Outcome(name="Death", measure="HR", value=0.9, p="<0.5")) is None
    assert derive_significance(Outcome(name="Death", measure="HR", value=0.9)) is None


def test_rates_compare_arms_only_through_the_written_p() -> None:
    arms = [Arm(name="combination", value=1.7), Arm(name="entecavir", value=2.1)]
    hcc = Outcome(name="HCC incidence", measure="percent", value=1.7, p="NS", arms=arms)
    assert derive_significance(hcc) is False
    assert derive_direction(hcc) == "no difference"
    lone_rate = Outcome(name="ALT normalization", measure="percent", value=36.4, p="<0.01")
    assert derive_significance(lone_rate) is None
    assert derive_direction(lone_rate) is None
    fewer = hcc.model_copy(update={"p": "0.01"})
    assert derive_direction(fewer) == "benefit"


@pytest.mark.parametrize(
    ("outcome", "direction"),
    [
        (ratio("Overall survival", 0.308, 0.175, 0.541), "benefit"),
        (ratio("All-cause mortality", 1.4, 1.1, 1.8), "harm"),
        (ratio("HCC recurrence", 0.6, 0.4, 0.9, measure="RR"), "benefit"),
        (ratio("Complete response", 0.54, 0.30, 0.97, measure="OR"), "harm"),
        (ratio("Complete response", 2.1, 1.3, 3.4, measure="OR"), "benefit"),
        (ratio("Virologic response", 0.62, 0.35, 1.10, measure="OR"), "no difference"),
        (ratio("Score", 0.5, 0.3, 0.8, measure="OR", better="higher"), "harm"),
        (ratio("Score", 0.5, 0.3, 0.8, measure="OR", better="lower"), "benefit"),
        (ratio("Score", 0.5, 0.3, 0.8, measure="OR"), None),
        (
            Outcome(name="Fibrosis progression", measure="MD", value=-2, ci_low=-3, ci_high=-1),
            "benefit",
        ),
        (
            Outcome(name="Clearance", measure="SMD", value=-0.4, ci_low=-0.7, ci_high=-0.1),
            "harm",
        ),
    ],
)
def test_direction_depends_on_which_way_is_better(outcome: Outcome, direction: str | None) -> None:
    assert derive_direction(outcome) == direction


def test_complete_outcome_fills_a_copy_and_keeps_editor_values_it_cannot_derive() -> None:
    original = ratio("Overall survival", 0.308, 0.175, 0.541)
    completed = complete_outcome(original)
    assert (completed.significant, completed.direction) == (True, "benefit")
    assert original.significant is None and original.direction is None
    stated = Outcome(name="Responders", measure="percent", value=40, direction="benefit")
    assert complete_outcome(stated).direction == "benefit"


def test_standard_error_of_a_ratio_comes_from_the_log_interval() -> None:
    # (ln 0.541 − ln 0.175) / (2 × 1.96) = (−0.6143 + 1.7430) / 3.9199 = 0.2879
    assert standard_error(ratio("OS", 0.308, 0.175, 0.541)) == pytest.approx(0.2879, abs=1e-4)
    md = Outcome(name="x", measure="MD", value=1, ci_low=-1, ci_high=3)
    assert standard_error(md) == pytest.approx(4 / 3.919928, abs=1e-6)


def test_homogeneous_ratios_pool_to_the_fixed_effect_answer() -> None:
    # Hand calculation: ln ORs −0.4780, −0.5108, −0.6162; SEs 0.2921, 0.2877, 0.2994;
    # Q = 0.12 < df = 2, so tau² truncates to 0 and the weights are 1/SE²:
    # pooled ln OR = −0.5334 -> OR 0.587, SE 0.1691 -> CI exp(−0.5334 ± 0.3314) = [0.421, 0.817].
    pooled = pooled_estimate(
        [
            ratio("Virologic response", 0.62, 0.35, 1.10, measure="OR"),
            ratio("Virologic response", 0.60, 0.34, 1.05, measure="OR"),
            ratio("Virologic response", 0.54, 0.30, 0.97, measure="OR"),
        ]
    )
    assert pooled is not None
    assert (pooled.k, pooled.measure, pooled.tau2, pooled.i2) == (3, "OR", 0.0, 0.0)
    assert pooled.value == pytest.approx(0.587, abs=1e-3)
    assert pooled.ci_low == pytest.approx(0.421, abs=1e-3)
    assert pooled.ci_high == pytest.approx(0.817, abs=1e-3)


def test_heterogeneous_ratios_pool_with_dersimonian_laird() -> None:
    # Hand calculation (log scale): Q = 6.191 on 2 df, C = sum(w) − sum(w²)/sum(w),
    # tau² = (Q − 2) / C = 0.1094, I² = (Q − 2)/Q = 67.7%; re-weighted by 1/(SE² + tau²)
    # the pooled HR is 0.787 [0.496, 1.248].
    outcomes = [
        ratio("Death", 0.5, 0.25, 1.0),
        ratio("Death", 1.2, 0.8, 1.8),
        ratio("Death", 0.7, 0.5, 0.98),
    ]
    pooled = pooled_estimate(outcomes)
    assert pooled is not None
    assert pooled.tau2 == pytest.approx(0.1094, abs=1e-4)
    assert pooled.i2 == pytest.approx(67.7, abs=0.1)
    assert pooled.value == pytest.approx(0.787, abs=1e-3)
    assert (pooled.ci_low, pooled.ci_high) == (
        pytest.approx(0.496, abs=1e-3),
        pytest.approx(1.248, abs=1e-3),
    )


def test_mean_differences_pool_on_their_own_scale() -> None:
    first = Outcome(name="ALT", measure="MD", value=-10, ci_low=-14, ci_high=-6)
    second = Outcome(name="ALT", measure="MD", value=-6, ci_low=-10, ci_high=-2)
    pooled = pooled_estimate([first, second])
    assert pooled is not None
    # Equal SEs (8 / 3.92 = 2.041), w = 1/SE²: Q = w × (2² + 2²) = 8w, C = 2w − 2w²/2w = w,
    # so tau² = (Q − 1) / C = 8 − SE² = 3.835.
    se = 8 / (2 * 1.959963984540054)
    tau2 = 8 - se**2
    assert pooled.value == pytest.approx(-8.0)
    assert pooled.tau2 == pytest.approx(tau2, rel=1e-3)
    half_width = 1.959963984540054 * math.sqrt((se**2 + tau2) / 2)
    assert pooled.ci_low == pytest.approx(-8.0 - half_width, rel=1e-3)


def test_pooling_needs_two_usable_rows_of_one_measure() -> None:
    assert pooled_estimate([ratio("Death", 0.5, 0.3, 0.8)]) is None
    assert (
        pooled_estimate(
            [ratio("Death", 0.5, 0.3, 0.8), Outcome(name="Death", measure="HR", value=0.6)]
        )
        is None
    )
    mixed = [ratio("Death", 0.5, 0.3, 0.8), ratio("Death", 0.6, 0.4, 0.9, measure="OR")]
    assert pooled_estimate(mixed) is None


def test_identical_studies_pool_without_warnings_and_zero_heterogeneity() -> None:
    same = [ratio("Death", 0.7, 0.55, 0.88), ratio("Death", 0.7, 0.55, 0.88)]
    pooled = pooled_estimate(same)
    assert pooled is not None
    assert (pooled.tau2, pooled.i2) == (0.0, 0.0)
    assert pooled.value == pytest.approx(0.7, rel=1e-9)
