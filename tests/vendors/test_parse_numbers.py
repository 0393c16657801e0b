"""Numbers in vendor files read by the one number reader."""

from __future__ import annotations

from decimal import Decimal

import pytest

from evidex.text.units import to_mg
from evidex.vendors.parse import to_decimal
from evidex.vendors.pricing import to_mg as price_to_mg


@pytest.mark.parametrize(
    ("written", "value"),
    [("0,5", "0.5"), ("1,000", "1000"), ("1 000", "1000"), ("2.5", "2.5"), (5, "5"), (0.1, "0.1")],
)
def test_vendor_numbers_in_prose_notations(written: object, value: str) -> None:
    assert to_decimal(written) == Decimal(value)


def test_text_that_is_no_number_is_none() -> None:
    assert to_decimal("five") is None and to_decimal("1 00") is None


def test_prices_and_doses_convert_mass_through_one_table() -> None:
    assert price_to_mg(Decimal(500), "µg") == to_mg(Decimal(500), "mcg") == Decimal("0.5")
