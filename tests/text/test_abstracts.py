"""Section labels of published abstracts, in the forms they are printed in."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evidex.text import abstracts
from evidex.text.abstracts import abstract_starts, is_structured, split_sections, unglue_labels


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Background\nWhy.\nMethods\nHow.\nResults\nWhat.", id="labels-on-own-lines"),
        pytest.param(
            "Background:\n\nWhy.\n\nMethods:\n\nHow.\n\nResults:\n\nWhat.",
            id="own-lines-with-colons",
        ),
        pytest.param("BACKGROUND: Why. METHODS: How. RESULTS: What.", id="run-in-capitals"),
        pytest.param(
            "Background & aims\nWhy.\nMaterials and methods\nHow.\nResults\nWhat.",
            id="joined-labels-on-own-lines",
        ),
        pytest.param(
            "Background and aims: Why. Methods: How. Results: What.", id="joined-labels-run-in"
        ),
        pytest.param(
            "Objective To know why.Methods How we did it.Results What was found.", id="run-in-glued"
        ),
        pytest.param(
            "Background Why it matters. Methods How. Results Of 1106 adults, most.",
            id="run-in-no-colon",
        ),
    ],
)
def test_every_printed_form_of_the_labels_is_found(text: str) -> None:
    sections = split_sections(text)
    assert [section.kind for section in sections] == ["background", "methods", "results"]
    assert is_structured(text)
    assert sections[2].text.startswith(("What", "Of 1106"))


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Results were mixed. Methods differ between trials.", id="label-words-in-prose"
        ),
        pytest.param(
            "Omega-3 has been studied for years in many places and ways. " * 5
            + "\n\nResults:\n\nIt helped.\n\nLimitations\n\nSmall.",
            id="article-with-results-and-limitations-headings",
        ),
    ],
)
def test_prose_and_articles_are_not_structured_abstracts(text: str) -> None:
    assert not is_structured(text)


def test_a_second_abstract_starts_when_the_labels_start_again() -> None:
    text = "OBJECTIVES: a. BACKGROUND: b. RESULTS: c.\nBACKGROUND: d. RESULTS: e."
    starts = abstract_starts(text)
    assert [text[start:].split(":")[0] for start in starts] == ["BACKGROUND"]
    assert text[starts[0] :].startswith("BACKGROUND: d.")


@pytest.mark.parametrize(
    ("text", "unglued"),
    [
        ("RESULTSTwo hundred were enrolled.", "RESULTS Two hundred were enrolled."),
        (
            "Asthma model.MethodsTwenty-two mice.ResultsThe dose helped.",
            "Asthma model.Methods Twenty-two mice.Results The dose helped.",
        ),
        ("</jats:sec>ResultsUnion was reached.", "</jats:sec>Results Union was reached."),
    ],
)
def test_a_label_glued_to_its_first_word_is_parted(text: str, unglued: str) -> None:
    assert unglue_labels(text) == unglued


@pytest.mark.parametrize(
    "text", ["The ResultsFolder app", "OurMethodsTeam met.", "We saw BackgroundNoise levels."]
)
def test_a_label_inside_a_sentence_is_left_glued(text: str) -> None:
    assert unglue_labels(text) == text


def _unglued_ungated(text: str) -> str:
    """The glued labels parted by the two patterns alone, each tried wherever its cue is."""
    if abstracts._GLUED_CUE.search(text):
        text = abstracts._GLUED_LABEL.sub(r"\g<label> ", text)
    if abstracts._GLUED_TITLE_CUE.search(text):
        text = abstracts._GLUED_TITLE_LABEL.sub(r"\g<label> ", text)
    return text


_LABEL_PIECES = st.lists(
    st.sampled_from(
        [*abstracts._UPPER_LABELS[:12], *abstracts._TITLE_LABELS[:12], "RESULTS", "Methods",
         "Two", "two", "T", "A", ".", ". ", "\n", " ", ">", "asthma", "MAIN RESULTS", "Of"]
    ),
    max_size=10,
).map("".join)  # fmt: skip


@given(_LABEL_PIECES)
@settings(max_examples=300)
def test_the_one_scan_for_either_glued_form_loses_no_glued_label(text: str) -> None:
    assert unglue_labels(text) == _unglued_ungated(text)
