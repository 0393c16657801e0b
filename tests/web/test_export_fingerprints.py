"""Fingerprints of exported pages: a change to a row changes the fingerprint of every page
that shows it, and of no page that does not."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import evidex
from evidex.web.export_fingerprints import (
    Fingerprints,
    code_version,
    fingerprints,
    listing_digests,
    renderer_files,
    some_fingerprints,
    view_digests,
)


@pytest.fixture
def conn(db_path: Path) -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(db_path)
    yield connection
    connection.close()


def _changed(before: Fingerprints, after: Fingerprints) -> set[str]:
    slugs = set(before.compounds) | set(after.compounds)
    return {slug for slug in slugs if before.compound(slug) != after.compound(slug)}


def test_an_outcome_changes_only_its_studys_compound_and_article(
    conn: sqlite3.Connection,
) -> None:
    before = fingerprints(conn)
    conn.execute("UPDATE outcomes SET value = value + 1 WHERE study_id = 'ta1-hcc-2019'")
    after = fingerprints(conn)
    assert _changed(before, after) == {"thymosin-alpha"}
    article = "thymosin-alpha-liver-health"
    assert before.research(article, "thymosin-alpha") != after.research(article, "thymosin-alpha")
    assert before.shared == after.shared


def test_a_partners_title_changes_the_compound_that_links_to_it(
    conn: sqlite3.Connection,
) -> None:
    before = fingerprints(conn)
    conn.execute("UPDATE compounds SET title = 'Interferon alfa' WHERE slug = 'interferon-alpha'")
    after = fingerprints(conn, before.rows, before.partners)
    assert _changed(before, after) == {"interferon-alpha", "thymosin-alpha"}
    assert after.partners["thymosin-alpha"] == ["interferon-alpha"]


def test_partners_are_read_again_when_a_compounds_own_rows_change(
    conn: sqlite3.Connection,
) -> None:
    before = fingerprints(conn)
    conn.execute("UPDATE compounds SET description = 'new' WHERE slug = 'thymosin-alpha'")
    # A previous export that recorded other partners is not believed for a changed compound.
    stale = {**before.partners, "thymosin-alpha": ["bpc-157"]}
    after = fingerprints(conn, before.rows, stale)
    assert after.partners["thymosin-alpha"] == ["interferon-alpha"]


def test_a_table_no_page_is_credited_with_changes_every_page(conn: sqlite3.Connection) -> None:
    conn.execute("CREATE TABLE glossary (term TEXT, text TEXT)")
    before = fingerprints(conn)
    conn.execute("INSERT INTO glossary VALUES ('RCT', 'randomised controlled trial')")
    after = fingerprints(conn)
    assert _changed(before, after) == set(before.compounds)
    assert before.shared != after.shared


def test_the_build_identity_changes_no_page(conn: sqlite3.Connection) -> None:
    before = fingerprints(conn)
    conn.execute("UPDATE meta SET value = 'another' WHERE key IN ('build_id', 'built_at')")
    assert fingerprints(conn) == before


def _changed_views(before: dict[str, str], after: dict[str, str]) -> set[str]:
    return {name for name in before.keys() | after.keys() if before.get(name) != after.get(name)}


def test_a_list_view_changes_only_with_what_the_list_shows(conn: sqlite3.Connection) -> None:
    before = view_digests(conn)
    conn.execute("UPDATE compounds SET doc = json_set(doc, '$.mechanism', 'new')")
    assert view_digests(conn) == before  # no list shows a profile's sections
    conn.execute("UPDATE compounds SET title = 'Thymosin a1' WHERE slug = 'thymosin-alpha'")
    assert _changed_views(before, view_digests(conn)) == {
        "compounds",
        "titles",
        "goal:liver-health",
    }


def test_a_tier_changes_its_goals_view_and_the_lists(conn: sqlite3.Connection) -> None:
    before = view_digests(conn)
    conn.execute("UPDATE tiers SET tier = 5 WHERE compound_slug = 'thymosin-alpha'")
    changed = _changed_views(before, view_digests(conn))
    assert changed == {"compounds", "articles", "goal:liver-health"}


def test_a_compounds_listing_changes_only_with_what_a_list_shows_of_it(
    conn: sqlite3.Connection,
) -> None:
    before = listing_digests(conn, None)
    conn.execute("UPDATE compounds SET doc = json_set(doc, '$.mechanism', 'new')")
    assert listing_digests(conn, None) == before  # no list shows a profile's sections
    for change in (
        "UPDATE compounds SET description = 'Another' WHERE slug = 'thymosin-alpha'",
        "UPDATE tiers SET tier = 5 WHERE compound_slug = 'thymosin-alpha'",
        "DELETE FROM studies WHERE id IN"
        " (SELECT id FROM studies WHERE compound_slug = 'thymosin-alpha' LIMIT 1)",
    ):
        conn.execute(change)
        after = listing_digests(conn, None)
        assert _changed_views(before, after) == {"thymosin-alpha"}, change
        assert listing_digests(conn, ["thymosin-alpha", "bpc-157"]) == {
            slug: after[slug] for slug in ("thymosin-alpha", "bpc-157")
        }
        before = after


# --- the code version: what forces a full export --------------------------------------------

_LOADED_BY_AN_EXPORT = """
import sys
from pathlib import Path
from evidex.web.export import export_site
export_site(Path(sys.argv[1]), Path(sys.argv[2]))
for name, module in sorted(sys.modules.items()):
    if name.startswith("evidex") and getattr(module, "__file__", None):
        print(Path(module.__file__).resolve())
