"""Build throughput on the synthetic library: full build, no-change rebuild, peak memory.

Each build runs in a child process so its peak resident memory can be read on its own.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path

_CHILD = """
import json, resource, sys, time
from pathlib import Path
from evidex.build.pipeline import build
start = time.perf_counter()
report = build(Path(sys.argv[1]), Path(sys.argv[2]), force=sys.argv[3] == "force")
elapsed = time.perf_counter() - start
peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": elapsed, "documents": report.documents, "reparsed": report.reparsed,
                  "written": report.written, "peak_self_kib": peak_kib}))
"""


def _build(content: Path, db: Path, force: bool) -> dict[str, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(content), str(db), "force" if force else "-"],
        check=True,
        capture_output=True,
        text=True,
    )
    figures: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
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
    return {
        "build_docs_per_s": docs_per_second,
        "rebuild_s": again["seconds"],
        "peak_mib": peak_mib,
        "db_bytes": float(db.stat().st_size),
    }


if __name__ == "__main__":
    start = time.perf_counter()
    run(Path(sys.argv[1]), Path(sys.argv[2]))
