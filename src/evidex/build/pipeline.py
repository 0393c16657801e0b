"""The build as a short list of steps: discover, parse, link, grade, write.

`load_library` runs everything but the write and serves `lint`; `build` adds the atomic write.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

from evidex import __version__
from evidex.build.discover import SourceFile, discover, read_source
from evidex.build.grade import grade
from evidex.build.incremental import compare, load_part, source_records
from evidex.build.library import Library, LibraryPart
from evidex.build.link import link
from evidex.build.parse import ParseCache, code_digest, digest_bytes, parse_all
from evidex.build.vocabularies import read_vocabularies
from evidex.build.write import (
    FinishHook,
    IncrementalHook,
    NotIncremental,
    WriteHook,
    live_database,
    read_sources,
    remove_stale_temporaries,
    write_database,
    write_part,
    write_sources,
)
from evidex.content.diagnostics import ContentError, Diagnostic
from evidex.content.render import markdown_to_html

Progress = Callable[[str, int, int], None]  # (stage, advance, total)
DOCS = ("compound", "article", "study")
CODE_META_KEY = "code"  # the Evidex version and code digest that wrote the database


class BuildFailed(Exception):
    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        diagnostics = [d for d in diagnostics if d.is_problem]
        errors = [d for d in diagnostics if d.level == "error"]
        super().__init__(
            f"build failed with {len(errors)} error(s); the previous database is untouched"
        )
        self.diagnostics = diagnostics


class BuildWriteFailed(BuildFailed):
    """The files were fine but the database could not be written (full disk, no permission)."""

    def __init__(self, db_path: Path, reason: str) -> None:
        Exception.__init__(
            self, f"build failed writing {db_path}: {reason}; the previous database is untouched"
        )
        self.diagnostics = []


@dataclass
class BuildReport:
    db_path: Path
    build_id: str
    documents: int
    reparsed: int
    written: bool
    seconds: float
    diagnostics: list[Diagnostic] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    incremental: bool = False  # only the changed compounds were rebuilt, in place


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """A build makes millions of long-lived objects and no reference cycles worth collecting,
    so the cycle collector would only walk the growing library again and again (measured: a
    fifth of the build process's time on 15,000 documents, collecting nothing)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            # Everything made meanwhile is still in the youngest generation, so the first
            # collection after enabling would walk all of it (0.7 s on 15,000 documents).
            # Freezing and unfreezing moves it to the oldest generation in constant time.
            gc.freeze()
            gc.unfreeze()
            gc.enable()


def load_library(
    content_dir: Path, cache_path: Path | None = None, progress: Progress | None = None
) -> tuple[Library, int, int]:
    """Parse, link and grade the whole library. Returns (library, documents, reparsed)."""
    with _without_cycle_collection():
        return _load_library(content_dir, cache_path, progress)


def _load_library(
    content_dir: Path, cache_path: Path | None, progress: Progress | None
) -> tuple[Library, int, int]:
    sources, problems = discover(content_dir)
    library = Library(diagnostics=list(problems))
    vocabulary_digest = read_vocabularies(sources, library)
    documents = [s for s in sources if s.kind in DOCS]
    cache = ParseCache(cache_path, vocabulary_digest)

    def advance(step: int) -> None:
        if progress:
            progress("parse", step, len(documents))

    advance(0)  # the bar shows from the start, not after the first batch of files
    parsed, reparsed = parse_all(documents, list(library.conditions.values()), cache, advance)
    link(parsed, library)
    _load_vendors(content_dir, sources, library)
    if progress:
        progress("grade", 0, 1)
    grade(library)
    digests = {source.rel: _file_digest(source) for source in sources if source.kind not in DOCS}
    digests.update((item.rel, item.digest) for item in parsed)
    library.content_hash = library_hash(sources, digests)
    library.sources = source_records(sources, digests, library)
    library.diagnostics.sort(key=lambda d: (d.path, d.line, d.level, d.message))
    return library, len(documents), reparsed


def library_hash(sources: list[SourceFile], parsed_digests: Mapping[str, str] | None = None) -> str:
    """A digest of every file's path and bytes, and of the code that reads them.

    `parsed_digests` are the digests of the bytes the build parsed, so those files are not read
    again (and the hash names exactly what was built)."""
    known = parsed_digests or {}
    digest = hashlib.blake2b(f"{__version__}:{code_digest()}".encode(), digest_size=16)
    for source in sources:
        digest.update(source.rel.encode())
        file_digest = known.get(source.rel) or _file_digest(source)
        digest.update(file_digest.encode())
    return digest.hexdigest()


def _file_digest(source: SourceFile) -> str:
    try:
        return digest_bytes(read_source(source))
    except ContentError:  # unreadable: reported by the parse; hashed as such
        return "unreadable"


def _load_vendors(content_dir: Path, sources: list[SourceFile], library: Library) -> None:
    from evidex.vendors.build import load_vendors

    vendors, rates, problems = load_vendors(content_dir, library, sources)
    library.vendors = vendors
    library.currency = rates
    library.diagnostics.extend(problems)


def write_hooks() -> list[WriteHook]:
    """Tables owned by other areas, written into the same artifact."""
    from evidex.search.index import write_search_index
    from evidex.vendors.build import write_vendors

    return [write_vendors, write_search_index]


def incremental_hooks() -> dict[WriteHook, IncrementalHook]:
    """Each write hook's incremental counterpart; a hook without one makes every build full."""
    from evidex.search.index import update_search_index, write_search_index
    from evidex.vendors.build import check_vendor_prices, write_vendors

    return {write_vendors: check_vendor_prices, write_search_index: update_search_index}


def code_identity() -> str:
    return f"{__version__}:{code_digest()}"


def finish_hooks() -> list[FinishHook]:
    """Run on the written artifact before it is swapped in: every page, pre-rendered."""
    from evidex.web.prerender import prerender_build

    return [prerender_build]


def methodology_html() -> str:
    """The tier rubric (docs/methodology.md, shipped inside the package) as safe HTML."""
    source = resources.files("evidex.evidence").joinpath("methodology.md")
    return markdown_to_html(source.read_text(encoding="utf-8"))


def build(
    content_dir: Path,
    db_path: Path,
    *,
    strict: bool = False,
    force: bool = False,
    progress: Progress | None = None,
    hooks: list[WriteHook] | None = None,
    prerender: bool = False,
) -> BuildReport:
    """Build `content_dir` into `db_path` atomically; raise BuildFailed on errors.

    A build whose content is byte-for-byte what the current database was built from writes
    nothing (the artifact would be identical) unless `force` is set. `prerender` also stores
    every page a path names, compressed, for the server to send without rendering (about
    doubles a full build's CPU; see docs/deploy.md); an incremental build re-renders the stored
    pages its edit touches.
    """
    started = datetime.now(UTC)
    remove_stale_temporaries(db_path)
    cache_path = db_path.with_name(f".{db_path.name}.parse-cache")
    if not force and not strict:
        with contextlib.suppress(NotIncremental):
            return build_incrementally(content_dir, db_path, cache_path, hooks, started)
    if not force:
        unchanged = _unchanged_report(content_dir, db_path, strict, started)
        if unchanged is not None:
            return unchanged
    had_cache = cache_path.exists()
    try:
        return _build(content_dir, db_path, cache_path, strict, progress, hooks, started, prerender)
    except BuildFailed:
        if not had_cache:  # a failed first build leaves nothing behind
            _remove_cache(cache_path)
        raise
    except (OSError, sqlite3.Error) as exc:
        if not had_cache:
            _remove_cache(cache_path)
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise BuildWriteFailed(db_path, reason) from exc


def _remove_cache(cache_path: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        with contextlib.suppress(OSError):
            cache_path.with_name(cache_path.name + suffix).unlink()


def _build(
    content_dir: Path,
    db_path: Path,
    cache_path: Path,
    strict: bool,
    progress: Progress | None,
    hooks: list[WriteHook] | None,
    started: datetime,
    prerender: bool,
) -> BuildReport:
    library, documents, reparsed = load_library(content_dir, cache_path, progress)
    diagnostics = library.diagnostics
    failing = [d for d in diagnostics if d.level == "error" or (strict and d.level == "warning")]
    if failing:
        raise BuildFailed(diagnostics if not strict else [_as_error(d) for d in diagnostics])
    counts = {
        "compounds": len(library.compounds),
        "articles": len(library.articles),
        "studies": len(library.studies),
        "goals": len(library.goals),
        "vendors": len(library.vendors),
        "tiers": len(library.tiers),
    }
    build_id = _build_id(library.content_hash, started)
    if progress:
        progress("write", 0, 1)
    extra_meta = {
        "methodology_html": methodology_html(),
        "counts": json.dumps(counts),
        CODE_META_KEY: code_identity(),
    }
    with _without_cycle_collection():
        write_database(
            library,
            db_path,
            build_id,
            extra_meta,
            write_hooks() if hooks is None else hooks,
            finish_hooks() if prerender else [],
        )
    seconds = (datetime.now(UTC) - started).total_seconds()
    return BuildReport(db_path, build_id, documents, reparsed, True, seconds, diagnostics, counts)


def _build_id(content_hash: str, started: datetime) -> str:
    return f"{content_hash[:12]}-{started.strftime('%Y%m%dT%H%M%S%fZ')}"


def build_incrementally(
    content_dir: Path,
    db_path: Path,
    cache_path: Path,
    hooks: list[WriteHook] | None,
    started: datetime,
) -> BuildReport:
    """Rewrite only the compounds whose profiles, articles or study files changed, in one
    transaction on the live database; NotIncremental when this needs a full build (see
    evidex.build.incremental), BuildFailed (nothing written) when the edit is broken."""
    counterparts = incremental_hooks()
    wanted = write_hooks() if hooks is None else hooks
    missing = [hook for hook in wanted if hook not in counterparts]
    if missing:
        raise NotIncremental(f"write hook {missing[0].__name__} has no incremental counterpart")
    sources, problems = discover(content_dir)
    if problems:
        raise NotIncremental("the library has files discovery refuses")
    with live_database(db_path) as conn:
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        if meta.get(CODE_META_KEY) != code_identity():
            raise NotIncremental("the database was built by other code")
        recorded = read_sources(conn)
        comparison = compare(sources, recorded)
        documents = sum(s.kind in DOCS for s in sources)
        if not comparison.changed:
            if comparison.touched:
                with conn:
                    write_sources(conn, comparison.touched)
            return _report_built(conn, db_path, meta["build_id"], documents, 0, started, None)
        part = load_part(conn, sources, comparison, recorded, cache_path)
        library = part.library
        if any(d.level == "error" for d in library.diagnostics):
            raise BuildFailed(library.diagnostics)
        library.content_hash = library_hash(sources, comparison.digests)
        build_id = _build_id(library.content_hash, started)
        rewritten = {source.rel for source in comparison.changed} | part.paths
        records = source_records(
            [s for s in sources if s.rel in rewritten], comparison.digests, library
        )
        updates = [counterparts[hook] for hook in wanted]
        write_part(conn, part, build_id, updates, [*records, *comparison.touched])
        _refresh_stored_pages(conn, db_path, part)
        reparsed = len(comparison.changed)
        return _report_built(
            conn, db_path, build_id, documents, reparsed, started, library.diagnostics
        )


def _refresh_stored_pages(conn: sqlite3.Connection, db_path: Path, part: LibraryPart) -> None:
    """A pre-rendered database keeps its pages for the edit's compounds and articles current;
    the server sends every other stored page only under the build id it was rendered in, so
    they are rendered live until the next full build (correct, only slower)."""
    has_pages = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'pages'"
    ).fetchone()
    if not has_pages or conn.execute("SELECT 1 FROM pages LIMIT 1").fetchone() is None:
        return
    from evidex.web.prerender import rerender

    with conn:
        rerender(conn, db_path, part.compounds, part.articles)


def _report_built(
    conn: sqlite3.Connection,
    db_path: Path,
    build_id: str,
    documents: int,
    reparsed: int,
    started: datetime,
    written: list[Diagnostic] | None,
) -> BuildReport:
    """The report of an incremental build: the diagnostics of the files it `written` (None:
    it wrote nothing, and reports the database's) and the counts the database now has."""
    diagnostics = written
    if diagnostics is None:
        diagnostics = [
            Diagnostic(str(r[0]), int(r[1]), r[2], str(r[3]))
            for r in conn.execute("SELECT path, line, level, message FROM diagnostics")
        ]
        diagnostics.sort(key=lambda d: (d.path, d.line, d.level, d.message))
    counts_json = conn.execute("SELECT value FROM meta WHERE key = 'counts'").fetchone()
    counts = {k: int(v) for k, v in json.loads(counts_json[0] if counts_json else "{}").items()}
    seconds = (datetime.now(UTC) - started).total_seconds()
    return BuildReport(
        db_path,
        build_id,
        documents,
        reparsed,
        written is not None,
        seconds,
        diagnostics,
        counts,
        True,
    )


def _unchanged_report(
    content_dir: Path, db_path: Path, strict: bool, started: datetime
) -> BuildReport | None:
    """When the database was built from exactly these files, report it instead of rebuilding."""
    if not db_path.exists():
        return None
    sources, problems = discover(content_dir)
    if any(problem.level == "error" for problem in problems):
        return None
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
            if meta.get("content_hash") != library_hash(sources):
                return None
            diagnostics = [
                Diagnostic(str(r[0]), int(r[1]), r[2], str(r[3]))
                for r in conn.execute("SELECT path, line, level, message FROM diagnostics")
            ]
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    if strict and any(d.is_problem for d in diagnostics):
        raise BuildFailed([_as_error(d) for d in diagnostics])
    documents = sum(s.kind in ("compound", "article", "study") for s in sources)
    seconds = (datetime.now(UTC) - started).total_seconds()
    counts = {k: int(v) for k, v in json.loads(meta.get("counts", "{}")).items()}
    return BuildReport(db_path, meta["build_id"], documents, 0, False, seconds, diagnostics, counts)


def _as_error(diagnostic: Diagnostic) -> Diagnostic:
    """A warning as an error (--strict); information stays information."""
    if diagnostic.level != "warning":
        return diagnostic
    return Diagnostic(
        diagnostic.path, diagnostic.line, "error", diagnostic.message, diagnostic.code
    )
