"""Read queries over the build artifact: plain dicts shared by pages, the JSON API and the CLI.

Every `doc` column holds a model's `model_dump(mode="json")`, so the dicts returned here carry
the models' field names unchanged; list views add a few computed keys (documented per function).
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable
from typing import Any

from evidex.content.models import Goal
from evidex.content.names import family_key, fold_name
from evidex.content.vocab import match_goal

MAX_LIMIT = 500
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _doc(value: str) -> dict[str, Any]:
    loaded = json.loads(value)
    return loaded if isinstance(loaded, dict) else {}


def first_sentence(text: str, limit: int = 220) -> str:
    """The first sentence of a rationale, for one-line reasons."""
    sentence = _SENTENCE_END.split(text.strip(), maxsplit=1)[0] if text.strip() else ""
    if len(sentence) > limit:
        sentence = sentence[: limit - 1].rstrip() + "…"
    return sentence


# --- build facts -----------------------------------------------------------------------------


def build_info(conn: sqlite3.Connection) -> dict[str, str]:
    """Every meta key: build_id, built_at, schema_version, content_hash, ..."""
    return {str(k): str(v) for k, v in conn.execute("SELECT key, value FROM meta")}


def meta_value(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    """How many compounds, articles, studies and goals the build holds."""
    result: dict[str, int] = {}
    for table in ("compounds", "articles", "studies", "goals"):
        result[table] = int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    return result


# --- names -----------------------------------------------------------------------------------


def resolve_name(conn: sqlite3.Connection, name: str) -> str | None:
    """The canonical slug for any name of a compound (title, slug, brand, alias...), or None."""
    for key in (fold_name(name), family_key(name)):
        if not key:
            continue
        row = conn.execute("SELECT slug FROM names WHERE key = ?", (key,)).fetchone()
        if row is not None:
            return str(row[0])
    return None


# --- compounds -------------------------------------------------------------------------------


def _goal_names(conn: sqlite3.Connection) -> dict[str, str]:
    return {str(r[0]): str(r[1]) for r in conn.execute("SELECT slug, name FROM goals")}


def compound_tiers(conn: sqlite3.Connection, slug: str) -> list[dict[str, Any]]:
    """[{goal, goal_name, tier, tier_name, rationale, article_slug}] for one compound."""
    names = _goal_names(conn)
    articles = {
        str(r[0]): str(r[1])
        for r in conn.execute(
            "SELECT goal, slug FROM articles WHERE compound_slug = ? ORDER BY slug", (slug,)
        )
    }
    rows = conn.execute(
        "SELECT goal, tier, tier_name, rationale FROM tiers WHERE compound_slug = ? "
        "ORDER BY tier, goal",
        (slug,),
    )
    return [
        {
            "goal": row["goal"],
            "goal_name": names.get(row["goal"], row["goal"]),
            "tier": row["tier"],
            "tier_name": row["tier_name"],
            "rationale": row["rationale"],
            "article_slug": articles.get(row["goal"]),
        }
        for row in rows
    ]


def _compound_filters(filters: dict[str, Any]) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if filters.get("class"):
        clauses.append(
            "(lower(c.compound_class) = lower(?) OR EXISTS (SELECT 1 FROM "
            "json_each(c.doc, '$.classes') WHERE lower(value) = lower(?)))"
        )
        params += [filters["class"], filters["class"]]
    goal = filters.get("goal")
    tier = filters.get("tier")
    if goal and tier is not None:
        clauses.append(
            "EXISTS (SELECT 1 FROM tiers t WHERE t.compound_slug = c.slug AND t.goal = ? "
            "AND t.tier = ?)"
        )
        params += [goal, tier]
    else:
        if goal:
            clauses.append(
                "(EXISTS (SELECT 1 FROM json_each(c.goals) WHERE value = ?) OR EXISTS "
                "(SELECT 1 FROM tiers t WHERE t.compound_slug = c.slug AND t.goal = ?))"
            )
            params += [goal, goal]
        if tier is not None:
            clauses.append(
                "EXISTS (SELECT 1 FROM tiers t WHERE t.compound_slug = c.slug AND t.tier = ?)"
            )
            params.append(tier)
    if filters.get("banned") is not None:
        clauses.append("c.is_banned = ?")
        params.append(1 if filters["banned"] else 0)
    if filters.get("route"):
        clauses.append("EXISTS (SELECT 1 FROM json_each(c.routes) WHERE lower(value) = lower(?))")
        params.append(filters["route"])
    letter = filters.get("letter")
    if letter:
        if letter == "#":
            clauses.append("upper(substr(c.title, 1, 1)) NOT BETWEEN 'A' AND 'Z'")
        else:
            clauses.append("upper(substr(c.title, 1, 1)) = upper(?)")
            params.append(letter)
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    return where, params


def list_compounds(
    conn: sqlite3.Connection,
    filters: dict[str, Any] | None = None,
    limit: int = 100,
    offset: int = 0,
) -> dict[str, Any]:
    """Compounds A–Z matching filters (class, goal, tier, banned, route, letter).

    Returns {"items": [{slug, title, description, is_banned, compound_class, last_modified,
    routes, goals, best_tier}], "total": N}; best_tier is the lowest computed tier or None.
    """
    where, params = _compound_filters(filters or {})
    limit = max(0, min(limit, MAX_LIMIT))
    total = int(conn.execute(f"SELECT count(*) FROM compounds c {where}", params).fetchone()[0])
    return {"items": _compound_items(conn, where, params, limit, offset), "total": total}


def all_compounds(conn: sqlite3.Connection) -> dict[str, Any]:
    """Every compound as list_compounds gives them, on one page (the static export's list)."""
    items = _compound_items(conn, "", [], -1, 0)  # LIMIT -1: no limit
    return {"items": items, "total": len(items)}


def _compound_items(
    conn: sqlite3.Connection, where: str, params: list[Any], limit: int, offset: int
) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT c.slug, c.title, c.description, c.is_banned, c.compound_class, c.last_modified,"
        " c.routes, c.goals, (SELECT min(tier) FROM tiers t WHERE t.compound_slug = c.slug)"
        f" AS best_tier FROM compounds c {where} ORDER BY lower(c.title), c.slug"
        " LIMIT ? OFFSET ?",
        [*params, limit, max(0, offset)],
    ).fetchall()
    return [
        {
            "slug": row["slug"],
            "title": row["title"],
            "description": row["description"],
            "is_banned": bool(row["is_banned"]),
            "compound_class": row["compound_class"],
            "last_modified": row["last_modified"],
            "routes": json.loads(row["routes"]),
            "goals": json.loads(row["goals"]),
            "best_tier": row["best_tier"],
        }
        for row in rows
    ]


