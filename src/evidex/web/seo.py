"""Search-engine conventions: schema.org JSON-LD, the sitemap and robots.txt."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any
from xml.sax.saxutils import escape

from evidex.storage import queries


def drug_ld(compound: dict[str, Any], page_url: str) -> dict[str, Any]:
    names = compound.get("names") or {}
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Drug",
        "name": compound.get("title", ""),
        "description": compound.get("description", ""),
        "url": page_url,
    }
    alternates = [*names.get("alternate", []), *compound.get("aliases", [])]
    if alternates:
        data["alternateName"] = alternates
    if names.get("brand"):
        data["proprietaryName"] = names["brand"]
    if compound.get("compound_class"):
        data["drugClass"] = {"@type": "DrugClass", "name": compound["compound_class"]}
    if compound.get("mechanism"):
        data["mechanismOfAction"] = compound["mechanism"]
    if compound.get("routes"):
        data["administrationRoute"] = compound["routes"]
    if compound.get("pregnancy_category"):
        data["pregnancyCategory"] = compound["pregnancy_category"]
    if compound.get("last_modified"):
        data["dateModified"] = compound["last_modified"]
    return data


def faq_ld(faqs: list[dict[str, Any]]) -> dict[str, Any] | None:
    if not faqs:
        return None
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": faq.get("q", ""),
                "acceptedAnswer": {"@type": "Answer", "text": faq.get("a", "")},
            }
            for faq in faqs
        ],
    }


def article_ld(article: dict[str, Any], page_url: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "MedicalScholarlyArticle",
        "headline": article.get("title", ""),
        "description": article.get("summary", ""),
        "url": page_url,
        "about": {"@type": "Drug", "name": article.get("compound", "")},
    }
    if article.get("last_modified"):
        data["dateModified"] = article["last_modified"]
    return data


def site_paths(conn: sqlite3.Connection) -> list[tuple[str, str | None]]:
    """Every public HTML page as (path, last modified or None)."""
    paths: list[tuple[str, str | None]] = [
        ("/", None),
        ("/compounds", None),
        ("/research", None),
        ("/goals", None),
        ("/methodology", None),
        ("/about", None),
    ]
    for row in conn.execute("SELECT slug, last_modified FROM compounds ORDER BY slug"):
        paths.append((f"/compounds/{row[0]}", row[1]))
        paths.append((f"/compounds/{row[0]}/evidence", row[1]))
    for row in conn.execute("SELECT slug, last_modified FROM articles ORDER BY slug"):
        paths.append((f"/research/{row[0]}", row[1]))
    for goal in queries.list_goals(conn):
        paths.append((f"/goals/{goal['slug']}", None))
    return paths


def tool_paths(conn: sqlite3.Connection) -> list[tuple[str, str | None]]:
    """Pages that answer forms (stack builder, vendor finder, dose tools): served by the
    server only, so they are in its sitemap but not in a static export."""
    paths: list[tuple[str, str | None]] = [
        ("/stack", None),
        ("/vendors", None),
        ("/tools/reconstitution", None),
    ]
    for row in conn.execute("SELECT slug FROM compounds ORDER BY slug"):
        paths.append((f"/compounds/{row[0]}/vendors", None))
    return paths


def sitemap_xml(
    conn: sqlite3.Connection, absolute: Callable[[str], str], *, tools: bool = True
) -> str:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ]
    for path, modified in site_paths(conn) + (tool_paths(conn) if tools else []):
        lines.append(f"  <url><loc>{escape(absolute(path))}</loc>")
        if modified:
            lines.append(f"    <lastmod>{escape(modified[:10])}</lastmod>")
        lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def robots_txt(sitemap_url: str) -> str:
    """robots.txt; the Sitemap line only with an absolute URL (the only kind crawlers read)."""
    text = "User-agent: *\nAllow: /\nDisallow: /api/\n"
    if sitemap_url.startswith(("https://", "http://")):
        text += f"Sitemap: {sitemap_url}\n"
    return text
