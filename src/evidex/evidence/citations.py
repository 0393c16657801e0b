"""How a study is named to a reader: by its citation, never by its record id.

"Wilding et al., New England Journal of Medicine, 2021" with the trial's name when it has one
and PubMed / DOI links when known; a study without a citation is named by what it was
("Randomised controlled trial, n=316") and says that its citation is not recorded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote

from evidex.evidence.models import DESIGN_LABELS, Citation, Study

_AUTHOR_SEPARATORS = re.compile(r"\s*(?:;|,(?=\s*[A-Z][a-z])|\band\b|&)\s*")
_INITIALS = re.compile(r"^[A-Z][A-Z.\- ]{0,6}$")
_CORPORATE = re.compile(
    r"\b(?:group|consortium|investigators|committee|collaborat\w*|program(?:me)?|network|"
    r"society|association|study|trial)\b",
    re.I,
)
_SHORT_TITLE = 40  # a title this short names the study well enough in a plot


@dataclass(frozen=True)
class Link:
    label: str  # "PubMed", "DOI", "Source"
    url: str


def first_author(authors: str | None) -> str | None:
    """The first author's surname from "Wilding JPH, Batterham RL, ..." (Vancouver),
    "Smith, J.; Jones, K." or "Jane Smith and Ken Jones"."""
    if not authors or not authors.strip():
        return None
    first = _AUTHOR_SEPARATORS.split(authors.strip())[0].strip(" ,.")
    if _CORPORATE.search(first):  # "Diabetes Prevention Program Research Group"
        return first
    if "," in first:  # "Smith, J."
        return first.split(",")[0].strip() or None
    words = first.split()
    if len(words) > 1 and _INITIALS.match(words[-1]):  # "Wilding JPH"
        return " ".join(words[:-1])
    return words[-1] if words else None  # "Jane Smith"


def _several(authors: str) -> bool:
    return bool(re.search(r"[,;&]|\band\b|et al", authors))


def author_year(citation: Citation) -> str | None:
    """ "Wilding et al. 2021", "Smith 2019"; None without an author."""
    surname = first_author(citation.authors)
    if surname is None:
        return None
    who = f"{surname} et al." if citation.authors and _several(citation.authors) else surname
    return f"{who} {citation.year}" if citation.year else who


def design_words(study: Study) -> str:
    """ "Randomised controlled trial, n=316", "Meta-analysis of 4 RCTs, n=199"."""
    label = DESIGN_LABELS.get(study.design, study.design.replace("-", " "))
    if study.design == "meta-analysis" and study.n_studies:
        label = f"Meta-analysis of {study.n_studies} trials"
    return f"{label}, n={study.n:,}" if study.n else label


def short_label(study: Study) -> str:
    """A study's name in a plot row: "STEP 1 (Wilding et al. 2021)", else author and year,
    else a short title, else its design and size."""
    citation = study.citation
    cited = author_year(citation)
    if citation.trial:
        return f"{citation.trial} ({cited})" if cited else citation.trial
    if cited:
        return cited
    if citation.title and len(citation.title) <= _SHORT_TITLE:
        return citation.title + (f" ({citation.year})" if citation.year else "")
    return design_words(study)


def has_citation(citation: Citation) -> bool:
    return any((citation.authors, citation.title, citation.journal, citation.pmid, citation.doi))


def citation_text(citation: Citation) -> str:
    """ "Wilding et al., New England Journal of Medicine, 2021" (trial and title are shown
    beside it by the page); "" when nothing is recorded."""
    surname = first_author(citation.authors)
    who = None
    if surname and citation.authors:
        who = f"{surname} et al." if _several(citation.authors) else surname
    parts = [p for p in (who, citation.journal, str(citation.year) if citation.year else None) if p]
    return ", ".join(parts)


def links(citation: Citation) -> list[Link]:
    """PubMed, DOI, the trial registry and any other source address, each once."""
    found: list[Link] = []
    pmid = (citation.pmid or "").strip()
    if pmid.isdigit():
        found.append(Link(f"PubMed {pmid}", f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/"))
    doi = (citation.doi or "").strip()
    if doi.lower().startswith("https://doi.org/"):
        doi = doi[len("https://doi.org/") :]
    if doi.startswith("10."):
        found.append(Link(f"DOI {doi}", "https://doi.org/" + quote(doi, safe="/:;()._-")))
    nct = (citation.nct or "").strip().upper()
    if re.fullmatch(r"NCT\d{8}", nct):
        found.append(Link(f"ClinicalTrials.gov {nct}", f"https://clinicaltrials.gov/study/{nct}"))
    url = (citation.url or "").strip()
    if url.startswith(("https://", "http://")) and url not in {link.url for link in found}:
        found.append(Link("Source", url))
    return found
