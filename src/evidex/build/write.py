"""Step 5 of the build: write the SQLite artifact into a temporary file and swap it in atomically."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from evidex.build.forked import can_fork, inherited, inheriting_pool
from evidex.build.library import Library, LibraryPart, SourceRecord, TierResult
from evidex.build.link import compound_names
from evidex.content.names import fold_name

SCHEMA_VERSION = "1"
WriteHook = Callable[[sqlite3.Connection, Library], None]
# A write hook's incremental counterpart: replaces its rows of the part's compounds and
# articles in the live database (inside the build's transaction), or raises NotIncremental.
IncrementalHook = Callable[[sqlite3.Connection, LibraryPart], None]
# Run once the content and meta are committed, with the file being written (pre-rendered pages).
FinishHook = Callable[[sqlite3.Connection, Path], object]
LIVE_WRITE_TIMEOUT_S = 30.0  # how long an incremental write waits for readers to finish


class NotIncremental(Exception):
    """This change cannot be written incrementally exactly as a full build would write it."""


def schema_sql() -> str:
    return resources.files("evidex.storage").joinpath("schema.sql").read_text(encoding="utf-8")


def _dump(model: Any) -> str:
    if hasattr(model, "model_dump_json"):
        return str(model.model_dump_json())  # pydantic's own serialiser: several times faster
    return json.dumps(model, ensure_ascii=False, separators=(",", ":"))


@dataclass
class PreviousBuild:
    """What the database being replaced knew, so history and feeds carry forward."""

    tiers: dict[tuple[str, str], int] = field(default_factory=dict)
    history: list[tuple[Any, ...]] = field(default_factory=list)
    study_feed: list[tuple[Any, ...]] = field(default_factory=list)
    study_ids: set[str] = field(default_factory=set)


def previous_build(db_path: Path) -> PreviousBuild:
    if not db_path.exists():
        return PreviousBuild()
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            return PreviousBuild(
                tiers={
                    (r[0], r[1]): r[2]
                    for r in conn.execute("SELECT compound_slug, goal, tier FROM tiers")
                },
                history=list(conn.execute("SELECT * FROM tier_history")),
                study_feed=list(conn.execute("SELECT * FROM feed WHERE kind = 'study'")),
                study_ids={r[0] for r in conn.execute("SELECT id FROM studies")},
            )
        finally:
            conn.close()
    except sqlite3.Error:
        return PreviousBuild()


def _temporary(db_path: Path, pid: int) -> Path:
    return db_path.with_name(f".{db_path.name}.tmp-{pid}")


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def remove_stale_temporaries(db_path: Path) -> list[Path]:
    """Delete the temporary files (`.<db>.tmp-<pid>` and its `.content` side file) of builds
    that died before they could, such as a build killed with SIGKILL; a build still running
    keeps its own."""
    prefix = _temporary(db_path, 0).name[:-1]
    removed = []
    with contextlib.suppress(FileNotFoundError):
        for entry in os.scandir(db_path.parent):
            if not entry.name.startswith(prefix):
                continue
            pid = entry.name[len(prefix) :].split(".", 1)[0]
            if not pid.isdigit() or int(pid) == os.getpid() or _running(int(pid)):
                continue
            with contextlib.suppress(FileNotFoundError):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


def write_database(
    library: Library,
    db_path: Path,
    build_id: str,
    extra_meta: dict[str, str],
    hooks: list[WriteHook],
    finish_hooks: Iterable[FinishHook] = (),
) -> None:
    """Write everything to `<db>.tmp-<pid>`, then rename over `db_path`. Nothing partial is seen."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    previous = previous_build(db_path)
    tmp = _temporary(db_path, os.getpid())
    if tmp.exists():
        tmp.unlink()
    try:
        conn = _new_database(tmp)
        try:
            with content_writer(library, tmp) as content:
                for hook in hooks:  # the search index, vendors: while the content is written
                    hook(conn, library)
                content.copy_into(conn)
            _write_tiers(conn, library, previous, build_id)
            _write_study_feed(conn, library, previous)
            write_sources(conn, library.sources)
            meta = {
                "build_id": build_id,
                "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
                "content_hash": library.content_hash,
                "schema_version": SCHEMA_VERSION,
                "compounds": str(len(library.compounds)),
                "articles": str(len(library.articles)),
                "studies": str(len(library.studies)),
                **extra_meta,
            }
            conn.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
            conn.commit()
            for finish in finish_hooks:
                finish(conn, tmp)
            conn.execute("PRAGMA journal_mode=DELETE")
        finally:
            conn.close()
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, db_path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise


