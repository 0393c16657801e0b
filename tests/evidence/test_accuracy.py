"""The extractor on real published abstracts (../shared/corpus), scored by the bench's scorer."""

from __future__ import annotations

from pathlib import Path

import pytest

from evidex.evidence.accuracy import CorpusCase, load_corpus, reported_effects, score
from evidex.evidence.extract import extract_studies
from evidex.evidence.models import Arm, Outcome, Study

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "abstracts"
needs_corpus = pytest.mark.skipif(
    not CORPUS.is_dir(), reason="../shared/corpus is not beside this clone"
)


@needs_corpus
def test_the_real_abstracts_meet_the_accuracy_targets() -> None:
    result = score(load_corpus(CORPUS))
    assert result.cases >= 40
    assert result.effects_pct >= 95, result.misses
    assert result.design_pct >= 95, result.misses
    assert result.n_pct >= 90, result.misses
    assert result.spurious_pct <= 5, result.misses


def _case(**expected: object) -> CorpusCase:
    effects = expected.pop("effects", [])
    assert isinstance(effects, list)
    return CorpusCase(
        name="x",
        text="HR 0.8 (95% CI 0.7 to 0.9).",
        design=str(expected.get("design", "randomized controlled trial")),
        n=None,
        effects=effects,
    )


def _effect(measure: str, value: float, low: float | None, high: float | None) -> dict[str, object]:
    return {"measure": measure, "value": value, "ci_low": low, "ci_high": high, "as_written": ""}


def _study(*outcomes: Outcome) -> list[Study]:
    return [Study(id="s", design="rct", outcomes=list(outcomes))]


def test_an_effect_counts_only_with_its_measure_value_and_interval() -> None:
    case = _case(effects=[_effect("HR", 0.8, 0.7, 0.9)])
    right = score(
        [case],
        lambda _: _study(Outcome(name="a", measure="HR", value=0.8, ci_low=0.7, ci_high=0.9)),
    )
    wrong_measure = score(
        [case],
        lambda _: _study(Outcome(name="a", measure="OR", value=0.8, ci_low=0.7, ci_high=0.9)),
    )
    no_interval = score([case], lambda _: _study(Outcome(name="a", measure="HR", value=0.8)))
    assert (right.effects_found, right.spurious) == (1, 0)
    assert (wrong_measure.effects_found, wrong_measure.spurious) == (0, 1)
    assert (no_interval.effects_found, no_interval.spurious) == (0, 1)


def test_each_reported_outcome_matches_one_expected_effect_at_most() -> None:
    case = _case(effects=[_effect("percent", 3.3, None, None), _effect("percent", 3.3, None, None)])
    once = Outcome(name="a", measure="percent", value=3.3)
    assert score([case], lambda _: _study(once)).effects_found == 1


def test_a_percent_outcome_reports_each_of_its_arms() -> None:
    outcome = Outcome(
        name="a", measure="percent", value=9, arms=[Arm(name="x", value=9), Arm(name="y", value=16)]
    )
    assert reported_effects(_study(outcome)) == [
        ("percent", 9, None, None),
        ("percent", 16, None, None),
    ]


def test_the_scorer_reads_what_the_extractor_gives() -> None:
    result = score(
        [_case(design="randomized controlled trial", effects=[_effect("HR", 0.8, 0.7, 0.9)])],
        extract_studies,
    )
    assert result.effects_found == 1
