"""Traffic that looks like readers: URLs drawn from every page of a build, as wrk replays them.

A catalogue lists each URL of the build by kind (profile, evidence, research, goal, the JSON of
each, search queries, unknown names that answer 404, other names that redirect). A mix gives
each kind its share of requests; within a kind, URLs are picked uniformly or with a Zipf-like
popularity (the k-th most popular page is asked for in proportion to 1/k), the popularity order
being a seeded shuffle so no alphabetical block is favoured. The sequence is written to a file,
one path a line, and `replay.lua` makes wrk walk it, each thread from its own offset.
"""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path
from urllib.parse import quote

LUA_SCRIPT = Path(__file__).with_name("replay.lua")

# What readers ask for, roughly: most traffic lands on profiles and their JSON.
READER_MIX: Mapping[str, float] = {
    "profile": 0.30,
    "evidence": 0.10,
    "research": 0.08,
    "goal": 0.04,
    "json": 0.26,
    "search": 0.14,
    "not found": 0.04,
    "redirect": 0.04,
}

# Questions people type, beside the names drawn from the build.
READER_QUERIES = (
    "sleep",
    "better sleep",
    "insomnia",
    "liver health",
    "hepatitis b",
    "hep b",
    "weight loss",
    "lose weight",
    "muscle",
    "bone health",
    "tissue repair",
    "tendon healing",
    "anxiety",
    "diabetes",
    "pregnancy",
    "immune",
    "inflammation",
    "peptide",
    "injection",
    "vitamin",
)


@dataclass(frozen=True)
class Catalogue:
    """Every URL of one build, by kind."""

    urls: Mapping[str, Sequence[str]]

    def kinds(self) -> list[str]:
        return [kind for kind, urls in self.urls.items() if urls]


def _typo(word: str, rng: random.Random) -> str:
    """One dropped or doubled letter, as people type a name they half remember."""
    if len(word) < 5:
        return word
    at = rng.randrange(1, len(word) - 1)
    return word[:at] + word[at + 1 :] if rng.random() < 0.5 else word[:at] + word[at] + word[at:]


def _search_urls(conn: sqlite3.Connection, rng: random.Random, count: int) -> list[str]:
    titles = [row[0] for row in conn.execute("SELECT title FROM compounds")]
    brands = [
        row[0]
        for row in conn.execute(
            "SELECT n.name FROM names n JOIN compounds c ON c.slug = n.slug"
            " WHERE n.kind = 'name' AND n.name != c.title"
        )
    ]
    goals = [row[0] for row in conn.execute("SELECT name FROM goals")]
    queries: list[str] = list(READER_QUERIES) + goals
    for _ in range(count):
        pool = brands if brands and rng.random() < 0.3 else titles
        name = rng.choice(pool)
        queries.append(_typo(name.lower(), rng) if rng.random() < 0.3 else name)
    urls = []
    for query in queries:
        q = quote(query)
        shape = rng.random()
        if shape < 0.5:
            urls.append(f"/search?q={q}")
        elif shape < 0.8:
            urls.append(f"/api/v1/search?q={q}")
        else:
            urls.append(f"/api/v1/suggest?q={quote(query[:4])}")
    return urls


def catalogue(db_path: Path, seed: int = 11, searches: int = 2000) -> Catalogue:
    """All pages of the build at `db_path`, plus searches, 404s and redirects."""
    rng = random.Random(seed)
    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as conn:
        compounds = [row[0] for row in conn.execute("SELECT slug FROM compounds ORDER BY slug")]
        articles = [row[0] for row in conn.execute("SELECT slug FROM articles ORDER BY slug")]
        goals = [row[0] for row in conn.execute("SELECT slug FROM goals ORDER BY slug")]
        # Any written name other than the slug itself answers 301 to the canonical URL.
        other_names = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM names WHERE kind = 'name' AND name != slug ORDER BY key"
            )
        ]
        urls: dict[str, list[str]] = {
            "profile": [f"/compounds/{slug}" for slug in compounds],
            "evidence": [f"/compounds/{slug}/evidence" for slug in compounds],
            "research": [f"/research/{slug}" for slug in articles],
            "goal": [f"/goals/{slug}" for slug in goals],
            "json": [
                *(f"/api/v1/compounds/{slug}" for slug in compounds),
                *(f"/api/v1/compounds/{slug}/evidence" for slug in compounds),
                *(f"/api/v1/research/{slug}" for slug in articles),
                *(f"/api/v1/goals/{slug}" for slug in goals),
            ],
            "search": _search_urls(conn, rng, searches),
            "not found": [f"/compounds/no-such-compound-{i}" for i in range(200)],
            "redirect": [f"/compounds/{quote(name)}" for name in other_names],
        }
    return Catalogue(urls)


def sequence(
    cat: Catalogue,
    mix: Mapping[str, float],
    popularity: str,
    length: int,
    seed: int = 7,
) -> list[str]:
    """`length` paths: kinds in the shares of `mix`, pages 'uniform' or 'zipf' within a kind."""
    if popularity not in ("uniform", "zipf"):
        raise ValueError(f"popularity is 'uniform' or 'zipf', not {popularity!r}")
    rng = random.Random(seed)
    kinds = [kind for kind in mix if cat.urls.get(kind)]
    kind_weights = list(accumulate(mix[kind] for kind in kinds))
    ranked: dict[str, list[str]] = {}
    zipf_weights: dict[str, list[float]] = {}
    for kind in kinds:
        order = list(cat.urls[kind])
        rng.shuffle(order)  # popularity order: not alphabetical, not the catalogue's
        ranked[kind] = order
        if popularity == "zipf":
            zipf_weights[kind] = list(accumulate(1.0 / rank for rank in range(1, len(order) + 1)))
    picked_kinds = rng.choices(kinds, cum_weights=kind_weights, k=length)
    paths = []
    for kind in picked_kinds:
        pages = ranked[kind]
        if popularity == "uniform":
            paths.append(pages[rng.randrange(len(pages))])
        else:
            paths.append(rng.choices(pages, cum_weights=zipf_weights[kind], k=1)[0])
    return paths


def write_sequence(paths: Sequence[str], target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("\n".join(paths) + "\n")
    return target


def distinct_share(paths: Sequence[str]) -> float:
    """How many of the requests ask for a URL not asked for before in the sequence."""
    return len(set(paths)) / len(paths) if paths else 0.0
