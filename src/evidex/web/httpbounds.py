"""uvicorn's httptools protocol with the request head bounded, and kept answers written fast.

httptools keeps appending to a header it is still receiving, so a client could send one
header of 50 MB and the worker would hold all of it. Here the bytes of each request head are
counted as they arrive; past MAX_HEAD_BYTES the client gets 431 and the connection closes.

uvicorn checks and writes out every response header on every response (two regular
expressions, a lowercase and four list items a header), then writes the head and the body in
two socket writes: for a page's 14 headers its cycle costs 6.3 µs a response before the socket,
3.1 µs from prepared lines, and the second write (a syscall and a TCP segment) is saved. A
response the memo keeps is sent many times with the same headers, so `written_headers` checks
and writes them out once, as uvicorn would, and the memo sends them prepared; any other
response's headers are written out the same way as it starts. The cycle below sends the head
with the first body in one write. The bytes on the wire are uvicorn's own; headers uvicorn
would refuse, or that change its framing (Connection, Transfer-Encoding), take its own path.
"""

from __future__ import annotations

import json

from uvicorn._types import ASGISendEvent
from uvicorn.protocols.http.httptools_impl import (
    HEADER_RE,
    HEADER_VALUE_RE,
    STATUS_LINE,
    HttpToolsProtocol,
    RequestResponseCycle,
)

from evidex.web.security import SECURITY_HEADERS

MAX_HEAD_BYTES = 64 * 1024  # nginx's default allows 4 x 8 KiB of headers
_END_OF_HEAD = b"\r\n\r\n"


def refusal(status_line: bytes, message: str) -> bytes:
    """A whole response, written by the protocol itself (no app ran), closing the connection."""
    body = json.dumps({"detail": message}).encode()
    lines = [
        status_line,
        *(name + b": " + value for name, value in SECURITY_HEADERS),
        b"content-type: application/json",
        b"content-length: " + str(len(body)).encode(),
        b"cache-control: no-store",
        b"connection: close",
    ]
    return b"\r\n".join(lines) + b"\r\n\r\n" + body


class BoundedHttpToolsProtocol(HttpToolsProtocol):
    max_head_bytes = MAX_HEAD_BYTES
    _head_bytes = 0
    _in_head = True

    def data_received(self, data: bytes) -> None:
        if self._in_head:
            end = data.find(_END_OF_HEAD)
            self._head_bytes += len(data) if end < 0 else end
            if self._head_bytes > self.max_head_bytes:
                self.logger.warning("request head over %d bytes refused", self.max_head_bytes)
                message = f"request headers larger than {self.max_head_bytes} bytes"
                self.transport.write(
                    refusal(b"HTTP/1.1 431 Request Header Fields Too Large", message)
                )
                self.transport.close()
                return
        super().data_received(data)

    def send_400_response(self, msg: str) -> None:
        """uvicorn's answer to a request it cannot parse, with the security headers too."""
        self.transport.write(refusal(b"HTTP/1.1 400 Bad Request", msg))
        self.transport.close()

    def on_headers_complete(self) -> None:
        self._in_head = False
        super().on_headers_complete()
        if type(self.cycle) is RequestResponseCycle:  # made just now, its task not yet run
            self.cycle.__class__ = PreparedHeadCycle

    def on_message_complete(self) -> None:
        super().on_message_complete()
        self._in_head = True  # a kept-alive connection's next request starts its own head
        self._head_bytes = 0


class PreparedHeaders(tuple[tuple[bytes, bytes], ...]):
    """Response headers with their written lines (`lines`), as uvicorn writes them."""

    lines: tuple[bytes, ...]
    content_length: int | None


# (lines, Content-Length): kept beside a memo entry's plain header tuple as a tuple of bytes
# and an int, which the garbage collector stops walking (a tuple subclass kept per entry made
# a worker's full collection over 15,000 entries 19 ms instead of 3). A line most responses
# share (security, build, type, caching) is one bytes object for all of them.
Written = tuple[tuple[bytes, ...], int | None]
_OWN_HEADERS = frozenset({b"content-length", b"etag", b"location"})  # a line of their own
_shared_lines: dict[tuple[bytes, bytes], bytes] = {}
MAX_SHARED_LINES = 4096