CONTENT_TABLES = (
    "compounds",
    "names",
    "articles",
    "studies",
    "outcomes",
    "goals",
    "conditions",
    "interactions",
    "diagnostics",
    "feed",
)
_SIDE_WRITE_DOCUMENTS = 1000  # below this the content is written in place, no fork


def _new_database(path: Path) -> sqlite3.Connection:
    """An empty artifact with the schema, written without a journal (it is renamed into place
    only when complete)."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    conn.executescript(schema_sql())
    return conn


class _ContentWriter:
    """The content tables, written by a forked process into a side file while this process
    writes the search index, then copied in: SQLite has one writer per file, and the two
    halves of the write each take seconds on a large library. Without a side file they are
    written in place when copied."""

    def __init__(
        self, library: Library, side: Path | None = None, done: Future[None] | None = None
    ) -> None:
        self.library = library
        self.side = side
        self.done = done

    def copy_into(self, conn: sqlite3.Connection) -> None:
        if self.side is None or self.done is None:
            _write_content(conn, self.library)
            return
        self.done.result()
        conn.commit()
        conn.execute("ATTACH DATABASE ? AS side", (str(self.side),))
        try:
            for table in CONTENT_TABLES:
                conn.execute(f"INSERT INTO main.{table} SELECT * FROM side.{table}")
            conn.commit()
        finally:
            conn.execute("DETACH DATABASE side")


@contextlib.contextmanager
def content_writer(library: Library, tmp: Path) -> Iterator[_ContentWriter]:
    documents = len(library.compounds) + len(library.articles)
    if documents < _SIDE_WRITE_DOCUMENTS or not can_fork():
        yield _ContentWriter(library)
        return
    side = tmp.with_name(f"{tmp.name}.content")
    with contextlib.suppress(FileNotFoundError):
        side.unlink()  # left by a build that was killed
    try:
        with inheriting_pool(library, 1) as (pool, token):
            yield _ContentWriter(library, side, pool.submit(_write_side_file, token, side))
    finally:
        with contextlib.suppress(FileNotFoundError):
            side.unlink()


def _write_side_file(token: int, side: Path) -> None:
    conn = _new_database(side)
    try:
        _write_content(conn, inherited(token))
        conn.commit()
    finally:
        conn.close()


Rows = Iterable[tuple[Any, ...]]


def _compound_rows(library: Library) -> Rows:
    goals_by_compound: dict[str, set[str]] = {}
    for tier in library.tiers:
        goals_by_compound.setdefault(tier.compound_slug, set()).add(tier.goal)
    return (
        (
            c.slug,
            c.title,
            c.description,
            int(c.is_banned),
            c.compound_class,
            c.last_modified,
            json.dumps(c.routes),
            json.dumps(sorted(goals_by_compound.get(c.slug, set()) | set(c.goals))),
            _dump(c),
        )
        for c in library.compounds.values()
    )


def _article_rows(library: Library) -> Rows:
    return (
        (a.slug, a.title, a.compound_slug, a.goal, a.tier, a.last_modified, a.summary, _dump(a))
        for a in library.articles.values()
    )


def _study_rows(library: Library) -> Rows:
    article_for: dict[tuple[str | None, str | None], str] = {
        (a.compound_slug, a.goal): a.slug for a in library.articles.values()
    }
    return (
        (
            s.id,
            s.compound,
            s.goal,
            article_for.get((s.compound, s.goal)),
            int(s.curated),
            s.design,
            s.n,
            _dump(s if s.provenance else s.model_copy(update={"provenance": s.source_kind})),
        )
        for s in library.studies.values()
    )


def _outcome_rows(library: Library) -> Rows:
    return (
        (
            s.id,
            i,
            o.name,
            o.measure,
            o.value,
            o.ci_low,
            o.ci_high,
            o.p,
            None if o.significant is None else int(o.significant),
            o.direction,
        )
        for s in library.studies.values()
        for i, o in enumerate(s.outcomes)
    )


def _feed_rows(library: Library) -> Rows:
    feed: list[tuple[str | None, str, str, str, str, str]] = [
        (c.slug, "profile", c.slug, c.title, c.description, c.last_modified or "")
        for c in library.compounds.values()
    ]
    feed += [
        (a.compound_slug, "article", a.slug, a.title, a.summary, a.last_modified or "")
        for a in library.articles.values()
    ]
    return feed


def _name_rows(library: Library) -> list[tuple[str, str, str, str]]:
    """Every folded key of the name index with the name as written where there is one."""
    shown = {
        fold_name(name): name
        for compound in library.compounds.values()
        for name in compound_names(compound)
    }
    return [
        (key, slug, shown.get(key, key), "name" if key in shown else "family")
        for key, slug in sorted(library.name_index.items())
    ]


_CONTENT_ROWS: dict[str, Callable[[Library], Rows]] = {
    "compounds": _compound_rows,
    "names": _name_rows,
    "articles": _article_rows,
    "studies": _study_rows,
    "outcomes": _outcome_rows,
    "goals": lambda library: ((g.slug, g.name, _dump(g)) for g in library.goals.values()),
    "conditions": lambda library: ((c.slug, c.name, _dump(c)) for c in library.conditions.values()),
    "interactions": lambda library: ((r.id, _dump(r)) for r in library.interactions),
    "diagnostics": lambda library: (
        (d.path, d.line, d.level, d.message) for d in library.diagnostics
    ),
    "feed": _feed_rows,
}


def _write_content(conn: sqlite3.Connection, library: Library) -> None:
    for table in CONTENT_TABLES:
        columns = len(conn.execute(f"SELECT * FROM {table} LIMIT 0").description)
        marks = ", ".join("?" * columns)
        conn.executemany(f"INSERT INTO {table} VALUES ({marks})", _CONTENT_ROWS[table](library))


def _tier_doc(tier: TierResult) -> str:
    return json.dumps(
        {"study_ids": tier.study_ids, **tier.details}, ensure_ascii=False, separators=(",", ":")
    )


def _insert_tiers(conn: sqlite3.Connection, tiers: list[TierResult]) -> None:
    conn.executemany(
        "INSERT INTO tiers VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            (t.compound_slug, t.goal, t.tier, t.tier_name, t.rationale, _tier_doc(t), t.forest_svg)
            for t in tiers
        ),
    )


def _write_tiers(
    conn: sqlite3.Connection,
    library: Library,
    previous: PreviousBuild,
    build_id: str,
) -> None:
    _insert_tiers(conn, library.tiers)
    conn.executemany("INSERT INTO tier_history VALUES (?, ?, ?, ?, ?, ?, ?, ?)", previous.history)
    _record_tier_changes(conn, library.tiers, previous.tiers, bool(previous.tiers), build_id)


def _record_tier_changes(
    conn: sqlite3.Connection,
    tiers: list[TierResult],
    old_tiers: dict[tuple[str, str], int],
    built_before: bool,
    build_id: str,
) -> None:
    """A history row and a feed entry for each tier this build moved (none on a first build)."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    changes = []
    for tier in tiers:
        old = old_tiers.get((tier.compound_slug, tier.goal))
        if old == tier.tier or (old is None and not built_before):
            continue
        driver = next(iter(tier.details.get("driving_study_ids") or tier.study_ids), None)
        before = f"Tier {old}" if old is not None else "no tier"
        note = f"{before} -> Tier {tier.tier} ({tier.tier_name})"
        if driver:
            note += f"; moved by study {driver}"
        changes.append((tier.compound_slug, tier.goal, old, tier.tier, driver, note, now, build_id))
    conn.executemany("INSERT INTO tier_history VALUES (?, ?, ?, ?, ?, ?, ?, ?)", changes)
    conn.executemany(
        "INSERT INTO feed VALUES (?, ?, ?, ?, ?, ?)",
        ((c[0], "tier", c[1], f"{c[0]} for {c[1]}: {c[5]}", c[5], c[6]) for c in changes),
    )


