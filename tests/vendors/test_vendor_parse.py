from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from evidex.content.diagnostics import ContentError
from evidex.vendors.parse import parse_rates, parse_vendor

from .conftest import FIXTURES

Resolve = Callable[[str], str | None]
CODES = ["USD", "EUR", "GBP", "AUD"]


def _parse(name: str, resolve_name: Resolve, folder: str = "vendors"):  # type: ignore[no-untyped-def]
    path = FIXTURES / folder / name
    return parse_vendor(path.read_text(), str(path), resolve_name, CODES)


def test_complete_vendor_parses_with_names_resolved(resolve_name: Resolve) -> None:
    vendor, diagnostics = _parse("northwind-peptides.yaml", resolve_name)
    assert diagnostics == []
    assert vendor is not None
    assert vendor.slug == "northwind-peptides"
    assert vendor.ships_to == ["EU", "UK"]
    assert [p.compound_slug for p in vendor.products] == [
        "thymosin-alpha",
        "thymosin-alpha",
        "somatropin",
    ]
    assert vendor.prescription_required == {"UK": True}
    assert vendor.prescription_by_compound == {"EU": {"thymosin-alpha": False, "somatropin": True}}
    first = vendor.products[0]
    assert first.price == Decimal("46.00") and first.currency == "EUR"
    assert first.batches[0].purity_percent == Decimal("99.1")
    assert first.batches[0].methods == ["HPLC", "MS"]
    assert vendor.products[1].units_per_pack == 3 and vendor.products[1].in_stock is False
    assert (
        vendor.third_party_testing is not None
        and vendor.third_party_testing.lab == "Helix Analytical"
    )


def test_float_prices_stay_exact(resolve_name: Resolve) -> None:
    text = (
        "name: X\nwebsite: https://x.example\ncountry: us\nproducts:\n"
        "  - {compound: TA1, form: capsule, amount: 0.1, unit: mg, price: 19.99, currency: usd}\n"
    )
    vendor, diagnostics = parse_vendor(text, "x.yaml", resolve_name, CODES)
    assert diagnostics == [] and vendor is not None
    assert vendor.country == "US"
    assert str(vendor.products[0].amount) == "0.1"
    assert str(vendor.products[0].price) == "19.99"
    assert vendor.products[0].currency == "USD"


def test_each_defect_is_reported_at_its_line(resolve_name: Resolve) -> None:
    vendor, diagnostics = _parse("defects.yaml", resolve_name, folder="broken")
    assert vendor is None  # the website's scheme is a vendor-level error
    found = {(d.line, d.message.split(" (")[0]) for d in diagnostics if d.level == "error"}
    expected_fragments = {
        2: "'website' must be an http(s) address",
        7: "unknown compound 'Unobtainium'",
        15: "'amount' must be greater than zero",
        17: "'price' must be greater than zero",
        18: "unknown currency 'XYZ'",
        20: "unknown form 'gummy'",
        22: "unknown unit 'grains'",
        25: "'url' must be an http(s) address",
        28: "'amount' must be a number",
        31: "'in_stock' must be true or false",
    }
    for line, fragment in expected_fragments.items():
        assert any(ln == line and msg.startswith(fragment) for ln, msg in found), (
            line,
            fragment,
            found,
        )
    missing_price = [d for d in diagnostics if "missing required key 'price'" in d.message]
    assert [d.line for d in missing_price] == [26]  # the line of the product that lacks it
    assert all(str(d).startswith(str(FIXTURES / "broken" / "defects.yaml")) for d in diagnostics)


def test_a_broken_product_is_dropped_and_the_vendor_kept(resolve_name: Resolve) -> None:
    vendor, diagnostics = _parse("bad_product_only.yaml", resolve_name, folder="broken")
    assert vendor is not None
    assert len(vendor.products) == 1 and vendor.products[0].units_per_pack == 60
    assert [(d.line, d.level) for d in diagnostics] == [(15, "error")]


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("- just a list\n", "must be a mapping"),
        ("name: X\ncountry: US\n", "missing required key 'website'"),
        ("name: [1, 2]\nwebsite: https://a.example\ncountry: US\n", "'name' must be text"),
        ("name: X\nwebsite: https://a.example\ncountry: USA\n", "2-letter ISO code"),
        (
            "name: X\nwebsite: https://a.example\ncountry: US\nlast_verified: soon\n",
            "must be a date",
        ),
        ("name: X\nwebsite: https://a.example\ncountry: US\nships_to: 5\n", "must be a list"),
        ("name: [unclosed\n", "invalid YAML"),
    ],
)
def test_malformed_vendor_files_are_errors_not_crashes(
    text: str, fragment: str, resolve_name: Resolve
) -> None:
    vendor, diagnostics = parse_vendor(text, "bad.yaml", resolve_name, CODES)
    assert vendor is None
    assert any(fragment in d.message and d.level == "error" for d in diagnostics), diagnostics


