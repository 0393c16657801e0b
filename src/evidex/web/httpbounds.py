"""uvicorn's httptools protocol with the request head (request line and headers) bounded.

httptools keeps appending to a header it is still receiving, so a client could send one
header of 50 MB and the worker would hold all of it. Here the bytes of each request head are
counted as they arrive; past MAX_HEAD_BYTES the client gets 431 and the connection closes.
"""

from __future__ import annotations

import json

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

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

    def on_message_complete(self) -> None:
        super().on_message_complete()
        self._in_head = True  # a kept-alive connection's next request starts its own head
        self._head_bytes = 0
