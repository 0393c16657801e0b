from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from evidex.ops.ratelimit import (
    AbuseLimitMiddleware,
    Limits,
    TokenBuckets,
    client_key,
    parse_networks,
)


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_bucket_allows_a_burst_then_asks_to_wait() -> None:
    clock = FakeClock()
    buckets = TokenBuckets(rate=2.0, burst=3.0, clock=clock)
    assert [buckets.take("a") for _ in range(3)] == [0.0, 0.0, 0.0]
    assert buckets.take("a") == 0.5
    assert buckets.take("b") == 0.0  # another client has its own bucket
    clock.now += 0.5
    assert buckets.take("a") == 0.0


def test_bucket_forgets_the_least_recent_clients_past_capacity() -> None:
    buckets = TokenBuckets(rate=1.0, burst=1.0, capacity=2, clock=FakeClock())
    buckets.take("a")
    buckets.take("b")
    buckets.take("c")
    assert buckets.take("a") == 0.0  # "a" was evicted, so it starts full again
    assert buckets.take("c") > 0


PROXIES = parse_networks("10.0.0.0/24, 127.0.0.1")


def _scope(peer: str, *forwarded: bytes) -> dict[str, object]:
    return {"client": (peer, 1), "headers": [(b"x-forwarded-for", line) for line in forwarded]}


def test_forwarded_for_is_read_only_from_a_trusted_proxy() -> None:
    forged = _scope("10.0.0.1", b"6.6.6.6, 1.2.3.4")
    assert client_key(forged) == "10.0.0.1"  # no proxies configured: the peer, always
    assert client_key(forged, PROXIES) == "1.2.3.4"
    assert client_key(_scope("8.8.8.8", b"1.2.3.4"), PROXIES) == "8.8.8.8"  # not our proxy


def test_the_client_is_the_right_most_hop_that_is_not_a_trusted_proxy() -> None:
    # client forged "6.6.6.6", our outer proxy 10.0.0.2 saw 1.2.3.4, the inner one saw 10.0.0.2
    assert client_key(_scope("127.0.0.1", b"6.6.6.6, 1.2.3.4, 10.0.0.2"), PROXIES) == "1.2.3.4"
    # a second header line is read in order, not instead of the first
    two_lines = _scope("127.0.0.1", b"6.6.6.6", b"1.2.3.4")
    assert client_key(two_lines, PROXIES) == "1.2.3.4"
    assert client_key(_scope("127.0.0.1", b"7.7.7.7", b"1.2.3.4, 10.0.0.9"), PROXIES) == "1.2.3.4"
    assert client_key(_scope("127.0.0.1"), PROXIES) == "127.0.0.1"  # nothing forwarded


def test_a_bad_trusted_proxy_entry_is_named() -> None:
    with pytest.raises(ValueError, match=r"'proxy\.local' is not an IP address or network"):
        parse_networks("10.0.0.1, proxy.local")


def _limited_app(limits: Limits) -> TestClient:
    app = FastAPI()

    @app.get("/api/v1/search")
    def search(q: str = "") -> dict[str, str]:
        return {"q": q}

    @app.get("/compounds")
    def compounds() -> dict[str, str]:
        return {"ok": "yes"}

    @app.post("/stack")
    async def stack(payload: dict[str, str]) -> dict[str, int]:
        return {"keys": len(payload)}

    app.add_middleware(AbuseLimitMiddleware, limits=limits)
    return TestClient(app)


def test_search_is_limited_per_client_with_retry_after() -> None:
    client = _limited_app(Limits(rate=0.2, burst=2))
    assert client.get("/api/v1/search?q=a").status_code == 200
    assert client.get("/api/v1/search?q=b").status_code == 200
    refused = client.get("/api/v1/search?q=c")
    assert refused.status_code == 429
    assert int(refused.headers["retry-after"]) >= 1
    assert "too many requests" in refused.json()["detail"]
    # Pages outside the limited set are not counted.
    assert all(client.get("/compounds").status_code == 200 for _ in range(5))


def test_sizes_are_bounded_with_a_reason() -> None:
    client = _limited_app(Limits(max_query_bytes=100, max_body_bytes=1000))
    long_query = client.get("/compounds?q=" + "x" * 200)
    assert long_query.status_code == 414
    assert "100 bytes" in long_query.json()["detail"]
    big = client.post("/stack", content=b"{" + b" " * 2000 + b"}")
    assert big.status_code == 413
    bad_length = client.post("/stack", content=b"{}", headers={"content-length": "-5"})
    assert bad_length.status_code == 400
    assert client.post("/stack", json={"a": "b"}).json() == {"keys": 1}


def test_streamed_body_without_length_is_cut_off() -> None:
    client = _limited_app(Limits(max_body_bytes=1000))

    def chunks() -> Iterator[bytes]:
        for _ in range(10):
            yield b" " * 500

    response = client.post("/stack", content=chunks())
    assert response.status_code == 413


def test_the_real_site_limits_search_and_keeps_the_build_header(db_path: Path) -> None:
    from evidex.ops.install import install_ops
    from evidex.web.app import create_app

    app = create_app(db_path)
    assert app.state.metrics is not None
    strict = FastAPI()
    install_ops(strict, app.state.db, limits=Limits(rate=0.01, burst=1))

    @strict.get("/search")
    def search() -> dict[str, str]:
        return {}

    client = TestClient(strict)
    assert client.get("/search").status_code == 200
    refused = client.get("/search")
    assert refused.status_code == 429
    assert refused.headers["x-evidex-build"] == app.state.db.build_id