def compound_facets(conn: sqlite3.Connection) -> dict[str, list[str]]:
    """Values for the compound filters: classes, routes, goals (slugs), letters."""
    classes = sorted(
        {str(r[0]) for r in conn.execute("SELECT compound_class FROM compounds") if r[0]},
        key=str.lower,
    )
    routes = sorted(
        {
            str(r[0])
            for r in conn.execute(
                "SELECT DISTINCT j.value FROM compounds, json_each(compounds.routes) j"
            )
        }
    )
    goals = [str(r[0]) for r in conn.execute("SELECT slug FROM goals ORDER BY name")]
    letters = sorted(
        {
            (t[:1].upper() if t[:1].isascii() and t[:1].isalpha() else "#")
            for (t,) in conn.execute("SELECT title FROM compounds")
        }
    )
    return {"classes": classes, "routes": routes, "goals": goals, "letters": letters}


def get_compound(conn: sqlite3.Connection, slug: str) -> dict[str, Any] | None:
    """The stored Compound as JSON (exactly the model's fields), or None."""
    row = conn.execute("SELECT doc FROM compounds WHERE slug = ?", (slug,)).fetchone()
    return None if row is None else _doc(row[0])


def short_name(conn: sqlite3.Connection, slug: str) -> str:
    """How evidence labels name a compound: its `short_name` ("Tα1"), else its title."""
    row = conn.execute(
        "SELECT title, json_extract(doc, '$.short_name') FROM compounds WHERE slug = ?", (slug,)
    ).fetchone()
    if row is None:
        return slug
    return str(row[1] or row[0])


