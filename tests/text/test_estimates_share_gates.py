"""The cheap tests in front of the per-group share readers must never lose a share: with each
gate forced open, the readers find exactly what they find behind it."""

from __future__ import annotations

from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from evidex.text import estimates
from evidex.text.cues import CuedPattern

# pieces of the sentences the share readers are written for: group names and labels, counts
# with their shares in brackets, shares with and without their sign, joins and verbs
_PIECES = [
    "Cure rates:", "group A", "group B", "placebo", "intervention =", "control =", "arm A:",
    "North", "Complete response:", "drug", "the treated group", "were", "was", "Among smokers,",
    "81%", "74 %", "12.5%%", "52.0%", "30.5%", "18 (40.0%)", "31 [21.4%]", "9 (30%)", "45 (30.0%)",
    "95% CI", "(95% CI 0.74-1.49)", "%", "%)", "%]", "(", ")", "[", "]", ":", "=", ",", ";",
    "and", "or", "vs", "versus", "compared with", "of patients", "of the controls", "in",
    "receiving", "taking", "given", "with placebo", "occurred in", "found in", "reported by",
    "mean percentage", "average proportion", "Mean Percent", "AVERAGE PERCENTAGE", "women",
    "at baseline", "heterogeneity", "I2", "reduction", "respectively", "12", "0.5", "-",
    "decreased by", "with 400 IU", "of adults", "(34.9% of males", "50.3% of females)", "had",
]  # fmt: skip
_SEPARATORS = [" ", "", ", ", "; ", " and ", ": "]
_SENTENCES = st.builds(
    lambda pieces, separators: "".join(
        piece + separator for piece, separator in zip(pieces, separators, strict=False)
    ),
    st.lists(st.sampled_from(_PIECES), max_size=14),
    st.lists(st.sampled_from(_SEPARATORS), min_size=14, max_size=14),
)


def _always(_: str) -> bool:
    return True


@given(_SENTENCES)
@settings(max_examples=300)
def test_share_gates_lose_no_share(sentence: str) -> None:
    gated = (
        estimates._labelled_shares(sentence),
        estimates._listed_shares(sentence, estimates._listed_changes(sentence)),
        estimates.find_group_percentages(sentence),
    )
    with (
        mock.patch.object(estimates, "_may_list_shares", _always),
        mock.patch.object(estimates, "_may_label_shares", _always),
        mock.patch.object(CuedPattern, "_cued", lambda self, text, folded: True),
    ):
        ungated = (
            estimates._labelled_shares(sentence),
            estimates._listed_shares(sentence, estimates._listed_changes(sentence)),
            estimates.find_group_percentages(sentence),
        )
    assert gated == ungated


def test_each_gate_is_open_where_its_reader_finds_a_share() -> None:
    # two shares listed after a colon, and one count with its share: both found behind the gates
    assert estimates._labelled_shares("Cure rates: group A 81%, group B 74%") == [
        (20, 81.0),
        (33, 74.0),
    ]
    assert estimates._labelled_shares("Complete response: 18 (40.0%)") != []
    listed = "Nausea occurred in 6.1% of users and 3.0% of controls"
    assert estimates._listed_shares(listed, estimates._listed_changes(listed)) != []


def test_the_mean_share_gate_holds_every_phrase_its_pattern_reads() -> None:
    for mean in estimates._MEAN_WORDS:
        for share in estimates._SHARE_NOUNS:
            for phrase in (f"the {mean} {share} of weeks", f"The {mean.upper()} {share.title()}"):
                assert estimates._MEAN_SHARE.search(phrase) is not None, phrase
                assert estimates._MEAN_SHARE.pattern.search(phrase) is not None, phrase
