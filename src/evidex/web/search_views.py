"""Search: the `/search` page, `/api/v1/search` JSON and `/api/v1/suggest` for autocomplete.

Handlers are `async def`, so a search runs on the event loop, one at a time per worker: a search
costs a few hundred µs to a few ms (bounded: the query is cut, the engine caps its candidate
sets), while handing it to the threadpool cost ~150 µs of CPU more per request in thread
switches and the interpreter lock gave a thread no parallelism anyway.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from evidex.search.engine import Hit, SearchEngine, SearchResults, engine_for
from evidex.storage import queries
from evidex.web.deps import build_id, connection
from evidex.web.templating import render_page

router = APIRouter()

TYPES = ("compound", "research", "goal")
GROUP_LABELS = {"compound": "Compounds", "research": "Research", "goal": "Goals"}
PAGE_SIZE = 20
MAX_LIMIT = 50
MAX_OFFSET = 1000
MAX_QUERY_CHARS = 2000  # longer input is cut, never refused


def _engine(request: Request) -> tuple[SearchEngine, Any]:
    conn = connection(request)
    return engine_for(conn, build_id(request)), conn


def _url(hit: Hit) -> str:
    prefix = {"compound": "/compounds/", "research": "/research/", "goal": "/goals/"}[hit.type]
    return prefix + hit.slug


def _types(raw: list[str]) -> set[str] | None:
    wanted = {part.strip() for item in raw for part in item.split(",")} & set(TYPES)
    return wanted or None


def _int_or_none(raw: str | None, low: int, high: int) -> int | None:
    try:
        value = int(str(raw).strip())
    except ValueError:
        return None
    return value if low <= value <= high else None


def _bool_or_none(raw: str | None) -> bool | None:
    text = (raw or "").strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off"):
        return False
    return None


def _run(
    request: Request,
    q: str,
    types: set[str] | None,
    goal: str | None,
    tier: int | None,
    banned: bool | None,
    limit: int,
    offset: int,
) -> SearchResults:
    engine, conn = _engine(request)
    return engine.search(
        conn,
        q[:MAX_QUERY_CHARS],
        types=types,
        goal=(goal or "").strip() or None,
        max_tier=tier,
        banned=banned,
        limit=limit,
        offset=offset,
    )


def _json(answer: dict[str, Any]) -> Response:
    """`answer` as FastAPI would send it, without its walk over every value to validate and
    convert it (a third of a search's cost over a page of hits): it holds JSON's own types."""
    return JSONResponse(answer)


def _hit_json(request: Request, hit: Hit) -> dict[str, Any]:
    site = request.app.state.site
    return {**hit.as_dict(), "url": site.url(_url(hit))}


@router.get("/api/v1/search", tags=["search"], response_model=dict[str, Any])
async def api_search(
    request: Request,
    q: str = "",
    type: Annotated[list[str], Query()] = [],  # noqa: B006 - FastAPI reads the default
    goal: Annotated[str | None, Query(max_length=100)] = None,
    tier: Annotated[int | None, Query(ge=1, le=5)] = None,
    banned: bool | None = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = PAGE_SIZE,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> Response:
    """Ranked results for any name, condition or goal; `tier` keeps tiers up to that number.

    Snippets are safe HTML: escaped text with matched terms in `<mark>`.
    """
    results = _run(request, q, _types(type), goal, tier, banned, limit, offset)
    groups: dict[str, list[dict[str, Any]]] = {name: [] for name in TYPES}
    items = [_hit_json(request, hit) for hit in results.items]
    for item in items:
        groups[item["type"]].append(item)
    following = offset + limit
    return _json(
        {
            "query": results.query,
            "total": results.total,
            "limit": limit,
            "offset": offset,
            "next_offset": following if following < results.total else None,
            "did_you_mean": results.did_you_mean,
            "results": items,
            "groups": groups,
        }
    )


@router.get("/api/v1/suggest", tags=["search"], response_model=dict[str, Any])
async def api_suggest(request: Request, q: str = "") -> Response:
    """Up to 8 compound names starting with (or close to) what was typed."""
    engine, _ = _engine(request)
    site = request.app.state.site
    suggestions = [
        {**item, "url": site.url("/compounds/" + item["slug"])}
        for item in engine.suggest(q[:200], limit=8)
    ]
    return _json({"query": q[:200], "suggestions": suggestions})


@router.get("/search", response_class=HTMLResponse, include_in_schema=False)
async def search_page(request: Request, q: str = "") -> Response:
    """The results page: grouped by type, filters and paging as plain links and a GET form."""
    params = request.query_params
    types = _types(params.getlist("type"))
    goal = (params.get("goal") or "").strip()[:100] or None
    tier = _int_or_none(params.get("tier"), 1, 5)
    banned = _bool_or_none(params.get("banned"))
    page = _int_or_none(params.get("page"), 1, MAX_OFFSET // PAGE_SIZE) or 1
    query = " ".join(q[:MAX_QUERY_CHARS].split())
    unfiltered = types is None and goal is None and tier is None and banned is None
    if query and unfiltered and page == 1 and len(query) <= 200:
        # an exact compound name (any spelling of it) goes straight to the profile
        slug = queries.resolve_name(connection(request), query)
        if slug is not None:
            return RedirectResponse(request.app.state.site.url(f"/compounds/{slug}"), 303)
    results = _run(request, query, types, goal, tier, banned, PAGE_SIZE, (page - 1) * PAGE_SIZE)
    grouped = [
        (GROUP_LABELS[name], [(hit, _url(hit)) for hit in results.items if hit.type == name])
        for name in TYPES
    ]
    kept: list[tuple[str, str]] = [("q", query)]
    kept += [("type", t) for t in sorted(types or ())]
    kept += [(k, str(v)) for k, v in (("goal", goal), ("tier", tier)) if v is not None]
    if banned is not None:
        kept.append(("banned", "true" if banned else "false"))

    def page_link(number: int) -> str:
        return "/search?" + urlencode([*kept, ("page", str(number))])

    pages = -(-results.total // PAGE_SIZE)
    conn = connection(request)
    goal_options = [
        (str(row[0]), str(row[1])) for row in conn.execute("SELECT slug, name FROM goals")
    ]
    return render_page(
        request,
        "search.html",
        {
            "q": query,
            "results": results,
            "grouped": [group for group in grouped if group[1]],
            "types": types or set(),
            "type_options": [(name, GROUP_LABELS[name]) for name in TYPES],
            "goal": goal,
            "goal_options": sorted(goal_options, key=lambda g: g[1].lower()),
            "tier": tier,
            "banned": banned,
            "page": page,
            "pages": pages,
            "previous_link": page_link(page - 1) if page > 1 else None,
            "next_link": page_link(page + 1) if page < pages else None,
            "did_you_mean_link": (
                "/search?" + urlencode([("q", results.did_you_mean)])
                if results.did_you_mean
                else None
            ),
        },
    )
