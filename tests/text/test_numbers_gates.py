"""COUNT_START, the lookahead in front of count patterns, must never lose a count: a pattern with
it finds exactly what the same pattern without it finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from evidex.text import numbers
from evidex.text.numbers import COUNT, COUNT_START, WORD_VALUES

_GATED = re.compile(rf"{COUNT_START}(?P<n>{COUNT}) \w+")
_UNGATED = re.compile(rf"(?P<n>{COUNT}) \w+")
_GATED_CASELESS = re.compile(rf"(?i){COUNT_START}(?P<n>{COUNT}) \w+")
_UNGATED_CASELESS = re.compile(rf"(?i)(?P<n>{COUNT}) \w+")

# every word a count in words opens with, and words that only nearly are one
_WORDS = [
    *WORD_VALUES, *numbers._SCALES, "a hundred", "a", "an", "and", "often", "someone", "tone",
    "Fifty-two", "ONE", "Twenty", "tens", "stone", "eighteen", "zero", "Seventy-Seven",
]  # fmt: skip
_ODD_CASE = {"s": "ſ", "i": "İ", "k": "K"}
_SENTENCES = st.builds(
    lambda words, separators: "".join(
        word + separator for word, separator in zip(words, separators, strict=False)
    ),
    st.lists(
        st.sampled_from(_WORDS)
        | st.sampled_from(["12", "1,204", "22.155", "51 145", "0.5", "3", "x2"])
        | st.text(alphabet="aefnostz1ſİK", max_size=5)
    ),
    st.lists(st.sampled_from([" ", "", "-", "(", ", ", ".", " patients ", "=", "ſ"]), min_size=40),
)


@given(_SENTENCES)
@settings(max_examples=300)
def test_the_count_lookahead_loses_no_count(sentence: str) -> None:
    for gated, ungated in ((_GATED, _UNGATED), (_GATED_CASELESS, _UNGATED_CASELESS)):
        assert [match.span() for match in gated.finditer(sentence)] == [
            match.span() for match in ungated.finditer(sentence)
        ]


def test_every_number_word_passes_the_lookahead() -> None:
    for word in [*WORD_VALUES, "a hundred"]:
        for written in (word, word.capitalize(), word.upper()):
            assert re.match(COUNT_START, written), written
            assert re.match(rf"{COUNT_START}{COUNT}", f"{written} patients"), written


_MINUS_PIECES = st.sampled_from(
    ["(", "[", "=", ":", " ", "- ", "-", "- .", ".5", "0.5", "12", "x", "**Sizes:**", "\n- ", "2"]
)


@given(st.lists(_MINUS_PIECES, max_size=12).map("".join))
@settings(max_examples=300)
def test_the_minus_space_cue_holds_every_match(text: str) -> None:
    # normalise rewrites "( - 0.5" only where the cue is found: every match must hold it
    for match in numbers._MINUS_SPACE.finditer(text):
        assert numbers._MINUS_SPACE_CUE.search(match.group(0) + text[match.end() :][:2])
    if numbers._MINUS_SPACE.search(text):
        assert numbers._MINUS_SPACE_CUE.search(text)


def test_a_bullet_dash_is_no_minus_and_a_spaced_minus_is_closed() -> None:
    assert numbers.normalise("- **Sample Sizes:** small") == "- **Sample Sizes:** small"
    assert numbers.normalise("(- 0.5, 2)") == "(-0.5, 2)"
    assert numbers.normalise("x = - 3 and effect: - .5") == "x =-3 and effect:-.5"
