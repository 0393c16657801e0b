from __future__ import annotations

import pytest

from evidex.content.timespan import hours_phrase


@pytest.mark.parametrize(
    ("low", "high", "shown"),
    [
        (0.75, None, "45 minutes"),
        (0.5, 0.75, "30–45 minutes"),
        (1.0, 1.0, "1 hour"),
        (1.0, 2.0, "1–2 hours"),
        (2.0, None, "2 hours"),
        (0.25, 1.5, "0.25–1.5 hours"),
        (36.0, 36.0, "36 hours"),
        (1 / 60, None, "1 minute"),
    ],
)
def test_times_in_hours_read_as_a_person_says_them(
    low: float, high: float | None, shown: str
) -> None:
    assert hours_phrase(low, high) == shown
