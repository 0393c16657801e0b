"""`evidex lint`: files named by their path under the content folder; information that needs no
fix only with --verbose."""

from __future__ import annotations

import shutil
from pathlib import Path

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
    assert (
        "content/compounds/melatonin.md:123: info: popular combination 'Magnesium' is not in "
        "the library yet"
    ) in verbose.stdout
    assert "content/interactions.yaml:126: info: interaction 'melatonin-fluvoxamine'" in (
        verbose.stdout
    )
