"""Reader-facing fixes: HEAD on every route, one <h1> per page, safety lines said once."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from evidex.build.pipeline import build
from evidex.web.app import create_app
from evidex.web.pages import distinct_contraindications, first_warnings, split_leading_heading

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

SAMPLE_LIBRARY = Path(__file__).resolve().parents[2] / "content"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db_path = tmp_path_factory.mktemp("polish") / "evidex.db"
    build(SAMPLE_LIBRARY, db_path)
    with TestClient(create_app(db_path), raise_server_exceptions=True) as client:
        yield client


HEAD_PATHS = [
    "/",
    "/compounds",
    "/compounds/thymosin-alpha-1",
    "/compounds/thymosin-alpha-1/evidence",
    "/research/thymosin-alpha-1-liver-health",
    "/goals/liver-health",
    "/methodology",
    "/about",
    "/sitemap.xml",
    "/feed.xml",
    "/robots.txt",
    "/api/v1/compounds?limit=2",
    "/api/v1/compounds/thymosin-alpha-1",
    "/static/css/evidex.css",
]


@pytest.mark.parametrize("path", HEAD_PATHS)
def test_head_answers_like_get_without_a_body(site: TestClient, path: str) -> None:
    got = site.get(path, headers={"Accept-Encoding": "identity"})
    head = site.head(path, headers={"Accept-Encoding": "identity"})
    assert got.status_code == 200
    assert head.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == got.headers["content-type"]
    assert head.headers.get("content-length") == str(len(got.content))
    assert head.headers.get("etag") == got.headers.get("etag")


def test_head_follows_the_same_redirects_and_not_found_answers(site: TestClient) -> None:
    moved = site.head("/compounds/zadaxin", follow_redirects=False)
    assert moved.status_code == 301
    assert moved.headers["location"].endswith("/compounds/thymosin-alpha-1")
    missing = site.head("/compounds/no-such-thing")
    assert missing.status_code == 404 and missing.content == b""


def test_other_methods_are_still_refused(site: TestClient) -> None:
    assert site.delete("/compounds/thymosin-alpha-1").status_code == 405


def test_methodology_has_exactly_one_main_heading(site: TestClient) -> None:
    html = site.get("/methodology").text
    headings = re.findall(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    assert len(headings) == 1
    assert headings[0].startswith("Methodology")
    assert "grades evidence" in headings[0]  # the document's own title is kept, once


def test_split_leading_heading_only_takes_a_heading_at_the_very_start() -> None:
    assert split_leading_heading("<h1>How it works</h1>\n<p>Body</p>") == (
        "How it works",
        "<p>Body</p>",
    )
    later = "<p>Intro</p><h1>Late title</h1>"
    assert split_leading_heading(later) == (None, later)


def test_a_sentence_filed_under_two_conditions_is_listed_once(site: TestClient) -> None:
    html = site.get("/compounds/thymosin-alpha-1").text
    safety = html.split('id="safety-title"', 1)[1].split("</section>", 1)[0]
    assert safety.count("Pregnancy and breastfeeding: use caution.") == 1
    assert "hypersensitivity" in safety


def test_distinct_contraindications_keeps_the_stricter_severity() -> None:
    items = [
        {"text": "Pregnancy: avoid.", "condition": "pregnancy", "severity": "caution"},
        {"text": "pregnancy:  avoid", "condition": "pregnancy", "severity": "contraindicated"},
        {"text": "Kidney disease.", "condition": "kidney", "severity": "caution"},
    ]
    kept = distinct_contraindications(items)
    assert [(k["text"], k["severity"]) for k in kept] == [
        ("Pregnancy: avoid.", "contraindicated"),
        ("Kidney disease.", "caution"),
    ]


def test_evidence_page_labels_every_study_cell_for_the_phone_layout(site: TestClient) -> None:
    html = site.get("/compounds/thymosin-alpha-1/evidence").text
    # A wide drawing and a phone drawing of the plot; CSS shows one of them.
    assert 'class="forest-wide"' in html and 'class="forest-narrow"' in html
    for label in ("Design", "n", "Population", "Comparator", "Estimate (95% CI)", "p", "Result"):
        assert f'data-label="{label}"' in html, label
    assert "HR 0.308 (0.175–0.541)" in re.sub(r"<[^>]+>", "", html) and "curated" in html
    # Studies are named by citation or, without one, by design and size: never by record id.
    assert "ta1 hcc resection psm 468" not in html.lower()
    assert "Propensity-matched observational, n=468" in html


def test_banned_badge_does_not_depend_on_an_emoji_font(site: TestClient) -> None:
    html = site.get("/compounds/tb-500").text
    assert 'class="banned-icon" aria-hidden="true"' in html and "⛔" not in html
    assert "Banned in sport" in html


def test_negative_intervals_read_with_to_rather_than_a_dash(site: TestClient) -> None:
    html = site.get("/compounds/semaglutide/evidence").text
    assert "MD -12.4 percentage points (-13.4 to -11.5)" in re.sub(r"<[^>]+>", "", html)
    assert "–-" not in html
    assert "STEP 1: Wilding et al., New England Journal of Medicine, 2021" in html


def test_a_profile_opens_with_a_named_situation_before_the_product_allergy() -> None:
    items = [
        {
            "text": "Known hypersensitivity.",
            "condition": "hypersensitivity",
            "severity": "contraindicated",
        },
        {
            "text": "Kidney disease: caution.",
            "condition": "renal-impairment",
            "severity": "caution",
        },
        {
            "text": "Organ transplant recipients.",
            "condition": "immunosuppressed",
            "severity": "contraindicated",
        },
    ]
    assert [i["text"] for i in first_warnings(items)] == [
        "Organ transplant recipients.",
        "Known hypersensitivity.",
    ]


def test_error_pages_read_as_errors(site: TestClient) -> None:
    invalid = site.get("/compounds?tier=9")
    assert invalid.status_code == 422
    assert '<p class="errors" role="alert">tier must be a number from 1 to 5</p>' in invalid.text
    missing = site.get("/no/such/page")
    assert missing.status_code == 404
    assert "<h1>Page not found</h1>" in missing.text and "Error 404" in missing.text
    assert '<header class="site-header"' in missing.text
