"""HEAD answered like GET without a body, for every route (CDNs and crawlers probe with HEAD).

FastAPI's routes declared with `.get` answer HEAD with 405; rather than redeclare every route
in every router, the request is handed on as a GET and the body is dropped on the way out, so
status and headers (Content-Length, ETag, Cache-Control) are exactly those of the GET.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class HeadAsGetMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_without_body(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, send_without_body)
