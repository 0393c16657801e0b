from __future__ import annotations

import sqlite3
from pathlib import Path

from evidex.search.engine import SearchEngine
from evidex.search.relevance import evaluate, load_cases

RELEVANCE_SET = Path(__file__).with_name("relevance.yaml")


def test_the_relevance_set_is_large_and_points_at_real_documents(
    sample_conn: sqlite3.Connection,
) -> None:
    cases = load_cases(RELEVANCE_SET)
    assert len(cases) >= 60
    known = set(sample_conn.execute("SELECT type, slug FROM search_docs").fetchall())
    assert [c for c in cases if (c.type, c.slug) not in known] == []


def test_mrr_at_10_on_the_relevance_set_is_at_least_0_9(
    engine: SearchEngine, sample_conn: sqlite3.Connection
) -> None:
    report = evaluate(engine, sample_conn, load_cases(RELEVANCE_SET))
    misses = [(o.case.query, o.rank, o.top[:3]) for o in report.misses()]
    assert report.mrr_at_10 >= 0.9, misses
