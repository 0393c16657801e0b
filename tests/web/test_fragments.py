"""The studies table built in Python: what each study and outcome shows, escaped."""

from __future__ import annotations

import re

from evidex.evidence.models import Citation, Outcome, Study
from evidex.evidence.presentation import study_view
from evidex.web.fragments import profile_sections, profile_toc, study_table

TRIAL = Study(
    id="select-2023",
    design="rct",
    n=17604,
    comparator="Placebo",
    comparator_type="placebo",
    provenance="registry",
    summary="Adults with <heart disease> & obesity, followed for 3 years.",
    citation=Citation(trial="SELECT", authors="Lincoff AM, et al.", year=2023, pmid="37952131"),
    outcomes=[
        Outcome(
            name="Major adverse cardiovascular events",
            measure="HR",
            value=0.8,
            ci_low=0.72,
            ci_high=0.9,
            ci_level=90,
            better="lower",
            timepoint="40 months",
        ),
        Outcome(name="Weight change", measure="MD", value=-8.5, ci_low=-9.0, ci_high=-8.1),
    ],
)
UNCITED = Study(id="rats", design="animal", n=40, curated=False, outcomes=[])


def _cells(html: str) -> list[str]:
    return [
        re.sub(r"<[^>]+>", "", cell)
        for cell in re.findall(r"<t[dh] [^>]*>(.*?)</t[dh]>", html, re.S)
    ]


def test_a_study_spans_its_outcome_rows_and_says_where_its_numbers_come_from() -> None:
    html = study_table([study_view(TRIAL.model_dump(mode="json"), "semaglutide")])
    assert html.count("    <tr>\n") == 2 and 'rowspan="2"' in html
    assert "registry</span>" in html and "extracted, unverified" not in html
    assert "SELECT: " in html and 'href="https://pubmed.ncbi.nlm.nih.gov/37952131/"' in html
    cells = _cells(html)
    assert "HR 0.8 (90% CI 0.72–0.9)" in cells
    assert "MD -8.5 (-9 to -8.1)" in cells  # a negative bound reads "to", not a dash
    assert "Major adverse cardiovascular events (40 months)" in cells


def test_text_from_the_content_is_escaped() -> None:
    html = study_table([study_view(TRIAL.model_dump(mode="json"), "semaglutide")])
    assert "&lt;heart disease&gt; &amp; obesity" in html
    assert "<heart disease>" not in html


def test_a_study_without_outcomes_and_an_empty_table_say_so() -> None:
    one = study_table([study_view(UNCITED.model_dump(mode="json"), "x")])
    assert "Citation not recorded" in one and 'rowspan="1"' in one
    assert "No outcome figures recorded" in one and "extracted, unverified" in one
    assert "No studies recorded yet." in study_table([])


SECTIONS = [
    {"key": "usage", "title": "Usage & <dosing>", "html": "<p>Take <em>with</em> food.</p>"},
    {"key": "storage", "title": "Storage", "html": ""},
]


def test_a_profile_lists_its_sections_and_only_the_parts_it_has() -> None:
    toc = profile_toc({"regimens": [{"dose": "1 mg"}], "faqs": []}, SECTIONS)
    assert '<a href="#section-usage">Usage &amp; &lt;dosing&gt;</a>' in toc
    assert 'href="#regimens"' in toc and 'href="#faqs"' not in toc
    assert toc.index("#evidence") < toc.index("#safety") < toc.index("#section-storage")


def test_section_bodies_are_placed_as_the_build_sanitised_them_under_escaped_headings() -> None:
    html = profile_sections(SECTIONS)
    assert '<h2 id="h-usage">Usage &amp; &lt;dosing&gt;</h2>' in html
    assert "<p>Take <em>with</em> food.</p>" in html
    assert html.count("<section ") == 2 and profile_sections([]) == ""
