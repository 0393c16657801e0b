from __future__ import annotations

import json
import re

import pytest
from fastapi.testclient import TestClient

from evidex.web.templating import DISCLAIMER

PAGES = [
    "/",
    "/compounds",
    "/compounds/thymosin-alpha",
    "/compounds/thymosin-alpha/evidence",
    "/research",
    "/research/thymosin-alpha-liver-health",
    "/goals",
    "/goals/liver-health",
    "/methodology",
    "/about",
    "/search?q=liver",
]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders_with_title_description_canonical_and_disclaimer(
    client: TestClient, path: str
) -> None:
    response = client.get(path)
    assert response.status_code == 200
    html = response.text
    assert re.search(r"<title>[^<]+ · Evidex</title>", html)
    assert '<meta name="description" content="' in html
    # No base URL is set: the page names itself from the site root, whatever served it.
    assert f'<link rel="canonical" href="{path.split("?")[0]}">' in html
    footer = html.split('<footer class="site-footer"', 1)[1]
    assert DISCLAIMER in footer
    assert '<main id="main"' in html and 'href="#main"' in html


def test_profile_shows_every_part(client: TestClient) -> None:
    html = client.get("/compounds/thymosin-alpha").text
    assert "Zadaxin" in html and "thymalfasin" in html
    assert "Tier 3" in html and 'href="/research/thymosin-alpha-liver-health"' in html
    assert "1.6 mg" in html and "twice weekly" in html
    assert "<dd>Thymosin Alpha-1, Tα1, TA1, thymalfasin</dd>" in html  # TA-1 folds to TA1
    assert "Injection-site redness" in html and "Rare but serious" in html
    assert "Do not use</span> Organ transplant recipients" in html
    assert "Use caution</span> Autoimmune disease" in html
    assert "Liver enzymes (ALT)" in html
    assert '<a href="/compounds/interferon-alpha">Interferon alpha</a>' in html
    assert "Unknownium" in html and 'href="/compounds/unknownium"' not in html
    assert "<strong>chronic hepatitis B</strong>" in html  # the stored sanitised section html
    assert "Is it a steroid?" in html
    body = html.split("</head>", 1)[1]
    assert body.count("Is it a steroid?") == 1  # the body's FAQ section is not repeated
    assert '<time datetime="2025-04-02T10:00:00Z">2025-04-02</time>' in html


def test_banned_badge_with_details(client: TestClient) -> None:
    html = client.get("/compounds/bpc-157").text
    assert "Banned in sport" in html and "section S0" in html
    assert "Banned in sport" not in client.get("/compounds/thymosin-alpha").text


def test_json_ld_is_parseable_and_typed(client: TestClient) -> None:
    html = client.get("/compounds/thymosin-alpha").text
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    types = [json.loads(b)["@type"] for b in blocks]
    assert types == ["Drug", "FAQPage"]
    article = client.get("/research/thymosin-alpha-liver-health").text
    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', article, re.S)
    assert json.loads(block)["@type"] == "MedicalScholarlyArticle"


@pytest.mark.parametrize(
    ("path", "target"),
    [
        ("/compounds/zadaxin", "/compounds/thymosin-alpha"),
        ("/compounds/thymalfasin", "/compounds/thymosin-alpha"),
        ("/compounds/T%CE%B11", "/compounds/thymosin-alpha"),
        (
            "/compounds/Zadaxin/evidence?goal=liver-health",
            "/compounds/thymosin-alpha/evidence?goal=liver-health",
        ),
        ("/compounds/tA1/feed.xml", "/compounds/thymosin-alpha/feed.xml"),
    ],
)
def test_other_names_redirect_permanently(client: TestClient, path: str, target: str) -> None:
    response = client.get(path, follow_redirects=False)
    assert response.status_code == 301
    assert response.headers["location"] == target


def test_unknown_compound_is_a_helpful_404(client: TestClient) -> None:
    response = client.get("/compounds/zadaxn")
    assert response.status_code == 404
    assert "Did you mean" in response.text
    assert 'href="/compounds/thymosin-alpha"' in response.text
    assert client.get("/research/nope").status_code == 404
    assert client.get("/goals/nope").status_code == 404
    assert client.get("/no/such/page").status_code == 404


def test_evidence_page_has_table_plot_and_badges(client: TestClient) -> None:
    html = client.get("/compounds/thymosin-alpha/evidence").text
    text = re.sub(r"<[^>]+>", "", html)
    assert "<svg" in html and "Forest plot" in html
    assert "HR 0.308 (0.175–0.541)" in text and "&lt;0.001" in html
    assert "OR 0.62 (0.35–1.1)" in text and ">22.8%<" in html
    assert "Propensity-matched observational" in html and "316" in html
    assert ">curated<" in html and ">extracted, unverified<" in html
    assert 'href="https://pubmed.ncbi.nlm.nih.gov/31000000/"' in html
    assert "Probable efficacy: one propensity-matched study" in html


def test_research_page_compares_claim_and_computed_tier(client: TestClient) -> None:
    html = client.get("/research/thymosin-alpha-liver-health").text
    assert "claimed Tier 2" in html and "computes Tier 3" in html
    assert "<h2>Findings</h2>" in html


def test_compound_list_filters_via_get_form(client: TestClient) -> None:
    html = client.get("/compounds?banned=yes").text
    assert "1 compound" in html and "BPC-157" in html and "Interferon alpha" not in html
    html = client.get("/compounds?class=&goal=&tier=&route=&banned=").text
    assert "4 compounds" in html
    assert client.get("/compounds?tier=7").status_code == 422
    assert client.get("/compounds?banned=maybe").status_code == 422
    assert client.get("/compounds?letter=ab").status_code == 422


def test_goal_page_ranks_by_tier(client: TestClient) -> None:
    html = client.get("/goals/liver-health").text
    assert html.index("Interferon alpha") < html.index("Thymosin alpha")
    assert "found a survival benefit." in html


def test_methodology_comes_from_the_build(client: TestClient) -> None:
    assert "<h2>The rubric</h2>" in client.get("/methodology").text


def test_search_fallback_redirects_exact_names(client: TestClient) -> None:
    response = client.get("/search?q=Zadaxin", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/compounds/thymosin-alpha"


def test_feeds_sitemap_and_robots(client: TestClient) -> None:
    feed = client.get("/feed.xml")
    assert feed.headers["content-type"].startswith("application/atom+xml")
    # the sample's five feed rows include a profile without a date: it has no update to show
    assert feed.text.count("<entry>") == 4
    assert "1970" not in feed.text
    compound_feed = client.get("/compounds/thymosin-alpha/feed.xml").text
    assert "Tier 4 -&gt; Tier 3" in compound_feed
    sitemap = client.get("/sitemap.xml").text
    assert "<loc>http://testserver/compounds/thymosin-alpha/evidence</loc>" in sitemap
    assert "Sitemap: http://testserver/sitemap.xml" in client.get("/robots.txt").text


def test_assets_are_local(client: TestClient) -> None:
    docs = client.get("/docs").text
    assert '<header class="site-header"' in docs  # the API reference is a page of the site
    for src in re.findall(r'(?:src|href)="([^"]+)"', docs):
        assert src.startswith(("/", "#", "http://testserver/")), src  # no other host
    assets = re.findall(r'(?:src|href)="(/static/[^"]+)"', docs)
    assert any("swagger" in a for a in assets)
    for src in assets:
        assert client.get(src).status_code == 200
    css = client.get("/static/css/evidex.css").text
    assert "http" not in css
