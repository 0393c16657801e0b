"""An estimate whose unit is a rate or a step in words keeps the interval printed after it."""

from __future__ import annotations

import pytest

from evidex.text.estimates import find_estimates
from evidex.text.numbers import normalise


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The rate difference was 1.4 fewer events per 1,000 person-years (95% CI 0.6–2.1).",
            ("RD", 1.4, 0.6, 2.1),
        ),
        (
            "The absolute risk difference was 3.2 additional fractures per 100 women (95% CI "
            "1.1 to 5.3) over five years.",
            ("RD", 3.2, 1.1, 5.3),
        ),
        (
            "The incidence rate ratio was 1.25 per 10 µg/m3 increase (95% CI 1.10-1.42).",
            ("IRR", 1.25, 1.1, 1.42),
        ),
        (
            "The odds ratio was 0.91 per 1 mmol/L higher LDL (0.85 to 0.97).",
            ("OR", 0.91, 0.85, 0.97),
        ),
        ("The hazard ratio was 1.12 per SD increment (95% CI 1.05–1.20).", ("HR", 1.12, 1.05, 1.2)),
    ],
)
def test_the_interval_after_a_rate_unit_in_words_is_the_estimates(
    sentence: str, expected: tuple[str, float, float, float]
) -> None:
    found = find_estimates(normalise(sentence))
    assert [(e.measure, e.value, e.ci_low, e.ci_high) for e in found] == [expected]


def test_an_interval_that_cannot_hold_the_value_is_not_taken() -> None:
    found = find_estimates(normalise("The hazard ratio was 0.74 per 5 years of age (40 to 60)."))
    assert [(e.measure, e.value, e.ci_low) for e in found] == [("HR", 0.74, None)]
