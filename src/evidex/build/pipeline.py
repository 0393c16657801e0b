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
from evidex.build.library import Library
from evidex.build.link import link
from evidex.build.parse import ParseCache, code_digest, digest_bytes, parse_all
from evidex.build.write import FinishHook, WriteHook, remove_stale_temporaries, write_database
from evidex.content.diagnostics import ContentError, Diagnostic
from evidex.content.render import markdown_to_html
from evidex.content.vocab import parse_conditions, parse_goals, parse_interactions
from evidex.content.yamlload import decode_text

Progress = Callable[[str, int, int], None]  # (stage, advance, total)


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


def _read_vocabularies(sources: list[SourceFile], library: Library) -> str:
    """Parse goals, conditions and interactions first: profiles are mapped onto them."""
    digests = []
    for source in sources:
        if source.kind not in ("goals", "conditions", "interactions"):
            continue
        try:
            raw = read_source(source)
            digests.append(digest_bytes(raw))
            text = decode_text(raw, source.rel)
        except ContentError as exc:
            library.diagnostics.append(exc.diagnostic)
            continue
        if source.kind == "goals":
            goals, problems = parse_goals(text, source.rel)
            library.goals = {goal.slug: goal for goal in goals}
        elif source.kind == "conditions":
            conditions, problems = parse_conditions(text, source.rel)
            library.conditions = {condition.slug: condition for condition in conditions}
        else:
            library.interactions, problems = parse_interactions(text, source.rel)
            library.interactions_path = source.rel
        library.diagnostics.extend(problems)
    return hashlib.blake2b("".join(digests).encode(), digest_size=16).hexdigest()


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
    vocabulary_digest = _read_vocabularies(sources, library)
    documents = [s for s in sources if s.kind in ("compound", "article", "study")]
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
    library.content_hash = library_hash(sources, {item.rel: item.digest for item in parsed})
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
) -> BuildReport:
    """Build `content_dir` into `db_path` atomically; raise BuildFailed on errors.

    A build whose content is byte-for-byte what the current database was built from writes
    nothing (the artifact would be identical) unless `force` is set.
    """
    started = datetime.now(UTC)
    remove_stale_temporaries(db_path)
    if not force:
        unchanged = _unchanged_report(content_dir, db_path, strict, started)
        if unchanged is not None:
            return unchanged
    cache_path = db_path.with_name(f".{db_path.name}.parse-cache")
    had_cache = cache_path.exists()
    try:
        return _build(content_dir, db_path, cache_path, strict, progress, hooks, started)
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
    build_id = f"{library.content_hash[:12]}-{started.strftime('%Y%m%dT%H%M%S%fZ')}"
    if progress:
        progress("write", 0, 1)
    extra_meta = {"methodology_html": methodology_html(), "counts": json.dumps(counts)}
    with _without_cycle_collection():
        write_database(
            library,
            db_path,
            build_id,
            extra_meta,
            write_hooks() if hooks is None else hooks,
            finish_hooks(),
        )
    seconds = (datetime.now(UTC) - started).total_seconds()
    return BuildReport(db_path, build_id, documents, reparsed, True, seconds, diagnostics, counts)


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
