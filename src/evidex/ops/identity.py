"""Build identity: each request is served from one generation, and says which.

The middleware pins the current generation for the whole request (so every query of a page
reads the same build, in one read transaction), then stamps `X-Evidex-Build` on the response.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from evidex.storage.db import Database

BUILD_HEADER = b"x-evidex-build"


class BuildIdentityMiddleware:
    def __init__(self, app: ASGIApp, db: Database) -> None:
        self.app = app
        self.db = db

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        with self.db.pinned() as generation:
            build = generation.build_id.encode()
            scope.setdefault("state", {})["evidex_build"] = generation.build_id

            async def send_with_build(message: Message) -> None:
                if message["type"] == "http.response.start":
                    self.db.end_snapshot()  # the response is made: let a build commit
                    headers = [h for h in message.get("headers", []) if h[0] != BUILD_HEADER]
                    message["headers"] = [*headers, (BUILD_HEADER, build)]
                await send(message)

            await self.app(scope, receive, send_with_build)


def served_build_id(db: Database) -> str:
    """The build id of the generation this request reads (for templates and JSON bodies)."""
    return db.current().build_id
