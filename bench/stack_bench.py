"""Stack builder latency: p50/p95 of build_stack over a fixed mix of requests.

`make bench` calls `run(db_path)` on the synthetic library; `python -m bench.stack_bench`
without a path writes its own 10,000-compound artifact to a temporary folder first.
"""

from __future__ import annotations

import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path
from typing import Any

from evidex.stack.builder import build_stack
from evidex.stack.catalog import StackCatalog, catalog_for_file
from evidex.stack.models import StackRequest

ROUNDS = 20
SITUATIONS: list[dict[str, Any]] = [
    {},
    {"pregnant": True},
    {"conditions": ["immunosuppressed", "renal-impairment"], "weight_kg": 35},
    {"age": 16, "tested_athlete": True, "no_injections": True},
    {"conditions": ["diabetes", "cancer-history"], "breastfeeding": True, "max_items": 8},
]


def request_mix(catalog: StackCatalog) -> list[StackRequest]:
    """Requests over the five most populated goals, alone and together, in each situation."""
    goals = sorted(catalog.by_goal, key=lambda g: -len(catalog.by_goal[g]))[:5]
    some_names = [c.title for c in list(catalog.compounds.values())[:3]]
    mixes = [[goal] for goal in goals] + [goals]
    requests = []
    for situation in SITUATIONS:
        for mix in mixes:
            fields = {"goals": mix, "taking": [*some_names[:2], "Unknown pill"], **situation}
            requests.append(StackRequest.model_validate(fields))
    return requests


def run(db_path: Path) -> dict[str, Any]:
    started = time.perf_counter()
    catalog = catalog_for_file(Path(db_path))
    load_ms = (time.perf_counter() - started) * 1000
    requests = request_mix(catalog)
    timings = []
    for _ in range(ROUNDS):
        for request in requests:
            t0 = time.perf_counter()
            build_stack(request, catalog)
            timings.append((time.perf_counter() - t0) * 1000)
    timings.sort()
    figures = {
        "compounds": len(catalog.compounds),
        "requests": len(timings),
        "catalog_load_ms": round(load_ms, 1),
        "p50_ms": round(statistics.median(timings), 3),
        "p95_ms": round(timings[int(len(timings) * 0.95) - 1], 3),
        "max_ms": round(timings[-1], 3),
    }
    print("stack builder:", " ".join(f"{k}={v}" for k, v in figures.items()))
    return figures


GOALS = ["liver-health", "weight-loss", "blood-sugar", "muscle", "sleep", "skin", "immunity"]
CLASSES = [
    "immunomodulator",
    "peptide",
    "injectable",
    "glp-1-agonist",
    "gh-secretagogue",
    "supplement",
    "antiviral",
    "hormone",
]
EFFECTS = ["lowers-blood-glucose", "thins-blood", "sedating"]
CONDITIONS = [
    "pregnancy",
    "breastfeeding",
    "immunosuppressed",
    "renal-impairment",
    "hepatic-impairment",
    "under-18",
    "cancer-history",
    "diabetes",
    "elderly",
]


def write_synthetic_db(path: Path, count: int = 10_000, seed: int = 7) -> Path:
    """A build-shaped artifact with `count` compounds spread over a few goals."""
    rng = random.Random(seed)
    conn = sqlite3.connect(path)
    conn.executescript(resources.files("evidex.storage").joinpath("schema.sql").read_text())
    conn.executemany(
        "INSERT INTO meta VALUES (?, ?)", [("build_id", "stack-bench"), ("schema_version", "1")]
    )
    for index in range(count):
        slug = f"compound-{index}"
        route = rng.choice(["oral", "subcutaneous"])
        doc = {
            "slug": slug,
            "title": f"Compound {index}",
            "description": "synthetic",
            "is_banned": rng.random() < 0.1,
            "classes": rng.sample(CLASSES, 2),
            "effects": rng.sample(EFFECTS, rng.randint(0, 1)),
            "routes": [route],
            "regimens": [
                {
                    "amount_min": 1,
                    "amount_max": 2,
                    "unit": "mg",
                    "route": route,
                    "doses_per_week": rng.choice([1, 2, 3, 7]),
                    "duration": "8 weeks",
                }
            ],
            "contraindications": [
                {
                    "text": f"Not with {c}",
                    "condition": c,
                    "severity": rng.choice(["contraindicated", "caution"]),
                }
                for c in rng.sample(CONDITIONS, 2)
            ],
            "monitoring": ["ALT"],
            "goals": rng.sample(GOALS, 2),
        }
        conn.execute(
            "INSERT INTO compounds VALUES (?, ?, ?, 0, NULL, NULL, '[]', '[]', ?)",
            (slug, doc["title"], "synthetic", json.dumps(doc)),
        )
        for goal in doc["goals"]:
            tier = rng.randint(1, 5)
            details = {"details": {"effect_size": rng.random(), "largest_n": rng.randint(10, 900)}}
            conn.execute(
                "INSERT INTO tiers VALUES (?, ?, ?, ?, ?, ?, '')",
                (slug, goal, tier, f"tier {tier}", f"synthetic tier {tier}", json.dumps(details)),
            )
    for goal in GOALS:
        conn.execute(
            "INSERT INTO goals VALUES (?, ?, ?)",
            (goal, goal, json.dumps({"slug": goal, "name": goal})),
        )
    for condition in CONDITIONS:
        conn.execute(
            "INSERT INTO conditions VALUES (?, ?, ?)",
            (condition, condition, json.dumps({"slug": condition, "name": condition})),
        )
    for tag in CLASSES:
        severity = "avoid" if tag in ("glp-1-agonist", "gh-secretagogue") else "monitor"
        rule = {
            "id": f"two-{tag}",
            "a_class": tag,
            "b_class": tag,
            "severity": severity,
            "advice": f"two {tag} together",
        }
        conn.execute("INSERT INTO interactions VALUES (?, ?)", (rule["id"], json.dumps(rule)))
    conn.commit()
    conn.close()
    return path


if __name__ == "__main__":
    if len(sys.argv) > 1:
        run(Path(sys.argv[1]))
    else:
        with tempfile.TemporaryDirectory() as folder:
            run(write_synthetic_db(Path(folder) / "bench.db"))
