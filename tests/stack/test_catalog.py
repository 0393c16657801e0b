"""The catalog read from a build artifact behaves like the one built from models."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from evidex.stack.builder import build_stack
from evidex.stack.catalog import StackCatalog, catalog_for_file, effect_strength, load_catalog
from evidex.stack.models import StackRequest

from .library import write_stack_db


def test_catalog_from_sqlite_matches_the_model_catalog(
    tmp_path: Path, catalog: StackCatalog
) -> None:
    path = write_stack_db(tmp_path / "evidex.db")
    with sqlite3.connect(path) as conn:
        stored = load_catalog(conn)
    conn.close()
    request = StackRequest(goals=["liver-health", "weight-loss"], weight_kg=35, max_items=4)
    assert build_stack(request, stored) == build_stack(request, catalog)
    assert [e.compound_slug for e in stored.by_goal["liver-health"]] == [
        "tenofovir",
        "interferon-alpha",
        "thymosin-alpha",
    ]


def test_catalog_is_cached_per_file_until_replaced(tmp_path: Path) -> None:
    path = write_stack_db(tmp_path / "evidex.db")
    first = catalog_for_file(path)
    assert catalog_for_file(path) is first
    replacement = write_stack_db(tmp_path / "next.db")
    replacement.replace(path)
    assert catalog_for_file(path) is not first


def test_effect_strength_is_comparable_across_measures() -> None:
    assert effect_strength({"pooled": {"measure": "HR", "value": 0.5}}) == effect_strength(
        {"pooled": {"measure": "OR", "value": 2.0}}
    )
    assert effect_strength({"pooled": {"measure": "MD", "value": -3.0}}) == 3.0
    assert effect_strength({"largest_n": 10}) is None
