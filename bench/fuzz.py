"""`make fuzz`: at least 100,000 generated and mutated inputs per parser, on both cores.

Inputs come from a seeded generator: the sample library, the shared seeds (../shared/seeds,
when present) and the ops test fixtures, mutated by truncation, splicing, byte noise, unicode
insertions, line shuffles and dosing/statistics tokens; plus wholly random text. A share of
them also get a hostile construct spliced in (HOSTILE: billion laughs, alias loops, huge and
non-finite numbers, deep YAML nesting, deep blockquotes), which a parser must refuse or
bound rather than exhaust the machine on (inputs slower than SLOW_SECONDS are kept). Any exception
is a crash (parsers report problems as diagnostics); each distinct crash is saved under
tests/ops/regressions/ so tests/ops/test_regressions.py replays it from then on.
"""

from __future__ import annotations

import argparse
import hashlib
import multiprocessing
import random
import re
import time
import traceback
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED_SEEDS = REPO / ".." / "shared" / "seeds"
REGRESSIONS = REPO / "tests" / "ops" / "regressions"
CHUNK = 500
MAX_INPUT_CHARS = 3000
SLOW_SECONDS = 2.0
HOSTILE_SHARE = 0.05  # of inputs get one of HOSTILE spliced in

TOKENS = [
    "---",
    "\n---\n",
    "**",
    "**A:**",
    "## ",
    "# ",
    "- ",
    "* ",
    "| ",
    " | --- |",
    "\t",
    "\r\n",
    "\ufeff",
    "\u200b",
    "\u202e",
    "\u0301",
    "\U0001f9ea",
    "μg",
    "µg",
    "α",
    "β",
    "×",
    "–",
    "—",
    "mg",
    "mcg",
    "g",
    "IU",
    "mg/kg",
    "q.d.",
    "b.i.d.",
    "weekly",
    "every 3 days",
    "x 12 wk",
    "0",
    "-1",
    "1e309",
    "NaN",
    "9" * 40,
    "1.6",
    "250-500",
    "3–5",
    "95% CI",
    "(95% CI 0.8 to",
    "p<0.001",
    "p = .04",
    "n=",
    "randomized",
    "placebo",
    "Results:",
    "Conclusions:",
    "title:",
    "slug:",
    "is_banned: yes",
    "lastModified:",
    "faqs:",
    "  - q: >-",
    "    a: |-",
    "{",
    "}",
    "[",
    "]",
    ":",
    "'",
    '"',
    "&",
    "<script>",
    "javascript:",
    "\\",
    "%",
    "*",
    "(",
    ")",
    "NEAR(",
    "AND",
    "OR",
    "NOT",
    "^",
    "\x00",
    "\x7f",
]


def _laughs(rng: random.Random) -> str:
    """Anchors of aliases of anchors: `width ** levels` nodes from a few hundred bytes."""
    levels, width = rng.randrange(2, 11), rng.randrange(2, 11)
    lines = [f"l0: &l0 [{', '.join(['lol'] * width)}]"]
    for level in range(1, levels):
        lines.append(f"l{level}: &l{level} [{', '.join([f'*l{level - 1}'] * width)}]")
    return "\n".join(lines)


def _alias_loop(rng: random.Random) -> str:
    return rng.choice(
        ["loop: &a [*a]", "loop: &a {self: *a}", "outer: &o\n  inner: [1, {back: *o}]"]
    )


def _huge_value(rng: random.Random) -> str:
    digits = "".join(rng.choice("0123456789") for _ in range(rng.randrange(19, 6000)))
    return rng.choice(
        [
            *(digits, f"-{digits}", f"{digits}.5", "0x" + digits),
            *("1.0e+400", "-.inf", ".nan", "1e400", "1.0e+300", "-9.9e+307", "1e-400"),
        ]
    )


def _huge_number(rng: random.Random) -> str:
    key = rng.choice(["n", "price", "amount", "age", "n_studies", "purity_percent"])
    return f"{key}: {_huge_value(rng)}"


_WRITTEN_NUMBER = re.compile(r"(?<=: )-?\d+(?:\.\d+)?(?=\s*$)", re.M)


def _deep_nesting(rng: random.Random) -> str:
    depth = rng.randrange(50, 3000)
    return rng.choice(
        [f"deep: {'[' * depth}{']' * depth}", f"deep: {'{a: ' * depth}1{'}' * depth}"]
    )


