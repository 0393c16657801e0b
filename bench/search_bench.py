"""Search figures: relevance on the sample library, latency on the synthetic one, and whether
search load slows the profile pages served beside it.

`make bench` calls `run(db_path)` with the 10,000-compound synthetic artifact;
`python -m bench.search_bench PATH` runs it on any build artifact.
"""

from __future__ import annotations

import json
import os
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx

from evidex.build.pipeline import build
from evidex.search.engine import SearchEngine
from evidex.search.relevance import evaluate, load_cases

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_LIBRARY = ROOT / "content"
RELEVANCE_SET = ROOT / "tests" / "search" / "relevance.yaml"
ROUNDS = 5
COMMON_WORDS = ["receptor", "injection", "dose", "patients", "the effect of", "side effects"]
PHRASES = ["injection site reaction", "liver health", "type 2 diabetes", "how much per day"]
LOAD_SECONDS = 6.0
SEARCH_WORKERS = 4
PAGE_WORKERS = 2


def _percentile(sorted_values: list[float], share: float) -> float:
    if not sorted_values:
        return 0.0
    index = min(len(sorted_values) - 1, round(share * (len(sorted_values) - 1)))
    return sorted_values[index]


def relevance() -> dict[str, Any]:
    """MRR@10 and recall@1 of the hand-written set over a fresh build of content/."""
    with tempfile.TemporaryDirectory() as folder:
        db_path = Path(folder) / "sample.db"
        build(SAMPLE_LIBRARY, db_path)
        conn = sqlite3.connect(db_path)
        report = evaluate(SearchEngine(conn), conn, load_cases(RELEVANCE_SET))
        conn.close()
    return {
        "queries": len(report.outcomes),
        "mrr_at_10": report.mrr_at_10,
        "recall_at_1": report.recall_at_1,
        "misses": [(o.case.query, o.rank) for o in report.misses()],
    }


def _typo(name: str, rng: random.Random) -> str:
    letters = list(name.lower())
    spot = rng.randrange(1, max(2, len(letters) - 1))
    letters[spot] = "x" if letters[spot] != "x" else "z"  # one substitution
    if len(letters) > 8:
        del letters[rng.randrange(1, len(letters) - 1)]  # and one deletion
    return "".join(letters)


def query_mix(conn: sqlite3.Connection, seed: int = 11) -> dict[str, list[str]]:
    """A fixed mix drawn from the artifact: rare names, typos, prefixes, phrases, common words."""
    rng = random.Random(seed)
    titles = [
        str(r[0]) for r in conn.execute("SELECT title FROM search_docs WHERE type='compound'")
    ]
    names = [str(r[0]) for r in conn.execute("SELECT name FROM search_names WHERE kind='brand'")]
    goals = [str(r[0]) for r in conn.execute("SELECT title FROM search_docs WHERE type='goal'")]
    picked = rng.sample(titles, min(10, len(titles)))
    return {
        "rare names": picked[:5] + rng.sample(names, min(5, len(names))),
        "typos": [_typo(title, rng) for title in picked],
        "prefixes": [title[:4] for title in picked[:5]],
        "goals": goals[:5],
        "phrases": PHRASES,
        "common words": COMMON_WORDS,
    }


def latency(db_path: Path) -> dict[str, Any]:
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    started = time.perf_counter()
    engine = SearchEngine(conn)
    load_ms = (time.perf_counter() - started) * 1000
    mix = query_mix(conn)
    by_kind: dict[str, list[float]] = {kind: [] for kind in mix}
    cpu: list[float] = []  # CPU time of this thread: what a query costs when the machine is shared
    for query in [q for queries in mix.values() for q in queries]:
        engine.search(conn, query)  # warm the page cache once per query
    for _ in range(ROUNDS):
        for kind, queries in mix.items():
            for query in queries:
                c0, t0 = time.thread_time(), time.perf_counter()
                engine.search(conn, query)
                by_kind[kind].append((time.perf_counter() - t0) * 1000)
                cpu.append((time.thread_time() - c0) * 1000)
    suggest_times = []
    for _ in range(ROUNDS):
        for query in mix["prefixes"]:
            t0 = time.perf_counter()
            engine.suggest(query)
            suggest_times.append((time.perf_counter() - t0) * 1000)
    every = sorted(t for times in by_kind.values() for t in times)
    suggest_times.sort()
    cpu.sort()
    conn.close()
    return {
        "documents": len(engine.docs),
        "engine_load_ms": round(load_ms, 1),
        "queries_timed": len(every),
        "median_ms": round(statistics.median(every), 3),
        "p95_ms": round(_percentile(every, 0.95), 3),
        "max_ms": round(every[-1], 3),
        "cpu_median_ms": round(statistics.median(cpu), 3),
        "cpu_p95_ms": round(_percentile(cpu, 0.95), 3),
        "load_average": round(os.getloadavg()[0], 1),
        "p95_ms_by_kind": {
            kind: round(_percentile(sorted(times), 0.95), 3) for kind, times in by_kind.items()
        },
        "suggest_p95_ms": round(_percentile(suggest_times, 0.95), 3),
    }


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _hammer(base: str, paths: list[str], until: float, timings: list[float]) -> None:
    with httpx.Client(base_url=base, timeout=30.0) as client:
        index = 0
        while time.perf_counter() < until:
            t0 = time.perf_counter()
            client.get(paths[index % len(paths)])
            timings.append((time.perf_counter() - t0) * 1000)
            index += 1


