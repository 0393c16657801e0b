"""/api/v1 says what it answers; /api/v1/meta gives numbers as numbers."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_the_api_root_lists_every_endpoint_with_a_description(client: TestClient) -> None:
    index = client.get("/api/v1")
    assert index.status_code == 200
    body = index.json()
    paths = {endpoint["path"] for endpoint in body["endpoints"]}
    assert {"/api/v1/compounds", "/api/v1/compounds/{name}", "/api/v1/meta"} <= paths
    assert all(endpoint["description"] for endpoint in body["endpoints"])
    assert client.get(body["openapi"]).status_code == 200


def test_meta_numbers_are_numbers(client: TestClient) -> None:
    meta = client.get("/api/v1/meta").json()
    assert isinstance(meta["build"]["schema_version"], int)
    assert all(isinstance(value, int) for value in meta["counts"].values())
    for value in meta["build"].values():
        assert not (isinstance(value, str) and value.isdigit()), meta["build"]
        assert not (isinstance(value, str) and value.startswith("{")), meta["build"]
