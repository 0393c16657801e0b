"""Rebuild when the library changes: the editor's loop behind `evidex dev`.

The content folder is polled (a stat of every file, a few milliseconds for thousands of files)
rather than watched through inotify: it needs no extra package and works on network and
container mounts where change events do not arrive. A change is built once the folder has been
quiet for `settle` seconds, so an editor saving several files at once gets one build. Each build
is the ordinary atomic build: a failed one changes nothing and the server keeps the last good
build.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from evidex.build.pipeline import BuildFailed, BuildReport, build

Snapshot = dict[str, tuple[int, int]]  # relative path -> (mtime in ns, size)


@dataclass(frozen=True)
class Rebuild:
    """What one rebuild did: its report, or the failure that left the old build in place."""

    changed: list[str]
    report: BuildReport | None
    failure: BuildFailed | None
    seconds: float


def snapshot(content_dir: Path) -> Snapshot:
    """Every file under `content_dir` (hidden folders such as .git skipped) with its stamp."""
    found: Snapshot = {}
    for root, dirs, files in os.walk(content_dir):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if name.startswith("."):
                continue
            path = os.path.join(root, name)
            try:
                stat = os.stat(path)
            except OSError:
                continue  # removed between the listing and the stat
            found[os.path.relpath(path, content_dir)] = (stat.st_mtime_ns, stat.st_size)
    return found


def changed_paths(before: Snapshot, after: Snapshot) -> list[str]:
    """Files added, removed or modified between two snapshots, sorted."""
    return sorted(
        path for path in before.keys() | after.keys() if before.get(path) != after.get(path)
    )


def rebuild(content_dir: Path, db_path: Path, changed: list[str]) -> Rebuild:
    started = time.perf_counter()
    try:
        report = build(content_dir, db_path)
    except BuildFailed as failure:
        return Rebuild(changed, None, failure, time.perf_counter() - started)
    return Rebuild(changed, report, None, time.perf_counter() - started)


def watch(
    content_dir: Path,
    db_path: Path,
    on_rebuild: Callable[[Rebuild], None],
    stop: threading.Event,
    interval: float = 0.25,
    settle: float = 0.15,
    since: Snapshot | None = None,
) -> None:
    """Poll `content_dir` until `stop` is set; rebuild `db_path` after each settled change.

    `since` is the state the current build was made from (taken before that build started, so
    a save during it is not missed); by default, the folder as it is when watching starts.
    """
    last = snapshot(content_dir) if since is None else since
    while not stop.wait(interval):
        current = snapshot(content_dir)
        if current == last:
            continue
        while not stop.wait(settle):  # wait for the editor to finish writing
            settled = snapshot(content_dir)
            if settled == current:
                break
            current = settled
        on_rebuild(rebuild(content_dir, db_path, changed_paths(last, current)))
        last = current
