"""Studies are named by their citation, never by their record id."""

from __future__ import annotations

import pytest

from evidex.evidence.citations import (
    author_year,
    citation_text,
    first_author,
    links,
    short_label,
)
from evidex.evidence.models import Citation, Study


@pytest.mark.parametrize(
    ("authors", "surname"),
    [
        ("Wilding JPH, Batterham RL, Calanna S, et al.", "Wilding"),
        ("Smith, J.; Jones, K.", "Smith"),
        ("Jane Smith and Ken Jones", "Smith"),
        (
            "Diabetes Prevention Program Research Group",
            "Diabetes Prevention Program Research Group",
        ),
        ("van der Berg A, Jones K", "van der Berg"),
        ("", None),
    ],
)
def test_first_author_surname_in_the_usual_author_list_styles(authors: str, surname: str) -> None:
    assert first_author(authors) == surname


def test_citation_text_is_first_author_et_al_journal_year() -> None:
    step = Citation(
        authors="Wilding JPH, Batterham RL, Calanna S, et al.",
        journal="New England Journal of Medicine",
        year=2021,
    )
    assert citation_text(step) == "Wilding et al., New England Journal of Medicine, 2021"
    assert author_year(Citation(authors="Smith J", year=2019)) == "Smith 2019"
    assert citation_text(Citation()) == ""


def test_links_to_pubmed_and_doi_only_when_well_formed() -> None:
    found = links(Citation(pmid="33567185", doi="https://doi.org/10.1056/NEJMoa2032183"))
    assert [(link.label, link.url) for link in found] == [
        ("PubMed 33567185", "https://pubmed.ncbi.nlm.nih.gov/33567185/"),
        ("DOI 10.1056/NEJMoa2032183", "https://doi.org/10.1056/NEJMoa2032183"),
    ]
    assert links(Citation(pmid="not a pmid", doi="doi:nope", url="javascript:alert(1)")) == []


def test_a_study_without_a_citation_is_named_by_design_and_size_not_its_id() -> None:
    bare = Study(id="ta1-chb-rct-316", design="rct", n=316)
    assert short_label(bare) == "Randomised controlled trial, n=316"
    meta = Study(id="ta1-vs-interferon-meta-4rct", design="meta-analysis", n=199, n_studies=4)
    assert short_label(meta) == "Meta-analysis of 4 trials, n=199"
    titled = Study(id="s-1", design="rct", citation=Citation(title="The TRIAL study", year=2020))
    assert short_label(titled) == "The TRIAL study (2020)"
    named = Study(id="s-2", design="rct", citation=Citation(trial="REDUCE-IT"))
    assert short_label(named) == "REDUCE-IT"
