"""The share URL round-trips the whole request; the .ics parses back with icalendar."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar
from pydantic import ValidationError

from evidex.stack.builder import build_stack
from evidex.stack.catalog import StackCatalog
from evidex.stack.ics import stack_calendar
from evidex.stack.models import StackRequest
from evidex.stack.schedule import build_schedule
from evidex.stack.share import decode_query, encode_query, share_url

MONDAY = dt.date(2025, 3, 3)


def test_share_url_round_trips_to_the_same_request() -> None:
    request = StackRequest(
        goals=["liver-health", "blood-sugar"],
        weight_kg=35,
        age=16,
        conditions=["renal-impairment"],
        taking=["Metformin"],
        pregnant=True,
        no_injections=False,
        max_items=3,
        start=MONDAY,
    )
    url = share_url(request)
    assert url.startswith("/stack?goal=liver-health&goal=blood-sugar&condition=renal-impairment")
    assert "weight_kg=35" in url
    again = decode_query(url.split("?", 1)[1])
    assert again == request


def test_decode_ignores_unknown_params_and_empty_fields() -> None:
    request = decode_query("goal=liver-health&age=&utm_source=x&taking=a,+b%0Ac&pregnant=on")
    assert request.goals == ["liver-health"]
    assert request.age is None and request.pregnant
    assert request.taking == ["a", "b", "c"]
    assert encode_query(request) == "goal=liver-health&taking=a&taking=b&taking=c&pregnant=1"


def test_decode_rejects_bad_values() -> None:
    with pytest.raises(ValidationError):
        decode_query("goal=a&weight_kg=heavy")
    with pytest.raises(ValidationError):
        decode_query("age=30")  # neither a goal nor a stack to check
    with pytest.raises(ValidationError):
        decode_query("&".join(f"goal=g{i}" for i in range(6)))


def test_schedule_fixed_days_rolling_dates_and_daily(catalog: StackCatalog) -> None:
    result = build_stack(StackRequest(goals=["liver-health"], start=MONDAY), catalog)
    entries = {e.slug: e for e in result.schedule.entries}
    assert entries["thymosin-alpha"].weekdays == ["Mon", "Thu"]
    assert entries["tenofovir"].pattern == "daily"
    assert len(entries["tenofovir"].dates) == 28
    assert entries["interferon-alpha"].weekdays == ["Mon", "Wed", "Fri"]
    assert result.schedule.week["Thu"] == ["Tenofovir", "Thymosin alpha"]


def test_every_third_day_is_a_rolling_calendar_with_dates(catalog: StackCatalog) -> None:
    item = build_stack(StackRequest(check=["thymalfasin"]), catalog).items[0]
    assert item.regimen is not None
    rolling = item.model_copy(
        update={
            "regimen": item.regimen.model_copy(
                update={"doses_per_week": None, "interval_days": 3.0}
            )
        }
    )
    schedule = build_schedule([rolling], dt.date(2025, 3, 5))
    entry = schedule.entries[0]
    assert entry.pattern == "rolling"
    assert entry.dates[:3] == [dt.date(2025, 3, 5), dt.date(2025, 3, 8), dt.date(2025, 3, 11)]
    assert len(entry.dates) == 10  # day 0, 3, ..., 27


def test_ics_parses_back_with_weekly_rrules(catalog: StackCatalog) -> None:
    result = build_stack(StackRequest(goals=["liver-health"], start=MONDAY), catalog)
    parsed = Calendar.from_ical(stack_calendar(result))
    events = {str(e.get("summary")): e for e in parsed.walk("VEVENT")}
    assert set(events) == {"Tenofovir: 300 mg", "Interferon alpha: 3 MIU", "Thymosin alpha: 1.6 mg"}
    thymosin = events["Thymosin alpha: 1.6 mg"]
    rule = thymosin.get("rrule")
    assert rule["FREQ"] == ["WEEKLY"] and rule["BYDAY"] == ["MO", "TH"]
    assert rule["UNTIL"] == [MONDAY + dt.timedelta(days=27)]
    assert thymosin.decoded("dtstart") == MONDAY
    assert events["Tenofovir: 300 mg"].get("rrule")["FREQ"] == ["DAILY"]
    assert len({str(e.get("uid")) for e in events.values()}) == 3
