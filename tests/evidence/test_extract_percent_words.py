"""Shares written with the word: 'percent', 'per cent' and 'per-cent' read as '%' does."""

from __future__ import annotations

import pytest

from evidex.evidence.accuracy import reported_effects
from evidex.evidence.extract import extract_studies

_TRIAL = "In this randomised controlled trial, 240 adults were assigned to drug or placebo. "


def _shares(text: str) -> list[float]:
    return sorted(
        value
        for measure, value, *_ in reported_effects(extract_studies(text))
        if measure == "percent"
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Nausea occurred in {a} of the drug group and {b} of the placebo group.",
        "Remission was achieved by {a} of patients given the drug versus {b} with placebo.",
        "The response rate was {a} with the drug and {b} with placebo.",
    ],
)
@pytest.mark.parametrize("word", ["%", " percent", " per cent", " Per Cent", "-percent"])
def test_a_share_in_words_is_read_as_its_sign(sentence: str, word: str) -> None:
    written = sentence.format(a=f"23{word}", b=f"11{word}")
    with_sign = sentence.format(a="23%", b="11%")
    assert _shares(_TRIAL + written) == _shares(_TRIAL + with_sign) == [11.0, 23.0]