def _write_study_feed(conn: sqlite3.Connection, library: Library, previous: PreviousBuild) -> None:
    """Keep earlier "new study" entries and add one for each study this build adds."""
    conn.executemany("INSERT INTO feed VALUES (?, ?, ?, ?, ?, ?)", previous.study_feed)
    if previous.study_ids:  # a first build has no news: everything is new
        _record_new_studies(conn, library, previous.study_ids)


def _record_new_studies(conn: sqlite3.Connection, library: Library, known: set[str]) -> None:
    now = datetime.now(UTC).isoformat(timespec="seconds")
    added = [s for s in library.studies.values() if s.id not in known]
    conn.executemany(
        "INSERT INTO feed VALUES (?, ?, ?, ?, ?, ?)",
        (
            (
                study.compound,
                "study",
                study.id,
                f"New study: {study.citation.title or study.design} (n={study.n})",
                study.summary or (study.population or ""),
                now,
            )
            for study in added
        ),
    )


def write_sources(conn: sqlite3.Connection, records: Iterable[SourceRecord]) -> None:
    conn.executemany("INSERT OR REPLACE INTO sources VALUES (?, ?, ?, ?, ?, ?)", records)


def read_sources(conn: sqlite3.Connection) -> dict[str, SourceRecord]:
    try:
        rows = conn.execute("SELECT rel, kind, size, mtime_ns, digest, owner FROM sources")
        return {row[0]: SourceRecord._make(row) for row in rows}
    except sqlite3.OperationalError:
        raise NotIncremental("the database has no sources table (an older build)") from None


