"""A profile's regimens as rows of its dosing table: one row per regimen, each with its route
and how often.

The regimen reader (content/regimens.py) gives one record per dose it finds, so a sentence
with an escalation ("0.25 mg once weekly for 4 weeks, then 0.5 mg, 1 mg and 1.7 mg") yields
steps that say neither route nor frequency, and a dose mentioned twice yields two records.
Here the steps take the route and frequency the sentence gave their neighbours, a dose without
a route takes the route the profile gives the same dose elsewhere (or its only route), and a
row that repeats another (same who, dose, route and frequency) is shown once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from evidex.content.models import Regimen
from evidex.text.frequency import describe

_DANGLING = re.compile(
    r"(?:\s+(?:the|a|an|after|before|with|of|for|and|or|to|in|on|at|by|from|during))+\s*$",
    re.I,
)


@dataclass(frozen=True)
class RegimenRow:
    who: str
    dose: str
    route: str | None
    how_often: str | None
    duration: str | None
    indication: str | None


def how_often(regimen: Regimen) -> str | None:
    """ "twice daily", "once weekly", "every 14 days", "single dose"; None when not stated."""
    found = describe(regimen.doses_per_week, regimen.interval_days, regimen.doses_per_week_max)
    if found is None and regimen.kind == "single_dose":
        return "single dose"
    return found


def clean_indication(text: str | None) -> str | None:
    """An indication without the words a sentence break left dangling ("... after the")."""
    if not text:
        return None
    cleaned = _DANGLING.sub("", text.strip()).strip(" ,;:")
    return cleaned or None


def _amount(regimen: Regimen) -> str:
    low, high = f"{regimen.amount_min:,g}", f"{regimen.amount_max:,g}"
    return f"{low} {regimen.unit}" if low == high else f"{low}–{high} {regimen.unit}"


def _with_context(regimens: list[Regimen]) -> list[Regimen]:
    """Route and frequency filled from the same sentence, then from the same dose elsewhere."""
    filled: list[Regimen] = []
    for index, regimen in enumerate(regimens):
        siblings = [r for r in regimens if r.text and r.text == regimen.text and r is not regimen]
        before = [r for r in regimens[:index] if r in siblings][::-1]
        after = [r for r in regimens[index + 1 :] if r in siblings]
        nearest = before + after
        update: dict[str, object] = {}
        if regimen.route is None:
            route = next((r.route for r in nearest if r.route), None)
            update["route"] = route
        if how_often(regimen) is None:
            source = next((r for r in nearest if how_often(r)), None)
            if source is not None:
                update["doses_per_week"] = source.doses_per_week
                update["doses_per_week_max"] = source.doses_per_week_max
                update["interval_days"] = source.interval_days
        filled.append(regimen.model_copy(update=update) if update else regimen)
    routes = {r.route for r in filled if r.route}
    result = []
    for regimen in filled:
        if regimen.route is None:
            same_dose = [
                r.route
                for r in filled
                if r.route and r.unit == regimen.unit and r.amount_max == regimen.amount_max
            ]
            route = (
                same_dose[0] if same_dose else (next(iter(routes)) if len(routes) == 1 else None)
            )
            regimen = regimen.model_copy(update={"route": route})
        result.append(regimen)
    return result


def regimen_rows(regimens: list[Regimen]) -> list[RegimenRow]:
    """The dosing table's rows, in the profile's order, each shown once."""
    rows: list[RegimenRow] = []
    seen: dict[tuple[str, str, str | None, str | None], int] = {}
    for regimen in _with_context(regimens):
        row = RegimenRow(
            who=regimen.population or "adults",
            dose=_amount(regimen),
            route=regimen.route,
            how_often=how_often(regimen),
            duration=regimen.duration,
            indication=clean_indication(regimen.indication),
        )
        key = (row.who.lower(), row.dose, row.route, row.how_often)
        if key in seen:
            kept = rows[seen[key]]
            uses = [u for u in (kept.indication, row.indication) if u]
            rows[seen[key]] = RegimenRow(
                kept.who,
                kept.dose,
                kept.route,
                kept.how_often,
                kept.duration or row.duration,
                "; ".join(dict.fromkeys(uses)) or None,
            )
            continue
        seen[key] = len(rows)
        rows.append(row)
    return rows
