"""Two groups' shares set against each other, in the forms trial results print them."""

from __future__ import annotations

import pytest

from evidex.evidence.accuracy import reported_effects
from evidex.evidence.extract import extract_studies

_TRIAL = (
    "Methods: In this randomised trial, 312 adults were assigned to drug or placebo.\nResults: "
)


def _shares(text: str) -> list[float]:
    return sorted(
        value
        for measure, value, *_ in reported_effects(extract_studies(_TRIAL + text))
        if measure == "percent"
    )


@pytest.mark.parametrize(
    ("sentence", "shares"),
    [
        # the percent sign printed once, after the second share
        (
            "Relapse by week 24 was less common with the drug (11.5 vs. 24.0%; P = .01).",
            [11.5, 24.0],
        ),
        ("Healing rates were 62 versus 41% at 12 weeks (P<0.001).", [41.0, 62.0]),
        (
            "Any adverse event: 18.2 vs 17.9% (P = 0.88); serious events 2.1 vs 3.0%.",
            [2.1, 3.0, 17.9, 18.2],
        ),
        ("Clinical cure was seen in 88 vs. 70 % of children (p=0.002).", [70.0, 88.0]),
        ("Responders: 55.0 v 31.5% (intervention v usual care).", [31.5, 55.0]),
        # a follow-up named as the time point is no rate of taking part
        (
            "Responders were more frequent in the drug vs placebo groups at the 6-month follow-up (64% vs 29%; p<0.001).",
            [29.0, 64.0],
        ),
        ("At the one-year follow-up, the drug arm was ahead (48% vs 30%; P = .004).", [30.0, 48.0]),
        (
            "By the end of follow-up, more of the drug group stayed abstinent (35% vs 20%; P = .03).",
            [20.0, 35.0],
        ),
    ],
)
def test_both_shares_of_a_pair_are_read(sentence: str, shares: list[float]) -> None:
    assert _shares(sentence) == shares


@pytest.mark.parametrize(
    ("sentence", "shares"),
    [
        # two groups' counts and shares, then what both did: the first is as much a result
        (
            "Eight hundred ninety-six (13.2%) cases and 713 (10.5%) controls used the drug.",
            [10.5, 13.2],
        ),
        ("In all, 41 (27.3%) users and 22 (14.8%) non-users developed cataract.", [14.8, 27.3]),
        (
            "Of the children, 58 (38%) cases vs 31 (20%) controls had wheezed by age 5.",
            [20.0, 38.0],
        ),
        # ... never the make-up of the sample
        ("In all, 1,204 (51.3%) women and 1,143 (48.7%) men were enrolled.", []),
    ],
)
def test_counts_and_shares_of_two_groups_before_a_verb_are_read(
    sentence: str, shares: list[float]
) -> None:
    assert _shares(sentence) == shares


@pytest.mark.parametrize(
    "sentence",
    [
        # a range keeps its one sign and is no pair
        "Adherence ranged from 72-91% across sites.",
        # a follow-up taken part in is no outcome of the groups
        "Follow-up was 92% vs 88% complete in the two arms.",
        "Of those randomised, those lost to follow-up were 6% vs 8% of each arm.",
        # another unit set against a share
        "The dose was 12.5 vs 10 mg in 40% of the titration visits.",
    ],
)
def test_what_is_no_pair_of_group_shares_stays_unread(sentence: str) -> None:
    assert _shares(sentence) == []
