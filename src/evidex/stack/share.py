"""The whole stack request as a URL query string, and back: no server state is kept."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from urllib.parse import parse_qsl, urlencode

from evidex.stack.models import DEFAULT_MAX_ITEMS, StackRequest

# Query parameter -> request field, for the repeated (list) parameters.
LIST_PARAMS = {"goal": "goals", "condition": "conditions", "taking": "taking", "check": "check"}
FLAG_PARAMS = (
    "pregnant",
    "breastfeeding",
    "tested_athlete",
    "no_injections",
    "include_preclinical",
)
VALUE_PARAMS = ("age", "weight_kg", "max_items", "start")
_TRUE = {"1", "true", "yes", "on"}


def encode_query(request: StackRequest) -> str:
    """'goal=liver-health&weight_kg=35&condition=...' with a stable parameter order."""
    pairs: list[tuple[str, str]] = []
    for param, field in LIST_PARAMS.items():
        pairs.extend((param, value) for value in getattr(request, field))
    for flag in FLAG_PARAMS:
        if getattr(request, flag):
            pairs.append((flag, "1"))
    for param in VALUE_PARAMS:
        value = getattr(request, param)
        if value is None or (param == "max_items" and value == DEFAULT_MAX_ITEMS):
            continue
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        pairs.append((param, value.isoformat() if param == "start" else str(value)))
    return urlencode(pairs)


def share_url(request: StackRequest, path: str = "/stack") -> str:
    query = encode_query(request)
    return f"{path}?{query}" if query else path


def request_fields(pairs: Iterable[tuple[str, str]]) -> dict[str, Any]:
    """Query pairs to StackRequest fields (validation is the model's job).
    Unknown parameters are ignored so tracking suffixes do not break a shared link;
    empty values (an untouched form field) count as absent."""
    fields: dict[str, Any] = {}
    for key, raw in pairs:
        value = raw.strip()
        if key in LIST_PARAMS:
            # A form textarea may hold several names, one per line or comma separated.
            parts = (
                [p.strip() for p in value.replace("\n", ",").split(",")]
                if key
                in (
                    "taking",
                    "check",
                )
                else [value]
            )
            fields.setdefault(LIST_PARAMS[key], []).extend(p for p in parts if p)
        elif key in FLAG_PARAMS:
            fields[key] = value.lower() in _TRUE
        elif key in VALUE_PARAMS and value:
            fields[key] = value
    return fields


def decode_query(query: str) -> StackRequest:
    """Parse a share query string; raises pydantic.ValidationError on bad values."""
    return StackRequest.model_validate(request_fields(parse_qsl(query.lstrip("?"))))
