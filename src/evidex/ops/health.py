"""`/healthz`: which build is served, how old it is, and what it holds."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, Request, Response

from evidex.storage.db import Database

NO_STORE = "no-store"
COUNT_KEYS = ("compounds", "articles", "studies", "goals", "vendors", "tiers")

router = APIRouter(include_in_schema=False)


def build_age_seconds(built_at: str | None, now: datetime | None = None) -> float | None:
    """Seconds since `built_at` (ISO 8601); None when absent or unreadable."""
    if not built_at:
        return None
    try:
        when = datetime.fromisoformat(built_at)
    except ValueError:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, ((now or datetime.now(UTC)) - when).total_seconds())


def library_counts(meta: dict[str, str]) -> dict[str, int]:
    return {key: int(meta[key]) for key in COUNT_KEYS if meta.get(key, "").isdigit()}


def health_report(db: Database) -> dict[str, Any]:
    generation = db.current()
    meta = generation.meta
    age = build_age_seconds(meta.get("built_at"))
    return {
        "status": "ok",
        "build": generation.build_id,
        "built_at": meta.get("built_at"),
        "age_seconds": None if age is None else round(age, 1),
        "schema_version": meta.get("schema_version"),
        "counts": library_counts(meta),
    }


@router.get("/healthz")
def healthz(request: Request, response: Response) -> dict[str, Any]:
    response.headers["cache-control"] = NO_STORE  # live figures: never from a cache or memo
    return health_report(request.app.state.db)
