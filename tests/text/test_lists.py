"""Values listed 'respectively': each paired with its subject, a shared unit given to all."""

from __future__ import annotations

import pytest

from evidex.text.lists import mean_and_unit, respectively_pairs


@pytest.mark.parametrize(
    ("sentence", "pairs"),
    [
        (
            "Mean Cmax, Tmax and AUC were 12 ng/mL, 2.5 hours and 80 ng·h/mL, respectively.",
            [("Mean Cmax", "12 ng/mL"), ("Tmax", "2.5 hours"), ("AUC", "80 ng·h/mL")],
        ),
        (
            "Tmax and half-life were 1.5 and 36 hours, respectively.",
            [("Tmax", "1.5 hours"), ("half-life", "36 hours")],  # one unit for the list
        ),
        (
            "The Cmax (peak) and the Tmax were 4.7 ± 1.6 µg/mL and 131 ± 56 hours respectively.",
            [("Cmax (peak)", "4.7 ± 1.6 µg/mL"), ("Tmax", "131 ± 56 hours")],
        ),
        ("Cmax and Tmax were 12 ng/mL respectively.", []),  # unpaired
        ("The half-life was 5 hours; Cmax and AUC rose by 3 and 4, respectively.", []),
        ("Cmax and Tmax were 12 ng/mL and 2 hours.", []),  # no 'respectively'
    ],
)
def test_values_pair_with_their_subjects_in_order(
    sentence: str, pairs: list[tuple[str, str]]
) -> None:
    assert respectively_pairs(sentence) == pairs


@pytest.mark.parametrize(
    ("value", "mean"),
    [("131 ± 56 hours", "131 hours"), ("4·7 +/- 1·6 µg/mL", "4·7 µg/mL"), ("12 ng/mL", None)],
)
def test_a_mean_with_its_spread_reads_as_the_mean(value: str, mean: str | None) -> None:
    assert mean_and_unit(value) == mean
