"""The web benchmark's traffic: shares per page kind, and popularity uniform or skewed."""

from __future__ import annotations

from collections import Counter

import pytest

from bench import traffic
from bench.web_bench import parse_statuses, parse_wrk

CATALOGUE = traffic.Catalogue(
    {
        "profile": [f"/compounds/c{i}" for i in range(1000)],
        "json": [f"/api/v1/compounds/c{i}" for i in range(1000)],
        "search": ["/search?q=sleep", "/search?q=liver"],
        "redirect": [],  # a kind the build has none of is simply not asked for
    }
)
MIX = {"profile": 0.6, "json": 0.3, "search": 0.1, "redirect": 0.2}


def _kind(path: str) -> str:
    return "json" if path.startswith("/api") else "search" if "?" in path else "profile"


@pytest.mark.parametrize("popularity", ["uniform", "zipf"])
def test_each_kind_gets_its_share_of_requests(popularity: str) -> None:
    paths = traffic.sequence(CATALOGUE, MIX, popularity, 20_000)
    shares = Counter(_kind(p) for p in paths)
    assert shares["profile"] / len(paths) == pytest.approx(0.6, abs=0.02)
    assert shares["json"] / len(paths) == pytest.approx(0.3, abs=0.02)
    assert shares["search"] / len(paths) == pytest.approx(0.1, abs=0.02)


def test_uniform_spreads_over_every_page_and_zipf_favours_a_few() -> None:
    uniform = Counter(traffic.sequence(CATALOGUE, {"profile": 1.0}, "uniform", 20_000))
    zipf = Counter(traffic.sequence(CATALOGUE, {"profile": 1.0}, "zipf", 20_000))
    top_ten_uniform = sum(n for _, n in uniform.most_common(10)) / 20_000
    top_ten_zipf = sum(n for _, n in zipf.most_common(10)) / 20_000
    assert len(uniform) > 990  # nearly all 1,000 pages asked for
    assert top_ten_uniform < 0.03
    assert top_ten_zipf > 0.30  # 1/k popularity: the ten most popular take about 39%
    assert traffic.distinct_share(list(uniform.elements())) < 0.06


def test_unknown_popularity_is_refused() -> None:
    with pytest.raises(ValueError, match="uniform"):
        traffic.sequence(CATALOGUE, MIX, "pareto", 10)


WRK_OUTPUT = """Running 10s test @ http://127.0.0.1:8000/
  2 threads and 32 connections
  Latency Distribution
     50%  612.00us
     75%    1.10ms
     90%    2.00ms
     99%   14.20ms
  123456 requests in 10.00s, 400.00MB read
  Non-2xx or 3xx responses: 5000
Requests/sec:  12345.60
Transfer/sec:     40.00MB
status classes: 2xx=110000 3xx=8456 4xx=4990 5xx=10
"""


def test_wrk_figures_and_status_classes_are_read() -> None:
    figures = parse_wrk(WRK_OUTPUT)
    assert figures["rps"] == 12345.6
    assert figures["p50_ms"] == pytest.approx(0.612)
    assert figures["p99_ms"] == pytest.approx(14.2)
    assert figures["requests"] == 123456
    assert parse_statuses(WRK_OUTPUT) == {"2xx": 110000, "3xx": 8456, "4xx": 4990, "5xx": 10}
