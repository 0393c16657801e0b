"""CLI commands for importing from the authoritative sources (registered by evidex.cli.main):
`evidex import label|pubmed|trial FILE` and `evidex fetch pubmed|trial|label ID...`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from evidex.cli.import_cmds import import_app

if TYPE_CHECKING:  # the sources (and httpx) are imported by the commands that use them
    from evidex.sources.fetch import Service
    from evidex.sources.imports import ImportReport, Links

fetch_app = typer.Typer(
    help="Get labels, PubMed records and registry entries from the public services and import "
    "them (base URLs: EVIDEX_PUBMED_URL, EVIDEX_TRIAL_URL, EVIDEX_LABEL_URL; NCBI key: "
    "EVIDEX_NCBI_API_KEY).",
    no_args_is_help=True,
)

_CONTENT = typer.Option(
    Path("content"), "--content", help="The library: its compounds, goals and conditions."
)
_ACCEPT = typer.Option(
    [], "--accept", help="Take this field of the import into the existing file (repeatable)."
)
_COMPOUND = typer.Option(
    None, "--compound", help="Link the studies to this compound (any of its names)."
)
_GOAL = typer.Option(None, "--goal", help="Link the studies to this goal (slug or synonym).")
_OUT_LABEL = "Folder for draft profiles (default CONTENT/drafts, which the build never reads)."
_OUT_STUDY = "Folder for study records (default CONTENT/studies)."

Importer = Callable[[Path, Path, Path | None, tuple[str, ...]], "ImportReport"]


def _run(importer: Importer, files: list[Path], out: Path, content: Path, accept: list[str]) -> int:
    """Import each file, printing what was written; returns how many files failed."""
    from evidex.sources.reader import SourceError

    failed = 0
    library = content if content.is_dir() else None
    for file in files:
        try:
            report = importer(file, out, library, tuple(accept))
        except SourceError as exc:
            typer.echo(f"error: {exc}", err=True)
            failed += 1
            continue
        except ValueError as exc:
            typer.echo(f"error: {file}: {exc}", err=True)
            failed += 1
            continue
        except Exception as exc:  # a source shaped as nothing foreseen: say so, go on to the next
            typer.echo(f"error: {file}: could not be read ({type(exc).__name__}: {exc})", err=True)
            failed += 1
            continue
        for warning in report.warnings:
            typer.echo(f"warning: {warning}", err=True)
        for result in report.results:
            for line in result.report():
                typer.echo(line)
    return failed


def _finish(failed: int) -> None:
    if failed:
        raise typer.Exit(1)


@import_app.command("label")
def import_label_command(
    files: list[Path] = typer.Argument(..., help="SPL XML or openFDA label JSON files."),
    out: Path | None = typer.Option(None, "--out", help=_OUT_LABEL),
    content: Path = _CONTENT,
    accept: list[str] = _ACCEPT,
) -> None:
    """Draft a compound profile from a drug label, every field with its source."""
    from evidex.sources.imports import import_label

    _finish(_run(import_label, files, out or content / "drafts", content, accept))


@import_app.command("pubmed")
def import_pubmed_command(
    files: list[Path] = typer.Argument(
        ..., help="PubMed efetch XML files (each one or many PubmedArticle)."
    ),
    out: Path | None = typer.Option(None, "--out", help=_OUT_STUDY),
    content: Path = _CONTENT,
    accept: list[str] = _ACCEPT,
    compound: str | None = _COMPOUND,
    goal: str | None = _GOAL,
) -> None:
    """Study records from PubMed records (estimates from the abstract, unverified)."""
    from evidex.sources.imports import Links

    importer = _pubmed(Links(compound, goal))
    _finish(_run(importer, files, out or content / "studies", content, accept))


@import_app.command("trial")
def import_trial_command(
    files: list[Path] = typer.Argument(..., help="ClinicalTrials.gov API v2 study JSON files."),
    out: Path | None = typer.Option(None, "--out", help=_OUT_STUDY),
    content: Path = _CONTENT,
    accept: list[str] = _ACCEPT,
    compound: str | None = _COMPOUND,
    goal: str | None = _GOAL,
) -> None:
    """A study record from a trial registry entry (provenance: registry)."""
    from evidex.sources.imports import Links

    importer = _trial(Links(compound, goal))
    _finish(_run(importer, files, out or content / "studies", content, accept))


StudyImport = Callable[..., "ImportReport"]


def _studies(read: StudyImport, links: Links) -> Importer:
    """An importer of study records with the library's vocabulary read once for all files."""
    from evidex.sources.vocabulary import Vocabulary, load_vocabulary

    vocabularies: dict[Path | None, Vocabulary] = {}

    def run(file: Path, out: Path, content: Path | None, accept: tuple[str, ...]) -> ImportReport:
        if content not in vocabularies:
            vocabularies[content] = load_vocabulary(content)
        return read(file, out, content, accept, vocabularies[content], links)

    return run


