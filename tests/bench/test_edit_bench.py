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
    ("rel", "table", "key"),
    [
        ("compounds/creatine.md", "compounds", "title"),  # plain
        ("compounds/creatine.md", "compounds", "description"),  # a folded block
        ("compounds/ghk-cu.md", "compounds", "description"),
        ("compounds/ghk-cu.md", "compounds", "doc"),  # the first bullet of the body
        ("research/creatine-muscle-and-strength.md", "articles", "title"),  # quoted, a colon
    ],
)
def test_a_marked_file_builds_and_shows_the_marker(
    tmp_path: Path, rel: str, table: str, key: str
) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    path = content / rel
    text = path.read_text(encoding="utf-8")
    marked = with_marker(text, "editmark7", key.replace("doc", "body"))
    path.write_text(marked, encoding="utf-8")
    db = tmp_path / "evidex.db"
    build(content, db)
    conn = sqlite3.connect(db)
    query = f"SELECT {key} FROM {table} WHERE slug = ?"
    value = conn.execute(query, (path.stem,)).fetchone()[0]
    conn.close()
    assert value.startswith("editmark7 ") or (key == "doc" and "editmark7 " in value)