def test_products_that_are_not_a_list_are_an_error(resolve_name: Resolve) -> None:
    text = "name: X\nwebsite: https://a.example\ncountry: US\nproducts: {a: 1}\n"
    vendor, diagnostics = parse_vendor(text, "x.yaml", resolve_name, CODES)
    assert vendor is not None and vendor.products == []
    assert [(d.line, d.level) for d in diagnostics] == [(4, "error")]


def test_unknown_keys_are_warnings(resolve_name: Resolve) -> None:
    text = "name: X\nwebsite: https://a.example\ncountry: US\ncoupon: SAVE10\n"
    vendor, diagnostics = parse_vendor(text, "x.yaml", resolve_name, CODES)
    assert vendor is not None
    assert [(d.line, d.level) for d in diagnostics] == [(4, "warning")]


def test_without_a_rate_table_any_three_letter_code_is_accepted(resolve_name: Resolve) -> None:
    text = (
        "name: X\nwebsite: https://x.example\ncountry: US\nproducts:\n"
        "  - {compound: TA1, form: capsule, amount: 1, unit: mg, price: 5, currency: CHF}\n"
    )
    vendor, diagnostics = parse_vendor(text, "x.yaml", resolve_name)
    assert vendor is not None and diagnostics == []


def test_rates_parse_and_drop_the_base() -> None:
    path = FIXTURES / "currency.yaml"
    rates = parse_rates(path.read_text(), str(path))
    assert rates.base == "USD" and rates.date.isoformat() == "2026-10-01"
    assert rates.rates["EUR"] == Decimal("0.92")
    assert "USD" not in rates.rates and rates.knows("USD")


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("base: USD\ndate: 2026-01-01\nrates:\n  EUR: -1\n", 4),
        ("base: USD\ndate: 2026-01-01\nrates:\n  EURO: 1\n", 4),
        ("base: USD\ndate: someday\nrates: {}\n", 2),
        ("base: USD\nrates: {EUR: 1}\n", 1),
        ("base: USD\ndate: 2026-01-01\nrates:\n  USD: 2\n", 4),
    ],
)
def test_bad_rate_tables_raise_with_the_line(text: str, line: int) -> None:
    with pytest.raises(ContentError) as caught:
        parse_rates(text, "currency.yaml")
    assert caught.value.diagnostic.line == line


@pytest.mark.parametrize(
    ("field", "written"),
    [("price", "1e400"), ("price", "'1e-400'"), ("amount", "5000000000000"), ("price", "1e10")],
)
def test_a_number_outside_the_range_is_an_error_naming_the_range(
    resolve_name: Resolve, field: str, written: str
) -> None:
    values = {"amount": "5", "price": "30"} | {field: written}
    text = (
        "name: X\nwebsite: https://x.example\ncountry: us\nproducts:\n"
        "  - compound: TA1\n    form: capsule\n    unit: mg\n    currency: usd\n"
        f"    amount: {values['amount']}\n    price: {values['price']}\n"
    )
    vendor, diagnostics = parse_vendor(text, "x.yaml", resolve_name, CODES)
    errors = [d for d in diagnostics if d.level == "error"]
    assert [d.line for d in errors] == [9 if field == "amount" else 10]
    assert "between 0.000001 and 1,000,000,000" in errors[0].message
    assert vendor is None or vendor.products == []


def test_a_rate_outside_the_range_is_an_error_at_its_line() -> None:
    with pytest.raises(ContentError, match=r"between 0\.000001 and 1,000,000,000") as refused:
        parse_rates("base: USD\ndate: 2025-01-01\nrates:\n  EUR: 0.9\n  GBP: 1e400\n", "c.yaml")
    assert refused.value.diagnostic.line == 5
