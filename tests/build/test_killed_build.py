"""A build killed with SIGKILL leaves no process behind, and the next build removes its files.

Real processes: `evidex build` of a synthetic library runs in a subprocess and is killed while
its parse workers run, or while its forked writer fills the side file.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from evidex.build.forked import can_fork, worker_count
from evidex.build.pipeline import build
from evidex.build.write import remove_stale_temporaries
from evidex.synth import generate_library

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or not can_fork() or worker_count() < 2,
    reason="needs Linux /proc and a build that forks workers",
)
WAIT_SECONDS = 120.0


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Big enough for parse workers (200 files) and the forked side writer (1,000 documents)."""
    out = tmp_path_factory.mktemp("synth") / "content"
    generate_library(out, compounds=650, articles=350, seed=7)
    return out


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(entry.name))
    return found


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _temporaries(db: Path) -> list[str]:
    return sorted(entry.name for entry in db.parent.iterdir() if ".tmp-" in entry.name)


def _kill_build_when(
    content: Path, db: Path, ready: Callable[[int], list[int] | None]
) -> list[int]:
    """Start a forced build, SIGKILL it once `ready(pid)` names its workers; return them."""
    build_process = subprocess.Popen(
        [sys.executable, "-m", "evidex", "build", str(content), "--db", str(db), "--force"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + WAIT_SECONDS
    workers: list[int] | None = None
    try:
        while workers is None:
            assert build_process.poll() is None, "the build ended before the moment to kill it"
            assert time.monotonic() < deadline, "the build never reached the moment to kill it"
            time.sleep(0.02)
            workers = ready(build_process.pid)
    finally:
        os.kill(build_process.pid, signal.SIGKILL)
        build_process.wait()
    return workers


def _wait_gone(workers: list[int]) -> list[int]:
    deadline = time.monotonic() + 10
    while any(_running(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    survivors = [pid for pid in workers if _running(pid)]
    for pid in survivors:  # do not leave them to the rest of the suite
        os.kill(pid, signal.SIGKILL)
    return survivors


def test_parse_workers_die_with_a_killed_build(synthetic: Path, tmp_path: Path) -> None:
    def parsing(pid: int) -> list[int] | None:
        children = _children(pid)
        return children if len(children) >= 2 else None

    workers = _kill_build_when(synthetic, tmp_path / "evidex.db", parsing)
    assert _wait_gone(workers) == []


def test_a_build_killed_while_writing_leaves_nothing_after_the_next_build(
    synthetic: Path, tmp_path: Path
) -> None:
    db = tmp_path / "evidex.db"
    build(synthetic, db)  # a good database the killed build was going to replace

    def writing_side_file(pid: int) -> list[int] | None:
        side = db.with_name(f".{db.name}.tmp-{pid}.content")
        return _children(pid) if side.exists() else None

    workers = _kill_build_when(synthetic, db, writing_side_file)
    assert workers, "the side writer is a forked worker"
    assert _wait_gone(workers) == []
    assert _temporaries(db), "the killed build left its temporary files"
    report = build(synthetic, db)  # unchanged content: nothing written, still cleaned up
    assert not report.written
    assert _temporaries(db) == []


def test_a_running_build_keeps_its_temporary_files(tmp_path: Path) -> None:
    db = tmp_path / "evidex.db"
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        live = db.with_name(f".{db.name}.tmp-{sleeper.pid}")
        live.write_bytes(b"in progress")
        dead = subprocess.Popen([sys.executable, "-c", "pass"])
        dead.wait()
        stale = [db.with_name(f".{db.name}.tmp-{dead.pid}{end}") for end in ("", ".content")]
        for path in stale:
            path.write_bytes(b"left behind")
        assert sorted(remove_stale_temporaries(db)) == sorted(stale)
        assert _temporaries(db) == [live.name]
    finally:
        sleeper.kill()
        sleeper.wait()
