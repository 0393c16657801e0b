"""The cue words in front of the advice patterns must never lose a match: every string a pattern
matches holds one of its cues, and a clause reads the same with the cues as without them."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evidex.text import advice
from evidex.text.advice import Level, clause_level
from evidex.text.cues import CuedPattern, contains_any, fold_case

_CUED = [(name, value) for name, value in vars(advice).items() if isinstance(value, CuedPattern)]


@pytest.mark.parametrize(("name", "cued"), _CUED, ids=[name for name, _ in _CUED])
@given(data=st.data())
@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_every_string_a_pattern_matches_holds_one_of_its_cues(
    name: str, cued: CuedPattern, data: st.DataObject
) -> None:
    # generated from the pattern itself: an alternative added without a cue fails here
    text = data.draw(st.from_regex(cued.pattern, fullmatch=True))
    assert contains_any(fold_case(text), cued.cues), (name, text)


def _ungated_level(clause: str) -> Level | None:
    text = advice._AVOID_ACTIVITY.pattern.sub(" ", advice._DENIED.pattern.sub(" ", clause))
    for cued, level in ((advice._AVOID, "avoid"), (advice._CAUTION, "caution")):
        if cued.pattern.search(text):
            return level  # type: ignore[return-value]
    return "safe" if advice._SAFE.pattern.search(text) else None


# the words of every rule, and words that only nearly are one
_WORDS = [
    "not contraindicated", "no longer prohibited", "never been contraindicated", "no need to avoid",
    "need not be avoided", "does not need to be avoided", "avoid driving", "avoided using",
    "avoids taking", "Contra-indicated", "contraindication", "relative contraindication", "avoid",
    "avoidance", "do not use", "must not be given", "should not start", "not to be used",
    "not for use", "never be taken", "unsafe", "not considered safe", "discontinue",
    "not generally recommended", "not advised", "unless the potential benefits clearly outweigh",
    "unless benefit justifies", "only if clearly needed", "only when absolutely necessary",
    "caution", "cautionary", "cautiously", "carefully", "with care", "monitoring", "consult",
    "supervision", "dose adjustment", "dosage reduction", "reduce the dose", "not been established",
    "limited human safety data", "no data", "data are lacking", "weigh", "only if needed",
    "considered safe", "generally safe", "no known risk", "compatible with", "is encouraged",
    "safe", "pregnancy", "in", "the", "risks", "ſafe", "İS", "AVOİD", "nothing", "notable",
]  # fmt: skip
_CLAUSES = st.lists(
    st.sampled_from(_WORDS) | st.text(alphabet="aeinostvd ", max_size=6), max_size=8
).map(" ".join)


@given(_CLAUSES)
@settings(max_examples=400)
def test_a_clause_reads_the_same_with_the_cues_as_without(clause: str) -> None:
    assert clause_level(clause) == _ungated_level(clause)
