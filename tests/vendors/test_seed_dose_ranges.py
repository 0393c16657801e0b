"""The dose tools against the documented doses parsed from the real seed profile."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from evidex.content.profile import parse_profile
from evidex.vendors.dose import dose_range_warnings, weight_dose, weight_range_warnings

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"
PROFILE = SEEDS / "000_3d83a7180f1d8b26.txt"

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not present")


def regimens():  # type: ignore[no-untyped-def]
    compound, _ = parse_profile(PROFILE.read_text(encoding="utf-8"), str(PROFILE))
    assert compound is not None
    return compound.regimens


def test_single_dose_range_from_the_seed() -> None:
    documented = regimens()
    assert dose_range_warnings(Decimal("1.6"), documented) == []
    assert dose_range_warnings(Decimal("6.4"), documented) == []
    above = dose_range_warnings(Decimal("6.5"), documented)
    assert len(above) == 1 and "6.4 mg" in above[0]


def test_weight_based_regimen_from_the_seed() -> None:
    documented = regimens()
    assert weight_range_warnings(weight_dose("40", "mcg/kg", "35"), documented) == []
    assert any(
        "40 kg" in w for w in weight_range_warnings(weight_dose("40", "mcg/kg", "70"), documented)
    )
