"""The bundled library, as a reader would ask it: each test is one person's situation."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from evidex.cli.main import app
from evidex.stack.builder import build_stack
from evidex.stack.catalog import StackCatalog
from evidex.stack.ics import stack_calendar
from evidex.stack.models import StackRequest, StackResult
from evidex.web.app import create_app

START = dt.date(2026, 1, 5)  # a Monday


def _build(catalog: StackCatalog, **fields: object) -> StackResult:
    return build_stack(StackRequest.model_validate({"start": START, **fields}), catalog)


def _excluded(result: StackResult) -> dict[str, str]:
    return {e.slug: e.reason for e in result.excluded}


def test_pregnant_person_is_not_offered_melatonin(bundled: StackCatalog) -> None:
    result = _build(bundled, goals=["sleep"], pregnant=True)
    assert "melatonin" not in [i.slug for i in result.items]
    assert _excluded(result)["melatonin"] == (
        "Pregnancy: Not assigned; human data are insufficient. Avoid."
    )


def test_breastfeeding_person_is_not_offered_melatonin(bundled: StackCatalog) -> None:
    result = _build(bundled, goals=["sleep"], breastfeeding=True)
    assert _excluded(result)["melatonin"] == (
        "Breastfeeding: Melatonin passes into breast milk; not recommended."
    )


def test_pregnant_person_gets_no_ghk_cu_injection(bundled: StackCatalog) -> None:
    result = _build(bundled, goals=["skin-health"], pregnant=True, include_preclinical=True)
    ghk = next(i for i in result.items if i.slug == "ghk-cu")
    assert ghk.regimen is None or ghk.regimen.route != "subcutaneous"
    assert "injection" in ghk.avoided_routes
    assert "avoid injectable forms" in ghk.avoided_routes["injection"]
    assert "inject" not in (ghk.route or "")


def test_history_of_cancer_quotes_tesamorelins_malignancy_line(bundled: StackCatalog) -> None:
    result = _build(bundled, check=["tesamorelin"], conditions=["history of cancer"])
    reason = _excluded(result)["tesamorelin"]
    assert reason.startswith("Active malignancy or history of cancer")
    assert "pituitary" not in reason


def test_fluvoxamine_is_checked_the_same_in_either_list(bundled: StackCatalog) -> None:
    taking = _build(bundled, check=["melatonin"], taking=["fluvoxamine"])
    checking = _build(bundled, check=["melatonin", "fluvoxamine"])
    for result in (taking, checking):
        assert result.unknown_names == []
        assert result.items == []
        assert "Fluvoxamine greatly raises melatonin levels" in _excluded(result)["melatonin"]
    assert taking.current_medicines == ["fluvoxamine"]
    assert checking.current_medicines == []  # checked, not taken


def test_warfarin_is_recognised_and_its_interactions_are_shown(bundled: StackCatalog) -> None:
    result = _build(bundled, check=["melatonin", "omega-3"], taking=["warfarin"])
    assert result.unknown_names == []
    advice = {(i.a, i.b): i for i in result.interactions}
    melatonin = advice[("melatonin", "warfarin")]
    assert melatonin.severity == "monitor"
    assert melatonin.advice == "Warfarin: case reports of changed INR; monitor."
    assert melatonin.with_current_medicine
    assert "warfarin" in advice[("omega-3", "warfarin")].advice


def test_twice_daily_omega_3_is_scheduled_every_day_and_in_the_calendar(
    bundled: StackCatalog,
) -> None:
    result = _build(bundled, check=["omega-3"])
    (item,) = result.items
    assert item.regimen is not None and item.regimen.frequency == "twice daily"
    (entry,) = result.schedule.entries
    assert (entry.pattern, entry.times_per_day) == ("daily", 2)
    assert len(entry.dates) == result.schedule.days
    calendar = stack_calendar(result).decode()
    assert "RRULE:FREQ=DAILY" in calendar
    assert "2 times a day" in calendar


def test_unknown_goals_exit_2_on_the_command_line(bundled_db: Path) -> None:
    args = ["stack", "--goal", "levitation", "--db", str(bundled_db), "--json"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert "levitation" in result.stderr
    assert result.stdout == ""


def test_unknown_goals_are_a_422_naming_them(bundled_db: Path) -> None:
    client = TestClient(create_app(bundled_db))
    response = client.get("/api/v1/stack", params={"goal": ["levitation", "telepathy"]})
    assert response.status_code == 422
    assert response.json()["unknown_goals"] == ["levitation", "telepathy"]
    posted = client.post("/api/v1/stack", json={"goals": ["levitation"]})
    assert posted.status_code == 422
    assert posted.json()["unknown_goals"] == ["levitation"]
    page = client.get("/stack", params={"goal": "levitation"})
    assert page.status_code == 422
    assert "no known goal among &#39;levitation&#39;" in page.text