def compound_json(conn: sqlite3.Connection, slug: str) -> str | None:
    """The stored Compound as the JSON text the build wrote (the model's own dump), or None."""
    row = conn.execute("SELECT doc FROM compounds WHERE slug = ?", (slug,)).fetchone()
    return None if row is None else str(row[0])


def compound_titles(conn: sqlite3.Connection, slugs: list[str]) -> dict[str, str]:
    if not slugs:
        return {}
    marks = ",".join("?" * len(slugs))
    rows = conn.execute(f"SELECT slug, title FROM compounds WHERE slug IN ({marks})", slugs)
    return {str(r[0]): str(r[1]) for r in rows}


def _studies_for(
    conn: sqlite3.Connection, slug: str, goal: str, study_ids: list[str]
) -> list[dict[str, Any]]:
    if study_ids:
        marks = ",".join("?" * len(study_ids))
        rows = conn.execute(f"SELECT doc FROM studies WHERE id IN ({marks})", study_ids)
        by_id = {d["id"]: d for d in (_doc(r[0]) for r in rows)}
        ordered = [by_id[i] for i in study_ids if i in by_id]
        if ordered:
            return ordered
    rows = conn.execute(
        "SELECT doc FROM studies WHERE compound_slug = ? AND goal = ? ORDER BY id", (slug, goal)
    )
    return [_doc(r[0]) for r in rows]


def compound_evidence(
    conn: sqlite3.Connection, slug: str, goal: str | None = None
) -> dict[str, Any] | None:
    """{compound: {slug, title}, goals: [{goal, goal_name, tier, tier_name, rationale,
    forest_svg, details, article_slug, studies: [Study JSON]}]}; None for an unknown slug."""
    row = conn.execute("SELECT slug, title FROM compounds WHERE slug = ?", (slug,)).fetchone()
    if row is None:
        return None
    names = _goal_names(conn)
    articles = {
        str(r[0]): str(r[1])
        for r in conn.execute(
            "SELECT goal, slug FROM articles WHERE compound_slug = ? ORDER BY slug", (slug,)
        )
    }
    sql = "SELECT goal, tier, tier_name, rationale, doc, forest_svg FROM tiers WHERE compound_slug = ?"
    params: list[Any] = [slug]
    if goal:
        sql += " AND goal = ?"
        params.append(goal)
    goals = []
    for tier in conn.execute(sql + " ORDER BY tier, goal", params).fetchall():
        details = _doc(tier["doc"])
        ids = details.get("study_ids") or []
        study_ids = [str(i) for i in ids] if isinstance(ids, list) else []
        goals.append(
            {
                "goal": tier["goal"],
                "goal_name": names.get(tier["goal"], tier["goal"]),
                "tier": tier["tier"],
                "tier_name": tier["tier_name"],
                "rationale": tier["rationale"],
                "forest_svg": tier["forest_svg"],
                "details": details,
                "article_slug": articles.get(tier["goal"]),
                "studies": _studies_for(conn, slug, tier["goal"], study_ids),
            }
        )
    return {"compound": {"slug": row["slug"], "title": row["title"]}, "goals": goals}


def tier_history(conn: sqlite3.Connection, slug: str) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT goal, old_tier, new_tier, study_id, note, changed_at, build_id FROM tier_history"
        " WHERE compound_slug = ? ORDER BY changed_at DESC",
        (slug,),
    )
    return [dict(r) for r in rows]


# --- articles --------------------------------------------------------------------------------


