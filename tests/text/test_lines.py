"""Joining lines broken inside a paragraph, keeping the breaks that separate things."""

from __future__ import annotations

import pytest

from evidex.text.lines import unwrap_lines


def test_a_sentence_wrapped_at_a_fixed_width_is_joined() -> None:
    text = (
        "Mortality was lower with the drug than with placebo (hazard ratio\n"
        "0.74, 95% CI 0.54 to 1.02) over the two years of follow-up."
    )
    assert unwrap_lines(text) == text.replace("\n", " ")


def test_a_word_broken_after_its_hyphen_is_joined_without_a_space() -> None:
    text = "We conducted a prospective cohort study among 2614 community-\ndwelling adults."
    assert unwrap_lines(text).endswith("2614 community-dwelling adults.")


def test_a_range_broken_before_its_dash_is_not_a_bullet() -> None:
    text = "The pooled risk ratio was 3.26 with a 95% confidence interval of 1.99\n- 5.34."
    assert unwrap_lines(text).endswith("1.99 - 5.34.")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "A first paragraph that is long enough to be wrapped.\n\nA second.", id="blank"
        ),
        pytest.param("Results are shown for every trial in the review\n## Methods", id="heading"),
        pytest.param("The supplements studied in these trials were\n- zinc\n- iron", id="bullets"),
        pytest.param(
            "Fish oil may lower triglycerides in adults with\nMethods\nWe did.", id="label"
        ),
        pytest.param(
            "Background lines are long enough to be wrapped too.\nRESULTS: x.", id="run-in"
        ),
        pytest.param("Zinc for colds: a trial\nAdults were randomized.", id="short-title"),
    ],
)
def test_breaks_that_separate_things_are_kept(text: str) -> None:
    assert unwrap_lines(text) == text
