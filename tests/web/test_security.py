from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from html_safety import executable_parts

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
