"""Field-by-field accuracy of the evidence extractor over the abstract test set.

Run with `python -m bench.extract_accuracy`; `run()` returns the figures (percentages).
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import yaml

from evidex.evidence.extract import extract_studies
from evidex.evidence.models import Study

CASES_PATH = (
    Path(__file__).resolve().parents[1]
    / "tests"
    / "evidence"
    / "fixtures"
    / "abstracts"
    / "cases.yaml"
)


def load_cases(path: Path = CASES_PATH) -> list[dict[str, Any]]:
    """The test set: a list of {id, text, expected} records."""
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))
    return list(cases)


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def _estimate_found(expected: list[Any], study: Study | None, *, with_measure: bool) -> bool:
    measure, value, low, high = expected
    if study is None:
        return False
    return any(
        _same(outcome.value, float(value))
        and _same(outcome.ci_low, float(low))
        and _same(outcome.ci_high, float(high))
        and (not with_measure or outcome.measure == measure)
        for outcome in study.outcomes
    )


def score(cases: list[dict[str, Any]]) -> tuple[dict[str, float], list[str]]:
    """Accuracy figures and one line per miss (for the curious)."""
    counts = {"estimates": 0, "estimates_exact": 0, "estimates_measure": 0, "extra": 0}
    designs = ns = n_studies_total = n_studies_right = 0
    misses: list[str] = []
    for case in cases:
        expected = case["expected"]
        studies = extract_studies(case["text"], source=f"{case['id']}.txt")
        study = studies[0] if studies else None
        if len(studies) != 1:
            misses.append(f"{case['id']}: {len(studies)} studies instead of 1")
        designs += study is not None and study.design == expected["design"]
        if study is None or study.design != expected["design"]:
            misses.append(f"{case['id']}: design {study and study.design} != {expected['design']}")
        ns += study is not None and study.n == expected["n"]
        if study is None or study.n != expected["n"]:
            misses.append(f"{case['id']}: n {study and study.n} != {expected['n']}")
        if "n_studies" in expected:
            n_studies_total += 1
            n_studies_right += study is not None and study.n_studies == expected["n_studies"]
        for estimate in expected["estimates"]:
            counts["estimates"] += 1
            if _estimate_found(estimate, study, with_measure=False):
                counts["estimates_exact"] += 1
            else:
                misses.append(f"{case['id']}: estimate {estimate} not found")
            counts["estimates_measure"] += _estimate_found(estimate, study, with_measure=True)
        with_interval = [o for o in (study.outcomes if study else []) if o.ci_low is not None]
        counts["extra"] += max(0, len(with_interval) - len(expected["estimates"]))
    total = len(cases) or 1
    estimates = counts["estimates"] or 1
    figures = {
        "cases": float(len(cases)),
        "estimates_exact_pct": 100.0 * counts["estimates_exact"] / estimates,
        "estimates_with_measure_pct": 100.0 * counts["estimates_measure"] / estimates,
        "spurious_estimates": float(counts["extra"]),
        "designs_pct": 100.0 * designs / total,
        "n_pct": 100.0 * ns / total,
        "n_studies_pct": 100.0 * n_studies_right / (n_studies_total or 1),
    }
    return figures, misses


def run() -> dict[str, float]:
    """Score the extractor over the test set and print the figures."""
    figures, misses = score(load_cases())
    print(f"extractor accuracy over {int(figures['cases'])} abstracts")
    print(f"  estimates exact (value + CI): {figures['estimates_exact_pct']:.1f}%")
    print(f"  estimates with measure right: {figures['estimates_with_measure_pct']:.1f}%")
    print(f"  spurious estimates:           {int(figures['spurious_estimates'])}")
    print(f"  designs:                      {figures['designs_pct']:.1f}%")
    print(f"  n:                            {figures['n_pct']:.1f}%")
    print(f"  n_studies (pooled analyses):  {figures['n_studies_pct']:.1f}%")
    for miss in misses:
        print(f"  miss: {miss}")
    return figures


if __name__ == "__main__":
    run()
