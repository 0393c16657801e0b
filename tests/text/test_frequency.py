"""Dosing intervals as dosing text writes them: one reading for profiles and labels."""

from __future__ import annotations

import pytest

from evidex.text.frequency import describe, parse_frequency


@pytest.mark.parametrize(
    ("written", "per_week", "interval_days"),
    [
        ("every other day", 3.5, 2),
        ("three times a week", 3, None),
        ("every 8 hours", 21, None),
        ("q12h", 14, None),
        ("bid", 14, None),
        ("twice daily", 14, None),
        ("once weekly", 1, None),
        ("every other week", 0.5, 14),
        ("every 2 weeks", 0.5, 14),
        ("fortnightly", 0.5, 14),
        ("every fortnight", 0.5, 14),
        ("on alternate days", 3.5, 2),
        ("5 days on, 2 days off", 5, None),
        ("monthly", 0.233, None),
        ("whenever needed", None, None),
    ],
)
def test_frequency_phrases(
    written: str, per_week: float | None, interval_days: float | None
) -> None:
    frequency = parse_frequency(written)
    assert (frequency.doses_per_week, frequency.interval_days) == (per_week, interval_days)


@pytest.mark.parametrize(
    ("written", "fewest", "most"),
    [
        ("2-3 times daily", 14, 21),
        ("b.i.d. or t.i.d.", 14, 21),
        ("twice or three times daily", 14, 21),
        ("every 8 to 12 hours", 14, 21),
        ("every 8-12 h", 14, 21),
        ("once or twice weekly", 1, 2),
        ("one to two times a day", 7, 14),
        ("every 2 to 4 weeks", 0.25, 0.5),
        ("twice daily", 14, None),  # no range: no most
        ("every 12 hours", 14, None),
    ],
)
def test_a_range_of_frequencies_keeps_both_ends(
    written: str, fewest: float, most: float | None
) -> None:
    """However the range is written, the fewest doses a week and the most are kept: every
    form read the same way (one took the lower end, others the higher, one nothing)."""
    frequency = parse_frequency(written)
    assert (frequency.doses_per_week, frequency.doses_per_week_max) == (fewest, most)


@pytest.mark.parametrize(
    ("written", "words"),
    [
        ("2-3 times daily", "2–3 times daily"),
        ("every 8 to 12 hours", "2–3 times daily"),
        ("once or twice weekly", "1–2 times weekly"),
        ("twice daily", "twice daily"),
        ("four times a day", "four times daily"),
        ("every other day", "every other day"),
        ("every 3 days", "every third day"),
        ("every 2 weeks", "every 14 days"),
        ("once weekly", "once weekly"),
        ("three times a week", "three times weekly"),
        ("whenever needed", None),
    ],
)
def test_frequency_in_words_says_what_the_text_said(written: str, words: str | None) -> None:
    frequency = parse_frequency(written)
    found = describe(
        frequency.doses_per_week, frequency.interval_days, frequency.doses_per_week_max
    )
    assert found == words
