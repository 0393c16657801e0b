"""The length gate in front of the fuzzy section-name search never changes an answer: a heading
too long to be within the cutoff of any section name is one the search would not correct."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from evidex.content import sections
from evidex.content.sections import (
    _LONGEST_MISSPELLING,
    _SECTION_SPELLING_CUTOFF,
    KNOWN_SECTION_TITLES,
    corrected_section_title,
    misspelled_title,
)


def _ungated(title: str) -> str | None:
    if not title or sections.is_section_title(title):
        return None
    if sections.section_key(title) in sections._KNOWN_SECTION_KEYS:
        return None
    lowered = " ".join(sections._PARENTHESISED.sub("", title.lower().replace("&", "and")).split())
    found = misspelled_title(lowered, KNOWN_SECTION_TITLES)
    return sections._display_title(found) if found else None


def test_no_title_longer_than_the_gate_is_within_the_cutoff_of_a_section_name() -> None:
    for name in KNOWN_SECTION_TITLES:
        # the closest a longer title can come: the section name itself with letters added
        longer = name + "x" * (_LONGEST_MISSPELLING + 1 - len(name))
        assert fuzz.ratio(longer, name) < _SECTION_SPELLING_CUTOFF, longer


def test_a_long_misspelled_heading_is_measured_without_its_brackets() -> None:
    # 38 characters as written, 27 without the bracketed part: still a misspelled section name
    title = "Pregnacny and Braestfeeding (Lactaton)"
    assert corrected_section_title(title) == _ungated(title) == "Pregnancy and Breastfeeding"
    padded = "Pregnacny and Braestfeeding for new mothers"
    assert corrected_section_title(padded) is _ungated(padded) is None


_SECTION_WORDS = sorted({word for name in KNOWN_SECTION_TITLES for word in name.split()})


@given(
    st.lists(
        st.sampled_from(_SECTION_WORDS) | st.text("abcdefghijklmnopqrstuvwxyz&()?: ", max_size=12),
        min_size=1,
        max_size=8,
    )
)
@settings(max_examples=400)
def test_gated_and_ungated_corrections_agree(words: list[str]) -> None:
    title = " ".join(words).strip()
    corrected_section_title.cache_clear()
    assert corrected_section_title(title) == _ungated(title)
