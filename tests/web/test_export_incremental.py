"""Incremental static export: after an edit and a rebuild, exporting into the earlier export's
folder gives exactly the files a fresh export of the new build gives, and leaves alone every
file whose bytes did not change."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from evidex.build.pipeline import build
from evidex.cli.main import app as cli
from evidex.synth import generate_library
from evidex.web.export import MANIFEST, ExportRefused, ExportSummary, export_site

LIBRARY = Path(__file__).resolve().parents[2] / "content"


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, f"{path.name} no longer holds {old!r}; pick another edit"
    path.write_text(text.replace(old, new, 1), "utf-8")


def _profile_text(content: Path) -> None:
    _replace(
        content / "compounds/melatonin.md",
        "## **Usage**",
        "## **Usage**\n\nTaken an hour before the desired bedtime in the trials below.\n",
    )


def _profile_description(content: Path) -> None:
    # shown on the compound list and the API's list, not in the search index
    _replace(
        content / "compounds/creatine.md", "most studied supplements", "best known supplements"
    )


def _partner_title(content: Path) -> None:
    # BPC-157's Popular Combinations link to TB-500 and show its title.
    _replace(content / "compounds/tb-500.md", "title: TB-500\n", "title: TB-500 Fragment\n")


def _article_tier(content: Path) -> None:
    path = content / "research/melatonin-sleep.md"
    claimed = re.search(r"\ntier: (\d)\n", path.read_text("utf-8"))
    assert claimed, "the article claims no tier any more; pick another edit"
    _replace(path, claimed[0], f"\ntier: {int(claimed[1]) % 5 + 1}\n")


def _study_numbers(content: Path) -> None:
    _replace(content / "studies/dpp-metformin-2002.yaml", "value: 7.8", "value: 6.1")


def _tier_move(content: Path) -> None:
    # Semaglutide's weight-loss tier moves from 2 to 3: its goal pages and lists show it.
    _replace(content / "studies/step-1-semaglutide-2021.yaml", "design: rct", "design: cohort")


def _deleted_compound(content: Path) -> None:
    (content / "compounds/interferon-alpha.md").unlink()


def _goal_name(content: Path) -> None:
    _replace(content / "goals.yaml", "name: Liver health", "name: Liver and bile health")


EDITS: dict[str, Callable[[Path], None]] = {
    "profile text": _profile_text,
    "profile description": _profile_description,
    "combination partner title": _partner_title,
    "article tier": _article_tier,
    "study numbers": _study_numbers,
    "tier move": _tier_move,
    "deleted compound": _deleted_compound,
    "goal name": _goal_name,
}

# Goal names label the tiers on every compound page, so that edit renders every page again.
SHOWN_EVERYWHERE = {"goal name"}
# Built in full (a name changed, a file removed, a vocabulary changed): the export cannot take
# what changed from the build's record and reads every row instead.
FULL_BUILDS = {"combination partner title", "deleted compound", "goal name"}


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _mtimes(folder: Path) -> dict[str, int]:
    return {
        str(p.relative_to(folder)): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()
    }


def _folders(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_dir()}


def _export_edited(
    content: Path, db: Path, site: Path, edit: Callable[[Path], None], fresh: Path
) -> ExportSummary:
    """Edit the library, rebuild, export into `site` (an earlier export) and into `fresh`."""
    edit(content)
    build(content, db)
    summary = export_site(db, site)
    export_site(db, fresh)
    return summary


@pytest.fixture
def library(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(LIBRARY, target)
    return target


@pytest.mark.parametrize("edit", list(EDITS))
def test_incremental_export_equals_a_fresh_export_of_the_new_build(
    edit: str, library: Path, tmp_path: Path
) -> None:
    db = tmp_path / "evidex.db"
    site = tmp_path / "site"
    build(library, db)
    export_site(db, site)
    before, mtimes = _files(site), _mtimes(site)

    summary = _export_edited(library, db, site, EDITS[edit], tmp_path / "fresh")

    after, expected = _files(site), _files(tmp_path / "fresh")
    assert sorted(after) == sorted(expected)
    assert _folders(site) == _folders(tmp_path / "fresh")
    differing = [name for name in expected if after[name] != expected[name]]
    assert differing == []
    changed = {name for name in after if before.get(name) != after[name]}
    assert changed - {MANIFEST}, "the edit changed no exported file"
    kept = [name for name in after if name not in changed]
    assert [name for name in kept if _mtimes(site)[name] != mtimes[name]] == []
    assert not summary.full
    assert summary.from_changes == (edit not in FULL_BUILDS)
    if edit not in SHOWN_EVERYWHERE:
        # Incremental: the pages of compounds the edit does not touch are not rendered again.
        assert summary.rendered < summary.files / 2


def _same_as_fresh(db: Path, site: Path, fresh: Path) -> None:
    export_site(db, fresh)
    after, expected = _files(site), _files(fresh)
    assert sorted(after) == sorted(expected)  # .gz twins included
    assert [name for name in expected if after[name] != expected[name]] == []


def test_two_edits_in_two_builds_export_once_as_a_fresh_export_does(
    library: Path, tmp_path: Path
) -> None:
    db, site = tmp_path / "evidex.db", tmp_path / "site"
    build(library, db)
    export_site(db, site)
    goal = site / "goals/weight-loss/index.html"
    goal_before = goal.read_bytes()
    _tier_move(library)
    assert build(library, db).incremental
    _profile_text(library)
    assert build(library, db).incremental

    summary = export_site(db, site)

    assert summary.from_changes
    _same_as_fresh(db, site, tmp_path / "fresh")
    assert "Taken an hour before" in (site / "compounds/melatonin/index.html").read_text("utf-8")
    assert goal.read_bytes() != goal_before  # semaglutide's tier moved on its goal's page


def test_an_export_after_a_full_build_reads_every_row(library: Path, tmp_path: Path) -> None:
    """A full build keeps no record of what changed since the export: the export falls back
    to fingerprinting every row, and still gives what a fresh export gives."""
    db, site = tmp_path / "evidex.db", tmp_path / "site"
    build(library, db)
    export_site(db, site)
    _profile_text(library)
    build(library, db, force=True)

    summary = export_site(db, site)

    assert not summary.from_changes and not summary.full
    assert summary.rendered < summary.files / 2
    _same_as_fresh(db, site, tmp_path / "fresh")


def test_an_export_from_another_database_reads_every_row(library: Path, tmp_path: Path) -> None:
    """Two databases built from the same files, each edited incrementally: the record of one
    does not lead back to the build the other's export was made from."""
    db, other, site = tmp_path / "evidex.db", tmp_path / "other.db", tmp_path / "site"
    build(library, db)
    shutil.copyfile(db, other)
    _tier_move(library)
    assert build(library, other).incremental
    export_site(other, site)
    _profile_text(library)
    assert build(library, db).incremental

    summary = export_site(db, site)

    assert not summary.from_changes and not summary.full
    _same_as_fresh(db, site, tmp_path / "fresh")


