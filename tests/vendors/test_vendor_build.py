from __future__ import annotations

import datetime as dt
import json
import sqlite3
from importlib import resources

from evidex.build.library import Library
from evidex.content.models import Compound, Regimen
from evidex.vendors.build import load_vendors, write_vendors
from evidex.vendors.finder import FinderFilters
from evidex.vendors.queries import compound_context, vendor_overview, vendors_for_compound

from .conftest import FIXTURES

TODAY = dt.date(2026, 11, 1)


def library(name_index: dict[str, str]) -> Library:
    compounds = {
        "thymosin-alpha": Compound(
            slug="thymosin-alpha",
            title="Thymosin alpha",
            description="An immunomodulating peptide.",
            regimens=[Regimen(amount_min=0.8, amount_max=6.4, unit="mg", kind="single_dose")],
        ),
        "somatropin": Compound(
            slug="somatropin", title="Somatropin", description="Growth hormone.", iu_per_mg=3
        ),
    }
    return Library(compounds=compounds, name_index=name_index)


def database(lib: Library) -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.executescript(resources.files("evidex.storage").joinpath("schema.sql").read_text())
    conn.execute("INSERT INTO meta VALUES ('build_id', 'test')")
    for slug, compound in lib.compounds.items():
        conn.execute(
            "INSERT INTO compounds (slug, title, description, is_banned, routes, goals, doc) VALUES (?,?,?,?,?,?,?)",
            (slug, compound.title, compound.description, 0, "[]", "[]", compound.model_dump_json()),
        )
        conn.execute(
            "INSERT INTO names VALUES (?, ?, ?, 'title')",
            (slug.replace("-", ""), slug, compound.title),
        )
    return conn


def test_load_reads_rates_and_vendors_and_reports_broken_files(name_index: dict[str, str]) -> None:
    lib = library(name_index)
    vendors, rates, diagnostics = load_vendors(FIXTURES / "content", lib)
    assert sorted(vendors) == ["budget-labs", "northwind-peptides"]
    assert rates is not None and rates.base == "USD"
    assert diagnostics and all(d.path.endswith("defects.yaml") for d in diagnostics)


def test_missing_folders_load_nothing(tmp_path, name_index: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    assert load_vendors(tmp_path, library(name_index)) == ({}, None, [])


def test_write_then_query_round_trip(name_index: dict[str, str]) -> None:
    lib = library(name_index)
    lib.vendors, lib.currency, _ = load_vendors(FIXTURES / "content", lib)
    conn = database(lib)
    write_vendors(conn, lib, today=TODAY)
    rows = conn.execute(
        "SELECT vendor_slug, compound_slug, form, in_stock, price_per_mg_base, grade FROM products ORDER BY vendor_slug, idx"
    ).fetchall()
    assert rows == [
        ("budget-labs", "thymosin-alpha", "lyophilised vial", 1, "6", "C"),
        ("northwind-peptides", "thymosin-alpha", "lyophilised vial", 1, "10", "A"),
        (
            "northwind-peptides",
            "thymosin-alpha",
            "lyophilised vial",
            0,
            "7.608695652173913043478260870",
            "A",
        ),
        # 10 IU at 3 IU/mg = 3.33 mg for 55 EUR
        (
            "northwind-peptides",
            "somatropin",
            "lyophilised vial",
            1,
            "17.93478260869565217391304348",
            "untested",
        ),
    ]
    ships = conn.execute(
        "SELECT ships_to FROM vendors WHERE slug = 'northwind-peptides'"
    ).fetchone()[0]
    assert json.loads(ships) == ["EU", "UK"]

    found = vendors_for_compound(conn, "thymosin-alpha", TODAY, "EUR", FinderFilters(region="EU"))
    assert [o["vendor_slug"] for o in found["offers"]] == [
        "northwind-peptides",
        "northwind-peptides",
    ]
    assert found["offers"][0]["price_per_mg"]["price_per_mg_display"] == "7.00 EUR"
    assert found["rate_date"] is None  # EUR prices shown in EUR need no conversion
    assert "EUR" in found["currencies"] and "CA" in found["regions"]
    assert vendors_for_compound(conn, "thymosin-alpha", TODAY, "XXX")["currency"] == "USD"

    overview = vendor_overview(conn, TODAY)
    assert [(v["name"], v["stale"]) for v in overview["vendors"]] == [
        ("Northwind Peptides", False),
        ("Budget Labs", True),
    ]

    context = compound_context(conn, "thymosin alpha")
    assert context is not None and context["slug"] == "thymosin-alpha"
    assert context["regimens"][0].amount_max == 6.4
    assert compound_context(conn, "no such thing") is None
