"""Typed vendor records: what a content/vendors/<slug>.yaml file becomes.

Money and amounts are Decimal so prices and doses never show float artefacts; in JSON they
serialise as strings ("12.50"), which keeps them exact for API clients too.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Form = Literal["lyophilised vial", "solution", "capsule", "tablet", "nasal spray", "powder"]
Unit = Literal["mg", "mcg", "IU", "g"]
TestResult = Literal["pass", "fail", "not-tested"]

FORMS: tuple[str, ...] = (
    "lyophilised vial",
    "solution",
    "capsule",
    "tablet",
    "nasal spray",
    "powder",
)
UNITS: tuple[str, ...] = ("mg", "mcg", "IU", "g")


class VendorModel(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Batch(VendorModel):
    """One tested production batch, as its certificate of analysis reports it."""

    id: str
    manufactured: dt.date | None = None
    lab: str | None = None
    tested: dt.date | None = None
    methods: list[str] = Field(default_factory=list)  # "HPLC", "MS", "LC-MS", ...
    purity_percent: Decimal | None = None
    measured_amount: Decimal | None = None  # in the product's unit, per vial / capsule
    endotoxin: TestResult = "not-tested"
    identity: TestResult = "not-tested"
    coa_url: str | None = None


class Product(VendorModel):
    compound: str  # as written in the file
    compound_slug: str  # resolved canonical slug
    form: Form
    amount: Decimal  # per vial / capsule, in `unit`
    unit: Unit
    units_per_pack: int = 1
    price: Decimal  # for the whole pack
    currency: str
    url: str | None = None
    in_stock: bool = True
    batches: list[Batch] = Field(default_factory=list)
    line: int = 0


class ThirdPartyTesting(VendorModel):
    lab: str
    coa_url: str | None = None
    date: dt.date | None = None


class Vendor(VendorModel):
    slug: str
    name: str
    website: str
    country: str  # ISO 3166 alpha-2
    ships_to: list[str] = Field(default_factory=list)  # regions: US, CA, UK, EU, AU, ...
    # region -> True/False for every compound the vendor sells there ...
    prescription_required: dict[str, bool] = Field(default_factory=dict)
    # ... or region -> compound slug -> True/False where it differs per compound.
    prescription_by_compound: dict[str, dict[str, bool]] = Field(default_factory=dict)
    third_party_testing: ThirdPartyTesting | None = None
    last_verified: dt.date | None = None
    products: list[Product] = Field(default_factory=list)
    source_path: str = ""


class RateTable(VendorModel):
    """Exchange rates: `rates[CODE]` units of CODE buy one unit of `base`."""

    base: str
    date: dt.date
    rates: dict[str, Decimal]

    def knows(self, code: str) -> bool:
        return code == self.base or code in self.rates

    def codes(self) -> list[str]:
        return sorted({self.base, *self.rates})