def test_an_edited_partner_title_reaches_the_page_that_names_it(
    library: Path, tmp_path: Path
) -> None:
    db, site = tmp_path / "evidex.db", tmp_path / "site"
    build(library, db)
    export_site(db, site)
    _partner_title(library)
    build(library, db)
    export_site(db, site)
    assert "TB-500 Fragment" in (site / "compounds/bpc-157/index.html").read_text("utf-8")


def test_a_rebuild_of_unchanged_content_renders_only_whole_library_pages(
    library: Path, tmp_path: Path
) -> None:
    db, site = tmp_path / "evidex.db", tmp_path / "site"
    build(library, db)
    export_site(db, site)
    manifest = json.loads((site / MANIFEST).read_text("utf-8"))
    whole_library = [
        name
        for name, fingerprint in manifest["files"].items()
        if fingerprint is None and not name.startswith("static/")
    ]
    build(library, db, force=True)
    summary = export_site(db, site)
    assert summary.rendered == len(whole_library)
    profile_mtime = (site / "compounds/melatonin/index.html").stat().st_mtime_ns
    export_site(db, site)
    assert (site / "compounds/melatonin/index.html").stat().st_mtime_ns == profile_mtime


def test_another_base_url_renders_every_file(library: Path, tmp_path: Path) -> None:
    db, site = tmp_path / "evidex.db", tmp_path / "site"
    build(library, db)
    export_site(db, site)
    summary = export_site(db, site, "https://example.org/evidex")
    assert summary.full
    assert summary.rendered >= summary.files - 3
    profile = (site / "compounds/melatonin/index.html").read_text("utf-8")
    assert 'href="https://example.org/evidex/compounds/melatonin/"' in profile


def test_a_folder_that_is_not_an_export_is_refused(library: Path, tmp_path: Path) -> None:
    db, site = tmp_path / "evidex.db", tmp_path / "site"
    build(library, db)
    site.mkdir()
    (site / "notes.txt").write_text("mine")
    with pytest.raises(ExportRefused, match="not empty"):
        export_site(db, site)
    assert _files(site) == {"notes.txt": b"mine"}
    result = CliRunner().invoke(cli, ["export", "site", str(site), "--db", str(db)])
    assert result.exit_code == 2
    assert re.search(r"error: .*site is not empty and holds no Evidex export", result.output)
    (tmp_path / "file").write_text("x")
    with pytest.raises(ExportRefused, match="is not a folder"):
        export_site(db, tmp_path / "file")


