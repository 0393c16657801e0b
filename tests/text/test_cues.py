"""The cheap tests before costly patterns: `any_of` finds a needle exactly where `in` does, and
`found_near` a match exactly where the pattern does."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from evidex.text.cues import any_of, contains_any, found_near

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


# a pattern whose every match ends with "AB" or "BB", one letter at most before it, and whose
# lookahead reads two characters past it: within a reach of 3 of its needle
_NEAR = re.compile(r"(?<=[a-z])b?(?:AB|BB)(?= ?\d)")
_NEAR_NEEDLES = ("AB", "BB")


@given(st.text("abAB 1-", max_size=40))
def test_found_near_finds_a_match_exactly_where_the_pattern_does(text: str) -> None:
    assert found_near(_NEAR, text, _NEAR_NEEDLES, 3) == (_NEAR.search(text) is not None)


def test_found_near_reads_before_and_after_its_window() -> None:
    # the lookbehind's letter and the lookahead's digit stand outside the needle itself
    assert found_near(_NEAR, "xAB 1", _NEAR_NEEDLES, 3)
    assert not found_near(_NEAR, " AB 1", _NEAR_NEEDLES, 3)
    assert not found_near(_NEAR, "xAB x", _NEAR_NEEDLES, 3)
