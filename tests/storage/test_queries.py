from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from evidex.storage import queries
from evidex.storage.db import Database


@pytest.fixture
def conn(sample_db_path: Path) -> Iterator[sqlite3.Connection]:
    db = Database(sample_db_path)
    with db.connection() as connection:
        yield connection
    db.close()


@pytest.mark.parametrize(
    "name",
    [
        "thymosin-alpha",
        "Zadaxin",
        "THYMALFASIN",
        "Tα1",
        "Ta-1",
        "Thymosin Alpha-1",
        "thymosin alpha 1",
    ],
)
def test_every_name_resolves_to_the_canonical_slug(conn: sqlite3.Connection, name: str) -> None:
    assert queries.resolve_name(conn, name) == "thymosin-alpha"


def test_list_compounds_filters_and_counts(conn: sqlite3.Connection) -> None:
    everything = queries.list_compounds(conn)
    assert everything["total"] == 4
    assert [c["title"] for c in everything["items"]] == [
        "BPC-157",
        "Hostile <script>alert('title')</script> peptide",
        "Interferon alpha",
        "Thymosin alpha",
    ]
    assert queries.list_compounds(conn, {"banned": True})["total"] == 1
    assert queries.list_compounds(conn, {"route": "Intramuscular"})["items"][0]["slug"] == (
        "interferon-alpha"
    )
    tier3 = queries.list_compounds(conn, {"tier": 3, "goal": "liver-health"})
    assert [c["slug"] for c in tier3["items"]] == ["thymosin-alpha"]
    assert queries.list_compounds(conn, {"class": "immunomodulator"})["total"] == 1
    assert queries.list_compounds(conn, {"letter": "I"})["items"][0]["slug"] == "interferon-alpha"
    page = queries.list_compounds(conn, {}, limit=1, offset=1)
    assert page["total"] == 4 and len(page["items"]) == 1
    assert page["items"][0]["slug"] == "hostile-peptide"


def test_compound_is_the_models_json(conn: sqlite3.Connection) -> None:
    doc = queries.get_compound(conn, "thymosin-alpha")
    assert doc is not None
    assert doc["names"]["brand"] == ["Zadaxin"]
    assert doc["sections"][0]["html"].startswith("<p>")
    assert queries.get_compound(conn, "nope") is None


def test_evidence_carries_tier_rationale_plot_and_studies(conn: sqlite3.Connection) -> None:
    evidence = queries.compound_evidence(conn, "thymosin-alpha", "liver-health")
    assert evidence is not None
    (goal,) = evidence["goals"]
    assert goal["tier"] == 3 and goal["tier_name"] == "probable efficacy"
    assert goal["forest_svg"].startswith("<svg")
    assert [s["id"] for s in goal["studies"]] == ["ta1-hcc-2019", "ta1-extracted-1"]
    assert goal["article_slug"] == "thymosin-alpha-liver-health"
    assert queries.compound_evidence(conn, "thymosin-alpha", "sleep")["goals"] == []  # type: ignore[index]
    assert queries.compound_evidence(conn, "nope") is None


def test_article_shows_computed_tier_beside_the_claim(conn: sqlite3.Connection) -> None:
    article = queries.get_article(conn, "thymosin-alpha-liver-health")
    assert article is not None
    assert article["tier"] == 2
    assert article["computed"]["tier"] == 3
    assert len(article["evidence_studies"]) == 2
    listed = queries.list_articles(conn)
    assert listed[0]["tier"] == 3 and listed[0]["tier_claimed"] == 2


def test_goal_ranks_compounds_by_tier_with_one_line_reasons(conn: sqlite3.Connection) -> None:
    goal = queries.get_goal(conn, "liver-health")
    assert goal is not None
    assert [c["slug"] for c in goal["compounds"]] == ["interferon-alpha", "thymosin-alpha"]
    reason = goal["compounds"][1]["reason"]
    assert reason.endswith("survival benefit.") and "randomised" not in reason
    counts = {g["slug"]: g["compound_count"] for g in queries.list_goals(conn)}
    assert counts == {"liver-health": 2, "immune-support": 0}


def test_feeds_and_updates_are_newest_first(conn: sqlite3.Connection) -> None:
    updates = queries.recent_updates(conn, 3)
    assert [u["slug"] for u in updates] == [
        "thymosin-alpha-liver-health",
        "thymosin-alpha",
        "hostile-peptide",
    ]
    entries = queries.feed_entries(conn, "thymosin-alpha")
    kinds = [e["kind"] for e in entries]
    assert "tier" in kinds and "profile" in kinds
    assert entries == sorted(entries, key=lambda e: e["updated"], reverse=True)


def test_counts_and_meta(conn: sqlite3.Connection) -> None:
    assert queries.counts(conn) == {"compounds": 4, "articles": 1, "studies": 2, "goals": 2}
    assert queries.build_info(conn)["build_id"] == "build-1"
    assert queries.first_sentence("One. Two.") == "One."


def test_short_name_is_the_profiles_own_else_its_title(sample_db_path: Path) -> None:
    with sqlite3.connect(sample_db_path) as writer:
        writer.execute(
            "UPDATE compounds SET doc = json_set(doc, '$.short_name', 'Tα1')"
            " WHERE slug = 'thymosin-alpha'"
        )
    db = Database(sample_db_path)
    with db.connection() as conn:
        assert queries.short_name(conn, "thymosin-alpha") == "Tα1"
        assert queries.short_name(conn, "bpc-157") == "BPC-157"
        assert queries.short_name(conn, "no-such-compound") == "no-such-compound"
    db.close()
