"""Step 2 of the build: parse every file into typed models, in parallel, skipping unchanged files.

A file's parse depends only on its bytes and the condition vocabulary, so results are cached
by (content digest, vocabulary digest) in a pickle beside the database.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from evidex.build.discover import SourceFile
from evidex.content.diagnostics import ContentError, Diagnostic
from evidex.content.models import Condition
from evidex.content.yamlload import decode_text

CACHE_VERSION = 4
_PARALLEL_THRESHOLD = 200  # below this many files a process pool costs more than it saves


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


def _parse_chunk(
    chunk: list[tuple[SourceFile, bytes]], conditions: list[Condition]
) -> list[ParsedFile]:
    return [_parse_one(source, raw, conditions) for source, raw in chunk]


class ParseCache:
    def __init__(self, path: Path | None, vocabulary_digest: str) -> None:
        self.path = path
        self.key = f"{code_digest()}:{vocabulary_digest}"
        self.entries: dict[str, ParsedFile] = {}
        if path is not None and path.exists():
            try:
                with path.open("rb") as handle:
                    stored = pickle.load(handle)
                if stored.get("key") == self.key:
                    self.entries = stored["entries"]
            except Exception:  # a stale or broken cache is only a slower build
                self.entries = {}

    def get(self, rel: str, digest: str) -> ParsedFile | None:
        hit = self.entries.get(rel)
        return hit if hit is not None and hit.digest == digest else None

    def save(self, parsed: Iterable[ParsedFile]) -> None:
        if self.path is None:
            return
        entries = {item.rel: item for item in parsed}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f"{self.path.name}.tmp-{os.getpid()}")
        with tmp.open("wb") as handle:
            pickle.dump({"key": self.key, "entries": entries}, handle, pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, self.path)


def parse_all(
    sources: list[SourceFile],
    conditions: list[Condition],
    cache: ParseCache,
    progress: Callable[[int], None] | None = None,
    workers: int | None = None,
) -> tuple[list[ParsedFile], int]:
    """Parse every source, reusing cached results. Returns (results in source order, reparsed)."""
    results: dict[str, ParsedFile] = {}
    todo: list[tuple[SourceFile, bytes]] = []
    for source in sources:
        raw = source.path.read_bytes()
        hit = cache.get(source.rel, digest_bytes(raw))
        if hit is not None:
            results[source.rel] = hit
            if progress:
                progress(1)
        else:
            todo.append((source, raw))

    workers = workers or min(os.cpu_count() or 1, 4)
    if len(todo) < _PARALLEL_THRESHOLD or workers < 2:
        for source, raw in todo:
            results[source.rel] = _parse_one(source, raw, conditions)
            if progress:
                progress(1)
    else:
        size = max(50, len(todo) // (workers * 8))
        chunks = [todo[i : i + size] for i in range(0, len(todo), size)]
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for done in pool.map(_parse_chunk, chunks, [conditions] * len(chunks)):
                for parsed in done:
                    results[parsed.rel] = parsed
                if progress:
                    progress(len(done))
    ordered = [results[source.rel] for source in sources]
    return ordered, len(todo)
