"""Scoring the ranker against a hand-written relevance set (MRR@10 and recall@1)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

import yaml

from evidex.search.engine import SearchEngine


@dataclass(frozen=True)
class RelevanceCase:
    query: str
    type: str
    slug: str


@dataclass
class CaseOutcome:
    case: RelevanceCase
    rank: int | None  # 1-based rank of the expected result within the top 10
    top: list[tuple[str, str]]


@dataclass
class RelevanceReport:
    mrr_at_10: float
    recall_at_1: float
    outcomes: list[CaseOutcome]

    def misses(self) -> list[CaseOutcome]:
        return [o for o in self.outcomes if o.rank != 1]


def load_cases(path: Path) -> list[RelevanceCase]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return [
        RelevanceCase(str(item["q"]), str(item["type"]), str(item["slug"]))
        for item in data.get("queries", [])
    ]


def evaluate(
    engine: SearchEngine, conn: sqlite3.Connection, cases: list[RelevanceCase]
) -> RelevanceReport:
    outcomes = []
    for case in cases:
        results = engine.search(conn, case.query, limit=10)
        top = [(hit.type, hit.slug) for hit in results.items]
        rank = top.index((case.type, case.slug)) + 1 if (case.type, case.slug) in top else None
        outcomes.append(CaseOutcome(case, rank, top))
    count = max(len(outcomes), 1)
    mrr = sum(1.0 / o.rank for o in outcomes if o.rank) / count
    recall = sum(1 for o in outcomes if o.rank == 1) / count
    return RelevanceReport(round(mrr, 4), round(recall, 4), outcomes)
