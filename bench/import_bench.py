"""Source imports: the time to import each sample file, the rate of a bulk PubMed import (a
synthetic set of 5,000 records, made here and never committed) and the build with those
studies added to the bundled library."""

from __future__ import annotations

import random
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from evidex.build.pipeline import build
from evidex.sources.imports import import_label, import_pubmed, import_trial
from evidex.sources.vocabulary import load_vocabulary

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / ".." / "shared" / "sources"
FIXTURES = ROOT / "tests" / "sources" / "fixtures"
CONTENT = ROOT / "content"
TARGET_RATE = 500.0  # records per second

# (substance, MeSH term the goals vocabulary knows)
_TOPICS = (
    ("semaglutide", "Obesity"),
    ("metformin", "Diabetes Mellitus, Type 2"),
    ("melatonin", "Sleep Initiation and Maintenance Disorders"),
    ("creatine", "Muscle Strength"),
    ("omega-3 fatty acids", "Hypertriglyceridemia"),
    ("cholecalciferol", "Osteoporosis"),
)
_DESIGNS = (
    ("Randomized Controlled Trial", "In this double-blind, placebo-controlled trial"),
    ("Meta-Analysis", "In a meta-analysis of 14 randomised trials"),
    ("Observational Study", "In this prospective cohort study"),
    ("Journal Article", "In this randomised crossover study"),
)


def synthetic_pubmed(count: int, seed: int = 7) -> str:
    """A PubmedArticleSet of `count` records in efetch's shape, with structured abstracts that
    carry estimates the way papers write them (and inline <sub>/<i> markup)."""
    rng = random.Random(seed)
    articles = []
    for index in range(count):
        substance, mesh = _TOPICS[index % len(_TOPICS)]
        kind, opening = _DESIGNS[rng.randrange(len(_DESIGNS))]
        n = rng.randrange(40, 4000)
        value = round(rng.uniform(0.4, 1.6), 2)
        low = round(value * rng.uniform(0.6, 0.95), 2)
        high = round(value * rng.uniform(1.05, 1.5), 2)
        p = "<0.001" if high < 1 or low > 1 else f"{rng.uniform(0.06, 0.9):.2f}"
        abstract = (
            f'<AbstractText Label="BACKGROUND">Whether {escape(substance)} changes outcomes is '
            f"uncertain.</AbstractText>"
            f'<AbstractText Label="METHODS">{opening}, {n} adults were assigned to '
            f"{escape(substance)} or placebo for {rng.randrange(8, 104)} weeks; HbA<sub>1c</sub> "
            f"was measured at <i>baseline</i>.</AbstractText>"
            f'<AbstractText Label="RESULTS">The primary outcome occurred less often with '
            f"{escape(substance)} (hazard ratio {value}, 95% CI {low} to {high}; "
            f"P{'=' if not p.startswith('<') else ''}{escape(p)}).</AbstractText>"
            f'<AbstractText Label="CONCLUSIONS">The effect was modest.</AbstractText>'
        )
        articles.append(
            f'<PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM">'
            f'<PMID Version="1">{90_000_000 + index}</PMID><Article PubModel="Print">'
            f"<Journal><JournalIssue><PubDate><Year>{2000 + index % 25}</Year></PubDate>"
            f"</JournalIssue><Title>Synthetic Journal {index % 40}</Title></Journal>"
            f"<ArticleTitle>{escape(substance)} and {escape(mesh.lower())}: study {index}"
            f"</ArticleTitle><Abstract>{abstract}</Abstract><AuthorList>"
            + "".join(
                f"<Author><LastName>Author{index}x{a}</LastName><Initials>Q</Initials></Author>"
                for a in range(rng.randrange(1, 7))
            )
            + f'</AuthorList><PublicationTypeList><PublicationType UI="D0">{kind}'
            f"</PublicationType></PublicationTypeList></Article><ChemicalList><Chemical>"
            f'<NameOfSubstance UI="D0">{escape(substance)}</NameOfSubstance></Chemical>'
            f'</ChemicalList><MeshHeadingList><MeshHeading><DescriptorName UI="D0">Humans'
            f'</DescriptorName></MeshHeading><MeshHeading><DescriptorName UI="D0">'
            f"{escape(mesh)}</DescriptorName></MeshHeading></MeshHeadingList>"
            f"</MedlineCitation></PubmedArticle>"
        )
    return '<?xml version="1.0"?>\n<PubmedArticleSet>' + "".join(articles) + "</PubmedArticleSet>"


def _samples() -> list[tuple[str, Path]]:
    found = [
        ("label", FIXTURES / "label_reused_codes.xml"),
        ("pubmed", FIXTURES / "pubmed_three_records.xml"),
        ("trial", FIXTURES / "trial_90ci_string_values.json"),
    ]
    if SAMPLES.is_dir():
        found += [("label", p) for p in sorted((SAMPLES / "spl").glob("*.xml"))]
        found += [("label", p) for p in sorted((SAMPLES / "openfda").glob("*.json"))]
        found += [("pubmed", p) for p in sorted((SAMPLES / "pubmed").glob("*.xml"))]
        found += [("trial", p) for p in sorted((SAMPLES / "ctgov").glob("*.json"))]
    return found


def run(work: Path, records: int = 5_000) -> dict[str, Any]:
    results: dict[str, Any] = {"samples": {}}
    vocabulary = load_vocabulary(CONTENT)
    for kind, path in _samples():
        best = float("inf")
        for _ in range(3):
            with tempfile.TemporaryDirectory() as out:
                started = time.perf_counter()
                if kind == "label":
                    import_label(path, Path(out), None)
                elif kind == "pubmed":
                    import_pubmed(path, Path(out), None, vocabulary=vocabulary)
                else:
                    import_trial(path, Path(out), None, vocabulary=vocabulary)
                best = min(best, time.perf_counter() - started)
        results["samples"][path.name] = round(best * 1000, 1)
        print(f"import {kind:6} {path.name:55} {best * 1000:8.1f} ms")

    source = work / "synthetic-pubmed.xml"
    source.write_text(synthetic_pubmed(records), encoding="utf-8")
    library = work / "content-with-imports"
    shutil.rmtree(library, ignore_errors=True)
    shutil.copytree(CONTENT, library)
    started, cpu_started = time.perf_counter(), time.process_time()
    report = import_pubmed(source, library / "studies", None, vocabulary=vocabulary)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    count = len(report.results)
    rate = count / seconds
    results["bulk_pubmed"] = {"records": count, "seconds": seconds, "cpu_s": cpu, "rate": rate}
    verdict = "meets" if rate >= TARGET_RATE else "MISSES"
    print(
        f"bulk PubMed import: {count:,} records in {seconds:.2f}s = {rate:,.0f} records/s "
        f"({verdict} the {TARGET_RATE:.0f}/s target; {source.stat().st_size / 1e6:.1f} MB); "
        f"CPU {cpu:.2f}s = {count / cpu:,.0f} records per CPU-second "
        f"(the wall rate falls when the machine's cores are shared)"
    )
    for label, content in (("bundled library", CONTENT), ("with 5,000 imported", library)):
        db = work / "import-bench.db"
        db.unlink(missing_ok=True)
        started = time.perf_counter()
        built = build(content, db, force=True)
        seconds = time.perf_counter() - started
        results[f"build {label}"] = {"seconds": seconds, "documents": built.documents}
        print(f"build {label}: {built.documents:,} documents in {seconds:.2f}s")
    return results


if __name__ == "__main__":
    scratch = Path("var/bench")
    scratch.mkdir(parents=True, exist_ok=True)
    run(scratch)
