"""JSON API under /api/v1: the same query dicts as the pages, typed for OpenAPI."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request, Response
from fastapi.routing import APIRoute
from pydantic import BaseModel, Field

from evidex.content.models import Article, Compound, Goal
from evidex.evidence.models import Study
from evidex.search.engine import engine_for
from evidex.storage import queries
from evidex.web.deps import article_of, build_id, compound_evidence_of, connection, slug_of


class ErrorOut(BaseModel):
    detail: str


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorOut, "description": "Not found"},
    414: {"model": ErrorOut, "description": "Query string over the size limit"},
    422: {"model": ErrorOut, "description": "Invalid parameters"},
}

router = APIRouter(prefix="/api/v1", tags=["api"], responses=ERROR_RESPONSES)


class CompoundSummary(BaseModel):
    slug: str
    title: str
    description: str
    is_banned: bool
    compound_class: str | None
    last_modified: str | None
    routes: list[str]
    goals: list[str]
    best_tier: int | None = Field(description="lowest (best) computed tier over all goals")


class CompoundList(BaseModel):
    items: list[CompoundSummary]
    total: int
    build: str = Field("", description="id of the build that answered (as X-Evidex-Build)")


class CompoundRef(BaseModel):
    slug: str
    title: str


class GoalEvidence(BaseModel):
    goal: str
    goal_name: str
    tier: int
    tier_name: str
    rationale: str
    forest_svg: str
    details: dict[str, Any]
    article_slug: str | None
    studies: list[Study]


class EvidenceOut(BaseModel):
    compound: CompoundRef
    goals: list[GoalEvidence]


class ArticleSummary(BaseModel):
    slug: str
    title: str
    compound_slug: str | None
    goal: str
    goal_name: str
    tier_claimed: int | None
    tier: int | None = Field(description="computed tier for the compound and goal")
    tier_name: str | None
    last_modified: str | None
    summary: str


class ComputedTier(BaseModel):
    tier: int
    tier_name: str
    rationale: str
    forest_svg: str


class ArticleOut(Article):
    goal_name: str
    computed: ComputedTier | None
    evidence_studies: list[Study]


class GoalSummary(BaseModel):
    slug: str
    name: str
    description: str
    compound_count: int


class GoalCompound(BaseModel):
    slug: str
    title: str
    is_banned: bool
    tier: int
    tier_name: str
    reason: str
    n_studies: int
    article_slug: str | None


class GoalOut(Goal):
    compounds: list[GoalCompound]


class MetaOut(BaseModel):
    build: dict[str, Any] = Field(
        description="build_id, built_at, content_hash, schema_version (a number), currency_rates"
    )
    counts: dict[str, int]


class EndpointOut(BaseModel):
    path: str
    description: str


class ApiIndexOut(BaseModel):
    version: str
    openapi: str
    docs: str
    endpoints: list[EndpointOut]


Text = Annotated[str | None, Query(max_length=100)]


def _resolve(request: Request, name: str) -> str:
    conn = connection(request)
    slug = slug_of(request, conn, name)
    if slug is None:
        suggestions = engine_for(conn, build_id(request)).close_names(name, 3)
        close = ", ".join(s["title"] for s in suggestions)
        hint = f" Did you mean: {close}?" if close else ""
        raise HTTPException(404, f"no compound called {name!r}.{hint}")
    return slug


@router.get("/compounds", response_model=CompoundList)
def api_compounds(
    request: Request,
    compound_class: Annotated[str | None, Query(alias="class", max_length=100)] = None,
    goal: Text = None,
    tier: Annotated[int | None, Query(ge=1, le=5)] = None,
    banned: bool | None = None,
    route: Text = None,
    letter: Annotated[str | None, Query(pattern=r"^[A-Za-z#]$")] = None,
    limit: Annotated[int, Query(ge=1, le=queries.MAX_LIMIT)] = 100,
    offset: Annotated[int, Query(ge=0, le=1_000_000_000)] = 0,
) -> dict[str, Any]:
    """Compounds A–Z, filtered; `total` counts every match, `items` one page of them."""
    filters = {
        "class": compound_class,
        "goal": goal,
        "tier": tier,
        "banned": banned,
        "route": route,
        "letter": letter.upper() if letter else None,
    }
    listing = queries.list_compounds(connection(request), filters, limit, offset)
    return {**listing, "build": build_id(request)}


@router.get("/compounds/{name}", response_model=Compound)
def api_compound(request: Request, name: str) -> Response:
    """One compound by any of its names (slug, title, brand, alternate, alias)."""
    # Sent as stored: the build wrote the document with the model's own serialiser, so checking
    # and re-serialising it here would give the same bytes at several times the cost.
    body = queries.compound_json(connection(request), _resolve(request, name))
    if body is None:
        raise HTTPException(404, f"no compound called {name!r}")
    return Response(body, media_type="application/json")


@router.get("/compounds/{name}/evidence", response_model=EvidenceOut)
def api_compound_evidence(request: Request, name: str, goal: Text = None) -> dict[str, Any]:
    """Computed tiers per goal with their studies and forest plot; `goal` narrows to one."""
    evidence = compound_evidence_of(request, connection(request), _resolve(request, name), goal)
    if evidence is None:
        raise HTTPException(404, f"no compound called {name!r}")
    return evidence


@router.get("/research", response_model=list[ArticleSummary])
def api_research(request: Request) -> list[dict[str, Any]]:
    """Every research article with its compound, goal and tiers."""
    return queries.list_articles(connection(request))


@router.get("/research/{slug}", response_model=ArticleOut)
def api_article(request: Request, slug: str) -> dict[str, Any]:
    """One research article with its claimed and computed tier."""
    article = article_of(request, connection(request), slug)
    if article is None:
        raise HTTPException(404, f"no research article called {slug!r}")
    return article


@router.get("/goals", response_model=list[GoalSummary])
def api_goals(request: Request) -> list[dict[str, Any]]:
    """Every health goal with how many compounds are graded for it."""
    return queries.list_goals(connection(request))


@router.get("/goals/{slug}", response_model=GoalOut)
def api_goal(request: Request, slug: str) -> dict[str, Any]:
    """One health goal with its compounds ranked by tier."""
    goal = queries.get_goal(connection(request), slug)
    if goal is None:
        raise HTTPException(404, f"no health goal called {slug!r}")
    return goal


@router.get("/meta", response_model=MetaOut)
def api_meta(request: Request) -> dict[str, Any]:
    """The build: id, time, schema version, exchange rates and counts."""
    return queries.build_summary(connection(request))


@router.get("", response_model=ApiIndexOut)
def api_index(request: Request) -> dict[str, Any]:
    """What this API answers: every endpoint with a line on what it returns."""
    site = request.app.state.site
    endpoints = [
        {"path": site.url(route.path), "description": route.description.split("\n")[0]}
        for route in router.routes
        if isinstance(route, APIRoute) and route.path != router.prefix and route.include_in_schema
    ]
    return {
        "version": "v1",
        "openapi": site.url("/openapi.json"),
        "docs": site.url("/docs"),
        "endpoints": endpoints,
    }
