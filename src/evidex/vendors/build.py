"""Vendor steps of the build: read content/vendors/ and currency.yaml, write SQLite rows.

Called by the build (evidex.build); knows the `vendors`, `products` and `meta` tables of
storage/schema.sql and nothing of HTTP or the terminal.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from decimal import Decimal
from pathlib import Path
from typing import Any

from evidex.build.discover import SourceFile, discover, read_source
from evidex.content.diagnostics import ContentError, Diagnostic
from evidex.content.names import resolve
from evidex.content.yamlload import decode_text
from evidex.vendors.grading import batch_numbers_elsewhere, grade_products
from evidex.vendors.models import RateTable, Vendor
from evidex.vendors.parse import parse_rates, parse_vendor
from evidex.vendors.pricing import quote

RATES_META_KEY = "currency_rates"


def load_vendors(
    content_dir: Path, library: Any, sources: list[SourceFile] | None = None
) -> tuple[dict[str, Vendor], RateTable | None, list[Diagnostic]]:
    """Parse currency.yaml and every vendor file found by the build's discovery (`sources`,
    discovered here when not given); compound names resolve via library.name_index."""
    if sources is None:
        sources, _ = discover(content_dir)  # the build reports what discovery refused
    diagnostics: list[Diagnostic] = []
    rates: RateTable | None = None
    texts: list[tuple[SourceFile, str]] = []
    for source in sources:
        if source.kind not in ("currency", "vendor"):
            continue
        try:
            text = decode_text(read_source(source), source.rel)
            if source.kind == "currency":
                rates = parse_rates(text, source.rel)
            else:
                texts.append((source, text))
        except ContentError as exc:
            diagnostics.append(exc.diagnostic)
    index: dict[str, str] = getattr(library, "name_index", {}) or {}

    def resolve_name(name: str) -> str | None:
        return resolve(name, index)

    codes = rates.codes() if rates else None
    vendors: dict[str, Vendor] = {}
    for source, text in texts:
        vendor, found = parse_vendor(text, source.rel, resolve_name, codes)
        diagnostics.extend(found)
        if vendor is not None:
            vendors[vendor.slug] = vendor
    return vendors, rates, diagnostics


def _iu_per_mg(library: Any, slug: str) -> Decimal | None:
    compound = getattr(library, "compounds", {}).get(slug)
    value = getattr(compound, "iu_per_mg", None)
    return None if value is None else Decimal(str(value))


def check_vendor_prices(conn: sqlite3.Connection, part: Any) -> None:
    """The incremental counterpart of write_vendors: vendor files are not part of an edit, so
    their rows stand, unless the edit changes how a product's price converts (a compound's IU
    per mg) or the grades have aged since the database was built (another day)."""
    from evidex.build.write import NotIncremental

    slugs = sorted(part.compounds)
    marks = ", ".join("?" * len(slugs))
    sold = [
        str(row[0])
        for row in conn.execute(
            f"SELECT DISTINCT compound_slug FROM products WHERE compound_slug IN ({marks})", slugs
        )
    ]
    for slug in sold:
        doc = conn.execute("SELECT doc FROM compounds WHERE slug = ?", (slug,)).fetchone()
        before = json.loads(doc[0]).get("iu_per_mg") if doc else None
        if _iu_per_mg(part.library, slug) != (None if before is None else Decimal(str(before))):
            raise NotIncremental(f"{slug}'s IU per mg changed: vendor prices convert with it")
    built = conn.execute("SELECT value FROM meta WHERE key = 'built_at'").fetchone()
    has_products = conn.execute("SELECT 1 FROM products LIMIT 1").fetchone() is not None
    if has_products and (
        built is None or dt.datetime.fromisoformat(built[0]).astimezone().date() != dt.date.today()
    ):
        raise NotIncremental("vendor grades were given on another day")


def write_vendors(conn: sqlite3.Connection, library: Any, today: dt.date | None = None) -> None:
    """Insert vendors, their products (with price per mg in the base currency) and the rates."""
    day = today or dt.date.today()
    rates: RateTable | None = getattr(library, "currency", None)
    vendors: dict[str, Vendor] = getattr(library, "vendors", {}) or {}
    if rates is not None:
        conn.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
            (RATES_META_KEY, rates.model_dump_json()),
        )
    elsewhere = batch_numbers_elsewhere(vendors.values())
    for slug, vendor in sorted(vendors.items()):
        conn.execute(
            "INSERT INTO vendors (slug, name, last_verified, ships_to, doc) VALUES (?, ?, ?, ?, ?)",
            (
                slug,
                vendor.name,
                vendor.last_verified.isoformat() if vendor.last_verified else None,
                json.dumps(vendor.ships_to),
                vendor.model_dump_json(),
            ),
        )
        grades = {
            compound: grade_products(
                [p for p in vendor.products if p.compound_slug == compound],
                day,
                elsewhere.get(vendor.slug),
            ).grade
            for compound in {p.compound_slug for p in vendor.products}
        }
        for idx, product in enumerate(vendor.products):
            base = rates.base if rates else product.currency
            price = quote(
                product, rates, base, _iu_per_mg(library, product.compound_slug)
            ).price_per_mg
            conn.execute(
                "INSERT INTO products (vendor_slug, compound_slug, idx, form, in_stock, "
                "price_per_mg_base, grade, doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    slug,
                    product.compound_slug,
                    idx,
                    product.form,
                    int(product.in_stock),
                    None if price is None else f"{price:f}",
                    grades[product.compound_slug],
                    product.model_dump_json(),
                ),
            )
