"""`evidex lint`: files named by their path under the content folder; information that needs no
fix only with --verbose."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from evidex.cli.main import app

CONTENT = Path(__file__).resolve().parents[2] / "content"
runner = CliRunner()


def test_every_file_is_named_under_the_content_folder(tmp_path: Path) -> None:
    library = tmp_path / "library"
    shutil.copytree(CONTENT, library)
    (library / "interactions.yaml").write_text("rules:\n\t- id: x\n", encoding="utf-8")
    (library / "vendors" / "new-vendor.yaml").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["lint", str(library)])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert "library/interactions.yaml:2: error: invalid YAML: a tab indents this line" in "\n".join(
        lines
    )
    assert any(line.startswith("library/vendors/new-vendor.yaml:1: error") for line in lines)
    assert all(line.startswith("library/") for line in lines), lines


def test_a_missing_partner_is_information_shown_with_verbose() -> None:
    quiet = runner.invoke(app, ["lint", str(CONTENT), "--strict"])
    assert quiet.exit_code == 0, quiet.output
    assert "Magnesium" not in quiet.stdout
    verbose = runner.invoke(app, ["lint", str(CONTENT), "--verbose"])
    profile = (CONTENT / "compounds" / "melatonin.md").read_text(encoding="utf-8").split("\n")
    heading = next(n for n, line in enumerate(profile, 1) if "Popular Combinations" in line)
    assert (
        f"content/compounds/melatonin.md:{heading}: info: popular combination 'Magnesium' is "
        "not in the library yet"
    ) in verbose.stdout
    assert "content/interactions.yaml:126: info: interaction 'melatonin-fluvoxamine'" in (
        verbose.stdout
    )


def test_an_impossible_date_fails_a_strict_build_naming_only_real_problems(tmp_path: Path) -> None:
    library = tmp_path / "content"
    shutil.copytree(CONTENT, library)
    article = library / "research" / "melatonin-sleep.md"
    text = article.read_text(encoding="utf-8")
    start = text.index("lastModified:")
    article.write_text(
        text[:start] + "lastModified: '2026-02-30'" + text[text.index("\n", start) :],
        encoding="utf-8",
    )
    db = tmp_path / "evidex.db"
    result = runner.invoke(app, ["build", str(library), "--db", str(db), "--strict"])
    assert result.exit_code == 1
    assert "content/research/melatonin-sleep.md:" in result.output
    assert "'2026-02-30' is not a date that exists" in result.output
    assert "build failed with 1 error(s); the previous database is untouched" in result.output
    assert not db.exists()
    relaxed = runner.invoke(app, ["build", str(library), "--db", str(db), "-q"])
    assert relaxed.exit_code == 0
    conn = sqlite3.connect(db)
    published = [
        *conn.execute("SELECT last_modified FROM articles WHERE slug = 'melatonin-sleep'"),
        *conn.execute("SELECT updated FROM feed WHERE ref = 'melatonin-sleep'"),
    ]
    conn.close()
    assert all(row[0] in (None, "") for row in published), published


def test_diagnostics_print_as_written_never_as_emoji_or_markup(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from evidex.cli.content_cmds import print_diagnostics
    from evidex.content.diagnostics import Diagnostic

    message = "ratio [bold]1.2[/bold] :smile: [/]"
    print_diagnostics([Diagnostic("content/compounds/x.md", 100, "warning", message)])
    assert capsys.readouterr().err.strip() == f"content/compounds/x.md:100: warning: {message}"
