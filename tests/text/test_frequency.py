"""Dosing intervals as dosing text writes them: one reading for profiles and labels."""

from __future__ import annotations

import pytest

from evidex.text.frequency import parse_frequency


@pytest.mark.parametrize(
    ("written", "per_week", "interval_days"),
    [
        ("every other day", 3.5, 2),
        ("three times a week", 3, None),
        ("every 8 hours", 21, None),
        ("q12h", 14, None),
        ("bid", 14, None),
        ("b.i.d. or t.i.d.", 14, None),  # the lower of the two
        ("twice daily", 14, None),
        ("2-3 times daily", 14, None),  # a range of counts takes its lower bound
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
