"""`make bench`: generate the synthetic library once, then print every benchmark's figures.

Figures are compared as ratios within one run where the machine's noise matters (web load).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from bench import build_bench

WORK = Path("var/bench")


def _synthetic_library(compounds: int, articles: int) -> Path:
    from evidex.synth import generate_library

    content = WORK / f"content-{compounds}-{articles}"
    marker = content / ".complete"
    if not marker.exists():
        started = time.perf_counter()
        generate_library(content, compounds=compounds, articles=articles, seed=7)
        marker.write_text("ok")
        print(
            f"synth: {compounds} compounds + {articles} articles in {time.perf_counter() - started:.1f}s"
        )
    return content


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--compounds", type=int, default=10_000)
    parser.add_argument("--articles", type=int, default=5_000)
    parser.add_argument("--only", action="append", default=[], help="run only these sections")
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    wanted = set(args.only)

    def enabled(name: str) -> bool:
        return not wanted or name in wanted

    results: dict[str, object] = {}
    content = _synthetic_library(args.compounds, args.articles)
    db = WORK / "bench.db"
    if enabled("build") or not db.exists():
        results["build"] = build_bench.run(content, WORK)
    if enabled("extract"):
        from bench import extract_accuracy

        results["extract"] = extract_accuracy.run()
    if enabled("search"):
        from bench import search_bench

        results["search"] = search_bench.run(db)
    if enabled("stack"):
        from bench import stack_bench

        results["stack"] = stack_bench.run(db)
    if enabled("web"):
        from bench import web_bench

        results["web"] = web_bench.run(db)
    if enabled("import"):
        from bench import import_bench

        results["import"] = import_bench.run(WORK)
    if enabled("edit"):
        from bench import edit_bench

        results["edit"] = edit_bench.run(content, db)
    if enabled("swap"):
        from bench import swap_bench

        # rebuilt 10 times in 60 s, so the bundled library rather than the 15,000-document one
        results["swap"] = swap_bench.run(Path("content"), WORK)
    (WORK / "results.json").write_text(json.dumps(results, indent=2, default=str))
    print(f"all figures: {WORK / 'results.json'}")


if __name__ == "__main__":
    main()