def _deep_quote(rng: random.Random) -> str:
    depth = rng.randrange(20, 100_000)
    marker = rng.choice([">", "> ", "- >", "> - ", ">>"])
    return marker * (depth // len(marker)) + " deep text"


# Inputs that exhaust a parser rather than confuse it: each is spliced into a seed at a line
# start, after the size cap that keeps the other mutations small.
HOSTILE: list[Callable[[random.Random], str]] = [
    _laughs,
    _alias_loop,
    _huge_number,
    _deep_nesting,
    _deep_quote,
]


def _splice_hostile(rng: random.Random, text: str) -> str:
    numbers = list(_WRITTEN_NUMBER.finditer(text))
    if numbers and rng.random() < 0.3:  # a number where the format expects one
        found = rng.choice(numbers)
        return text[: found.start()] + _huge_value(rng) + text[found.end() :]
    lines = text.split("\n")
    at = rng.randrange(0, len(lines) + 1)
    if text.startswith("---") and rng.random() < 0.7:
        at = rng.randrange(1, max(2, lines.index("---", 1) if "---" in lines[1:] else 2))
    lines.insert(at, rng.choice(HOSTILE)(rng))
    return "\n".join(lines)


def _corpus() -> dict[str, list[str]]:
    def read(paths: list[Path]) -> list[str]:
        return [p.read_text(encoding="utf-8", errors="replace") for p in sorted(paths)]

    fixtures = REPO / "tests" / "ops" / "fixtures"
    profiles = read(
        [*(REPO / "content" / "compounds").glob("*.md"), fixtures / "profile_with_defects.md"]
    )
    articles = read(
        [*(REPO / "content" / "research").glob("*.md"), fixtures / "deep_dive_page_text.txt"]
    )
    if SHARED_SEEDS.is_dir():
        for seed in sorted(SHARED_SEEDS.glob("*.txt")):
            text = seed.read_text(encoding="utf-8", errors="replace")
            (profiles if text.startswith("---") else articles).append(text)
    queries = ["bpc 157 tendon", "semaglutide weight loss", "α-lipoic acid", '"quoted" OR x*']
    studies = read([*(REPO / "content" / "studies").glob("*.yaml")])
    vendors = read([*(REPO / "content" / "vendors").glob("*.yaml")])
    return {
        "profile": profiles,
        "article": articles,
        "query": queries,
        "study": studies,
        "vendor": vendors,
    }


def _window(rng: random.Random, text: str) -> str:
    if len(text) <= MAX_INPUT_CHARS:
        return text
    start = rng.randrange(0, len(text) - MAX_INPUT_CHARS) if rng.random() < 0.5 else 0
    return text[start : start + MAX_INPUT_CHARS]


def _random_text(rng: random.Random, size: int) -> str:
    kind = rng.random()
    if kind < 0.3:
        return bytes(rng.randrange(256) for _ in range(size)).decode("utf-8", errors="replace")
    if kind < 0.6:
        return "".join(
            chr(rng.choice([rng.randrange(32, 127), rng.randrange(0xA0, 0xD7FF)]))
            for _ in range(size)
        )
    return " ".join(rng.choice(TOKENS) for _ in range(max(1, size // 4)))


def mutate(rng: random.Random, corpus: list[str]) -> str:
    if rng.random() < 0.1:
        return _random_text(rng, rng.randrange(0, 400))
    text = _window(rng, rng.choice(corpus))
    for _ in range(rng.randrange(1, 6)):
        op = rng.randrange(8)
        at = rng.randrange(0, len(text) + 1)
        if op == 0:
            text = text[:at]
        elif op == 1:
            other = _window(rng, rng.choice(corpus))
            cut = rng.randrange(0, len(other) + 1)
            text = text[:at] + other[cut:]
        elif op == 2:
            text = text[:at] + _random_text(rng, rng.randrange(1, 40)) + text[at:]
        elif op == 3:
            text = text[:at] + rng.choice(TOKENS) + text[at:]
        elif op == 4:
            end = min(len(text), at + rng.randrange(1, 200))
            text = text[:at] + text[end:]
        elif op == 5:
            lines = text.split("\n")
            rng.shuffle(lines) if rng.random() < 0.2 else lines.insert(
                rng.randrange(len(lines) + 1), rng.choice(lines)
            )
            text = "\n".join(lines)
        elif op == 6:
            chunk = text[at : at + rng.randrange(1, 80)]
            text = text[:at] + chunk * rng.randrange(2, 20) + text[at:]
        else:
            text = text.replace("\n", rng.choice(["\r\n", "\r", "\n\n", "  \n"]))
    text = text[: MAX_INPUT_CHARS * 2]
    return _splice_hostile(rng, text) if rng.random() < HOSTILE_SHARE else text


def _targets() -> dict[str, tuple[str, Callable[[str], object]]]:
    from evidex.content.article import parse_article
    from evidex.content.importer import import_article
    from evidex.content.profile import parse_profile
    from evidex.content.regimens import parse_regimens
    from evidex.evidence.extract import extract_studies
    from evidex.evidence.studyfile import parse_study_file
    from evidex.search.query import fts_expression, parse_query
    from evidex.vendors.parse import parse_vendor

    def query(text: str) -> object:
        parsed = parse_query(text)
        return fts_expression(parsed), fts_expression(parsed, any_term=True)

    def vendor(text: str) -> object:
        return parse_vendor(text, "vendors/fuzz.yaml", lambda name: name.lower(), None)

    return {
        "parse_profile": ("profile", lambda t: parse_profile(t, "compounds/fuzz.md")),
        "import_article": ("article", lambda t: import_article(t, source="fuzz.txt")),
        "extract_studies": ("article", lambda t: extract_studies(t, source="fuzz.txt")),
        "parse_regimens": ("profile", parse_regimens),
        "parse_query": ("query", query),
        "parse_article": ("article", lambda t: parse_article(t, "research/fuzz.md", "fuzz")),
        "parse_study_file": ("study", lambda t: parse_study_file(t, "studies/fuzz.yaml")),
        "parse_vendor": ("vendor", vendor),
    }


_CORPUS: dict[str, list[str]] = {}
_TARGETS: dict[str, tuple[str, Callable[[str], object]]] = {}


def _init() -> None:
    _CORPUS.update(_corpus())
    _TARGETS.update(_targets())


def _run_chunk(
    job: tuple[str, int, int],
) -> tuple[int, list[tuple[str, str, str]], float, str]:
    """Run one chunk: (inputs tried, crashes as (key, input, traceback), slowest s, its input)."""
    name, chunk, seed = job
    corpus_name, target = _TARGETS[name]
    rng = random.Random(f"{seed}:{name}:{chunk}")
    crashes: list[tuple[str, str, str]] = []
    slowest = 0.0
    slowest_text = ""
    for _ in range(CHUNK):
        text = mutate(rng, _CORPUS[corpus_name])
        started = time.perf_counter()
        try:
            target(text)
        except Exception as exc:
            frame = traceback.extract_tb(exc.__traceback__)[-1]
            key = f"{type(exc).__name__} at {Path(frame.filename).name}:{frame.lineno}"
            crashes.append((key, text, traceback.format_exc(limit=6)))
        elapsed = time.perf_counter() - started
        if elapsed > slowest:
            slowest, slowest_text = elapsed, text
    return CHUNK, crashes, slowest, slowest_text


def _save(name: str, text: str, key: str) -> Path:
    REGRESSIONS.mkdir(parents=True, exist_ok=True)
    digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=6).hexdigest()
    path = REGRESSIONS / f"{name}__{digest}.txt"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    print(f"    saved {path.relative_to(REPO)} ({key})")
    return path


def fuzz(names: list[str], count: int, seed: int, processes: int) -> dict[str, dict[str, object]]:
    results: dict[str, dict[str, object]] = {}
    with multiprocessing.get_context("fork").Pool(processes, initializer=_init) as pool:
        for name in names:
            started = time.perf_counter()
            chunks = -(-count // CHUNK)
            tried, slowest, slowest_text = 0, 0.0, ""
            distinct: dict[str, tuple[str, str]] = {}
            crash_count = 0
            jobs = [(name, n, seed) for n in range(chunks)]
            for done, crashes, slow, slow_text in pool.imap_unordered(_run_chunk, jobs):
                tried += done
                if slow > slowest:
                    slowest, slowest_text = slow, slow_text
                crash_count += len(crashes)
                for key, text, trace in crashes:
                    if key not in distinct or len(text) < len(distinct[key][0]):
                        distinct[key] = (text, trace)
            seconds = time.perf_counter() - started
            print(
                f"{name:16} {tried:8d} inputs  {crash_count:5d} crashes "
                f"({len(distinct)} distinct)  slowest {slowest * 1000:.0f} ms  {seconds:.0f} s"
            )
            if slowest > SLOW_SECONDS:
                # Not a crash, but worth a look: a parser this slow on one input may be
                # super-linear somewhere. Kept out of the repository, under var/.
                slow_path = REPO / "var" / f"fuzz-slowest-{name}.txt"
                slow_path.parent.mkdir(exist_ok=True)
                slow_path.write_text(slowest_text, encoding="utf-8", errors="surrogatepass")
                print(f"  slowest input ({slowest:.1f} s) kept in {slow_path.relative_to(REPO)}")
            for key, (text, trace) in distinct.items():
                print(f"  crash: {key}\n{trace}")
                _save(name, text, key)
            results[name] = {
                "inputs": tried,
                "crashes": crash_count,
                "distinct": sorted(distinct),
                "slowest_ms": round(slowest * 1000),
                "seconds": round(seconds),
            }
    return results


def main() -> None:
    names = list(_targets())
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=100_000, help="inputs per parser")
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--only", action="append", choices=names, default=[])
    parser.add_argument("--processes", type=int, default=2)
    args = parser.parse_args()
    print(f"fuzz: {args.count} inputs per parser, seed {args.seed}, {args.processes} processes")
    results = fuzz(args.only or names, args.count, args.seed, args.processes)
    total = sum(int(r["crashes"]) for r in results.values())  # type: ignore[call-overload]
    print(f"fuzz: {total} crashes in total" + ("" if total else " - every input handled"))
    raise SystemExit(1 if total else 0)


if __name__ == "__main__":
    main()
