"""The site over REAL builds: the repository's sample library and a hostile library in the
seed's profile format, built by evidex.build.pipeline exactly as `evidex build` does."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from html_safety import executable_parts

from evidex.build.pipeline import build
from evidex.content.models import Compound
from evidex.storage.db import open_generation
from evidex.web import seo
from evidex.web.app import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

REPO = Path(__file__).resolve().parents[2]
SAMPLE_LIBRARY = REPO / "content"
HOSTILE_LIBRARY = Path(__file__).parent / "fixtures" / "hostile_library"


def _client_for(library: Path, db_path: Path) -> Iterator[TestClient]:
    build(library, db_path)
    with TestClient(create_app(db_path), raise_server_exceptions=True) as client:
        yield client


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    yield from _client_for(SAMPLE_LIBRARY, tmp_path_factory.mktemp("sample") / "evidex.db")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    yield from _client_for(HOSTILE_LIBRARY, tmp_path_factory.mktemp("hostile") / "evidex.db")


def test_every_page_and_api_response_of_the_sample_library(sample_site: TestClient) -> None:
    db = sample_site.app.state.db  # type: ignore[attr-defined]
    conn = open_generation(db.path).connection()
    paths = [path for path, _ in seo.site_paths(conn)]
    assert len(paths) > 20
    for (slug,) in conn.execute("SELECT slug FROM compounds"):
        paths += [
            f"/api/v1/compounds/{slug}",
            f"/api/v1/compounds/{slug}/evidence",
            f"/compounds/{slug}/feed.xml",
        ]
    for (slug,) in conn.execute("SELECT slug FROM articles"):
        paths.append(f"/api/v1/research/{slug}")
    for path in paths:
        response = sample_site.get(path, follow_redirects=False)
        assert response.status_code == 200, path


def test_sample_library_names_redirect_to_one_slug(sample_site: TestClient) -> None:
    targets = {
        sample_site.get(f"/compounds/{name}", follow_redirects=False).headers.get("location")
        for name in ("Zadaxin", "thymalfasin", "T%CE%B11")
    }
    assert len(targets) == 1 and None not in targets


def test_hostile_profile_renders_nothing_executable(hostile_site: TestClient) -> None:
    response = hostile_site.get("/compounds/mischief-peptide")
    assert response.status_code == 200
    html = response.text
    assert "made-up compound used to test escaping" in html  # the body did render
    assert "Banned in sport" in html
    assert executable_parts(html) == []
    assert "<script>alert" not in html
    assert "<svg" not in html


def test_compound_json_is_what_validating_the_stored_document_would_send(
    sample_site: TestClient,
) -> None:
    slugs = [
        item["slug"] for item in sample_site.get("/api/v1/compounds?limit=100").json()["items"]
    ]
    assert len(slugs) >= 10
    for slug in slugs:
        response = sample_site.get(f"/api/v1/compounds/{slug}")
        assert response.headers["content-type"] == "application/json"
        validated = Compound.model_validate_json(response.content).model_dump_json()
        assert response.content == validated.encode(), slug
