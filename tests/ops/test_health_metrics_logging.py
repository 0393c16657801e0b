from __future__ import annotations

import json
import logging
from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient

from evidex.ops.health import build_age_seconds
from evidex.ops.logging import ACCESS_LOGGER, JsonLineFormatter


def test_healthz_reports_build_age_and_counts(client: TestClient) -> None:
    report = client.get("/healthz").json()
    assert report["status"] == "ok"
    assert report["build"] == client.get("/api/v1/meta").json()["build"]["build_id"]
    assert report["schema_version"] == "1"
    assert report["counts"]["compounds"] == 15
    assert 0 <= report["age_seconds"] < 24 * 3600


def test_build_age_reads_iso_times_and_tolerates_junk() -> None:
    now = datetime(2026, 1, 2, 0, 0, tzinfo=UTC)
    assert build_age_seconds("2026-01-01T23:00:00+00:00", now) == 3600
    assert build_age_seconds("2026-01-01T23:00:00", now) == 3600
    assert build_age_seconds("yesterday", now) is None
    assert build_age_seconds(None, now) is None


def test_metrics_count_requests_by_route_template(client: TestClient) -> None:
    client.get("/compounds/creatine")
    client.get("/compounds/melatonin")
    client.get("/definitely/missing")
    text = client.get("/metrics").text
    assert (
        'evidex_http_requests_total{method="GET",route="/compounds/{name}",status="200"} 2.0'
        in text
    )
    assert 'route="<unmatched>",status="404"' in text
    assert "evidex_http_request_duration_seconds_bucket" in text
    build = client.get("/healthz").json()["build"]
    assert f'evidex_build_info{{build_id="{build}"' in text
    assert "evidex_build_age_seconds" in text


def test_access_log_is_one_json_object_per_request(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger=ACCESS_LOGGER):
        logging.getLogger(ACCESS_LOGGER).addHandler(caplog.handler)
        try:
            client.get("/compounds/creatine?x=1")
        finally:
            logging.getLogger(ACCESS_LOGGER).removeHandler(caplog.handler)
    records = [r for r in caplog.records if r.name == ACCESS_LOGGER]
    assert len(records) == 1
    line = json.loads(JsonLineFormatter().format(records[0]))
    assert line["path"] == "/compounds/creatine"
    assert line["route"] == "/compounds/{name}"
    assert line["query"] == "x=1"
    assert line["status"] == 200
    assert line["bytes"] > 0
    assert line["build"]
    assert line["ms"] >= 0