"""


def test_every_module_an_export_runs_is_in_the_code_version(db_path: Path, tmp_path: Path) -> None:
    """In a fresh interpreter, so only what the export itself imports is loaded."""
    done = subprocess.run(
        [sys.executable, "-c", _LOADED_BY_AN_EXPORT, str(db_path), str(tmp_path / "site")],
        check=True,
        capture_output=True,
        text=True,
    )
    loaded = {Path(line) for line in done.stdout.splitlines()}
    assert any(path.name == "pages.py" for path in loaded)
    covered = {path.resolve() for path in renderer_files()}
    assert sorted(map(str, loaded - covered)) == []


@pytest.fixture
def package(tmp_path: Path) -> Path:
    """A copy of the evidex package to edit."""
    copy = tmp_path / "evidex"
    shutil.copytree(
        Path(evidex.__file__).parent, copy, ignore=shutil.ignore_patterns("__pycache__")
    )
    return copy


def _appended(path: Path, text: str) -> None:
    path.write_text(path.read_text("utf-8") + text, "utf-8")


@pytest.mark.parametrize(
    "edited", ["evidence/extract.py", "text/abstracts.py", "build/parse.py", "cli/main.py"]
)
def test_code_the_export_does_not_run_keeps_the_code_version(edited: str, package: Path) -> None:
    before = code_version(package)
    _appended(package / edited, "\n# a new rule\n")
    assert code_version(package) == before


@pytest.mark.parametrize(
    "edited",
    [
        "web/templates/base.html",
        "web/static/css/evidex.css",
        "storage/queries.py",
        "ops/observe.py",
    ],
)
def test_code_that_shapes_exported_files_changes_the_code_version(
    edited: str, package: Path
) -> None:
    before = code_version(package)
    _appended(package / edited, "\n")
    assert code_version(package) != before


def test_a_few_fingerprints_equal_those_of_a_full_read(conn: sqlite3.Connection) -> None:
    """Read for a few compounds and articles (after an incremental build), including a tier
    citing another compound's study: the digests a read of every row gives them."""
    conn.execute(
        "UPDATE tiers SET doc = json_set(doc, '$.study_ids[#]', 'ta1-hcc-2019')"
        " WHERE compound_slug = 'interferon-alpha'"
    )
    full = fingerprints(conn)
    assert full.cited == {"interferon-alpha": ["thymosin-alpha"]}
    for compounds, articles in (
        ({"interferon-alpha"}, set()),
        ({"thymosin-alpha", "interferon-alpha"}, {"thymosin-alpha-liver-health"}),
    ):
        some = some_fingerprints(conn, compounds, articles, full.shared)
        assert some.compounds == {slug: full.compounds[slug] for slug in compounds}
        assert some.articles == {slug: full.articles[slug] for slug in articles}
        assert some.rows == {slug: full.rows[slug] for slug in compounds}
        assert some.cited == {"interferon-alpha": ["thymosin-alpha"]}
    # the cited study's numbers change the citing compound's digest
    conn.execute("UPDATE studies SET n = 999 WHERE id = 'ta1-hcc-2019'")
    after = some_fingerprints(conn, {"interferon-alpha"}, set(), full.shared)
    assert after.compounds["interferon-alpha"] != full.compounds["interferon-alpha"]
