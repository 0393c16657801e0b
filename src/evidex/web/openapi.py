"""The OpenAPI document, made to say what the API really sends and reads.

FastAPI derives the document from handler signatures. Some handlers read their query from the
request themselves (the stack builder, the dose tools, the vendor finder), so their parameters
are declared here; every error the API sends is `{"detail": "..."}` (evidex.web.errors), not
FastAPI's list-of-errors shape; and the request limits in front of every route (evidex.ops,
evidex.web.httpbounds) answer 400, 413, 414 and 429 before any handler runs.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from evidex.ops.ratelimit import is_limited_path
from evidex.stack.models import MAX_GOALS
from evidex.vendors.finder import SORT_KEYS
from evidex.vendors.models import FORMS

ERROR = {"$ref": "#/components/schemas/ErrorOut"}
ERROR_SCHEMA = {
    "title": "ErrorOut",
    "type": "object",
    "properties": {"detail": {"type": "string", "title": "Detail"}},
    "required": ["detail"],
}
_TEXT = {"type": "string", "maxLength": 200}
_FLAG = {"type": "boolean"}
_POSITIVE = {"type": "number", "exclusiveMinimum": 0, "maximum": 1_000_000}


def _query(
    name: str, schema: dict[str, Any], description: str, required: bool = False
) -> dict[str, Any]:
    parameter: dict[str, Any] = {
        "name": name,
        "in": "query",
        "required": required,
        "schema": schema,
        "description": description,
    }
    if schema.get("type") == "array":
        parameter.update(style="form", explode=True)
    return parameter


def _names(most: int | None = None) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "array", "items": _TEXT}
    if most is not None:
        schema["maxItems"] = most
    return schema


QUERY_PARAMETERS: dict[tuple[str, str], list[dict[str, Any]]] = {
    ("/api/v1/stack", "get"): [
        _query("goal", _names(MAX_GOALS), f"a goal slug or name (up to {MAX_GOALS})"),
        _query("check", _names(), "compounds of a stack to check instead of building"),
        _query("condition", _names(), "a health condition of the reader"),
        _query("taking", _names(), "medicines already taken (comma-separated allowed)"),
        _query("age", {"type": "integer", "minimum": 0, "maximum": 130}, "age in years"),
        _query("weight_kg", {"type": "number", "exclusiveMinimum": 0, "maximum": 500}, "kg"),
        _query("max_items", {"type": "integer", "minimum": 1, "maximum": 20}, "stack size"),
        _query("start", {"type": "string", "format": "date"}, "first day of the schedule"),
        *(
            _query(flag, _FLAG, f"the reader is {flag.replace('_', ' ')}")
            for flag in ("pregnant", "breastfeeding", "tested_athlete", "no_injections")
        ),
        _query(
            "include_preclinical",
            _FLAG,
            "also suggest compounds with only animal, laboratory or mechanism evidence (Tier 5)",
        ),
    ],
    ("/api/v1/tools/reconstitution", "get"): [
        _query("vial_mg", _POSITIVE, "mg of powder in the vial", required=True),
        _query("diluent_ml", _POSITIVE, "mL of diluent added", required=True),
        _query("dose_mg", _POSITIVE, "the dose in mg", required=True),
        _query("measured_mg", _POSITIVE, "mg the vial assayed at, when tested"),
        _query("compound", _TEXT, "any name of the compound, for a range check"),
    ],
    ("/api/v1/tools/weight-dose", "get"): [
        _query("per_kg", _POSITIVE, "dose per kg of body weight", required=True),
        _query("weight_kg", _POSITIVE, "body weight in kg", required=True),
        _query("unit", {"type": "string", "enum": ["mcg/kg", "mg/kg"]}, "unit of per_kg"),
        _query("compound", _TEXT, "any name of the compound, for a range check"),
    ],
    ("/api/v1/vendors", "get"): [
        _query("compound", _TEXT, "any name of a compound; without it, every vendor"),
        _query("region", _TEXT, "a country or region code the vendor ships to"),
        _query("currency", _TEXT, "show prices in this currency code"),
        _query("tested", _FLAG, "only third-party tested products"),
        _query("in_stock", _FLAG, "only products in stock"),
        _query("form", {"type": "string", "enum": list(FORMS)}, "only this form"),
        _query("sort", {"type": "string", "enum": list(SORT_KEYS)}, "order of the products"),
    ],
}


def _error(description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": ERROR}}}


def describe(document: dict[str, Any]) -> dict[str, Any]:
    """`document` (FastAPI's) corrected in place to match the responses the app sends."""
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    schemas["ErrorOut"] = ERROR_SCHEMA
    for name in ("HTTPValidationError", "ValidationError"):
        schemas.pop(name, None)
    for path, operations in document.get("paths", {}).items():
        if not path.startswith("/api/"):
            continue
        for method, operation in operations.items():
            declared = {p["name"] for p in operation.get("parameters", [])}
            extra = [
                p for p in QUERY_PARAMETERS.get((path, method), []) if p["name"] not in declared
            ]
            if extra:
                operation["parameters"] = [*operation.get("parameters", []), *extra]
            responses = operation.setdefault("responses", {})
            responses["422"] = _error("Invalid parameters or body")
            responses["414"] = _error("Query string over the size limit")
            if method == "post":
                responses["400"] = _error("Content-Length is not a number")
                responses["413"] = _error("Request body over the size limit")
            if is_limited_path(path):
                responses["429"] = {
                    **_error("Too many requests from this client; see Retry-After"),
                    "headers": {"Retry-After": {"schema": {"type": "integer"}}},
                }
            if path == "/api/v1/vendors":
                responses["404"] = _error("No compound has that name")
    return document


def install_openapi(app: FastAPI) -> None:
    """Serve the corrected document at /openapi.json (built once, on first request)."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = describe(
                get_openapi(
                    title=app.title,
                    version=app.version,
                    description=app.description,
                    routes=app.routes,
                )
            )
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
