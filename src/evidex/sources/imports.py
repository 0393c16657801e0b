"""One import of a source file: read it, draft it, write it without losing an editor's work.
The CLI and `fetch` call these."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from evidex.evidence.models import Study
from evidex.sources.drafts import WriteResult, write_import
from evidex.sources.label import openfda_records, read_openfda, read_spl
from evidex.sources.profile_draft import draft_profile
from evidex.sources.pubmed import read_pubmed
from evidex.sources.reader import load_source
from evidex.sources.records import dump_yaml, study_record
from evidex.sources.trial import read_trial
from evidex.sources.vocabulary import Vocabulary, load_vocabulary


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


@dataclass(frozen=True)
class Links:
    """What an editor names on the command line: the study's compound (any name) and goal."""

    compound: str | None = None
    goal: str | None = None


def _linked(studies: Iterable[Study], links: Links, vocabulary: Vocabulary) -> list[Study]:
    if links.compound is None and links.goal is None:
        return list(studies)
    compound = vocabulary.compound([links.compound]) if links.compound else None
    if links.compound and compound is None:
        raise ValueError(f"--compound {links.compound!r} names no compound in the library")
    goal = vocabulary.goal([links.goal]) if links.goal else None
    if links.goal and goal is None:
        raise ValueError(f"--goal {links.goal!r} is not a goal in goals.yaml")
    update = {k: v for k, v in (("compound", compound), ("goal", goal)) if v is not None}
    return [study.model_copy(update=update) for study in studies]


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
    links: Links = Links(),
) -> ImportReport:
    """Each PubmedArticle as a study record `<out>/pmid-<PMID>.yaml` (extracted, unverified)."""
    _, root = load_source(path, ("pubmed",))
    vocabulary = vocabulary if vocabulary is not None else load_vocabulary(content)
    read = _linked(read_pubmed(root, str(path), vocabulary), links, vocabulary)
    studies = [(s.id, dump_yaml(study_record(s))) for s in read]
    report = ImportReport()
    _write_studies(studies, out, accept, report)
    return report


def import_trial(
    path: Path,
    out: Path,
    content: Path | None,
    accept: tuple[str, ...] = (),
    vocabulary: Vocabulary | None = None,
    links: Links = Links(),
) -> ImportReport:
    """A ClinicalTrials.gov v2 study as `<out>/nct<number>.yaml` (provenance registry)."""
    _, document = load_source(path, ("ctgov",))
    vocabulary = vocabulary if vocabulary is not None else load_vocabulary(content)
    study, warnings = read_trial(document, str(path), vocabulary)
    study = _linked([study], links, vocabulary)[0]
    report = ImportReport(warnings=[f"{path}: {w}" for w in warnings])
    _write_studies([(study.id, dump_yaml(study_record(study)))], out, accept, report)
    return report
