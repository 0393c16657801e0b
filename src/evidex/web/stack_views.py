"""Stack builder: the page (works without JavaScript), print view, .ics and the JSON API.

Every view takes the same query string as the share URL, so any result can be linked to,
printed or added to a calendar without server-side state.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import ValidationError

from evidex.stack.builder import UnknownGoalsError, build_stack
from evidex.stack.catalog import StackCatalog, catalog_for_file
from evidex.stack.ics import stack_calendar
from evidex.stack.models import MAX_GOALS, StackRequest, StackResult
from evidex.stack.share import request_fields, share_url
from evidex.web.deps import database
from evidex.web.errors import error_response
from evidex.web.templating import render_page

router = APIRouter()


def stack_catalog(request: Request) -> StackCatalog:
    """The catalog of the served build, loaded once per build file."""
    db = database(request)
    return catalog_for_file(db.path, db.current().connection())


def _messages(exc: ValidationError) -> list[str]:
    found = []
    for error in exc.errors():
        where = ".".join(str(part) for part in error["loc"])
        message = str(error["msg"]).removeprefix("Value error, ")
        found.append(f"{where}: {message}" if where else message)
    return found


def _from_query(request: Request) -> tuple[StackRequest | None, dict[str, Any], list[str]]:
    fields = request_fields(request.query_params.multi_items())
    if not fields:
        return None, fields, []
    try:
        return StackRequest.model_validate(fields), fields, []
    except ValidationError as exc:
        return None, fields, _messages(exc)


def _form_context(
    catalog: StackCatalog, fields: dict[str, Any], errors: list[str]
) -> dict[str, Any]:
    goals = sorted(catalog.goals.values(), key=lambda g: g.name.lower())
    conditions = sorted(catalog.conditions.values(), key=lambda c: c.name.lower())
    return {
        "form": fields,
        "errors": errors,
        "goal_options": goals,
        "condition_options": conditions,
        "max_goals": MAX_GOALS,
    }


def _unknown_goals(error: UnknownGoalsError) -> JSONResponse:
    return JSONResponse({"detail": str(error), "unknown_goals": error.names}, status_code=422)


@router.get("/stack", response_class=HTMLResponse, include_in_schema=False)
def stack_page(request: Request) -> Response:
    catalog = stack_catalog(request)
    stack_request, fields, errors = _from_query(request)
    result = None
    if stack_request is not None:
        try:
            result = build_stack(stack_request, catalog)
        except UnknownGoalsError as error:
            errors = [str(error)]
    context = _form_context(catalog, fields, errors)
    context.update(_result_context(result))
    return render_page(request, "stack.html", context, status_code=422 if errors else 200)


def _result_context(result: StackResult | None) -> dict[str, Any]:
    if result is None:
        return {"result": None}
    return {
        "result": result,
        "share": share_url(result.request),
        "ics": share_url(result.request, "/stack.ics"),
        "print_url": share_url(result.request, "/stack/print"),
        "api_url": share_url(result.request, "/api/v1/stack"),
    }


@router.get("/stack/print", response_class=HTMLResponse, include_in_schema=False)
def stack_print(request: Request) -> Response:
    stack_request, _fields, errors = _from_query(request)
    if stack_request is None:
        return error_response(request, 422, "; ".join(errors) or "choose at least one goal")
    try:
        result = build_stack(stack_request, stack_catalog(request))
    except UnknownGoalsError as error:
        return error_response(request, 422, str(error))
    return render_page(request, "stack_print.html", _result_context(result))


@router.get("/stack.ics", include_in_schema=False)
def stack_ics(request: Request) -> Response:
    stack_request, _fields, errors = _from_query(request)
    if stack_request is None:
        return error_response(request, 422, "; ".join(errors) or "choose at least one goal")
    try:
        result = build_stack(stack_request, stack_catalog(request))
    except UnknownGoalsError as error:
        return error_response(request, 422, str(error))
    return Response(
        stack_calendar(result),
        media_type="text/calendar; charset=utf-8",
        headers={"content-disposition": 'attachment; filename="evidex-stack.ics"'},
    )


@router.post("/api/v1/stack", response_model=StackResult, tags=["stack"])
def stack_api_post(body: StackRequest, request: Request) -> JSONResponse:
    """Build a stack from a JSON request body; 422 naming them when no goal is known."""
    try:
        result = build_stack(body, stack_catalog(request))
    except UnknownGoalsError as error:
        return _unknown_goals(error)
    return JSONResponse(result.model_dump(mode="json"))


@router.get("/api/v1/stack", response_model=StackResult, tags=["stack"])
def stack_api_get(request: Request) -> JSONResponse:
    """Build a stack from the share-URL query (goal=..&weight_kg=..&condition=..)."""
    stack_request, _fields, errors = _from_query(request)
    if stack_request is None:
        message = "; ".join(errors) or "give at least one goal or a stack to check"
        return JSONResponse({"detail": message}, status_code=422)
    try:
        result = build_stack(stack_request, stack_catalog(request))
    except UnknownGoalsError as error:
        return _unknown_goals(error)
    return JSONResponse(result.model_dump(mode="json"))
