"""Writes a small build artifact holding only what the vendor pages read.

Built with the real schema and the real vendor build hooks, but without the other areas'
parsers, so vendor tests stay independent of them. Also used by tests/web/test_vendor_views.py.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from importlib import resources
from pathlib import Path

from evidex.build.library import Library
from evidex.content.models import Compound, Regimen
from evidex.content.names import build_name_index, fold_name
from evidex.vendors.build import load_vendors, write_vendors

CONTENT = Path(__file__).parent / "fixtures" / "content"
COMPOUNDS = [
    Compound(
        slug="thymosin-alpha",
        title="Thymosin alpha",
        description="An immunomodulating peptide.",
        aliases=["Thymosin Alpha-1", "Tα1", "TA1", "thymalfasin", "Zadaxin"],
        regimens=[
            Regimen(amount_min=1.6, amount_max=1.6, unit="mg", kind="maintenance"),
            Regimen(amount_min=0.8, amount_max=6.4, unit="mg", kind="single_dose"),
            Regimen(
                amount_min=40, amount_max=40, unit="mcg/kg", kind="weight_based", max_weight_kg=40
            ),
        ],
    ),
    Compound(slug="somatropin", title="Somatropin", description="Growth hormone.", aliases=["HGH"]),
]


def make_database(path: Path, today: dt.date) -> Path:
    index, _ = build_name_index({c.slug: [c.title, *c.aliases] for c in COMPOUNDS})
    library = Library(compounds={c.slug: c for c in COMPOUNDS}, name_index=index)
    library.vendors, library.currency, _ = load_vendors(CONTENT, library)
    conn = sqlite3.connect(path)
    conn.executescript(resources.files("evidex.storage").joinpath("schema.sql").read_text())
    conn.executemany(
        "INSERT INTO meta (key, value) VALUES (?, ?)",
        [("build_id", "vendor-test"), ("schema_version", "1"), ("built_at", today.isoformat())],
    )
    for compound in COMPOUNDS:
        conn.execute(
            "INSERT INTO compounds (slug, title, description, is_banned, routes, goals, doc) "
            "VALUES (?, ?, ?, 0, '[]', '[]', ?)",
            (compound.slug, compound.title, compound.description, compound.model_dump_json()),
        )
        for name in {compound.slug, compound.title, *compound.aliases}:
            conn.execute(
                "INSERT OR IGNORE INTO names (key, slug, name, kind) VALUES (?, ?, ?, 'alias')",
                (fold_name(name), compound.slug, name),
            )
    write_vendors(conn, library, today)
    conn.commit()
    conn.close()
    return path
