"""The build: atomic, incremental, and clear about bad input."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from evidex.build.library import Library
from evidex.build.pipeline import BuildFailed, BuildWriteFailed, build, load_library

FIXTURES = Path(__file__).parent / "fixtures"
BAD = FIXTURES / "bad"


@pytest.fixture
def library_dir(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(FIXTURES / "small_library", target)
    return target


def _rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db)
    try:
        return list(conn.execute(sql))
    finally:
        conn.close()


def test_build_writes_every_compound_article_and_study(library_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "out" / "evidex.db"
    report = build(library_dir, db)
    assert report.written
    slugs = {row[0] for row in _rows(db, "SELECT slug FROM compounds")}
    assert slugs == {"nightcap", "thymosin-alpha"}
    article = _rows(db, "SELECT compound_slug, goal FROM articles")
    assert article == [("nightcap", "sleep")]
    studies = {row[0]: row[1] for row in _rows(db, "SELECT id, curated FROM studies")}
    assert studies["ta1-hcc-cohort"] == 1
    assert any(curated == 0 for curated in studies.values()), "the article's prose is extracted"
    meta = dict(_rows(db, "SELECT key, value FROM meta"))
    assert meta["build_id"] == report.build_id
    assert meta["content_hash"] in report.build_id.replace("-", "") or report.build_id.startswith(
        meta["content_hash"][:12]
    )


def test_any_name_resolves_through_the_names_table(library_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "evidex.db"
    build(library_dir, db)
    names = dict(_rows(db, "SELECT key, slug FROM names"))
    for key in ("zadaxin", "thymalfasin", "thymosinalpha", "thymosinalpha1", "dozewell"):
        assert key in names
    assert names["thymosinalpha1"] == "thymosin-alpha"


def test_combination_naming_a_missing_compound_is_a_warning(
    library_dir: Path, tmp_path: Path
) -> None:
    report = build(library_dir, tmp_path / "evidex.db")
    warnings = [d for d in report.diagnostics if d.code == "missing-combination"]
    assert warnings and "Interferon alpha" in warnings[0].message
    assert warnings[0].path.endswith("compounds/thymosin-alpha.md")


def test_no_change_rebuild_parses_nothing_and_keeps_the_database(
    library_dir: Path, tmp_path: Path
) -> None:
    db = tmp_path / "evidex.db"
    first = build(library_dir, db)
    second = build(library_dir, db)
    assert second.reparsed == 0
    assert not second.written
    assert second.build_id == first.build_id


def test_one_changed_file_is_the_only_one_parsed_again(library_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "evidex.db"
    build(library_dir, db)
    profile = library_dir / "compounds" / "nightcap.md"
    profile.write_text(profile.read_text().replace("oral sleep aid", "sleep aid taken by mouth"))
    report = build(library_dir, db)
    assert report.reparsed == 1
    assert report.written
    description = _rows(db, "SELECT description FROM compounds WHERE slug = 'nightcap'")[0][0]
    assert "taken by mouth" in description


@pytest.mark.parametrize(
    ("bad_file", "target", "line", "fragment"),
    [
        ("invalid_yaml.md", "compounds/broken.md", 3, "invalid YAML"),
        ("wrong_types.md", "compounds/wrong-types.md", 4, "is_banned"),
        ("missing_title.md", "compounds/untitled.md", 2, "title"),
        ("duplicate_name.md", "compounds/sleepwell.md", 1, "Dozewell"),
        ("unknown_compound_article.md", "research/unobtainium.md", 3, "Unobtainium"),
        ("bad_study.yaml", "studies/bad-ci.yaml", 0, ""),
    ],
)
def test_bad_file_fails_the_build_with_path_and_line_and_keeps_the_old_database(
    library_dir: Path, tmp_path: Path, bad_file: str, target: str, line: int, fragment: str
) -> None:
    db = tmp_path / "evidex.db"
    good = build(library_dir, db)
    shutil.copy(BAD / bad_file, library_dir / target)
    with pytest.raises(BuildFailed) as failure:
        build(library_dir, db)
    errors = [d for d in failure.value.diagnostics if d.level == "error"]
    assert errors, "a bad file is an error"
    mine = [d for d in errors if d.path.endswith(target)]
    assert mine, f"the error names the file: {[str(d) for d in errors]}"
    if line:
        assert any(d.line == line and fragment in d.message for d in mine), [str(d) for d in mine]
    meta = dict(_rows(db, "SELECT key, value FROM meta"))
    assert meta["build_id"] == good.build_id, "the previous database is untouched"


def test_bad_study_reports_the_ci_and_the_negative_n(library_dir: Path, tmp_path: Path) -> None:
    shutil.copy(BAD / "bad_study.yaml", library_dir / "studies" / "bad-ci.yaml")
    library, _, _ = load_library(library_dir)
    messages = " | ".join(d.message for d in library.diagnostics if d.path.endswith("bad-ci.yaml"))
    assert "n" in messages and ("CI" in messages or "interval" in messages), messages


@pytest.mark.parametrize(
    ("payload", "fragment"),
    [
        (b"---\ntitle: X\n\xff\xfe broken bytes\n---\n", "UTF-8"),
        (b"---\ntitle: X\x00\x01\x02\n---\n", "binary"),
        (b"---\ntitle: X\n---\n" + b"word " * 500_000, "limit"),
    ],
    ids=["non-utf8", "binary", "oversized"],
)
def test_unreadable_bytes_are_errors_not_tracebacks(
    library_dir: Path, tmp_path: Path, payload: bytes, fragment: str
) -> None:
    (library_dir / "compounds" / "bad.md").write_bytes(payload)
    with pytest.raises(BuildFailed) as failure:
        build(library_dir, tmp_path / "evidex.db")
    mine = [d for d in failure.value.diagnostics if d.path.endswith("compounds/bad.md")]
    assert mine and fragment in mine[0].message


def test_symlink_out_of_the_library_is_refused(library_dir: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.md"
    secret.write_text("---\ntitle: Secret\ndescription: outside\nis_banned: false\n---\n")
    os.symlink(secret, library_dir / "compounds" / "secret.md")
    with pytest.raises(BuildFailed) as failure:
        build(library_dir, tmp_path / "evidex.db")
    assert any("outside the library" in d.message for d in failure.value.diagnostics)


def test_strict_turns_warnings_into_errors(library_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(BuildFailed):
        build(library_dir, tmp_path / "evidex.db", strict=True)


def test_a_writer_that_fails_halfway_leaves_the_previous_database(
    library_dir: Path, tmp_path: Path
) -> None:
    db = tmp_path / "evidex.db"
    good = build(library_dir, db)

    def explode(conn: sqlite3.Connection, library: Library) -> None:
        raise OSError(28, "No space left on device")

    profile = library_dir / "compounds" / "nightcap.md"
    profile.write_text(profile.read_text() + "\n")
    with pytest.raises(BuildWriteFailed, match="No space left on device; the previous database"):
        build(library_dir, db, hooks=[explode])
    meta = dict(_rows(db, "SELECT key, value FROM meta"))
    assert meta["build_id"] == good.build_id
    assert not [p for p in tmp_path.iterdir() if ".tmp-" in p.name], "no temporary file is left"


def test_tier_is_computed_and_stored_with_its_rationale(library_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "evidex.db"
    build(library_dir, db)
    rows = _rows(db, "SELECT compound_slug, goal, tier, rationale, doc FROM tiers")
    by_key = {(r[0], r[1]): r for r in rows}
    sleep = by_key[("nightcap", "sleep")]
    assert 1 <= int(str(sleep[2])) <= 5
    assert sleep[3]
    assert json.loads(str(sleep[4]))["study_ids"]


LARGE_TRIAL = """\
id: nightcap-large-rct
compound: Nightcap
goal: sleep
design: rct
n: 812
comparator: placebo
comparator_type: placebo
outcomes:
  - name: Sleep onset latency
    measure: MD
    value: -11.0
    ci_low: -14.0
    ci_high: -8.0
    p: "<0.001"
    better: lower
