"""Design classification from the words a text uses about its own study."""

from __future__ import annotations

import pytest

from evidex.evidence.design import classify_design


@pytest.mark.parametrize(
    ("text", "design"),
    [
        ("A meta-analysis of six trials pooled 1,200 patients.", "meta-analysis"),
        ("Systematic review with pooled random-effects estimates of 9 studies.", "meta-analysis"),
        ("We randomised 120 adults to drug or placebo.", "rct"),
        ("In this double-blind, placebo-controlled study, 80 women took part.", "rct"),
        ("A randomized, crossover trial in 20 volunteers.", "rct"),
        ("A propensity score-matched observational study of 468 patients.", "propensity-matched"),
        ("This non-randomized controlled trial enrolled 60 patients.", "non-randomised-controlled"),
        ("A retrospective cohort of 5,000 veterans.", "cohort"),
        ("A prospective cohort study followed 10,000 nurses.", "cohort"),
        ("A case-control study of 300 cases and 600 controls.", "case-control"),
        ("We report a 40-year-old man with jaundice.", "case-series"),
        ("A case series of 8 patients.", "case-series"),
        ("Rats were randomized to the peptide or saline.", "animal"),
        ("In a murine model of fibrosis, the peptide reduced collagen.", "animal"),
        ("In vitro, the peptide raised interleukin-2 in cell culture.", "in-vitro"),
    ],
)
def test_design_words(text: str, design: str) -> None:
    assert classify_design(text) == design


def test_a_call_for_future_trials_does_not_make_a_cohort_an_rct() -> None:
    text = (
        "This retrospective study of 900 patients found lower mortality. "
        "Randomized trials are needed to confirm it."
    )
    assert classify_design(text) == "cohort"


def test_without_design_words_a_report_on_patients_reads_as_a_case_series() -> None:
    assert classify_design("One study documented higher CD8+ counts in patients.") == "case-series"