def written_headers(headers: tuple[tuple[bytes, bytes], ...]) -> Written | None:
    """How uvicorn writes `headers` out; None when it would refuse one, or when one
    (connection, transfer-encoding) changes how it sends the response."""
    lines = []
    content_length = None
    for name, value in headers:
        line = _shared_lines.get((name, value))  # checked when it was first written
        if line is not None:
            lines.append(line)
            continue
        if HEADER_RE.search(name) or HEADER_VALUE_RE.search(value):
            return None
        lowered = name.lower()
        if lowered in (b"connection", b"transfer-encoding"):
            return None
        line = lowered + b": " + value + b"\r\n"
        if lowered == b"content-length":
            if content_length is not None:
                return None
            content_length = int(value.decode())
        elif lowered not in _OWN_HEADERS:
            if len(_shared_lines) >= MAX_SHARED_LINES:
                _shared_lines.clear()
            _shared_lines[(name, value)] = line
        lines.append(line)
    return tuple(lines), content_length


def prepared(
    headers: tuple[tuple[bytes, bytes], ...], written: Written | None
) -> tuple[tuple[bytes, bytes], ...]:
    """`headers` to send with their written form (made per response: it lives for one send)."""
    if written is None:
        return headers
    sent = PreparedHeaders(headers)
    sent.lines, sent.content_length = written
    return sent


_written_defaults: tuple[list[tuple[bytes, bytes]], bytes] = ([], b"")


def _default_lines(defaults: list[tuple[bytes, bytes]]) -> bytes:
    """The server's own headers (Server, Date: a new list each second), written out once."""
    global _written_defaults
    if _written_defaults[0] is not defaults:
        lines = b"".join(name.lower() + b": " + value + b"\r\n" for name, value in defaults)
        _written_defaults = (defaults, lines)
    return _written_defaults[1]


class PreparedHeadCycle(RequestResponseCycle):
    """uvicorn's request/response cycle, sending prepared headers without checking them again
    and holding the head until the body comes, to write both at once."""

    _head: bytes | None = None

    async def send(self, message: ASGISendEvent) -> None:
        if self._head is not None:
            await self._send_with_head(message, self._head)
            return
        if message["type"] != "http.response.start" or self.response_started or self.access_log:
            await super().send(message)
            return
        headers = message.get("headers", ())
        if isinstance(headers, PreparedHeaders):
            written: Written | None = (headers.lines, headers.content_length)
        else:
            written = written_headers(tuple(headers))
        if written is None:  # uvicorn's own path refuses it, or frames it its way
            await super().send(message)
            return
        lines, content_length = written
        if self.flow.write_paused and not self.disconnected:
            await self.flow.drain()
        if self.disconnected:
            return
        # As RequestResponseCycle.send does for a response start, from the prepared bytes.
        self.response_started = True
        self.waiting_for_100_continue = False
        status = message["status"]
        content = [STATUS_LINE[status], _default_lines(self.default_headers), *lines]
        if content_length is not None and self.chunked_encoding is None:
            self.expected_content_length = content_length
            self.chunked_encoding = False
        if not self.keep_alive:
            content.append(b"connection: close\r\n")
        if (
            self.chunked_encoding is None
            and self.scope["method"] != "HEAD"
            and status not in (204, 304)
        ):
            self.chunked_encoding = True
            content.append(b"transfer-encoding: chunked\r\n")
        content.append(b"\r\n")
        self._head = b"".join(content)

    async def _send_with_head(self, message: ASGISendEvent, head: bytes) -> None:
        self._head = None
        body = message.get("body", b"") if message["type"] == "http.response.body" else b""
        if self.disconnected:
            pass
        elif (
            body
            and not self.chunked_encoding
            and self.scope["method"] != "HEAD"
            and len(body) <= self.expected_content_length
        ):
            if self.flow.write_paused:
                await self.flow.drain()
            self.transport.write(head + bytes(body))
            self.expected_content_length -= len(body)
            more = bool(message.get("more_body", False))
            message = {"type": "http.response.body", "body": b"", "more_body": more}
        else:
            self.transport.write(head)
        await super().send(message)
