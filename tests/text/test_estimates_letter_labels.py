"""A single letter names a measure ('d = 0.45', 'g = 0.31') only in its own case and range."""

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
