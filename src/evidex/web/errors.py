"""Error responses: JSON {"detail": message} under /api, a helpful HTML page elsewhere."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from evidex.web.templating import render_text

log = logging.getLogger(__name__)

API_PREFIX = "/api/"


def is_api(request: Request) -> bool:
    return request.url.path.startswith(API_PREFIX) or request.url.path == "/openapi.json"


def validation_message(errors: list[Any]) -> str:
    """One readable sentence from pydantic's error list: 'query.tier: Input should be ...'."""
    parts = []
    for error in errors:
        where = ".".join(str(p) for p in error.get("loc", ()))
        parts.append(f"{where}: {error.get('msg', 'invalid value')}")
    return "; ".join(parts) or "invalid request"


# Error pages without suggestions are the same page for every address (an unknown path's 404
# is one page per build): rendered once per build and message, not once per request.
MAX_KEPT_ERROR_PAGES = 256


def error_response(request: Request, status: int, message: str, **extra: Any) -> Response:
    if is_api(request):
        return JSONResponse({"detail": message}, status_code=status)
    title = {404: "Page not found", 405: "Method not allowed", 422: "Invalid request"}.get(
        status, "Something went wrong"
    )
    db = getattr(request.app.state, "db", None)
    keep = not extra and db is not None
    kept: dict[tuple[str, int, str], str] = request.app.state.__dict__.setdefault("error_pages", {})
    key = (db.current().build_id if db is not None and keep else "", status, message)
    if keep and key in kept:
        return HTMLResponse(kept[key], status_code=status)
    # an error page is not the canonical page of its address (nor of any other)
    context = {"status": status, "title": title, "message": message, "canonical": None, **extra}
    try:
        page = render_text(request, "error.html", context)
    except Exception:  # the page itself must never turn a 4xx into a crash
        log.exception("error page failed to render")
        return Response(f"{status} {title}: {message}", status_code=status, media_type="text/plain")
    if keep:
        if len(kept) >= MAX_KEPT_ERROR_PAGES:
            kept.clear()
        kept[key] = page
    return HTMLResponse(page, status_code=status)


def install_error_handlers(app: FastAPI) -> None:
    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        detail = exc.detail if isinstance(exc.detail, str) else "request failed"
        response = error_response(request, exc.status_code, detail)
        for name, value in (exc.headers or {}).items():
            response.headers[name] = value
        return response

    async def validation_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        return error_response(request, 422, validation_message(list(exc.errors())))

    async def unexpected_error(request: Request, exc: Exception) -> Response:
        # Last resort: inputs are validated so this should never run; log it loudly.
        log.exception("unhandled error on %s", request.url.path, exc_info=exc)
        return JSONResponse({"detail": "internal error"}, status_code=500)

    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(Exception, unexpected_error)
