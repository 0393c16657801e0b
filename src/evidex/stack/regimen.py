"""The documented regimen that fits one person, with weight-based doses computed exactly."""

from __future__ import annotations

import re
from collections.abc import Collection
from decimal import Decimal

from evidex.content.models import Compound, Regimen
from evidex.stack.models import RegimenAdvice
from evidex.text.advice import route_family
from evidex.text.frequency import describe

DEFAULT_WEIGHT_LIMIT_KG = 40.0  # weight-based regimens with no stated bound apply below this
_CHILD = re.compile(r"child|paediatric|pediatric|adolescent", re.I)
_KIND_PREFERENCE = {"maintenance": 0, "other": 1, "daily_course": 2, "single_dose": 3}


def is_weight_based(regimen: Regimen) -> bool:
    return regimen.unit.lower().endswith("/kg") or regimen.kind == "weight_based"


def choose_regimen(
    compound: Compound, weight_kg: float | None, avoided_routes: Collection[str] = ()
) -> Regimen | None:
    """The weight-based regimen when the person is under its bound, else the main adult one,
    among the regimens whose route (family) is not ruled out for the person."""
    allowed = [
        r for r in compound.regimens if not (r.route and route_family(r.route) in avoided_routes)
    ]
    if weight_kg is not None:
        for regimen in allowed:
            limit = regimen.max_weight_kg
            if limit is None and is_weight_based(regimen):
                limit = DEFAULT_WEIGHT_LIMIT_KG
            if is_weight_based(regimen) and limit is not None and weight_kg < limit:
                return regimen
    adult = [
        r
        for r in allowed
        if not is_weight_based(r) and not (r.population and _CHILD.search(r.population))
    ]
    if not adult:
        return None
    return min(enumerate(adult), key=lambda pair: (_KIND_PREFERENCE.get(pair[1].kind, 4), pair[0]))[
        1
    ]


def frequency_text(regimen: Regimen) -> str | None:
    return describe(regimen.doses_per_week, regimen.interval_days, regimen.doses_per_week_max)


def _number(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _scaled_dose(amount: Decimal, unit: str) -> str:
    """'1400 mcg' reads better as '1.4 mg'."""
    if unit == "mcg" and amount >= 1000:
        return f"{_number(amount / 1000)} mg"
    if unit == "mg" and amount < 1:
        return f"{_number(amount * 1000)} mcg"
    return f"{_number(amount)} {unit}"


def advise(regimen: Regimen, weight_kg: float | None) -> RegimenAdvice:
    low, high = Decimal(str(regimen.amount_min)), Decimal(str(regimen.amount_max))
    unit = regimen.unit
    calculation = None
    per_kg = unit.lower().endswith("/kg")
    if per_kg and weight_kg is not None:
        weight = Decimal(str(weight_kg))
        base_unit = unit[: -len("/kg")]
        low_dose, high_dose = low * weight, high * weight
        amount = _scaled_dose(low_dose, base_unit)
        if high_dose != low_dose:
            amount = f"{amount} to {_scaled_dose(high_dose, base_unit)}"
        rate = _number(low) if low == high else f"{_number(low)}-{_number(high)}"
        calculation = f"{rate} {unit} × {_number(weight)} kg = {amount}"
    elif low == high:
        amount = f"{_number(low)} {unit}"
    else:
        amount = f"{_number(low)}-{_number(high)} {unit}"
    frequency = frequency_text(regimen)
    parts = [amount]
    if regimen.route:
        parts.append(regimen.route)
    if frequency:
        parts.append(frequency)
    if regimen.duration:
        parts.append(f"for {regimen.duration}")
    return RegimenAdvice(
        text=" ".join(parts),
        amount=amount,
        unit=unit,
        frequency=frequency,
        doses_per_week=regimen.doses_per_week,
        doses_per_week_max=regimen.doses_per_week_max,
        interval_days=regimen.interval_days,
        route=regimen.route,
        duration=regimen.duration,
        population=regimen.population,
        calculation=calculation,
        source=regimen.text,
    )


def regimen_for(
    compound: Compound, weight_kg: float | None, avoided_routes: Collection[str] = ()
) -> RegimenAdvice | None:
    regimen = choose_regimen(compound, weight_kg, avoided_routes)
    return advise(regimen, weight_kg) if regimen else None
