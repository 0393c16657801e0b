from __future__ import annotations

import asyncio
import logging
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from sample_db import write_sample_db
from starlette.types import Receive, Scope, Send

from evidex.ops.logging import ACCESS_LOGGER
from evidex.web.app import create_app
from evidex.web.caching import CACHE_CONTROL
from evidex.web.memo import ByteBoundedLRU, Entry, ResponseMemoMiddleware, make_entry

PUBLIC = [(b"etag", b'W/"abc"'), (b"cache-control", CACHE_CONTROL)]


class CountingApp:
    """Answers every request with `status`, `headers` and a body naming the call number."""

    def __init__(self, status: int = 200, headers: list[tuple[bytes, bytes]] | None = None):
        self.status = status
        self.headers = PUBLIC if headers is None else headers
        self.calls = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        self.calls += 1
        encoding = dict(scope["headers"]).get(b"accept-encoding", b"")
        body = f"call {self.calls} {encoding.decode()}".encode()
        headers = [*self.headers, (b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": self.status, "headers": headers})
        await send({"type": "http.response.body", "body": body})


def memo_client(app: CountingApp, build: list[str], max_bytes: int = 1 << 20) -> TestClient:
    memo = ResponseMemoMiddleware(app, build_id=lambda: build[0], max_bytes=max_bytes)
    return TestClient(memo)


def test_a_repeated_get_is_answered_from_the_memo() -> None:
    app = CountingApp()
    client = memo_client(app, ["b1"])
    first = client.get("/page")
    second = client.get("/page")
    assert app.calls == 1
    assert second.content == first.content and second.headers == first.headers
    client.get("/page?x=1")
    client.get("/other")
    assert app.calls == 3


def test_head_is_answered_from_the_get_entry_with_its_headers_and_no_body() -> None:
    app = CountingApp()
    client = memo_client(app, ["b1"])
    got = client.get("/page")
    head = client.head("/page")
    assert app.calls == 1
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-length"] == got.headers["content-length"]
    assert head.headers["etag"] == got.headers["etag"]


def test_a_head_before_any_get_runs_the_handler_and_keeps_nothing() -> None:
    app = CountingApp()
    client = memo_client(app, ["b1"])
    client.head("/page")
    client.get("/page")
    assert app.calls == 2


def test_matching_if_none_match_on_a_memo_hit_is_304_with_validators_only() -> None:
    app = CountingApp(headers=[*PUBLIC, (b"content-type", b"text/html"), (b"x-extra", b"1")])
    client = memo_client(app, ["b1"])
    client.get("/page")
    again = client.get("/page", headers={"If-None-Match": 'W/"abc"'})
    assert app.calls == 1
    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == 'W/"abc"' and again.headers["x-extra"] == "1"
    assert "content-type" not in again.headers and "content-length" not in again.headers
    assert client.get("/page", headers={"If-None-Match": '"other"'}).status_code == 200


def test_gzip_and_identity_requests_are_kept_apart() -> None:
    app = CountingApp()
    client = memo_client(app, ["b1"])
    gzip = client.get("/page", headers={"Accept-Encoding": "gzip"})
    identity = client.get("/page", headers={"Accept-Encoding": "identity"})
    assert app.calls == 2
    assert client.get("/page", headers={"Accept-Encoding": "gzip"}).content == gzip.content
    assert client.get("/page", headers={"Accept-Encoding": "identity"}).content == identity.content
    assert app.calls == 2


def test_a_new_build_empties_the_memo() -> None:
    app = CountingApp()
    build = ["b1"]
    client = memo_client(app, build)
    client.get("/page")
    build[0] = "b2"
    assert client.get("/page").text.startswith("call 2")
    assert client.get("/page").text.startswith("call 2")


@pytest.mark.parametrize(
    ("status", "headers"),
    [
        (500, PUBLIC),
        (404, [(b"cache-control", b"no-store")]),
        (200, [(b"cache-control", b"no-store")]),
        (200, [(b"etag", b'W/"abc"')]),
    ],
)
def test_errors_and_uncacheable_responses_are_not_kept(
    status: int, headers: list[tuple[bytes, bytes]]
) -> None:
    app = CountingApp(status=status, headers=headers)
    client = memo_client(app, ["b1"])
    client.get("/page", follow_redirects=False)
    client.get("/page", follow_redirects=False)
    assert app.calls == 2


@pytest.mark.parametrize(
    ("status", "headers"),
    [(404, []), (301, [(b"location", b"/compounds/x")]), (303, [(b"location", b"/x")])],
)
def test_not_found_and_redirects_are_kept_as_functions_of_the_path(
    status: int, headers: list[tuple[bytes, bytes]]
) -> None:
    app = CountingApp(status=status, headers=headers)
    client = memo_client(app, ["b1"])
    first = client.get("/page", follow_redirects=False)
    again = client.get("/page", follow_redirects=False)
    assert app.calls == 1
    assert (again.status_code, again.headers, again.content) == (
        first.status_code,
        first.headers,
        first.content,
    )


def test_redirects_are_not_kept_where_the_host_may_change_their_location() -> None:
    app = CountingApp(status=301, headers=[(b"location", b"https://example.org/x")])
    memo = ResponseMemoMiddleware(app, build_id=lambda: "b1", allowed_hosts=["example.org"])
    client = TestClient(memo, base_url="http://example.org")
    client.get("/page", follow_redirects=False)
    client.get("/page", follow_redirects=False)
    assert app.calls == 2


def test_other_methods_pass_through() -> None:
    app = CountingApp()
    client = memo_client(app, ["b1"])
    client.post("/page")
    client.post("/page")
    assert app.calls == 2


def test_a_body_too_large_for_the_memo_streams_on_and_is_not_kept() -> None:
    async def streaming(scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": PUBLIC})
        for _ in range(4):
            await send({"type": "http.response.body", "body": b"x" * 1000, "more_body": True})
        await send({"type": "http.response.body", "body": b""})

    memo = ResponseMemoMiddleware(streaming, build_id=lambda: "b1", max_bytes=8000)
    client = TestClient(memo)
    assert client.get("/big").content == b"x" * 4000
    assert len(memo.entries) == 0


def _concurrent_gets(status: int, count: int) -> tuple[int, list[httpx.Response]]:
    """`count` simultaneous GETs of one URL against an app that takes a moment to answer."""
    calls = 0

    async def slow(scope: Scope, receive: Receive, send: Send) -> None:
        nonlocal calls
        calls += 1
        await asyncio.sleep(0.05)  # lets the other requests arrive while this one renders
        headers = [*PUBLIC, (b"content-length", b"2")]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": b"ok"})

    memo = ResponseMemoMiddleware(slow, build_id=lambda: "b1")

    async def main() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=memo)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            return list(await asyncio.gather(*(client.get("/page") for _ in range(count))))

    # a thread of its own: a browser test earlier in this worker may leave a loop running here
    with ThreadPoolExecutor(max_workers=1) as thread:
        responses = thread.submit(asyncio.run, main()).result()
    return calls, responses


def test_simultaneous_misses_for_one_url_render_it_once() -> None:
    calls, responses = _concurrent_gets(200, 5)
    assert calls == 1
    assert [r.status_code for r in responses] == [200] * 5
    assert {r.content for r in responses} == {b"ok"}


def test_requests_waiting_on_an_error_run_the_handler_themselves() -> None:
    calls, responses = _concurrent_gets(500, 5)
    assert calls == 5
    assert [r.status_code for r in responses] == [500] * 5


def _entry(size: int) -> Entry:
    return Entry(headers=(), body=b"x" * size, not_modified_headers=(), etag="", route=None)


def test_the_memo_forgets_least_recently_used_entries_past_its_byte_bound() -> None:
    one = _entry(1000)
    lru = ByteBoundedLRU(max_bytes=3 * one.size)
    for name in ("a", "b", "c"):
        lru.put(("b1", b"h", name, b"", False), _entry(1000))
    assert lru.get(("b1", b"h", "a", b"", False)) is not None  # a is now the most recent
    lru.put(("b1", b"h", "d", b"", False), _entry(1000))
    assert len(lru) == 3 and lru.bytes <= lru.max_bytes
    assert lru.get(("b1", b"h", "b", b"", False)) is None
    assert lru.get(("b1", b"h", "a", b"", False)) is not None
    lru.put(("b1", b"h", "huge", b"", False), _entry(10 * one.size))
    assert lru.get(("b1", b"h", "huge", b"", False)) is None and len(lru) == 3


# The memo inside the real app: every request still gets the whole response contract.


def test_a_memo_hit_carries_build_security_and_validator_headers(client: TestClient) -> None:
    first = client.get("/compounds/thymosin-alpha")
    hit = client.get("/compounds/thymosin-alpha")
    assert hit.content == first.content
    for name in ("x-evidex-build", "content-security-policy", "etag", "cache-control"):
        assert hit.headers[name] == first.headers[name]
    not_modified = client.get(
        "/compounds/thymosin-alpha", headers={"If-None-Match": hit.headers["etag"]}
    )
    assert not_modified.status_code == 304
    assert not_modified.headers["x-evidex-build"] == first.headers["x-evidex-build"]
    assert "nosniff" in not_modified.headers["x-content-type-options"]


def test_gzip_and_identity_are_both_right_after_the_memo_is_warm(client: TestClient) -> None:
    for _ in range(2):
        gzip = client.get("/compounds/thymosin-alpha", headers={"Accept-Encoding": "gzip"})
        identity = client.get("/compounds/thymosin-alpha", headers={"Accept-Encoding": "identity"})
        assert gzip.headers["content-encoding"] == "gzip"
        assert "content-encoding" not in identity.headers
        assert gzip.content == identity.content  # httpx decodes the gzip body


def test_live_endpoints_are_never_memoised(client: TestClient) -> None:
    for path in ("/healthz", "/metrics"):
        response = client.get(path)
        assert response.headers["cache-control"] == "no-store"
    before = client.get("/metrics").text
    client.get("/about")
    assert client.get("/metrics").text != before


def test_every_memo_hit_is_logged_with_its_route(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    logger = logging.getLogger(ACCESS_LOGGER)
    logger.addHandler(caplog.handler)
    try:
        client.get("/compounds/thymosin-alpha")
        caplog.clear()
        client.get("/compounds/thymosin-alpha")
        client.head("/compounds/thymosin-alpha")
    finally:
        logger.removeHandler(caplog.handler)
    fields = [r.fields for r in caplog.records if r.name == ACCESS_LOGGER]
    assert [(f["method"], f["route"], f["status"]) for f in fields] == [
        ("GET", "/compounds/{name}", 200),
        ("HEAD", "/compounds/{name}", 200),
    ]


def test_a_swapped_build_is_served_at_once_on_a_memoised_url(tmp_path: Path) -> None:
    db_path = write_sample_db(tmp_path / "evidex.db", build_id="build-1")
    app = create_app(db_path)
    app.state.db.check_interval = 0
    with TestClient(app) as client:
        assert "build-1" in client.get("/about").text
        assert "build-1" in client.get("/about").text
        os.replace(write_sample_db(tmp_path / "next.db", build_id="build-2"), db_path)
        after = client.get("/about")
        assert "build-2" in after.text and after.headers["x-evidex-build"] == "build-2"


def test_a_repeated_search_is_answered_from_the_memo_and_still_takes_a_token(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from evidex.search.engine import SearchEngine

    monkeypatch.setenv("EVIDEX_RATE_BURST", "3")
    monkeypatch.setenv("EVIDEX_RATE_PER_SECOND", "0.001")
    searched = []
    real_search = SearchEngine.search

    def counting_search(self: SearchEngine, *args: object, **kwargs: object) -> object:
        searched.append(args)
        return real_search(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(SearchEngine, "search", counting_search)
    with TestClient(create_app(db_path)) as client:
        answers = [client.get("/api/v1/search?q=liver") for _ in range(4)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    assert len(searched) == 1
    assert answers[1].content == answers[0].content and answers[2].headers == answers[1].headers
    refused = answers[3]
    assert refused.headers["retry-after"] and refused.headers["cache-control"] == "no-store"
    assert refused.headers["x-evidex-build"] == answers[0].headers["x-evidex-build"]
    assert refused.headers["x-content-type-options"] == "nosniff"


def test_a_stored_or_kept_answer_is_refused_for_an_unknown_host(db_path: Path) -> None:
    from evidex.web.templating import Site

    app = create_app(db_path, Site(base_url="https://evidex.example"))
    with TestClient(app, base_url="https://evidex.example") as client:
        assert client.get("/about").status_code == 200
        assert client.get("/about").status_code == 200
        other = client.get("/about", headers={"Host": "attacker.example"})
    assert other.status_code == 400


def test_a_not_found_page_is_kept_with_the_headers_of_the_whole_stack(
    client: TestClient,
) -> None:
    first = client.get("/compounds/no-such-thing")
    again = client.get("/compounds/no-such-thing")
    assert first.status_code == again.status_code == 404
    assert again.content == first.content
    assert again.headers == first.headers
    assert again.headers["x-evidex-build"] and again.headers["x-frame-options"] == "DENY"


def test_a_second_host_header_does_not_get_a_refused_host_a_kept_answer() -> None:
    memo = ResponseMemoMiddleware(
        CountingApp(status=400), build_id=lambda: "b1", allowed_hosts=["evidex.example"]
    )
    memo.entries.put(("b1", "/about", b"", False), make_entry(list(PUBLIC), b"kept", "/about"))
    scope = {
        "type": "http",
        "method": "GET",
        "path": "/about",
        "query_string": b"",
        "headers": [(b"host", b"attacker.example"), (b"host", b"evidex.example")],
    }
    sent: list[dict[str, object]] = []

    async def send(message: dict[str, object]) -> None:
        sent.append(message)

    async def receive() -> dict[str, object]:
        return {"type": "http.request", "body": b""}

    with ThreadPoolExecutor(max_workers=1) as thread:  # a loop of its own, as above
        thread.submit(asyncio.run, memo(scope, receive, send)).result()
    assert sent[0]["status"] == 400  # through to the stack (here: refused), not the memo
