"""The catalog read from a build artifact behaves like the one built from models."""

from __future__ import annotations

import math
import sqlite3
from pathlib import Path

import pytest

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
    assert (stored.compounds, stored.tiers, stored.rules) == (
        catalog.compounds,
        catalog.tiers,
        catalog.rules,
    )
    assert (stored.conditions, stored.goals) == (catalog.conditions, catalog.goals)
    request = StackRequest(goals=["liver-health", "weight-loss"], weight_kg=35, max_items=4)
    result = build_stack(request, stored)
    assert [(i.slug, i.goal) for i in result.items] == [
        ("tenofovir", "liver-health"),
        ("semaglutide", "weight-loss"),
        ("interferon-alpha", "liver-health"),
        ("thymosin-alpha", "liver-health"),
    ]
    # 40 mcg/kg x 35 kg, from the stored weight-based regimen.
    thymosin = result.items[3]
    assert thymosin.regimen is not None
    assert thymosin.regimen.text == "1.4 mg subcutaneous twice weekly"
    assert [e.slug for e in result.excluded] == ["liraglutide"]
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
    # |ln 0.5| = |ln 2|: halving the hazard is as strong as doubling the odds.
    assert effect_strength({"pooled": {"measure": "HR", "value": 0.5}}) == pytest.approx(
        math.log(2)
    )
    assert effect_strength({"pooled": {"measure": "OR", "value": 2.0}}) == pytest.approx(
        math.log(2)
    )
    assert effect_strength({"pooled": {"measure": "MD", "value": -3.0}}) == 3.0
    assert effect_strength({"largest_n": 10}) is None
