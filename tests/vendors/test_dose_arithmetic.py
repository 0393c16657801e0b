"""Dose arithmetic a reader draws into a syringe: exact values, limits and the words shown."""

from __future__ import annotations

from decimal import Decimal

import pytest

from evidex.content.models import Regimen
from evidex.vendors.dose import (
    DoseInputError,
    documented_doses,
    dose_range_warnings,
    parse_amount,
    plain,
    range_report,
    reconstitute,
    rounded,
    weight_dose,
    weight_range_warnings,
)


def test_plain_never_prints_exponent_notation() -> None:
    assert plain(Decimal("1.4E+3")) == "1400"
    assert plain(Decimal("0.640")) == "0.64"
    assert plain(Decimal("2E-5")) == "0.00002"


@pytest.mark.parametrize(
    ("value", "places", "shown"),
    [("0.0625", 3, "0.063"), ("72.65", 1, "72.7"), ("0.6449", 3, "0.645"), ("2", 1, "2.0")],
)
def test_a_tie_is_rounded_half_up(value: str, places: int, shown: str) -> None:
    assert str(rounded(Decimal(value), places)) == shown


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (True, "dose must be a number"),
        ("abc", "dose must be a number, got 'abc'"),
        ("Infinity", "dose must be a finite number"),
        ("-3", "dose must be greater than zero, got -3"),
        ("0.000", "dose must be greater than zero, got 0"),
    ],
)
def test_an_amount_that_cannot_be_a_dose_is_refused_by_name(value: object, message: str) -> None:
    with pytest.raises(DoseInputError) as raised:
        parse_amount(value, "dose")
    assert str(raised.value) == message


def test_an_amount_is_read_exactly_from_text_or_number() -> None:
    assert parse_amount(" 2.50 ", "dose") == Decimal("2.50")
    assert parse_amount(0.1, "dose") == Decimal("0.1")
    assert parse_amount(3, "dose") == Decimal(3)


def test_a_dose_in_mg_per_kg_is_already_in_mg() -> None:
    dose = weight_dose("0.5", " MG/kg ", "70")
    assert (dose.unit, dose.total, dose.total_unit, dose.total_mg) == (
        "mg/kg",
        Decimal(35),
        "mg",
        Decimal(35),
    )
    assert dose.summary() == "0.5 mg/kg x 70 kg = 35 mg"
    assert dose.as_dict() == {
        "per_kg": "0.5",
        "unit": "mg/kg",
        "weight_kg": "70",
        "total": "35",
        "total_unit": "mg",
        "total_mg": "35",
        "summary": "0.5 mg/kg x 70 kg = 35 mg",
        "warnings": [],
    }


def test_a_body_weight_up_to_400_kg_is_accepted() -> None:
    assert weight_dose("40", "mcg/kg", "400").total_mg == Decimal(16)
    with pytest.raises(DoseInputError) as raised:
        weight_dose("40", "mcg/kg", "400.5")
    assert str(raised.value) == "body weight 400.5 kg is not plausible (limit 400 kg)"
    with pytest.raises(DoseInputError) as unit:
        weight_dose("40", "g/kg", "70")
    assert str(unit.value) == "unit must be mcg/kg or mg/kg, got 'g/kg'"


def test_a_reconstitution_shows_every_figure_rounded_for_the_reader() -> None:
    result = reconstitute("10", "3", "0.25")
    # 10 mg / 3 mL = 3.333... mg/mL; 0.25 mg is 0.075 mL = 7.5 units; 40 doses a vial.
    assert result.as_dict() == {
        "vial_mg": "10",
        "content_mg": "10",
        "basis": "label",
        "diluent_ml": "3",
        "dose_mg": "0.25",
        "concentration_mg_per_ml": "3.333",
        "volume_ml": "0.075",
        "syringe_units": "7.5",
        "doses_per_vial": "40",
        "summary": (
            "Using the labelled content 10 mg: 10 mg in 3 mL = 3.333 mg/mL; a 0.25 mg dose is "
            "0.075 mL = 7.5 units on a U-100 insulin syringe."
        ),
        "warnings": [],
    }


def test_a_measured_content_is_used_and_named_in_the_summary() -> None:
    result = reconstitute("5", "2", "1", measured_mg="4")
    assert (result.content_mg, result.concentration_mg_per_ml, result.doses_per_vial) == (
        Decimal(4),
        Decimal(2),
        Decimal(4),
    )
    assert result.summary() == (
        "Using the measured content 4 mg (label 5 mg): 4 mg in 2 mL = 2 mg/mL; a 1 mg dose is "
        "0.5 mL = 50 units on a U-100 insulin syringe."
    )
    for blank in ("", "  "):
        assert reconstitute("5", "2", "1", measured_mg=blank).basis == "label"


