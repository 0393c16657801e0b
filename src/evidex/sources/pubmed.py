"""PubMed efetch XML (`PubmedArticleSet`) read into study records.

Citation fields, publication types and MeSH terms are NLM's structured data; the estimates, n
and population are read from the abstract by the library's one extractor and are unverified.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator

from evidex.evidence.design import explicit_design
from evidex.evidence.extract import extract_studies
from evidex.evidence.models import Citation, Design, Study
from evidex.sources.label import fold
from evidex.sources.reader import SourceError
from evidex.sources.vocabulary import Vocabulary

# Publication types, strongest design first; a record takes the first that it carries.
_TYPE_DESIGNS: tuple[tuple[str, Design], ...] = (
    ("meta-analysis", "meta-analysis"),
    ("randomized controlled trial", "rct"),
    ("equivalence trial", "rct"),
    ("pragmatic clinical trial", "rct"),
    ("non-randomized controlled trial", "non-randomised-controlled"),
    ("controlled clinical trial", "non-randomised-controlled"),
    ("observational study", "cohort"),
    ("case reports", "case-series"),
    ("review", "mechanistic"),
    ("editorial", "mechanistic"),
    ("comment", "mechanistic"),
)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_AUTHORS_SHOWN = 3


def articles(root: ElementTree.Element) -> list[ElementTree.Element]:
    if root.tag == "PubmedArticle":
        return [root]
    return root.findall("PubmedArticle")


def _text(element: ElementTree.Element | None) -> str:
    """All the text inside, inline markup (<sub>, <i>, <sup>) included."""
    return fold("".join(element.itertext())) if element is not None else ""


def _authors(article: ElementTree.Element) -> str | None:
    names: list[str] = []
    for author in article.findall("AuthorList/Author"):
        collective = _text(author.find("CollectiveName"))
        last = _text(author.find("LastName"))
        initials = _text(author.find("Initials"))
        name = collective or " ".join(part for part in (last, initials) if part)
        if name:
            names.append(name)
    if not names:
        return None
    shown = ", ".join(names[:_AUTHORS_SHOWN])
    return f"{shown}, et al." if len(names) > _AUTHORS_SHOWN else shown


def _year(citation: ElementTree.Element) -> int | None:
    issue_date = citation.find("Article/Journal/JournalIssue/PubDate")
    for element in (
        issue_date.find("Year") if issue_date is not None else None,
        issue_date.find("MedlineDate") if issue_date is not None else None,
        citation.find("Article/ArticleDate/Year"),
        citation.find("DateCompleted/Year"),
    ):
        match = _YEAR.search(_text(element))
        if match:
            return int(match.group(1))
    return None


def _doi(article: ElementTree.Element, record: ElementTree.Element) -> str | None:
    for element in record.findall("PubmedData/ArticleIdList/ArticleId"):
        if element.get("IdType") == "doi" and _text(element):
            return _text(element)
    for element in article.findall("ELocationID"):
        if element.get("EIdType") == "doi" and _text(element):
            return _text(element)
    return None


def abstract_text(article: ElementTree.Element) -> str:
    """The abstract in full: each part on its own line, led by its label when it has one."""
    parts: list[str] = []
    for part in article.findall("Abstract/AbstractText"):
        text = _text(part)
        label = part.get("Label") or part.get("NlmCategory") or ""
        if text:
            parts.append(f"{label.upper()}: {text}" if label else text)
    return "\n".join(parts)


def design_of_types(types: list[str]) -> Design | None:
    lowered = [t.casefold() for t in types]
    for words, design in _TYPE_DESIGNS:
        if any(t == words or t.startswith(words) for t in lowered):
            return design
    return None


def _mesh(citation: ElementTree.Element) -> list[str]:
    terms = [_text(e) for e in citation.findall("MeshHeadingList/MeshHeading/DescriptorName")]
    return [term for term in terms if term]


def _substances(citation: ElementTree.Element) -> list[str]:
    names = [_text(e) for e in citation.findall("ChemicalList/Chemical/NameOfSubstance")]
    return [name for name in names if name]


def _preclinical(mesh: list[str]) -> Design | None:
    """MEDLINE tags every study of people 'Humans' and of animals 'Animals': indexed work with
    neither is laboratory work; with only 'Animals', an animal study."""
    if not mesh or "Humans" in mesh:
        return None
    return "animal" if "Animals" in mesh else "in-vitro"


def _registry_ids(article: ElementTree.Element) -> list[str]:
    return [
        _text(number)
        for bank in article.findall("DataBankList/DataBank")
        if _text(bank.find("DataBankName")).casefold() == "clinicaltrials.gov"
        for number in bank.findall("AccessionNumberList/AccessionNumber")
    ]


def read_article(
    record: ElementTree.Element, path: str, index: int, vocabulary: Vocabulary
) -> Study:
    citation = record.find("MedlineCitation")
    where = f"PubmedArticle[{index + 1}]"
    if citation is None:
        raise SourceError(path, "record has no MedlineCitation", where)
    pmid = _text(citation.find("PMID"))
    if not pmid.isdigit():
        raise SourceError(path, "record has no PMID", f"{where}/MedlineCitation/PMID")
    article = citation.find("Article")
    if article is None:
        raise SourceError(path, "record has no Article", f"{where}/MedlineCitation/Article")
    title = _text(article.find("ArticleTitle")).rstrip(".") or None
    abstract = abstract_text(article)
    types = [_text(e) for e in article.findall("PublicationTypeList/PublicationType")]
    mesh = _mesh(citation)
    substances = _substances(citation)
    compound = vocabulary.compound([*substances, *mesh])
    terms = [*mesh, title or ""]
    goal = vocabulary.goal(terms)
    extracted = extract_studies(abstract, source=path, compound=None, goal=goal) if abstract else []
    found = extracted[0] if extracted else None
    design = (
        design_of_types(types)
        or explicit_design(f"{title or ''}\n{abstract}")  # the abstract's own words
        or _preclinical(mesh)
        or (found.design if found else "case-series")
    )
    nct = _registry_ids(article)
    return Study(
        id=f"pmid-{pmid}",
        citation=Citation(
            title=title,
            authors=_authors(article),
            journal=_text(article.find("Journal/Title")) or None,
            year=_year(citation),
            pmid=pmid,
            doi=_doi(article, record),
            url=f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/",
            nct=nct[0] if nct else None,
        ),
        design=design,
        n=found.n if found else None,
        n_studies=found.n_studies if found else None,
        population=found.population if found else None,
        intervention=found.intervention if found else None,
        comparator=found.comparator if found else None,
        comparator_type=found.comparator_type if found else None,
        duration=found.duration if found else None,
        follow_up=found.follow_up if found else None,
        human=design not in ("animal", "in-vitro"),
        outcomes=found.outcomes if found else [],
        goal=goal,
        compound=compound,
        curated=False,
        provenance="extracted",
        conditions=vocabulary.condition_slugs(mesh),
        abstract=abstract,
        summary=title or "",
    )


def read_pubmed(root: ElementTree.Element, path: str, vocabulary: Vocabulary) -> Iterator[Study]:
    records = articles(root)
    if not records:
        raise SourceError(path, "the record set holds no PubmedArticle", root.tag)
    for index, record in enumerate(records):
        yield read_article(record, path, index, vocabulary)
