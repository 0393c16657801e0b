"""Evidence as a reader sees it on the bundled library: which side each result favours,
citations instead of record ids, summaries, per-arm figures, units and references."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from evidex.build.pipeline import build
from evidex.web.app import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

SAMPLE_LIBRARY = Path(__file__).resolve().parents[2] / "content"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db_path = tmp_path_factory.mktemp("evidence-display") / "evidex.db"
    build(SAMPLE_LIBRARY, db_path)
    with TestClient(create_app(db_path), raise_server_exceptions=True) as client:
        yield client


def test_a_significant_result_for_the_comparator_says_the_comparator_did_better(
    site: TestClient,
) -> None:
    html = site.get("/compounds/thymosin-alpha-1/evidence").text
    assert "(harm)" not in html
    assert "favours interferon-alpha" in html  # complete response OR 0.54, better higher
    assert "favours Tα1" in html  # overall survival HR 0.308, better lower
    assert "← favours" in html and "favours no treatment →" in html


def test_studies_show_citation_summary_and_each_arm(site: TestClient) -> None:
    html = site.get("/compounds/semaglutide/evidence").text
    assert "STEP 1: Wilding et al., New England Journal of Medicine, 2021" in html
    assert 'href="https://doi.org/10.1056/NEJMoa2032183"' in html
    assert "lost on average\n  14.9% of body weight" in html or "14.9% of body weight" in html
    assert "Semaglutide 2.4 mg 86.4% vs Placebo 31.5%" in html
    assert "Semaglutide 2.4 mg −14.9% vs Placebo −2.4%" in html


def test_extracted_outcomes_read_as_noun_phrases_with_their_units(site: TestClient) -> None:
    page = site.get("/research/melatonin-sleep").text
    studies = page[page.index('id="studies-title"') :]
    # The study's summary quotes the source sentence; the outcome cell names the outcome.
    assert 'class="outcome">disorders' not in studies
    assert 'class="outcome">sleep onset latency' in studies
    assert "MD -7.06 minutes" in re.sub(r"<[^>]+>", "", studies)


def test_a_research_article_ends_with_its_references(site: TestClient) -> None:
    html = site.get("/research/semaglutide-weight-loss").text
    references = html[html.index('id="references-title"') :]
    assert "Wilding JPH, Batterham RL, Calanna S, et al." in references
    assert "<cite>Once-Weekly Semaglutide in Adults with Overweight or Obesity</cite>" in references
    uncited = site.get("/research/thymosin-alpha-1-liver-health").text
    assert "have no citation on record yet" in uncited
