"""Parsing vendor files and the currency table into typed models, with path:line errors.

A vendor whose own fields are broken is rejected (None); a broken product is dropped with an
error and the rest of the vendor is kept, so one typo does not hide a vendor's other offers.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Collection
from decimal import Decimal, InvalidOperation
from pathlib import PurePath
from typing import Any
from urllib.parse import urlparse

from evidex.content.diagnostics import ContentError, Diagnostic, Diagnostics
from evidex.content.names import slugify
from evidex.content.yamlload import Located, load_yaml
from evidex.text.units import decimal_value
from evidex.vendors.models import (
    FORMS,
    UNITS,
    Batch,
    Product,
    RateTable,
    ThirdPartyTesting,
    Vendor,
)

ResolveName = Callable[[str], str | None]

_CURRENCY_CODE = re.compile(r"^[A-Z]{3}$")
# Prices, amounts and rates outside this range are typing slips (1e400 would pass as a number
# and fail later, when a price per mg is rounded); the message names the range.
SMALLEST_NUMBER = Decimal("0.000001")
LARGEST_NUMBER = Decimal("1000000000")
NUMBER_RANGE = f"between {SMALLEST_NUMBER} and {LARGEST_NUMBER:,}"


def in_range(number: Decimal) -> bool:
    return number == 0 or SMALLEST_NUMBER <= abs(number) <= LARGEST_NUMBER


_COUNTRY_CODE = re.compile(r"^[A-Z]{2}$")
_TEST_RESULTS = ("pass", "fail", "not-tested")
_VENDOR_KEYS = {
    "name",
    "website",
    "country",
    "ships_to",
    "prescription_required",
    "third_party_testing",
    "last_verified",
    "products",
}
_PRODUCT_KEYS = {
    "compound",
    "form",
    "amount",
    "unit",
    "units_per_pack",
    "price",
    "currency",
    "url",
    "in_stock",
    "batches",
}
_BATCH_KEYS = {
    "id",
    "manufactured",
    "lab",
    "tested",
    "methods",
    "purity_percent",
    "measured_amount",
    "endotoxin",
    "identity",
    "coa_url",
}
_MISSING = object()


class _Reader:
    """Typed access to one YAML document that records an error (with its line) per problem."""

    def __init__(self, doc: Located, diags: Diagnostics) -> None:
        self.doc = doc
        self.diags = diags

    def error(self, where: tuple[Any, ...], message: str) -> None:
        self.diags.error(self.doc.line(*where), message)

    def warn_unknown_keys(
        self, data: dict[str, Any], known: set[str], where: tuple[Any, ...]
    ) -> None:
        for key in data:
            if key not in known:
                self.diags.warning(self.doc.line(*where, key), f"unknown key {key!r} ignored")

    def get(self, data: dict[str, Any], key: str, where: tuple[Any, ...], required: bool) -> Any:
        if key not in data or data[key] is None:
            if required:
                self.error(where, f"missing required key {key!r}")
            return _MISSING
        return data[key]

    def text(
        self, data: dict[str, Any], key: str, where: tuple[Any, ...], required: bool = True
    ) -> str | None:
        value = self.get(data, key, where, required)
        if value is _MISSING:
            return None
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.error((*where, key), f"{key!r} must be text, got {_kind(value)}")
            return None
        result = str(value).strip()
        if not result:
            self.error((*where, key), f"{key!r} is empty")
            return None
        return result

    def flag(
        self, data: dict[str, Any], key: str, where: tuple[Any, ...], default: bool
    ) -> bool | None:
        value = self.get(data, key, where, required=False)
        if value is _MISSING:
            return default
        if not isinstance(value, bool):
            self.error((*where, key), f"{key!r} must be true or false, got {value!r}")
            return None
        return value

    def number(
        self,
        data: dict[str, Any],
        key: str,
        where: tuple[Any, ...],
        required: bool = True,
        positive: bool = True,
    ) -> Decimal | None:
        value = self.get(data, key, where, required)
        if value is _MISSING:
            return None
        parsed = to_decimal(value)
        if parsed is None:
            self.error((*where, key), f"{key!r} must be a number, got {value!r}")
            return None
        if positive and parsed <= 0:
            self.error((*where, key), f"{key!r} must be greater than zero, got {value!r}")
            return None
        if parsed < 0:
            self.error((*where, key), f"{key!r} must not be negative, got {value!r}")
            return None
        if not in_range(parsed):
            self.error((*where, key), f"{key!r} must lie {NUMBER_RANGE}, got {value!r}")
            return None
        return parsed

    def day(
        self, data: dict[str, Any], key: str, where: tuple[Any, ...], required: bool = False
    ) -> dt.date | None:
        value = self.get(data, key, where, required)
        if value is _MISSING:
            return None
        parsed = to_date(value)
        if parsed is None:
            self.error((*where, key), f"{key!r} must be a date (YYYY-MM-DD), got {value!r}")
        return parsed

    def url(
        self, data: dict[str, Any], key: str, where: tuple[Any, ...], required: bool = False
    ) -> str | None:
        value = self.text(data, key, where, required)
        if value is None:
            return None
        if not is_web_url(value):
            self.error((*where, key), f"{key!r} must be an http(s) address, got {value!r}")
            return None
        return value

    def choice(
        self,
        data: dict[str, Any],
        key: str,
        where: tuple[Any, ...],
        allowed: Collection[str],
        required: bool,
    ) -> str | None:
        value = self.text(data, key, where, required)
        if value is None:
            return None
        for option in allowed:
            if option.lower() == value.lower():
                return option
        self.error(
            (*where, key), f"unknown {key} {value!r} (expected one of: {', '.join(allowed)})"
        )
        return None

    def text_list(self, data: dict[str, Any], key: str, where: tuple[Any, ...]) -> list[str] | None:
        value = self.get(data, key, where, required=False)
        if value is _MISSING:
            return []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            self.error((*where, key), f"{key!r} must be a list, got {_kind(value)}")
            return None
        items: list[str] = []
        for index, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                self.error((*where, key, index), f"{key!r} item must be text, got {item!r}")
                return None
            items.append(item.strip())
        return items

    def mapping(self, value: Any, where: tuple[Any, ...], what: str) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.error(where, f"{what} must be a mapping of keys, got {_kind(value)}")
            return None
        return value


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, int | float):
        return "a number"
    return "text"


def to_decimal(value: Any) -> Decimal | None:
    """A number from YAML (int, float or numeric text) as an exact Decimal; None otherwise."""
    if isinstance(value, bool):
        return None
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int | float | str):
        try:
            # str() first: Decimal(0.1) would carry the binary float's full expansion.
            parsed = decimal_value(str(value))
        except InvalidOperation:
            return None
        return parsed if parsed.is_finite() else None
    return None


def to_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def is_web_url(value: str) -> bool:
    try:
        parsed = urlparse(value)
    except ValueError:  # 'http://[' and the like: an unclosed or invalid IPv6 host
        return False
    return parsed.scheme in ("http", "https") and bool(parsed.netloc) and " " not in value


def parse_rates(text: str, path: str) -> RateTable:
    """Parse content/currency.yaml; any problem raises ContentError with its line."""
    doc = load_yaml(text, path)
    data = doc.data

    def fail(line: int, message: str) -> ContentError:
        return ContentError(Diagnostic(path, line, "error", message))

    if not isinstance(data, dict):
        raise fail(1, "currency file must be a mapping with base, date and rates")
    for key in ("base", "date", "rates"):
        if data.get(key) is None:
            raise fail(1, f"missing required key {key!r}")
    base = str(data["base"]).strip().upper()
    if not _CURRENCY_CODE.match(base):
        raise fail(doc.line("base"), f"base must be a 3-letter currency code, got {data['base']!r}")
    day = to_date(data["date"])
    if day is None:
        raise fail(doc.line("date"), f"date must be YYYY-MM-DD, got {data['date']!r}")
    if not isinstance(data["rates"], dict):
        raise fail(doc.line("rates"), "rates must map currency codes to numbers")
    rates: dict[str, Decimal] = {}
    for code, value in data["rates"].items():
        line = doc.line("rates", code)
        code_text = str(code).strip().upper()
        if not _CURRENCY_CODE.match(code_text):
            raise fail(line, f"{code!r} is not a 3-letter currency code")
        rate = to_decimal(value)
        if rate is None or rate <= 0 or not in_range(rate):
            raise fail(line, f"rate for {code_text} must be a number {NUMBER_RANGE}, got {value!r}")
        rates[code_text] = rate
    if base in rates and rates[base] != 1:
        raise fail(doc.line("rates", base), f"the base currency {base} must have rate 1")
    rates.pop(base, None)
    return RateTable(base=base, date=day, rates=rates)


def parse_vendor(
    text: str,
    path: str,
    resolve_name: ResolveName,
    currencies: Collection[str] | None = None,
) -> tuple[Vendor | None, list[Diagnostic]]:
    """Parse one vendor file. `resolve_name` maps any compound name to its slug (None: unknown).

    `currencies` is the set of codes the rate table knows; without it any 3-letter code passes.
    """
    diags = Diagnostics(path)
    try:
        doc = load_yaml(text, path)
    except ContentError as exc:
        return None, [exc.diagnostic]
    reader = _Reader(doc, diags)
    data = reader.mapping(doc.data, (), "a vendor file")
    if data is None:
        return None, diags.items
    reader.warn_unknown_keys(data, _VENDOR_KEYS, ())

    name = reader.text(data, "name", ())
    website = reader.url(data, "website", (), required=True)
    country = reader.text(data, "country", ())
    if country is not None:
        country = country.upper()
        if not _COUNTRY_CODE.match(country):
            reader.error(("country",), f"country must be a 2-letter ISO code, got {country!r}")
            country = None
    ships_to = [region.upper() for region in reader.text_list(data, "ships_to", ()) or []]
    last_verified = reader.day(data, "last_verified", ())
    testing = _third_party_testing(reader, data)
    by_region, by_compound = _prescriptions(reader, data, resolve_name)
    vendor_ok = (
        not diags.has_errors and name is not None and website is not None and country is not None
    )

    products: list[Product] = []
    raw_products = reader.get(data, "products", (), required=False)
    if raw_products is not _MISSING:
        if not isinstance(raw_products, list):
            reader.error(("products",), f"'products' must be a list, got {_kind(raw_products)}")
        else:
            for index, raw in enumerate(raw_products):
                product = _product(reader, raw, ("products", index), resolve_name, currencies)
                if product is not None:
                    products.append(product)
    if not vendor_ok or name is None or website is None or country is None:
        return None, diags.items
    vendor = Vendor(
        slug=slugify(PurePath(path).stem),
        name=name,
        website=website,
        country=country,
        ships_to=ships_to,
        prescription_required=by_region,
        prescription_by_compound=by_compound,
        third_party_testing=testing,
        last_verified=last_verified,
        products=products,
        source_path=path,
    )
    return vendor, diags.items


def _third_party_testing(reader: _Reader, data: dict[str, Any]) -> ThirdPartyTesting | None:
    raw = reader.get(data, "third_party_testing", (), required=False)
    if raw is _MISSING or raw is False:
        return None
    where = ("third_party_testing",)
    section = reader.mapping(raw, where, "'third_party_testing'")
    if section is None:
        return None
    lab = reader.text(section, "lab", where)
    coa_url = reader.url(section, "coa_url", where)
    day = reader.day(section, "date", where)
    return ThirdPartyTesting(lab=lab, coa_url=coa_url, date=day) if lab else None


def _prescriptions(
    reader: _Reader, data: dict[str, Any], resolve_name: ResolveName
) -> tuple[dict[str, bool], dict[str, dict[str, bool]]]:
    raw = reader.get(data, "prescription_required", (), required=False)
    by_region: dict[str, bool] = {}
    by_compound: dict[str, dict[str, bool]] = {}
    if raw is _MISSING:
        return by_region, by_compound
    section = reader.mapping(raw, ("prescription_required",), "'prescription_required'")
    for region, value in (section or {}).items():
        where = ("prescription_required", region)
        code = str(region).strip().upper()
        if isinstance(value, bool):
            by_region[code] = value
        elif isinstance(value, dict):
            per_compound: dict[str, bool] = {}
            for compound, needed in value.items():
                slug = resolve_name(str(compound))
                if slug is None:
                    reader.error((*where, compound), f"unknown compound {compound!r}")
                elif not isinstance(needed, bool):
                    reader.error(
                        (*where, compound),
                        f"prescription flag must be true or false, got {needed!r}",
                    )
                else:
                    per_compound[slug] = needed
            by_compound[code] = per_compound
        else:
            reader.error(where, f"prescription for {code} must be true/false or a compound mapping")
    return by_region, by_compound


def _product(
    reader: _Reader,
    raw: Any,
    where: tuple[Any, ...],
    resolve_name: ResolveName,
    currencies: Collection[str] | None,
) -> Product | None:
    data = reader.mapping(raw, where, "a product")
    if data is None:
        return None
    errors_before = len([d for d in reader.diags.items if d.level == "error"])
    reader.warn_unknown_keys(data, _PRODUCT_KEYS, where)
    compound = reader.text(data, "compound", where)
    slug = resolve_name(compound) if compound else None
    if compound and slug is None:
        reader.error((*where, "compound"), f"unknown compound {compound!r}")
    form = reader.choice(data, "form", where, FORMS, required=True)
    amount = reader.number(data, "amount", where)
    unit = reader.choice(data, "unit", where, UNITS, required=True)
    pack = reader.number(data, "units_per_pack", where, required=False)
    if pack is not None and pack != pack.to_integral_value():
        reader.error(
            (*where, "units_per_pack"), f"'units_per_pack' must be a whole number, got {pack}"
        )
    price = reader.number(data, "price", where)
    currency = reader.text(data, "currency", where)
    if currency is not None:
        currency = currency.upper()
        known = _CURRENCY_CODE.match(currency) and (currencies is None or currency in currencies)
        if not known:
            reader.error(
                (*where, "currency"), f"unknown currency {currency!r} (not in the rates table)"
            )
    url = reader.url(data, "url", where)
    in_stock = reader.flag(data, "in_stock", where, default=True)
    batches = _batches(reader, data, where)
    errors_after = len([d for d in reader.diags.items if d.level == "error"])
    if errors_after > errors_before:
        return None
    assert compound and slug and form and amount and unit and price and currency  # checked above
    return Product.model_validate(
        {
            "compound": compound,
            "compound_slug": slug,
            "form": form,
            "amount": amount,
            "unit": unit,
            "units_per_pack": int(pack) if pack is not None else 1,
            "price": price,
            "currency": currency,
            "url": url,
            "in_stock": bool(in_stock),
            "batches": batches,
            "line": reader.doc.line(*where),
        }
    )


def _batches(reader: _Reader, data: dict[str, Any], where: tuple[Any, ...]) -> list[Batch]:
    raw = reader.get(data, "batches", where, required=False)
    if raw is _MISSING:
        return []
    if not isinstance(raw, list):
        reader.error((*where, "batches"), f"'batches' must be a list, got {_kind(raw)}")
        return []
    batches: list[Batch] = []
    for index, item in enumerate(raw):
        at = (*where, "batches", index)
        batch = reader.mapping(item, at, "a batch")
        if batch is None:
            continue
        reader.warn_unknown_keys(batch, _BATCH_KEYS, at)
        batch_id = reader.text(batch, "id", at)
        purity = reader.number(batch, "purity_percent", at, required=False, positive=False)
        measured = reader.number(batch, "measured_amount", at, required=False, positive=False)
        methods = reader.text_list(batch, "methods", at) or []
        endotoxin = reader.choice(batch, "endotoxin", at, _TEST_RESULTS, required=False)
        identity = reader.choice(batch, "identity", at, _TEST_RESULTS, required=False)
        batches.append(
            Batch.model_validate(
                {
                    "id": batch_id or f"batch-{index + 1}",
                    "manufactured": reader.day(batch, "manufactured", at),
                    "lab": reader.text(batch, "lab", at, required=False),
                    "tested": reader.day(batch, "tested", at),
                    "methods": [m.upper() for m in methods],
                    "purity_percent": purity,
                    "measured_amount": measured,
                    "endotoxin": endotoxin or "not-tested",
                    "identity": identity or "not-tested",
                    "coa_url": reader.url(batch, "coa_url", at),
                }
            )
        )
    return batches
