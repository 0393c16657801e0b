from __future__ import annotations

import shutil
import sqlite3
import threading
from pathlib import Path

import pytest

from evidex.build.pipeline import build
from evidex.build.watch import Rebuild, changed_paths, snapshot, watch

SMALL_LIBRARY = Path(__file__).parent / "fixtures" / "small_library"


@pytest.fixture
def library(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(SMALL_LIBRARY, content)
    return content


def _title(db: Path, slug: str) -> str:
    with sqlite3.connect(db) as conn:
        return str(
            conn.execute("SELECT title FROM compounds WHERE slug = ?", (slug,)).fetchone()[0]
        )


def test_changed_paths_lists_added_removed_and_modified_files(library: Path) -> None:
    before = snapshot(library)
    profile = library / "compounds" / "nightcap.md"
    profile.write_text(profile.read_text() + "\n")
    (library / "compounds" / "new.md").write_text("---\ntitle: New\n---\n")
    (library / "studies" / "ta1-cohort.yaml").unlink()
    (library / ".git").mkdir()
    (library / ".git" / "index").write_text("ignored")
    assert changed_paths(before, snapshot(library)) == [
        "compounds/new.md",
        "compounds/nightcap.md",
        "studies/ta1-cohort.yaml",
    ]


def _watching(library: Path, db: Path) -> tuple[list[Rebuild], threading.Event, threading.Event]:
    results: list[Rebuild] = []
    arrived = threading.Event()
    stop = threading.Event()

    def collect(result: Rebuild) -> None:
        results.append(result)
        arrived.set()

    thread = threading.Thread(
        target=watch,
        args=(library, db, collect, stop),
        kwargs={"interval": 0.05, "since": snapshot(library)},
        daemon=True,
    )
    thread.start()
    return results, arrived, stop


def test_a_saved_edit_is_built_and_a_broken_one_keeps_the_last_good_build(
    library: Path, tmp_path: Path
) -> None:
    db = tmp_path / "evidex.db"
    build(library, db)
    profile = library / "compounds" / "nightcap.md"
    original = profile.read_text()
    results, arrived, stop = _watching(library, db)
    try:
        profile.write_text(original.replace("title: Nightcap", "title: Nightcap Renamed", 1))
        assert arrived.wait(30), "no rebuild after an edit"
        assert results[0].changed == ["compounds/nightcap.md"]
        assert results[0].failure is None
        assert _title(db, "nightcap") == "Nightcap Renamed"

        arrived.clear()
        profile.write_text("---\ntitle: [unclosed\n---\n")
        assert arrived.wait(30), "no rebuild after a broken edit"
        assert results[1].failure is not None
        assert _title(db, "nightcap") == "Nightcap Renamed"  # the last good build still served
    finally:
        stop.set()


def test_a_saved_edit_is_written_in_place_without_a_full_build(
    library: Path, tmp_path: Path
) -> None:
    db = tmp_path / "evidex.db"
    build(library, db)
    profile = library / "compounds" / "nightcap.md"
    inode = db.stat().st_ino
    results, arrived, stop = _watching(library, db)
    try:
        profile.write_text(
            profile.read_text().replace("an oral sleep aid", "an oral sleep aid, edited", 1)
        )
        assert arrived.wait(30), "no rebuild after an edit"
    finally:
        stop.set()
    report = results[0].report
    assert report is not None and report.incremental
    assert db.stat().st_ino == inode  # the served file itself, not a new one renamed over it
    with sqlite3.connect(db) as conn:
        (description,) = conn.execute(
            "SELECT description FROM compounds WHERE slug = 'nightcap'"
        ).fetchone()
    assert "edited" in description
