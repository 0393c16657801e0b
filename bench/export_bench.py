"""The static export after one edit: a profile or article changed, `evidex build` run (an
incremental build), then `evidex export site` into the folder of the previous export, as a
deployment script would.

Six edits, each of another file and of the kinds an editor makes: a sentence in a profile's
text (three profiles) and in an article's text (shown on their own pages only), a profile's
first bullet (its description may be made from it: the compound list shows it) and an
article's title (the research list shows it). A profile's title is one of the names other files
link to, so it makes a full build, which leaves the export no record of what changed: the
export then reads every row (the fallback), measured apart with `--before`.

The figure is the time of the export command alone, interpreter start and imports included:
its wall time (the target, median and p90), the CPU time it used (user + system, steadier on a
shared machine) and the load average when it ran, with how many files it rendered and wrote.

`--before DIR` (a folder holding another version's `src/`, e.g. `git archive main src
docs/methodology.md | tar -x -C DIR`: the package links to that document) runs the same edits with that code too, in its own database and export folder,
interleaved edit by edit (which goes first alternates), so before and after share one run and
its load. The files are put back, rebuilt and re-exported at the end, so the synthetic library
and its exports stay as they were.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.edit_bench import _p90, _spread, with_marker
from bench.web_bench import EXPORT_TIMEOUT_S, WORK, _content_hash
from evidex.web.export import MANIFEST

TARGET_S = 2.0
SOURCE = Path(__file__).resolve().parents[1] / "src"
SUMMARY = re.compile(
    r"(?P<files>\d+) pages and responses; (?P<rendered>\d+) rendered,"
    r" (?P<written>\d+) files written, (?P<deleted>\d+) deleted \((?P<kind>[a-z ]+)\)"
)


@dataclass(frozen=True)
class Code:
    """One version of Evidex: its sources, its database and its export folder."""

    name: str
    source: Path
    db: Path
    out: Path

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "PYTHONPATH": str(self.source)}
        return subprocess.run(
            [sys.executable, "-m", "evidex", *args],
            check=True,
            timeout=EXPORT_TIMEOUT_S,
            capture_output=True,
            text=True,
            env=env,
        )


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def build(code: Code, content: Path) -> float:
    started = time.perf_counter()
    code.run("build", str(content), "--db", str(code.db), "--quiet")
    return time.perf_counter() - started


def export(code: Code) -> dict[str, Any]:
    """Run `evidex export site`: its wall and CPU seconds, the load average, its counts."""
    load = os.getloadavg()[0]
    cpu = _children_cpu()
    started = time.perf_counter()
    done = code.run("export", "site", str(code.out), "--db", str(code.db))
    seconds = time.perf_counter() - started
    found = SUMMARY.search(done.stdout)
    if found is None:
        raise RuntimeError(f"unexpected export output: {done.stdout!r}")
    counts: dict[str, Any] = {k: int(v) for k, v in found.groupdict().items() if k != "kind"}
    return {
        **counts,
        "how": found["kind"],
        "seconds": seconds,
        "cpu": _children_cpu() - cpu,
        "load": load,
    }


def _with_sentence(text: str, marker: str) -> str:
    """The profile or article with a sentence holding `marker` under its first heading."""
    head, separator, tail = text.partition("\n## ")
    heading, newline, body = tail.partition("\n")
    if not separator or not newline:
        raise RuntimeError("no section heading to add a sentence under")
    return f"{head}\n## {heading}\n\nNoted {marker}.\n{body}"


def _edits(content: Path) -> list[tuple[str, Path, Callable[[str, str], str]]]:
    """(kind, file, edit) for six different files spread over the library."""
    profiles = _spread(content, "compounds", 4)
    articles = _spread(content, "research", 2)
    return [
        ("profile text", profiles[0], _with_sentence),
        ("article text", articles[0], _with_sentence),
        ("profile bullet", profiles[1], lambda text, mark: with_marker(text, mark, "body")),
        ("profile text", profiles[2], _with_sentence),
        ("article title", articles[1], with_marker),
        ("profile text", profiles[3], _with_sentence),
    ]


def _prepare(code: Code, content: Path) -> None:
    """A database built by this code from `content`, and an export of it to start from."""
    if code.out.exists() and not (code.out / MANIFEST).is_file():
        shutil.rmtree(code.out)  # an export from before the manifest existed: start over
    seconds = build(code, content)
    print(f"export [{code.name}]: `evidex build` before the edits {seconds:.1f} s")
    first = export(code)
    if first["rendered"] > first["files"] / 2:
        print(
            f"export [{code.name}]: export of {first['files']:,} files in {first['seconds']:.1f} s"
        )


def _summary(runs: list[dict[str, Any]]) -> dict[str, Any]:
    seconds = [r["seconds"] for r in runs]
    cpu = [r["cpu"] for r in runs]
    return {
        "median_seconds": round(statistics.median(seconds), 3),
        "p90_seconds": round(_p90(seconds), 3),
        "median_cpu_seconds": round(statistics.median(cpu), 3),
        "p90_cpu_seconds": round(_p90(cpu), 3),
        "load_average": [
            round(min(r["load"] for r in runs), 1),
            round(max(r["load"] for r in runs), 1),
        ],
        "edits": [
            {k: round(v, 3) if isinstance(v, float) else v for k, v in r.items()} for r in runs
        ],
    }


def run(
    content: Path, db: Path, out: Path = WORK / "export-site", before: Path | None = None
) -> dict[str, Any]:
    codes = [Code("after", SOURCE, db, out)]
    if before is not None:
        codes.append(
            Code(
                "before",
                before / "src",
                db.with_name(f"{db.stem}-before.db"),
                Path(f"{out}-before"),
            )
        )
    for code in codes:
        _prepare(code, content)
    edits = _edits(content)
    originals = {path: path.read_text() for _, path, _ in edits}
    runs: dict[str, list[dict[str, Any]]] = {code.name: [] for code in codes}
    try:
        for number, (kind, path, edit) in enumerate(edits, 1):
            path.write_text(edit(originals[path], f"exportmark{number}x{int(time.time())}"))
            order = codes if number % 2 else codes[::-1]
            for code in order:
                build_seconds = build(code, content)
                figures = {**export(code), "kind": kind, "build_seconds": build_seconds}
                runs[code.name].append(figures)
                print(
                    f"export [{code.name}]: {kind} ({path.name}): {figures['seconds']:.2f} s wall,"
                    f" {figures['cpu']:.2f} s CPU, load {figures['load']:.1f};"
                    f" {figures['rendered']} files rendered, {figures['written']} written"
                    f" ({figures['how']}; `evidex build` before it {build_seconds:.1f} s)"
                )
    finally:
        for path, original in originals.items():
            path.write_text(original)
        for code in codes:
            build(code, content)
            export(code)
        (out / ".content-hash").write_text(_content_hash(db))
    results = {name: _summary(code_runs) for name, code_runs in runs.items()}
    for name, figures in results.items():
        print(
            f"export [{name}]: one edit re-exported in median {figures['median_seconds']:.2f} s"
            f" wall (p90 {figures['p90_seconds']:.2f} s) over {len(figures['edits'])} edits;"
            f" CPU median {figures['median_cpu_seconds']:.2f} s (p90"
            f" {figures['p90_cpu_seconds']:.2f} s); load average {figures['load_average'][0]}"
            f"-{figures['load_average'][1]}"
        )
    met = results["after"]["median_seconds"] <= TARGET_S
    print(f"export: target <= {TARGET_S:g} s wall median: {'met' if met else 'MISSED'}")
    return {**results["after"], "before": results.get("before"), "target_met": met}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("content", type=Path)
    parser.add_argument("db", type=Path)
    parser.add_argument("--out", type=Path, default=WORK / "export-site")
    parser.add_argument("--before", type=Path, help="a folder holding another version's src/")
    args = parser.parse_args()
    run(args.content, args.db, args.out, args.before)


if __name__ == "__main__":
    main()
