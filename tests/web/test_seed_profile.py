"""The seed compound profile (../shared/seeds/000_*.txt), built and served as a page."""

from __future__ import annotations

import shutil
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from html_safety import executable_parts

from evidex.build.pipeline import build
from evidex.web.app import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"
GOALS = Path(__file__).parent / "fixtures" / "hostile_library" / "goals.yaml"


@pytest.fixture(scope="module")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    profiles = sorted(SEEDS.glob("000_*.txt")) if SEEDS.is_dir() else []
    if not profiles:
        pytest.skip("../shared/seeds is not present")
    library = tmp_path_factory.mktemp("seed_library")
    (library / "compounds").mkdir()
    shutil.copyfile(profiles[0], library / "compounds" / "thymosin-alpha.md")
    shutil.copyfile(GOALS, library / "goals.yaml")
    db_path = library.parent / "seed.db"
    build(library, db_path)
    with TestClient(create_app(db_path), raise_server_exceptions=True) as client:
        yield client


def test_seed_profile_page_shows_its_sections_names_and_faqs(seed_site: TestClient) -> None:
    slug = seed_site.get("/api/v1/compounds/Zadaxin").json()["slug"]
    response = seed_site.get(f"/compounds/{slug}")
    assert response.status_code == 200
    html = response.text
    body = html.split("</head>", 1)[1]
    for heading in ("Usage", "Dosage", "Side Effects", "Contraindications", "Precautions"):
        assert f">{heading}</h2>" in body
    assert "Zadaxin" in body and "Frequently asked questions" in body
    assert "A:**" not in body  # the repaired FAQ answers, not the raw defect
    assert executable_parts(html) == []


@pytest.mark.parametrize("name", ["zadaxin", "thymalfasin", "T%CE%B11", "Thymosin%20Alpha-1"])
def test_seed_names_redirect_to_the_profile(seed_site: TestClient, name: str) -> None:
    slug = seed_site.get("/api/v1/compounds/Zadaxin").json()["slug"]
    response = seed_site.get(f"/compounds/{name}", follow_redirects=False)
    assert response.status_code == 301
    assert response.headers["location"] == f"/compounds/{slug}"
