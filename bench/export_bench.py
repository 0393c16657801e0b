"""The static export after one edit: a profile or article changed, `evidex build` run, then
`evidex export site` into the folder of the previous export, as a deployment script would.

Five edits, each of another file and of the kinds an editor makes: a profile's title (shown on
the compound list, the search index and its goals' pages), a sentence in a profile's text and
in an article's text (shown on their own pages only). The figure is the time of the export
command alone, process start included: its wall time (the target, median of the five) and the
CPU time it used (user + system, steadier on a shared machine), with how many files it
rendered and wrote. The files are put back, rebuilt and re-exported at the end, so the
synthetic library and its export stay as they were.
"""

from __future__ import annotations

import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.edit_bench import _build, _profiles, _with_marker
from bench.web_bench import EVIDEX, EXPORT_TIMEOUT_S, WORK, _content_hash
from evidex.web.export import MANIFEST

TARGET_S = 2.0
EDITS = 5
SUMMARY = re.compile(
    r"(?P<files>\d+) pages and responses; (?P<rendered>\d+) rendered,"
    r" (?P<written>\d+) files written, (?P<deleted>\d+) deleted \((?P<kind>[a-z ]+)\)"
)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def export(db: Path, out: Path) -> tuple[float, float, dict[str, Any]]:
    """Run `evidex export site`; returns its wall seconds, CPU seconds and printed counts."""
    cpu = _children_cpu()
    started = time.perf_counter()
    done = subprocess.run(
        [EVIDEX, "export", "site", str(out), "--db", str(db)],
        check=True,
        timeout=EXPORT_TIMEOUT_S,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - started
    found = SUMMARY.search(done.stdout)
    if found is None:
        raise RuntimeError(f"unexpected export output: {done.stdout!r}")
    counts: dict[str, Any] = {k: int(v) for k, v in found.groupdict().items() if k != "kind"}
    return seconds, _children_cpu() - cpu, {**counts, "kind": found["kind"]}


def _with_sentence(text: str, marker: str) -> str:
    """The profile or article with a sentence holding `marker` under its first heading."""
    head, separator, tail = text.partition("\n## ")
    heading, newline, body = tail.partition("\n")
    if not separator or not newline:
        raise RuntimeError("no section heading to add a sentence under")
    return f"{head}\n## {heading}\n\nNoted {marker}.\n{body}"


def _edits(content: Path) -> list[tuple[str, Path, Callable[[str, str], str]]]:
    """(kind, file, edit) for five different files spread over the library."""
    profiles = _profiles(content, EDITS)
    articles = sorted((content / "research").glob("*.md"))
    article = articles[len(articles) // 2]
    return [
        ("profile title", profiles[0], _with_marker),
        ("profile text", profiles[1], _with_sentence),
        ("article text", article, _with_sentence),
        ("profile title", profiles[2], _with_marker),
        ("profile text", profiles[3], _with_sentence),
    ]


def run(content: Path, db: Path, out: Path = WORK / "export-site") -> dict[str, Any]:
    results: dict[str, Any] = {}
    if out.exists() and not (out / MANIFEST).is_file():
        shutil.rmtree(out)  # an export from before the manifest existed: start over
    seconds, _, counts = export(db, out)
    if counts["kind"] == "full export":
        results["full_export_seconds"] = round(seconds, 1)
        print(f"export: full export of {counts['files']:,} files in {seconds:.1f} s")
    edits = _edits(content)
    originals = {path: path.read_text() for _, path, _ in edits}
    runs: list[dict[str, Any]] = []
    try:
        for number, (kind, path, edit) in enumerate(edits, 1):
            path.write_text(edit(originals[path], f"exportmark{number}x{int(time.time())}"))
            build_seconds = _build(content, db)
            seconds, cpu, counts = export(db, out)
            runs.append({**counts, "kind": kind, "seconds": seconds, "cpu": cpu})
            print(
                f"export: {kind} ({path.name}): {seconds:.2f} s wall, {cpu:.2f} s CPU;"
                f" {counts['rendered']} files rendered, {counts['written']} written"
                f" (`evidex build` before it {build_seconds:.1f} s)"
            )
    finally:
        for path, original in originals.items():
            path.write_text(original)
        _build(content, db)
        export(db, out)
        (out / ".content-hash").write_text(_content_hash(db))
    median = statistics.median(r["seconds"] for r in runs)
    met = median <= TARGET_S
    kinds = {r["kind"] for r in runs}
    by_kind = {
        kind: round(statistics.median(r["seconds"] for r in runs if r["kind"] == kind), 2)
        for kind in sorted(kinds)
    }
    print(
        f"export: one edit re-exported in median {median:.2f} s wall over {len(runs)} edits"
        f" (CPU median {statistics.median(r['cpu'] for r in runs):.2f} s; by kind {by_kind});"
        f" target <= {TARGET_S:g} s: {'met' if met else 'MISSED'}"
    )
    return {
        **results,
        "edits": [
            {k: round(v, 3) if isinstance(v, float) else v for k, v in r.items()} for r in runs
        ],
        "median_edit_export_seconds": round(median, 3),
        "median_edit_export_cpu_seconds": round(statistics.median(r["cpu"] for r in runs), 3),
        "median_seconds_by_kind": by_kind,
        "target_met": met,
    }


if __name__ == "__main__":
    run(Path(sys.argv[1]), Path(sys.argv[2]))
