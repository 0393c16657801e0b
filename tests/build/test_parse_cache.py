"""The parse cache: per-file results reused across builds, never trusted when stale or broken."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

import evidex.build.parse as parse
from evidex.build.discover import discover
from evidex.build.parse import ParseCache, parse_all
from evidex.build.pipeline import build

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def library_dir(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(FIXTURES / "small_library", target)
    return target


def _documents(content: Path) -> list[parse.SourceFile]:
    sources, _ = discover(content)
    return [s for s in sources if s.kind in ("compound", "article", "study")]


def _cached_files(cache_path: Path) -> set[str]:
    conn = sqlite3.connect(cache_path)
    try:
        return {row[0] for row in conn.execute("SELECT rel FROM entries")}
    finally:
        conn.close()


def test_a_second_parse_reuses_every_unchanged_file(library_dir: Path, tmp_path: Path) -> None:
    documents = _documents(library_dir)
    cache_path = tmp_path / "cache"
    first, reparsed = parse_all(documents, [], ParseCache(cache_path, "vocab"))
    assert reparsed == len(documents)
    again, reparsed = parse_all(documents, [], ParseCache(cache_path, "vocab"))
    assert reparsed == 0
    assert [p.model for p in again] == [p.model for p in first]
    assert [p.diagnostics for p in again] == [p.diagnostics for p in first]


def test_other_vocabularies_parse_everything_again(library_dir: Path, tmp_path: Path) -> None:
    documents = _documents(library_dir)
    cache_path = tmp_path / "cache"
    parse_all(documents, [], ParseCache(cache_path, "vocab"))
    _, reparsed = parse_all(documents, [], ParseCache(cache_path, "other vocab"))
    assert reparsed == len(documents)


def test_a_deleted_file_leaves_the_cache(library_dir: Path, tmp_path: Path) -> None:
    cache_path = tmp_path / "cache"
    parse_all(_documents(library_dir), [], ParseCache(cache_path, "vocab"))
    gone = next((library_dir / "compounds").glob("*.md"))
    gone.unlink()
    parse_all(_documents(library_dir), [], ParseCache(cache_path, "vocab"))
    cached = _cached_files(cache_path)
    assert f"compounds/{gone.name}" not in cached
    assert len(cached) == len(_documents(library_dir))


@pytest.mark.parametrize(
    "junk", [b"\x80\x04\x95 an old pickle cache", b"", b"SQLite format 3\x00broken"]
)
def test_an_unreadable_cache_file_is_replaced(
    library_dir: Path, tmp_path: Path, junk: bytes
) -> None:
    db = tmp_path / "evidex.db"
    cache_path = db.with_name(f".{db.name}.parse-cache")
    cache_path.write_bytes(junk)
    report = build(library_dir, db)
    assert report.written
    assert report.reparsed == report.documents
    assert _cached_files(cache_path)


def test_worker_processes_give_the_same_results_as_one_process(
    library_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    documents = _documents(library_dir)
    alone, _ = parse_all(documents, [], ParseCache(None, "vocab"))
    monkeypatch.setattr(parse, "_PARALLEL_THRESHOLD", 0)
    pooled, reparsed = parse_all(documents, [], ParseCache(tmp_path / "cache", "vocab"), workers=2)
    assert reparsed == len(documents)
    assert [p.rel for p in pooled] == [s.rel for s in documents]
    assert [p.model for p in pooled] == [p.model for p in alone]
    assert _cached_files(tmp_path / "cache") == {s.rel for s in documents}


@pytest.mark.parametrize("cached_first", [False, True])
def test_a_file_gone_since_it_was_listed_is_an_error_not_a_crash(
    library_dir: Path, tmp_path: Path, cached_first: bool
) -> None:
    documents = _documents(library_dir)
    cache = tmp_path / "cache"
    if cached_first:
        parse_all(documents, [], ParseCache(cache, "vocab"))
    gone = documents[0]
    gone.path.unlink()
    results, _ = parse_all(documents, [], ParseCache(cache, "vocab"))
    (result,) = [r for r in results if r.rel == gone.rel]
    assert result.model is None
    assert [(d.path, d.level) for d in result.diagnostics] == [(gone.rel, "error")]
    assert "cannot read" in result.diagnostics[0].message
