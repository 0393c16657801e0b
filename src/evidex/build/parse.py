"""Step 2 of the build: parse every file into typed models, in parallel, skipping unchanged files.

A file's parse depends only on its bytes, the condition vocabulary and the code, so results are
cached by content digest in a SQLite file beside the database, keyed by the vocabulary and code.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import pickle
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from evidex.build.discover import SourceFile, read_source
from evidex.build.forked import worker_count, worker_pool
from evidex.content.diagnostics import ContentError, Diagnostic
from evidex.content.models import Condition
from evidex.content.yamlload import decode_text

CACHE_VERSION = 5
_PARALLEL_THRESHOLD = 200  # below this many files a process pool costs more than it saves
_CHUNK_FILES = 100
_FEW_FILES = 200  # an incremental build's: looked up one by one, not by reading every row


@dataclass
class ParsedFile:
    rel: str
    kind: str
    digest: str
    path: str = ""  # absolute path, to quote source lines in messages
    extracted: list[Any] = field(default_factory=list)  # studies proposed from article prose
    model: Any = None  # Compound | Article | Study | raw text for vocab files
    diagnostics: list[Diagnostic] = field(default_factory=list)


def digest_bytes(raw: bytes) -> str:
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of Evidex's own source: new code must re-parse, never reuse old results."""
    package = Path(__file__).resolve().parents[1]
    digest = hashlib.blake2b(str(CACHE_VERSION).encode(), digest_size=16)
    for source in sorted([*package.rglob("*.py"), *package.rglob("*.sql")]):
        digest.update(source.relative_to(package).as_posix().encode())
        digest.update(source.read_bytes())
    return digest.hexdigest()


def _parse_one(source: SourceFile, raw: bytes, conditions: list[Condition]) -> ParsedFile:
    parsed = ParsedFile(source.rel, source.kind, digest_bytes(raw), str(source.path))
    try:
        text = decode_text(raw, source.rel)
    except ContentError as exc:
        parsed.diagnostics.append(exc.diagnostic)
        return parsed
    try:
        parsed.model, parsed.diagnostics = _dispatch(source, text, conditions)
        parsed.extracted = _extract(parsed.model)
    except ContentError as exc:
        parsed.diagnostics.append(exc.diagnostic)
    except Exception as exc:  # a parser bug must not take the build down; report it
        parsed.diagnostics.append(
            Diagnostic(
                source.rel, 1, "error", f"internal parser error: {type(exc).__name__}: {exc}"
            )
        )
    return parsed


def _read_and_parse(source: SourceFile, conditions: list[Condition]) -> ParsedFile:
    try:
        raw = read_source(source)
    except ContentError as exc:  # gone, unreadable or swapped since the library was listed
        parsed = ParsedFile(source.rel, source.kind, "", str(source.path))
        parsed.diagnostics.append(exc.diagnostic)
        return parsed
    return _parse_one(source, raw, conditions)


def _dispatch(
    source: SourceFile, text: str, conditions: list[Condition]
) -> tuple[Any, list[Diagnostic]]:
    if source.kind == "compound":
        from evidex.content.profile import parse_profile

        return parse_profile(text, source.rel, conditions, slug=source.stem)
    if source.kind == "article":
        from evidex.content.article import parse_article

        return parse_article(text, source.rel, slug=source.stem)
    if source.kind == "study":
        from evidex.evidence.studyfile import parse_study_file

        return parse_study_file(text, source.rel)
    # vocabularies and vendors are parsed by the link step, which needs the whole library
    return text, []


def _extract(model: Any) -> list[Any]:
    """Study records proposed from an article's prose, done here so it runs on every core
    and is cached with the file. Used only where no curated records exist."""
    from evidex.content.models import Article

    if not isinstance(model, Article) or model.studies:
        return []
    from evidex.evidence.extract import extract_studies

    return extract_studies(model.body_markdown, source=model.slug, goal=model.goal)


class ParseCache:
    """Parsed files from earlier builds, one pickled row per file in a SQLite file.

    A row is the very bytes a parse worker pickled to send its result back, so the build never
    pickles the library a second time to save it. Only the build process writes the file (the
    workers wrote it themselves once: no faster, measured, and it made them wait on its lock).
    """

    def __init__(self, path: Path | None, vocabulary_digest: str) -> None:
        self.path = path
        self.key = f"{code_digest()}:{vocabulary_digest}"
        self.conn: sqlite3.Connection | None = None
        if path is not None:
            self.conn = _open_cache(path, self.key)

    def hits(self, wanted: dict[str, str]) -> dict[str, ParsedFile]:
        """The cached results for the files whose digest is unchanged ({rel: digest})."""
        if self.conn is None:
            return {}
        found = {}
        if len(wanted) <= _FEW_FILES:
            rows: Iterable[tuple[str, str, bytes]] = [
                row
                for rel in wanted
                for row in self.conn.execute(
                    "SELECT rel, digest, parsed FROM entries WHERE rel = ?", (rel,)
                )
            ]
        else:
            rows = self.conn.execute("SELECT rel, digest, parsed FROM entries")
        for rel, digest, blob in rows:
            if wanted.get(rel) == digest:
                try:
                    found[rel] = pickle.loads(blob)
                except Exception:  # a damaged row is only a file to parse again
                    continue
        return found

    def is_empty(self) -> bool:
        return self.conn is None or self.conn.execute("SELECT 1 FROM entries").fetchone() is None

    def put(self, rows: list[tuple[str, str, bytes]]) -> None:
        if self.conn is not None:
            _store(self.conn, rows)

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def save(self, kept: Iterable[str]) -> None:
        """Forget files that are gone and commit what this build parsed."""
        if self.conn is None:
            return
        self.conn.execute("CREATE TEMP TABLE kept (rel TEXT PRIMARY KEY)")
        self.conn.executemany("INSERT OR IGNORE INTO kept VALUES (?)", ((rel,) for rel in kept))
        self.conn.execute("DELETE FROM entries WHERE rel NOT IN (SELECT rel FROM kept)")
        self.conn.execute("DROP TABLE kept")
        self.conn.commit()
        self.conn.close()
        self.conn = None


