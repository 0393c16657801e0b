"""Amounts with units as prose writes them, read into one Quantity each."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

import pytest

from evidex.text.units import canonical_unit, decimal_value, find_quantities, read_quantity, to_mg


@pytest.mark.parametrize(
    ("written", "low", "high", "unit"),
    [
        ("Take 1 000 mg daily", 1000, 1000, "mg"),  # space between thousands
        ("Take 1\u2009000 mg daily", 1000, 1000, "mg"),  # thin space
        ("1\u202f000 mg", 1000, 1000, "mg"),  # narrow no-break space
        ("2 500 IU", 2500, 2500, "IU"),
        ("50.000 IU weekly", 50_000, 50_000, "IU"),  # dots between thousands: IU are whole
        ("1.000–2.000 units", 1000, 2000, "units"),
        ("1.5 IU", 1.5, 1.5, "IU"),  # one decimal is a decimal, in IU too
        ("0.125 mg", 0.125, 0.125, "mg"),  # in mass units three decimals are decimals
        ("0,5 mg", 0.5, 0.5, "mg"),  # decimal comma
        ("0·5 mg", 0.5, 0.5, "mg"),  # middle dot
        (".5 mg", 0.5, 0.5, "mg"),
        ("1,000 mg", 1000, 1000, "mg"),  # comma between thousands
        ("0,125 mg", 0.125, 0.125, "mg"),  # a leading zero cannot start a thousands group
        ("1,000–2,000 IU", 1000, 2000, "IU"),
        ("1–2 mg", 1, 2, "mg"),
        ("2.5 mg to 10 mg", 2.5, 10, "mg"),  # a unit on each bound
        ("500 mcg to 1 mg", 0.5, 1, "mg"),  # bounds in two mass units
        ("10 or 20 mg", 10, 20, "mg"),
        ("between 2 and 5 mg", 2, 5, "mg"),
        ("250 µg", 250, 250, "mcg"),
        ("250 μg", 250, 250, "mcg"),  # Greek mu, not the micro sign
        ("250 ug", 250, 250, "mcg"),
        ("5 ng", 5, 5, "ng"),
        ("0.8 mL", 0.8, 0.8, "mL"),
        ("500 milligrams", 500, 500, "mg"),
        ("1.5 million IU", 1_500_000, 1_500_000, "IU"),
        ("40 mcg/kg", 40, 40, "mcg/kg"),
        ("2.5 g per kg", 2.5, 2.5, "g/kg"),
    ],
)
def test_amounts_in_every_notation(written: str, low: float, high: float, unit: str) -> None:
    quantity = read_quantity(written)
    assert quantity is not None
    assert (quantity.low, quantity.high, quantity.unit) == (low, high, unit)


@pytest.mark.parametrize(
    ("written", "unit", "per"),
    [
        ("10 mg/day", "mg", "day"),
        ("0.05 mg/kg/day to 0.15 mg/kg/day", "mg/kg", "day"),
        ("100 mg per day", "mg", "day"),
        ("5 mg/mL", "mg", "mL"),
        ("12 mL/hr", "mL", "hour"),
        ("2 g/week", "g", "week"),
    ],
)
def test_per_day_per_kg_and_concentrations_keep_what_they_are_per(
    written: str, unit: str, per: str
) -> None:
    quantity = read_quantity(written)
    assert quantity is not None and (quantity.unit, quantity.per) == (unit, per)
    assert written[quantity.start : quantity.end] == written


def test_a_range_over_two_kinds_of_unit_is_two_amounts() -> None:
    found = find_quantities("40 mg and 80 mg; 2 mg to 5 IU")
    assert [(q.low, q.unit) for q in found] == [(40, "mg"), (80, "mg"), (2, "mg"), (5, "IU")]


def test_a_list_of_bare_numbers_reads_only_the_one_with_the_unit() -> None:
    found = find_quantities("following 20, 40, and 80 mg every other week")
    assert [(q.low, q.high, q.unit) for q in found] == [(80, 80, "mg")]


@pytest.mark.parametrize(
    ("written", "amounts"), [("v2.5 mg", []), ("x2.5mg", []), ("B12 5mg", [5])]
)
def test_numbers_glued_to_words_are_not_amounts(written: str, amounts: list[float]) -> None:
    assert [q.low for q in find_quantities(written)] == amounts


def test_units_have_one_canonical_name() -> None:
    assert [canonical_unit(u) for u in ("µg", "μg", "ug", "Micrograms", "MG", "iu", "ml")] == [
        "mcg",
        "mcg",
        "mcg",
        "mcg",
        "mg",
        "IU",
        "mL",
    ]
    assert canonical_unit("mcg/kg") == "mcg/kg" and canonical_unit("mg/mL") is None
    assert canonical_unit("tablets") is None


def test_mass_converts_exactly_and_other_units_do_not() -> None:
    assert to_mg(Decimal(5000), "mcg") == Decimal(5)
    assert to_mg(0.1, "g") == Decimal(100)
    assert to_mg(Decimal(2), "µg") == Decimal("0.002")
    assert to_mg(Decimal(1), "ng") == Decimal("0.000001")
    assert to_mg(Decimal(10), "IU") is None and to_mg(Decimal(1), "mg/kg") is None


@pytest.mark.parametrize(
    ("typed", "value"),
    [("2.5", "2.5"), ("1 000", "1000"), ("0,5", "0.5"), ("1,000", "1000"), ("1e3", "1E+3")],
)
def test_typed_numbers_read_exactly(typed: str, value: str) -> None:
    assert decimal_value(typed) == Decimal(value)


def test_text_that_is_no_number_is_refused() -> None:
    with pytest.raises(InvalidOperation):
        decimal_value("two")
