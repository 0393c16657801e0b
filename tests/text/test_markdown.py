"""Markdown lines: one reading of headings, list items, fences and separators for every reader."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from evidex.text import markdown
from evidex.text.markdown import (
    SEPARATOR_LINE,
    SEPARATORS,
    Heading,
    Item,
    atx_heading,
    is_fence,
    list_item,
    split_at_separators,
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("## Dosage", Heading(2, "Dosage")),
        ("# Title", Heading(1, "Title")),
        ("###### Deepest", Heading(6, "Deepest")),
        ("## Dosage ##", Heading(2, "Dosage")),
        ("   ### Indented by three", Heading(3, "Indented by three")),
        ("##\tTabbed", Heading(2, "Tabbed")),
        ("#", Heading(1, "")),
    ],
)
def test_atx_headings_give_level_and_title(line: str, expected: Heading) -> None:
    assert atx_heading(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "#hashtag",  # no space after the marks
        "####### seven marks",
        "    ## indented four: code",
        "Take 5 mg # daily",
        "#1 reason",
    ],
)
def test_lines_that_are_not_headings(line: str) -> None:
    assert atx_heading(line) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("- 5 mg daily", Item("5 mg daily")),
        ("-5 mg daily", Item("5 mg daily")),  # hand-written lists touch the text
        ("+ plus mark", Item("plus mark")),
        ("* star mark", Item("star mark")),
        ("  • bullet point", Item("bullet point")),
        ("●round bullet", Item("round bullet")),
        ("– en dash then space", Item("en dash then space")),
        ("1. first", Item("first", 1)),
        ("12) twelfth", Item("twelfth", 12)),
    ],
)
def test_list_items_give_text_and_number(line: str, expected: Item) -> None:
    assert list_item(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "**Bold label**: text",  # '*' touching text is emphasis
        "---",
        "--flag",
        "2.5 mg daily",  # a decimal, not a numbered item
        "123. too many digits",
        "–0.5 change",  # an en dash touching a number is a minus
        "Plain prose.",
    ],
)
def test_lines_that_are_not_list_items(line: str) -> None:
    assert list_item(line) is None


def test_fences_open_with_three_backticks_or_tildes() -> None:
    assert [is_fence(line) for line in ("```python", "  ~~~", "``inline``", "text")] == [
        True,
        True,
        False,
        False,
    ]


def test_text_splits_at_separator_lines_only() -> None:
    text = "first abstract\n---\nsecond abstract\n***\nthird - not --- split"
    assert split_at_separators(text) == [
        "first abstract\n",
        "\nsecond abstract\n",
        "\nthird - not --- split",
    ]


_MARKS = "#-+*–•●▪◦·‣∙0123456789٣.) \tab"


@given(st.text(_MARKS, max_size=12))
def test_the_first_character_gates_skip_no_heading_or_item(line: str) -> None:
    """The cheap tests before each pattern never hide a line the pattern alone would read."""
    assert (atx_heading(line) is not None) == (markdown._HEADING.match(line) is not None)
    assert (list_item(line) is not None) == (markdown._ITEM.match(line) is not None)


def test_separator_lines_hold_one_of_the_separator_runs() -> None:
    text = "Intro\n\n---\n\nMore\n***\n  ===  \n___\n- - -\nEnd"
    separators = [match.group(0) for match in SEPARATOR_LINE.finditer(text)]
    assert len(separators) == 4
    assert all(any(run in separator for run in SEPARATORS) for separator in separators)
