"""The vendor finder: offers of one compound, filtered, priced per mg and sorted.

Pure functions over Vendor models, so the web views, the CLI and tests share one behaviour.
`today` is always passed in, which keeps staleness testable.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from evidex.vendors.grading import Grade, batch_numbers_elsewhere, grade_products
from evidex.vendors.models import Product, RateTable, Vendor
from evidex.vendors.pricing import PriceQuote, plain, quote

STALE_AFTER_DAYS = 90
DISCLAIMER = (
    "Evidex does not sell anything, takes no payment from the vendors listed and endorses none "
    "of them. Listings are compiled from public information, may be out of date, and are no "
    "advice to buy: check the law where you live and talk to a clinician first."
)
SORT_KEYS = ("price", "grade", "name")


@dataclass(frozen=True)
class FinderFilters:
    region: str | None = None
    tested_only: bool = False
    in_stock_only: bool = False
    form: str | None = None
    sort: str = "price"  # price | grade | name


@dataclass
class Offer:
    vendor: Vendor
    product: Product
    price: PriceQuote
    grade: Grade
    stale: bool
    days_since_verified: int | None
    prescription_note: str | None

    def as_dict(self) -> dict[str, object]:
        vendor, product = self.vendor, self.product
        return {
            "vendor_slug": vendor.slug,
            "vendor_name": vendor.name,
            "website": vendor.website,
            "country": vendor.country,
            "ships_to": list(vendor.ships_to),
            "last_verified": vendor.last_verified.isoformat() if vendor.last_verified else None,
            "days_since_verified": self.days_since_verified,
            "stale": self.stale,
            "third_party_tested": is_third_party_tested(vendor, product),
            "prescription_note": self.prescription_note,
            "compound_slug": product.compound_slug,
            "form": product.form,
            "amount": plain(product.amount),
            "unit": product.unit,
            "units_per_pack": product.units_per_pack,
            "price": plain(product.price),
            "currency": product.currency,
            "url": product.url or vendor.website,
            "in_stock": product.in_stock,
            "price_per_mg": self.price.as_dict(),
            "grade": self.grade.as_dict(),
        }


@dataclass
class FinderResult:
    compound_slug: str
    currency: str
    rate_date: str | None
    filters: FinderFilters
    offers: list[Offer] = field(default_factory=list)
    hidden: int = 0  # offers removed by the filters

    def as_dict(self) -> dict[str, object]:
        return {
            "compound_slug": self.compound_slug,
            "currency": self.currency,
            "rate_date": self.rate_date,
            "filters": {
                "region": self.filters.region,
                "tested_only": self.filters.tested_only,
                "in_stock_only": self.filters.in_stock_only,
                "form": self.filters.form,
                "sort": self.filters.sort,
            },
            "offers": [offer.as_dict() for offer in self.offers],
            "hidden": self.hidden,
            "disclaimer": DISCLAIMER,
        }


def days_since(day: dt.date | None, today: dt.date) -> int | None:
    return None if day is None else (today - day).days


def is_stale(vendor: Vendor, today: dt.date) -> bool:
    """Unverified vendors, and those last checked more than 90 days ago, are stale."""
    age = days_since(vendor.last_verified, today)
    return age is None or age > STALE_AFTER_DAYS


def is_third_party_tested(vendor: Vendor, product: Product) -> bool:
    return vendor.third_party_testing is not None or any(b.lab for b in product.batches)


def prescription_needed(vendor: Vendor, region: str, compound_slug: str) -> bool | None:
    """True/False as the vendor file states for that region and compound; None when unstated."""
    code = region.upper()
    per_compound = vendor.prescription_by_compound.get(code, {})
    if compound_slug in per_compound:
        return per_compound[compound_slug]
    return vendor.prescription_required.get(code)


def prescription_note(vendor: Vendor, compound_slug: str, region: str | None) -> str | None:
    regions = (
        [region.upper()]
        if region
        else sorted({*vendor.prescription_required, *vendor.prescription_by_compound})
    )
    needing = [r for r in regions if prescription_needed(vendor, r, compound_slug)]
    if not needing:
        return None
    return "Prescription required in " + ", ".join(needing)


def _grade_rank(grade: Grade) -> int:
    order = "ABCDF"
    return order.index(grade.grade) if grade.grade in order else len(order)


def find_offers(
    vendors: list[Vendor],
    compound_slug: str,
    today: dt.date,
    rates: RateTable | None = None,
    currency: str | None = None,
    iu_per_mg: Decimal | None = None,
    filters: FinderFilters | None = None,
) -> FinderResult:
    """Every product of `compound_slug`, filtered; fresh vendors first, then by the sort key."""
    chosen = filters or FinderFilters()
    target = (currency or (rates.base if rates else "USD")).upper()
    result = FinderResult(compound_slug, target, None, chosen)
    elsewhere = batch_numbers_elsewhere(vendors)
    for vendor in vendors:
        products = [p for p in vendor.products if p.compound_slug == compound_slug]
        if not products:
            continue
        grade = grade_products(products, today, elsewhere.get(vendor.slug))
        for product in products:
            if not _passes(vendor, product, chosen):
                result.hidden += 1
                continue
            price = quote(product, rates, target, iu_per_mg)
            result.rate_date = result.rate_date or price.rate_date
            result.offers.append(
                Offer(
                    vendor=vendor,
                    product=product,
                    price=price,
                    grade=grade,
                    stale=is_stale(vendor, today),
                    days_since_verified=days_since(vendor.last_verified, today),
                    prescription_note=prescription_note(vendor, compound_slug, chosen.region),
                )
            )
    result.offers.sort(key=lambda offer: _sort_key(offer, chosen.sort))
    return result


def _passes(vendor: Vendor, product: Product, filters: FinderFilters) -> bool:
    if filters.region and filters.region.upper() not in vendor.ships_to:
        return False
    if filters.tested_only and not is_third_party_tested(vendor, product):
        return False
    if filters.in_stock_only and not product.in_stock:
        return False
    return not (filters.form and product.form != filters.form)


def _sort_key(offer: Offer, sort: str) -> tuple[object, ...]:
    price = offer.price.price_per_mg
    by_price = (price is None, price if price is not None else Decimal(0))
    name = offer.vendor.name.lower()
    if sort == "grade":
        return (offer.stale, _grade_rank(offer.grade), *by_price, name)
    if sort == "name":
        return (offer.stale, name, *by_price)
    return (offer.stale, *by_price, name)
