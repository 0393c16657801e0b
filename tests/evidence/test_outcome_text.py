"""Outcome names shown as noun phrases, and the units of mean differences."""

from __future__ import annotations

import pytest

from evidex.evidence.models import Outcome
from evidex.evidence.outcome_text import clean_outcome_name, unit_from_text

SENTENCE = (
    "A meta-analysis of 19 randomised placebo-controlled trials with 1,683 participants with "
    "primary sleep disorders found that melatonin shortened sleep onset latency, WMD -7.06 min "
    "(95% CI -9.75 to -4.37), lengthened total sleep time, WMD 8.25 min (95% CI 1.74 to 14.75), "
    "and improved overall sleep quality (SMD 0.22, 95% CI 0.12 to 0.32)."
)


@pytest.mark.parametrize(
    ("extracted", "clean"),
    [
        ("disorders found that melatonin shortened sleep onset latency", "sleep onset latency"),
        ("lengthened total sleep time", "total sleep time"),
        ("and improved overall sleep quality", "overall sleep quality"),
        (
            "trials showed that creatine significantly increased upper-body strength",
            "upper-body strength",
        ),
        ("Change in body weight from baseline", "Change in body weight from baseline"),
        ("Overall survival (death)", "Overall survival (death)"),
        ("did not change HbA1c", "HbA1c"),
    ],
)
def test_the_clause_before_an_outcome_is_dropped(extracted: str, clean: str) -> None:
    assert clean_outcome_name(extracted) == clean


def test_a_mean_difference_takes_the_unit_written_after_its_value() -> None:
    latency = Outcome(
        name="x", measure="MD", value=-7.06, ci_low=-9.75, ci_high=-4.37, text=SENTENCE
    )
    sleep = Outcome(name="y", measure="MD", value=8.25, text=SENTENCE)
    ratio = Outcome(name="z", measure="SMD", value=0.22, text=SENTENCE)
    assert unit_from_text(latency) == "minutes"
    assert unit_from_text(sleep) == "minutes"
    assert unit_from_text(ratio) is None
    weight = Outcome(name="w", measure="MD", value=-12.4, text="lost −12.4% more body weight")
    assert unit_from_text(weight) == "percentage points"


@pytest.mark.parametrize(
    "sentence",
    [
        "sleep latency fell by \u22127\u00b706 min (95% CI \u22129\u00b775 to \u22124\u00b737)",
        "sleep latency: -7,06 min",
        "sleep latency (MD -7.06, 95% CI -9.75 to -4.37) fell; the mean was -7.06 min",
    ],
)
def test_the_unit_is_found_after_the_value_in_any_notation(sentence: str) -> None:
    latency = Outcome(name="x", measure="MD", value=-7.06, text=sentence)
    assert unit_from_text(latency) == "minutes"