def _open_cache(path: Path, key: str) -> sqlite3.Connection | None:
    """The cache for `key`; one written by other code or vocabularies is emptied first."""
    path.parent.mkdir(parents=True, exist_ok=True)
    for attempt in range(2):
        try:
            conn = sqlite3.connect(path, timeout=30)
            conn.execute("PRAGMA synchronous=OFF")
            conn.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT)")
            conn.execute(
                "CREATE TABLE IF NOT EXISTS entries (rel TEXT PRIMARY KEY, digest TEXT, parsed BLOB)"
            )
            stored = conn.execute("SELECT key FROM meta").fetchone()
            if stored is None or stored[0] != key:
                conn.execute("DELETE FROM entries")
                conn.execute("DELETE FROM meta")
                conn.execute("INSERT INTO meta VALUES (?)", (key,))
                conn.commit()
            return conn
        except sqlite3.DatabaseError:
            # not a cache we can read (an old pickle, a damaged file): start a new one
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
            if attempt:
                return None
    return None


def _store(conn: sqlite3.Connection, rows: list[tuple[str, str, bytes]]) -> None:
    """Store (rel, digest, pickled ParsedFile) rows."""
    conn.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?, ?)", rows)
    conn.commit()


def _pickled(parsed: ParsedFile) -> tuple[str, str, bytes]:
    return parsed.rel, parsed.digest, pickle.dumps(parsed, pickle.HIGHEST_PROTOCOL)


def _import_parsers() -> None:
    importlib.import_module("evidex.content.profile")
    importlib.import_module("evidex.content.article")
    importlib.import_module("evidex.evidence.studyfile")
    importlib.import_module("evidex.evidence.extract")


def _parse_chunk(chunk: list[SourceFile], conditions: list[Condition]) -> list[bytes]:
    """In a worker: read and parse, and pickle each result once (the build process keeps the
    same bytes as the file's cache row)."""
    return [_pickled(_read_and_parse(source, conditions))[2] for source in chunk]


def parse_all(
    sources: list[SourceFile],
    conditions: list[Condition],
    cache: ParseCache,
    progress: Callable[[int], None] | None = None,
    workers: int | None = None,
) -> tuple[list[ParsedFile], int]:
    """Parse every source, reusing cached results. Returns (results in source order, reparsed).

    With an empty cache (a first or a forced build) nothing can be reused, so the files are
    read by the workers that parse them and this process starts them at once."""
    results = {} if cache.is_empty() else cache.hits(_digests(sources))
    if progress and results:
        progress(len(results))
    todo = [source for source in sources if source.rel not in results]

    workers = workers or worker_count()
    if len(todo) < _PARALLEL_THRESHOLD or workers < 2:
        rows = []
        for source in todo:
            parsed = _read_and_parse(source, conditions)
            results[source.rel] = parsed
            rows.append(_pickled(parsed))
            if progress:
                progress(1)
        cache.put(rows)
    else:
        # small chunks: no core sits idle at the end waiting for the other's last chunk
        size = max(20, min(_CHUNK_FILES, len(todo) // (workers * 8)))
        chunks = [todo[i : i + size] for i in range(0, len(todo), size)]
        _import_parsers()  # once here, inherited by every forked worker
        with worker_pool(workers) as pool:
            for done in pool.map(_parse_chunk, chunks, [conditions] * len(chunks)):
                rows = []
                for pickled in done:
                    parsed = pickle.loads(pickled)
                    results[parsed.rel] = parsed
                    rows.append((parsed.rel, parsed.digest, pickled))
                cache.put(rows)
                if progress:
                    progress(len(done))
    cache.save(source.rel for source in sources)
    ordered = [results[source.rel] for source in sources]
    return ordered, len(todo)


def parse_some(
    sources: list[SourceFile], conditions: list[Condition], cache: ParseCache
) -> list[ParsedFile]:
    """Parse a few files (an incremental build's) in this process, reusing and adding to the
    cache, which keeps every other file's entry."""
    results = cache.hits(_digests(sources))
    rows = []
    for source in sources:
        if source.rel not in results:
            results[source.rel] = parsed = _read_and_parse(source, conditions)
            rows.append(_pickled(parsed))
    cache.put(rows)
    cache.close()
    return [results[source.rel] for source in sources]


def _digests(sources: list[SourceFile]) -> dict[str, str]:
    """{rel: digest} of every file that can be read now."""
    digests = {}
    for source in sources:
        with contextlib.suppress(ContentError):
            digests[source.rel] = digest_bytes(read_source(source))
    return digests
