"""Numbers typed into the dose tools in the notations prose uses."""

from __future__ import annotations

from decimal import Decimal

import pytest

from evidex.vendors.dose import (
    DoseInputError,
    parse_amount,
    reconstitute,
    separator_warning,
    weight_dose,
)


@pytest.mark.parametrize(
    ("typed", "value"),
    [("1 000", "1000"), ("1\u2009000", "1000"), ("0,5", "0.5"), ("2,500", "2500"), ("2.5", "2.5")],
)
def test_typed_amounts_in_prose_notations(typed: str, value: str) -> None:
    assert parse_amount(typed, "dose") == Decimal(value)


@pytest.mark.parametrize(
    ("dose", "dose_mg", "meant"),
    [
        ("2,500 mcg", "2.5", "if you meant 2.5, type 2.5"),  # 2500 mcg read
        ("1.000 mcg", "0.001", "if you meant 1000, type 1000"),  # 1 mcg read
        ("1.250 mg", "1.25", "if you meant 1250, type 1250"),
    ],
)
def test_one_separator_before_three_digits_is_read_and_warned_with_the_other_reading(
    dose: str, dose_mg: str, meant: str
) -> None:
    # "2,500" is 2500 in English and 2.5 in German: a thousandfold apart, so the tool says so.
    result = reconstitute("5", "2", dose)
    assert result.dose_mg == Decimal(dose_mg)
    assert (
        [w for w in result.warnings if "was read with" in w]
        == [w for w in result.warnings if f"dose '{dose}'" in w and meant in w]
        != []
    )


@pytest.mark.parametrize("typed", ["0.250", "1 000", "1,000,000", "2,500.5", "12.50", "0,125"])
def test_unambiguous_numbers_carry_no_separator_warning(typed: str) -> None:
    assert separator_warning(typed, "dose") is None


def test_a_weight_dose_warns_about_an_ambiguous_body_weight() -> None:
    dose = weight_dose("40", "mcg/kg", "1.100")  # 1.1 kg read: a newborn, or 1100 kg?
    assert dose.weight_kg == Decimal("1.1")
    assert any("body weight '1.100'" in w and "1100" in w for w in dose.warnings)


def test_a_draw_too_small_for_three_decimals_is_shown_with_its_digits_not_as_zero() -> None:
    tiny = reconstitute("5", "2", "0.001")
    shown = tiny.as_dict()
    assert (shown["volume_ml"], shown["syringe_units"]) == ("0.0004", "0.04")
    assert "0.0004 mL = 0.04 units" in tiny.summary()


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
