"""One import of a source file: read it, draft it, write it without losing an editor's work.
The CLI and `fetch` call these."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from evidex.sources.drafts import WriteResult, write_import
from evidex.sources.label import openfda_records, read_openfda, read_spl
from evidex.sources.profile_draft import draft_profile
from evidex.sources.pubmed import read_pubmed
from evidex.sources.reader import load_source
from evidex.sources.records import dump_yaml, study_record
from evidex.sources.trial import read_trial
from evidex.sources.vocabulary import Vocabulary, load_vocabulary

DRAFTS = Path("drafts")
STUDIES = Path("studies")


@dataclass
class ImportReport:
    results: list[WriteResult] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def import_label(
    path: Path, out: Path, content: Path | None, accept: tuple[str, ...] = ()
) -> ImportReport:
    """A drug label (SPL XML or openFDA JSON, one draft per label record) as draft profiles in
    `out`; a profile already published under `content/compounds/` is the one compared."""
    kind, parsed = load_source(path, ("spl", "openfda"))
    labels = (
        [read_spl(parsed, str(path))]
        if kind == "spl"
        else [read_openfda(r, str(path), i) for i, r in enumerate(openfda_records(parsed))]
    )
    report = ImportReport()
    for draft in [draft_profile(label) for label in labels]:  # all read before any is written
        published = content / "compounds" / f"{draft.slug}.md" if content is not None else None
        target = out / f"{draft.slug}.md"
        base = published if published is not None and published.exists() else target
        report.results.append(write_import(draft.markdown, target, base, accept))
    return report


def _write_studies(
    studies: list[tuple[str, str]], out: Path, accept: tuple[str, ...], report: ImportReport
) -> None:
    for study_id, text in studies:
        report.results.append(write_import(text, out / f"{study_id}.yaml", None, accept))


def import_pubmed(
    path: Path,
    out: Path,
    content: Path | None,
    accept: tuple[str, ...] = (),
    vocabulary: Vocabulary | None = None,
) -> ImportReport:
    """Each PubmedArticle as a study record `<out>/pmid-<PMID>.yaml` (extracted, unverified)."""
    _, root = load_source(path, ("pubmed",))
    vocabulary = vocabulary if vocabulary is not None else load_vocabulary(content)
    studies = [(s.id, dump_yaml(study_record(s))) for s in read_pubmed(root, str(path), vocabulary)]
    report = ImportReport()
    _write_studies(studies, out, accept, report)
    return report


def import_trial(
    path: Path,
    out: Path,
    content: Path | None,
    accept: tuple[str, ...] = (),
    vocabulary: Vocabulary | None = None,
) -> ImportReport:
    """A ClinicalTrials.gov v2 study as `<out>/nct<number>.yaml` (provenance registry)."""
    _, document = load_source(path, ("ctgov",))
    vocabulary = vocabulary if vocabulary is not None else load_vocabulary(content)
    study, warnings = read_trial(document, str(path), vocabulary)
    report = ImportReport(warnings=[f"{path}: {w}" for w in warnings])
    _write_studies([(study.id, dump_yaml(study_record(study)))], out, accept, report)
    return report
