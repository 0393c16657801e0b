"""PubMed records as study records: citation fields, design from publication types (or the
abstract's words), the whole abstract, the one extractor's estimates marked unverified."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from evidex.evidence.studyfile import parse_study_file
from evidex.sources.imports import Links, import_pubmed

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SOURCES = Path(__file__).resolve().parents[2] / ".." / "shared" / "sources"
needs_shared = pytest.mark.skipif(not SOURCES.is_dir(), reason="../shared/sources is absent")


def _records(path: Path, out: Path, content: Path | None) -> dict[str, dict]:  # type: ignore[type-arg]
    report = import_pubmed(path, out, content)
    found = {}
    for result in report.results:
        text = result.path.read_text(encoding="utf-8")
        study, diagnostics = parse_study_file(text, str(result.path))
        assert study is not None, [str(d) for d in diagnostics]
        found[study.id] = yaml.safe_load(text)
    return found


def test_citation_design_and_estimates(tmp_path: Path, library: Path) -> None:
    records = _records(FIXTURES / "pubmed_three_records.xml", tmp_path, library)
    rct = records["pmid-40000001"]
    assert rct["citation"]["pmid"] == "40000001"
    assert rct["citation"]["doi"] == "10.5555/example.2023.001"
    assert rct["citation"]["authors"] == "Nordvik A, Okafor BC, Lindqvist E, et al."
    assert rct["citation"]["year"] == 2023
    assert rct["design"] == "rct" and rct["n"] == 400
    assert rct["provenance"] == "extracted" and rct["curated"] is False
    outcome = rct["outcomes"][0]
    assert (outcome["measure"], outcome["value"], outcome["ci_low"], outcome["ci_high"]) == (
        "MD",
        -8.1,
        -9.4,
        -6.8,
    )
    # MeSH and substances link to the library: Obesity -> weight-loss, semaglutide by name
    assert rct["compound"] == "semaglutide" and rct["goal"] == "weight-loss"
    assert "diabetes" in rct["conditions"]


def test_inline_tags_do_not_cut_the_abstract(tmp_path: Path) -> None:
    records = _records(FIXTURES / "pubmed_three_records.xml", tmp_path, None)
    abstract = records["pmid-40000001"]["abstract"]
    assert "HbA1c and vitamin D3 were measured at baseline and at the end." in abstract
    assert abstract.startswith("BACKGROUND: ") and "\nCONCLUSIONS: Weekly" in abstract


def test_record_without_abstract_is_imported_with_what_it_has(tmp_path: Path) -> None:
    records = _records(FIXTURES / "pubmed_three_records.xml", tmp_path, None)
    report = records["pmid-40000002"]
    assert report["design"] == "case-series"
    assert report["citation"]["authors"] == "Example Pharmacovigilance Group"
    assert report["citation"]["year"] == 1998
    assert "abstract" not in report and "outcomes" not in report


def test_design_from_the_abstract_when_the_type_is_missing(tmp_path: Path, library: Path) -> None:
    records = _records(FIXTURES / "pubmed_three_records.xml", tmp_path, library)
    assert records["pmid-40000003"]["design"] == "rct"
    assert records["pmid-40000003"]["goal"] == "sleep"


def test_links_given_by_the_editor(tmp_path: Path, library: Path) -> None:
    path = FIXTURES / "pubmed_three_records.xml"
    report = import_pubmed(path, tmp_path, library, links=Links("Ozempic", "fat loss"))
    data = yaml.safe_load(report.results[1].path.read_text(encoding="utf-8"))
    assert (data["compound"], data["goal"]) == ("semaglutide", "weight-loss")
    with pytest.raises(ValueError, match="names no compound"):
        import_pubmed(path, tmp_path / "x", library, links=Links("Unobtainium"))
    assert not (tmp_path / "x").exists()


@needs_shared
def test_real_records(tmp_path: Path, library: Path) -> None:
    records: dict[str, dict] = {}  # type: ignore[type-arg]
    for path in sorted((SOURCES / "pubmed").glob("*.xml")):
        records |= _records(path, tmp_path, library)
    assert set(records) == {
        "pmid-29768149",
        "pmid-28731372",
        "pmid-35830032",
        "pmid-12091962",
        "pmid-9997",
    }
    sygma = records["pmid-29768149"]
    assert sygma["design"] == "rct" and sygma["citation"]["nct"] == "NCT02149199"
    assert any(o["measure"] == "OR" and o["value"] == 1.14 for o in sygma["outcomes"])
    vitamin_d = records["pmid-28731372"]
    assert vitamin_d["compound"] == "vitamin-d3"
    assert "vitamin D3 (14,000 IU/day" in vitamin_d["abstract"]  # <sub>3</sub> kept
    assert records["pmid-35830032"]["design"] == "meta-analysis"
    # indexed without 'Humans' or 'Animals' and no design words: laboratory work
    assert records["pmid-9997"]["design"] == "in-vitro" and records["pmid-9997"]["human"] is False
    assert (
        "abstract" not in records["pmid-12091962"]
        and "doi" not in records["pmid-12091962"]["citation"]
    )
