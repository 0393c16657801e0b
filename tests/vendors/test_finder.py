from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from evidex.vendors.finder import (
    DISCLAIMER,
    FinderFilters,
    find_offers,
    is_stale,
    prescription_needed,
)
from evidex.vendors.models import RateTable, Vendor
from evidex.vendors.parse import parse_rates, parse_vendor

from .conftest import FIXTURES

TODAY = dt.date(2026, 11, 1)


@pytest.fixture
def rates() -> RateTable:
    path = FIXTURES / "currency.yaml"
    return parse_rates(path.read_text(), str(path))


@pytest.fixture
def vendors(resolve_name: Callable[[str], str | None], rates: RateTable) -> list[Vendor]:
    loaded = []
    for path in sorted((FIXTURES / "vendors").glob("*.yaml")):
        vendor, _ = parse_vendor(path.read_text(), str(path), resolve_name, rates.codes())
        assert vendor is not None
        loaded.append(vendor)
    return loaded


def by_name(vendors: list[Vendor], name: str) -> Vendor:
    return next(v for v in vendors if v.name == name)


def test_stale_after_ninety_days(vendors: list[Vendor]) -> None:
    vendor = by_name(vendors, "Northwind Peptides")  # verified 2026-10-20
    assert not is_stale(vendor, dt.date(2027, 1, 18))  # 90 days
    assert is_stale(vendor, dt.date(2027, 1, 19))  # 91 days
    assert is_stale(vendor.model_copy(update={"last_verified": None}), TODAY)


def test_offers_are_priced_in_the_readers_currency_with_stale_vendors_last(
    vendors: list[Vendor], rates: RateTable
) -> None:
    result = find_offers(vendors, "thymosin-alpha", TODAY, rates, "USD")
    rows = [(o.vendor.name, o.product.amount, o.stale) for o in result.offers]
    # Budget Labs is cheapest per mg (6 USD/mg) but stale, so it sorts after Northwind.
    assert [r[0] for r in rows] == ["Northwind Peptides", "Northwind Peptides", "Budget Labs"]
    prices = [o.price.as_dict()["price_per_mg"] for o in result.offers]
    # 210 EUR / (3 x 10 mg) = 7 EUR/mg = 7.61 USD; 46 EUR / 5 mg = 9.20 EUR = 10 USD; 60 USD / 10 mg.
    assert prices == ["7.61", "10.00", "6.00"]
    assert result.rate_date == "2026-10-01"
    assert result.as_dict()["disclaimer"] == DISCLAIMER


def test_filters(vendors: list[Vendor], rates: RateTable) -> None:
    in_uk = find_offers(vendors, "thymosin-alpha", TODAY, rates, filters=FinderFilters(region="uk"))
    assert {o.vendor.name for o in in_uk.offers} == {"Northwind Peptides"} and in_uk.hidden == 1
    stocked = find_offers(
        vendors, "thymosin-alpha", TODAY, rates, filters=FinderFilters(in_stock_only=True)
    )
    assert all(o.product.in_stock for o in stocked.offers) and stocked.hidden == 1
    capsules = find_offers(
        vendors, "thymosin-alpha", TODAY, rates, filters=FinderFilters(form="capsule")
    )
    assert capsules.offers == []
    tested = find_offers(
        vendors, "thymosin-alpha", TODAY, rates, filters=FinderFilters(tested_only=True)
    )
    assert len(tested.offers) == 3  # both vendors name a lab


def test_iu_products_show_as_not_comparable_and_sort_last(
    vendors: list[Vendor], rates: RateTable
) -> None:
    result = find_offers(vendors, "somatropin", TODAY, rates, "EUR")
    assert len(result.offers) == 1
    assert result.offers[0].price.price_per_mg is None
    assert result.offers[0].as_dict()["price_per_mg"]["comparable"] is False


def test_grades_and_prescription_notes(vendors: list[Vendor], rates: RateTable) -> None:
    result = find_offers(
        vendors, "thymosin-alpha", TODAY, rates, filters=FinderFilters(sort="grade")
    )
    grades = {o.vendor.name: o.grade.grade for o in result.offers}
    # Northwind: one recent clean MS-confirmed batch. Budget Labs: HPLC only, a marginal recent
    # batch and a passing one older than a year -> (60 + 100 x 0.5) / 1.5 = 73.3 -> C.
    assert grades == {"Northwind Peptides": "A", "Budget Labs": "C"}
    budget = next(o for o in result.offers if o.vendor.name == "Budget Labs")
    assert [f.code for f in budget.grade.flags] == ["tested-before-manufactured"]
    northwind = by_name(vendors, "Northwind Peptides")
    assert prescription_needed(northwind, "uk", "thymosin-alpha") is True
    assert prescription_needed(northwind, "EU", "thymosin-alpha") is False
    assert prescription_needed(northwind, "EU", "somatropin") is True
    assert prescription_needed(northwind, "US", "somatropin") is None
    assert result.offers[0].prescription_note == "Prescription required in UK"


def test_unknown_compound_gives_no_offers(vendors: list[Vendor]) -> None:
    result = find_offers(vendors, "nothing-here", TODAY)
    assert result.offers == [] and result.currency == "USD"
