"""'Did you mean' looks only among library names that share a piece with the misspelt name; it
must find every name a full scan of the names of a near length finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import Levenshtein

from evidex.build.link import _Misspellings

# few letters, so that names within one or two edits of each other are common
_NAMES = st.text(alphabet="abc1 -", min_size=3, max_size=14)


def _within_budget(folded: str, keys: list[str], budget: int) -> set[str]:
    return {key for key in keys if Levenshtein.distance(folded, key) <= budget}


@given(keys=st.lists(_NAMES, min_size=1, max_size=40, unique=True), folded=_NAMES)
@settings(max_examples=300)
def test_close_keys_hold_every_name_a_full_scan_finds(keys: list[str], folded: str) -> None:
    misspellings = _Misspellings({key: key for key in keys}, {})
    for budget in (1, 2):
        near_length = [key for key in keys if abs(len(key) - len(folded)) <= budget]
        assert _within_budget(folded, misspellings._close_keys(folded, budget), budget) == (
            _within_budget(folded, near_length, budget)
        )


def test_a_misspelt_name_with_its_edits_in_every_piece_is_found() -> None:
    # two letters dropped, in the first and the last of the three pieces
    misspellings = _Misspellings({"creatine monohydrate": "creatine"}, {"creatine": "Creatine"})
    assert misspellings._close_keys("creatne monohydrat", 2) == ["creatine monohydrate"]
