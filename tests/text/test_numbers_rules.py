"""The number reader at its edges: signs, separators and words read one way, or not at all."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from evidex.text.numbers import (
    is_percent,
    normalise,
    number_in_words,
    parse_count,
    parse_number,
)


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("+2.5", 2.5),
        ("\u2212 2.5", -2.5),  # a minus sign, then a space
        ("\u2013 0.5", -0.5),  # an en dash used as a minus
        ("-1 000", -1000.0),
        ("12\u00b75", 12.5),
        ("0\u20225", 0.5),
        ("1,204.5", 1204.5),  # thousands comma and a decimal point
        ("1,20", 1.2),  # one comma, not three digits after it: a decimal comma
        ("0,125", 0.125),  # a leading 0 is never a thousands group
        ("1.234.567", 1234567.0),
        ("-Fifty-two", -52.0),
        ("7 %", 7.0),
    ],
)
def test_each_written_form_reads_as_its_value(written: str, value: float) -> None:
    assert parse_number(written) == pytest.approx(value)


@pytest.mark.parametrize(
    "written", ["", " % ", "1,2,3", "1,23.4", "ten-ish", "-", "1.2.3x", "5X", "5x%"]
)
def test_what_is_not_one_number_reads_as_none(written: str) -> None:
    assert parse_number(written) is None


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("a thousand", 1000),
        ("one million", 1_000_000),
        ("two thousand and five", 2005),
        ("nine hundred ninety nine", 999),
        ("twenty", 20),
        ("ninety-nine", 99),
        ("eleven", 11),
        ("zero thousand", 0),  # read as 1000 before
        ("three hundred thousand", 300_000),  # read as None before: "thousand" after "hundred"
        ("two million three hundred thousand", 2_300_000),
    ],
)
def test_numbers_in_words_up_to_the_millions(written: str, value: int) -> None:
    assert number_in_words(written) == value


@pytest.mark.parametrize(
    "written",
    [
        "and five",  # "and" only between words of a number
        "five and",
        "five a",  # "a" only as the first word ("a hundred")
        "a",
        "twenty twenty",  # two tens
        "twenty eleven",
        "twenty ten",
        "twenty one two",  # a unit after a unit
        "one hundred hundred",
        "zero hundred",
        "hundred",
        "thousand",
        "two thousand thousand",
        "",
        "   ",
    ],
)
def test_words_that_do_not_make_one_number(written: str) -> None:
    assert number_in_words(written) is None


@pytest.mark.parametrize(
    ("written", "count"),
    [("1.204", 1204), ("12.345.678", 12345678), ("0", 0), ("a hundred", 100), ("1 000", 1000)],
)
def test_a_count_reads_dots_between_thousands(written: str, count: int) -> None:
    assert parse_count(written) == count


@pytest.mark.parametrize(
    "written", ["+3", "\u22123", "1.5", "01.234", "1.2345", "", "x", "-Fifty-two", "-a hundred"]
)
def test_a_count_is_never_signed_or_a_fraction(written: str) -> None:
    assert parse_count(written) is None


def test_a_percent_is_a_trailing_percent_sign() -> None:
    assert is_percent("12% ")
    assert not is_percent("12")
    assert not is_percent("%12")


@pytest.mark.parametrize(
    ("written", "normal"),
    [
        ("a  b\tc", "a b c"),
        ("x\u00a0y", "x y"),
        ("CI \u2212 2.20 to \u2212 1.02", "CI -2.20 to -1.02"),
        ("(\u2013 1.5)", "(-1.5)"),
        ("5\u201310 mg", "5\u201310 mg"),  # a dash between numbers stays a range
        ("0\u00b75 and a\u00b7b", "0.5 and a\u00b7b"),  # a middle dot between letters stays
        ("[- 3]", "[-3]"),
        ("5 - 3", "5 - 3"),
        ("in 23 percent of women", "in 23% of women"),
        ("12.5 per cent and 8 per-cent", "12.5% and 8%"),
        ("95 Percent CI", "95% CI"),
        ("5 percentage points", "5 percentage points"),  # another word
        ("the 90th percentile", "the 90th percentile"),
        ("percent of them", "percent of them"),  # no number before it
        ("Fifty-two percent of adults", "52% of adults"),  # a number in words
        ("one hundred per cent", "100%"),
        ("a few percent", "a few percent"),  # no number: the words stay
        # a percent sign printed once after the second of two shares set against each other
        ("(6.9 vs. 15.8%; P = .02)", "(6.9% vs. 15.8%; P = .02)"),
        ("remission in 9 versus 45%", "remission in 9% versus 45%"),
        ("1.8 vs 13.4% and 11.8 v 0 %", "1.8% vs 13.4% and 11.8% v 0 %"),
        ("HbA1c 6.9-7.5%", "HbA1c 6.9-7.5%"),  # a range keeps one sign
        ("12.5 vs 10 mg", "12.5 vs 10 mg"),  # another unit
        ("OR 1.2 vs 30%", "OR 1.2 vs 30%"),  # a labelled ratio is no share
        ("aged >or=60 years, HbA1c <or=6.5%", "aged ≥60 years, HbA1c ≤6.5%"),  # PubMed's ASCII
        ("BMI > or = 30", "BMI ≥ 30"),
        ("this or=that", "this or=that"),  # no sign before it
        ("plain text", "plain text"),
        ("", ""),
    ],
)
def test_normalise_rewrites_only_glyphs_that_differ(written: str, normal: str) -> None:
    assert normalise(written) == normal


def test_a_long_word_is_cut_to_sixty_letters() -> None:
    assert normalise("a" * 100 + " b") == "a" * 60 + " b"
    assert normalise("a" * 60) == "a" * 60
    assert normalise("1" * 40 + " 2") == "1" * 40 + " 2"


@given(st.integers(min_value=0, max_value=10**9))
def test_any_count_written_with_separators_reads_back(count: int) -> None:
    assert parse_count(f"{count:,}") == count
    assert parse_count(f"{count:,}".replace(",", "\u2009")) == count
    assert parse_number(str(count)) == count


@given(st.decimals(min_value=-(10**6), max_value=10**6, places=3, allow_nan=False))
def test_any_decimal_reads_back_with_its_sign(value: object) -> None:
    text = f"{value:f}".replace("-", "\u2212")
    assert parse_number(text) == pytest.approx(float(f"{value:f}"))
