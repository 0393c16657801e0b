"""Sentence ends as published abstracts write them."""

from __future__ import annotations

import pytest

from evidex.text.sentences import split_sentences


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        pytest.param(
            "Pain fell (vs. placebo). Then it rose.",
            ["Pain fell (vs. placebo).", "Then it rose."],
            id="vs-abbreviation",
        ),
        pytest.param(
            "Smith et al. Reported it. So did we.",
            ["Smith et al. Reported it.", "So did we."],
            id="et-al",
        ),
        pytest.param(
            "e.g. Rats were used. U.S. adults were enrolled.",
            ["e.g. Rats were used.", "U.S. adults were enrolled."],
            id="e-g-and-initials",
        ),
        pytest.param("It was 2.5 mg. Next.", ["It was 2.5 mg.", "Next."], id="decimal"),
        pytest.param(
            "The dose was given. 56 patients were randomised.",
            ["The dose was given.", "56 patients were randomised."],
            id="sentence-opening-with-a-number",
        ),
        pytest.param(
            "by meta-analysis.Methods Randomized trials were found.",
            ["by meta-analysis.", "Methods Randomized trials were found."],
            id="glued-full-stop",
        ),
        pytest.param(
            "can result in knee pain.1 The use of peptides.",
            ["can result in knee pain.", "The use of peptides."],
            id="reference-glued-to-the-full-stop",
        ),
        pytest.param(
            "HR 0.8 (95% CI 0.7-0.9). P = 0.03 overall.",
            ["HR 0.8 (95% CI 0.7-0.9).", "P = 0.03 overall."],
            id="after-a-bracket",
        ),
        pytest.param(
            "Low vitamin D. The end", ["Low vitamin D.", "The end"], id="capital-word-end"
        ),
    ],
)
def test_split_sentences(text: str, sentences: list[str]) -> None:
    assert split_sentences(text) == sentences


def test_a_text_split_twice_gives_equal_lists_that_callers_may_change_apart() -> None:
    text = "Mortality fell (HR 0.74, 95% CI 0.54 to 1.02). Falls were rare vs. placebo."
    first = split_sentences(text)
    first.append("changed by a caller")
    assert split_sentences(text) == [
        "Mortality fell (HR 0.74, 95% CI 0.54 to 1.02).",
        "Falls were rare vs. placebo.",
    ]
