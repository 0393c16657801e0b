"""The effect a study was sized to detect is no result of it."""

from __future__ import annotations

import pytest

from evidex.evidence.accuracy import reported_effects
from evidex.evidence.extract import extract_studies

_RESULT = "Results: Recurrence was lower with the drug (HR 0.78, 95% CI 0.64 to 0.95). "


@pytest.mark.parametrize(
    "sentence",
    [
        "This gives a power of approximately 80% to detect a relative risk (RR) of 0.67.",
        "The trial was powered to detect a hazard ratio of 0.75 for death.",
        "The sample size was calculated to detect a mean difference of 5 mmHg (SD 12).",
        "A sample size of 240 was required to show an odds ratio of 2.0 with 90% power.",
        "With a statistical power of 90% to demonstrate an absolute risk difference of 10%.",
    ],
)
def test_a_power_calculation_adds_no_estimate(sentence: str) -> None:
    studies = extract_studies(_RESULT + sentence)
    assert reported_effects(studies) == [("HR", 0.78, 0.64, 0.95)]


def test_an_underpowered_result_is_still_a_result() -> None:
    text = "Results: The trial was underpowered to detect a difference (HR 0.91, 95% CI 0.70-1.18)."
    assert reported_effects(extract_studies(text)) == [("HR", 0.91, 0.7, 1.18)]
