"""Spans of time: half-lives and times to peak as profiles and drug labels write them."""

from __future__ import annotations

import pytest

from evidex.text.durations import find_half_life, find_time_to_peak, in_days, read_span


@pytest.mark.parametrize(
    ("sentence", "hours", "low", "high"),
    [
        # Humira (adalimumab) label, 12.3 Pharmacokinetics: a typical value and its range
        (
            "The mean terminal half-life was approximately 2 weeks, ranging from 10 to 20 days "
            "across studies.",
            336,
            240,
            480,
        ),
        # Lipitor (atorvastatin) label, 12.3: the first half-life is the drug's own
        (
            "Mean plasma elimination half-life of LIPITOR in humans is approximately 14 hours, "
            "but the half-life of inhibitory activity for HMG-CoA reductase is 20 to 30 hours due "
            "to the contribution of active metabolites.",
            14,
            14,
            14,
        ),
        ("Half-life of 2-3 hours.", 2.5, 2, 3),
        ("Its half-life is about a week.", 168, 168, 168),
        ("The elimination half-life (t1/2) is 5.5 h.", 5.5, 5.5, 5.5),
        ("Elimination half-life ~5 h in adults.", 5, 5, 5),
        ("elimination half-life of two hours", 2, 2, 2),
        ("t½ 30–60 minutes (range 20 to 90 minutes)", 0.75, 0.5, 1),
        ("half-life of 4 hours (range 2 to 9 hours)", 4, 2, 9),
    ],
)
def test_half_life_sentences(sentence: str, hours: float, low: float, high: float) -> None:
    span = find_half_life(sentence)
    assert span is not None
    assert (span.hours, span.low_hours, span.high_hours) == pytest.approx((hours, low, high))


@pytest.mark.parametrize(
    "sentence",
    [
        "The half-life is not known.",
        "Half-life was measured in 12 volunteers.",  # a count, not a time
        "Clearance is 12 mL/hr.",
    ],
)
def test_sentences_without_a_half_life_give_none(sentence: str) -> None:
    assert find_half_life(sentence) is None


def test_time_to_peak_from_a_label() -> None:
    # Lipitor label, 12.3 Absorption
    span = find_time_to_peak(
        "LIPITOR is rapidly absorbed after oral administration; maximum plasma concentrations "
        "occur within 1 to 2 hours."
    )
    assert span is not None and (span.low_hours, span.high_hours) == (1, 2)


def test_a_range_written_after_a_value_outside_it_is_not_its_range() -> None:
    span = read_span("about 2 weeks (30 to 40 days)")
    assert span is not None and (span.low_hours, span.high_hours) == (336, 336)


def test_twelve_months_is_a_year_of_days() -> None:
    assert in_days(12, "month") == 365 and in_days(6, "month") == 180


@pytest.mark.parametrize(
    ("sentence", "half_life", "peak"),
    [
        ("Tmax and half-life were 1.5 and 36 hours, respectively.", 36, 1.5),
        ("The half-life and Tmax were 12 ± 3 hours and 2.5 hours, respectively.", 12, 2.5),
        ("Peak plasma levels and the elimination half-life were 20 ng/mL and 21 hours, "
         "respectively.", 21, None),  # a peak level is no time
    ],
)  # fmt: skip
def test_times_listed_respectively_go_to_their_own_subject(
    sentence: str, half_life: float, peak: float | None
) -> None:
    found_half_life = find_half_life(sentence)
    found_peak = find_time_to_peak(sentence)
    assert found_half_life is not None and found_half_life.hours == half_life
    assert (found_peak.hours if found_peak else None) == peak
