"""Dose arithmetic in exact decimals: weight-based doses, reconstitution, and range checks.

Inputs that cannot be right (zero, negative, a litre of diluent, a dose larger than the vial)
raise DoseInputError with a message a reader can act on; doubtful but possible results
(more than a syringe holds, outside the documented doses) become warnings.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from evidex.content.models import Regimen

MAX_WEIGHT_KG = Decimal(400)
MAX_VIAL_MG = Decimal(1000)
MAX_DILUENT_ML = Decimal(30)
U100_UNITS_PER_ML = Decimal(100)
DEFAULT_SYRINGE_ML = Decimal(1)
MASS_UNITS = {"mcg": Decimal("0.001"), "mg": Decimal(1), "g": Decimal(1000)}
PER_DOSE_KINDS = ("maintenance", "single_dose", "other")


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
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def plain(value: Decimal) -> str:
    """Without exponent or trailing zeros: Decimal('1400') -> '1400', Decimal('0.640') -> '0.64'."""
    normal = value.normalize()
    return format(normal, "f")


SMALLEST_AMOUNT = Decimal("0.000001")
LARGEST_AMOUNT = Decimal("1000000")


def parse_amount(value: object, what: str) -> Decimal:
    """A positive, finite Decimal from user input (text or number), else DoseInputError."""
    if isinstance(value, bool):
        raise DoseInputError(f"{what} must be a number")
    try:
        number = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        raise DoseInputError(f"{what} must be a number, got {value!r}") from None
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


def weight_dose(per_kg: object, unit: str, weight_kg: object) -> WeightDose:
    """`per_kg` (in mcg/kg or mg/kg) times body weight: 40 mcg/kg x 35 kg = 1400 mcg = 1.4 mg."""
    mass_unit = unit.strip().lower().removesuffix("/kg")
    if not unit.strip().lower().endswith("/kg") or mass_unit not in ("mcg", "mg"):
        raise DoseInputError(f"unit must be mcg/kg or mg/kg, got {unit!r}")
    rate = parse_amount(per_kg, "dose per kg")
    weight = parse_amount(weight_kg, "body weight")
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
        total_mg=total * MASS_UNITS[mass_unit],
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
    label = parse_amount(vial_mg, "vial content (mg)")
    diluent = parse_amount(diluent_ml, "diluent volume (mL)")
    dose = parse_amount(dose_mg, "dose (mg)")
    if label > MAX_VIAL_MG:
        raise DoseInputError(f"a {plain(label)} mg vial is not plausible (limit {MAX_VIAL_MG} mg)")
    if diluent > MAX_DILUENT_ML:
        raise DoseInputError(
            f"{plain(diluent)} mL of diluent is not plausible for a vial (limit {MAX_DILUENT_ML} mL)"
        )
    content, basis = label, "label"
    if measured_mg is not None and str(measured_mg).strip() != "":
        content = parse_amount(measured_mg, "measured content (mg)")
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
    warnings: list[str] = []
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


def _to_mg(amount: float, unit: str) -> Decimal | None:
    factor = MASS_UNITS.get(unit.strip().lower())
    return None if factor is None else Decimal(str(amount)) * factor


def dose_range_warnings(dose_mg: Decimal, regimens: Iterable[Regimen]) -> list[str]:
    """Warn when a single dose falls outside every documented per-dose amount.

    Regimens of kind single_dose say the documented range for one dose; without them the
    maintenance and other fixed-amount regimens do. Daily-course totals and per-kg regimens
    are not single doses and are left out.
    """
    fixed = [
        r for r in regimens if r.kind in PER_DOSE_KINDS and _to_mg(r.amount_min, r.unit) is not None
    ]
    single = [r for r in fixed if r.kind == "single_dose"]
    basis = single or fixed
    if not basis:
        return []
    low = min(_to_mg(r.amount_min, r.unit) or Decimal(0) for r in basis)
    high = max(_to_mg(r.amount_max, r.unit) or Decimal(0) for r in basis)
    described = f"the documented single doses ({plain(low)}-{plain(high)} mg)"
    if dose_mg > high:
        return [f"{plain(dose_mg)} mg is above {described}"]
    if dose_mg < low:
        return [f"{plain(dose_mg)} mg is below {described}"]
    return []


def _span(regimen: Regimen) -> str:
    low, high = regimen.amount_min, regimen.amount_max
    return f"{low:g} {regimen.unit}" if low == high else f"{low:g}-{high:g} {regimen.unit}"


def weight_range_warnings(dose: WeightDose, regimens: Iterable[Regimen]) -> list[str]:
    """Compare a per-kg dose with the documented weight-based regimens and their weight limit."""
    per_kg = [r for r in regimens if r.unit.strip().lower() in ("mcg/kg", "mg/kg")]
    if not per_kg:
        return []
    warnings: list[str] = []
    factor = MASS_UNITS[dose.unit.removesuffix("/kg")]
    rate_mg = dose.per_kg * factor
    lows = [
        Decimal(str(r.amount_min)) * MASS_UNITS[r.unit.lower().removesuffix("/kg")] for r in per_kg
    ]
    highs = [
        Decimal(str(r.amount_max)) * MASS_UNITS[r.unit.lower().removesuffix("/kg")] for r in per_kg
    ]
    if rate_mg > max(highs) or rate_mg < min(lows):
        documented = ", ".join(_span(r) for r in per_kg)
        warnings.append(f"{plain(dose.per_kg)} {dose.unit} is outside the documented {documented}")
    limits = [r.max_weight_kg for r in per_kg if r.max_weight_kg is not None]
    if limits and dose.weight_kg >= Decimal(str(max(limits))):
        warnings.append(
            f"the weight-based regimen is documented for patients under {max(limits):g} kg; "
            "at this weight the fixed adult dose applies"
        )
    return warnings
