"""The one number reader: each notation real text uses, read by NUMBER and parse_number."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from evidex.text.numbers import (
    _DASH_AS_MINUS,
    COUNT,
    COUNT_START,
    DASHES,
    NUMBER_RE,
    NUMBER_START,
    WORD_NUMBER_RE,
    is_percent,
    normalise,
    number_in_words,
    parse_count,
    parse_number,
)


def numbers_in(text: str) -> list[float | None]:
    return [parse_number(match.group(0)) for match in NUMBER_RE.finditer(text)]


@pytest.mark.parametrize(
    ("written", "values"),
    [
        pytest.param("MD -0.5", [-0.5], id="hyphen-minus"),
        pytest.param("MD \u22120.5", [-0.5], id="unicode-minus"),
        pytest.param("MD \u20130.5 kg", [-0.5], id="en-dash-as-minus"),
        pytest.param("(- 0.5, 1.2)", [-0.5, 1.2], id="minus-followed-by-space"),
        pytest.param("+3.2 points", [3.2], id="plus-sign"),
        pytest.param("-.5", [-0.5], id="no-leading-zero"),
        pytest.param("HR 0\u00b774", [0.74], id="middle-dot-decimal"),
        pytest.param("1,204 adults", [1204], id="comma-thousands"),
        pytest.param("12,345,678 doses", [12345678], id="comma-thousands-twice"),
        pytest.param("1 000 mg", [1000], id="space-thousands"),
        pytest.param("2\u2009500 IU", [2500], id="thin-space-thousands"),
        pytest.param("51\u202f145 women", [51145], id="narrow-no-break-space-thousands"),
        pytest.param("3\u00a0000 mg", [3000], id="no-break-space-thousands"),
        pytest.param("1.234.567 people", [1234567], id="dot-thousands-twice"),
        pytest.param("0,5 mg", [0.5], id="decimal-comma-below-one"),
        pytest.param("2,25 g", [2.25], id="decimal-comma-two-places"),
        pytest.param("1,5%", [1.5], id="decimal-comma-percent"),
        pytest.param("(1,3)", [1, 3], id="comma-between-integers-is-a-list"),
        pytest.param("[1,3]", [1, 3], id="comma-pair-in-square-brackets-is-a-list"),
        pytest.param("OR 1,74 (1,54\u20132,02)", [1.74, 1.54, 2.02], id="decimal-comma-estimate"),
        pytest.param("MD -0,5 (-0,9 to -0,1)", [-0.5, -0.9, -0.1], id="decimal-comma-signed"),
        pytest.param("2,5\u201310 mg", [2.5, 10], id="decimal-comma-before-a-range-dash"),
        pytest.param("scores 0,1,2 and 3", [0, 1, 2, 3], id="comma-list-of-integers"),
        pytest.param("weeks 4,8 and 12", [4, 8, 12], id="comma-pair-before-and-is-a-list"),
        pytest.param("1,25-dihydroxyvitamin D", [1, 25], id="chemical-locants-are-no-decimal"),
        pytest.param("knee pain1,2 in", [1, 2], id="reference-numbers-glued-to-a-word"),
        pytest.param("(0.5,1.2)", [0.5, 1.2], id="comma-between-decimals-is-a-list"),
        pytest.param("0.3 - 0.5", [0.3, 0.5], id="spaced-hyphen-after-a-number-is-a-range"),
        pytest.param("5\u201310", [5, 10], id="en-dash-between-numbers-is-a-range"),
        pytest.param("-1.2--0.5", [-1.2, -0.5], id="range-of-negative-bounds"),
        pytest.param("(\u22120.97%, \u22120.60%)", [-0.97, -0.60], id="percent-on-each-bound"),
    ],
)
def test_reads_each_notation(written: str, values: list[float]) -> None:
    assert numbers_in(written) == [pytest.approx(value) for value in values]


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("23.4%", 23.4),
        ("23.4%%", 23.4),
        ("23.4 %", 23.4),
    ],
)
def test_percent_and_its_doubled_typo(written: str, value: float) -> None:
    assert parse_number(written) == pytest.approx(value)
    assert is_percent(written)


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("Fifty-two", 52),
        ("One hundred seventeen", 117),
        ("one hundred and seventeen", 117),
        ("two thousand three hundred", 2300),
        ("twenty three", 23),
        ("a hundred", 100),
        ("zero", 0),
        ("Twelve hundred", 1200),
        ("twelve hundred and five", 1205),
    ],
)
def test_number_in_words(written: str, value: int) -> None:
    assert number_in_words(written) == value
    assert WORD_NUMBER_RE.fullmatch(written)
    assert parse_count(written) == value


@pytest.mark.parametrize("written", ["three twenty", "seven three", "hundred", "and", "none"])
def test_words_that_are_not_one_number(written: str) -> None:
    assert number_in_words(written) is None


def test_word_number_finds_the_whole_phrase_in_a_sentence() -> None:
    text = "One hundred seventeen adults and fifty-two women were enrolled"
    assert [m.group(0) for m in WORD_NUMBER_RE.finditer(text)] == [
        "One hundred seventeen",
        "fifty-two",
    ]


@pytest.mark.parametrize(
    ("written", "count"),
    [
        ("22.155", 22155),  # a dot between thousands, as in "22.155 patients"
        ("2,345", 2345),
        ("51 145", 51145),
        ("51\u2009145", 51145),
        ("8", 8),
    ],
)
def test_count_reads_thousands_separators(written: str, count: int) -> None:
    assert parse_count(written) == count


@pytest.mark.parametrize("written", ["2.5", "-3", "0.5", "many"])
def test_count_is_whole_and_not_negative(written: str) -> None:
    assert parse_count(written) is None


def test_normalise_leaves_one_notation_per_glyph() -> None:
    written = "HR 0\u00b780 (95%\u2009CI 0\u00b773\u20130\u00b787), MD \u2013 1.2 (= - 0.5) \u22123"
    assert normalise(written) == "HR 0.80 (95% CI 0.73\u20130.87), MD -1.2 (=-0.5) -3"


def test_long_runs_of_numbers_are_read_in_linear_time() -> None:
    grouped = "1 000 " * 5000
    assert len(NUMBER_RE.findall(grouped)) == 5000
    assert len(normalise("9" * 50_000)) == 40


# Dashes in the places that decide whether one is a minus sign: after nothing, a space, an
# opening mark, '=' or a comma (a minus), after a digit or letter (a range or a hyphen).
_DASH_CONTEXTS = ["", " ", "(", "[", "=", ", ", ";", ":", "0", "a", ")", "%", "\n", "–", "—"]
_DASH_FOLLOWERS = ["1", "0.5", ".5", " 2", " .3", "x", " ", "–", "—"]


@given(
    st.lists(
        st.tuples(
            st.sampled_from(_DASH_CONTEXTS),
            st.sampled_from(["–", "—"]),
            st.sampled_from(_DASH_FOLLOWERS),
        ),
        max_size=6,
    )
)
def test_dash_first_minus_pattern_rewrites_what_the_context_first_pattern_did(
    pieces: list[tuple[str, str, str]],
) -> None:
    text = "".join(before + dash + after for before, dash, after in pieces)
    context_first = re.compile(rf"(?<![^\s(\[,;:=])[{DASHES}] ?(?=\d|\.\d)")
    assert _DASH_AS_MINUS.sub("-", text) == context_first.sub("-", text)


_NUMBER_PIECES = [
    "-", "+", "−", "–", "—", " ", "- ", ".", "·", "•", ",", "0", "5", "12", "1 000", "1,204",
    "22.155", "0,5", "٣", "%", "a", "(", "x", "e",
]  # fmt: skip


@given(st.lists(st.sampled_from(_NUMBER_PIECES), max_size=12).map("".join))
def test_every_number_starts_with_a_character_of_number_start(text: str) -> None:
    start = re.compile(NUMBER_START)
    for match in NUMBER_RE.finditer(text):
        assert start.match(text, match.start()), (text, match.group(0))


_COUNT_PIECES = [
    " ", "0", "7", "12", "1 000", "1,204", "22.155", "One", "fifty-two", "TWENTY", "a hundred",
    "seventeen", "thousand", "zero", "Eight", "nine", "and", "-", ".", ",", "x", "٣",
]  # fmt: skip


@given(st.lists(st.sampled_from(_COUNT_PIECES), max_size=10).map(" ".join))
def test_every_count_starts_with_a_character_of_count_start(text: str) -> None:
    start = re.compile(COUNT_START)
    for match in re.finditer(COUNT, text):
        assert start.match(text, match.start()), (text, match.group(0))
