"""An incremental build writes exactly what a full build of the same files writes.

Each edit is built twice from the same database: incrementally (in place) and in full (forced,
over a copy of the same previous database, so history and feeds have the same past). The two
databases must hold the same rows, table by table, apart from build ids and timestamps.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from evidex.build.pipeline import BuildFailed, build
from evidex.synth import generate_library

BUNDLED = Path(__file__).resolve().parents[2] / "content"

# Columns a build fills with its own id or the time it ran.
_VOLATILE = {
    "tier_history": {"changed_at", "build_id"},
    "search_docs": {"rowid"},
}
_VOLATILE_META = {"build_id", "built_at"}


def _tables(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'"
    )
    shadow = ("search_fts_", "search_heads_")  # FTS5's own storage: compared by query below
    # `changes` records how the database was written (incremental builds only): see
    # test_an_incremental_build_records_what_it_rewrote
    return sorted(r[0] for r in rows if not r[0].startswith(shadow) and r[0] != "changes")


def _rows(conn: sqlite3.Connection, table: str) -> list[tuple[object, ...]]:
    cursor = conn.execute(f"SELECT * FROM {table}")
    columns = [d[0] for d in cursor.description]
    keep = [i for i, c in enumerate(columns) if c not in _VOLATILE.get(table, set())]
    rows = [tuple(row[i] for i in keep) for row in cursor]
    if table == "meta":
        rows = [row for row in rows if row[0] not in _VOLATILE_META]
    if table == "feed":  # tier and study entries are dated by the build that made them
        rows = [row[:5] if row[1] in ("tier", "study") else row for row in rows]
    if table == "search_content":  # its rowid names the document: compare by document
        rows = list(
            conn.execute(
                "SELECT d.type, d.slug, c.title, c.names, c.headings, c.body "
                "FROM search_content c JOIN search_docs d USING (rowid)"
            )
        )
    return sorted(rows, key=repr)


def _found(conn: sqlite3.Connection, table: str, word: str) -> list[tuple[object, ...]]:
    return sorted(
        conn.execute(
            f"SELECT d.type, d.slug FROM {table} JOIN search_docs d ON d.rowid = {table}.rowid "
            f"WHERE {table} MATCH ?",
            (word,),
        )
    )


def assert_same_database(incremental: Path, full: Path, words: list[str]) -> None:
    a, b = sqlite3.connect(incremental), sqlite3.connect(full)
    try:
        assert _tables(a) == _tables(b)
        for table in _tables(a):
            assert _rows(a, table) == _rows(b, table), f"table {table} differs"
        for word in words:
            for table in ("search_fts", "search_heads"):
                assert _found(a, table, word) == _found(b, table, word), (table, word)
        assert a.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        for table in ("search_fts", "search_heads"):  # the index agrees with its content
            a.execute(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)")
    finally:
        a.close()
        b.close()


Edit = Callable[[Path], None]


def _replace(rel: str, old: str, new: str) -> Edit:
    def edit(content: Path) -> None:
        path = content / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{rel} no longer contains {old!r}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return edit


def _build_both(content: Path, tmp_path: Path, edit: Edit) -> tuple[Path, Path, bool]:
    """(incremental db, full db, whether the edit was built incrementally)."""
    live, full = tmp_path / "live" / "evidex.db", tmp_path / "full" / "evidex.db"
    build(content, live)
    full.parent.mkdir()
    shutil.copyfile(live, full)
    edit(content)
    report = build(content, live)
    assert report.written
    build(content, full, force=True)
    return live, full, report.incremental


@pytest.fixture
def bundled(tmp_path: Path) -> Path:
    shutil.copytree(BUNDLED, tmp_path / "content")
    return tmp_path / "content"


@pytest.fixture
def synthetic(tmp_path: Path) -> Path:
    content = tmp_path / "synthetic"
    generate_library(content, compounds=40, articles=25, seed=11)
    return content


BUNDLED_EDITS = {
    "profile description": (
        _replace("compounds/creatine.md", "most studied supplements", "most quietzel supplements"),
        ["quietzel", "studied"],  # a word added, a word taken out of the description
    ),
    "regimen line": (
        _replace("compounds/creatine.md", "then 3-5 g daily.", "then 2-4 g daily."),
        [],
    ),
    "study figure moving a tier": (
        _replace("studies/step-1-semaglutide-2021.yaml", "design: rct", "design: cohort"),
        [],
    ),
    "study given a new id (a new study in the feed)": (
        _replace(
            "studies/step-1-semaglutide-2021.yaml",
            "id: step-1-semaglutide-2021",
            "id: step-1-semaglutide-2021-again",
        ),
        [],
    ),
    "article's claimed tier": (
        _replace("research/creatine-muscle-and-strength.md", "tier: 4", "tier: 2"),
        [],
    ),
    "article prose": (
        _replace(
            "research/creatine-muscle-and-strength.md",
            "Creatine is made in the body",
            "Glimmerock creatine is made in the body",
        ),
        ["glimmerock"],
    ),
    "curated study in an article": (
        _replace("research/thymosin-alpha-1-liver-health.md", "value: 36.4", "value: 12.4"),
        [],
    ),
}


@pytest.mark.parametrize("name", sorted(BUNDLED_EDITS))
def test_an_edit_to_the_bundled_library_builds_as_a_full_build_would(
    name: str, bundled: Path, tmp_path: Path
) -> None:
    edit, words = BUNDLED_EDITS[name]
    live, full, incremental = _build_both(bundled, tmp_path, edit)
    assert incremental
    assert_same_database(live, full, words)


def test_a_second_edit_builds_as_a_full_build_would_after_the_first(
    bundled: Path, tmp_path: Path
) -> None:
    """The history and feed the first edit wrote are the past of the second: a tier moved and
    moved back, and the prose the first edit added taken out again."""
    first = BUNDLED_EDITS["study figure moving a tier"][0]
    live, full, _ = _build_both(bundled, tmp_path, first)
    undo = _replace("studies/step-1-semaglutide-2021.yaml", "design: cohort", "design: rct")
    shutil.copyfile(live, full)
    undo(bundled)
    assert build(bundled, live).incremental
    build(bundled, full, force=True)
    assert_same_database(live, full, ["semaglutide"])


def test_a_tier_moved_by_an_edit_is_in_the_history_and_the_feed(
    bundled: Path, tmp_path: Path
) -> None:
    edit = BUNDLED_EDITS["study figure moving a tier"][0]
    live, _, _ = _build_both(bundled, tmp_path, edit)
    conn = sqlite3.connect(live)
    history = conn.execute("SELECT old_tier, new_tier FROM tier_history").fetchall()
    feed = conn.execute("SELECT ref FROM feed WHERE kind = 'tier'").fetchall()
    conn.close()
    assert history == [(2, 3)]
    assert feed == [("weight-loss",)]


def _changes(db: Path) -> list[tuple[str, str, list[str], list[str]]]:
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT build_id, previous, compounds, articles FROM changes").fetchall()
    conn.close()
    return [(r[0], r[1], json.loads(r[2]), json.loads(r[3])) for r in rows]


def _build_id(db: Path) -> str:
    conn = sqlite3.connect(db)
    row = conn.execute("SELECT value FROM meta WHERE key = 'build_id'").fetchone()
    conn.close()
    return str(row[0])


def test_an_incremental_build_records_what_it_rewrote(bundled: Path, tmp_path: Path) -> None:
    """The static export re-renders what `changes` names: the edited compound and its
    articles, and a compound whose tier news the edit's build replaced."""
    db = tmp_path / "evidex.db"
    build(bundled, db)
    assert _changes(db) == []
    first = _build_id(db)
    BUNDLED_EDITS["study figure moving a tier"][0](bundled)
    assert build(bundled, db).incremental
    second = _build_id(db)
    [(build_id, previous, compounds, articles)] = _changes(db)
    assert (build_id, previous) == (second, first)
    assert compounds == ["semaglutide"]
    conn = sqlite3.connect(db)
    own = conn.execute("SELECT slug FROM articles WHERE compound_slug = 'semaglutide'").fetchall()
    conn.close()
    assert articles == sorted(r[0] for r in own)
    # creatine's edit replaces the tier news semaglutide's edit wrote
    BUNDLED_EDITS["regimen line"][0](bundled)
    assert build(bundled, db).incremental
    assert _changes(db)[-1][:3] == (_build_id(db), second, ["creatine", "semaglutide"])
    build(bundled, db, force=True)
    assert _changes(db) == []


