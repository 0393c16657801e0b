"""The cheap tests before costly patterns: `any_of` finds a needle exactly where `in` does."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from evidex.text.cues import any_of, contains_any

# Letters the needles are made of, with characters that regex syntax would otherwise read.
_ALPHABET = "abAB .*+?()[]|\\^$-−–—\n"


@given(
    st.lists(st.text(_ALPHABET, min_size=1, max_size=4), min_size=1, max_size=6).map(tuple),
    st.text(_ALPHABET, max_size=40),
)
def test_any_of_finds_a_needle_exactly_where_contains_any_does(
    needles: tuple[str, ...], text: str
) -> None:
    assert (any_of(needles).search(text) is not None) == contains_any(text, needles)


@given(st.text(_ALPHABET, min_size=1, max_size=6), st.text(_ALPHABET, max_size=40))
def test_a_string_of_needles_means_any_of_its_characters(characters: str, text: str) -> None:
    assert (any_of(characters).search(text) is not None) == any(c in text for c in characters)
