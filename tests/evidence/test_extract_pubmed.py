"""The extractor on the real PubMed records of ../shared/sources/pubmed, which its rules were
never written from, against an annotation made by hand.

The expected values below were annotated by hand by reading each abstract (following the corpus
README's rules) before the extractor's output on it was looked at. Judgement calls:
- 29768149: "34.4% vs. 31.1% of weeks" is each arm's mean percentage of weeks per patient, a
  per-arm mean of a continuous outcome, so not an effect; the annual exacerbation rates
  (0.20, 0.07, 0.09) and the adherence rate of one arm are descriptions, not effects; the
  unlabelled "0.83 (95% CI, 0.59 to 1.16)" inherits the rate ratio before it; n is the
  3849 who underwent randomization, not the 3836 analysed.
- 28731372: n is the two arms (n = 30, n = 23) added up; the medians with ranges are not effects.
- 35830032: a narrative review, whatever its publication type says; it reports no estimate.
- 9997: electron paramagnetic resonance of a purified protein: laboratory (in vitro) work.
- 12091962 has no abstract and is left out.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from evidex.evidence.accuracy import CorpusCase, score
from evidex.sources.pubmed import abstract_text, articles

PUBMED = Path(__file__).resolve().parents[2] / ".." / "shared" / "sources" / "pubmed"
needs_pubmed = pytest.mark.skipif(
    not PUBMED.is_dir(), reason="../shared/sources/pubmed is not beside this clone"
)


def _effect(measure: str, value: float, low: float, high: float, written: str) -> dict[str, object]:
    return {
        "measure": measure,
        "value": value,
        "ci_low": low,
        "ci_high": high,
        "as_written": written,
    }


# PMID -> (design as the corpus names it, n, effects): annotated by hand (see the docstring)
ANNOTATED: dict[str, tuple[str, int | None, list[dict[str, object]]]] = {
    "9997": ("in vitro", None, []),
    "28731372": ("randomized controlled trial", 53, []),
    "29768149": (
        "randomized controlled trial",
        3849,
        [
            _effect(
                "OR",
                1.14,
                1.00,
                1.30,
                "odds ratio, 1.14; 95% confidence interval [CI], 1.00 to 1.30",
            ),
            _effect("OR", 0.64, 0.57, 0.73, "odds ratio, 0.64; 95% CI, 0.57 to 0.73"),
            _effect("IRR", 0.36, 0.27, 0.49, "the rate ratio was 0.36 (95% CI, 0.27 to 0.49)"),
            _effect("IRR", 0.83, 0.59, 1.16, "and 0.83 (95% CI, 0.59 to 1.16)"),
        ],
    ),
    "35830032": ("review", None, []),
}


def _records() -> list[CorpusCase]:
    cases = []
    for path in sorted(PUBMED.glob("*.xml")):
        for record in articles(ElementTree.parse(path).getroot()):
            pmid = record.findtext("MedlineCitation/PMID") or ""
            article = record.find("MedlineCitation/Article")
            text = abstract_text(article) if article is not None else ""
            if pmid in ANNOTATED and text:
                design, n, effects = ANNOTATED[pmid]
                cases.append(CorpusCase(pmid, text, design, n, effects))
    return cases


@needs_pubmed
def test_every_annotated_record_has_its_abstract() -> None:
    assert sorted(case.name for case in _records()) == sorted(ANNOTATED)


@needs_pubmed
def test_the_pubmed_abstracts_read_as_annotated_by_hand() -> None:
    result = score(_records())
    assert result.design_pct == 100, result.misses
    assert result.n_pct == 100, result.misses
    assert result.effects_pct == 100, result.misses
    assert result.spurious == 0, result.misses
