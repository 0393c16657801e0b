"""Build throughput on the synthetic library: full build, no-change rebuild, peak memory.

Each build runs in a child process so its peak resident memory can be read on its own.
"""

from __future__ import annotations

import json
import random
import resource
import sqlite3
import subprocess
import sys
import time
import zlib
from pathlib import Path
from typing import Any

_CHILD = """
import json, os, resource, sys, time
from pathlib import Path
import evidex.web.prerender as prerender
from evidex.build.pipeline import build
stages = {}
def progress(stage, advance, total):
    stages.setdefault(stage, time.perf_counter())
pages = {}
finish = prerender.prerender_build
def timed_prerender(conn, db_path):  # the build's finish hook, timed on its own
    before, wall = os.times(), time.perf_counter()
    pages["count"] = finish(conn, db_path)
    after = os.times()
    pages["seconds"] = time.perf_counter() - wall
    pages["cpu_s"] = sum(a - b for a, b in zip(after[:4], before[:4]))
    pages["bytes"] = conn.execute("SELECT coalesce(sum(length(body)), 0) FROM pages").fetchone()[0]
    return pages["count"]
prerender.prerender_build = timed_prerender
start = time.perf_counter()
report = build(Path(sys.argv[1]), Path(sys.argv[2]), force=sys.argv[3] == "force",
               progress=progress, prerender=sys.argv[4] == "prerender")
end = time.perf_counter()
mine, children = (resource.getrusage(who) for who in (resource.RUSAGE_SELF,
                                                      resource.RUSAGE_CHILDREN))
marks = sorted([("start", start), *stages.items(), ("end", end)], key=lambda m: m[1])
print(json.dumps({"seconds": end - start, "documents": report.documents,
                  "reparsed": report.reparsed, "written": report.written,
                  "peak_self_kib": mine.ru_maxrss,
                  "cpu_s": mine.ru_utime + mine.ru_stime + children.ru_utime + children.ru_stime,
                  "prerender": pages,
                  "stages": {name: later - at
                             for (name, at), (_, later) in zip(marks[1:-1], marks[2:])}}))
"""


def _build(content: Path, db: Path, force: bool, prerender: bool = False) -> dict[str, Any]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    flags = ["force" if force else "-", "prerender" if prerender else "-"]
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(content), str(db), *flags],
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
    for stale in [*work.glob(".bench.db*"), *work.glob(".bench-pages.db*")]:
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
    return {
        **_prerendered_build(content, work, full, db.stat().st_size),
        **page_costs(db),
        "build_docs_per_s": docs_per_second,
        "rebuild_s": again["seconds"],
        "peak_mib": peak_mib,
        "build_cpu_s": full["cpu_s"],
        "db_bytes": float(db.stat().st_size),
    }


def _prerendered_build(
    content: Path, work: Path, plain: dict[str, Any], plain_bytes: int
) -> dict[str, float]:
    """The same full build with every page pre-rendered (`evidex build --prerender`), right
    after the one without: its documents/s beside the plain build's, and what the pages cost."""
    db = work / "bench-pages.db"
    db.unlink(missing_ok=True)
    full = _build(content, db, force=True, prerender=True)
    plain_rate = plain["documents"] / plain["seconds"]
    rate = full["documents"] / full["seconds"]
    pages = full["prerender"]
    size = db.stat().st_size
    print(
        f"build: with pre-rendered pages {rate:,.0f} documents/s = {rate / plain_rate:.0%} of "
        f"the build without them (target >= 85%); pre-render {pages['count']:,} pages in "
        f"{pages['seconds']:.1f}s, CPU {pages['cpu_s']:.1f}s "
        f"({1000 * pages['cpu_s'] / max(1, pages['count']):.2f} ms a page), "
        f"{pages['bytes'] / 1e6:,.0f} MB compressed; database {size / 1e6:,.0f} MB "
        f"({(size - plain_bytes) / 1e6:+,.0f} MB)"
    )
    db.unlink()
    db.with_name(f".{db.name}.parse-cache").unlink(missing_ok=True)
    return {
        "prerender_build_docs_per_s": rate,
        "prerender_share_of_docs_per_s": rate / plain_rate,
        "pages": float(pages["count"]),
        "prerender_s": pages["seconds"],
        "prerender_cpu_s": pages["cpu_s"],
        "page_bytes": float(pages["bytes"]),
        "prerender_db_bytes": float(size),
    }


def page_costs(db: Path, count: int = 2000, seed: int = 7, run: int = 50) -> dict[str, float]:
    """CPU-ms to pre-render a page, by kind, over `count` pages of the build at `db` in this
    process (the render and compression of one page, as each build worker does): runs of `run`
    pages in the build's own order from random places, since the pages rendered together
    share what they show."""
    from evidex.web.prerender import GZIP_LEVEL, PageRenderer, build_site_key, compress, page_paths

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        paths = page_paths(conn)
    finally:
        conn.close()
    starts = random.Random(seed).sample(range(0, len(paths), run), max(1, count // run))
    sample = [path for start in sorted(starts) for path in paths[start : start + run]]
    renderer = PageRenderer(db, build_site_key())
    spent: dict[str, list[float]] = {}
    bodies: list[bytes] = []
    try:
        for path in paths[:50]:  # templates compiled, connections opened
            renderer.render(path)
        for path in sample:
            started = time.process_time()
            page = renderer.render(path)
            spent.setdefault(_page_kind(path), []).append(time.process_time() - started)
            if page is not None:
                bodies.append(zlib.decompress(page.body, 47) if page.encoding else page.body)
    finally:
        renderer.close()
    started = time.process_time()
    for body in bodies:  # the compression alone, included in the figures above
        compress(body)
    gzip_ms = 1000 * (time.process_time() - started) / len(sample)
    costs = {kind: 1000 * sum(times) / len(times) for kind, times in sorted(spent.items())}
    total = sum(sum(times) for times in spent.values())
    print(
        f"build: pre-render CPU-ms a page over {len(sample):,} pages ({run} in a row from "
        f"random places): "
        + ", ".join(f"{kind} {ms:.2f}" for kind, ms in costs.items())
        + f"; {1000 * total / len(sample):.2f} on average, of which gzip (level {GZIP_LEVEL}) "
        f"{gzip_ms:.2f}"
    )
    return {**{f"page_ms_{kind}": ms for kind, ms in costs.items()}, "page_ms_gzip": gzip_ms}


def _page_kind(path: str) -> str:
    """'compounds', 'evidence', 'research', 'goals' or 'list', with 'json ' for the API's."""
    parts = path.removeprefix("/api/v1").strip("/").split("/")
    kind = {1: "list", 2: parts[0]}.get(len(parts), "evidence")
    return f"json {kind}" if path.startswith("/api/v1/") else kind


if __name__ == "__main__":
    run(Path(sys.argv[1]), Path(sys.argv[2]))
