"""The cheap test in front of the pattern that tells a count screened from the sample must never
skip a count the pattern would call screened."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from evidex.evidence import extract
from evidex.text.cues import mentions_any

_PIECES = [
    *extract._SCREENING_WORDS, "SCREENED", "ſcreened", "Invited", "were", "was", "then", "and",
    "randomised", "enrolled", "182 patients", "106", "of these", "for eligibility", "assessed",
    "considered", ",", ";", ".", " ", "eligible",
]  # fmt: skip


@given(st.lists(st.sampled_from(_PIECES), max_size=10).map(" ".join))
@settings(max_examples=300)
def test_the_gate_keeps_every_count_called_screened(text: str) -> None:
    screening = mentions_any(text, extract._SCREENING_WORDS)
    for end in range(len(text) + 1):
        assert extract._screened_after(text, end, screening) == (
            extract._SCREENED_AFTER.match(text, end) is not None
        )


def test_each_screening_word_is_read_after_a_count() -> None:
    for word in extract._SCREENING_WORDS:
        text = f"182 patients were {word.upper()} and 106 of these were enrolled"
        assert extract._screened_after(text, 12, mentions_any(text, extract._SCREENING_WORDS))
    assert extract._sample_size("182 patients were screened and 106 of these were enrolled") == 106
