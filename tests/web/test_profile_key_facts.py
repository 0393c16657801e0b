"""A profile opens with its key facts, and the vendor finder and dose tools are easy to find."""

from __future__ import annotations

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
    db_path = tmp_path_factory.mktemp("key-facts") / "evidex.db"
    build(SAMPLE_LIBRARY, db_path)
    with TestClient(create_app(db_path), raise_server_exceptions=True) as client:
        yield client


def _key_facts(html: str) -> str:
    start = html.index('class="key-facts"')
    return html[start : html.index("</section>", start)]


def test_key_facts_come_before_the_description(site: TestClient) -> None:
    html = site.get("/compounds/semaglutide").text
    facts = _key_facts(html)
    assert html.index('class="key-facts"') < html.index('class="lead"')
    assert "Boxed warning:</strong> Risk of thyroid C-cell tumours" in facts
    assert "<dt>Prescription</dt><dd>Prescription only</dd>" in facts
    assert "Wegovy for weight management" in facts
    assert "Not on the prohibited list" in facts
    assert "Weight loss" in facts and "Tier 2" in facts
    assert 'href="/tools/reconstitution?compound=semaglutide"' in facts
    assert 'href="/compounds/semaglutide/vendors"' in facts


def test_a_prohibited_compound_says_so_and_unknown_facts_say_not_stated(
    site: TestClient, tmp_path: Path
) -> None:
    facts = _key_facts(site.get("/compounds/tesamorelin").text)
    assert "Banned in sport" in facts and "WADA Prohibited List S2" in facts
    profile = (SAMPLE_LIBRARY / "compounds" / "creatine.md").read_text("utf-8")
    bare = "\n".join(
        line for line in profile.splitlines() if not line.startswith(("prescription:", "approved:"))
    )
    library = tmp_path / "content"
    (library / "compounds").mkdir(parents=True)
    (library / "compounds" / "creatine.md").write_text(bare, "utf-8")
    build(library, tmp_path / "bare.db")
    with TestClient(create_app(tmp_path / "bare.db")) as client:
        facts = _key_facts(client.get("/compounds/creatine").text)
    assert "<dt>Prescription</dt><dd>Not stated</dd>" in facts
    assert "<dt>Approved</dt><dd>Not stated</dd>" in facts


def test_dosing_rows_are_distinct_with_route_and_frequency(site: TestClient) -> None:
    html = site.get("/compounds/semaglutide").text
    table = html[html.index('id="regimens-title"') : html.index('id="safety"')]
    assert "after the" not in table
    assert ">not stated<" not in table
    rows = table.split("<tr>")[2:]
    assert len(rows) == len(set(rows))


def test_vendor_finder_and_dose_tools_are_in_the_navigation_and_the_sitemap(
    site: TestClient,
) -> None:
    nav = site.get("/").text.split('<nav aria-label="Main">', 1)[1].split("</nav>", 1)[0]
    assert 'href="/vendors"' in nav and 'href="/tools/reconstitution"' in nav
    sitemap = site.get("/sitemap.xml").text
    for path in ("/vendors", "/tools/reconstitution", "/compounds/melatonin/vendors"):
        assert f"<loc>http://testserver{path}</loc>" in sitemap, path