def _first_profile(content: Path) -> Path:
    return sorted((content / "compounds").glob("*.md"))[3]


def _first_article(content: Path) -> Path:
    return sorted((content / "research").glob("*.md"))[2]


def test_edits_to_a_synthetic_library_build_as_a_full_build_would(
    synthetic: Path, tmp_path: Path
) -> None:
    profile, article = _first_profile(synthetic), _first_article(synthetic)

    def edit(content: Path) -> None:
        text = profile.read_text(encoding="utf-8")
        profile.write_text(text.replace("\n## ", "\nZephyrine was here.\n\n## ", 1))
        text = article.read_text(encoding="utf-8")
        article.write_text(text.replace("\n## ", "\nA second zephyrine line.\n\n## ", 1))

    live, full, incremental = _build_both(synthetic, tmp_path, edit)
    assert incremental
    assert_same_database(live, full, ["zephyrine"])


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_broken_edit_changes_nothing_and_names_the_line(bundled: Path, tmp_path: Path) -> None:
    db = tmp_path / "evidex.db"
    build(bundled, db)
    before = _digest(db)
    _replace("compounds/creatine.md", "slug: creatine", "slug: [creatine")(bundled)
    with pytest.raises(BuildFailed) as failure:
        build(bundled, db)
    assert _digest(db) == before
    errors = [d for d in failure.value.diagnostics if d.level == "error"]
    assert errors and errors[0].path.endswith("compounds/creatine.md") and errors[0].line > 1


