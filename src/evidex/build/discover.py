"""Step 1 of the build: find the library's files and refuse the ones that must not be read."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from evidex.content.diagnostics import Diagnostic

Kind = Literal[
    "compound", "article", "study", "vendor", "goals", "conditions", "interactions", "currency"
]

_FOLDERS: dict[str, tuple[Kind, tuple[str, ...]]] = {
    "compounds": ("compound", (".md",)),
    "research": ("article", (".md",)),
    "studies": ("study", (".yaml", ".yml")),
    "vendors": ("vendor", (".yaml", ".yml")),
}
_SINGLE_FILES: dict[str, Kind] = {
    "goals.yaml": "goals",
    "conditions.yaml": "conditions",
    "interactions.yaml": "interactions",
    "currency.yaml": "currency",
}


@dataclass(frozen=True)
class SourceFile:
    path: Path  # absolute, symlinks resolved
    rel: str  # path relative to the content folder, as shown in messages
    kind: Kind

    @property
    def stem(self) -> str:
        return Path(self.rel).stem


def shown_path(content_dir: Path, candidate: Path) -> str:
    """How messages name a file: its path under the content folder, folder name first
    ('content/interactions.yaml')."""
    rel = candidate.relative_to(content_dir).as_posix()
    return f"{content_dir.name}/{rel}" if content_dir.name else rel


def _inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
    except ValueError:
        return False
    return True


def _walk_files(directory: str) -> Iterator[os.DirEntry[str]]:
    """Files under `directory` in sorted order, one listing per folder; hidden names and links
    to folders are skipped."""
    with os.scandir(directory) as listing:
        entries = sorted(
            (entry for entry in listing if not entry.name.startswith(".")),
            key=lambda entry: entry.name,
        )
    for entry in entries:
        if not entry.is_dir():
            yield entry
        elif not entry.is_symlink():
            yield from _walk_files(entry.path)


def discover(content_dir: Path) -> tuple[list[SourceFile], list[Diagnostic]]:
    """Every content file by kind, sorted; symlinks leading out of the library are errors."""
    root = content_dir.resolve()
    found: list[SourceFile] = []
    problems: list[Diagnostic] = []
    if not root.is_dir():
        problem = "is a file, not a content folder" if root.exists() else "content folder not found"
        return [], [Diagnostic(str(content_dir), 1, "error", problem)]

    real_dirs: dict[Path, Path] = {}

    def accept(candidate: Path, kind: Kind, regular: bool = False) -> None:
        shown = shown_path(content_dir, candidate)
        if regular:  # not a link itself: only its folder needs resolving, once per folder
            folder = candidate.parent
            real_dir = real_dirs.get(folder) or real_dirs.setdefault(folder, folder.resolve())
            found.append(SourceFile(real_dir / candidate.name, shown, kind))
            return
        real = candidate.resolve()
        if candidate.is_symlink() and not _inside(real, root):
            problems.append(
                Diagnostic(shown, 1, "error", "symlink points outside the library; refused")
            )
            return
        if not real.is_file():
            problems.append(Diagnostic(shown, 1, "error", "not a regular file"))
            return
        found.append(SourceFile(real, shown, kind))

    for name, kind in _SINGLE_FILES.items():
        candidate = content_dir / name
        if candidate.exists() or candidate.is_symlink():
            accept(candidate, kind)
    for folder, (kind, suffixes) in _FOLDERS.items():
        directory = content_dir / folder
        if directory.is_dir():
            for entry in _walk_files(str(directory)):
                if entry.name.endswith(suffixes):
                    regular = not entry.is_symlink() and entry.is_file(follow_symlinks=False)
                    accept(Path(entry.path), kind, regular)
    found.sort(key=lambda source: source.rel)
    return found, problems
