"""Reading an ASGI request scope without building a dict of every header."""

from __future__ import annotations

from starlette.types import Scope


def request_header(scope: Scope, name: bytes) -> str | None:
    """The first value of header `name` (lower-case bytes, as ASGI gives names), or None."""
    for key, value in scope.get("headers", []):
        if key == name:
            return bytes(value).decode("latin-1")
    return None
