"""Certificate flags cap a vendor's grade (docs/vendor-grading.md, "Flags cap the grade").

fixtures/flags/ holds two vendor files in the content format: a certificate dated after
TODAY, and a batch number that both vendors' certificates carry (written differently).
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from evidex.build.pipeline import build
from evidex.cli.main import app
from evidex.vendors.finder import find_offers
from evidex.vendors.grading import Flag, cap_for_flags, grade_products
from evidex.vendors.models import Batch, Product, Vendor
from evidex.vendors.parse import parse_vendor
from evidex.web.app import create_app

TODAY = dt.date(2026, 11, 1)
FLAGS = Path(__file__).parent / "fixtures" / "flags"
CONTENT = Path(__file__).resolve().parents[2] / "content"


def _vendor(name: str) -> Vendor:
    path = FLAGS / f"{name}.yaml"
    vendor, diagnostics = parse_vendor(path.read_text(encoding="utf-8"), str(path), _resolve)
    assert vendor is not None, diagnostics
    return vendor


def _resolve(name: str) -> str | None:
    return "thymosin-alpha" if name in ("Tα1", "thymosin alpha") else None


def _product(**batch: Any) -> Product:
    values = {"id": "B1", "tested": TODAY - dt.timedelta(days=20), "methods": ["HPLC", "MS"]}
    return Product(
        compound="Tα1",
        compound_slug="thymosin-alpha",
        form="lyophilised vial",
        amount=Decimal(5),
        unit="mg",
        price=Decimal(40),
        currency="USD",
        batches=[Batch.model_validate({**values, **batch})],
    )


CLEAN = {"purity_percent": "99.5", "measured_amount": "5.0", "identity": "pass"}


def test_a_clean_certificate_keeps_its_a() -> None:
    assert grade_products([_product(**CLEAN)], TODAY).grade == "A"


def test_tested_before_it_was_made_cannot_keep_an_a() -> None:
    made_later = {**CLEAN, "manufactured": TODAY - dt.timedelta(days=10)}
    grade = grade_products([_product(**made_later)], TODAY)
    assert grade.score == Decimal("100.0")  # every check passed...
    assert grade.grade == "C"  # ...on a certificate that cannot be true
    assert [f.code for f in grade.flags] == ["tested-before-manufactured"]
    assert any(r.startswith("capped at C: batch B1 tested") for r in grade.reasons)


def test_purity_of_exactly_100_caps_at_b() -> None:
    grade = grade_products([_product(**{**CLEAN, "purity_percent": "100.0"})], TODAY)
    assert (grade.grade, [f.code for f in grade.flags]) == ("B", ["purity-exactly-100"])


@pytest.mark.parametrize(
    ("days_ahead", "flagged"), [(1, True), (0, False)], ids=["tomorrow", "today"]
)
def test_a_certificate_dated_in_the_future_is_flagged(days_ahead: int, flagged: bool) -> None:
    tested = TODAY + dt.timedelta(days=days_ahead)
    grade = grade_products([_product(**{**CLEAN, "tested": tested})], TODAY)
    assert ("dated-in-future" in [f.code for f in grade.flags]) is flagged
    assert grade.grade == ("C" if flagged else "A")


def test_a_cap_never_raises_a_grade() -> None:
    flag = Flag("B1", "purity-exactly-100", "purity reported as exactly 100%")
    assert cap_for_flags("D", [flag]) == ("D", [])
    assert cap_for_flags("A", [flag])[0] == "B"


def test_a_batch_number_on_another_vendors_certificate_is_flagged_for_both() -> None:
    vendors = [_vendor("clearwater-peptides"), _vendor("harbour-labs")]
    offers = find_offers(vendors, "thymosin-alpha", TODAY).offers
    grades = {o.vendor.name: o.grade for o in offers}
    harbour = grades["Harbour Labs"]
    assert {f.code for f in harbour.flags} == {"batch-number-elsewhere", "purity-exactly-100"}
    shared = next(f for f in harbour.flags if f.code == "batch-number-elsewhere")
    assert shared.message == (
        "batch number CW-0042 also appears on a certificate from Clearwater Peptides"
    )
    assert harbour.grade == "C"
    clearwater = grades["Clearwater Peptides"]
    codes = sorted((f.batch_id, f.code) for f in clearwater.flags)
    assert codes == [("CW-0043", "dated-in-future"), ("cw 0042", "batch-number-elsewhere")]
    assert clearwater.grade == "C"


def test_one_vendor_alone_has_no_copied_batch_numbers() -> None:
    offers = find_offers([_vendor("harbour-labs")], "thymosin-alpha", TODAY).offers
    assert [f.code for f in offers[0].grade.flags] == ["purity-exactly-100"]
    assert offers[0].grade.grade == "B"


@pytest.fixture(scope="module")
def bundled_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("bundled") / "evidex.db"
    build(CONTENT, db)
    return db


def test_bundled_flagged_batches_lose_their_a_in_vendors_json_and_table(
    bundled_db: Path,
) -> None:
    runner = CliRunner()
    args = ["vendors", "--compound", "thymosin alpha-1", "--db", str(bundled_db)]
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    offers = json.loads(result.stdout)["offers"]
    for offer in offers:
        codes = {f["code"] for f in offer["grade"]["flags"]}
        if codes & {"tested-before-manufactured", "purity-exactly-100"}:
            assert offer["grade"]["grade"] not in ("A",), offer["vendor_name"]
    flagged = {o["vendor_name"]: o["grade"]["grade"] for o in offers if o["grade"]["flags"]}
    assert flagged == {"Rheinland Peptide Labor": "C", "Northwind Peptides": "B"}
    table = runner.invoke(app, args)
    text = " ".join(table.stdout.split())  # the terminal's width decides where lines wrap
    assert "flagged" in text
    assert "RPL-TA1-2609-B: tested 2026-09-10 before it was made" in text
    assert "grade capped at C" in text


def test_bundled_flags_are_shown_as_warnings_on_the_page(bundled_db: Path) -> None:
    page = TestClient(create_app(bundled_db)).get("/compounds/thymosin-alpha-1/vendors")
    assert page.status_code == 200
    assert '<span class="badge coa-flag warn" role="note"' in page.text
    assert "before it was made" in page.text
    assert "(grade capped at C)" in page.text
