"""`evidex doctor`: is this deployment's database fit to serve, and is the server serving it?"""

from __future__ import annotations

import json
import sqlite3
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from evidex.ops.health import build_age_seconds, library_counts
from evidex.storage.db import (
    REQUIRED_META_KEYS,
    DatabaseUnavailable,
    integrity_problem,
    open_generation,
)

EXPECTED_SCHEMA_VERSION = "1"
COUNTED_TABLES = ("compounds", "articles", "studies", "goals", "tiers")


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str


def _table_counts(conn: sqlite3.Connection) -> dict[str, int]:
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    return {
        table: int(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
        for table in COUNTED_TABLES
        if table in present
    }


def check_database(db_path: Path, max_age_hours: float | None) -> tuple[list[Check], str | None]:
    """Checks on the file; also returns its build id (None when unreadable)."""
    try:
        generation = open_generation(db_path)
    except DatabaseUnavailable as exc:
        return [Check("readable", False, str(exc))], None
    keys = " and ".join(REQUIRED_META_KEYS)
    checks = [Check("readable", True, f"{db_path} opens read-only and records its {keys}.")]
    try:
        conn = generation.first
        meta = generation.meta
        version = meta.get("schema_version", "")
        same = version == EXPECTED_SCHEMA_VERSION
        checks.append(
            Check(
                "schema version",
                same,
                f"the build has schema version {version}, the one this code reads."
                if same
                else f"the build has schema version {version or 'none'}; this code reads "
                f"{EXPECTED_SCHEMA_VERSION}: rebuild it with this version.",
            )
        )
        age = build_age_seconds(meta.get("built_at"))
        if age is None:
            checks.append(Check("build age", False, "the build does not say when it was made."))
        else:
            hours = age / 3600
            fresh = max_age_hours is None or hours <= max_age_hours
            limit = "" if max_age_hours is None else f" (the limit is {max_age_hours:g} hours)"
            checks.append(Check("build age", fresh, f"built {hours:.1f} hours ago{limit}."))
        problem = integrity_problem(conn)  # the check the server runs before switching
        checks.append(
            Check(
                "integrity",
                problem is None,
                "SQLite's integrity check finds no damage."
                if problem is None
                else f"SQLite's integrity check finds damage: {problem}.",
            )
        )
        counts = _table_counts(conn)
        declared = library_counts(meta)
        mismatched = [k for k, v in declared.items() if k in counts and counts[k] != v]
        held = ", ".join(f"{v} {k}" for k, v in counts.items())
        checks.append(
            Check(
                "counts",
                bool(counts.get("compounds")) and not mismatched,
                f"the build holds {held}."
                + (
                    f" Its meta records other counts of {', '.join(mismatched)}."
                    if mismatched
                    else ""
                )
                + ("" if counts.get("compounds") else " It has no compounds."),
            )
        )
    except sqlite3.DatabaseError as exc:
        checks.append(Check("integrity", False, f"reading the build failed: {exc}."))
    finally:
        generation.close()
    return checks, generation.build_id


def check_server(url: str, expected_build: str | None, timeout: float = 5.0) -> list[Check]:
    """The running server's /healthz answers, and serves the same build as the file."""
    target = url.rstrip("/") + "/healthz"
    try:
        with urllib.request.urlopen(target, timeout=timeout) as response:
            report = json.loads(response.read())
    except (urllib.error.URLError, OSError, ValueError) as exc:
        return [Check("server", False, f"{target}: {exc}")]
    served = str(report.get("build", ""))
    checks = [Check("server", report.get("status") == "ok", f"{target} answers {served}")]
    if expected_build is not None:
        same = served == expected_build
        detail = "serves the file's build" if same else f"serves {served}, file is {expected_build}"
        checks.append(Check("server build", same, detail))
    return checks


def run_doctor(
    db_path: Path, max_age_hours: float | None = None, url: str | None = None
) -> list[Check]:
    checks, build = check_database(db_path, max_age_hours)
    if url:
        checks.extend(check_server(url, build))
    return checks
