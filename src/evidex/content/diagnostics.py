"""Diagnostics: every problem found in content is reported as `path:line: level: message`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Level = Literal["error", "warning", "info"]  # info: shown by `lint --verbose` only


@dataclass(frozen=True, order=True)
class Diagnostic:
    path: str
    line: int
    level: Level
    message: str
    code: str = ""

    @property
    def is_problem(self) -> bool:
        """An error or a warning (what `--strict` fails on); info is not."""
        return self.level != "info"

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.level}: {self.message}"

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "level": self.level,
            "message": self.message,
            "code": self.code,
        }


class Diagnostics:
    """Collects diagnostics for one file; parsers append, callers read."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.items: list[Diagnostic] = []

    def error(self, line: int, message: str, code: str = "") -> None:
        self.items.append(Diagnostic(self.path, max(line, 1), "error", message, code))

    def warning(self, line: int, message: str, code: str = "") -> None:
        self.items.append(Diagnostic(self.path, max(line, 1), "warning", message, code))

    def info(self, line: int, message: str, code: str = "") -> None:
        self.items.append(Diagnostic(self.path, max(line, 1), "info", message, code))

    @property
    def has_errors(self) -> bool:
        return any(d.level == "error" for d in self.items)


class ContentError(Exception):
    """Raised when a file cannot be read at all; carries its diagnostic."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(str(diagnostic))
        self.diagnostic = diagnostic