def test_the_limits_of_a_vial_are_inclusive() -> None:
    assert reconstitute("1000", "30", "1000").volume_ml == Decimal(30)
    assert reconstitute("5", "2", "10", measured_mg="10").content_mg == Decimal(10)
    assert reconstitute("5", "2", "5").volume_ml == Decimal(2)
    with pytest.raises(DoseInputError) as vial:
        reconstitute("1000.5", "2", "1")
    assert str(vial.value) == "a 1000.5 mg vial is not plausible (limit 1000 mg)"
    with pytest.raises(DoseInputError) as diluent:
        reconstitute("5", "30.5", "1")
    assert str(diluent.value) == ("30.5 mL of diluent is not plausible for a vial (limit 30 mL)")
    with pytest.raises(DoseInputError) as measured:
        reconstitute("5", "2", "1", measured_mg="10.01")
    assert str(measured.value) == ("measured content 10.01 mg is more than twice the label (5 mg)")
    with pytest.raises(DoseInputError) as dose:
        reconstitute("5", "2", "5.01")
    assert str(dose.value) == "the dose (5.01 mg) is more than the vial holds (5 mg)"


def test_a_volume_over_the_syringe_or_under_two_units_is_a_warning() -> None:
    over = reconstitute("5", "5", "1.6")
    assert over.warnings == [
        "1.6 mL is more than a 1 mL syringe holds: draw it in more than one go or use less diluent"
    ]
    assert reconstitute("5", "5", "1.6", syringe_ml=Decimal(3)).warnings == []
    tiny = reconstitute("10", "1", "0.19")  # 0.019 mL
    assert tiny.warnings == ["under 2 units is hard to measure accurately: use more diluent"]
    assert reconstitute("10", "1", "0.2").warnings == []  # exactly 2 units


@pytest.mark.parametrize(
    ("vial", "diluent", "dose", "measured", "message"),
    [
        ("x", "2", "1", None, "vial content (mg) must be a number, got 'x'"),
        ("5", "0", "1", None, "diluent volume (mL) must be greater than zero, got 0"),
        ("5", "2", "-1", None, "dose (mg) must be greater than zero, got -1"),
        ("5", "2", "1", "none", "measured content (mg) must be a number, got 'none'"),
    ],
)
def test_a_bad_reconstitution_input_is_named_in_the_message(
    vial: str, diluent: str, dose: str, measured: str | None, message: str
) -> None:
    with pytest.raises(DoseInputError) as raised:
        reconstitute(vial, diluent, dose, measured)
    assert str(raised.value) == message


@pytest.mark.parametrize(
    ("per_kg", "weight", "message"),
    [
        ("x", "70", "dose per kg must be a number, got 'x'"),
        ("40", "0", "body weight must be greater than zero, got 0"),
    ],
)
def test_a_bad_weight_dose_input_is_named_in_the_message(
    per_kg: str, weight: str, message: str
) -> None:
    with pytest.raises(DoseInputError) as raised:
        weight_dose(per_kg, "mcg/kg", weight)
    assert str(raised.value) == message


def test_volumes_show_three_decimals_units_and_doses_one() -> None:
    result = reconstitute("3", "1", "0.2")
    # 3 mg/mL: 0.0666... mL = 6.666... units; 15 doses a vial.
    assert result.summary() == (
        "Using the labelled content 3 mg: 3 mg in 1 mL = 3 mg/mL; a 0.2 mg dose is "
        "0.067 mL = 6.7 units on a U-100 insulin syringe."
    )
    thirds = reconstitute("10", "2", "3").as_dict()
    assert (thirds["volume_ml"], thirds["doses_per_vial"]) == ("0.6", "3.3")
    over = reconstitute("10", "5", "3.3333")
    assert over.warnings[0].startswith("1.667 mL is more than a 1 mL syringe holds")


# ------------------------------------------------------------------ per-kg range checks


def regimen(low: float, high: float, unit: str, route: str, **more: object) -> Regimen:
    return Regimen.model_validate(
        {"amount_min": low, "amount_max": high, "unit": unit, "route": route, **more}
    )


# Per kg by injection for patients under 40 kg, per kg by mouth, and a fixed adult injection.
PER_KG = [
    regimen(10, 20, "mcg/kg", "subcutaneous", max_weight_kg=40, kind="weight_based"),
    regimen(50, 60, "mcg/kg", "oral", kind="weight_based"),
    regimen(1.6, 1.6, "mg", "subcutaneous", doses_per_week=2),
]


def test_a_rate_outside_every_routes_range_names_each_range() -> None:
    # 30 mcg/kg is above the injection's range and below the tablet's; 30 x 35 kg = 1.05 mg.
    assert weight_range_warnings(weight_dose("30", "mcg/kg", "35"), PER_KG) == [
        "30 mcg/kg is outside the range: outside the documented 10-20 mcg/kg; 50-60 mcg/kg",
        "1.05 mg is below the documented single doses by injection (1.6 mg)",
    ]


