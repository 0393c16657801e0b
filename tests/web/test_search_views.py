from __future__ import annotations

import re
import time
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
def search_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db_path = tmp_path_factory.mktemp("search-web") / "evidex.db"
    build(SAMPLE_LIBRARY, db_path)
    # these tests send many requests from one client: lift the per-client rate limit
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("EVIDEX_RATE_PER_SECOND", "100000")
        patch.setenv("EVIDEX_RATE_BURST", "100000")
        with TestClient(create_app(db_path), raise_server_exceptions=True) as client:
            yield client


def test_api_groups_ranked_results_with_badges_and_safe_snippets(
    search_client: TestClient,
) -> None:
    body = search_client.get("/api/v1/search", params={"q": "hepatitis B"}).json()
    assert body["results"][0]["slug"] == "thymosin-alpha-1"
    assert body["results"][0]["tier"] == 3
    assert body["results"][0]["url"] == "/compounds/thymosin-alpha-1"
    assert set(body["groups"]) == {"compound", "research", "goal"}
    assert body["groups"]["research"][0]["slug"] == "thymosin-alpha-1-liver-health"
    assert any("<mark>" in item["snippet"] for item in body["results"])
    for item in body["results"]:
        assert "<" not in re.sub(r"</?mark>", "", item["snippet"])
        assert isinstance(item["is_banned"], bool)


def test_api_filters_and_pages(search_client: TestClient) -> None:
    first = search_client.get("/api/v1/search", params={"q": "injection", "limit": 2}).json()
    second = search_client.get(
        "/api/v1/search", params={"q": "injection", "limit": 2, "offset": 2}
    ).json()
    assert first["next_offset"] == 2 and first["total"] == second["total"]
    assert {r["slug"] for r in first["results"]}.isdisjoint(r["slug"] for r in second["results"])
    banned = search_client.get(
        "/api/v1/search", params={"q": "peptide", "banned": "true", "type": "compound"}
    ).json()
    assert banned["results"] and all(r["is_banned"] for r in banned["results"])
    tiered = search_client.get("/api/v1/search", params={"q": "weight", "tier": 2}).json()
    assert all(r["tier"] <= 2 for r in tiered["results"])
    assert search_client.get("/api/v1/search", params={"q": "x", "limit": 500}).status_code == 422


def test_suggest_returns_at_most_eight_names_quickly(search_client: TestClient) -> None:
    search_client.get("/api/v1/suggest", params={"q": "warm"})
    started = time.perf_counter()
    body = search_client.get("/api/v1/suggest", params={"q": "t"}).json()
    assert time.perf_counter() - started < 0.5  # generous: the handler itself takes well < 10 ms
    assert len(body["suggestions"]) == 8
    zep = search_client.get("/api/v1/suggest", params={"q": "Zep"}).json()["suggestions"]
    assert zep[0] == {
        "name": "Zepbound", "slug": "tirzepatide", "title": "Tirzepatide",
        "url": "/compounds/tirzepatide",
    }  # fmt: skip


def test_page_groups_results_and_keeps_filters_in_paging_links(search_client: TestClient) -> None:
    page = search_client.get("/search", params={"q": "liver"}).text
    assert page.index('<h2 id="group-1">Compounds</h2>') < page.index(">Research</h2>")
    assert 'href="/compounds/thymosin-alpha-1"' in page
    assert "Tier 3" in page
    filtered = search_client.get("/search", params={"q": "liver", "type": "compound"}).text
    assert ">Research</h2>" not in filtered and ">Compounds</h2>" in filtered
    first = search_client.get("/search", params={"q": "the"}).text
    assert 'href="/search?q=the&amp;page=2"' in first
    second = search_client.get("/search", params={"q": "the", "page": "2"}).text
    assert 'rel="prev"' in second and "page 2 of" in second


def test_page_offers_the_real_name_for_a_typo(search_client: TestClient) -> None:
    page = search_client.get("/search", params={"q": "tirzepitide"}).text
    assert "Did you mean" in page and "Tirzepatide" in page


def test_an_exact_name_goes_straight_to_the_profile(search_client: TestClient) -> None:
    response = search_client.get("/search", params={"q": "Zadaxin"}, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/compounds/thymosin-alpha-1"


def test_search_script_is_loaded_from_a_file_not_inline(search_client: TestClient) -> None:
    page = search_client.get("/").text
    assert '<script src="/static/js/search.js" defer></script>' in page
    script = search_client.get("/static/js/search.js")
    assert script.status_code == 200 and 'setAttribute("role", "combobox")' in script.text


HOSTILE = ['"', "*", "NEAR(", "-", "(", ")", ":", "^", "", "   ", "x" * 2000, "печень",
           "胸腺肽", "كبد", "🧬", "\x00", "<script>alert(1)</script>", "%00", "a\ufffdb"]  # fmt: skip


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_never_fail(search_client: TestClient, query: str) -> None:
    for path in ("/search", "/api/v1/search", "/api/v1/suggest"):
        response = search_client.get(path, params={"q": query}, follow_redirects=False)
        assert response.status_code in (200, 303), (path, response.status_code)
        if response.headers.get("content-type", "").startswith("text/html"):
            assert "<script>alert(1)</script>" not in response.text
        elif response.status_code == 200:
            assert response.headers["content-type"] == "application/json"


def test_bad_filter_values_on_the_page_are_ignored(search_client: TestClient) -> None:
    response = search_client.get(
        "/search", params={"q": "liver", "tier": "nine", "banned": "maybe", "page": "-3"}
    )
    assert response.status_code == 200
    # The unfiltered first page: both groups, the Tier 3 compound, no previous page.
    page = response.text
    assert 'href="/compounds/thymosin-alpha-1"' in page and "Tier 3" in page
    assert ">Compounds</h2>" in page and ">Research</h2>" in page
    assert 'rel="prev"' not in page


@pytest.mark.parametrize(
    "path", ["/search?q=liver", "/api/v1/search?q=liver", "/api/v1/suggest?q=thy"]
)
def test_searches_are_answered_on_the_event_loop_without_a_thread_hop(
    search_client: TestClient, path: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import fastapi.routing

    def no_thread(*args: object, **kwargs: object) -> None:
        raise AssertionError("handed to the threadpool")

    monkeypatch.setattr(fastapi.routing, "run_in_threadpool", no_thread)
    answer = search_client.get(path + "&on-the-loop=1")  # a URL no memo holds yet
    assert answer.status_code == 200
    assert "liver" in answer.text.lower() or "thymosin" in answer.text.lower()


@pytest.mark.parametrize("path", ["/api/v1/search?q=liver", "/api/v1/suggest?q=thym"])
def test_a_json_search_answer_is_sent_without_fastapi_walking_every_value(
    search_client: TestClient, path: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import fastapi.routing

    def no_walk(*args: object, **kwargs: object) -> None:
        raise AssertionError("validated and converted value by value")

    monkeypatch.setattr(fastapi.routing, "serialize_response", no_walk)
    answer = search_client.get(path + "&unwalked=1")  # a URL no memo holds yet
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/json"
    assert answer.json()["query"] in ("liver", "thym")
