"""Pharmacokinetic times as a reader says them: '45 minutes', '1 hour', '1–2 hours'."""

from __future__ import annotations

_MINUTES_BELOW_HOURS = 1.0  # under an hour, minutes read better than a fraction of an hour


def _number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".") or "0"


def hours_phrase(low: float, high: float | None = None) -> str:
    """A time or range of times given in hours, in the unit a reader expects: 0.75 -> '45
    minutes', (1, 1) -> '1 hour' (a range with equal ends is one value), (1, 2) -> '1–2 hours'."""
    top = low if high is None else high
    if abs(top - low) < 1e-9:
        top = low
    if top < _MINUTES_BELOW_HOURS:
        values, unit = [low * 60, top * 60], "minute"
    else:
        values, unit = [low, top], "hour"
    shown = [_number(round(value, 2)) for value in values]
    if shown[0] == shown[1]:
        return f"{shown[0]} {unit}{'' if shown[0] == '1' else 's'}"
    return f"{shown[0]}–{shown[1]} {unit}s"
