"""Prometheus metrics: requests by route template and status, latency, build id and age.

Each app gets its own registry, so several apps in one process (tests) do not collide. With
several uvicorn workers every process reports its own series; scrape each replica.
"""

from __future__ import annotations

from collections.abc import Iterator

from fastapi import APIRouter, Request
from fastapi.responses import Response
from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily, InfoMetricFamily, Metric
from prometheus_client.registry import Collector
from starlette.types import Scope

from evidex.ops.health import NO_STORE, build_age_seconds
from evidex.storage.db import Database

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5)
UNMATCHED = "<unmatched>"


class BuildCollector(Collector):
    """Build id and age, read at scrape time from the generation being served."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def collect(self) -> Iterator[Metric]:
        meta = self.db.current().meta
        info = InfoMetricFamily("evidex_build", "The build being served.")
        info.add_metric(
            [], {"build_id": meta.get("build_id", ""), "built_at": meta.get("built_at", "")}
        )
        yield info
        age = build_age_seconds(meta.get("built_at"))
        gauge = GaugeMetricFamily("evidex_build_age_seconds", "Seconds since the served build.")
        gauge.add_metric([], -1.0 if age is None else age)
        yield gauge


class Metrics:
    def __init__(self, db: Database) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "evidex_http_requests",
            "HTTP requests by route template, method and status.",
            ["route", "method", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "evidex_http_request_duration_seconds",
            "Time from request start to the last body byte, by route template.",
            ["route", "method"],
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.registry.register(BuildCollector(db))
        # The series of each (route, method, status) once looked up: labels() costs more
        # than the count itself, and there are a few dozen of them.
        self._series: dict[tuple[str, str, int], tuple[Counter, Histogram]] = {}

    def observe(self, route: str, method: str, status: int, seconds: float) -> None:
        series = self._series.get((route, method, status))
        if series is None:
            series = self._series[(route, method, status)] = (
                self.requests.labels(route, method, str(status)),
                self.latency.labels(route, method),
            )
        series[0].inc()
        series[1].observe(seconds)

    def exposition(self) -> bytes:
        return generate_latest(self.registry)


def route_template(scope: Scope) -> str:
    """`/compounds/{slug}` rather than the raw path, so label cardinality stays bounded."""
    route = scope.get("route")
    path = getattr(route, "path", None)
    if isinstance(path, str):
        return path
    root = scope.get("root_path", "")
    if scope.get("app_root_path") is not None and root:
        return root
    return UNMATCHED


router = APIRouter(include_in_schema=False)


@router.get("/metrics")
def metrics_endpoint(request: Request) -> Response:
    metrics: Metrics = request.app.state.metrics
    headers = {"cache-control": NO_STORE}  # live figures: never from a cache or memo
    return Response(metrics.exposition(), media_type=CONTENT_TYPE, headers=headers)
