"""Server-rendered HTML pages. Handlers are plain `def` (threadpool) because they read SQLite."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup

from evidex.content.models import Regimen
from evidex.content.names import fold_name
from evidex.content.regimen_rows import regimen_rows
from evidex.content.render import markdown_to_html
from evidex.evidence.presentation import phone_plot, reference_list, study_view
from evidex.search.engine import engine_for
from evidex.storage import queries
from evidex.web import feeds, seo
from evidex.web.deps import (
    article_of,
    build_id,
    canonical_redirect,
    compound_evidence_of,
    connection,
    database,
    shared,
)
from evidex.web.errors import error_response
from evidex.web.fragments import profile_sections, profile_toc, study_table
from evidex.web.templating import own_origin, render_text

router = APIRouter(include_in_schema=False)

METHODOLOGY_FILE = Path(__file__).resolve().parents[3] / "docs" / "methodology.md"
PAGE_SIZE = 100
SIDE_EFFECT_GROUPS = (
    ("common", "Common"),
    ("rare_serious", "Rare but serious"),
    ("long_term", "Long-term"),
    ("adverse_reactions", "Adverse drug reactions"),
)

OptionalText = Annotated[str | None, Query(max_length=100)]


def _absolute(request: Request) -> Callable[[str], str]:
    site = request.app.state.site
    base = own_origin(request)
    return lambda path: str(site.absolute(path, base))


def _not_found_compound(request: Request, conn: sqlite3.Connection, name: str) -> Response:
    suggestions = engine_for(conn, build_id(request)).close_names(name)
    return error_response(
        request,
        404,
        f"No compound is called “{name}”.",
        suggestions=suggestions,
    )


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> Response:
    conn = connection(request)

    def render() -> str:
        return render_text(
            request,
            "index.html",
            {
                "goals": queries.list_goals(conn),
                "updates": queries.recent_updates(conn, 8),
                "counts": queries.counts(conn),
            },
        )

    return HTMLResponse(render())


def _flag(value: str | None, name: str) -> bool | None:
    if value in (None, ""):
        return None
    lowered = value.lower()
    if lowered in ("1", "true", "yes", "on"):
        return True
    if lowered in ("0", "false", "no", "off"):
        return False
    raise HTTPException(422, f"{name} must be yes or no")


def _tier(value: str | None) -> int | None:
    if value in (None, ""):
        return None
    if value not in ("1", "2", "3", "4", "5"):
        raise HTTPException(422, "tier must be a number from 1 to 5")
    return int(value)


def _query_without_page(request: Request) -> str:
    kept = [(k, v) for k, v in request.query_params.multi_items() if k != "page" and v]
    return urlencode(kept) + "&" if kept else ""


@router.get("/compounds", response_class=HTMLResponse)
def compounds(
    request: Request,
    compound_class: Annotated[str | None, Query(alias="class", max_length=100)] = None,
    goal: OptionalText = None,
    tier: Annotated[str | None, Query(max_length=1)] = None,
    banned: Annotated[str | None, Query(max_length=5)] = None,
    route: OptionalText = None,
    letter: Annotated[str | None, Query(pattern=r"^([A-Za-z#])?$")] = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    filters: dict[str, Any] = {
        "class": compound_class or None,
        "goal": goal or None,
        "tier": _tier(tier),
        "banned": _flag(banned, "banned"),
        "route": route or None,
        "letter": letter.upper() if letter else None,
    }
    conn = connection(request)

    static_export = request.app.state.site.static_export

    def render() -> str:
        if static_export:
            # A file server cannot answer ?page= or filters: list everything on one page.
            result = queries.all_compounds(conn)
        else:
            result = queries.list_compounds(conn, filters, PAGE_SIZE, (page - 1) * PAGE_SIZE)
        pages = max(1, -(-result["total"] // PAGE_SIZE)) if not static_export else 1
        groups: dict[str, list[dict[str, Any]]] = {}
        for item in result["items"]:
            first = item["title"][:1].upper()
            groups.setdefault(first if first.isascii() and first.isalpha() else "#", []).append(
                item
            )
        return render_text(
            request,
            "compounds.html",
            {
                "result": result,
                "groups": groups,
                "filters": filters,
                "facets": queries.compound_facets(conn),
                "goal_names": {g["slug"]: g["name"] for g in queries.list_goals(conn)},
                "page": page,
                "pages": pages,
                "query_base": _query_without_page(request),
            },
        )

    return HTMLResponse(render())


def other_names(doc: dict[str, Any]) -> list[str]:
    """Alternate names and aliases, one per folded spelling, without the title itself."""
    seen = {fold_name(doc["title"])}
    names = []
    for name in [*doc.get("names", {}).get("alternate", []), *doc.get("aliases", [])]:
        key = fold_name(name)
        if key and key not in seen:
            seen.add(key)
            names.append(name)
    return names


def first_warnings(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The "do not use" lines a profile opens with: a named situation before the allergy to
    the product itself, which almost every medicine lists."""
    serious = [i for i in items if i.get("severity") == "contraindicated"]
    return sorted(serious, key=lambda i: i.get("condition") == "hypersensitivity")


