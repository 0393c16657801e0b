"""Scoring the extractor against annotated real abstracts (`shared/corpus/abstracts/*.json`).

One scorer serves the tests and `make bench`. An expected effect is found when some reported
outcome has the same measure, value and interval (a missing interval must be missing); each
reported outcome matches at most one expected effect, and one that matches none is spurious.
A per-group percentage may be reported as an arm of a percent outcome.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evidex.evidence.extract import extract_studies
from evidex.evidence.models import Design, Study

# The corpus names designs as a reader would; the extractor's design vocabulary is the one the
# grading uses, so each corpus name maps onto the design that grading gives that kind of study.
CORPUS_DESIGNS: dict[str, Design] = {
    "meta-analysis": "meta-analysis",
    "randomized controlled trial": "rct",
    "non-randomized trial": "non-randomised-controlled",
    "observational cohort": "cohort",
    "cross-sectional": "cohort",
    "case-control": "case-control",
    "propensity-score matched cohort": "propensity-matched",
    "case report": "case-series",
    "case series": "case-series",
    "animal": "animal",
    "in vitro": "in-vitro",
    "review": "mechanistic",
}


@dataclass(frozen=True)
class CorpusCase:
    name: str
    text: str
    design: str
    n: int | None
    effects: list[dict[str, Any]]


@dataclass
class Score:
    cases: int = 0
    designs_right: int = 0
    n_expected: int = 0
    n_right: int = 0
    effects_expected: int = 0
    effects_found: int = 0
    reported: int = 0
    spurious: int = 0
    misses: list[str] = field(default_factory=list)

    def percent(self, part: int, whole: int) -> float:
        return 100.0 * part / whole if whole else 100.0

    @property
    def design_pct(self) -> float:
        return self.percent(self.designs_right, self.cases)

    @property
    def n_pct(self) -> float:
        return self.percent(self.n_right, self.n_expected)

    @property
    def effects_pct(self) -> float:
        return self.percent(self.effects_found, self.effects_expected)

    @property
    def spurious_pct(self) -> float:
        return 100.0 * self.spurious / self.reported if self.reported else 0.0

    def figures(self) -> dict[str, float]:
        return {
            "cases": float(self.cases),
            "effects_exact_pct": self.effects_pct,
            "design_pct": self.design_pct,
            "n_pct": self.n_pct,
            "spurious": float(self.spurious),
            "spurious_pct": self.spurious_pct,
            "reported": float(self.reported),
        }


def load_corpus(folder: Path, names: Iterable[str] | None = None) -> list[CorpusCase]:
    """The annotated abstracts in `folder` (only `names`, file stems, when given)."""
    wanted = set(names) if names is not None else None
    cases = []
    for path in sorted(folder.glob("*.json")):
        if wanted is not None and path.stem not in wanted:
            continue
        record = json.loads(path.read_text(encoding="utf-8"))
        expected = record["expected"]
        cases.append(
            CorpusCase(
                name=path.stem,
                text=record["text"],
                design=expected["design"],
                n=expected["n"],
                effects=list(expected["effects"]),
            )
        )
    return cases


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def reported_effects(studies: list[Study]) -> list[tuple[str, float, float | None, float | None]]:
    """(measure, value, ci_low, ci_high) of every outcome; a percent outcome's arms each count."""
    reported: list[tuple[str, float, float | None, float | None]] = []
    for study in studies:
        for outcome in study.outcomes:
            if outcome.arms and outcome.measure == "percent":
                reported.extend(("percent", arm.value, None, None) for arm in outcome.arms)
            else:
                reported.append((outcome.measure, outcome.value, outcome.ci_low, outcome.ci_high))
    return reported


def score(
    cases: list[CorpusCase], extract: Callable[[str], list[Study]] = extract_studies
) -> Score:
    """Design, n and effect accuracy of `extract` over `cases`, with one line per miss."""
    result = Score()
    for case in cases:
        studies = extract(case.text)
        study = studies[0] if studies else None
        result.cases += 1
        wanted = CORPUS_DESIGNS[case.design]
        if study is not None and study.design == wanted:
            result.designs_right += 1
        else:
            result.misses.append(f"{case.name}: design {study and study.design} != {wanted}")
        if case.n is not None:
            result.n_expected += 1
            if study is not None and study.n == case.n:
                result.n_right += 1
            else:
                result.misses.append(f"{case.name}: n {study and study.n} != {case.n}")
        unmatched = reported_effects(studies)
        result.reported += len(unmatched)
        for effect in case.effects:
            result.effects_expected += 1
            key = (effect["measure"], effect["value"], effect["ci_low"], effect["ci_high"])
            match = next(
                (
                    index
                    for index, got in enumerate(unmatched)
                    if got[0] == key[0] and all(map(_same, got[1:], key[1:]))
                ),
                None,
            )
            if match is None:
                result.misses.append(f"{case.name}: missed {key} ({effect['as_written']})")
            else:
                result.effects_found += 1
                del unmatched[match]
        result.spurious += len(unmatched)
        result.misses.extend(f"{case.name}: spurious {got}" for got in unmatched)
    return result