def _pubmed(links: Links) -> Importer:
    from evidex.sources.imports import import_pubmed

    return _studies(import_pubmed, links)


def _trial(links: Links) -> Importer:
    from evidex.sources.imports import import_trial

    return _studies(import_trial, links)


def _fetch(
    service: Service,
    ids: list[str],
    importer: Importer,
    out: Path,
    content: Path,
    cache: Path,
    refresh: bool,
    accept: list[str],
) -> None:
    from evidex.sources.fetch import Fetcher, FetchSettings
    from evidex.sources.reader import SourceError

    fetcher = Fetcher(FetchSettings.from_env(), cache)
    try:
        files = fetcher.fetch(service, ids, refresh=refresh)
    except SourceError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    finally:
        fetcher.close()
    _finish(_run(importer, files, out, content, accept))


_CACHE = typer.Option(Path("var/fetch-cache"), "--cache", help="Where fetched files are kept.")
_REFRESH = typer.Option(False, "--refresh", help="Fetch again even when the file is cached.")


@fetch_app.command("pubmed")
def fetch_pubmed_command(
    pmids: list[str] = typer.Argument(..., help="PubMed ids."),
    out: Path | None = typer.Option(None, "--out", help=_OUT_STUDY),
    content: Path = _CONTENT,
    cache: Path = _CACHE,
    refresh: bool = _REFRESH,
    accept: list[str] = _ACCEPT,
) -> None:
    """Fetch PubMed records (NCBI E-utilities efetch) and import them."""
    from evidex.sources.imports import Links

    studies = out or content / "studies"
    _fetch("pubmed", pmids, _pubmed(Links()), studies, content, cache, refresh, accept)


@fetch_app.command("trial")
def fetch_trial_command(
    ncts: list[str] = typer.Argument(..., help="ClinicalTrials.gov ids (NCT########)."),
    out: Path | None = typer.Option(None, "--out", help=_OUT_STUDY),
    content: Path = _CONTENT,
    cache: Path = _CACHE,
    refresh: bool = _REFRESH,
    accept: list[str] = _ACCEPT,
) -> None:
    """Fetch registry entries (ClinicalTrials.gov API v2) and import them."""
    from evidex.sources.imports import Links

    studies = out or content / "studies"
    _fetch("trial", ncts, _trial(Links()), studies, content, cache, refresh, accept)


@fetch_app.command("label")
def fetch_label_command(
    set_ids: list[str] = typer.Argument(..., help="SPL set ids."),
    out: Path | None = typer.Option(None, "--out", help=_OUT_LABEL),
    content: Path = _CONTENT,
    cache: Path = _CACHE,
    refresh: bool = _REFRESH,
    accept: list[str] = _ACCEPT,
) -> None:
    """Fetch drug labels (openFDA label service) and draft profiles from them."""
    from evidex.sources.imports import import_label

    _fetch(
        "label", set_ids, import_label, out or content / "drafts", content, cache, refresh, accept
    )


def register(app: typer.Typer) -> None:
    """Add `fetch` (the import commands join `import`, registered by import_cmds)."""
    app.add_typer(fetch_app, name="fetch")
