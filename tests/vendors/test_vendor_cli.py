from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from evidex.cli.main import app

from .sample_db import make_database

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_database(tmp_path_factory.mktemp("vendor-cli") / "evidex.db", dt.date.today())


def test_weight_dose_prints_exact_totals() -> None:
    result = runner.invoke(
        app, ["dose", "weight", "--per-kg", "40", "--unit", "mcg/kg", "--weight-kg", "35"]
    )
    assert result.exit_code == 0
    assert "40 mcg/kg x 35 kg = 1400 mcg = 1.4 mg" in result.output


def test_reconstitution_json_names_its_basis() -> None:
    args = ["dose", "reconstitute", "--vial-mg", "5", "--diluent-ml", "2", "--dose-mg", "1.6"]
    label = json.loads(runner.invoke(app, [*args, "--json"]).output)
    measured = json.loads(runner.invoke(app, [*args, "--measured-mg", "4.4", "--json"]).output)
    assert (label["basis"], label["volume_ml"], label["syringe_units"]) == ("label", "0.64", "64")
    assert (measured["basis"], measured["volume_ml"], measured["syringe_units"]) == (
        "measured",
        "0.727",
        "72.7",
    )


def test_impossible_input_exits_with_a_message() -> None:
    result = runner.invoke(
        app, ["dose", "reconstitute", "--vial-mg", "5", "--diluent-ml", "10000", "--dose-mg", "1"]
    )
    assert result.exit_code == 2
    assert "diluent" in result.output


def test_range_check_against_the_profile(db: Path) -> None:
    args = ["dose", "reconstitute", "--vial-mg", "10", "--diluent-ml", "2", "--dose-mg", "7"]
    result = runner.invoke(app, [*args, "--compound", "Zadaxin", "--db", str(db), "--json"])
    data = json.loads(result.output)
    assert data["compound"] == "Thymosin alpha"
    assert any("above the documented single doses (0.8-6.4 mg)" in w for w in data["warnings"])
    assert any("syringe" in w for w in data["warnings"])
    heavy = runner.invoke(
        app,
        [
            "dose",
            "weight",
            "--per-kg",
            "40",
            "--weight-kg",
            "60",
            "--compound",
            "TA1",
            "--db",
            str(db),
        ],
    )
    assert "under 40 kg" in heavy.output


def test_vendors_command_lists_offers_in_the_chosen_currency(db: Path) -> None:
    result = runner.invoke(
        app,
        ["vendors", "--compound", "thymalfasin", "--db", str(db), "--currency", "EUR", "--json"],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["currency"] == "EUR"
    assert [o["price_per_mg"]["price_per_mg_display"] for o in data["offers"]][:2] == [
        "7.00 EUR",
        "9.20 EUR",
    ]
    table = runner.invoke(
        app, ["vendors", "--compound", "thymalfasin", "--db", str(db), "--region", "US"]
    )
    assert "Budget Labs" in table.output and "Northwind" not in table.output
    assert "does not sell" in table.output


def test_vendors_command_unknown_compound(db: Path) -> None:
    result = runner.invoke(app, ["vendors", "--compound", "unobtainium", "--db", str(db)])
    assert result.exit_code == 1
