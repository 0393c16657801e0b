from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from evidex.vendors.models import Product, RateTable
from evidex.vendors.pricing import UnknownCurrency, convert, format_money, quote, round_money, to_mg

RATES = RateTable(
    base="USD", date=dt.date(2026, 10, 1), rates={"EUR": Decimal("0.8"), "GBP": Decimal("0.5")}
)


def product(amount: str, unit: str, pack: int, price: str, currency: str = "USD") -> Product:
    return Product.model_validate(
        {
            "compound": "x",
            "compound_slug": "x",
            "form": "lyophilised vial",
            "amount": amount,
            "unit": unit,
            "units_per_pack": pack,
            "price": price,
            "currency": currency,
        }
    )


def test_units_convert_to_mg() -> None:
    assert to_mg(Decimal(5000), "mcg") == Decimal(5)
    assert to_mg(Decimal("0.5"), "g") == Decimal(500)
    assert to_mg(Decimal(10), "IU") is None
    assert to_mg(Decimal(10), "IU", Decimal(3)) == Decimal(10) / Decimal(3)


def test_same_content_prices_equal_across_vial_sizes_packs_and_units() -> None:
    one_big = quote(product("10", "mg", 1, "50"), RATES)
    packed = quote(product("2", "mg", 5, "50"), RATES)
    in_mcg = quote(product("2000", "mcg", 5, "50"), RATES)
    assert one_big.price_per_mg == packed.price_per_mg == in_mcg.price_per_mg == Decimal(5)


def test_iu_without_a_conversion_is_not_comparable() -> None:
    result = quote(product("10", "IU", 1, "55"), RATES)
    assert result.price_per_mg is None and not result.comparable
    assert "not comparable" in result.note
    assert quote(product("10", "IU", 1, "55"), RATES, iu_per_mg=Decimal(3)).price_per_mg == Decimal(
        "16.5"
    )


def test_conversion_goes_through_the_base_and_names_the_rate_date() -> None:
    result = quote(product("5", "mg", 1, "40", "EUR"), RATES, "GBP")
    # 8 EUR/mg -> 10 USD/mg -> 5 GBP/mg
    assert result.price_per_mg == Decimal(5)
    assert result.rate_date == "2026-10-01"
    assert result.as_dict()["price_per_mg_display"] == "5.00 GBP"


def test_same_currency_needs_no_rate() -> None:
    result = quote(product("5", "mg", 1, "40", "EUR"), None, "EUR")
    assert result.price_per_mg == Decimal(8) and result.rate_date is None


def test_unknown_target_currency() -> None:
    with pytest.raises(UnknownCurrency):
        convert(Decimal(1), "USD", "JPY", RATES)
    assert quote(product("5", "mg", 1, "40"), RATES, "JPY").price_per_mg is None


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("12.345", "12.35"),
        ("1", "1.00"),
        ("0.123456", "0.123"),
        ("0.0004567", "0.000457"),
        ("0", "0.00"),
    ],
)
def test_rounding_for_display(value: str, shown: str) -> None:
    assert f"{round_money(Decimal(value)):f}" == shown
    assert format_money(Decimal(value), "EUR") == f"{shown} EUR"


def test_the_dearest_price_per_mg_the_vendor_checks_admit_still_rounds() -> None:
    """1,000,000,000 EUR for 0.000001 mcg, shown in a currency at 1e9 per USD from one at
    1e-6: 1e33 per mg, past the 28 digits Decimal rounds in by default (InvalidOperation)."""
    rates = RateTable(
        base="USD",
        date=dt.date(2026, 10, 1),
        rates={"EUR": Decimal("0.000001"), "JPY": Decimal("1000000000")},
    )
    priced = quote(product("0.000001", "mcg", 1, "1000000000", "EUR"), rates, "JPY")
    assert priced.price_per_mg == Decimal("1E+33")
    assert format_money(priced.price_per_mg, "JPY") == f"{10**33}.00 JPY"
