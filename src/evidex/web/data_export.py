"""Data export: compounds, studies, outcomes and tiers as CSV and JSON with a data dictionary
(README.md and a Frictionless `datapackage.json`)."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path
from typing import Any

from evidex.evidence.citations import citation_text
from evidex.evidence.models import Citation
from evidex.storage import queries
from evidex.storage.db import open_generation

# name -> (SQL, [(column, type, description)])
TABLES: dict[str, tuple[str, list[tuple[str, str, str]]]] = {
    "compounds": (
        "SELECT slug, title, description, is_banned, compound_class, last_modified, routes,"
        " goals FROM compounds ORDER BY slug",
        [
            ("slug", "string", "canonical identifier, used in every URL"),
            ("title", "string", "display name"),
            ("description", "string", "one-paragraph summary"),
            ("is_banned", "boolean", "prohibited in tested sport"),
            ("compound_class", "string", "pharmacological class as written"),
            ("last_modified", "string", "date the profile was last updated (ISO 8601)"),
            ("routes", "string", "JSON list of routes of administration"),
            ("goals", "string", "JSON list of goal slugs with evidence or claims"),
        ],
    ),
    "studies": (
        "SELECT id, compound_slug, goal, article_slug, curated, design, n,"
        " json_extract(doc, '$.citation.trial') AS trial,"
        " json_extract(doc, '$.citation.authors') AS authors,"
        " json_extract(doc, '$.citation.title') AS title,"
        " json_extract(doc, '$.citation.journal') AS journal,"
        " json_extract(doc, '$.citation.year') AS year,"
        " json_extract(doc, '$.citation.pmid') AS pmid,"
        " json_extract(doc, '$.citation.doi') AS doi,"
        " json_extract(doc, '$.citation.url') AS url,"
        " json_extract(doc, '$.summary') AS summary"
        " FROM studies ORDER BY id",
        [
            ("id", "string", "study identifier"),
            ("compound_slug", "string", "compound studied"),
            ("goal", "string", "goal slug the study informs"),
            ("article_slug", "string", "deep dive that cites it, if any"),
            ("curated", "boolean", "true for editor-curated records, false for extracted"),
            ("design", "string", "study design, strongest first: meta-analysis, rct, ..."),
            ("n", "integer", "participants"),
            ("citation", "string", "first author et al., journal, year (empty if not recorded)"),
            ("trial", "string", "the trial's name, e.g. STEP 1"),
            ("authors", "string", "authors as written"),
            ("title", "string", "article title"),
            ("journal", "string", "journal"),
            ("year", "integer", "year of publication"),
            ("pmid", "string", "PubMed identifier"),
            ("doi", "string", "digital object identifier"),
            ("url", "string", "address of the source"),
            ("summary", "string", "the editor's one-line summary of the study"),
        ],
    ),
    "outcomes": (
        "SELECT study_id, idx, name, measure, value, ci_low, ci_high, p, significant,"
        " direction FROM outcomes ORDER BY study_id, idx",
        [
            ("study_id", "string", "study the outcome belongs to"),
            ("idx", "integer", "position within the study"),
            ("name", "string", "what was measured"),
            ("measure", "string", "OR, RR, HR, MD, SMD, percent or count"),
            ("value", "number", "point estimate"),
            ("ci_low", "number", "lower bound of the 95% confidence interval"),
            ("ci_high", "number", "upper bound of the 95% confidence interval"),
            ("p", "string", "p value as written, e.g. <0.001"),
            ("significant", "boolean", "CI excludes no effect"),
            ("direction", "string", "benefit, harm or no difference"),
        ],
    ),
    "tiers": (
        "SELECT compound_slug, goal, tier, tier_name, rationale FROM tiers"
        " ORDER BY compound_slug, goal",
        [
            ("compound_slug", "string", "compound graded"),
            ("goal", "string", "goal slug"),
            ("tier", "integer", "1 (proven efficacy) to 5 (insufficient / preclinical)"),
            ("tier_name", "string", "the tier's name"),
            ("rationale", "string", "the reasons that drove the tier"),
        ],
    ),
}
BOOLEAN_COLUMNS = {"is_banned", "curated", "significant"}


def _rows(conn: sqlite3.Connection, sql: str) -> list[dict[str, Any]]:
    rows = []
    for row in conn.execute(sql):
        record = dict(row)
        for key in BOOLEAN_COLUMNS & record.keys():
            if record[key] is not None:
                record[key] = bool(record[key])
        if "journal" in record:
            cited = Citation(
                authors=record["authors"], journal=record["journal"], year=record["year"]
            )
            record["citation"] = citation_text(cited)
        rows.append(record)
    return rows


def _readme(build: dict[str, str]) -> str:
    lines = [
        "# Evidex data export",
        "",
        f"Build `{build.get('build_id', '')}`, built {build.get('built_at', 'unknown')}.",
        "Each table is given as CSV (`<table>.csv`) and JSON (`<table>.json`, a list of",
        "objects). Empty CSV cells are missing values. Not medical advice.",
        "",
    ]
    for name, (_sql, columns) in TABLES.items():
        lines += [f"## {name}", "", "| column | type | meaning |", "|---|---|---|"]
        lines += [f"| {c} | {t} | {d} |" for c, t, d in columns]
        lines.append("")
    return "\n".join(lines)


def export_data(db_path: Path, out: Path) -> list[Path]:
    """Write the tables as CSV and JSON plus README.md and datapackage.json; returns the files."""
    out.mkdir(parents=True, exist_ok=True)
    generation = open_generation(db_path)
    written: list[Path] = []
    try:
        conn = generation.connection()
        build = queries.build_info(conn)
        build.pop("methodology_html", None)
        resources = []
        for name, (sql, columns) in TABLES.items():
            rows = _rows(conn, sql)
            csv_path = out / f"{name}.csv"
            with csv_path.open("w", newline="", encoding="utf-8") as handle:
                writer = csv.DictWriter(handle, fieldnames=[c for c, _, _ in columns])
                writer.writeheader()
                writer.writerows(rows)
            json_path = out / f"{name}.json"
            json_path.write_text(json.dumps(rows, ensure_ascii=False, indent=1), "utf-8")
            written += [csv_path, json_path]
            resources.append(
                {
                    "name": name,
                    "path": f"{name}.csv",
                    "format": "csv",
                    "mediatype": "text/csv",
                    "schema": {
                        "fields": [{"name": c, "type": t, "description": d} for c, t, d in columns]
                    },
                }
            )
        package = {
            "name": "evidex",
            "title": "Evidex evidence data",
            "version": build.get("build_id", ""),
            "created": build.get("built_at", ""),
            "resources": resources,
        }
        (out / "datapackage.json").write_text(json.dumps(package, indent=2), "utf-8")
        (out / "README.md").write_text(_readme(build), "utf-8")
        written += [out / "datapackage.json", out / "README.md"]
    finally:
        generation.close()
    return written
