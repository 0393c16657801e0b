"""An editor at work: one file changed, `evidex build` run, the change visible on the site.

A running server (`evidex serve --workers 2`) serves the synthetic build. Round by round, one
profile or one article (alternately, spread over the library) gets a new marker word: in a
profile's first bullet (its title is one of the names other files link to, so a new title is a
full build; its description may be rebuilt from that bullet), in an article's title. `evidex
build` runs as an editor would run it, and the page is polled until the marker shows. The
figure is the time from the save to the page showing it, as a reader would see it (median and
p90, for all edits and for each kind); the build's own time is printed beside it, and how many
builds were written in place (incremental: the same database file) rather than in full (a new
file renamed over it). The files are put back and rebuilt at the end, so the synthetic library
stays as generated.
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

EDITS = 10  # of each kind: profiles and articles
VISIBLE_TARGET_S = 1.0
POLL_S = 0.02
KINDS = {  # folder, page, the front-matter line the marker goes on
    "profile": ("compounds", "/compounds/", "body"),
    "article": ("research", "/research/", "title"),
}


def _spread(content: Path, folder: str, count: int) -> list[Path]:
    """`count` files spread over the folder, not the first few in alphabetical order."""
    files = sorted((content / folder).glob("*.md"))
    step = max(1, len(files) // count)
    return files[step // 2 :: step][:count]


def with_marker(text: str, marker: str, key: str = "title") -> str:
    """The file with `marker` added to the start of its front-matter `key` (a title or a
    description, shown at the top of its page), inside quotes or a folded block; with key
    "body", to the start of the first bullet after the front matter."""
    if key == "body":
        start = text.index("\n- ", text.index("\n---", 3)) + 3
        return f"{text[:start]}{marker} {text[start:]}"
    head, separator, rest = text.partition(f"\n{key}: ")
    if not separator:
        raise RuntimeError(f"file has no {key} line to edit")
    value, newline, tail = rest.partition("\n")
    value = value.rstrip()
    if value in (">-", ">", "|", "|-"):  # a block: the first line of text follows
        indent = tail[: len(tail) - len(tail.lstrip(" "))]
        return f"{head}\n{key}: {value}{newline}{indent}{marker} {tail.lstrip(' ')}"
    if len(value) > 1 and value[0] in "'\"" and value[-1] == value[0]:
        value = f"{value[0]}{marker} {value[1:]}"
    else:
        value = f"{marker} {value}"
    return f"{head}\n{key}: {value}{newline}{tail}"


def _page_shows(url: str, marker: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return marker in response.read().decode("utf-8", "replace")
    except OSError:
        return False


def _build(content: Path, db: Path) -> tuple[float, bool]:
    """Seconds `evidex build` took, and whether it wrote in place (the same file)."""
    inode = db.stat().st_ino
    started = time.perf_counter()
    subprocess.run(
        [EVIDEX, "build", str(content), "--db", str(db), "--quiet"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - started, db.stat().st_ino == inode


def _p90(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))]


def _rounds(content: Path, edits: int) -> list[tuple[str, Path]]:
    """Profiles and articles, alternately."""
    files = {kind: _spread(content, folder, edits) for kind, (folder, _, _) in KINDS.items()}
    return [(kind, files[kind][i]) for i in range(edits) for kind in KINDS if i < len(files[kind])]


def run(content: Path, db: Path, edits: int = EDITS) -> dict[str, Any]:
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = _serve_python(db.resolve(), port, WORK / "edit-serve.log")
    rounds = _rounds(content, edits)
    # bytes, not text: a text round trip would turn a file's CRLF line ends into LF
    originals = {path: path.read_bytes() for _, path in rounds}
    visible: dict[str, list[float]] = {kind: [] for kind in KINDS}
    builds: list[float] = []
    in_place = 0
    try:
        _wait_for(base + "/healthz", server)
        for number, (kind, path) in enumerate(rounds, 1):
            marker = f"editmark{number}x{int(time.time())}"
            _, page, key = KINDS[kind]
            url = f"{base}{page}{path.stem}"
            saved = time.perf_counter()
            edited = with_marker(originals[path].decode("utf-8"), marker, key)
            path.write_bytes(edited.encode("utf-8"))
            seconds, incremental = _build(content, db)
            builds.append(seconds)
            in_place += incremental
            while not _page_shows(url, marker):
                if time.perf_counter() - saved > 300:
                    raise RuntimeError(f"{url} never showed the edit")
                time.sleep(POLL_S)
            visible[kind].append(time.perf_counter() - saved)
    finally:
        _stop(server)
        for path, original in originals.items():
            path.write_bytes(original)
        _build(content, db)
    every = [v for values in visible.values() for v in values]
    median, p90 = statistics.median(every), _p90(every)
    per_kind = "; ".join(
        f"{kind}s median {statistics.median(v):.2f}s p90 {_p90(v):.2f}s"
        for kind, v in visible.items()
        if v
    )
    print(
        f"edit: one file changed and rebuilt, {len(every)} edits on a running server "
        f"({per_kind}): visible after median {median:.2f}s, p90 {p90:.2f}s "
        f"(min {min(every):.2f}, max {max(every):.2f}); `evidex build` median "
        f"{statistics.median(builds):.2f}s, {in_place} of {len(builds)} written in place; "
        f"target median <= {VISIBLE_TARGET_S:.0f}s: "
        f"{'met' if median <= VISIBLE_TARGET_S else 'MISSED'}"
    )
    return {
        "edits": len(every),
        "visible_seconds": {
            kind: [round(v, 3) for v in values] for kind, values in visible.items()
        },
        "build_seconds": [round(b, 3) for b in builds],
        "in_place_builds": in_place,
        "median_visible_seconds": round(median, 3),
        "p90_visible_seconds": round(p90, 3),
        "target_met": median <= VISIBLE_TARGET_S,
    }


if __name__ == "__main__":
    run(Path(sys.argv[1]), Path(sys.argv[2]))
