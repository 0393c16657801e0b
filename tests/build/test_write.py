"""The write step: the content tables written beside the search index give the same database."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

import evidex.build.write as write
from evidex.build.pipeline import BuildWriteFailed, build

FIXTURES = Path(__file__).parent / "fixtures"


def _content(db: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(db)
    try:
        tables = [*write.CONTENT_TABLES, "tiers", "search_docs", "search_content", "vendors"]
        return {
            table: list(conn.execute(f"SELECT * FROM {table} ORDER BY rowid")) for table in tables
        }
    finally:
        conn.close()


def test_content_written_by_a_second_process_equals_content_written_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "small_library", content)
    build(content, tmp_path / "in-place.db")
    monkeypatch.setattr(write, "_SIDE_WRITE_DOCUMENTS", 0)
    build(content, tmp_path / "beside.db")
    in_place, beside = _content(tmp_path / "in-place.db"), _content(tmp_path / "beside.db")
    assert beside["compounds"], "the fixture library has compounds"
    assert beside == in_place
    assert not list(tmp_path.glob("*.content")), "the side file is removed"


def test_a_failing_side_write_fails_the_build_and_keeps_the_old_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "small_library", content)
    db = tmp_path / "evidex.db"
    build(content, db)
    before = db.read_bytes()

    def broken(conn: sqlite3.Connection, library: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(write, "_SIDE_WRITE_DOCUMENTS", 0)
    monkeypatch.setattr(write, "_write_content", broken)
    with pytest.raises(BuildWriteFailed, match="disk full; the previous database is untouched"):
        build(content, db, force=True)
    assert db.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if ".tmp-" in p.name]
