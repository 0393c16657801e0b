"""Vendor and dose-tool queries over the build artifact, returning plain dicts.

Shared by the web views and the CLI. Vendors are rebuilt from their stored JSON and run
through the same pure finder the tests exercise, so grading and staleness are computed against
the reader's today, not the build's.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from decimal import Decimal
from typing import Any

from evidex.content.models import Regimen
from evidex.storage.queries import resolve_name
from evidex.vendors.build import RATES_META_KEY
from evidex.vendors.finder import (
    DISCLAIMER,
    FinderFilters,
    find_offers,
    is_stale,
    is_third_party_tested,
)
from evidex.vendors.models import RateTable, Vendor


def load_rates(conn: sqlite3.Connection) -> RateTable | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (RATES_META_KEY,)).fetchone()
    return None if row is None else RateTable.model_validate_json(row[0])


def load_all_vendors(conn: sqlite3.Connection) -> list[Vendor]:
    return [
        Vendor.model_validate_json(row[0])
        for row in conn.execute("SELECT doc FROM vendors ORDER BY slug")
    ]


def compound_context(conn: sqlite3.Connection, name: str) -> dict[str, Any] | None:
    """Slug, title, IU conversion and regimens of a compound named any way; None when unknown."""
    slug = resolve_name(conn, name)
    if slug is None:
        row = conn.execute("SELECT slug FROM compounds WHERE slug = ?", (name,)).fetchone()
        slug = None if row is None else str(row[0])
    if slug is None:
        return None
    row = conn.execute("SELECT doc FROM compounds WHERE slug = ?", (slug,)).fetchone()
    if row is None:
        return None
    doc = json.loads(row[0])
    iu = doc.get("iu_per_mg")
    return {
        "slug": slug,
        "title": doc.get("title", slug),
        "iu_per_mg": None if iu is None else Decimal(str(iu)),
        "regimens": [Regimen.model_validate(r) for r in doc.get("regimens", [])],
    }


def vendors_for_compound(
    conn: sqlite3.Connection,
    compound_slug: str,
    today: dt.date,
    currency: str | None = None,
    filters: FinderFilters | None = None,
    iu_per_mg: Decimal | None = None,
) -> dict[str, Any]:
    """The finder for one compound as a dict (offers, currency, rate date, disclaimer)."""
    rates = load_rates(conn)
    if currency and rates is not None and not rates.knows(currency.upper()):
        currency = None
    result = find_offers(
        load_all_vendors(conn), compound_slug, today, rates, currency, iu_per_mg, filters
    )
    data = result.as_dict()
    data["currencies"] = rates.codes() if rates else []
    data["regions"] = sorted({r for v in load_all_vendors(conn) for r in v.ships_to})
    return data


def vendor_overview(conn: sqlite3.Connection, today: dt.date) -> dict[str, Any]:
    """Every vendor with its compounds, freshness and testing, for the /vendors page."""
    titles = {
        str(slug): str(title) for slug, title in conn.execute("SELECT slug, title FROM compounds")
    }
    vendors = []
    for vendor in load_all_vendors(conn):
        compounds = sorted({p.compound_slug for p in vendor.products})
        vendors.append(
            {
                "slug": vendor.slug,
                "name": vendor.name,
                "website": vendor.website,
                "country": vendor.country,
                "ships_to": vendor.ships_to,
                "last_verified": vendor.last_verified.isoformat() if vendor.last_verified else None,
                "stale": is_stale(vendor, today),
                "third_party_tested": any(is_third_party_tested(vendor, p) for p in vendor.products)
                or vendor.third_party_testing is not None,
                "compounds": [{"slug": c, "title": titles.get(c, c)} for c in compounds],
                "products": len(vendor.products),
            }
        )
    vendors.sort(key=lambda v: (v["stale"], str(v["name"]).lower()))
    return {"vendors": vendors, "disclaimer": DISCLAIMER}
