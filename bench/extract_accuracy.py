"""Accuracy of the evidence extractor on real published abstracts (`../shared/corpus/abstracts`).

Run with `python -m bench.extract_accuracy`; `run()` returns the figures (percentages). The
scorer is `evidex.evidence.accuracy.score`, the one the tests use. The rules were first written
against the first 30 files; the 10 in HELD_BACK were scored only after, as a check that the rules
held on abstracts they were not written from (effects 84%, design 90%, n 66.7% then). Both
figures are printed, but the second is no longer an unseen check: later rule changes were made
with all 40 in view (tests/evidence/test_extract_variants.py rewrites every file in other
notations). The checks on text the rules were not written from are the hand-annotated PubMed
records (tests/evidence/test_extract_pubmed.py) and the own abstracts and sentences written
before the extractor was run on them (tests/evidence/fixtures/own_abstracts.yaml,
sample_sizes.yaml, effect_notations.yaml), whose before-figures their tests record.
"""

from __future__ import annotations

from pathlib import Path

from evidex.evidence.accuracy import Score, load_corpus, score

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "abstracts"
HELD_BACK = frozenset({"a05", "a11", "a23", "a26", "b02", "b08", "b14", "b19", "b25", "b29"})


def _line(name: str, result: Score) -> str:
    return (
        f"  {name:<12} {result.cases:>3} abstracts  effects exact {result.effects_pct:5.1f}% "
        f"({result.effects_found}/{result.effects_expected})  design {result.design_pct:5.1f}%  "
        f"n {result.n_pct:5.1f}%  spurious {result.spurious} of {result.reported} reported "
        f"({result.spurious_pct:.1f}%)"
    )


def run(folder: Path = CORPUS) -> dict[str, float]:
    """Score the extractor over the corpus and print the figures ({} without the corpus)."""
    if not folder.is_dir():
        print(f"extractor accuracy: no corpus at {folder}")
        return {}
    cases = load_corpus(folder)
    every = score(cases)
    print(f"extractor accuracy on real published abstracts ({folder})")
    print(_line("all", every))
    held_back = [case for case in cases if case.name in HELD_BACK]
    if held_back:  # the corpus's own split; another folder of abstracts has none
        developed = score([case for case in cases if case.name not in HELD_BACK])
        print(_line("developed on", developed))
        print(_line("checked on", score(held_back)) + "  (held back at first; seen since)")
    for miss in every.misses:
        print(f"  miss: {miss}")
    return every.figures()


if __name__ == "__main__":
    run()
