"""The stack's schedule as an RFC 5545 calendar: one recurring all-day event per item."""

from __future__ import annotations

import datetime as dt
import hashlib

from icalendar import Calendar, Event, vRecur

from evidex.stack.models import ScheduleEntry, StackResult

_BYDAY = {"Mon": "MO", "Tue": "TU", "Wed": "WE", "Thu": "TH", "Fri": "FR", "Sat": "SA", "Sun": "SU"}


def _rule(entry: ScheduleEntry, until: dt.date) -> vRecur | None:
    if entry.pattern == "daily":
        return vRecur({"FREQ": "DAILY", "UNTIL": until})
    if entry.pattern == "weekly":
        return vRecur(
            {"FREQ": "WEEKLY", "BYDAY": [_BYDAY[d] for d in entry.weekdays], "UNTIL": until}
        )
    if entry.pattern == "rolling" and entry.interval_days:
        return vRecur({"FREQ": "DAILY", "INTERVAL": entry.interval_days, "UNTIL": until})
    return None


def stack_calendar(result: StackResult, stamp: dt.datetime | None = None) -> bytes:
    """The .ics file for a built stack."""
    calendar = Calendar()
    calendar.add("prodid", "-//Evidex//Stack builder//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Evidex stack")
    stamp = stamp or dt.datetime.now(dt.UTC).replace(microsecond=0)
    items = {item.slug: item for item in result.items}
    for entry in result.schedule.entries:
        item = items.get(entry.slug)
        if item is None or not entry.dates:
            continue
        first = entry.dates[0]
        # The calendar spans the same four weeks as the on-page schedule.
        until = result.schedule.start + dt.timedelta(days=result.schedule.days - 1)
        rule = _rule(entry, until)
        if rule is None:
            continue
        event = Event()
        digest = hashlib.sha1(f"{result.share_query}|{item.slug}".encode()).hexdigest()[:16]
        event.add("uid", f"{item.slug}-{first.isoformat()}-{digest}@evidex")
        event.add("dtstamp", stamp)
        event.add("dtstart", first)
        event.add("dtend", first + dt.timedelta(days=1))
        event.add("rrule", rule)
        dose = item.regimen.text if item.regimen else "see profile"
        summary = f"{item.title}: {item.regimen.amount if item.regimen else ''}".strip(": ")
        if entry.times_per_day > 1:
            summary += f", {entry.times_per_day} times a day"
        event.add("summary", summary)
        notes = [dose, *(f"Caution: {c}" for c in item.cautions), result.disclaimer]
        event.add("description", "\n".join(notes))
        calendar.add_component(event)
    return calendar.to_ical()
