"""The cheap tests in front of the estimate patterns must never lose a match: each gated
pattern finds exactly what the same pattern without its gate finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from evidex.text import estimates

# the label pattern as it was written before the first-letter lookahead
_UNGATED_LABEL = re.compile(rf"\b(?:{estimates._ABBREVIATION}|(?i:{estimates._WORDS}))")

# every label spelling, and words that only nearly are one
_LABEL_WORDS = [
    "OR", "aOR", "AOR", "adjusted OR", "adj. HR", "RR", "aRR", "HR", "aHR", "AHR", "IRR", "aIRR",
    "MD", "WMD", "ETD", "SMD", "RD", "ARD", "ARR", "NNT", "NNH", "RRR", "ORs", "HRs",
    "incidence rate ratio", "rate ratios", "odds ratio", "hazard ratios", "risk ratio",
    "relative risk reduction", "relative risks", "standardised mean difference",
    "standardized differences in means", "Hedges' g", "hedges g", "Hedges’s (g)", "Cohen's d",
    "weighted mean difference", "mean differences", "absolute risk difference", "rate difference",
    "estimated treatment difference", "treatment difference", "differences",
    "number needed to treat", "numbers needed to harm", "correlation coefficient",
    "Pearson's r", "Spearman’s rho", "spearman r", "r = 0.4", "R=0.2", "r", "=", "g = 0.3",
    "G=0.1", "absolute risk reduction", "absolute risk increases",
    "ratio", "risky", "DORA", "HRT", "MDs-", "-OR", "x", "OR-",
]  # fmt: skip
_ODD_CASE = {"s": "ſ", "i": "İ", "k": "K"}


def _odd_cased(text: str, flips: list[bool]) -> str:
    """`text` with some letters swapped case, or for a letter re folds oddly, its odd form."""
    letters = []
    for letter, flip in zip(text, flips + [False] * len(text), strict=False):
        if flip:
            letter = _ODD_CASE.get(letter.lower(), letter.swapcase())
        letters.append(letter)
    return "".join(letters)


_SENTENCES = st.builds(
    lambda words, separators, flips: _odd_cased(
        "".join(word + separator for word, separator in zip(words, separators, strict=False)),
        flips,
    ),
    st.lists(st.sampled_from(_LABEL_WORDS) | st.text(alphabet="aeiorstOHR'’ -", max_size=6)),
    st.lists(st.sampled_from([" ", "", "-", " (", ", ", "; ", " 0.5 ", "="]), min_size=40),
    st.lists(st.booleans()),
)


@given(_SENTENCES)
@settings(max_examples=200)
def test_label_lookahead_loses_no_label(sentence: str) -> None:
    assert [match.span() for match in estimates.LABEL.finditer(sentence)] == [
        match.span() for match in _UNGATED_LABEL.finditer(sentence)
    ]


def test_every_label_spelling_is_found_behind_the_lookahead() -> None:
    for word in _LABEL_WORDS:
        for text in (word, f"the {word} was", word.upper(), word.lower()):
            assert [m.span() for m in estimates.LABEL.finditer(text)] == [
                m.span() for m in _UNGATED_LABEL.finditer(text)
            ], text


# pieces of the words before a value: thresholds, ranges, p values said for all
_BEFORE_PIECES = [
    "more than", "less than", "at least", "over", "under", "below", "above", "<", "≥", "moreover",
    "5", "10%", "–", "-", "to", "—", " ", "  ", "\n", "x", "was", "P<0.01", "p = 0.2", "for all",
    "for each", "for both", "for every", "For All", "for", "all",
]  # fmt: skip
_BEFORE_TEXTS = st.lists(st.sampled_from(_BEFORE_PIECES), max_size=12).map(" ".join)


@given(_BEFORE_TEXTS)
@settings(max_examples=300)
def test_the_end_anchored_patterns_need_only_their_window(text: str) -> None:
    for end in range(len(text) + 1):
        window = max(0, end - estimates._BEFORE_WINDOW)
        for pattern in (estimates._THRESHOLD_BEFORE, estimates._RANGE_BEFORE):
            whole = pattern.search(text[:end])
            windowed = pattern.search(text, window, end)
            assert (whole.span() if whole else None) == (windowed.span() if windowed else None)


@given(_BEFORE_TEXTS)
@settings(max_examples=300)
def test_the_p_for_all_cue_loses_no_match(text: str) -> None:
    cued = estimates._P_FOR_ALL.search(text)
    plain = estimates._P_FOR_ALL.pattern.search(text)
    assert (cued.span() if cued else None) == (plain.span() if plain else None)


def test_a_p_value_for_each_word_passes_its_cue() -> None:
    for word in estimates._FOR_ALL_WORDS:
        assert estimates._P_FOR_ALL.search(f"P<0.01 for {word}") is not None, word


def test_the_interval_gate_opens_for_each_mark_a_kept_interval_follows() -> None:
    # no CI label: the low bound after a bracket, a comma or semicolon parting it from its value,
    # or the bracket closing an aside that holds that comma
    for sentence in (
        "the HR was 0.74 (0.54 to 1.02)",
        "(OR 0.76, 0.64 to 0.90)",
        "the hazard ratio was 0.81; 0.70-0.94.",
        "The HR was 0.74 [adjusted, in men] 0.54-1.02.",
    ):
        assert estimates._may_hold_interval(sentence), sentence
        assert estimates.find_estimates(sentence)[0].ci_low is not None, sentence
    # a bracket and a range, but no interval after any mark: the search is skipped
    assert not estimates._may_hold_interval("A study in rats (477 animals) took it for 8-11 weeks")


def test_the_interval_gate_opens_for_every_ci_label_spelling() -> None:
    # a CI label with no bracket, comma or estimate word near it: only _CI_MARKS opens the gate
    for label in ("95% CI", "95% C.I.", "90% c.i.", "95% Cl", "95%Cl", "95% CL", "IC 95%",
                  "95% ci", "95% CIs", "95CI", "CI95", "95% CrI", "95% UI"):  # fmt: skip
        sentence = f"Mortality fell by 2.1 points, {label} 1.1 to 3.0"
        assert re.search(estimates.CI_LABEL, sentence), label
        assert estimates._may_hold_interval(sentence.replace(",", "")), label


def _unglued_everywhere(text: str) -> str:
    """The measure labels parted as before the gate: the pattern tried at every character."""
    return estimates._GLUED_MEASURE.sub(r" \1", text)


_GLUED_TEXTS = st.lists(
    st.sampled_from(
        ["mortality", "x", "a", "OR", "aOR", "aHR", "aRR", "IRR", "SMD", "WMD", "RR", "HR", "MD",
         "ORR", "=", ":", " ", "-", "−", "0.8", "1", "(", "MDs", "pooled"]
    ),
    max_size=12,
).map("".join)  # fmt: skip


@given(_GLUED_TEXTS)
@settings(max_examples=300)
def test_glued_measure_gate_loses_no_glued_label(text: str) -> None:
    assert estimates.unglue_measure_labels(text) == _unglued_everywhere(text)


def test_every_glued_measure_label_is_parted_behind_the_gate() -> None:
    for label in ("aOR", "aHR", "aRR", "IRR", "SMD", "WMD", "RR", "HR", "OR", "MD"):
        for text in (f"mortality{label} 0.8", f"pooled{label}=0.7", f"x{label}: −1"):
            assert estimates.unglue_measure_labels(text) == _unglued_everywhere(text) != text
