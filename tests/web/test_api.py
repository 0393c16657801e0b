from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from evidex.content.models import Compound


def test_compound_list_with_filters_and_paging(client: TestClient) -> None:
    body = client.get("/api/v1/compounds").json()
    assert body["total"] == 4 and len(body["items"]) == 4
    assert set(body["items"][0]) >= {"slug", "title", "is_banned", "routes", "best_tier"}
    page = client.get("/api/v1/compounds?limit=2&offset=2").json()
    assert page["total"] == 4 and [i["slug"] for i in page["items"]] == [
        "interferon-alpha",
        "thymosin-alpha",
    ]
    banned = client.get("/api/v1/compounds?banned=true").json()
    assert [i["slug"] for i in banned["items"]] == ["bpc-157"]
    tiered = client.get("/api/v1/compounds?goal=liver-health&tier=3").json()
    assert [i["slug"] for i in tiered["items"]] == ["thymosin-alpha"]


@pytest.mark.parametrize("name", ["thymosin-alpha", "zadaxin", "Tα1", "thymosin alpha 1"])
def test_compound_by_any_name_is_the_model(client: TestClient, name: str) -> None:
    body = client.get(f"/api/v1/compounds/{name}").json()
    assert Compound.model_validate(body).slug == "thymosin-alpha"


def test_evidence_and_goal_filter(client: TestClient) -> None:
    body = client.get("/api/v1/compounds/zadaxin/evidence?goal=liver-health").json()
    assert body["compound"]["slug"] == "thymosin-alpha"
    assert body["goals"][0]["tier"] == 3 and len(body["goals"][0]["studies"]) == 2
    assert client.get("/api/v1/compounds/zadaxin/evidence?goal=sleep").json()["goals"] == []


def test_research_goals_and_meta(client: TestClient) -> None:
    assert client.get("/api/v1/research").json()[0]["slug"] == "thymosin-alpha-liver-health"
    article = client.get("/api/v1/research/thymosin-alpha-liver-health").json()
    assert article["tier"] == 2 and article["computed"]["tier"] == 3
    assert [g["slug"] for g in client.get("/api/v1/goals").json()] == [
        "immune-support",
        "liver-health",
    ]
    goal = client.get("/api/v1/goals/liver-health").json()
    assert goal["compounds"][0]["slug"] == "interferon-alpha"
    meta = client.get("/api/v1/meta").json()
    assert meta["build"]["build_id"] == "build-1" and meta["counts"]["compounds"] == 4
    assert "methodology_html" not in meta["build"]


@pytest.mark.parametrize(
    ("path", "status", "fragment"),
    [
        ("/api/v1/compounds/zadaxn", 404, "Did you mean: Thymosin alpha?"),
        ("/api/v1/research/nope", 404, "no research article"),
        ("/api/v1/goals/nope", 404, "no health goal"),
        ("/api/v1/compounds?tier=0", 422, "query.tier"),
        ("/api/v1/compounds?limit=100000", 422, "query.limit"),
        ("/api/v1/compounds?offset=-1", 422, "query.offset"),
        ("/api/v1/compounds?banned=perhaps", 422, "query.banned"),
        ("/api/v1/nothing", 404, "Not Found"),
    ],
)
def test_errors_are_json_with_a_message(
    client: TestClient, path: str, status: int, fragment: str
) -> None:
    response = client.get(path)
    assert response.status_code == status
    assert fragment in response.json()["detail"]


def test_openapi_describes_the_api(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert set(spec["paths"]) >= {
        "/api/v1/compounds",
        "/api/v1/compounds/{name}",
        "/api/v1/compounds/{name}/evidence",
        "/api/v1/research",
        "/api/v1/research/{slug}",
        "/api/v1/goals",
        "/api/v1/goals/{slug}",
        "/api/v1/meta",
    }
    assert not any(p.startswith(("/compounds", "/goals", "/research")) for p in spec["paths"])
    error = spec["paths"]["/api/v1/compounds"]["get"]["responses"]["422"]
    assert error["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorOut")
