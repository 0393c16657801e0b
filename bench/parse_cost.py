"""CPU time to parse one document of each kind, in this process (no workers, no cache).

`python -m bench.parse_cost LIBRARY [--kind compound] [--files 1000] [--profile cumtime]`
prints milliseconds of CPU per document (after a warm-up), and with `--profile` the cProfile
table sorted that way. Use it to see where a build's parse time goes and to compare two
versions of the code on the same files (run both in the same minute: the machine is shared).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import time
from pathlib import Path

from evidex.build.discover import SourceFile, discover
from evidex.build.library import Library
from evidex.build.parse import _import_parsers, _read_and_parse
from evidex.content.models import Condition

try:
    from evidex.build.vocabularies import read_vocabularies
except ImportError:  # code before the vocabularies had their own module, to compare with it
    from evidex.build.pipeline import (  # type: ignore[attr-defined,no-redef]
        _read_vocabularies as read_vocabularies,
    )

_WARM_UP = 20


def _documents(library: Path, kind: str, files: int) -> tuple[list[SourceFile], list[Condition]]:
    sources, _ = discover(library)
    vocabularies = Library()
    read_vocabularies(sources, vocabularies)
    chosen = [source for source in sources if source.kind == kind][:files]
    return chosen, list(vocabularies.conditions.values())


def cpu_ms_per_document(sources: list[SourceFile], conditions: list[Condition]) -> float:
    _import_parsers()
    for source in sources[:_WARM_UP]:
        _read_and_parse(source, conditions)
    started = time.process_time()
    for source in sources:
        _read_and_parse(source, conditions)
    return (time.process_time() - started) / max(len(sources), 1) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("library", type=Path)
    parser.add_argument("--kind", default="compound", choices=["compound", "article", "study"])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--profile", metavar="SORT", help="also print cProfile, e.g. cumtime")
    args = parser.parse_args()
    sources, conditions = _documents(args.library, args.kind, args.files)
    if not sources:
        raise SystemExit(f"no {args.kind} files in {args.library}")
    per_document = cpu_ms_per_document(sources, conditions)
    print(f"parse: {args.kind} {per_document:.3f} ms CPU per document over {len(sources)} files")
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for source in sources:
            _read_and_parse(source, conditions)
        profiler.disable()
        pstats.Stats(profiler).sort_stats(args.profile).print_stats(40)


if __name__ == "__main__":
    main()
