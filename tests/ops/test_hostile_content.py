"""Hostile article, study and vendor files: built, served, and nothing executable on a page."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from evidex.build.pipeline import BuildFailed, build
from evidex.web.app import create_app

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "web"))
from html_safety import executable_parts  # type: ignore[import-not-found]

PAYLOAD = "\n\n".join(
    [
        '<script>alert("article")</script>',
        'An image <img src=x onerror="alert(1)"> inline.',
        'A [click me](javascript:alert(2)) link and <a href="javascript:alert(3)">raw</a>.',
        '<iframe src="https://evil.example"></iframe>',
        '<div onclick="alert(4)">tap here</div>',
    ]
)


def _poison(content: Path) -> None:
    article = content / "research" / "melatonin-sleep.md"
    text = article.read_text(encoding="utf-8")
    text = text.replace(
        "## Overview\n", f"## Overview\n\n{PAYLOAD}\n\n<script>\nalert(5)\n</script>\n", 1
    )
    article.write_text(text, encoding="utf-8")

    study = content / "studies" / "step-1-semaglutide-2021.yaml"
    text = study.read_text(encoding="utf-8")
    text = text.replace(
        "url: https://doi.org/10.1056/NEJMoa2032183", "url: \"javascript:alert('study')\""
    )
    text = text.replace(
        "population: Adults",
        "population: '<img src=x onerror=alert(6)> <script>alert(7)</script> Adults",
    ).replace("weight-related condition\n", "weight-related condition'\n", 1)
    study.write_text(text, encoding="utf-8")

    vendor = content / "vendors" / "northwind-peptides.yaml"
    text = vendor.read_text(encoding="utf-8")
    text = text.replace("name: Northwind Peptides", "name: '<script>alert(8)</script>Northwind'")
    vendor.write_text(text, encoding="utf-8")


@pytest.fixture
def hostile_client(content_dir: Path, tmp_path: Path) -> TestClient:
    _poison(content_dir)
    db_path = tmp_path / "hostile.db"
    build(content_dir, db_path)
    return TestClient(create_app(db_path))


@pytest.mark.parametrize(
    "path",
    [
        "/research/melatonin-sleep",
        "/research",
        "/compounds/melatonin",
        "/compounds/semaglutide/evidence",
        "/compounds/thymosin-alpha-1/vendors",
        "/vendors",
        "/feed.xml",
    ],
)
def test_no_hostile_content_reaches_a_page_as_code(hostile_client: TestClient, path: str) -> None:
    response = hostile_client.get(path)
    assert response.status_code == 200, path
    if "html" in response.headers["content-type"]:
        assert executable_parts(response.text) == []
    assert "<script>alert" not in response.text
    assert "javascript:alert" not in response.text.replace("&#x27;", "'")


def test_the_hostile_text_is_shown_as_text_not_dropped_silently(
    hostile_client: TestClient,
) -> None:
    page = hostile_client.get("/research/melatonin-sleep").text
    assert "click me" in page  # the link text survives; only its javascript: target is gone
    assert "Northwind" in hostile_client.get("/vendors").text
    evidence = hostile_client.get("/compounds/semaglutide/evidence").text
    assert "Adults" in evidence  # the study is still listed, its markup neutralised


def test_a_vendor_link_to_javascript_is_refused_at_build_time(
    content_dir: Path, tmp_path: Path
) -> None:
    vendor = content_dir / "vendors" / "northwind-peptides.yaml"
    text = vendor.read_text(encoding="utf-8").replace(
        "url: https://northwind-peptides.example.com/products/ta1-5mg",
        "url: \"javascript:alert('vendor')\"",
    )
    vendor.write_text(text, encoding="utf-8")
    with pytest.raises(BuildFailed) as failure:
        build(content_dir, tmp_path / "refused.db")
    errors = [d for d in failure.value.diagnostics if d.level == "error"]
    assert [d.path.endswith("northwind-peptides.yaml") for d in errors] == [True]
    assert "http(s)" in errors[0].message
    assert not (tmp_path / "refused.db").exists()