def test_a_rate_is_compared_with_its_own_routes_range_only() -> None:
    dose = weight_dose("15", "mcg/kg", "35")
    assert weight_range_warnings(dose, PER_KG, route="oral") == [
        "15 mcg/kg is below the range: outside the documented 50-60 mcg/kg"
    ]
    assert weight_range_warnings(dose, PER_KG, route="subcutaneous") == []


def test_at_the_weight_limit_the_fixed_adult_dose_applies() -> None:
    at_limit = weight_range_warnings(weight_dose("15", "mcg/kg", "40"), PER_KG, "subcutaneous")
    assert at_limit == [
        "the weight-based regimen is documented for patients under 40 kg; at this weight the "
        "fixed adult dose applies",
        "0.6 mg is below the documented single doses by injection (1.6 mg)",
    ]
    assert weight_range_warnings(weight_dose("15", "mcg/kg", "39.9"), PER_KG, "subcutaneous") == []


def test_a_weight_based_dose_over_the_limit_is_checked_per_week_too() -> None:
    dose = weight_dose("40", "mcg/kg", "50")  # 2 mg a dose, three a week
    assert weight_range_warnings(dose, PER_KG, "subcutaneous", doses_per_week=Decimal(3)) == [
        "40 mcg/kg is above the range: outside the documented 10-20 mcg/kg",
        "the weight-based regimen is documented for patients under 40 kg; at this weight the "
        "fixed adult dose applies",
        "2 mg is above the documented single doses by injection (1.6 mg)",
        "6 mg is above the documented weekly total by injection (3.2 mg): 2 mg x 3 a week",
    ]


def test_the_range_report_describes_each_routes_documented_doses() -> None:
    assert range_report(PER_KG, ["a warning"], "intramuscular") == {
        "route": "injection",
        "out_of_range": True,
        "range_warnings": ["a warning"],
        "documented": {
            "injection": "1.6 mg per dose, 3.2 mg a week, 0.01-0.02 mg/kg per dose",
            "oral": "0.05-0.06 mg/kg per dose",
        },
    }
    assert range_report(PER_KG, [], None)["route"] is None


# ------------------------------------------------------------------ documented doses


def mg(low: float, high: float, route: str | None, **more: object) -> Regimen:
    return Regimen.model_validate(
        {"amount_min": low, "amount_max": high, "unit": "mg", "route": route, **more}
    )


def test_a_dose_outside_every_route_names_each_routes_range() -> None:
    routes = [mg(0.25, 2.4, "subcutaneous"), mg(7, 14, "oral")]
    assert dose_range_warnings(Decimal(20), routes) == [
        "20 mg is above the documented single doses by every route "
        "(injection 0.25-2.4 mg; oral 7-14 mg)"
    ]
    assert dose_range_warnings(Decimal(5), routes) == [
        "5 mg is outside the documented single doses by every route "
        "(injection 0.25-2.4 mg; oral 7-14 mg)"
    ]


def test_single_doses_decide_the_range_and_are_left_out_of_the_weekly_total() -> None:
    documented = documented_doses(
        [
            mg(10, 10, "oral", doses_per_week=1),
            mg(1, 2, "oral", kind="single_dose", doses_per_week=7),
        ]
    )
    assert documented["oral"].per_dose == (Decimal(1), Decimal(2))
    assert documented["oral"].per_week == (Decimal(10), Decimal(10))


def test_a_range_of_frequencies_documents_weekly_totals_up_to_its_most_doses() -> None:
    """'0.5 mg once or twice daily': a week is 3.5 to 7 mg, so twice daily is documented and
    three times daily is not."""
    documented = [mg(0.5, 0.5, "oral", doses_per_week=7, doses_per_week_max=14)]
    assert documented_doses(documented)["oral"].per_week == (Decimal("3.5"), Decimal(7))
    half = Decimal("0.5")
    assert dose_range_warnings(half, documented, "oral", doses_per_week=Decimal(14)) == []
    assert dose_range_warnings(half, documented, "oral", doses_per_week=Decimal(21)) == [
        "10.5 mg is above the documented weekly total by oral (3.5-7 mg): 0.5 mg x 21 a week"
    ]


def test_a_regimen_without_a_route_joins_the_only_route_named() -> None:
    assert documented_doses([mg(1, 1, "subcutaneous"), mg(5, 5, None)])["injection"].per_dose == (
        Decimal(1),
        Decimal(5),
    )
    # With two routes named it cannot be placed; the regimens after it still count.
    two = documented_doses([mg(1, 1, "subcutaneous"), mg(3, 3, None), mg(10, 10, "oral")])
    assert {route: d.per_dose for route, d in two.items()} == {
        "injection": (Decimal(1), Decimal(1)),
        "oral": (Decimal(10), Decimal(10)),
    }
