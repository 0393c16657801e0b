"""Build identity: each request is served from one generation, and says which.

The middleware pins the current generation for the whole request (so every query of a page
reads the same build, in one read transaction), then stamps `X-Evidex-Build` on the response.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from evidex.storage.db import BuildChanged, Database

BUILD_HEADER = b"x-evidex-build"
ATTEMPTS = 5  # a request runs again when the build changes under it before it reads anything


class BuildIdentityMiddleware:
    def __init__(self, app: ASGIApp, db: Database) -> None:
        self.app = app
        self.db = db

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        received: list[Message] = []  # replayed when the request runs again
        replay: list[Message] = []
        started = False

        async def receive_again() -> Message:
            if replay:
                return replay.pop(0)
            message = await receive()
            received.append(message)
            return message

        for attempt in range(1, ATTEMPTS + 1):
            replay[:] = received
            try:
                await self._pinned(scope, receive_again, send)
                return
            except BuildChanged:
                started = scope.get("state", {}).get("evidex_started", False)
                if started or attempt == ATTEMPTS:
                    raise

    async def _pinned(self, scope: Scope, receive: Receive, send: Send) -> None:
        with self.db.pinned() as generation:
            build = generation.build_id.encode()
            state = scope.setdefault("state", {})
            state["evidex_build"] = generation.build_id

            async def send_with_build(message: Message) -> None:
                if message["type"] == "http.response.start":
                    self.db.end_snapshot()  # the response is made: let a build commit
                    state["evidex_started"] = True
                    message["headers"] = with_build_header(message.get("headers", []), build)
                await send(message)

            await self.app(scope, receive, send_with_build)


def with_build_header(
    headers: list[tuple[bytes, bytes]], build: bytes
) -> list[tuple[bytes, bytes]]:
    """`headers` stamped with the build they were made from (last, replacing any other)."""
    return [*(h for h in headers if h[0] != BUILD_HEADER), (BUILD_HEADER, build)]


def served_build_id(db: Database) -> str:
    """The build id of the generation this request reads (for templates and JSON bodies)."""
    return db.current().build_id
