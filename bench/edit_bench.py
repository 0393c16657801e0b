"""An editor at work: one profile changed, `evidex build` run, the change visible on the site.

A running server (`evidex serve --workers 2`) serves the synthetic build. Ten times, a different
profile's title gets a new marker word, `evidex build` runs as an editor would run it, and
the profile page is polled until the marker shows. The figure is the time from the save to the
page showing it, as a reader would see it; the build's own time is printed beside it. The
profiles are put back and rebuilt at the end, so the synthetic library stays as generated.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

from bench.web_bench import EVIDEX, WORK, _free_port, _serve_python, _stop, _wait_for

EDITS = 10
VISIBLE_TARGET_S = 1.0
POLL_S = 0.02


def _profiles(content: Path, count: int) -> list[Path]:
    """`count` profiles spread over the library, not the first few in alphabetical order."""
    profiles = sorted((content / "compounds").glob("*.md"))
    step = max(1, len(profiles) // count)
    return profiles[step // 2 :: step][:count]


def _with_marker(text: str, marker: str) -> str:
    """The profile with `marker` added to its title (shown at the top of its page)."""
    head, separator, rest = text.partition("\ntitle: ")
    if not separator:
        raise RuntimeError("profile has no title line to edit")
    title, newline, tail = rest.partition("\n")
    return f"{head}\ntitle: {title.strip(chr(39) + chr(34))} {marker}{newline}{tail}"


def _page_shows(url: str, marker: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return marker in response.read().decode("utf-8", "replace")
    except OSError:
        return False


def _build(content: Path, db: Path) -> float:
    started = time.perf_counter()
    subprocess.run(
        [EVIDEX, "build", str(content), "--db", str(db), "--quiet"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


def run(content: Path, db: Path, edits: int = EDITS) -> dict[str, Any]:
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = _serve_python(db.resolve(), port, WORK / "edit-serve.log")
    originals = {path: path.read_text() for path in _profiles(content, edits)}
    visible: list[float] = []
    builds: list[float] = []
    try:
        _wait_for(base + "/healthz", server)
        for number, (path, original) in enumerate(originals.items(), 1):
            marker = f"editmark{number}x{int(time.time())}"
            url = f"{base}/compounds/{path.stem}"
            saved = time.perf_counter()
            path.write_text(_with_marker(original, marker))
            builds.append(_build(content, db))
            while not _page_shows(url, marker):
                if time.perf_counter() - saved > 300:
                    raise RuntimeError(f"{url} never showed the edit")
                time.sleep(POLL_S)
            visible.append(time.perf_counter() - saved)
    finally:
        _stop(server)
        for path, original in originals.items():
            path.write_text(original)
        _build(content, db)
    median = statistics.median(visible)
    print(
        f"edit: one profile changed and rebuilt, {len(visible)} edits on a running server: "
        f"visible after median {median:.2f}s (min {min(visible):.2f}, max {max(visible):.2f}); "
        f"`evidex build` median {statistics.median(builds):.2f}s; "
        f"target <= {VISIBLE_TARGET_S:.0f}s: {'met' if median <= VISIBLE_TARGET_S else 'MISSED'}"
    )
    return {
        "edits": len(visible),
        "visible_seconds": [round(v, 3) for v in visible],
        "build_seconds": [round(b, 3) for b in builds],
        "median_visible_seconds": round(median, 3),
        "target_met": median <= VISIBLE_TARGET_S,
    }


if __name__ == "__main__":
    run(Path(sys.argv[1]), Path(sys.argv[2]))
