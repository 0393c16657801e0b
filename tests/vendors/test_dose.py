from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from evidex.content.models import Regimen
from evidex.vendors.dose import (
    DoseInputError,
    dose_range_warnings,
    reconstitute,
    weight_dose,
    weight_range_warnings,
)

# The seed profile's documented doses for thymosin alpha-1.
TA1_REGIMENS = [
    Regimen(amount_min=1.6, amount_max=1.6, unit="mg", kind="maintenance"),
    Regimen(amount_min=1.5, amount_max=1.5, unit="mg", kind="maintenance"),
    Regimen(amount_min=0.8, amount_max=6.4, unit="mg", kind="single_dose"),
    Regimen(amount_min=1.6, amount_max=16, unit="mg", kind="daily_course"),
    Regimen(amount_min=40, amount_max=40, unit="mcg/kg", kind="weight_based", max_weight_kg=40),
]


def test_weight_based_dose_is_exact() -> None:
    dose = weight_dose("40", "mcg/kg", "35")
    assert dose.total == Decimal(1400) and dose.total_unit == "mcg"
    assert dose.total_mg == Decimal("1.4")
    assert dose.summary() == "40 mcg/kg x 35 kg = 1400 mcg = 1.4 mg"


def test_weight_dose_with_float_like_inputs_shows_no_artefacts() -> None:
    dose = weight_dose(0.1, "mg/kg", 0.3)
    assert dose.as_dict()["total"] == "0.03"


@pytest.mark.parametrize(
    ("per_kg", "unit", "weight"),
    [
        ("0", "mcg/kg", "35"),
        ("40", "mcg/kg", "-3"),
        ("40", "mcg", "35"),
        ("abc", "mcg/kg", "35"),
        ("40", "mcg/kg", "900"),
    ],
)
def test_weight_dose_rejects_bad_input(per_kg: str, unit: str, weight: str) -> None:
    with pytest.raises(DoseInputError):
        weight_dose(per_kg, unit, weight)


def test_reconstitution_from_the_label() -> None:
    result = reconstitute("5", "2", "1.6")
    shown = result.as_dict()
    assert result.basis == "label"
    assert (shown["concentration_mg_per_ml"], shown["volume_ml"], shown["syringe_units"]) == (
        "2.5",
        "0.64",
        "64",
    )
    assert result.warnings == []


def test_reconstitution_from_a_measured_batch_says_so() -> None:
    result = reconstitute("5", "2", "1.6", measured_mg="4.4")
    shown = result.as_dict()
    assert result.basis == "measured"
    assert (shown["concentration_mg_per_ml"], shown["volume_ml"], shown["syringe_units"]) == (
        "2.2",
        "0.727",
        "72.7",
    )
    assert "measured content 4.4 mg" in result.summary()


def test_volume_above_the_syringe_is_a_warning() -> None:
    result = reconstitute("5", "5", "1.6")  # 1 mg/mL -> 1.6 mL
    assert result.as_dict()["volume_ml"] == "1.6"
    assert any("syringe" in w for w in result.warnings)
    assert reconstitute("5", "2.5", "2").warnings == []  # exactly 1 mL fits


@pytest.mark.parametrize(
    ("vial", "diluent", "dose", "measured", "fragment"),
    [
        ("5", "10000", "1", None, "diluent"),
        ("5", "2", "6", None, "more than the vial holds"),
        ("5", "2", "4.5", "4.4", "more than the vial holds"),
        ("0", "2", "1", None, "greater than zero"),
        ("5", "-2", "1", None, "greater than zero"),
        ("5", "2", "nan", None, "finite"),
        ("5000", "2", "1", None, "not plausible"),
        ("5", "2", "1", "50", "twice the label"),
    ],
)
def test_reconstitution_rejects_impossible_input(
    vial: str, diluent: str, dose: str, measured: str | None, fragment: str
) -> None:
    with pytest.raises(DoseInputError, match=fragment):
        reconstitute(vial, diluent, dose, measured)


@pytest.mark.parametrize(
    ("dose", "warned"),
    [("6.4", False), ("6.5", True), ("0.8", False), ("0.79", True), ("1.6", False)],
)
def test_range_check_uses_the_documented_single_doses(dose: str, warned: bool) -> None:
    assert bool(dose_range_warnings(Decimal(dose), TA1_REGIMENS)) is warned


def test_range_check_falls_back_to_maintenance_doses_and_ignores_daily_totals() -> None:
    regimens = [r for r in TA1_REGIMENS if r.kind != "single_dose"]
    assert dose_range_warnings(Decimal("1.6"), regimens) == []
    assert dose_range_warnings(Decimal("10"), regimens) == [
        "10 mg is above the documented single doses (1.5-1.6 mg)"
    ]
    assert dose_range_warnings(Decimal("10"), []) == []


def test_weight_dose_range_and_weight_limit() -> None:
    assert weight_range_warnings(weight_dose("40", "mcg/kg", "35"), TA1_REGIMENS) == []
    over = weight_range_warnings(weight_dose("80", "mcg/kg", "35"), TA1_REGIMENS)
    assert len(over) == 1 and "outside the documented 40 mcg/kg" in over[0]
    heavy = weight_range_warnings(weight_dose("40", "mcg/kg", "60"), TA1_REGIMENS)
    assert len(heavy) == 1 and "under 40 kg" in heavy[0]
    assert weight_range_warnings(weight_dose("0.04", "mg/kg", "35"), TA1_REGIMENS) == []


amounts = st.decimals(min_value=Decimal("0.01"), max_value=Decimal(500), places=2)


@given(
    vial=amounts,
    diluent=st.decimals(min_value=Decimal("0.1"), max_value=Decimal(30), places=1),
    share=st.integers(1, 100),
)
def test_reconstitution_round_trips_and_prints_plain_numbers(
    vial: Decimal, diluent: Decimal, share: int
) -> None:
    dose = (vial * share / 100).quantize(Decimal("0.0001"))
    if dose <= 0:
        return
    result = reconstitute(str(vial), str(diluent), str(dose))
    # drawing the computed volume at the computed concentration gives back the dose
    assert abs(result.volume_ml * result.concentration_mg_per_ml - dose) < Decimal("1e-20")
    assert result.syringe_units == result.volume_ml * 100
    for key in ("concentration_mg_per_ml", "volume_ml", "syringe_units"):
        shown = str(result.as_dict()[key])
        assert "E" not in shown and "e" not in shown


@pytest.mark.parametrize(
    ("vial", "diluent", "dose"),
    [("1.0", "1.0", "1.767460856220314e-119"), ("1e-30", "1", "1e-30"), ("5", "1e-200", "1")],
)
def test_amounts_outside_the_range_are_refused_not_a_rounding_crash(
    vial: str, diluent: str, dose: str
) -> None:
    """Found by schemathesis: a dose of 1e-119 mg made 1e119 doses per vial (InvalidOperation)."""
    with pytest.raises(DoseInputError, match=r"must be between 0\.000001 and 1,000,000"):
        reconstitute(vial, diluent, dose, None)
    with pytest.raises(DoseInputError, match=r"must be between 0\.000001 and 1,000,000"):
        weight_dose(dose, "mcg/kg", "1e-100")
