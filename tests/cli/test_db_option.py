"""Every command that reads a build treats a bad --db the same way: one line naming the path,
nonzero exit, no traceback; and the same default everywhere."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import typer
from typer.core import TyperGroup
from typer.testing import CliRunner

from evidex.cli.common import DEFAULT_DB
from evidex.cli.main import app

runner = CliRunner()
README = Path(__file__).resolve().parents[2] / "README.md"

# every command that reads a build, with the arguments it needs besides --db
READERS: dict[str, list[str]] = {
    "search": ["search", "sleep"],
    "show": ["show", "melatonin"],
    "evidence": ["evidence", "melatonin"],
    "stack": ["stack", "--goal", "sleep"],
    "vendors": ["vendors", "--compound", "bpc-157"],
    "doctor": ["doctor"],
    "export site": ["export", "site", "{out}"],
    "export data": ["export", "data", "{out}"],
    "serve": ["serve", "--port", "1"],
}


def _missing(tmp: Path) -> Path:
    return tmp / "nothing-here.db"


def _empty(tmp: Path) -> Path:
    path = tmp / "empty.db"
    path.write_bytes(b"")
    return path


def _corrupt(tmp: Path) -> Path:
    path = tmp / "corrupt.db"
    path.write_bytes(bytes(range(256)) * 40)
    return path


def _wrong_kind(tmp: Path) -> Path:
    path = tmp / "readme.db"
    path.write_text(README.read_text(encoding="utf-8"), encoding="utf-8")
    return path


def _directory(tmp: Path) -> Path:
    path = tmp / "folder.db"
    path.mkdir()
    return path


BAD_DBS: dict[str, Callable[[Path], Path]] = {
    "missing": _missing,
    "empty": _empty,
    "corrupt": _corrupt,
    "wrong kind": _wrong_kind,
    "directory": _directory,
}


def _args(command: str, tmp: Path, db: Path) -> list[str]:
    out = str(tmp / "out")
    return [a.replace("{out}", out) for a in READERS[command]] + ["--db", str(db)]


@pytest.mark.parametrize("kind", BAD_DBS)
@pytest.mark.parametrize("command", READERS)
def test_a_bad_database_is_one_line_naming_it(command: str, kind: str, tmp_path: Path) -> None:
    db = BAD_DBS[kind](tmp_path)
    result = runner.invoke(app, _args(command, tmp_path, db))
    assert result.exit_code != 0
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert str(db) in lines[0]
    assert not (tmp_path / "out").exists()


def _db_option(path: str) -> object:
    command: object = typer.main.get_command(app)
    for part in path.split():
        assert isinstance(command, TyperGroup)
        command = command.commands[part]
    return next(p for p in command.params if p.name == "db")  # type: ignore[attr-defined]


@pytest.mark.parametrize("command", [*READERS, "build", "dev", "dose weight", "dose reconstitute"])
def test_every_db_option_has_the_same_default(command: str) -> None:
    option = _db_option(command)
    assert Path(option.default) == DEFAULT_DB  # type: ignore[attr-defined]
    assert "var/evidex.db" in option.help  # type: ignore[attr-defined]


def test_build_refuses_a_directory_and_a_file_that_is_not_a_build(tmp_path: Path) -> None:
    content = Path(__file__).resolve().parents[2] / "content"
    folder = _directory(tmp_path)
    result = runner.invoke(app, ["build", str(content), "--db", str(folder)])
    assert result.exit_code == 2
    assert f"{folder} is a directory" in result.output
    readme = _wrong_kind(tmp_path)
    before = readme.read_bytes()
    result = runner.invoke(app, ["build", str(content), "--db", str(readme)])
    assert result.exit_code == 2
    assert "not an Evidex database" in result.output and "--force" in result.output
    assert readme.read_bytes() == before
    forced = runner.invoke(app, ["build", str(content), "--db", str(readme), "--force", "-q"])
    assert forced.exit_code == 0, forced.output
    assert readme.read_bytes()[:16] == b"SQLite format 3\x00"


@pytest.mark.parametrize("command", ["export site", "export data"])
def test_export_onto_an_existing_file_is_refused(
    command: str, db_path: Path, tmp_path: Path
) -> None:
    target = tmp_path / "out"
    target.write_text("keep me", encoding="utf-8")
    result = runner.invoke(app, [*command.split(), str(target), "--db", str(db_path)])
    assert result.exit_code == 2
    assert (
        result.output.strip()
        == f"error: {target} exists and is not a folder; choose another output path"
    )
    assert target.read_text(encoding="utf-8") == "keep me"


def test_synth_and_import_refuse_an_existing_file_as_their_folder(tmp_path: Path) -> None:
    target = _wrong_kind(tmp_path)
    before = target.read_bytes()
    for args in (
        ["synth", "--compounds", "1", "--articles", "0", "--out", str(target)],
        ["import", "article", str(README), "--out", str(target)],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 2, result.output
        assert result.output.strip() == (
            f"error: {target} exists and is not a folder; choose another output path"
        )
    assert target.read_bytes() == before


@pytest.mark.parametrize(
    "args",
    [
        ["export", "data", "out"],
        ["search", "sleep", "--json"],
        ["show", "melatonin", "--json"],
        ["doctor"],
        ["vendors", "--json"],
        ["stack", "--goal", "sleep", "--json"],
    ],
)
def test_commands_read_the_default_build_without_db(
    args: list[str], db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    default = tmp_path / DEFAULT_DB
    default.parent.mkdir(parents=True)
    db_path.rename(default)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
