"""A kept answer's prepared headers go out as the very bytes uvicorn writes, head and body at once."""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from uvicorn.protocols.http.flow_control import FlowControl
from uvicorn.protocols.http.httptools_impl import RequestResponseCycle

from evidex.web.httpbounds import PreparedHeadCycle, PreparedHeaders, prepared, written_headers
from evidex.web.memo import finished_headers, make_entry

SERVER_HEADERS = [(b"date", b"Mon, 07 Dec 2026 20:00:00 GMT"), (b"server", b"uvicorn")]
PAGE = b"<html>" + b"a page " * 300 + b"</html>"


class Wire:
    """The socket end of a connection: what was written, in which writes."""

    def __init__(self) -> None:
        self.writes: list[bytes] = []
        self.closed = False

    def write(self, data: bytes) -> None:
        if data:
            self.writes.append(bytes(data))

    def close(self) -> None:
        self.closed = True

    def is_closing(self) -> bool:
        return self.closed

    def pause_reading(self) -> None:
        pass

    def resume_reading(self) -> None:
        pass


def _page_entry(status: int = 200, body: bytes = PAGE) -> Any:
    own = [
        (b"content-type", b"text/html; charset=utf-8"),
        (b"content-length", str(len(body)).encode()),
        (b"etag", b'W/"0123456789abcdef01234567"'),
        (b"cache-control", b"public, max-age=300"),
        (b"last-modified", b"Mon, 07 Dec 2026 19:00:00 GMT"),
    ]
    if status == 301:
        own = [(b"content-length", b"0"), (b"location", b"/compounds/thymosin-alpha")]
    entry = make_entry(finished_headers(own, "build-1"), body, "/compounds/{name}", status)
    entry.sent_headers()
    entry.sent_headers(not_modified=True)  # answered: now kept with its written headers
    return entry


def _sent(
    cycle_class: type[RequestResponseCycle],
    method: str,
    status: int,
    headers: Any,
    body: bytes,
    keep_alive: bool = True,
) -> tuple[list[bytes], Wire, RequestResponseCycle]:
    wire = Wire()

    async def answer() -> RequestResponseCycle:
        cycle = cycle_class(
            scope={"type": "http", "method": method, "path": "/"},  # type: ignore[arg-type]
            transport=wire,  # type: ignore[arg-type]
            flow=FlowControl(wire),  # type: ignore[arg-type]
            logger=logging.getLogger("test"),
            access_logger=logging.getLogger("test.access"),
            access_log=False,
            default_headers=SERVER_HEADERS,
            message_event=asyncio.Event(),
            expect_100_continue=False,
            keep_alive=keep_alive,
            on_response=lambda: None,
        )
        await cycle.send({"type": "http.response.start", "status": status, "headers": headers})
        await cycle.send({"type": "http.response.body", "body": body, "more_body": False})
        return cycle

    # a thread of its own: a browser test earlier in the same worker may leave a loop running
    with ThreadPoolExecutor(1) as thread:
        cycle = thread.submit(asyncio.run, answer()).result()
    return wire.writes, wire, cycle


CASES = {
    "page": ("GET", 200, False),
    "page, connection closing": ("GET", 200, True),
    "head": ("HEAD", 200, False),
    "not modified": ("GET", 304, False),
    "redirect": ("GET", 301, False),
}


@pytest.mark.parametrize("case", CASES)
def test_prepared_headers_are_written_as_uvicorn_writes_them(case: str) -> None:
    method, status, closing = CASES[case]
    entry = _page_entry(301 if status == 301 else 200, b"" if status == 301 else PAGE)
    if status == 304:
        headers = prepared(entry.not_modified_headers, entry.not_modified_written)
    else:
        headers = prepared(entry.headers, entry.written)
    body = b"" if status == 304 or method == "HEAD" else entry.body
    assert isinstance(headers, PreparedHeaders)
    usual, usual_wire, usual_cycle = _sent(
        RequestResponseCycle, method, status, list(headers), body, not closing
    )
    fast, fast_wire, fast_cycle = _sent(
        PreparedHeadCycle, method, status, headers, body, not closing
    )
    assert b"".join(fast) == b"".join(usual)
    assert fast_cycle.response_complete and usual_cycle.response_complete
    assert fast_wire.closed == usual_wire.closed == closing
    if body:
        assert len(usual) == 2 and len(fast) == 1  # head and body in one write


def test_headers_uvicorn_would_refuse_or_that_change_the_framing_are_not_prepared() -> None:
    for headers in (
        ((b"x-bad", b"line\nbreak"),),
        ((b"bad name", b"x"),),
        ((b"connection", b"close"),),
        ((b"transfer-encoding", b"chunked"),),
    ):
        assert written_headers(headers) is None
    closing = [(b"content-length", b"4"), (b"connection", b"close")]
    usual, _, _ = _sent(RequestResponseCycle, "GET", 200, closing, b"page")
    other, _, _ = _sent(PreparedHeadCycle, "GET", 200, closing, b"page")
    assert other == usual and len(other) == 2  # uvicorn's own path


@pytest.mark.parametrize("method", ["GET", "HEAD"])
def test_any_response_of_known_length_goes_out_in_one_write_as_uvicorn_writes_it(
    method: str,
) -> None:
    """A first view (rendered, or a stored page answered once) is not yet kept with written
    headers: the cycle writes them out itself, with the body."""
    plain = list(_page_entry().headers)
    body = PAGE if method == "GET" else b""
    usual, _, _ = _sent(RequestResponseCycle, method, 200, plain, body)
    fast, _, _ = _sent(PreparedHeadCycle, method, 200, plain, body)
    assert b"".join(fast) == b"".join(usual)
    assert len(fast) == 1 and len(usual) == (2 if body else 1)


def test_a_response_without_a_length_is_chunked_as_uvicorn_chunks_it() -> None:
    headers = [(b"content-type", b"text/plain")]
    usual, _, _ = _sent(RequestResponseCycle, "GET", 200, headers, b"streamed")
    fast, _, _ = _sent(PreparedHeadCycle, "GET", 200, headers, b"streamed")
    assert b"".join(fast) == b"".join(usual)
    assert b"transfer-encoding: chunked" in fast[0]


def test_an_entry_has_its_written_headers_from_its_first_answer() -> None:
    entry = make_entry([(b"content-length", b"0")], b"", None)
    assert entry.written is None
    sent = entry.sent_headers()
    assert entry.written == ((b"content-length: 0\r\n",), 0)
    assert isinstance(sent, PreparedHeaders) and list(sent) == [(b"content-length", b"0")]


def test_a_kept_entry_gives_the_garbage_collector_nothing_more_to_walk() -> None:
    import gc

    entry = _page_entry()
    gc.collect()
    gc.collect()  # a tuple of tuples is let go once its items were, one collection later
    kept = (entry.headers, entry.written, entry.not_modified_headers, entry.not_modified_written)
    assert not any(gc.is_tracked(part) for part in kept)
