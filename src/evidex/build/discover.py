"""Step 1 of the build: find the library's files and refuse the ones that must not be read.

The content folder is a boundary. Every kind of content is found here and only here, and
`read_source` is the one way a found file is read: regular files only, inside the library
once links are resolved, no bigger than MAX_FILE_BYTES (checked before reading, and again
while reading, so a file swapped for a pipe or a device after the listing is still refused).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from evidex.content.diagnostics import ContentError, Diagnostic
from evidex.content.yamlload import MAX_FILE_BYTES

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
    size: int = -1  # as listed by discover(): what an incremental build compares
    mtime_ns: int = -1

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


def _too_big(size: int) -> str:
    return f"file is {size} bytes; the limit is {MAX_FILE_BYTES}"


def read_source(source: SourceFile) -> bytes:
    """The file's bytes; ContentError (line 1) when it is no longer a regular file, has grown
    past the limit, or cannot be read. Never blocks on a pipe and never reads without bound."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        descriptor = os.open(source.path, flags)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise ContentError(Diagnostic(source.rel, 1, "error", f"cannot read: {reason}")) from None
    with os.fdopen(descriptor, "rb") as handle:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise ContentError(Diagnostic(source.rel, 1, "error", "not a regular file; refused"))
        if info.st_size > MAX_FILE_BYTES:
            raise ContentError(Diagnostic(source.rel, 1, "error", _too_big(info.st_size)))
        # as many bytes as fstat says, and one more to notice growth: asking for the limit
        # itself made each read allocate 2 MiB (28 us a file instead of 10)
        raw = handle.read(info.st_size + 1)
        if len(raw) > info.st_size:
            raw += handle.read(MAX_FILE_BYTES + 1 - len(raw))
    if len(raw) > MAX_FILE_BYTES:
        raise ContentError(Diagnostic(source.rel, 1, "error", _too_big(len(raw))))
    return raw


def _walk_files(directory: str) -> Iterator[os.DirEntry[str]]:
    """Entries under `directory` in sorted order, one listing per folder, descending into real
    sub-folders (not links to folders, which are yielded for the caller to refuse)."""
    with os.scandir(directory) as listing:
        entries = sorted(listing, key=lambda entry: entry.name)
    for entry in entries:
        if entry.is_dir(follow_symlinks=False) and not entry.name.startswith("."):
            yield from _walk_files(entry.path)
        else:
            yield entry


def discover(content_dir: Path) -> tuple[list[SourceFile], list[Diagnostic]]:
    """Every content file by kind, sorted, and the entries refused on the way: links leading
    out of the library, anything that is not a regular file, files over the size limit (all
    errors) and hidden content files (warnings: an editor may think them published)."""
    root = content_dir.resolve()
    found: list[SourceFile] = []
    problems: list[Diagnostic] = []
    if not root.is_dir():
        problem = "is a file, not a content folder" if root.exists() else "content folder not found"
        return [], [Diagnostic(str(content_dir), 1, "error", problem)]

    def shown(candidate: Path) -> str:
        return shown_path(content_dir, candidate)

    def refuse(candidate: Path, message: str, level: Literal["error", "warning"] = "error") -> None:
        problems.append(Diagnostic(shown(candidate), 1, level, message))

    def accept(candidate: Path, kind: Kind, info: os.stat_result, real: Path) -> None:
        if not stat.S_ISREG(info.st_mode):
            refuse(candidate, "not a regular file (a pipe, device or folder); refused")
        elif info.st_size > MAX_FILE_BYTES:
            refuse(candidate, _too_big(info.st_size))
        else:
            found.append(SourceFile(real, shown(candidate), kind, info.st_size, info.st_mtime_ns))

    def accept_link(candidate: Path, kind: Kind) -> None:
        real = candidate.resolve()
        if not _inside(real, root):
            refuse(candidate, "symlink points outside the library; refused")
            return
        try:
            info = real.stat()
        except OSError:
            refuse(candidate, "symlink leads nowhere; refused")
            return
        accept(candidate, kind, info, real)

    for name, kind in _SINGLE_FILES.items():
        candidate = content_dir / name
        if candidate.is_symlink():
            accept_link(candidate, kind)
        elif candidate.exists():
            accept(candidate, kind, candidate.stat(), root / name)
    for folder, (kind, suffixes) in _FOLDERS.items():
        directory = content_dir / folder
        if not (directory.is_dir() or directory.is_symlink()):
            continue
        real_dir = directory.resolve()
        if not _inside(real_dir, root):
            refuse(directory, f"'{folder}' links to a folder outside the library; refused")
            continue
        if not real_dir.is_dir():
            refuse(directory, f"'{folder}' is not a folder; refused")
            continue
        real_dirs: dict[str, Path] = {}
        listed = len(str(directory)) + 1
        shown_folder = shown(directory) + "/"
        for entry in _walk_files(str(directory)):
            name = entry.name
            if name.endswith(suffixes) and not name.startswith(".") and not entry.is_symlink():
                # The common case, without pathlib for the relative name (15,000 files are
                # listed on every build, an incremental one too).
                info = entry.stat(follow_symlinks=False)
                if stat.S_ISREG(info.st_mode) and info.st_size <= MAX_FILE_BYTES:
                    parent = os.path.dirname(entry.path)
                    real_parent = real_dirs.get(parent) or real_dirs.setdefault(
                        parent, Path(parent).resolve()
                    )
                    rel = shown_folder + entry.path[listed:].replace(os.sep, "/")
                    found.append(
                        SourceFile(real_parent / name, rel, kind, info.st_size, info.st_mtime_ns)
                    )
                    continue
            candidate = Path(entry.path)
            if entry.name.startswith("."):
                if entry.name.endswith(suffixes):
                    refuse(candidate, "hidden file (name starts with '.') is not published",
                           "warning")  # fmt: skip
            elif entry.is_symlink():
                if entry.is_dir():
                    refuse(candidate, "links to folders are not followed; refused", "warning")
                elif entry.name.endswith(suffixes):
                    accept_link(candidate, kind)
            elif entry.name.endswith(suffixes):
                parent = os.path.dirname(entry.path)
                real_parent = real_dirs.get(parent) or real_dirs.setdefault(
                    parent, Path(parent).resolve()
                )
                accept(candidate, kind, entry.stat(follow_symlinks=False), real_parent / entry.name)
    found.sort(key=lambda source: source.rel)
    return found, problems