"""


def test_a_tier_change_is_recorded_with_the_study_that_moved_it(
    library_dir: Path, tmp_path: Path
) -> None:
    db = tmp_path / "evidex.db"
    build(library_dir, db)
    before = _rows(db, "SELECT tier FROM tiers WHERE compound_slug = 'nightcap'")[0][0]
    (library_dir / "studies" / "nightcap-large-rct.yaml").write_text(LARGE_TRIAL)
    build(library_dir, db)
    after = _rows(db, "SELECT tier FROM tiers WHERE compound_slug = 'nightcap'")[0][0]
    assert after != before
    history = _rows(db, "SELECT old_tier, new_tier, note FROM tier_history")
    assert history and history[-1][0] == before and history[-1][1] == after
    feed = _rows(db, "SELECT kind, ref FROM feed WHERE kind IN ('study', 'tier')")
    assert ("study", "nightcap-large-rct") in feed
    assert any(kind == "tier" for kind, _ in feed)
    # history survives a later rebuild that changes nothing about tiers
    profile = library_dir / "compounds" / "nightcap.md"
    profile.write_text(profile.read_text() + "\n")
    build(library_dir, db)
    assert _rows(db, "SELECT old_tier, new_tier FROM tier_history") == [(before, after)]


def test_new_code_rebuilds_even_when_the_content_is_unchanged(
    library_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "evidex.db"
    build(library_dir, db)
    import evidex.build.pipeline as pipeline

    monkeypatch.setattr(pipeline, "code_digest", lambda: "a-newer-evidex")
    again = build(library_dir, db)
    assert again.written, "a database built by older code is not 'up to date'"


@pytest.mark.parametrize(
    ("written", "level", "goal"),
    [
        ("insomnia", "warning", "sleep"),
        ("Liver", "warning", "liver-health"),
        ("astrology", "error", None),
    ],
)
def test_an_article_goal_given_by_a_synonym_becomes_that_goal(
    library_dir: Path, written: str, level: str, goal: str | None
) -> None:
    article = next((library_dir / "research").glob("*.md"))
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("goal: sleep", f"goal: {written}", 1), encoding="utf-8")
    library, _, _ = load_library(library_dir)
    about_goal = [
        d
        for d in library.diagnostics
        if "goal" in d.message and d.path == f"content/research/{article.name}"
    ]
    assert about_goal and about_goal[-1].level == level, [str(d) for d in about_goal]
    assert about_goal[-1].line == text.splitlines().index("goal: sleep") + 1
    if goal is not None:
        assert [a.goal for a in library.articles.values()] == [goal]


def test_a_tier_claim_the_evidence_does_not_support_is_reported_at_its_line(
    library_dir: Path,
) -> None:
    article = next((library_dir / "research").glob("*.md"))
    text = article.read_text(encoding="utf-8").replace("tier: 4", "tier: 1", 1)
    article.write_text(text, encoding="utf-8")
    library, _, _ = load_library(library_dir)
    (claim,) = [d for d in library.diagnostics if d.code == "tier-claim"]
    assert claim.line == text.splitlines().index("tier: 1") + 1
    assert claim.message.startswith("article claims Tier 1")


def test_a_failed_first_build_leaves_no_parse_cache(library_dir: Path, tmp_path: Path) -> None:
    profile = library_dir / "compounds" / "nightcap.md"
    profile.write_text("---\ntitle: [unclosed\n---\n", encoding="utf-8")
    db = tmp_path / "out" / "evidex.db"
    with pytest.raises(BuildFailed):
        build(library_dir, db)
    assert not db.exists()
    assert [p.name for p in db.parent.iterdir()] == []
