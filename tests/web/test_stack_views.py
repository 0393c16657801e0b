"""The stack pages, calendar and API over a real build artifact file."""

from __future__ import annotations

import importlib.util
import warnings
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from icalendar import Calendar

from evidex.web.app import create_app

with warnings.catch_warnings():
    # Starlette 1.x asks for httpx2 behind its test client; httpx still works.
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

pytestmark = pytest.mark.filterwarnings("ignore::starlette.exceptions.StarletteDeprecationWarning")


def _stack_library() -> ModuleType:
    # The stack tests' small library, shared without making tests/ a package.
    path = Path(__file__).resolve().parents[1] / "stack" / "library.py"
    spec = importlib.util.spec_from_file_location("stack_test_library", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture()
def client(tmp_path: Path) -> Iterator[TestClient]:
    db = _stack_library().write_stack_db(tmp_path / "evidex.db")
    with TestClient(create_app(db)) as test_client:
        yield test_client


def test_empty_page_shows_the_form_with_goals_and_conditions(client: TestClient) -> None:
    response = client.get("/stack")
    assert response.status_code == 200
    assert '<form class="stack-form"' in response.text
    assert 'name="goal" value="liver-health"' in response.text
    assert 'name="condition" value="immunosuppressed"' in response.text
    assert "<script>" not in response.text


def test_page_shows_results_for_the_share_query(client: TestClient) -> None:
    response = client.get("/stack?goal=liver-health&condition=immunosuppressed&weight_kg=35")
    assert response.status_code == 200
    text = response.text
    assert "Tenofovir" in text
    assert "Excluded, and why" in text
    assert "organ transplant recipients" in text
    assert 'href="/stack.ics?goal=liver-health&amp;condition=immunosuppressed' in text
    assert 'name="condition" value="immunosuppressed" checked' in text


def test_bad_query_is_a_422_page_not_a_crash(client: TestClient) -> None:
    response = client.get("/stack?goal=liver-health&weight_kg=heavy")
    assert response.status_code == 422
    assert "weight_kg" in response.text


def test_ics_download_parses(client: TestClient) -> None:
    response = client.get("/stack.ics?goal=liver-health&start=2025-03-03")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/calendar")
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert len(events) == 3
    assert all(e.get("rrule") for e in events)


def test_print_view(client: TestClient) -> None:
    response = client.get("/stack/print?goal=weight-loss")
    assert response.status_code == 200
    assert "Semaglutide" in response.text and "Class conflict" in response.text


def test_api_get_and_post_agree(client: TestClient) -> None:
    query = "goal=liver-health&taking=Frobnicol&weight_kg=35&start=2025-03-03"
    got = client.get(f"/api/v1/stack?{query}")
    assert got.status_code == 200
    body = {
        "goals": ["liver-health"],
        "weight_kg": 35,
        "taking": ["Frobnicol"],
        "start": "2025-03-03",
    }
    posted = client.post("/api/v1/stack", json=body)
    assert posted.status_code == 200
    assert got.json() == posted.json()
    data = got.json()
    assert data["unknown_names"] == ["Frobnicol"]
    assert data["share_query"] == query
    thymosin = next(i for i in data["items"] if i["slug"] == "thymosin-alpha")
    assert thymosin["regimen"]["amount"] == "1.4 mg"
    assert set(thymosin["rank_inputs"]) == {"tier", "effect", "safety_flags", "interaction_penalty"}


def test_api_rejects_a_request_without_goals(client: TestClient) -> None:
    for response in (
        client.get("/api/v1/stack?age=30"),
        client.post("/api/v1/stack", json={"goals": []}),
    ):
        assert response.status_code == 422
        assert response.json()["detail"].endswith(
            "give at least one goal (up to 5) or a stack to check"
        )
