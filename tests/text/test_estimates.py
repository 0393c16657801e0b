"""Effect estimates, intervals, p values and counts as they are written in real abstracts."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from evidex.evidence.extract import extract_studies
from evidex.text import estimates
from evidex.text.estimates import find_estimates
from evidex.text.numbers import normalise, parse_count


@pytest.mark.parametrize(
    ("written", "measure", "value", "low", "high"),
    [
        ("OR=0.62 (95% CI 0.35–1.10)", "OR", 0.62, 0.35, 1.10),
        ("hazard ratio [HR]=0.308, 95% CI 0.175–0.541, p<0.001", "HR", 0.308, 0.175, 0.541),
        ("HR 0.31 (95% CI, 0.18 to 0.54)", "HR", 0.31, 0.18, 0.54),
        ("RR: 1.2 [1.05; 1.37]", "RR", 1.2, 1.05, 1.37),
        ("WMD −2.1 kg (95% CI −3.0 to −1.2)", "MD", -2.1, -3.0, -1.2),
        ("SMD 0.45; 95% CI: 0.12, 0.78", "SMD", 0.45, 0.12, 0.78),
        ("MD -7.06 (95% CI -9.75, -4.37)", "MD", -7.06, -9.75, -4.37),
        ("aOR 1.45 (1.10-1.91)", "OR", 1.45, 1.10, 1.91),
        ("relative risk 0.85 (95% confidence interval 0.77 to 0.94)", "RR", 0.85, 0.77, 0.94),
        ("IRR 0.79; 95%CI 0.70-0.89", "IRR", 0.79, 0.70, 0.89),
        ("mean difference –1.2 points (95% CI –2.1 to –0.3)", "MD", -1.2, -2.1, -0.3),
        ("odds ratio 1.64 (95% CrI 1.25–2.14)", "OR", 1.64, 1.25, 2.14),
        ("HR = 1.34, CI95% 1.12–1.61", "HR", 1.34, 1.12, 1.61),
        (
            "(hazard ratio, 0.80; 95% confidence interval [CI], 0.72 to 0.90)",
            "HR",
            0.80,
            0.72,
            0.90,
        ),
        ("HR 0·80, 95% CI 0·73–0·87", "HR", 0.80, 0.73, 0.87),
        ("hazard ratio, 0.86; 95.02% CI, 0.74 to 0.99", "HR", 0.86, 0.74, 0.99),
        ("a hazard ratio of 0.75 (95% CI, 0.68 to 0.83)", "HR", 0.75, 0.68, 0.83),
        ("ETD −12.4 percentage points (95% CI, −13.4 to −11.5)", "MD", -12.4, -13.4, -11.5),
    ],
)
def test_reads_each_written_form(
    written: str, measure: str, value: float, low: float, high: float
) -> None:
    [estimate] = find_estimates(normalise(written))
    assert (estimate.measure, estimate.value, estimate.ci_low, estimate.ci_high) == (
        measure,
        pytest.approx(value),
        pytest.approx(low),
        pytest.approx(high),
    )


@pytest.mark.parametrize(
    ("written", "p"),
    [
        ("HR 0.7 (95% CI 0.5-0.9), P < .001", "<0.001"),
        ("HR 0.7 (95% CI 0.5-0.9); P = 0.03", "0.03"),
        ("HR 0.7 (95% CI 0.5-0.9), p=.04", "0.04"),
        ("HR 0.7 (95% CI 0.5-0.9; P<0.0001)", "<0.0001"),
    ],
)
def test_p_value_is_kept_as_written(written: str, p: str) -> None:
    [estimate] = find_estimates(normalise(written))
    assert estimate.p == p


def test_p_value_belongs_to_the_estimate_before_it() -> None:
    text = normalise("OR 0.5 (95% CI 0.3-0.8), and OR 1.1 (95% CI 0.9-1.4), P = 0.2")
    first, second = find_estimates(text)
    assert first.p is None
    assert second.p == "0.2"


@pytest.mark.parametrize(
    "text",
    [
        "Patients aged 18-65 or older were eligible",
        "HR -0.5 (95% CI -0.9 to -0.1)",  # a ratio cannot be negative
        "the cohort or (0.5-0.9) group",
        # a ratio restated as a relative change is not an effect of its own (corpus README)
        "a 31% (95% CI, 17 to 43) lower risk of diabetes",
        "had a 38% [95% confidence interval (CI) 9-74%] increased risk of hip fracture",
    ],
)
def test_rejects_what_is_not_an_estimate(text: str) -> None:
    assert find_estimates(normalise(text)) == []


@pytest.mark.parametrize(
    ("raw", "count"),
    [("2,345", 2345), ("four", 4), ("Twenty-three", 23), ("199", 199), ("1.5", None)],
)
def test_counts_in_digits_and_words(raw: str, count: int | None) -> None:
    assert parse_count(raw) == count


def test_counts_grouped_by_thin_or_plain_spaces_are_one_number() -> None:
    text = "Thirty-two trials with 51 145 participants were included; a further 2019 120 were not."
    studies = extract_studies(text)
    assert studies and studies[0].n == 51145
    assert parse_count("12\u2009345") == 12345


@pytest.mark.parametrize(
    ("written", "value"),
    [
        pytest.param("HR = 0.41, 95% CI: 0.18-0.0.93", 0.41, id="interval-garbled-in-print"),
        pytest.param("OR 0.62 (1.35-2.10)", 0.62, id="value-outside-an-unlabelled-pair"),
        pytest.param("MD = -0.59 mmol/L, p = 0.048", -0.59, id="no-interval-printed"),
    ],
)
def test_an_interval_that_cannot_be_read_is_left_out_not_invented(
    written: str, value: float
) -> None:
    [estimate] = find_estimates(normalise(written))
    assert (estimate.value, estimate.ci_low, estimate.ci_high) == (pytest.approx(value), None, None)


@pytest.mark.parametrize(
    ("written", "level"),
    [
        pytest.param("HR 1.2 (90% CI 1.1-1.3)", 90.0, id="ci-90"),
        pytest.param("OR 1.2 (95\u00b75% CI 1.1\u20131.3)", 95.5, id="ci-95-middle-dot-5"),
        pytest.param("OR 1.2 (95 % CI 1.1\u20131.3)", None, id="ci-95-spaced-percent"),
        pytest.param("OR 1.2 (95%CI 1.1\u20131.3)", None, id="ci-95-glued"),
        pytest.param("OR 1.2 (95%-CI 1.1\u20131.3)", None, id="ci-95-hyphenated"),
        pytest.param("OR 1.2 (99%-CI 1.1\u20131.3)", 99.0, id="ci-99-hyphenated"),
        pytest.param("OR 1.2, 95% confidence interval [CI] 1.1 to 1.3", None, id="ci-spelled-out"),
        pytest.param("OR 1.2 (95% C.I. 1.1-1.3)", None, id="ci-with-full-stops"),
        pytest.param("OR 1.2 (90% c.i. 1.1-1.3)", 90.0, id="ci-lower-case-full-stops"),
        pytest.param("OR 1.2 (95% Cl 1.1-1.3)", None, id="ci-printed-with-a-lower-case-l"),
        pytest.param("OR 1.2; 95%Cl: 1.1 to 1.3", None, id="ci-lower-case-l-glued"),
        pytest.param("OR 1.2 (95% CL 1.1-1.3)", None, id="confidence-limits-abbreviated"),
        pytest.param("OR 1.2 (IC 95% 1.1-1.3)", None, id="ic-french-order"),
        pytest.param("OR 1.2 (95% IC: 1.1-1.3)", None, id="ic-spanish"),
        pytest.param("OR 1.2 (95% ci 1.1-1.3)", None, id="ci-lower-case"),
        pytest.param("OR 1.2 (95% CIs 1.1-1.3)", None, id="ci-plural"),
        pytest.param("OR 1.2 (95CI 1.1-1.3)", None, id="ci-level-without-percent"),
        pytest.param("OR 1.2 (CI95 1.1-1.3)", None, id="ci-level-after-glued"),
    ],
)
def test_ci_labels_of_any_level(written: str, level: float | None) -> None:
    [estimate] = find_estimates(normalise(written))
    assert (estimate.ci_low, estimate.ci_high, estimate.ci_level) == (1.1, 1.3, level)


@pytest.mark.parametrize("word", ["CL", "IC", "Cl", "ci", "C.I."])
def test_the_other_spellings_are_a_ci_label_only_after_a_level(word: str) -> None:
    # alone, "CL" is a clearance, "IC" a potency (IC50), "Cl" chloride
    assert re.fullmatch(estimates.CI_LABEL, word) is None
    assert re.fullmatch(estimates.CI_LABEL, f"95% {word}") is not None


@pytest.mark.parametrize(
    ("written", "p"),
    [
        pytest.param(
            "HR 0.74 (0.54\u20131.02); p\u20390\u00b70001",
            "<0.0001",
            id="angle-quote-and-middle-dot",
        ),
        pytest.param(
            "HR 0.74 (95% CI 0.54-1.02), P=0.93 with log-rank test", "0.93", id="named-test"
        ),
        pytest.param("P<0.001; HR 0.5 (0.3-0.8)", "<0.001", id="p-before-the-estimate"),
        pytest.param(
            "OR 1.5 (95% CI 1.1-2.0; P for interaction = 0.04)", None, id="p-for-interaction"
        ),
        pytest.param("HR 0.7 (95% CI 0.5-0.9; I2 = 40%, P = 0.2)", None, id="p-of-heterogeneity"),
    ],
)
def test_p_values_and_the_ones_that_belong_to_no_estimate(written: str, p: str | None) -> None:
    [estimate] = find_estimates(normalise(written))
    assert estimate.p == p


@pytest.mark.parametrize(
    ("written", "measure"),
    [
        pytest.param("Hedges\u2019s g = 0.30, 95% CI: 0.18\u20130.42", "g", id="hedges-g"),
        pytest.param("NNT 12 (95% CI 8 to 25)", "NNT", id="nnt"),
        pytest.param("rate difference -0.13, 95% confidence interval -0.61 to 0.36", "RD", id="rd"),
        pytest.param("IRR 0.8 [0.7; 0.9]", "IRR", id="irr-semicolon-in-brackets"),
        pytest.param(
            "standardized difference in means of 0.65 (95% CI =0.41, 0.90)",
            "SMD",
            id="smd-in-words",
        ),
        pytest.param("WMD -2.1 kg (95% CI -3.0 to -1.2)", "MD", id="wmd"),
    ],
)
def test_each_measure_is_named_as_in_the_corpus(written: str, measure: str) -> None:
    [estimate] = find_estimates(normalise(written))
    assert estimate.measure == measure


def test_unlabelled_estimates_inherit_the_measure_of_their_list() -> None:
    text = normalise(
        "pooled odds ratios (95% confidence intervals) of 4.84 (3.28,7.16), 2.09 (1.45,3.01) "
        "and 6.22 (3.78,10.25), respectively"
    )
    assert [(e.measure, e.value, e.ci_low, e.ci_high) for e in find_estimates(text)] == [
        ("OR", 4.84, 3.28, 7.16),
        ("OR", 2.09, 1.45, 3.01),
        ("OR", 6.22, 3.78, 10.25),
    ]


def test_a_measure_carries_into_the_next_sentence_of_the_list() -> None:
    first = find_estimates(normalise("The MD was -0.78% (-0.97%, -0.60%) in the random model."))
    [second] = find_estimates(normalise("Weight fell by -4.05 kg (-5.02 kg, -3.09 kg)."), "MD")
    assert first[0].measure == second.measure == "MD"
    assert (second.value, second.ci_low, second.ci_high) == (-4.05, -5.02, -3.09)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The median (IQR) follow-up was 6.4 (6.1-6.5) years.", id="median-and-iqr"),
        pytest.param("quartile cut-points (17.79-24.36 ng/ml)", id="a-range-of-values"),
        pytest.param("from 113.9 to 67.4 and from 1310 to 1073", id="before-and-after-values"),
    ],
)
def test_pairs_that_are_not_intervals_stay_unread_even_after_an_estimate(text: str) -> None:
    assert find_estimates(normalise(text), "HR") == []


# Sentences built from the notations estimates are written in: words before the first number,
# values with their signs, spaced signs and bare decimal points, CI labels and brackets, intervals.
_WORDS = ["", "HR ", "OR=", "the risk of death was ", "SMD ", "(", "[", "mean difference: ", " "]
_VALUES = ["0.74", "-0.5", "- .5", "-.42", "+1.2", ".3", "- 2", "12", "1,204", "0·5", "–0.7"]
_JOINS = [" ", "", ", ", "; ", " with ", " % ", " kg "]
_INTERVALS = [
    "(0.54 to 1.02)", "(95% CI, -0.97%, -0.60%)", "[1.05; 1.37]", "95% CI 0.35–1.10",
    "(- .9 to - .1)", "(0.18-0.0.93)", "(1, 3)", "95%CI(0.47,0.90)",
]  # fmt: skip
_TAILS = ["", ", p<0.001", " and 0.5 (0.2 to 0.9)", ". OR 2 (1-3)", " vs 12"]


@given(
    st.lists(
        st.tuples(*(st.sampled_from(part) for part in (_WORDS, _VALUES, _JOINS, _INTERVALS))),
        min_size=1,
        max_size=3,
    ).map(lambda parts: "".join("".join(part) for part in parts)),
    st.sampled_from(_TAILS),
)
def test_interval_search_from_the_first_digit_finds_what_a_whole_sentence_search_finds(
    body: str, tail: str
) -> None:
    sentence = normalise(body + tail)
    first_digit = estimates._DIGIT.search(sentence)
    whole = [match.span() for match in estimates._WITH_INTERVAL.finditer(sentence)]
    start = max(0, first_digit.start() - estimates._MAX_VALUE_LEAD) if first_digit else 0
    assert [match.span() for match in estimates._WITH_INTERVAL.finditer(sentence, start)] == whole


# Estimates with and without the marks the interval gate looks for: brackets and CI labels in
# any case, and bare ranges.
_GATE_LABELS = ["", "HR ", "OR=", "mean difference ", "SMD: "]
# values, each with an interval holding it
_GATE_ESTIMATES = [
    ("0.74", "0.54 to 1.02"), ("-0.78%", "-0.97%, -0.60%"), ("1.2", "1.05; 1.37"),
    ("0.62", "0.35-1.10"), ("12", "10-14"), ("-0.5", "-1 to 0"),
]  # fmt: skip
_GATE_MARKS = [
    " ", " (", " [", ", 95% CI ", " 95% Ci ", " (95% CI, ", ", 90% confidence interval ",
    " 95% Credible Interval ", " 95% CrI ", " 95% UI ", " UNCERTAINTY INTERVAL ", " with ",
    ", 95% confidence limits ", "; ", ", ", ", with ", "; and ", " [adjusted, men] ",
    " [adjusted, men], ", " [in men] (", "(", ",", " (n ", " for ",
]  # fmt: skip


@given(
    st.lists(
        st.tuples(
            st.sampled_from(_GATE_LABELS),
            st.sampled_from(_GATE_ESTIMATES),
            st.sampled_from(_GATE_MARKS),
            st.sampled_from(["", ")", "]", ". "]),
        ).map(lambda part: part[0] + part[1][0] + part[2] + part[1][1] + part[3]),
        min_size=1,
        max_size=3,
    ).map("".join),
    st.sampled_from([None, "HR", "MD", "percent"]),
)
def test_a_sentence_the_interval_gate_passes_over_holds_no_interval_estimate(
    sentence: str, carried: str | None
) -> None:
    if not estimates._may_hold_interval(sentence):
        for match in estimates._WITH_INTERVAL.finditer(sentence):
            assert estimates._interval_estimate(sentence, match, 0, carried) is None


def test_the_label_gate_lets_through_every_label_a_measure_can_open_with() -> None:
    """LABEL first checks a letter from _LABEL_FIRST_LETTERS; a label added without its letter
    would never be found (Hedges' 'g = 0.21' was lost that way)."""
    from evidex.text import estimates

    openers = {name[0].lower() for name in estimates._ABBREVIATIONS}
    for words, _ in estimates._WORD_LABELS:
        for alternative in words.split("|"):
            # past any group openers, a case-sensitive one included ("(?-i:d)")
            openers.add(re.sub(r"^(?:\(\?(?:-i)?:)+", "", alternative)[0].lower())
    assert openers <= set(estimates._LABEL_FIRST_LETTERS)


@pytest.mark.parametrize(
    ("written", "shares"),
    [
        (
            "Anaemia affected 23.4% of women (95% CI, 19.1 to 28.2) and 12.1% of men "
            "(95% CI, 9.0 to 15.8).",
            [(23.4, 19.1, 28.2), (12.1, 9.0, 15.8)],
        ),
        (
            "Daily use was reported by 18% of all respondents (95% CI 15-21).",
            [(18.0, 15.0, 21.0)],
        ),
        (
            "Relapse occurred in 31.5% of those given the vaccine [95% CI: 25.2-38.3].",
            [(31.5, 25.2, 38.3)],
        ),
    ],
)
def test_a_share_keeps_the_ci_printed_after_its_group(
    written: str, shares: list[tuple[float, float, float]]
) -> None:
    found = find_estimates(normalise(written))
    assert [(e.measure, e.value, e.ci_low, e.ci_high) for e in found] == [
        ("percent", *share) for share in shares
    ]


@pytest.mark.parametrize(
    "written",
    [
        # the interval is not the share's: it lies outside it, or a number stands between them
        "Of the sample, 52% of women (95% CI 1.1 to 2.3) had higher odds.",
        "In all, 40% of 120 patients (95% CI 31-49) responded.",
    ],
)
def test_a_ci_that_cannot_be_the_shares_is_left_to_the_other_readers(written: str) -> None:
    assert all(
        e.measure != "percent" or e.value != 52.0 for e in find_estimates(normalise(written))
    )
    assert not any(
        e.measure == "percent" and e.value == 40.0 and e.ci_low == 31.0
        for e in find_estimates(normalise(written))
    )


@pytest.mark.parametrize(
    ("written", "values"),
    [
        ("The adjusted odds ratios were 1.8, 2.4 and 3.1 across quartiles.", [1.8, 2.4, 3.1]),
        ("HRs were 1.12, 1.30, 1.41, and 1.62 for each level.", [1.12, 1.30, 1.41, 1.62]),
        ("The ORs were 1.8 and 2.4.", [1.8, 2.4]),
        ("NNT 8, 5 to 18", [8.0]),  # a range after the value is its interval, not an item
    ],
)
def test_every_value_listed_after_a_label_takes_its_measure(
    written: str, values: list[float]
) -> None:
    found = find_estimates(normalise(written))
    assert [e.value for e in found] == values
    assert len({e.measure for e in found}) == 1


@pytest.mark.parametrize(
    ("written", "value", "ci"),
    [
        (
            "Systolic pressure was 5.2 mmHg lower with the drug than with placebo "
            "(95% CI 2.1 to 8.3).",
            5.2,
            (2.1, 8.3),
        ),
        (
            "Weight loss was 2.4 kg greater in the diet group than in controls (95% CI, 1.1-3.7).",
            2.4,
            (1.1, 3.7),
        ),
        (
            "The drug reduced LDL cholesterol by 0.6 mmol/L compared with placebo "
            "(95% CI 0.4 to 0.8).",
            0.6,
            (0.4, 0.8),
        ),
        (
            "Melatonin lengthened sleep by 18 min versus placebo (95% CI 6-30).",
            18.0,
            (6.0, 30.0),
        ),
    ],
)
def test_a_difference_written_against_the_other_arm_keeps_its_ci(
    written: str, value: float, ci: tuple[float, float]
) -> None:
    [estimate] = [e for e in find_estimates(normalise(written)) if e.ci_low is not None]
    assert (estimate.measure, estimate.value, (estimate.ci_low, estimate.ci_high)) == (
        "MD",
        value,
        ci,
    )


def test_a_change_from_baseline_written_as_lower_than_is_no_difference() -> None:
    written = "In the drug group, pressure was 5.2 mmHg lower than at baseline (95% CI 2.1-8.3)."
    assert not [e for e in find_estimates(normalise(written)) if e.value == 5.2]


def test_a_share_after_a_garbled_interval_keeps_its_printed_position() -> None:
    sentence = (
        "Relapse-free survival at two years was 58% (95% CI 4669%) in the pump group and 41% "
        "(95% CI 2953%) in the injection group."
    )
    shares = estimates.find_group_percentages(sentence)
    assert [(share.value, share.ci_low) for share in shares] == [(58.0, None), (41.0, None)]
    assert [sentence[share.start : share.start + 3] for share in shares] == ["58%", "41%"]
