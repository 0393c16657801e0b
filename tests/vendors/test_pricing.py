from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from evidex.vendors.models import Product, RateTable
from evidex.vendors.pricing import (
    UnknownCurrency,
    convert,
    format_money,
    plain,
    quote,
    round_money,
    to_mg,
)

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


# ------------------------------------------------------------- rules a reader acts on


def test_a_conversion_from_the_base_currency_multiplies_by_the_target_rate() -> None:
    # 1 USD buys 0.8 EUR: 10 USD is 8 EUR, and back again.
    assert convert(Decimal(10), "USD", "EUR", RATES) == Decimal(8)
    assert convert(Decimal(8), "EUR", "USD", RATES) == Decimal(10)
    assert convert(Decimal(7), "USD", "USD", RATES) == Decimal(7)


def test_a_quote_from_the_base_currency_names_the_rate_it_used() -> None:
    result = quote(product("10", "mg", 2, "40"), RATES, "eur")
    # 40 USD for 20 mg = 2 USD/mg = 1.6 EUR/mg
    assert result.price_per_mg == Decimal("1.6")
    assert result.currency == "EUR"
    assert result.total_mg == Decimal(20)
    assert result.note == "converted from USD at the rate of 2026-10-01"


def test_an_unknown_source_currency_is_refused_by_name() -> None:
    with pytest.raises(UnknownCurrency, match=r"^no exchange rate for JPY$"):
        convert(Decimal(1), "JPY", "USD", RATES)
    result = quote(product("5", "mg", 1, "40", "JPY"), RATES, "USD")
    assert (result.price_per_mg, result.currency, result.rate_date) == (None, "USD", None)
    assert result.total_mg == Decimal(5)
    assert result.note == "no exchange rate from JPY to USD"
    assert (
        quote(product("5", "mg", 1, "40"), None, "EUR").note == "no exchange rate from USD to EUR"
    )


def test_a_quote_in_its_own_currency_has_no_note_and_no_rate_date() -> None:
    result = quote(product("250", "mcg", 4, "3"), RATES)
    # 4 x 0.25 mg = 1 mg for 3 USD
    assert (result.price_per_mg, result.currency, result.total_mg) == (
        Decimal(3),
        "USD",
        Decimal(1),
    )
    assert (result.rate_date, result.note) == (None, "")


def test_international_units_need_a_positive_conversion_factor() -> None:
    assert to_mg(Decimal(10), "IU", Decimal(0)) is None
    assert to_mg(Decimal(10), "IU", Decimal(-2)) is None
    assert (
        to_mg(Decimal(10), "iu", Decimal(2)) is None
    )  # units are written as the model spells them
    assert to_mg(Decimal(3), "IU", Decimal("0.5")) == Decimal(6)
    assert to_mg(Decimal(3), "mg") == Decimal(3)
    assert to_mg(Decimal(3), "kg") == Decimal(3_000_000)  # bulk powders are sold by the kg
    assert to_mg(Decimal(3), "mL") is None  # a volume is not an amount of the compound
    result = quote(product("10", "IU", 1, "55"), RATES)
    assert result.note == (
        "not comparable: labelled in IU and the profile gives no IU-per-mg conversion"
    )
    assert (result.currency, result.total_mg, result.rate_date) == ("USD", None, None)


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("2.345", "2.35"),  # half-even would give 2.34
        ("2.335", "2.34"),
        ("0.1245", "0.125"),  # three significant figures, the tie upwards
        ("0.000625", "0.000625"),
        ("0.0006255", "0.000626"),
        ("1.005", "1.01"),
    ],
)
def test_a_tie_is_rounded_half_up(value: str, shown: str) -> None:
    assert f"{round_money(Decimal(value)):f}" == shown


def test_plain_never_prints_exponent_notation() -> None:
    assert plain(Decimal("1.4E+3")) == "1400"
    assert plain(Decimal("1400.000")) == "1400"
    assert plain(Decimal("1.40")) == "1.4"
    assert plain(Decimal("0.72700")) == "0.727"
    assert plain(Decimal("1E-7")) == "0.0000001"


def test_a_quote_as_data_gives_the_rounded_price_and_the_plain_total() -> None:
    result = quote(product("1000", "mcg", 700, "2000", "EUR"), RATES, "GBP")
    # 700 mg for 2000 EUR = 2.857142... EUR/mg -> / 0.8 x 0.5 = 1.785714... GBP/mg
    assert result.as_dict() == {
        "price_per_mg": "1.79",
        "price_per_mg_display": "1.79 GBP",
        "currency": "GBP",
        "total_mg": "700",
        "rate_date": "2026-10-01",
        "comparable": True,
        "note": "converted from EUR at the rate of 2026-10-01",
    }
    lost = quote(product("10", "IU", 1, "55"), RATES).as_dict()
    assert (lost["price_per_mg"], lost["price_per_mg_display"], lost["total_mg"]) == (
        None,
        None,
        None,
    )
    assert lost["comparable"] is False


def test_a_large_pack_total_is_written_without_an_exponent() -> None:
    result = quote(product("1.4", "g", 1, "70"), RATES)
    assert result.as_dict()["total_mg"] == "1400"
    assert result.as_dict()["price_per_mg"] == "0.0500"


# ------------------------------------------------------------------------------ properties

CODES = ["USD", "EUR", "GBP"]
money = st.decimals(min_value=Decimal("0.01"), max_value=Decimal(100000), places=2)
rate = st.decimals(min_value=Decimal("0.001"), max_value=Decimal(1000), places=4)


@given(
    amount=money, eur=rate, gbp=rate, source=st.sampled_from(CODES), target=st.sampled_from(CODES)
)
def test_a_price_converted_to_a_currency_and_back_is_within_a_cent(
    amount: Decimal, eur: Decimal, gbp: Decimal, source: str, target: str
) -> None:
    rates = RateTable(base="USD", date=dt.date(2026, 10, 1), rates={"EUR": eur, "GBP": gbp})
    there = convert(amount, source, target, rates)
    back = convert(there, target, source, rates)
    assert abs(back - amount) <= Decimal("0.01")


@given(value=st.decimals(min_value=Decimal(1), max_value=Decimal(10**9), places=6))
def test_money_of_a_unit_or_more_is_within_half_a_cent_of_its_value(value: Decimal) -> None:
    shown = round_money(value)
    assert shown.as_tuple().exponent == -2
    assert abs(shown - value) <= Decimal("0.005")
