"""Build throughput on the synthetic library: full build, no-change rebuild, peak memory.

Each build runs in a child process so its peak resident memory can be read on its own.
"""

from __future__ import annotations

import json
import resource
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

_CHILD = """
import json, resource, sys, time
from pathlib import Path
from evidex.build.pipeline import build
stages = {}
def progress(stage, advance, total):
    stages.setdefault(stage, time.perf_counter())
start = time.perf_counter()
report = build(Path(sys.argv[1]), Path(sys.argv[2]), force=sys.argv[3] == "force",
               progress=progress)
end = time.perf_counter()
mine, children = (resource.getrusage(who) for who in (resource.RUSAGE_SELF,
                                                      resource.RUSAGE_CHILDREN))
marks = sorted([("start", start), *stages.items(), ("end", end)], key=lambda m: m[1])
print(json.dumps({"seconds": end - start, "documents": report.documents,
                  "reparsed": report.reparsed, "written": report.written,
                  "peak_self_kib": mine.ru_maxrss,
                  "cpu_s": mine.ru_utime + mine.ru_stime + children.ru_utime + children.ru_stime,
                  "stages": {name: later - at
                             for (name, at), (_, later) in zip(marks[1:-1], marks[2:])}}))
"""


def _build(content: Path, db: Path, force: bool) -> dict[str, Any]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(content), str(db), "force" if force else "-"],
        check=True,
        capture_output=True,
        text=True,
    )
    figures: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    # ru_maxrss of children is the largest single child (the parse workers included)
    figures["peak_children_kib"] = max(
        before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    )
    return figures


def run(content: Path, work: Path) -> dict[str, float]:
    db = work / "bench.db"
    for stale in work.glob(".bench.db*"):
        stale.unlink()
    if db.exists():
        db.unlink()
    full = _build(content, db, force=True)
    again = _build(content, db, force=False)
    docs_per_second = full["documents"] / full["seconds"]
    peak_mib = max(full["peak_self_kib"], full["peak_children_kib"]) / 1024
    print(
        f"build: full {full['documents']:.0f} documents in {full['seconds']:.1f}s = "
        f"{docs_per_second:,.0f} documents/s (target >= 1,000); "
        f"no-change rebuild {again['seconds']:.2f}s (target <= 2 s, reparsed {again['reparsed']:.0f}); "
        f"peak memory {peak_mib:,.0f} MiB (target < 1 GiB)"
    )
    # from one progress stage to the next: "parse" includes linking, which reports no progress
    names = {"parse": "parse and link"}
    stages = ", ".join(
        f"{names.get(name, name)} {seconds:.1f}s" for name, seconds in full["stages"].items()
    )
    print(
        f"build: full build stages {stages}; CPU {full['cpu_s']:.1f}s in all "
        f"({full['cpu_s'] / full['seconds']:.2f} cores busy on average)"
    )
    pages, page_bytes = _stored_pages(db)
    print(
        f"build: {pages:,} pages pre-rendered for the server, {page_bytes / 1e6:,.0f} MB "
        f"compressed, of a {db.stat().st_size / 1e6:,.0f} MB database"
    )
    return {
        "pages": float(pages),
        "page_bytes": float(page_bytes),
        "build_docs_per_s": docs_per_second,
        "rebuild_s": again["seconds"],
        "peak_mib": peak_mib,
        "build_cpu_s": full["cpu_s"],
        "db_bytes": float(db.stat().st_size),
    }


def _stored_pages(db: Path) -> tuple[int, int]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        count, size = conn.execute(
            "SELECT count(*), coalesce(sum(length(body)), 0) FROM pages"
        ).fetchone()
    except sqlite3.OperationalError:  # built without pre-rendered pages
        return 0, 0
    finally:
        conn.close()
    return int(count), int(size)


if __name__ == "__main__":
    start = time.perf_counter()
    run(Path(sys.argv[1]), Path(sys.argv[2]))
