"""The static export after one edit: a profile changed, `evidex build` run, then
`evidex export site` into the folder of the previous export, as a deployment script would.

The figure is the time of the export command alone (process start included), with how many
files it rendered and wrote. The profile is put back, rebuilt and re-exported at the end, so
the synthetic library and its export stay as they were.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.edit_bench import _build, _profiles, _with_marker
from bench.web_bench import EVIDEX, EXPORT_TIMEOUT_S, WORK, _content_hash
from evidex.web.export import MANIFEST

TARGET_S = 2.0
SUMMARY = re.compile(
    r"(?P<files>\d+) pages and responses; (?P<rendered>\d+) rendered,"
    r" (?P<written>\d+) files written, (?P<deleted>\d+) deleted \((?P<kind>[a-z ]+)\)"
)


def export(db: Path, out: Path) -> tuple[float, dict[str, Any]]:
    """Run `evidex export site`; returns its seconds and the counts it printed."""
    started = time.perf_counter()
    done = subprocess.run(
        [EVIDEX, "export", "site", str(out), "--db", str(db)],
        check=True,
        timeout=EXPORT_TIMEOUT_S,
        capture_output=True,  # the in-process export logs one access line per file
        text=True,
    )
    seconds = time.perf_counter() - started
    found = SUMMARY.search(done.stdout)
    if found is None:
        raise RuntimeError(f"unexpected export output: {done.stdout!r}")
    counts: dict[str, Any] = {k: int(v) for k, v in found.groupdict().items() if k != "kind"}
    return seconds, {**counts, "kind": found["kind"]}


def run(content: Path, db: Path, out: Path = WORK / "export-site") -> dict[str, Any]:
    results: dict[str, Any] = {}
    if out.exists() and not (out / MANIFEST).is_file():
        shutil.rmtree(out)  # an export from before the manifest existed: start over
    seconds, counts = export(db, out)
    if counts["kind"] == "full export":
        results["full_export_seconds"] = round(seconds, 1)
        print(f"export: full export of {counts['files']:,} files in {seconds:.1f} s")
    profile = _profiles(content, 1)[0]
    original = profile.read_text()
    try:
        profile.write_text(_with_marker(original, f"exportmark{int(time.time())}"))
        build_seconds = _build(content, db)
        seconds, counts = export(db, out)
    finally:
        profile.write_text(original)
        _build(content, db)
        export(db, out)
        (out / ".content-hash").write_text(_content_hash(db))
    met = seconds <= TARGET_S
    print(
        f"export: one edit re-exported in {seconds:.2f} s ({counts['written']} files rewritten;"
        f" target <= {TARGET_S:g} s: {'met' if met else 'MISSED'}); {counts['rendered']} of"
        f" {counts['files']:,} files rendered, `evidex build` before it {build_seconds:.1f} s"
    )
    return {
        **results,
        "edit_export_seconds": round(seconds, 3),
        "files_rewritten": counts["written"],
        "files_rendered": counts["rendered"],
        "files": counts["files"],
        "build_seconds": round(build_seconds, 2),
        "target_met": met,
    }


if __name__ == "__main__":
    run(Path(sys.argv[1]), Path(sys.argv[2]))
