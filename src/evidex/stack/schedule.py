"""A combined schedule: fixed weekdays for weekly patterns, dated rolling calendars otherwise."""

from __future__ import annotations

import datetime as dt

from evidex.stack.models import CalendarDay, Schedule, ScheduleEntry, StackItem
from evidex.text.frequency import times_per_day

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
HORIZON_DAYS = 28
_TIMES = {2: "twice", 3: "three times", 4: "four times"}
# Day offsets from the start that spread n doses a week as evenly as whole days allow.
_WEEKLY_OFFSETS: dict[int, tuple[int, ...]] = {
    1: (0,),
    2: (0, 3),
    3: (0, 2, 4),
    4: (0, 2, 4, 6),
    5: (0, 1, 2, 3, 4),
    6: (0, 1, 2, 3, 4, 5),
    7: (0, 1, 2, 3, 4, 5, 6),
}


def entry_for(item: StackItem, start: dt.date, horizon: int = HORIZON_DAYS) -> ScheduleEntry:
    regimen = item.regimen
    interval = regimen.interval_days if regimen else None
    per_week = regimen.doses_per_week if regimen else None
    per_day = times_per_day(interval, per_week)
    if per_day is not None:
        entry = _weekly(item, start, 7, horizon, "daily")
        if per_day > 1:
            entry.times_per_day = per_day
            entry.text = f"every day, {_TIMES.get(per_day, f'{per_day} times')} a day"
        return entry
    if interval and interval == 7:
        per_week = 1
    elif interval and interval == int(interval) and interval > 1:
        step = int(interval)
        dates = [start + dt.timedelta(days=d) for d in range(0, horizon, step)]
        return ScheduleEntry(
            slug=item.slug,
            title=item.title,
            pattern="rolling",
            text=f"every {step} days from {start.isoformat()}",
            interval_days=step,
            dates=dates,
        )
    if per_week and per_week == int(per_week) and int(per_week) in _WEEKLY_OFFSETS:
        return _weekly(item, start, int(per_week), horizon, "weekly")
    return ScheduleEntry(
        slug=item.slug,
        title=item.title,
        pattern="unscheduled",
        text="no fixed frequency documented; follow your clinician's plan",
    )


def _weekly(
    item: StackItem, start: dt.date, per_week: int, horizon: int, pattern: str
) -> ScheduleEntry:
    days = sorted({(start.weekday() + offset) % 7 for offset in _WEEKLY_OFFSETS[per_week]})
    names = [WEEKDAYS[d] for d in days]
    dates = [
        start + dt.timedelta(days=d)
        for d in range(horizon)
        if (start + dt.timedelta(days=d)).weekday() in days
    ]
    text = "every day" if pattern == "daily" else "every " + " and ".join(names)
    return ScheduleEntry(
        slug=item.slug,
        title=item.title,
        pattern="daily" if pattern == "daily" else "weekly",
        text=text,
        weekdays=names,
        dates=dates,
    )


def build_schedule(items: list[StackItem], start: dt.date, horizon: int = HORIZON_DAYS) -> Schedule:
    entries = [entry_for(item, start, horizon) for item in items]
    week: dict[str, list[str]] = {day: [] for day in WEEKDAYS}
    for entry in entries:
        for day in entry.weekdays:
            week[day].append(entry.title)
    by_date: dict[dt.date, list[str]] = {}
    for entry in entries:
        for date in entry.dates:
            by_date.setdefault(date, []).append(entry.title)
    calendar = [
        CalendarDay(date=date, weekday=WEEKDAYS[date.weekday()], items=titles)
        for date, titles in sorted(by_date.items())
    ]
    return Schedule(start=start, days=horizon, entries=entries, week=week, calendar=calendar)
