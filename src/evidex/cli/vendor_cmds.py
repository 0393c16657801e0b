"""CLI commands for vendors and dose tools: `evidex vendors` and `evidex dose weight|reconstitute`."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.console import Console

from evidex.cli.common import db_option, open_db, print_json, resolve_or_exit

if TYPE_CHECKING:
    from evidex.content.models import Regimen
    from evidex.vendors.dose import DoseInputError

out = Console()
COMPOUND_HELP = "Check against this compound's documented doses (any name; needs --db)."
ROUTE_HELP = "Route the dose is given by (subcutaneous, oral...); checked against that route only."
PER_WEEK_HELP = "Doses a week (e.g. 7 for daily), to check the weekly total too."


def _regimens(compound: str | None, db: Path) -> tuple[str | None, list[Regimen]]:
    from evidex.vendors import queries

    if compound is None:
        return None, []
    with open_db(db) as conn:
        resolve_or_exit(conn, compound)
        context = queries.compound_context(conn, compound)
    if context is None:
        return None, []
    return str(context["title"]), list(context["regimens"])


def _fail(error: DoseInputError) -> typer.Exit:
    typer.echo(f"error: {error}", err=True)
    return typer.Exit(2)


def _print_warnings(warnings: list[str], range_warnings: list[str]) -> None:
    for warning in warnings:
        if warning in range_warnings:
            out.print(f"[bold white on red] WARNING [/] [bold]{warning}[/bold]", highlight=False)
        else:
            out.print(f"[yellow]warning:[/yellow] {warning}", highlight=False)


def _per_week(value: str | None) -> Decimal | None:
    from evidex.vendors.dose import parse_amount

    return None if value is None else parse_amount(value, "doses a week")


def weight_command(
    per_kg: str = typer.Option(
        ..., "--per-kg", help="Dose per kilogram, e.g. 40 or 0,04 mg/kg (converted to --unit)."
    ),
    unit: str = typer.Option("mcg/kg", "--unit", help="mcg/kg or mg/kg."),
    weight_kg: str = typer.Option(..., "--weight-kg", help="Body weight in kg."),
    compound: str | None = typer.Option(None, "--compound", help=COMPOUND_HELP),
    route: str | None = typer.Option(None, "--route", help=ROUTE_HELP),
    doses_per_week: str | None = typer.Option(None, "--doses-per-week", help=PER_WEEK_HELP),
    db: Path = db_option(),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Weight-based dose: dose per kg times body weight, in exact decimals."""
    from evidex.vendors.dose import (
        DoseInputError,
        range_report,
        weight_dose,
        weight_range_warnings,
    )

    try:
        dose = weight_dose(per_kg, unit, weight_kg)
        per_week = _per_week(doses_per_week)
    except DoseInputError as error:
        raise _fail(error) from None
    title, regimens = _regimens(compound, db)
    in_range = weight_range_warnings(dose, regimens, route, per_week)
    warnings = [*in_range, *dose.warnings]
    report = range_report(regimens, in_range, route)
    if as_json:
        print_json({**dose.as_dict(), "compound": title, "warnings": warnings, **report})
        return
    out.print(dose.summary(), highlight=False)
    _print_warnings(warnings, in_range)


