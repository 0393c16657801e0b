"""What a label names: a single letter ("d = 0.45") only in its own case and range, and a test's
performance (accuracy, concordance) no effect at all."""

from __future__ import annotations

import pytest

from evidex.text.estimates import find_estimates
from evidex.text.numbers import normalise


def _read(sentence: str) -> list[tuple[str, float]]:
    return [(found.measure, found.value) for found in find_estimates(normalise(sentence))]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The effect on fatigue was large (d = 0.82, 95% CI 0.41 to 1.23).", [("SMD", 0.82)]),
        ("Hedges g = 0.36 (95% CI 0.27-0.44) for systolic pressure.", [("g", 0.36)]),
        ("Symptoms correlated with intake (r = 0.62, p < 0.001).", [("r", 0.62)]),
        # a group named by a capital letter and its size
        ("We included 17,851 participants (vitamin D=8939; placebo=8912).", []),
        ("Events: vitamin D=138 [1.5%]; placebo=155 [1.7%].", []),
        ("Group G=42 and group D=40 completed the study.", []),
        # no standardised difference is tens of standard deviations
        ("The score differed by d = 24 points.", []),
    ],
)
def test_a_letter_label_names_its_measure_only_in_its_own_case(
    sentence: str, expected: list[tuple[str, float]]
) -> None:
    assert _read(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The diagnostic accuracy of the score was 86% (95% CI 80-91%).",
        "Classification accuracy reached 78.4% (95% CI 74.1 to 82.3).",
        "Concordance between the two assays was 0.88 (0.82 to 0.93).",
    ],
)
def test_a_test_performance_figure_is_no_effect(sentence: str) -> None:
    assert _read(sentence) == []


def test_a_groups_share_with_its_interval_stays_an_effect() -> None:
    assert _read("Remission was achieved in 45% (95% CI 38-52%) of patients.") == [
        ("percent", 45.0)
    ]
