from __future__ import annotations

import datetime as dt
import importlib.util
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from evidex.web.app import create_app

TODAY = dt.date(2026, 11, 1)


def _sample_db_module():  # type: ignore[no-untyped-def]
    # tests/ is not a package; load the vendor tests' database writer by its path.
    path = Path(__file__).resolve().parents[1] / "vendors" / "sample_db.py"
    spec = importlib.util.spec_from_file_location("vendor_sample_db", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = _sample_db_module().make_database(
        tmp_path_factory.mktemp("vendor-web") / "evidex.db", TODAY
    )
    app = create_app(db)
    app.state.today = TODAY
    with TestClient(app) as test_client:
        yield test_client


def test_vendor_overview_lists_fresh_before_stale(client: TestClient) -> None:
    page = client.get("/vendors")
    assert page.status_code == 200
    text = page.text
    assert text.index("Northwind Peptides") < text.index("Budget Labs")
    assert text.count(">stale</span>") == 1
    assert "Evidex does not sell" in text
    assert 'rel="nofollow noopener" target="_blank"' in text


def test_vendor_picker_redirects_any_name(client: TestClient) -> None:
    response = client.get("/vendors", params={"compound": "Zadaxin"}, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].endswith("/compounds/thymosin-alpha/vendors")
    assert client.get("/vendors", params={"compound": "nothing"}).status_code == 404


def test_compound_vendors_page_filters_and_converts(client: TestClient) -> None:
    assert client.get("/compounds/TA1/vendors", follow_redirects=False).status_code == 301
    page = client.get(
        "/compounds/thymosin-alpha/vendors", params={"currency": "EUR", "region": "EU"}
    )
    assert page.status_code == 200
    assert "7.00 EUR" in page.text and "9.20 EUR" in page.text
    assert "Budget Labs" not in page.text  # ships to US and CA only
    assert "Prescription required in UK" not in page.text  # the region filter is EU
    everywhere = client.get("/compounds/thymosin-alpha/vendors", params={"currency": "USD"}).text
    assert "Prescription required in UK" in everywhere
    assert "converted to USD at the exchange rates of 2026-10-01" in everywhere
    assert "tested" in everywhere and ">stale</span>" in everywhere
    links = re.findall(
        r'<a href="(https?://[^"]+)" rel="nofollow noopener" target="_blank">', everywhere
    )
    assert "https://northwind.example/ta1-5" in links
    assert client.get("/compounds/unknown-thing/vendors").status_code == 404


def test_bad_filter_values_fall_back_instead_of_failing(client: TestClient) -> None:
    page = client.get(
        "/compounds/thymosin-alpha/vendors",
        params={"sort": "evil", "form": "<script>", "currency": "ZZZ"},
    )
    assert page.status_code == 200
    assert "<script>" not in page.text.split("<main", 1)[1]


def test_reconstitution_page_computes_without_javascript(client: TestClient) -> None:
    params = {
        "vial_mg": "5",
        "diluent_ml": "2",
        "dose_mg": "1.6",
        "measured_mg": "4.4",
        "compound": "thymosin-alpha",
    }
    page = client.get("/tools/reconstitution", params=params)
    assert page.status_code == 200
    assert "2.2 mg/mL" in page.text and "0.727 mL" in page.text and "72.7 units" in page.text
    assert "the measured content" in page.text
    assert '<script src="/static/js/tools.js" defer></script>' in page.text
    assert "<script>" not in page.text  # no inline script under the strict CSP
    assert client.get("/tools/reconstitution").status_code == 200
    script = client.get("/static/js/tools.js")
    assert (
        script.status_code == 200 and "/api/v1/tools/" not in script.text
    )  # endpoints come from data-api


def test_reconstitution_page_shows_errors_and_warnings(client: TestClient) -> None:
    too_much = client.get(
        "/tools/reconstitution", params={"vial_mg": "5", "diluent_ml": "2", "dose_mg": "6"}
    )
    assert too_much.status_code == 422
    assert "more than the vial holds" in too_much.text
    high = client.get(
        "/tools/reconstitution",
        params={"vial_mg": "10", "diluent_ml": "5", "dose_mg": "7", "compound": "thymosin-alpha"},
    )
    assert "above the documented single doses" in high.text
    weight = client.get(
        "/tools/reconstitution", params={"per_kg": "40", "unit": "mcg/kg", "weight_kg": "35"}
    )
    assert "1400 mcg = 1.4 mg" in weight.text


def test_api_vendors(client: TestClient) -> None:
    everything = client.get("/api/v1/vendors").json()
    assert [v["slug"] for v in everything["vendors"]] == ["northwind-peptides", "budget-labs"]
    found = client.get(
        "/api/v1/vendors", params={"compound": "Tα1", "in_stock": "1", "sort": "grade"}
    ).json()
    assert found["compound_slug"] == "thymosin-alpha"
    assert [(o["vendor_slug"], o["grade"]["grade"]) for o in found["offers"]] == [
        ("northwind-peptides", "A"),
        ("budget-labs", "C"),
    ]
    assert found["hidden"] == 1
    missing = client.get("/api/v1/vendors", params={"compound": "nothing"})
    assert missing.status_code == 404 and "nothing" in missing.json()["detail"]


def test_api_tools(client: TestClient) -> None:
    recon = client.get(
        "/api/v1/tools/reconstitution", params={"vial_mg": "5", "diluent_ml": "2", "dose_mg": "1.6"}
    )
    assert recon.json()["syringe_units"] == "64"
    weight = client.get(
        "/api/v1/tools/weight-dose",
        params={"per_kg": "40", "unit": "mcg/kg", "weight_kg": "35", "compound": "TA1"},
    ).json()
    assert (weight["total"], weight["total_mg"], weight["compound"]) == (
        "1400",
        "1.4",
        "Thymosin alpha",
    )
    bad = client.get(
        "/api/v1/tools/reconstitution", params={"vial_mg": "5", "diluent_ml": "0", "dose_mg": "1"}
    )
    assert bad.status_code == 422 and "greater than zero" in bad.json()["detail"]
    assert client.get("/api/v1/tools/weight-dose").status_code == 422


def test_a_missing_reconstitution_input_is_named_never_none(client: TestClient) -> None:
    page = client.get("/tools/reconstitution?vial_mg=5&dose_mg=0.25")
    assert page.status_code == 422
    assert "None" not in page.text
    assert "is missing: give it as a number" in page.text
    api = client.get("/api/v1/tools/reconstitution?vial_mg=5&diluent_ml=&dose_mg=0.25")
    assert api.status_code == 422
    assert "None" not in api.json()["detail"] and "is missing" in api.json()["detail"]


def test_an_ambiguous_thousands_separator_is_warned_on_the_page_and_in_the_api(
    client: TestClient,
) -> None:
    params = {"per_kg": "1,500", "unit": "mcg/kg", "weight_kg": "70"}
    api = client.get("/api/v1/tools/weight-dose", params=params).json()
    assert api["total_mg"] == "105"
    assert any("if you meant 1.5, type 1.5" in w for w in api["warnings"])
    assert api["out_of_range"] is False  # a notation warning is not a range verdict
    page = client.get("/tools/reconstitution", params=params)
    assert page.status_code == 200 and "if you meant 1.5, type 1.5" in page.text