def distinct_contraindications(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One line per sentence: the profile parser files "Pregnancy and breastfeeding: use
    caution." under both conditions (the stack builder screens each), but a reader needs it
    once. When the same sentence carries two severities, the stricter one is shown."""
    by_text: dict[str, dict[str, Any]] = {}
    for item in items:
        key = " ".join(fold_name(item.get("text", "")).split())
        kept = by_text.get(key)
        if kept is None:
            by_text[key] = item
        elif item.get("severity") == "contraindicated":
            by_text[key] = {**kept, "severity": "contraindicated"}
    return list(by_text.values())


@router.get("/compounds/{name}", response_class=HTMLResponse)
def compound(request: Request, name: str) -> Response:
    conn = connection(request)
    slug, redirect = canonical_redirect(request, conn, name)
    if redirect is not None:
        return redirect
    doc = queries.get_compound(conn, slug) if slug else None
    if doc is None:
        return _not_found_compound(request, conn, name)

    def render() -> str:
        combo_slugs = [c["slug"] for c in doc.get("combinations", []) if c.get("slug")]
        contraindications = distinct_contraindications(doc.get("contraindications", []))
        # The FAQ section of the body duplicates the structured FAQs shown below.
        sections = [s for s in doc.get("sections", []) if not (s["key"] == "faqs" and doc["faqs"])]
        page_url = request.app.state.site.absolute(f"/compounds/{doc['slug']}")
        return render_text(
            request,
            "compound.html",
            {
                "c": doc,
                "other_names": other_names(doc),
                "contraindications": contraindications,
                "first_warnings": first_warnings(contraindications),
                "regimen_rows": regimen_rows(
                    [Regimen.model_validate(r) for r in doc.get("regimens", [])]
                ),
                "toc": profile_toc(doc, sections),
                "sections": profile_sections(sections),
                "tiers": queries.compound_tiers(conn, doc["slug"]),
                "combo_titles": queries.compound_titles(conn, combo_slugs),
                "side_effect_groups": SIDE_EFFECT_GROUPS,
                "json_ld_blocks": [
                    b for b in (seo.drug_ld(doc, page_url), seo.faq_ld(doc.get("faqs", []))) if b
                ],
            },
        )

    return HTMLResponse(render())


@router.get("/compounds/{name}/evidence", response_class=HTMLResponse)
def compound_evidence(request: Request, name: str, goal: OptionalText = None) -> Response:
    conn = connection(request)
    slug, redirect = canonical_redirect(request, conn, name, "/evidence")
    if redirect is not None:
        return redirect
    evidence = compound_evidence_of(request, conn, slug, goal or None) if slug else None
    if evidence is None:
        return _not_found_compound(request, conn, name)

    def render() -> str:
        compound = evidence["compound"]
        goals = [
            {
                **g,
                "table": _study_table(request, conn, compound["slug"], g),
                "phone_svg": _phone_plot(request, conn, compound, g) if g["forest_svg"] else "",
            }
            for g in evidence["goals"]
        ]
        return render_text(
            request, "evidence.html", {"e": {**evidence, "goals": goals}, "goal": goal}
        )

    return HTMLResponse(render())


def _short_name(request: Request, conn: sqlite3.Connection, slug: str) -> str:
    return shared(request, ("short name", slug), lambda: queries.short_name(conn, slug))


def _study_views(
    request: Request, conn: sqlite3.Connection, slug: str, graded: dict[str, Any]
) -> list[dict[str, Any]]:
    """The studies of one compound x goal as its evidence page and its article list them."""

    def views() -> list[dict[str, Any]]:
        short = _short_name(request, conn, slug)
        return [study_view(s, short) for s in graded["studies"]]

    return shared(request, ("study views", slug, graded["goal"]), views)


def _study_table(
    request: Request, conn: sqlite3.Connection, slug: str, graded: dict[str, Any]
) -> Markup:
    """The studies table of one compound x goal, on its evidence page and its article alike."""

    def table() -> Markup:
        return study_table(_study_views(request, conn, slug, graded))

    return shared(request, ("study table", slug, graded["goal"]), table)


def _phone_plot(
    request: Request, conn: sqlite3.Connection, compound: dict[str, Any], graded: dict[str, Any]
) -> str:
    """The forest plot of one compound x goal at a phone's width, on its evidence page and on
    its article alike."""

    def plot() -> str:
        return phone_plot(
            graded["studies"],
            compound=_short_name(request, conn, compound["slug"]),
            title=f"{compound['title']} for {graded['goal_name'].lower()}",
            pooled=graded["details"].get("pooled", []),
        )

    return shared(request, ("phone plot", compound["slug"], graded["goal"]), plot)


@router.get("/compounds/{name}/feed.xml")
def compound_feed(request: Request, name: str) -> Response:
    conn = connection(request)
    slug, redirect = canonical_redirect(request, conn, name, "/feed.xml")
    if redirect is not None:
        return redirect
    doc = queries.get_compound(conn, slug) if slug else None
    if doc is None:
        return _not_found_compound(request, conn, name)
    xml = feeds.atom_feed(
        f"Evidex: {doc['title']} updates",
        f"/compounds/{doc['slug']}/feed.xml",
        f"/compounds/{doc['slug']}",
        queries.feed_entries(conn, doc["slug"]),
        _absolute(request),
        database(request).current().meta.get("built_at"),
    )
    return Response(xml, media_type="application/atom+xml")


@router.get("/research", response_class=HTMLResponse)
def research_list(request: Request) -> Response:
    conn = connection(request)
    return HTMLResponse(
        render_text(request, "research_list.html", {"articles": queries.list_articles(conn)}),
    )


@router.get("/research/{slug}", response_class=HTMLResponse)
def research(request: Request, slug: str) -> Response:
    conn = connection(request)
    article = article_of(request, conn, slug)
    if article is None:
        return error_response(request, 404, f"No research article is called “{slug}”.")

    def render() -> str:
        page_url = request.app.state.site.absolute(f"/research/{slug}")
        compound_slug = article.get("compound_slug")
        studies = article["evidence_studies"]
        computed = article["computed"]
        if computed:  # the article's compound x goal, as the compound's evidence page shows it
            graded = {
                "goal": article["goal"],
                "goal_name": article["goal_name"],
                "studies": studies,
                "details": {"pooled": computed["pooled"]},
            }
            compound = {"slug": compound_slug, "title": computed["compound_title"]}
            views = _study_views(request, conn, str(compound_slug), graded)
            table = _study_table(request, conn, str(compound_slug), graded)
            phone_svg = (
                _phone_plot(request, conn, compound, graded) if computed["forest_svg"] else ""
            )
        else:
            short = (
                queries.short_name(conn, compound_slug) if compound_slug else article["compound"]
            )
            views, phone_svg = [study_view(s, short) for s in studies], ""
            table = study_table(views)
        return render_text(
            request,
            "research.html",
            {
                "a": article,
                "views": views,
                "table": table,
                "phone_svg": phone_svg,
                "references": reference_list(views),
                "json_ld_blocks": [seo.article_ld(article, page_url)],
            },
        )

    return HTMLResponse(render())


@router.get("/goals", response_class=HTMLResponse)
def goals(request: Request) -> Response:
    conn = connection(request)
    return HTMLResponse(render_text(request, "goals.html", {"goals": queries.list_goals(conn)}))


@router.get("/goals/{slug}", response_class=HTMLResponse)
def goal(request: Request, slug: str) -> Response:
    conn = connection(request)
    found = queries.get_goal(conn, slug)
    if found is None:
        return error_response(request, 404, f"No health goal is called “{slug}”.")
    return HTMLResponse(render_text(request, "goal.html", {"g": found}))


def methodology_html(conn: sqlite3.Connection) -> str:
    """The rubric page: stored by the build in meta, else rendered from docs/methodology.md."""
    stored = queries.meta_value(conn, "methodology_html")
    if stored:
        return stored
    if METHODOLOGY_FILE.is_file():
        return markdown_to_html(METHODOLOGY_FILE.read_text(encoding="utf-8"))
    return ""


_LEADING_H1 = re.compile(r"^\s*<h1[^>]*>(?P<heading>.*?)</h1>\s*", re.S)


def split_leading_heading(html: str) -> tuple[str | None, str]:
    """The document's own `# ` title (inner HTML) and the rest; the page keeps one <h1>."""
    match = _LEADING_H1.match(html)
    if match is None:
        return None, html
    return match.group("heading").strip(), html[match.end() :]


@router.get("/methodology", response_class=HTMLResponse)
def methodology(request: Request) -> Response:
    conn = connection(request)

    def render() -> str:
        heading, body = split_leading_heading(methodology_html(conn))
        return render_text(
            request, "methodology.html", {"heading_html": heading, "body_html": body}
        )

    return HTMLResponse(render())


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> Response:
    """The interactive API reference (Swagger UI) inside the site's own header and footer."""
    return HTMLResponse(render_text(request, "docs.html", {}))


@router.get("/about", response_class=HTMLResponse)
def about(request: Request) -> Response:
    conn = connection(request)
    return HTMLResponse(
        render_text(request, "about.html", {"info": queries.build_info(conn)}),
    )


@router.get("/feed.xml")
def site_feed(request: Request) -> Response:
    conn = connection(request)
    xml = feeds.atom_feed(
        "Evidex updates",
        "/feed.xml",
        "/",
        queries.feed_entries(conn),
        _absolute(request),
        database(request).current().meta.get("built_at"),
    )
    return Response(xml, media_type="application/atom+xml")


@router.get("/sitemap.xml")
def sitemap(request: Request) -> Response:
    tools = not request.app.state.site.static_export
    xml = seo.sitemap_xml(connection(request), _absolute(request), tools=tools)
    return Response(xml, media_type="application/xml")


@router.get("/robots.txt")
def robots(request: Request) -> Response:
    return Response(seo.robots_txt(_absolute(request)("/sitemap.xml")), media_type="text/plain")
