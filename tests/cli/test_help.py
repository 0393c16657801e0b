"""Every command explains itself, and the README names only commands that exist."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import typer
from typer.core import TyperGroup, TyperOption
from typer.testing import CliRunner

from evidex.cli.main import app

README = Path(__file__).resolve().parents[2] / "README.md"
runner = CliRunner()


def _commands() -> dict[str, Any]:
    root = typer.main.get_command(app)
    assert isinstance(root, TyperGroup)
    found: dict[str, Any] = {}

    def walk(group: TyperGroup, prefix: str) -> None:
        for name, command in group.commands.items():
            path = f"{prefix} {name}".strip()
            found[path] = command
            if isinstance(command, TyperGroup):
                walk(command, path)

    walk(root, "")
    return found


def test_every_command_and_option_has_help() -> None:
    for path, command in _commands().items():
        assert (command.help or command.short_help or "").strip(), f"`evidex {path}` has no help"
        for param in command.params:
            if isinstance(param, TyperOption) and param.name != "help":
                assert (param.help or "").strip(), (
                    f"`evidex {path}` option {param.opts} has no help"
                )


def test_help_runs_for_every_command() -> None:
    for path in _commands():
        result = runner.invoke(app, [*path.split(), "--help"])
        assert result.exit_code == 0, (path, result.output)
        assert "Usage" in result.output


def test_readme_opens_with_the_two_commands_and_names_real_commands() -> None:
    text = README.read_text(encoding="utf-8")
    first_block = text.split("```")[1].strip().splitlines()
    assert first_block == ["make run", "make test"]
    named = set(re.findall(r"`evidex ([a-z]+(?: [a-z]+)?)", text))
    commands = _commands()
    for name in named:
        assert name in commands or name.split()[0] in commands, f"README names `evidex {name}`"
