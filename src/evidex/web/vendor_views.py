"""Vendor finder and dose tools: HTML pages (GET forms, computed on the server) and JSON API.

Every page works without JavaScript; static/js/tools.js only refreshes results in place.
`app.state.today` (a date), when set, replaces the clock so staleness can be tested.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from decimal import Decimal
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response

from evidex.vendors import queries
from evidex.vendors.dose import (
    DoseInputError,
    dose_range_warnings,
    parse_amount,
    range_report,
    reconstitute,
    weight_dose,
    weight_range_warnings,
)
from evidex.vendors.finder import DISCLAIMER, SORT_KEYS, FinderFilters
from evidex.vendors.models import FORMS
from evidex.web.deps import canonical_redirect, connection
from evidex.web.errors import error_response
from evidex.web.templating import render_page

router = APIRouter()
TRUE_WORDS = ("1", "true", "on", "yes")
MAX_PARAM_LENGTH = 200


def today(request: Request) -> dt.date:
    fixed = getattr(request.app.state, "today", None)
    return fixed if isinstance(fixed, dt.date) else dt.date.today()


def _param(request: Request, name: str) -> str | None:
    value = request.query_params.get(name)
    if value is None:
        return None
    value = value.strip()[:MAX_PARAM_LENGTH]
    return value or None


def _filters(request: Request) -> FinderFilters:
    sort = _param(request, "sort") or "price"
    form = _param(request, "form")
    return FinderFilters(
        region=_param(request, "region"),
        tested_only=(_param(request, "tested") or "").lower() in TRUE_WORDS,
        in_stock_only=(_param(request, "in_stock") or "").lower() in TRUE_WORDS,
        form=form if form in FORMS else None,
        sort=sort if sort in SORT_KEYS else "price",
    )


def _finder(request: Request, conn: sqlite3.Connection, slug: str) -> dict[str, Any]:
    context = queries.compound_context(conn, slug)
    iu_per_mg = context["iu_per_mg"] if context else None
    data = queries.vendors_for_compound(
        conn, slug, today(request), _param(request, "currency"), _filters(request), iu_per_mg
    )
    data["compound_title"] = context["title"] if context else slug
    return data


@router.get("/vendors", include_in_schema=False)
def vendors_page(request: Request) -> Response:
    conn = connection(request)
    name = _param(request, "compound")
    if name:
        found = queries.compound_context(conn, name)
        if found is None:
            return error_response(request, 404, f"No compound is called {name!r}.")
        target = request.app.state.site.url(f"/compounds/{found['slug']}/vendors")
        return RedirectResponse(target, status_code=303)
    data = queries.vendor_overview(conn, today(request))
    return render_page(request, "vendors.html", data)


@router.get("/compounds/{name}/vendors", include_in_schema=False)
def compound_vendors_page(request: Request, name: str) -> Response:
    conn = connection(request)
    slug, redirect = canonical_redirect(request, conn, name, "/vendors")
    if redirect is not None:
        return redirect
    if slug is None:
        return error_response(request, 404, f"No compound is called {name!r}.")
    data = _finder(request, conn, slug)
    return render_page(
        request, "vendors_compound.html", {**data, "forms": FORMS, "sort_keys": SORT_KEYS}
    )


def _reconstitution(request: Request, conn: sqlite3.Connection | None) -> dict[str, Any]:
    """Inputs, result and messages of the reconstitution calculator for one query string."""
    inputs = {
        k: _param(request, k)
        for k in (
            "vial_mg",
            "diluent_ml",
            "dose_mg",
            "measured_mg",
            "compound",
            "route",
            "doses_per_week",
        )
    }
    inputs["route"] = inputs["route"] or "injection"  # a reconstituted vial is injected
    if not any(inputs[k] for k in ("vial_mg", "diluent_ml", "dose_mg")):
        return {"inputs": inputs, "result": None, "error": None}
    try:
        result = reconstitute(
            inputs["vial_mg"], inputs["diluent_ml"], inputs["dose_mg"], inputs["measured_mg"]
        )
        per_week = _per_week(inputs["doses_per_week"])
    except DoseInputError as error:
        return {"inputs": inputs, "result": None, "error": str(error)}
    data = result.as_dict()
    title, regimens = _compound_regimens(conn, inputs["compound"])
    data["compound"] = title
    in_range = dose_range_warnings(result.dose_mg, regimens, inputs["route"], per_week)
    data["warnings"] = [*in_range, *result.warnings]
    data.update(range_report(regimens, in_range, inputs["route"]))
    return {"inputs": inputs, "result": data, "error": None}


def _per_week(value: str | None) -> Decimal | None:
    return None if value is None else parse_amount(value, "doses a week")


def _weight(request: Request, conn: sqlite3.Connection | None) -> dict[str, Any]:
    names = ("per_kg", "unit", "weight_kg", "compound", "route", "doses_per_week")
    inputs = {k: _param(request, k) for k in names}
    inputs["unit"] = inputs["unit"] or "mcg/kg"
    if not (inputs["per_kg"] or inputs["weight_kg"]):
        return {"inputs": inputs, "result": None, "error": None}
    try:
        dose = weight_dose(inputs["per_kg"], inputs["unit"] or "", inputs["weight_kg"])
        per_week = _per_week(inputs["doses_per_week"])
    except DoseInputError as error:
        return {"inputs": inputs, "result": None, "error": str(error)}
    data = dose.as_dict()
    title, regimens = _compound_regimens(conn, inputs["compound"])
    data["compound"] = title
    in_range = weight_range_warnings(dose, regimens, inputs["route"], per_week)
    data["warnings"] = [*in_range, *dose.warnings]
    data.update(range_report(regimens, in_range, inputs["route"]))
    return {"inputs": inputs, "result": data, "error": None}


def _compound_regimens(
    conn: sqlite3.Connection | None, name: str | None
) -> tuple[str | None, list[Any]]:
    if conn is None or not name:
        return None, []
    context = queries.compound_context(conn, name)
    if context is None:
        return None, []
    return str(context["title"]), list(context["regimens"])


@router.get("/tools/reconstitution", include_in_schema=False)
def reconstitution_page(request: Request) -> Response:
    conn = connection(request)
    recon = _reconstitution(request, conn)
    weight = _weight(request, conn)
    status = 422 if recon["error"] or weight["error"] else 200
    compounds = [
        {"slug": str(slug), "title": str(title)}
        for slug, title in conn.execute("SELECT slug, title FROM compounds ORDER BY title")
    ]
    return render_page(
        request,
        "tools_reconstitution.html",
        {"recon": recon, "weight": weight, "compounds": compounds, "vendor_disclaimer": DISCLAIMER},
        status_code=status,
    )


@router.get("/api/v1/vendors", tags=["vendors"])
def api_vendors(request: Request) -> Response:
    """Vendors of `compound` (any name) with price per mg, grade and freshness; all vendors
    without it. Filters: region, currency, tested, in_stock, form, sort (price|grade|name)."""
    conn = connection(request)
    name = _param(request, "compound")
    if not name:
        return _json(queries.vendor_overview(conn, today(request)))
    context = queries.compound_context(conn, name)
    if context is None:
        return error_response(request, 404, f"no compound is called {name!r}")
    return _json(_finder(request, conn, str(context["slug"])))


@router.get("/api/v1/tools/reconstitution", tags=["tools"])
def api_reconstitution(request: Request) -> Response:
    """Concentration, volume and U-100 units for vial_mg + diluent_ml + dose_mg
    (optionally measured_mg; compound, route and doses_per_week for the range check)."""
    found = _reconstitution(request, connection(request))
    if found["result"] is None:
        return error_response(
            request, 422, found["error"] or "vial_mg, diluent_ml and dose_mg are required"
        )
    return _json(found["result"])


@router.get("/api/v1/tools/weight-dose", tags=["tools"])
def api_weight_dose(request: Request) -> Response:
    """Weight-based dose: per_kg x weight_kg in unit mcg/kg or mg/kg (compound, route and
    doses_per_week optional, for the range check)."""
    found = _weight(request, connection(request))
    if found["result"] is None:
        return error_response(request, 422, found["error"] or "per_kg and weight_kg are required")
    return _json(found["result"])


def _json(data: dict[str, Any]) -> Response:
    return JSONResponse(data)