def reconstitute_command(
    vial_mg: str = typer.Option(..., "--vial-mg", help="Labelled content of the vial in mg."),
    diluent_ml: str = typer.Option(..., "--diluent-ml", help="Diluent added, in mL."),
    dose_mg: str = typer.Option(
        ..., "--dose-mg", help="The dose to draw, in mg (or with its unit: 250 mcg)."
    ),
    measured_mg: str | None = typer.Option(
        None, "--measured-mg", help="A tested batch's measured content, used instead of the label."
    ),
    compound: str | None = typer.Option(None, "--compound", help=COMPOUND_HELP),
    route: str = typer.Option(
        "injection", "--route", help="Route of the reconstituted dose (default: injection)."
    ),
    doses_per_week: str | None = typer.Option(None, "--doses-per-week", help=PER_WEEK_HELP),
    db: Path = db_option(),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Reconstitution: concentration, volume to draw and U-100 syringe units."""
    from evidex.vendors.dose import (
        DoseInputError,
        dose_range_warnings,
        range_report,
        reconstitute,
    )

    try:
        result = reconstitute(vial_mg, diluent_ml, dose_mg, measured_mg)
        per_week = _per_week(doses_per_week)
    except DoseInputError as error:
        raise _fail(error) from None
    title, regimens = _regimens(compound, db)
    in_range = dose_range_warnings(result.dose_mg, regimens, route, per_week)
    warnings = [*in_range, *result.warnings]
    report = range_report(regimens, in_range, route)
    if as_json:
        print_json({**result.as_dict(), "compound": title, "warnings": warnings, **report})
        return
    out.print(result.summary(), highlight=False)
    _print_warnings(warnings, in_range)


def _price_cell(offer: dict[str, Any]) -> str:
    price = offer["price_per_mg"]
    return str(price["price_per_mg_display"]) if price["comparable"] else "not comparable"


def _grade_cell(grade: dict[str, Any]) -> str:
    if not grade["flags"]:
        return str(grade["grade"])
    return f"{grade['grade']} [bold red]flagged[/bold red]"


def _print_flags(offers: list[dict[str, Any]]) -> None:
    """Each flagged certificate once, in a warning style, with the cap it put on the grade."""
    seen: set[tuple[str, str, str]] = set()
    for offer in offers:
        for flag in offer["grade"]["flags"]:
            key = (offer["vendor_name"], flag["batch_id"], flag["code"])
            if key in seen:
                continue
            seen.add(key)
            cap = f"; grade capped at {flag['cap']}" if flag["cap"] else ""
            out.print(
                f"[bold red]flag[/bold red] {offer['vendor_name']}, batch {flag['batch_id']}: "
                f"{flag['message']}{cap}",
                highlight=False,
            )


def vendors_command(
    compound: str | None = typer.Option(
        None, "--compound", help="Any name of the compound; without it, every vendor is listed."
    ),
    db: Path = db_option(),
    region: str | None = typer.Option(
        None, "--region", help="Only vendors shipping there (US, EU, UK...)."
    ),
    currency: str | None = typer.Option(None, "--currency", help="Show prices in this currency."),
    tested: bool = typer.Option(False, "--tested", help="Only third-party tested products."),
    in_stock: bool = typer.Option(False, "--in-stock", help="Only products in stock."),
    form: str | None = typer.Option(
        None, "--form", help="Only this form, e.g. 'lyophilised vial'."
    ),
    sort: str = typer.Option("price", "--sort", help="price | grade | name"),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Vendors of a compound with price per mg, test grade and freshness (all vendors without
    --compound)."""
    from rich.table import Table

    from evidex.vendors import queries
    from evidex.vendors.finder import SORT_KEYS, FinderFilters

    if sort not in SORT_KEYS:
        typer.echo(f"error: --sort must be one of {', '.join(SORT_KEYS)}", err=True)
        raise typer.Exit(2)
    if compound is None:
        _print_all_vendors(db, as_json)
        return
    filters = FinderFilters(
        region=region, tested_only=tested, in_stock_only=in_stock, form=form, sort=sort
    )
    with open_db(db) as conn:
        slug = resolve_or_exit(conn, compound)
        context = queries.compound_context(conn, slug)
        iu_per_mg: Decimal | None = context["iu_per_mg"] if context else None
        data = queries.vendors_for_compound(
            conn, slug, dt.date.today(), currency, filters, iu_per_mg
        )
    if currency and data["currency"] != currency.upper():
        typer.echo(
            f"warning: no exchange rate for {currency.upper()}; showing {data['currency']}",
            err=True,
        )
    if as_json:
        print_json(data)
        return
    if not data["offers"]:
        out.print(f"No vendors listed for {slug} with these filters.")
    else:
        table = Table(title=f"Vendors of {context['title'] if context else slug}")
        for column in ("vendor", "product", "price / mg", "grade", "verified", "notes"):
            table.add_column(column)
        for offer in data["offers"]:
            notes = [
                n
                for n in (offer["prescription_note"], "" if offer["in_stock"] else "out of stock")
                if n
            ]
            verified = offer["last_verified"] or "never"
            table.add_row(
                offer["vendor_name"],
                f"{offer['amount']} {offer['unit']} {offer['form']} x{offer['units_per_pack']}",
                _price_cell(offer),
                _grade_cell(offer["grade"]),
                f"{verified} (stale)" if offer["stale"] else verified,
                "; ".join(notes),
            )
        out.print(table)
        _print_flags(data["offers"])
        if data["rate_date"]:
            out.print(f"Converted to {data['currency']} at the rates of {data['rate_date']}.")
    out.print(data["disclaimer"], style="dim", highlight=False)


def _print_all_vendors(db: Path, as_json: bool) -> None:
    from rich.table import Table

    from evidex.vendors import queries

    with open_db(db) as conn:
        data = queries.vendor_overview(conn, dt.date.today())
    if as_json:
        print_json(data)
        return
    table = Table(title="Vendors")
    for column in ("vendor", "country", "ships to", "compounds", "tested", "verified"):
        table.add_column(column)
    for vendor in data["vendors"]:
        verified = vendor["last_verified"] or "never"
        table.add_row(
            vendor["name"],
            vendor["country"] or "",
            ", ".join(vendor["ships_to"]),
            ", ".join(c["title"] for c in vendor["compounds"]),
            "yes" if vendor["third_party_tested"] else "no",
            f"{verified} (stale)" if vendor["stale"] else verified,
        )
    out.print(table)
    out.print(data["disclaimer"], style="dim", highlight=False)


def register(app: typer.Typer) -> None:
    """Add this area's commands to the app."""
    dose = typer.Typer(
        help="Dose calculators: weight-based dose and reconstitution.", no_args_is_help=True
    )
    dose.command("weight")(weight_command)
    dose.command("reconstitute")(reconstitute_command)
    app.add_typer(dose, name="dose")
    app.command("vendors")(vendors_command)
