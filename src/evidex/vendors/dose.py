"""Dose arithmetic in exact decimals: weight-based doses, reconstitution, and range checks.

Inputs that cannot be right (zero, negative, a litre of diluent, a dose larger than the vial)
raise DoseInputError with a message a reader can act on; doubtful but possible results
(more than a syringe holds, outside the documented doses) become warnings.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from evidex.content.models import Regimen
from evidex.text.advice import route_family
from evidex.text.units import MG_PER_UNIT, canonical_unit, to_mg, typed_amount, unit_factor
from evidex.vendors.pricing import plain

MAX_WEIGHT_KG = Decimal(400)
MAX_VIAL_MG = Decimal(1000)
MAX_DILUENT_ML = Decimal(30)
U100_UNITS_PER_ML = Decimal(100)
DEFAULT_SYRINGE_ML = Decimal(1)
PER_DOSE_KINDS = ("maintenance", "single_dose", "other")
ANY_ROUTE = "any"  # regimens that name no route at all


class DoseInputError(ValueError):
    """An input that cannot describe a real dose; the message says which and why."""


@dataclass(frozen=True)
class WeightDose:
    per_kg: Decimal
    unit: str  # "mcg/kg" or "mg/kg"
    weight_kg: Decimal
    total: Decimal  # in the mass unit of `unit`
    total_unit: str  # "mcg" or "mg"
    total_mg: Decimal
    warnings: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "per_kg": plain(self.per_kg),
            "unit": self.unit,
            "weight_kg": plain(self.weight_kg),
            "total": plain(self.total),
            "total_unit": self.total_unit,
            "total_mg": plain(self.total_mg),
            "summary": self.summary(),
            "warnings": list(self.warnings),
        }

    def summary(self) -> str:
        text = f"{plain(self.per_kg)} {self.unit} x {plain(self.weight_kg)} kg = {plain(self.total)} {self.total_unit}"
        if self.total_unit != "mg":
            text += f" = {plain(self.total_mg)} mg"
        return text


@dataclass(frozen=True)
class Reconstitution:
    vial_mg: Decimal  # as labelled
    content_mg: Decimal  # what the calculation used
    basis: str  # "label" or "measured"
    diluent_ml: Decimal
    dose_mg: Decimal
    concentration_mg_per_ml: Decimal
    volume_ml: Decimal  # unrounded
    syringe_units: Decimal  # U-100 units, unrounded
    doses_per_vial: Decimal
    warnings: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "vial_mg": plain(self.vial_mg),
            "content_mg": plain(self.content_mg),
            "basis": self.basis,
            "diluent_ml": plain(self.diluent_ml),
            "dose_mg": plain(self.dose_mg),
            "concentration_mg_per_ml": plain(rounded(self.concentration_mg_per_ml, 3)),
            "volume_ml": plain(rounded(self.volume_ml, 3)),
            "syringe_units": plain(rounded(self.syringe_units, 1)),
            "doses_per_vial": plain(rounded(self.doses_per_vial, 1)),
            "summary": self.summary(),
            "warnings": list(self.warnings),
        }

    def summary(self) -> str:
        source = (
            f"measured content {plain(self.content_mg)} mg (label {plain(self.vial_mg)} mg)"
            if self.basis == "measured"
            else f"labelled content {plain(self.vial_mg)} mg"
        )
        return (
            f"Using the {source}: {plain(self.content_mg)} mg in {plain(self.diluent_ml)} mL = "
            f"{plain(rounded(self.concentration_mg_per_ml, 3))} mg/mL; a {plain(self.dose_mg)} mg dose is "
            f"{plain(rounded(self.volume_ml, 3))} mL = {plain(rounded(self.syringe_units, 1))} units "
            "on a U-100 insulin syringe."
        )


def rounded(value: Decimal, places: int) -> Decimal:
    """`value` to `places` decimals; a non-zero value too small for them keeps two significant
    digits instead (a 0.0004 mL draw is not "0 mL")."""
    if value and abs(value) < Decimal(1).scaleb(-places):
        places = 1 - value.adjusted()
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


SMALLEST_AMOUNT = Decimal("0.000001")
# One dot or comma before exactly three digits ("1.000 mcg", "2,500") separates thousands in
# some countries and decimals in others. The amount is read the usual English way, and the
# result warns with the other reading, a thousandfold away. "0.250", "1 000" and "1,000,000"
# are unambiguous.
_ONE_SEPARATOR_BEFORE_THREE_DIGITS = re.compile(
    r"\s*(?P<whole>[1-9]\d{0,2})(?P<mark>[.,])(?P<decimals>\d{3})(?![\d.,])(?!\s*\d)"
)


def separator_warning(value: object, what: str) -> str | None:
    """A warning naming both readings of '2,500' or '1.000 mcg'; None for any other input."""
    ambiguous = _ONE_SEPARATOR_BEFORE_THREE_DIGITS.match(str(value))
    if ambiguous is None:
        return None
    whole, mark, decimals = ambiguous.group("whole", "mark", "decimals")
    readings = {Decimal(whole + decimals), Decimal(f"{whole}.{decimals}")}
    read = typed_amount(ambiguous.group(0))[0]
    other = max(readings - {read})
    role = "decimal mark" if read < other else "thousands separator"
    return (
        f"{what} {str(value).strip()!r} was read with '{mark}' as a {role}, as {plain(read)}; "
        f"if you meant {plain(other)}, type {plain(other)}"
    )


def _separator_warnings(typed: dict[str, object]) -> list[str]:
    return [w for what, value in typed.items() if (w := separator_warning(value, what))]


LARGEST_AMOUNT = Decimal("1000000")


def parse_amount(value: object, what: str, unit: str | None = None) -> Decimal:
    """A positive, finite Decimal from user input (text or number), else DoseInputError.

    With `unit` (canonical: "mg", "mL", "mcg/kg"), the input may carry a unit of the same kind
    ("250 mcg" for a dose in mg is 0.25); the amount is returned in `unit`.
    """
    if isinstance(value, bool):
        raise DoseInputError(f"{what} must be a number")
    if value is None or not str(value).strip():
        raise DoseInputError(f"{what} is missing: give it as a number")
    try:
        number, typed = typed_amount(str(value))
    except (InvalidOperation, ValueError):
        raise DoseInputError(f"{what} must be a number, got {value!r}") from None
    if typed is not None:
        factor = _factor(typed, unit) if unit else None
        if factor is None:
            wanted = f"a number in {unit}" if unit else "a number"
            raise DoseInputError(f"{what} must be {wanted}, got {value!r}")
        number *= factor
    if not number.is_finite():
        raise DoseInputError(f"{what} must be a finite number")
    if number <= 0:
        raise DoseInputError(f"{what} must be greater than zero, got {plain(number)}")
    if not SMALLEST_AMOUNT <= number <= LARGEST_AMOUNT:
        # 1e-119 mg would make 1e119 doses per vial, more digits than rounding can hold
        raise DoseInputError(
            f"{what} must be between {SMALLEST_AMOUNT} and {LARGEST_AMOUNT:,}, got {number}"
        )
    return number


def _factor(typed: str, unit: str) -> Decimal | None:
    """How many `unit` one `typed` unit is; a per-kg `unit` takes its mass typed with or
    without "/kg"; None for units of different kinds."""
    if typed.endswith("/kg") and not unit.endswith("/kg"):
        return None
    return unit_factor(typed.removesuffix("/kg"), unit.removesuffix("/kg"))


def weight_dose(per_kg: object, unit: str, weight_kg: object) -> WeightDose:
    """`per_kg` (in mcg/kg or mg/kg) times body weight: 40 mcg/kg x 35 kg = 1400 mcg = 1.4 mg."""
    named = canonical_unit(unit) or ""  # "µg/kg", "ug/kg" and "MCG/KG" are mcg/kg
    mass_unit = named.removesuffix("/kg")
    if not named.endswith("/kg") or mass_unit not in ("mcg", "mg"):
        raise DoseInputError(f"unit must be mcg/kg or mg/kg, got {unit!r}")
    rate = parse_amount(per_kg, "dose per kg", named)
    weight = parse_amount(weight_kg, "body weight", "kg")
    if weight > MAX_WEIGHT_KG:
        raise DoseInputError(
            f"body weight {plain(weight)} kg is not plausible (limit {MAX_WEIGHT_KG} kg)"
        )
    total = rate * weight
    return WeightDose(
        per_kg=rate,
        unit=f"{mass_unit}/kg",
        weight_kg=weight,
        total=total,
        total_unit=mass_unit,
        total_mg=total * MG_PER_UNIT[mass_unit],
        warnings=_separator_warnings({"dose per kg": per_kg, "body weight": weight_kg}),
    )


def reconstitute(
    vial_mg: object,
    diluent_ml: object,
    dose_mg: object,
    measured_mg: object | None = None,
    syringe_ml: Decimal = DEFAULT_SYRINGE_ML,
) -> Reconstitution:
    """Concentration, draw volume and U-100 units for a dose from a reconstituted vial.

    With `measured_mg` (a tested batch's measured content) the calculation uses that instead
    of the label, and says so.
    """
    label = parse_amount(vial_mg, "vial content (mg)", "mg")
    diluent = parse_amount(diluent_ml, "diluent volume (mL)", "mL")
    dose = parse_amount(dose_mg, "dose (mg)", "mg")
    if label > MAX_VIAL_MG:
        raise DoseInputError(f"a {plain(label)} mg vial is not plausible (limit {MAX_VIAL_MG} mg)")
    if diluent > MAX_DILUENT_ML:
        raise DoseInputError(
            f"{plain(diluent)} mL of diluent is not plausible for a vial (limit {MAX_DILUENT_ML} mL)"
        )
    content, basis = label, "label"
    if measured_mg is not None and str(measured_mg).strip() != "":
        content = parse_amount(measured_mg, "measured content (mg)", "mg")
        basis = "measured"
        if content > label * 2:
            raise DoseInputError(
                f"measured content {plain(content)} mg is more than twice the label ({plain(label)} mg)"
            )
    if dose > content:
        raise DoseInputError(
            f"the dose ({plain(dose)} mg) is more than the vial holds ({plain(content)} mg)"
        )
    concentration = content / diluent
    volume = dose / concentration
    units = volume * U100_UNITS_PER_ML
    warnings = _separator_warnings(
        {
            "vial content": vial_mg,
            "diluent volume": diluent_ml,
            "dose": dose_mg,
            "measured content": measured_mg,
        }
    )
    if volume > syringe_ml:
        warnings.append(
            f"{plain(rounded(volume, 3))} mL is more than a {plain(syringe_ml)} mL syringe holds: "
            "draw it in more than one go or use less diluent"
        )
    if volume < Decimal("0.02"):
        warnings.append("under 2 units is hard to measure accurately: use more diluent")
    return Reconstitution(
        vial_mg=label,
        content_mg=content,
        basis=basis,
        diluent_ml=diluent,
        dose_mg=dose,
        concentration_mg_per_ml=concentration,
        volume_ml=volume,
        syringe_units=units,
        doses_per_vial=content / dose,
        warnings=warnings,
    )


def _per_kg_mg(amount: float, unit: str) -> Decimal | None:
    lowered = unit.strip().lower()
    if not lowered.endswith("/kg"):
        return None
    return to_mg(amount, lowered.removesuffix("/kg"))


def _span(low: Decimal, high: Decimal, unit: str = "mg") -> str:
    return f"{plain(low)} {unit}" if low == high else f"{plain(low)}-{plain(high)} {unit}"


def route_groups(regimens: Iterable[Regimen]) -> dict[str, list[Regimen]]:
    """Regimens by route family ("injection", "oral", ...), so that one route's doses never
    widen another's. A regimen without a route joins the only route the others name; with
    several named it cannot be placed and is left out; when none name a route all share
    ANY_ROUTE, which every route is compared with."""
    listed = list(regimens)
    named = {route_family(r.route) for r in listed if r.route}
    groups: dict[str, list[Regimen]] = {}
    for regimen in listed:
        if regimen.route:
            family = route_family(regimen.route)
        elif len(named) == 1:
            family = next(iter(named))
        elif not named:
            family = ANY_ROUTE
        else:
            continue
        groups.setdefault(family, []).append(regimen)
    return groups


@dataclass(frozen=True)
class DocumentedDoses:
    """What one route's regimens document: per dose, per week and per kg (mg, mg/kg)."""

    route: str
    per_dose: tuple[Decimal, Decimal] | None
    per_week: tuple[Decimal, Decimal] | None
    per_kg: tuple[Decimal, Decimal] | None
    weight_limit_kg: Decimal | None

    @property
    def label(self) -> str:
        return "by any route" if self.route == ANY_ROUTE else f"by {self.route}"

    def describe(self) -> str:
        parts = []
        if self.per_dose:
            parts.append(f"{_span(*self.per_dose)} per dose")
        if self.per_week:
            parts.append(f"{_span(*self.per_week)} a week")
        if self.per_kg:
            parts.append(f"{_span(*self.per_kg, unit='mg/kg')} per dose")
        return ", ".join(parts)


def _bounds(values: list[tuple[Decimal, Decimal]]) -> tuple[Decimal, Decimal] | None:
    if not values:
        return None
    return min(low for low, _ in values), max(high for _, high in values)


def documented_doses(regimens: Iterable[Regimen]) -> dict[str, DocumentedDoses]:
    """Per route family, the documented range of one dose, of a week's total and per kg.

    One dose: the `single_dose` regimens when there are any, otherwise the fixed maintenance
    and other doses; daily-course totals and per-kg regimens are not single doses. A week:
    every fixed regimen with a frequency, amount x doses a week (up to the most doses a week
    when the profile gives a range of frequencies).
    """
    found: dict[str, DocumentedDoses] = {}
    for family, group in route_groups(regimens).items():
        fixed = [r for r in group if r.kind in PER_DOSE_KINDS and to_mg(1, r.unit)]
        basis = [r for r in fixed if r.kind == "single_dose"] or fixed
        per_dose = [(_mg(r.amount_min, r.unit), _mg(r.amount_max, r.unit)) for r in basis]
        weekly = [
            (
                _mg(r.amount_min, r.unit) * Decimal(str(r.doses_per_week)),
                _mg(r.amount_max, r.unit) * Decimal(str(r.doses_per_week_max or r.doses_per_week)),
            )
            for r in group
            if r.doses_per_week and r.kind != "single_dose" and to_mg(1, r.unit)
        ]
        kg = [r for r in group if _per_kg_mg(1, r.unit)]
        per_kg = [(_per_kg(r.amount_min, r.unit), _per_kg(r.amount_max, r.unit)) for r in kg]
        limits = [Decimal(str(r.max_weight_kg)) for r in kg if r.max_weight_kg is not None]
        found[family] = DocumentedDoses(
            route=family,
            per_dose=_bounds(per_dose),
            per_week=_bounds([(low.normalize(), high.normalize()) for low, high in weekly]),
            per_kg=_bounds(per_kg),
            weight_limit_kg=max(limits) if limits else None,
        )
    return found


def _mg(amount: float, unit: str) -> Decimal:
    value = to_mg(amount, unit)
    assert value is not None
    return value


def _per_kg(amount: float, unit: str) -> Decimal:
    value = _per_kg_mg(amount, unit)
    assert value is not None
    return value


def _routes_for(documented: dict[str, DocumentedDoses], route: str | None) -> list[DocumentedDoses]:
    if route is None:
        return list(documented.values())
    family = route_family(route)
    return [documented[key] for key in (family, ANY_ROUTE) if key in documented]


def _outside(value: Decimal, bounds: tuple[Decimal, Decimal] | None) -> str | None:
    if bounds is None:
        return None
    if value > bounds[1]:
        return "above"
    if value < bounds[0]:
        return "below"
    return None


def _compare(
    value: Decimal,
    candidates: list[DocumentedDoses],
    bounds_of: Callable[[DocumentedDoses], tuple[Decimal, Decimal] | None],
    what: str,
    unit: str = "mg",
) -> str | None:
    """One warning when `value` is outside the range of every route that documents one."""
    ranged = [c for c in candidates if bounds_of(c) is not None]
    if not ranged:
        return None
    sides = {_outside(value, bounds_of(c)) for c in ranged}
    if None in sides:
        return None
    side = sides.pop() if len(sides) == 1 else "outside"
    if len(ranged) == 1:
        only = ranged[0]
        bounds = bounds_of(only)
        assert bounds is not None
        where = "" if only.route == ANY_ROUTE else f" {only.label}"
        return f"{plain(value)} {unit} is {side} the documented {what}{where} ({_span(*bounds, unit=unit)})"
    spans = "; ".join(
        f"{c.route} {_span(*bounds_of(c) or (value, value), unit=unit)}" for c in ranged
    )
    return f"{plain(value)} {unit} is {side} the documented {what} by every route ({spans})"


def dose_range_warnings(
    dose_mg: Decimal,
    regimens: Iterable[Regimen],
    route: str | None = None,
    doses_per_week: Decimal | None = None,
) -> list[str]:
    """Warn when one dose, or a week of them, falls outside the documented doses of the same
    route (injection, oral, ...); without a route, outside those of every route."""
    documented = documented_doses(regimens)
    if not documented:
        return []
    candidates = _routes_for(documented, route)
    if route is not None and not candidates:
        routes = ", ".join(sorted(documented))
        return [f"no {route_family(route)} doses are documented (documented routes: {routes})"]
    warnings = [
        w for w in [_compare(dose_mg, candidates, lambda c: c.per_dose, "single doses")] if w
    ]
    if doses_per_week is not None:
        weekly = dose_mg * doses_per_week
        found = _compare(weekly, candidates, lambda c: c.per_week, "weekly total")
        if found:
            warnings.append(f"{found}: {plain(dose_mg)} mg x {plain(doses_per_week)} a week")
    return warnings


def weight_range_warnings(
    dose: WeightDose,
    regimens: Iterable[Regimen],
    route: str | None = None,
    doses_per_week: Decimal | None = None,
) -> list[str]:
    """Compare a per-kg dose with the documented per-kg regimens and their weight limit, and
    the dose it comes to with the documented fixed doses, per dose and per week.

    A rate within the per-kg range for a person under its weight limit is what the profile
    documents for them; only otherwise is the total compared with the fixed adult doses.
    """
    documented = documented_doses(regimens)
    candidates = _routes_for(documented, route)
    factor = MG_PER_UNIT[dose.unit.removesuffix("/kg")]
    rate_mg = dose.per_kg * factor
    warnings: list[str] = []
    ranged = [c for c in candidates if c.per_kg is not None]
    sides = {_outside(rate_mg, c.per_kg) for c in ranged}
    per_kg = bool(ranged) and None not in sides
    if per_kg:
        side = sides.pop() if len(sides) == 1 else "outside"
        spans = "; ".join(
            _span(c.per_kg[0] / factor, c.per_kg[1] / factor, dose.unit)
            for c in ranged
            if c.per_kg is not None
        )
        warnings.append(
            f"{plain(dose.per_kg)} {dose.unit} is {side} the range: outside the documented {spans}"
        )
    limits = [c.weight_limit_kg for c in candidates if c.weight_limit_kg is not None]
    over_limit = bool(limits) and dose.weight_kg >= max(limits)
    if over_limit:
        warnings.append(
            f"the weight-based regimen is documented for patients under {plain(max(limits))} kg; "
            "at this weight the fixed adult dose applies"
        )
    per_kg_documented = any(c.per_kg for c in candidates)
    if per_kg or over_limit or not per_kg_documented:
        warnings += dose_range_warnings(dose.total_mg, regimens, route, doses_per_week)
    return warnings


def range_report(
    regimens: Iterable[Regimen], range_warnings: list[str], route: str | None
) -> dict[str, object]:
    """The range check as the JSON, the page and the CLI show it: whether the dose is outside
    the documented doses, those doses per route, and the route compared with."""
    return {
        "route": route_family(route) if route else None,
        "out_of_range": bool(range_warnings),
        "range_warnings": list(range_warnings),
        "documented": {k: v.describe() for k, v in documented_doses(regimens).items()},
    }
