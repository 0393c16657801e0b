"""A profile's doses and half-life in every number notation, read by parse_profile."""

from __future__ import annotations

from evidex.content.profile import parse_profile

PROFILE = """---
title: Example
description: An example compound.
---
## Dosage

### Adults

- Take 1 000 mg orally daily.
- 2 500 IU orally once weekly.
- 0,5 mg subcutaneously twice weekly.
- 2.5 mg to 10 mg orally once daily.

## How It Works

- **Pharmacokinetics:** The mean terminal half-life was approximately 2 weeks, ranging from \
10 to 20 days. Peak levels within 1 to 2 hours. About 30% is excreted in urine.
"""


def test_doses_and_half_life_in_prose_notations() -> None:
    compound, diagnostics = parse_profile(PROFILE, "compounds/example.md")
    assert compound is not None, diagnostics
    assert [(r.amount_min, r.amount_max, r.unit, r.doses_per_week) for r in compound.regimens] == [
        (1000, 1000, "mg", 7),
        (2500, 2500, "IU", 1),
        (0.5, 0.5, "mg", 2),
        (2.5, 10, "mg", 7),
    ]
    assert compound.half_life_hours == 336
    assert compound.time_to_peak_hours == [1, 2]
    assert compound.excretion_percent == [30, 30]