@contextlib.contextmanager
def live_database(db_path: Path) -> Iterator[sqlite3.Connection]:
    """The served database opened for an in-place write. Its rollback journal keeps readers
    safe: the commit waits for their read transactions to end, and a reader sees the database
    before the commit or after it, never a part (see evidex.storage.db)."""
    if not db_path.is_file():
        raise NotIncremental("no database to update")
    conn = sqlite3.connect(db_path, timeout=LIVE_WRITE_TIMEOUT_S, isolation_level=None)
    try:
        mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
        if str(mode).lower() != "delete":
            raise NotIncremental(f"the database's journal mode is {mode}, not delete")
        conn.execute("PRAGMA cache_size=-262144")  # the whole change stays in memory until commit
        yield conn
    finally:
        conn.close()


def _marks(values: Iterable[Any]) -> tuple[str, list[Any]]:
    items = list(values)
    return ", ".join("?" * len(items)), items


def write_part(
    conn: sqlite3.Connection,
    part: LibraryPart,
    build_id: str,
    hooks: list[IncrementalHook],
    sources: list[SourceRecord],
) -> None:
    """Replace the rows of `part` in the live database, in one transaction; the hooks update
    their own tables in it. Raises NotIncremental (nothing written) when a hook cannot."""
    library = part.library
    slugs, slug_args = _marks(sorted(part.compounds))
    articles, article_args = _marks(sorted(part.articles))
    paths, path_args = _marks(sorted(part.paths))
    conn.execute("BEGIN IMMEDIATE")
    try:
        _record_changes(conn, part, build_id)
        for hook in hooks:
            hook(conn, part)
        old_tiers = {
            (r[0], r[1]): r[2]
            for r in conn.execute(
                f"SELECT compound_slug, goal, tier FROM tiers WHERE compound_slug IN ({slugs})",
                slug_args,
            )
        }
        built_before = conn.execute("SELECT 1 FROM tiers LIMIT 1").fetchone() is not None
        known_studies = _known_studies(conn, list(library.studies))
        had_studies = conn.execute("SELECT 1 FROM studies LIMIT 1").fetchone() is not None
        conn.execute(
            "DELETE FROM outcomes WHERE study_id IN "
            f"(SELECT id FROM studies WHERE compound_slug IN ({slugs}))",
            slug_args,
        )
        for table, column in (
            ("compounds", "slug"),
            ("names", "slug"),
            ("articles", "compound_slug"),
            ("studies", "compound_slug"),
            ("tiers", "compound_slug"),
        ):
            conn.execute(f"DELETE FROM {table} WHERE {column} IN ({slugs})", slug_args)
        conn.execute(f"DELETE FROM articles WHERE slug IN ({articles})", article_args)
        conn.execute(f"DELETE FROM diagnostics WHERE path IN ({paths})", path_args)
        conn.execute(
            f"DELETE FROM feed WHERE (kind = 'profile' AND ref IN ({slugs})) "
            f"OR (kind = 'article' AND ref IN ({articles})) OR kind = 'tier'",
            [*slug_args, *article_args],
        )
        for table in CONTENT_TABLES:
            if table in ("goals", "conditions", "interactions"):
                continue
            rows = _CONTENT_ROWS[table](library)
            if table == "names":
                rows = [row for row in rows if row[1] in part.compounds]
            columns = len(conn.execute(f"SELECT * FROM {table} LIMIT 0").description)
            marks = ", ".join("?" * columns)
            conn.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
        _insert_tiers(conn, library.tiers)
        _record_tier_changes(conn, library.tiers, old_tiers, built_before, build_id)
        if had_studies:
            _record_new_studies(conn, library, known_studies)
        write_sources(conn, sources)
        _write_counts(conn, build_id, library.content_hash)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _record_changes(conn: sqlite3.Connection, part: LibraryPart, build_id: str) -> None:
    """Record the compounds and articles whose rows this build replaces, and the build it is
    written over, so the static export can re-render their pages alone. Read before the
    write: every compound's tier feed entries are replaced by this build's."""
    previous = conn.execute("SELECT value FROM meta WHERE key = 'build_id'").fetchone()
    tier_news = conn.execute(
        "SELECT DISTINCT compound_slug FROM feed WHERE kind = 'tier' AND compound_slug IS NOT NULL"
    )
    compounds = part.compounds | {str(row[0]) for row in tier_news}
    conn.execute(
        "INSERT INTO changes VALUES (?, ?, ?, ?)",
        (
            build_id,
            previous[0] if previous else "",
            json.dumps(sorted(compounds)),
            json.dumps(sorted(part.articles)),
        ),
    )


def _known_studies(conn: sqlite3.Connection, ids: list[str]) -> set[str]:
    known: set[str] = set()
    for start in range(0, len(ids), 500):
        marks, args = _marks(ids[start : start + 500])
        known.update(
            r[0] for r in conn.execute(f"SELECT id FROM studies WHERE id IN ({marks})", args)
        )
    return known


def _write_counts(conn: sqlite3.Connection, build_id: str, content_hash: str) -> None:
    """The meta a full build writes that an edit can change: identity, time and counts."""

    def count(table: str) -> int:
        return int(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])

    counts = {
        table: count(table)
        for table in ("compounds", "articles", "studies", "goals", "vendors", "tiers")
    }
    meta = {
        "build_id": build_id,
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "content_hash": content_hash,
        "compounds": str(counts["compounds"]),
        "articles": str(counts["articles"]),
        "studies": str(counts["studies"]),
        "counts": json.dumps(counts),
    }
    conn.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", meta.items())
