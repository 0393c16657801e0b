"""Dose checks that catch overdoses: per route, per dose, per week and per kg.

REGIMENS is written like a GLP-1 profile with an injection and an oral tablet, whose tablet
doses are far larger than the injections: the tablet must never widen the injection's range.
"""

from __future__ import annotations

import json
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from evidex.build.pipeline import build
from evidex.cli.main import app
from evidex.content.models import Regimen
from evidex.vendors.dose import (
    documented_doses,
    dose_range_warnings,
    weight_dose,
    weight_range_warnings,
)
from evidex.web.app import create_app

CONTENT = Path(__file__).resolve().parents[2] / "content"


def regimen(low: float, high: float, route: str | None, **more: object) -> Regimen:
    return Regimen.model_validate(
        {"amount_min": low, "amount_max": high, "unit": "mg", "route": route, **more}
    )


REGIMENS = [
    regimen(0.25, 0.25, "subcutaneous", doses_per_week=1),
    regimen(2.4, 2.4, "subcutaneous", doses_per_week=1),
    regimen(7, 14, "oral", doses_per_week=7),
    regimen(3, 3, "oral", doses_per_week=7, kind="daily_course"),
    regimen(2.4, 2.4, None, population="adolescents"),  # no route: cannot be placed
]


def test_each_route_has_its_own_range() -> None:
    documented = documented_doses(REGIMENS)
    assert documented["injection"].per_dose == (Decimal("0.25"), Decimal("2.4"))
    assert documented["oral"].per_dose == (Decimal(7), Decimal(14))
    assert documented["oral"].per_week == (Decimal(21), Decimal(98))


@pytest.mark.parametrize(
    ("dose", "route", "side"),
    [
        ("4", "subcutaneous", "above"),
        ("14", "injection", "above"),
        ("0.1", "intramuscular", "below"),
        ("4", "oral", "below"),
    ],
)
def test_a_dose_outside_its_routes_range_warns(dose: str, route: str, side: str) -> None:
    (warning,) = dose_range_warnings(Decimal(dose), REGIMENS, route)
    assert warning.startswith(f"{dose} mg is {side} the documented single doses by ")


@pytest.mark.parametrize(
    ("dose", "route"), [("2.4", "subcutaneous"), ("0.25", "injection"), ("14", "oral")]
)
def test_a_documented_dose_for_its_route_is_quiet(dose: str, route: str) -> None:
    assert dose_range_warnings(Decimal(dose), REGIMENS, route) == []


def test_without_a_route_a_dose_must_fit_some_route() -> None:
    assert dose_range_warnings(Decimal(10), REGIMENS) == []  # an oral dose
    (warning,) = dose_range_warnings(Decimal(4), REGIMENS)
    assert "outside the documented single doses by every route" in warning
    assert "injection 0.25-2.4 mg" in warning and "oral 7-14 mg" in warning


def test_a_route_with_no_documented_dose_says_so() -> None:
    (warning,) = dose_range_warnings(Decimal(1), REGIMENS, "nasal")
    assert warning == "no nasal doses are documented (documented routes: injection, oral)"


def test_the_weekly_total_is_checked_when_the_frequency_is_given() -> None:
    assert dose_range_warnings(Decimal("2.4"), REGIMENS, "injection", Decimal(1)) == []
    (weekly,) = dose_range_warnings(Decimal(1), REGIMENS, "injection", Decimal(7))
    assert weekly.startswith("7 mg is above the documented weekly total by injection")
    assert weekly.endswith("1 mg x 7 a week")


def test_a_weight_based_overdose_warns_without_a_per_kg_regimen() -> None:
    dose = weight_dose("2", "mg/kg", "80")
    (warning,) = weight_range_warnings(dose, REGIMENS)
    assert warning.startswith("160 mg is above the documented single doses by every route")
    (by_injection,) = weight_range_warnings(dose, REGIMENS, "subcutaneous")
    assert by_injection == "160 mg is above the documented single doses by injection (0.25-2.4 mg)"


def test_a_per_kg_rate_is_compared_with_its_routes_per_kg_range() -> None:
    child = [
        regimen(1.6, 1.6, "subcutaneous", doses_per_week=2),
        Regimen(
            amount_min=40, amount_max=40, unit="mcg/kg", route="subcutaneous", max_weight_kg=40
        ),
    ]
    assert weight_range_warnings(weight_dose("40", "mcg/kg", "20"), child) == []
    high = weight_range_warnings(weight_dose("400", "mcg/kg", "20"), child)
    assert high[0] == "400 mcg/kg is above the range: outside the documented 40 mcg/kg"
    assert high[1] == "8 mg is above the documented single doses by injection (1.6 mg)"


@pytest.fixture(scope="module")
def bundled_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("bundled") / "evidex.db"
    build(CONTENT, db)
    return db


def _dose_json(db: Path, *args: str) -> dict[str, object]:
    result = CliRunner().invoke(app, ["dose", *args, "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert isinstance(data, dict)
    return data


def test_semaglutide_2_mg_per_kg_for_80_kg_warns_in_dose_json(bundled_db: Path) -> None:
    args = ["weight", "--per-kg", "2", "--unit", "mg/kg", "--weight-kg", "80"]
    data = _dose_json(bundled_db, *args, "--compound", "semaglutide")
    assert data["out_of_range"] is True
    assert data["total_mg"] == "160"
    assert any(str(w).startswith("160 mg is above") for w in data["warnings"])  # type: ignore[attr-defined]


def test_a_4_mg_semaglutide_injection_warns_and_the_tablet_does_not_widen_it(
    bundled_db: Path,
) -> None:
    args = ["reconstitute", "--vial-mg", "5", "--diluent-ml", "2", "--dose-mg", "4"]
    data = _dose_json(bundled_db, *args, "--compound", "Ozempic")
    assert data["out_of_range"] is True
    assert data["route"] == "injection"
    assert data["range_warnings"] == [
        "4 mg is above the documented single doses by injection (0.25-2.4 mg)"
    ]
    usual = _dose_json(bundled_db, *args[:-1], "1", "--compound", "semaglutide")
    assert usual["out_of_range"] is False


def test_the_dose_page_shows_an_out_of_range_dose_as_an_alert(bundled_db: Path) -> None:
    client = TestClient(create_app(bundled_db))
    query = {"vial_mg": "5", "diluent_ml": "2", "dose_mg": "4", "compound": "semaglutide"}
    page = client.get("/tools/reconstitution", params=query)
    assert page.status_code == 200
    assert '<div class="alert dose-out-of-range" role="alert">' in page.text
    assert "4 mg is above the documented single doses by injection (0.25-2.4 mg)" in page.text
    api = client.get("/api/v1/tools/reconstitution", params=query).json()
    assert api["out_of_range"] is True


def test_every_profile_with_a_regimen_links_to_the_dose_tools_preselected(
    bundled_db: Path,
) -> None:
    client = TestClient(create_app(bundled_db))
    with sqlite3.connect(bundled_db) as conn:
        docs = [json.loads(doc) for (doc,) in conn.execute("SELECT doc FROM compounds")]
    dosed = [doc["slug"] for doc in docs if doc["regimens"]]
    assert "semaglutide" in dosed
    for slug in dosed:
        page = client.get(f"/compounds/{slug}")
        assert f'href="/tools/reconstitution?compound={slug}"' in page.text, slug
        tool = client.get(f"/tools/reconstitution?compound={slug}")
        assert f'<option value="{slug}" selected>' in tool.text, slug
