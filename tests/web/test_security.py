from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from html_safety import executable_parts

from evidex.web.app import create_app
from evidex.web.security import CONTENT_SECURITY_POLICY

HOSTILE_PAGES = [
    "/compounds/hostile-peptide",
    "/compounds/hostile-peptide/evidence",
    "/compounds",
    "/",
    "/compounds/thymosin-alpha/evidence",  # a study citation URL is javascript:
]


@pytest.mark.parametrize("path", HOSTILE_PAGES)
def test_nothing_executable_reaches_the_page(client: TestClient, path: str) -> None:
    html = client.get(path).text
    assert executable_parts(html) == []
    assert "<script>alert" not in html
    # Hostile text inside JSON-LD stays data: it can never open or close a tag there.
    assert "<" not in "".join(re.findall(r"<script[^>]*>(.*?)</script>", html, re.S))


def test_json_ld_cannot_close_its_script_element(client: TestClient) -> None:
    html = client.get("/compounds/hostile-peptide").text
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 2  # Drug and FAQPage, each closed only by its own tag
    for block in blocks:
        assert "<" not in block
    assert "\\u003c/script\\u003e" in blocks[1]


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/compounds/zadaxn",
        "/api/v1/compounds?tier=x",
        "/static/css/evidex.css",
        "/compounds/zadaxin",
        "/api/v1/meta",
    ],
)
def test_security_headers_on_every_response(client: TestClient, path: str) -> None:
    headers = client.get(path, follow_redirects=False).headers
    assert headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert "script-src 'self';" in CONTENT_SECURITY_POLICY and "unsafe-inline" not in (
        CONTENT_SECURITY_POLICY
    )
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "strict-origin-when-cross-origin"
    assert headers["x-frame-options"] == "DENY"


def test_pages_have_no_inline_script_or_style(client: TestClient) -> None:
    for path in ("/", "/compounds/thymosin-alpha", "/docs"):
        html = client.get(path).text
        assert not re.search(r"<script(?![^>]*(src=|application/ld\+json))[^>]*>", html)
        assert "<style" not in html and " style=" not in html


FORGED = {"Host": "evil.example"}


@pytest.mark.parametrize(
    "path", ["/compounds/thymosin-alpha", "/sitemap.xml", "/feed.xml", "/compounds", "/"]
)
def test_a_forged_host_never_reaches_links_sitemap_feeds_or_json_ld(
    client: TestClient, path: str
) -> None:
    response = client.get(path, headers=FORGED)
    assert response.status_code == 200
    assert "evil.example" not in response.text
    if path == "/sitemap.xml":
        assert "<loc>http://testserver/compounds/thymosin-alpha</loc>" in response.text


def test_a_trailing_slash_redirect_is_relative_whatever_the_host(client: TestClient) -> None:
    response = client.get("/compounds/?page=2", headers=FORGED, follow_redirects=False)
    assert response.status_code in (301, 307, 308)
    assert response.headers["location"] == "/compounds?page=2"


@pytest.fixture
def site_with_base_url(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    monkeypatch.setenv("EVIDEX_BASE_URL", "https://evidex.example.org/")
    monkeypatch.setenv("EVIDEX_ALLOWED_HOSTS", "replica-1.internal")
    with TestClient(create_app(db_path), base_url="https://evidex.example.org") as test_client:
        yield test_client


def test_with_a_base_url_links_use_it_and_other_hosts_are_refused(
    site_with_base_url: TestClient,
) -> None:
    page = site_with_base_url.get("/compounds/thymosin-alpha")
    assert page.status_code == 200
    assert 'href="https://evidex.example.org/compounds/thymosin-alpha"' in page.text
    assert site_with_base_url.get("/", headers={"Host": "replica-1.internal"}).status_code == 200
    refused = site_with_base_url.get("/compounds/thymosin-alpha", headers=FORGED)
    assert refused.status_code == 400
    assert refused.json() == {"detail": "unknown host 'evil.example'"}
    assert refused.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    # the balancer's health probe names the replica by its address
    probe = site_with_base_url.get("/healthz", headers={"Host": "10.0.0.7:8000"})
    assert probe.status_code == 200


@pytest.fixture
def strict_client(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    monkeypatch.setenv("EVIDEX_RATE_BURST", "1")
    monkeypatch.setenv("EVIDEX_RATE_PER_SECOND", "0.001")
    with TestClient(create_app(db_path)) as test_client:
        yield test_client


def test_refusals_carry_the_security_headers_too(strict_client: TestClient) -> None:
    refusals = {
        414: strict_client.get("/api/v1/compounds?q=" + "x" * 5000),
        413: strict_client.post("/api/v1/stack", content=b"{}" + b" " * 70_000),
        400: strict_client.post("/api/v1/stack", headers={"Content-Length": "ten"}),
    }
    strict_client.get("/api/v1/search?q=a")
    refusals[429] = strict_client.get("/api/v1/search?q=a")
    for status, response in refusals.items():
        assert response.status_code == status
        assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY, status
        assert response.headers["x-content-type-options"] == "nosniff", status
        assert response.headers["x-frame-options"] == "DENY", status
