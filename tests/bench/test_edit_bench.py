"""The edit bench's marker lands in the title of real profiles and articles, and the file
still builds with the marker shown as its title."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from bench.edit_bench import with_marker
from evidex.build.pipeline import build

CONTENT = Path(__file__).resolve().parents[2] / "content"


@pytest.mark.parametrize(
    ("rel", "table"),
    [
        ("compounds/creatine.md", "compounds"),  # a plain title
        ("research/creatine-muscle-and-strength.md", "articles"),  # quoted, with a colon
    ],
)
def test_a_marked_title_builds_and_shows_the_marker(tmp_path: Path, rel: str, table: str) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    path = content / rel
    path.write_text(with_marker(path.read_text(encoding="utf-8"), "editmark7"), encoding="utf-8")
    db = tmp_path / "evidex.db"
    build(content, db)
    conn = sqlite3.connect(db)
    title = conn.execute(f"SELECT title FROM {table} WHERE slug = ?", (path.stem,)).fetchone()[0]
    conn.close()
    assert title.endswith(" editmark7")
