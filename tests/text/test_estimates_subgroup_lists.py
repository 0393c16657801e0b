"""A labelled estimate followed by more of the same measure, each for a subgroup named after it."""

from __future__ import annotations

import pytest

from evidex.text.estimates import find_estimates
from evidex.text.numbers import normalise


def _read(sentence: str) -> list[tuple[str, float, float | None, float | None]]:
    return [
        (found.measure, found.value, found.ci_low, found.ci_high)
        for found in find_estimates(normalise(sentence))
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The adjusted odds ratio of fracture was 0.96 for current users (95% confidence "
            "interval 0.76, 1.22), 1.17 for recent users (95% confidence interval 0.90, 1.52), "
            "and 1.12 for past users (95% confidence interval 0.91, 1.38), compared with non-users.",
            [("OR", 0.96, 0.76, 1.22), ("OR", 1.17, 0.9, 1.52), ("OR", 1.12, 0.91, 1.38)],
        ),
        (
            "The odds ratios were 1.4 for current smokers (1.1-1.8) and 1.1 for former smokers "
            "(0.9-1.3).",
            [("OR", 1.4, 1.1, 1.8), ("OR", 1.1, 0.9, 1.3)],
        ),
        (
            "The hazard ratio for death was 0.81 in women (95% CI 0.70–0.94) and 0.92 in men "
            "(95% CI 0.80–1.06).",
            [("HR", 0.81, 0.7, 0.94), ("HR", 0.92, 0.8, 1.06)],
        ),
        (
            "The number needed to treat to achieve 50% pain relief was 4.1 for the high dose vs. "
            "placebo, 6.3 for the low dose vs. placebo, and 19 for the high vs. low dose.",
            [("NNT", 4.1, None, None), ("NNT", 6.3, None, None), ("NNT", 19.0, None, None)],
        ),
        (
            "The relative risk was 1.32 among adolescents [95% CI 1.05; 1.66] and 1.08 among "
            "adults [95% CI 0.94; 1.24].",
            [("RR", 1.32, 1.05, 1.66), ("RR", 1.08, 0.94, 1.24)],
        ),
        # a share named in the label's own words stays part of the label
        (
            "The hazard ratio for a 10% rise in intake was 0.91 (95% CI 0.85-0.98).",
            [("HR", 0.91, 0.85, 0.98)],
        ),
    ],
)
def test_each_subgroup_value_takes_the_measure_and_its_own_interval(
    sentence: str, expected: list[tuple[str, float, float | None, float | None]]
) -> None:
    assert _read(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # a count after the list is no further estimate
        "The odds ratio was 2.1 for smokers, and 30 participants withdrew.",
        # a bracket after a subgroup that is no interval of the value (its age range)
        "The hazard ratio was 0.74 in women (aged 40 to 60 years).",
    ],
)
def test_what_follows_a_subgroup_value_is_no_estimate_unless_it_is_one(sentence: str) -> None:
    assert len(_read(sentence)) == 1
    assert _read(sentence)[0][2] is None
