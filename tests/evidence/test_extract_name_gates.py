"""The cheap test in front of the pattern that trims an outcome name's linking words ("... was",
"... with an") must never keep a word the pattern would trim."""

from __future__ import annotations

import itertools
import re
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from evidex.evidence import extract
from evidex.text.cues import fold_case


def _spellings(words: str) -> list[str]:
    """'had an?' -> ['had a', 'had an']: each spelling of one alternative."""
    if words.endswith("?"):
        return [words[:-2], words[:-1]]
    return [words]


_LINKS = [spelling for words in extract._LINK_WORDS for spelling in _spellings(words)]
_WORDS = [*_LINKS, "Sleep onset latency", "risk of death", "ALT", "Results:", "the", "WAS", "ıs"]
_ODD_CASE = {"s": "ſ", "i": "İ"}


def test_every_linking_word_passes_the_gate() -> None:
    for link in _LINKS:
        for name in (f"pain {link}", f"PAIN {link.upper()}", f"pain {link.title()}"):
            assert extract._TRAILING_LINK.search(name), name
            assert fold_case(name).endswith(extract._LINK_WORD_ENDINGS), name


@given(
    st.lists(st.sampled_from(_WORDS), min_size=1, max_size=5),
    st.lists(st.booleans(), min_size=40, max_size=40),
)
@settings(max_examples=300)
def test_the_gate_trims_what_the_pattern_trims(words: list[str], flips: list[bool]) -> None:
    name = "".join(
        _ODD_CASE.get(letter, letter) if flip else letter
        for letter, flip in zip(" ".join(words), itertools.cycle(flips), strict=False)
    )
    gated = extract._trim_name(name)
    with mock.patch.object(extract, "_LINK_WORD_ENDINGS", ("",)):  # every name passes
        assert extract._trim_name(name) == gated


def test_a_name_ending_in_a_linking_word_loses_it() -> None:
    assert extract._trim_name("Sleep onset latency was") == "Sleep onset latency"
    assert extract._trim_name("pain with an") == "pain"
    assert re.fullmatch(r"risk of death", extract._trim_name("the risk of death"))