@pytest.mark.parametrize(
    ("rel", "old", "new"),
    [
        ("goals.yaml", "\n", "\n# a comment\n"),  # a vocabulary
        ("compounds/creatine.md", "- Cr\n", "- Cr\n- Kreatinum\n"),  # a name
    ],
)
def test_edits_other_files_link_to_build_in_full(
    bundled: Path, tmp_path: Path, rel: str, old: str, new: str
) -> None:
    live, full, incremental = _build_both(bundled, tmp_path, _replace(rel, old, new))
    assert not incremental
    assert_same_database(live, full, [])


def test_an_added_file_builds_in_full(bundled: Path, tmp_path: Path) -> None:
    def add(content: Path) -> None:
        study = content / "studies/step-1-semaglutide-2021.yaml"
        copy = study.with_name("step-1-again.yaml")
        copy.write_text(study.read_text().replace("id: step-1-semaglutide-2021", "id: again"))

    _, _, incremental = _build_both(bundled, tmp_path, add)
    assert not incremental


def test_a_saved_but_unchanged_file_rewrites_nothing(bundled: Path, tmp_path: Path) -> None:
    db = tmp_path / "evidex.db"
    first = build(bundled, db)
    path = bundled / "compounds/creatine.md"
    path.write_bytes(path.read_bytes())  # saved again: new mtime, same bytes
    again = build(bundled, db)
    assert not again.written and again.build_id == first.build_id


def test_an_edit_to_a_prerendered_build_renders_again_the_pages_it_touches(
    tmp_path: Path,
) -> None:
    """`build --prerender`, then an edit built in place: the edited compound's stored page is
    rendered again under the new build id and shows the edit; a page the edit does not touch
    keeps the old build id, which the server does not send as current."""
    content = tmp_path / "content"
    shutil.copytree(BUNDLED, content)
    db = tmp_path / "evidex.db"
    build(content, db, prerender=True)

    def stored(path: str) -> tuple[str, bytes]:
        with sqlite3.connect(db) as conn:
            build_id, body = conn.execute(
                "SELECT build_id, body FROM pages WHERE path = ?", (path,)
            ).fetchone()
        return str(build_id), zlib.decompress(body, 31)

    untouched_before, _ = stored("/compounds/melatonin")
    profile = content / "compounds" / "semaglutide.md"
    profile.write_text(
        profile.read_text(encoding="utf-8").replace(
            "## **How It Works**\n",
            "## **How It Works**\nA sentence added for the pre-render test.\n",
            1,
        ),
        encoding="utf-8",
    )
    report = build(content, db)
    edited_build, edited_body = stored("/compounds/semaglutide")
    assert edited_build == report.build_id
    assert b"A sentence added for the pre-render test." in edited_body
    assert stored("/compounds/melatonin")[0] == untouched_before != report.build_id