def test_a_manifest_naming_a_path_outside_the_export_is_refused(
    library: Path, tmp_path: Path
) -> None:
    db, site = tmp_path / "evidex.db", tmp_path / "site"
    build(library, db)
    export_site(db, site)
    outside = tmp_path / "keep.txt"
    outside.write_text("keep")
    manifest = json.loads((site / MANIFEST).read_text("utf-8"))
    manifest["files"]["../keep.txt"] = "x"
    (site / MANIFEST).write_text(json.dumps(manifest))
    with pytest.raises(ExportRefused, match="outside the export"):
        export_site(db, site)
    assert outside.read_text() == "keep"


def test_a_feed_without_dated_entries_follows_the_build_time(db_path: Path, tmp_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute("DELETE FROM feed WHERE compound_slug = 'bpc-157'")
        conn.execute("UPDATE meta SET value = '2026-01-01T00:00:00+00:00' WHERE key = 'built_at'")
    site = tmp_path / "site"
    export_site(db_path, site)
    with conn:  # a rebuild of the same content, a day later
        conn.execute("UPDATE meta SET value = '2026-01-02T00:00:00+00:00' WHERE key = 'built_at'")
    conn.close()
    export_site(db_path, site)
    assert "<updated>2026-01-02T00:00:00Z</updated>" in (
        site / "compounds/bpc-157/feed.xml"
    ).read_text("utf-8")
    fresh = tmp_path / "fresh"
    export_site(db_path, fresh)
    assert _files(site) == _files(fresh)


# --- a synthetic library: edits of each kind an editor makes, on generated profiles ----------


def _first(content: Path, folder: str) -> Path:
    return sorted((content / folder).glob("*.md"))[0]


def _synthetic_title(content: Path) -> None:
    path = _first(content, "compounds")
    title = re.search(r"^title: (.+)$", path.read_text("utf-8"), re.M)
    assert title, f"{path.name} has no title line"
    _replace(path, title[0], f"title: {title[1].strip(chr(39))} Revised")


def _synthetic_profile_text(content: Path) -> None:
    _replace(
        _first(content, "compounds"),
        "## **Usage**\n",
        "## **Usage**\n\nMost trials gave it in the morning.\n",
    )


def _synthetic_article_text(content: Path) -> None:
    _replace(
        _first(content, "research"),
        "## Overview\n",
        "## Overview\n\nThe trials below were all short.\n",
    )


SYNTHETIC_EDITS: dict[str, Callable[[Path], None]] = {
    "profile title": _synthetic_title,
    "profile text": _synthetic_profile_text,
    "article text": _synthetic_article_text,
}
# Shown only on the edited profile's or article's own pages, never on a list.
OWN_PAGES_ONLY = {"profile text", "article text"}
LISTS = ("index.html", "compounds/index.html", "research/index.html", "search-index.json")


@pytest.fixture(scope="module")
def synthetic_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    content = tmp_path_factory.mktemp("synthetic") / "content"
    generate_library(content, compounds=40, articles=20, seed=3)
    return content


def _manifest_files(site: Path) -> dict[str, str | None]:
    files: dict[str, str | None] = json.loads((site / MANIFEST).read_text("utf-8"))["files"]
    return files


@pytest.mark.parametrize("edit", list(SYNTHETIC_EDITS))
def test_one_edit_to_a_synthetic_library_exports_as_a_fresh_export_does(
    edit: str, synthetic_template: Path, tmp_path: Path
) -> None:
    content, db, site = tmp_path / "content", tmp_path / "evidex.db", tmp_path / "site"
    shutil.copytree(synthetic_template, content)
    build(content, db)
    export_site(db, site)
    before = _manifest_files(site)

    summary = _export_edited(content, db, site, SYNTHETIC_EDITS[edit], tmp_path / "fresh")

    after, expected = _files(site), _files(tmp_path / "fresh")
    assert sorted(after) == sorted(expected)  # .gz twins included
    assert [name for name in expected if after[name] != expected[name]] == []
    listed = _manifest_files(site)
    always = {name for name, fingerprint in listed.items() if fingerprint is None}
    assert not always & set(LISTS), "a list of the whole library is rendered on every export"
    changed = {name for name in listed if before.get(name) != listed[name]} - always
    # What was rendered: the files whose inputs changed and the few that show the build itself.
    assert summary.rendered == len(changed) + len(always)
    if edit in OWN_PAGES_ONLY:
        assert changed and not changed & set(LISTS)
    else:
        assert set(LISTS) - {"research/index.html"} <= changed
