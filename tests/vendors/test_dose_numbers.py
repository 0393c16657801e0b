"""Numbers typed into the dose tools in the notations prose uses."""

from __future__ import annotations

from decimal import Decimal

import pytest

from evidex.vendors.dose import DoseInputError, parse_amount, reconstitute, weight_dose


@pytest.mark.parametrize(
    ("typed", "value"),
    [("1 000", "1000"), ("1\u2009000", "1000"), ("0,5", "0.5"), ("2,500", "2500"), ("2.5", "2.5")],
)
def test_typed_amounts_in_prose_notations(typed: str, value: str) -> None:
    assert parse_amount(typed, "dose") == Decimal(value)


def test_a_weight_dose_with_a_decimal_comma() -> None:
    dose = weight_dose("0,04", "mg/kg", "75")
    assert dose.total_mg == Decimal(3)


def test_a_vial_with_space_grouped_thousands_of_mg_is_still_refused_as_implausible() -> None:
    with pytest.raises(DoseInputError):
        reconstitute("5 000", "2", "1")


@pytest.mark.parametrize("typed", ["two", "1 00", "mg"])
def test_text_that_is_no_number_is_a_clear_error(typed: str) -> None:
    with pytest.raises(DoseInputError, match="must be a number"):
        parse_amount(typed, "dose")


@pytest.mark.parametrize("unit", ["mcg/kg", "µg/kg", "μg/kg", "ug/kg", "MCG/KG"])
def test_every_spelling_of_micrograms_per_kg_is_one_unit(unit: str) -> None:
    dose = weight_dose("40", unit, "35")
    assert (dose.unit, dose.total, dose.total_mg) == ("mcg/kg", Decimal(1400), Decimal("1.4"))


def test_a_unit_that_is_not_per_kg_is_refused() -> None:
    with pytest.raises(DoseInputError, match="mcg/kg or mg/kg"):
        weight_dose("40", "mcg", "35")


@pytest.mark.parametrize(
    ("typed", "unit", "value"),
    [
        ("250 mcg", "mg", "0.25"),
        ("250 \u00b5g", "mg", "0.25"),
        ("0,5 mg", "mg", "0.5"),
        ("1\u2009000mg", "mg", "1000"),
        ("0.5 g", "mg", "500"),
        ("500 \u00b5L", "mL", "0.5"),
        ("40 mcg/kg", "mcg/kg", "40"),
        ("0,04 mg/kg", "mcg/kg", "40"),
        ("40 mcg", "mcg/kg", "40"),  # the option is per kg already
    ],
)
def test_a_typed_unit_is_converted_to_the_unit_asked_for(typed: str, unit: str, value: str) -> None:
    assert parse_amount(typed, "dose", unit) == Decimal(value)


@pytest.mark.parametrize(
    ("typed", "unit"),
    [("5 mL", "mg"), ("2 mg/kg", "mg"), ("5 IU", "mg"), ("5 mg", None), ("5 furlongs", "mg")],
)
def test_a_unit_of_another_kind_is_refused_by_name(typed: str, unit: str | None) -> None:
    with pytest.raises(DoseInputError, match=f"must be a number.*got '{typed}'"):
        parse_amount(typed, "dose", unit)


def test_a_weight_dose_typed_with_its_unit() -> None:
    dose = weight_dose("0,04 mg/kg", "mg/kg", "75 kg")
    assert dose.total_mg == Decimal(3)
