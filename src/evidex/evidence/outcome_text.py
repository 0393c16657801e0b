"""Outcome names and units as a reader should see them.

The extractor names an outcome by the words before its estimate, which in prose often carry
the clause around it: "disorders found that melatonin shortened sleep onset latency". The
name shown and stored is the noun phrase at the end ("sleep onset latency"). A mean
difference's unit is read from the words right after its value in the source sentence.
"""

from __future__ import annotations

import re

from evidex.evidence.models import Outcome
from evidex.text.numbers import find_number

# A reporting clause: everything up to "found/showed/... that <subject> <verb>" goes.
_REPORTING = re.compile(
    r"^.*?\b(?:found|showed|shown|reported|demonstrated|concluded|suggested|observed|indicated)"
    r"\s+that\s+",
    re.I,
)
_LEADING_JOINERS = re.compile(r"^(?:and|or|but|while|whereas|with|also|as well as)\s+", re.I)
# Verbs of change that start a clause ("shortened", "improved", "did not change").
_CHANGE_VERB = re.compile(
    r"^(?:(?:significantly|markedly|modestly|slightly|did not|didn't)\s+)?"
    r"(?:shortened|lengthened|improved|worsened|reduced|increased|decreased|lowered|raised|"
    r"prolonged|extended|boosted|enhanced|changed|(?<=not )change)\s+",
    re.I,
)
_SUBJECT_THEN_VERB = re.compile(r"^(?:[\w-]+\s+){1,3}?(?=(?:significantly\s+)?\w+ed\s)", re.I)

_UNITS: dict[str, str] = {
    "min": "minutes",
    "mins": "minutes",
    "minute": "minutes",
    "minutes": "minutes",
    "h": "hours",
    "hr": "hours",
    "hrs": "hours",
    "hour": "hours",
    "hours": "hours",
    "day": "days",
    "days": "days",
    "week": "weeks",
    "weeks": "weeks",
    "kg": "kg",
    "g": "g",
    "mg": "mg",
    "cm": "cm",
    "mm": "mm",
    "mmhg": "mmHg",
    "mg/dl": "mg/dL",
    "mmol/l": "mmol/L",
    "%": "percentage points",
    "percentage points": "percentage points",
    "points": "points",
    "bpm": "beats per minute",
}
_UNIT_AFTER = re.compile(r"\s*(%|percentage points|mg/dl|mmol/l|mmhg|[a-z]+\b)", re.I)


def clean_outcome_name(name: str) -> str:
    """The noun phrase an outcome is about, without the clause that led to it."""
    text = " ".join(name.split())
    reported = _REPORTING.sub("", text)
    if reported != text:
        text = _SUBJECT_THEN_VERB.sub("", reported)
    for _ in range(2):
        text = _LEADING_JOINERS.sub("", text)
        text = _CHANGE_VERB.sub("", text)
    text = text.strip(" ,;:")
    if not text:
        return name.strip()
    return text[:1].upper() + text[1:] if name[:1].isupper() else text


def unit_from_text(outcome: Outcome) -> str | None:
    """The unit written after a difference's value in its sentence ("-7.06 min" -> minutes)."""
    if outcome.measure != "MD" or not outcome.text:
        return None
    position = 0
    while (written := find_number(outcome.text, outcome.value, position)) is not None:
        unit = _UNIT_AFTER.match(outcome.text, written.end())
        if unit:
            return _UNITS.get(unit.group(1).lower())
        position = written.end()
    return None


def shown_unit(outcome: Outcome) -> str | None:
    """The editor's unit, else the one in the source sentence."""
    return outcome.unit or unit_from_text(outcome)