def _profile_p99(base: str, profile_paths: list[str], seconds: float) -> dict[str, Any]:
    timings: list[float] = []
    until = time.perf_counter() + seconds
    threads = [
        threading.Thread(target=_hammer, args=(base, profile_paths, until, timings))
        for _ in range(PAGE_WORKERS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    timings.sort()
    return {
        "requests": len(timings),
        "p50_ms": round(_percentile(timings, 0.5), 2),
        "p99_ms": round(_percentile(timings, 0.99), 2),
    }


def _search_load_process(base: str, paths: list[str], seconds: float) -> subprocess.Popen[bytes]:
    """A second process sending search requests (common words included) as fast as it can."""
    code = (
        "import sys, json, threading, time, httpx\n"
        "base, paths, seconds, workers = sys.argv[1], json.loads(sys.argv[2]), "
        "float(sys.argv[3]), int(sys.argv[4])\n"
        "until = time.perf_counter() + seconds\n"
        "def go():\n"
        "    with httpx.Client(base_url=base, timeout=30.0) as c:\n"
        "        i = 0\n"
        "        while time.perf_counter() < until:\n"
        "            c.get(paths[i % len(paths)]); i += 1\n"
        "ts = [threading.Thread(target=go) for _ in range(workers)]\n"
        "[t.start() for t in ts]; [t.join() for t in ts]\n"
    )
    return subprocess.Popen(
        [sys.executable, "-c", code, base, json.dumps(paths), str(seconds), str(SEARCH_WORKERS)]
    )


def web_under_search_load(db_path: Path) -> dict[str, Any]:
    """Profile-page p99 alone, then with a second process loading /search beside it."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    slugs = [str(r[0]) for r in conn.execute("SELECT slug FROM compounds LIMIT 50")]
    mix = query_mix(conn)
    conn.close()
    profile_paths = [f"/compounds/{slug}" for slug in slugs]
    search_paths = [
        "/api/v1/search?" + httpx.QueryParams({"q": q}).__str__()
        for queries in mix.values()
        for q in queries
    ] + ["/search?" + httpx.QueryParams({"q": q}).__str__() for q in COMMON_WORDS]
    port = _free_port()
    env = {**os.environ, "EVIDEX_RATE_PER_SECOND": "1000000", "EVIDEX_RATE_BURST": "1000000"}
    server = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "--factory", "bench.search_bench:_app_factory",
         "--port", str(port), "--log-level", "warning", "--no-access-log"],
        env={**env, "EVIDEX_BENCH_DB": str(db_path)},
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.perf_counter() + 60
        while time.perf_counter() < deadline:
            try:
                if httpx.get(base + profile_paths[0], timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        httpx.get(base + search_paths[0], timeout=30)  # builds the search engine once
        alone = _profile_p99(base, profile_paths, LOAD_SECONDS)
        load = _search_load_process(base, search_paths, LOAD_SECONDS + 1)
        time.sleep(0.5)
        beside = _profile_p99(base, profile_paths, LOAD_SECONDS)
        load.wait(timeout=60)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return {"profile_alone": alone, "profile_with_search_load": beside}


def _app_factory() -> Any:
    from evidex.web.app import create_app

    return create_app(Path(os.environ["EVIDEX_BENCH_DB"]))


def run(db_path: Path) -> dict[str, Any]:
    figures: dict[str, Any] = {"relevance": relevance()}
    print(
        f"search relevance: MRR@10 {figures['relevance']['mrr_at_10']:.3f}, "
        f"recall@1 {figures['relevance']['recall_at_1']:.3f} "
        f"over {figures['relevance']['queries']} queries"
    )
    figures["latency"] = lat = latency(Path(db_path))
    print(
        f"search latency over {lat['documents']} documents: median {lat['median_ms']} ms, "
        f"p95 {lat['p95_ms']} ms (max {lat['max_ms']} ms); CPU median {lat['cpu_median_ms']} ms, "
        f"CPU p95 {lat['cpu_p95_ms']} ms; suggest p95 {lat['suggest_p95_ms']} ms; "
        f"engine load {lat['engine_load_ms']} ms; load average {lat['load_average']}"
    )
    print(f"  p95 by kind: {lat['p95_ms_by_kind']}")
    figures["web"] = web = web_under_search_load(Path(db_path))
    print(
        f"profile page p99: {web['profile_alone']['p99_ms']} ms alone, "
        f"{web['profile_with_search_load']['p99_ms']} ms beside search load"
    )
    return figures


if __name__ == "__main__":
    print(json.dumps(run(Path(sys.argv[1])), indent=2))
