from __future__ import annotations

import gzip
import os
from pathlib import Path

from fastapi.testclient import TestClient
from sample_db import write_sample_db

from evidex.web.app import create_app


def test_validators_and_conditional_get(client: TestClient) -> None:
    first = client.get("/compounds/thymosin-alpha")
    etag = first.headers["etag"]
    assert first.headers["cache-control"] == "public, max-age=300"
    assert first.headers["last-modified"] == "Sun, 01 Jun 2025 12:00:00 GMT"
    again = client.get("/compounds/thymosin-alpha", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == etag
    other = client.get("/compounds/interferon-alpha", headers={"If-None-Match": etag})
    assert other.status_code == 200 and other.headers["etag"] != etag
    assert (
        client.get("/compounds?tier=3").headers["etag"] != client.get("/compounds").headers["etag"]
    )


def test_errors_are_not_marked_cacheable(client: TestClient) -> None:
    response = client.get("/compounds/zadaxn")
    assert response.status_code == 404 and "etag" not in response.headers


def test_gzip_when_accepted(client: TestClient) -> None:
    response = client.get("/compounds/thymosin-alpha", headers={"Accept-Encoding": "gzip"})
    assert response.headers["content-encoding"] == "gzip"
    assert "Thymosin alpha" in response.text  # httpx decodes it
    raw = client.get("/compounds/thymosin-alpha", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in raw.headers
    assert gzip.compress(raw.content)  # sanity: body is plain bytes


def test_a_new_build_changes_etag_and_content_without_restart(tmp_path: Path) -> None:
    db_path = write_sample_db(tmp_path / "evidex.db", build_id="build-1")
    app = create_app(db_path)
    app.state.db.check_interval = 0
    with TestClient(app) as client:
        before = client.get("/about")
        assert "build-1" in before.text
        fresh = write_sample_db(tmp_path / "next.db", build_id="build-2")
        os.replace(fresh, db_path)
        after = client.get("/about", headers={"If-None-Match": before.headers["etag"]})
        assert after.status_code == 200 and "build-2" in after.text
        assert after.headers["etag"] != before.headers["etag"]


def test_a_forged_host_never_reaches_a_page_or_the_cache(client: TestClient) -> None:
    forged = client.get("/compounds/thymosin-alpha", headers={"Host": "evil.example"})
    assert "evil.example" not in forged.text
    honest = client.get("/compounds/thymosin-alpha")
    assert "evil.example" not in honest.text
    assert honest.text == forged.text  # one page, one cache entry, whatever the Host says
    assert honest.headers["etag"] == forged.headers["etag"]