def list_articles(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """[{slug, title, compound_slug, goal, goal_name, tier_claimed, tier, tier_name,
    last_modified, summary}] newest first; tier is the computed one (None if not graded)."""
    names = _goal_names(conn)
    rows = conn.execute(
        "SELECT a.slug, a.title, a.compound_slug, a.goal, a.tier_claimed, a.last_modified,"
        " a.summary, t.tier, t.tier_name FROM articles a LEFT JOIN tiers t"
        " ON t.compound_slug = a.compound_slug AND t.goal = a.goal"
        " ORDER BY coalesce(a.last_modified, '') DESC, a.title"
    )
    return [{**dict(r), "goal_name": names.get(r["goal"], r["goal"])} for r in rows]


def get_article(
    conn: sqlite3.Connection,
    slug: str,
    evidence_of: Callable[[str, str | None], dict[str, Any] | None] | None = None,
) -> dict[str, Any] | None:
    """The stored Article JSON plus `computed` ({tier, tier_name, rationale, forest_svg} or
    None) and `evidence_studies` (every study graded for its compound × goal).
    `evidence_of(compound, goal)` stands for `compound_evidence` (a caller that already holds
    the compound's evidence passes its own)."""
    row = conn.execute("SELECT doc FROM articles WHERE slug = ?", (slug,)).fetchone()
    if row is None:
        return None
    article = _doc(row[0])
    computed = None
    evidence_studies: list[dict[str, Any]] = []
    compound_slug = article.get("compound_slug")
    if compound_slug:
        goal = article.get("goal")
        if evidence_of is None:
            evidence = compound_evidence(conn, compound_slug, goal)
        else:
            evidence = evidence_of(compound_slug, goal)
        if evidence and evidence["goals"]:
            graded = evidence["goals"][0]
            computed = {
                key: graded[key] for key in ("tier", "tier_name", "rationale", "forest_svg")
            }
            # what the page needs to draw the plot again for a phone
            computed["pooled"] = graded["details"].get("pooled", [])
            computed["compound_title"] = evidence["compound"]["title"]
            evidence_studies = graded["studies"]
        else:
            rows = conn.execute(
                "SELECT doc FROM studies WHERE article_slug = ? ORDER BY id", (slug,)
            )
            evidence_studies = [_doc(r[0]) for r in rows]
    goal_names = _goal_names(conn)
    return {
        **article,
        "goal_name": goal_names.get(article.get("goal", ""), article.get("goal", "")),
        "computed": computed,
        "evidence_studies": evidence_studies,
    }


# --- goals -----------------------------------------------------------------------------------


def list_goals(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """[{slug, name, description, compound_count}] by name."""
    rows = conn.execute(
        "SELECT g.slug, g.name, g.doc, (SELECT count(*) FROM tiers t WHERE t.goal = g.slug)"
        " AS compound_count FROM goals g ORDER BY g.name"
    )
    return [
        {
            "slug": r["slug"],
            "name": r["name"],
            "description": _doc(r["doc"]).get("description", ""),
            "compound_count": r["compound_count"],
        }
        for r in rows
    ]


def get_goal(conn: sqlite3.Connection, slug: str) -> dict[str, Any] | None:
    """The Goal JSON plus `compounds`: [{slug, title, is_banned, tier, tier_name, reason,
    article_slug}] ranked by tier, then by the number of studies behind it, then title."""
    row = conn.execute("SELECT doc FROM goals WHERE slug = ?", (slug,)).fetchone()
    if row is None:
        return None
    goal = _doc(row[0])
    articles = {
        str(r[0]): str(r[1])
        for r in conn.execute("SELECT compound_slug, slug FROM articles WHERE goal = ?", (slug,))
        if r[0]
    }
    rows = conn.execute(
        "SELECT c.slug, c.title, c.is_banned, t.tier, t.tier_name, t.rationale,"
        " (SELECT count(*) FROM studies s WHERE s.compound_slug = c.slug AND s.goal = t.goal)"
        " AS n_studies FROM tiers t JOIN compounds c ON c.slug = t.compound_slug"
        " WHERE t.goal = ? ORDER BY t.tier, n_studies DESC, lower(c.title)",
        (slug,),
    )
    goal["compounds"] = [
        {
            "slug": r["slug"],
            "title": r["title"],
            "is_banned": bool(r["is_banned"]),
            "tier": r["tier"],
            "tier_name": r["tier_name"],
            "reason": first_sentence(r["rationale"]),
            "n_studies": r["n_studies"],
            "article_slug": articles.get(r["slug"]),
        }
        for r in rows
    ]
    return goal


# --- updates and feeds -----------------------------------------------------------------------


def recent_updates(conn: sqlite3.Connection, limit: int = 10) -> list[dict[str, Any]]:
    """[{kind: "compound"|"article", slug, title, last_modified, summary}] newest first."""
    rows = conn.execute(
        "SELECT 'compound' AS kind, slug, title, last_modified, description AS summary"
        " FROM compounds WHERE last_modified IS NOT NULL"
        " UNION ALL SELECT 'article', slug, title, last_modified, summary FROM articles"
        " WHERE last_modified IS NOT NULL ORDER BY last_modified DESC, title LIMIT ?",
        (max(0, min(limit, MAX_LIMIT)),),
    )
    return [dict(r) for r in rows]


def feed_entries(
    conn: sqlite3.Connection, compound_slug: str | None = None, limit: int = 50
) -> list[dict[str, Any]]:
    """[{compound_slug, kind, ref, title, summary, updated}] newest first, from the feed table
    (and tier_history for one compound); falls back to content dates when the feed is empty."""
    limit = max(0, min(limit, MAX_LIMIT))
    if compound_slug is None:
        rows = conn.execute(
            "SELECT compound_slug, kind, ref, title, summary, updated FROM feed"
            " ORDER BY updated DESC LIMIT ?",
            (limit,),
        ).fetchall()
    else:
        rows = conn.execute(
            "SELECT compound_slug, kind, ref, title, summary, updated FROM feed"
            " WHERE compound_slug = ? ORDER BY updated DESC LIMIT ?",
            (compound_slug, limit),
        ).fetchall()
    entries = [dict(r) for r in rows]
    if compound_slug is not None:
        known = {(e["ref"], e["updated"]) for e in entries if e["kind"] == "tier"}
        for change in tier_history(conn, compound_slug):
            if (change["goal"], change["changed_at"]) in known:
                continue
            entries.append(
                {
                    "compound_slug": compound_slug,
                    "kind": "tier",
                    "ref": change["goal"],
                    "title": f"{compound_slug} for {change['goal']}: {change['note']}",
                    "summary": change["note"],
                    "updated": change["changed_at"],
                }
            )
        entries.sort(key=lambda e: str(e["updated"]), reverse=True)
        entries = entries[:limit]
    if entries:
        return entries
    fallback = []
    for item in recent_updates(conn, limit if compound_slug is None else MAX_LIMIT):
        if compound_slug is not None and not (
            item["kind"] == "compound" and item["slug"] == compound_slug
        ):
            continue
        fallback.append(
            {
                "compound_slug": item["slug"] if item["kind"] == "compound" else None,
                "kind": "profile" if item["kind"] == "compound" else "article",
                "ref": item["slug"],
                "title": item["title"],
                "summary": item["summary"],
                "updated": item["last_modified"],
            }
        )
    return fallback[:limit]


def library_goals(conn: sqlite3.Connection) -> list[Goal]:
    """The build's goals, with their synonyms and conditions, by name; a goal graded without
    a goals.yaml entry is listed by its slug."""
    rows = conn.execute("SELECT doc FROM goals ORDER BY name").fetchall()
    goals = [Goal.model_validate_json(row[0]) for row in rows]
    known = {goal.slug for goal in goals}
    for (slug,) in conn.execute("SELECT DISTINCT goal FROM tiers ORDER BY goal"):
        if slug not in known:
            goals.append(Goal(slug=str(slug), name=str(slug).replace("-", " ").capitalize()))
    return goals


def resolve_goal(conn: sqlite3.Connection, name: str) -> str | None:
    """The slug of the library goal `name` names (slug, name, synonym or condition)."""
    goals = library_goals(conn)
    slug = match_goal(name, goals)
    return slug if slug in {goal.slug for goal in goals} else None


def _typed_meta_value(value: str) -> Any:
    """A meta value as what it is: '15' -> 15, a JSON object -> the object, text stays text."""
    if value.isdigit():
        return int(value)
    if value.startswith(("{", "[")):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def build_summary(conn: sqlite3.Connection) -> dict[str, Any]:
    """{build: meta with numbers as numbers (rates too), counts: every count as a number}."""
    build = {
        key: _typed_meta_value(value)
        for key, value in build_info(conn).items()
        if key != "methodology_html"
    }
    declared = build.pop("counts", {})
    totals = {**(declared if isinstance(declared, dict) else {}), **counts(conn)}
    for key in totals:
        build.pop(key, None)  # one place for each count
    rates = build.get("currency_rates")
    if isinstance(rates, dict) and isinstance(rates.get("rates"), dict):
        rates["rates"] = {code: float(rate) for code, rate in rates["rates"].items()}
    return {"build": build, "counts": {key: int(value) for key, value in totals.items()}}
