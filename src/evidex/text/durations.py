"""Spans of time as written in prose: "6-12 months", "two hours", "about a week",
"approximately 2 weeks, ranging from 10 to 20 days", "between 5 and 7 days".

The same reading serves regimen durations ("for 6-12 months"), half-lives and times to peak,
whether the sentence comes from a profile or a drug label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from evidex.text.lists import respectively_pairs
from evidex.text.numbers import NUMBER, WORD_VALUES, parse_number

_UNIT_NAMES = {
    "min": "minute",
    "mins": "minute",
    "minute": "minute",
    "minutes": "minute",
    "h": "hour",
    "hr": "hour",
    "hrs": "hour",
    "hour": "hour",
    "hours": "hour",
    "day": "day",
    "days": "day",
    "week": "week",
    "weeks": "week",
    "month": "month",
    "months": "month",
    "year": "year",
    "years": "year",
}
DAYS_PER = {
    "minute": 1 / 1440,
    "hour": 1 / 24,
    "day": 1.0,
    "week": 7.0,
    "month": 30.0,
    "year": 365.0,
}
_HOURS_PER = {
    "minute": 1 / 60,
    "hour": 1.0,
    "day": 24.0,
    "week": 168.0,
    "month": 720.0,
    "year": 8760.0,
}
# Spans are counted in digits or in single words ("six months", "twenty days"); the full
# grammar of numbers in words would add a large pattern to every span for no real case.
_WORDS = "|".join(sorted(WORD_VALUES, key=len, reverse=True))
COUNT = rf"(?:{NUMBER}|\b(?:{_WORDS})\b)"
_COUNT_OR_A = rf"(?:{COUNT}|\ban?\b)"
TIME_UNIT = r"(?:minutes?|mins?|hours?|hrs?|h|days?|weeks?|months?|years?)\b"
_CONNECTOR = r"\s*(?:-|–|—|to|and)\s*"
# "2 weeks", "10 to 20 days", "a week", "12–36 h"
# a mean with its spread ("3.5 ± 0.9 hours") is read as the mean
_SPREAD = rf"(?:\s*(?:±|\+/-|\+-)\s*{NUMBER})?"
SPAN = rf"(?P<a>{_COUNT_OR_A})(?:{_CONNECTOR}(?P<b>{COUNT}))?{_SPREAD}\s*(?P<unit>{TIME_UNIT})"
_SPAN = re.compile(SPAN, re.IGNORECASE)
# After a typical value, the range it varies over: ", ranging from 10 to 20 days", "(range
# 10-20 days)", "(10 to 20 days)"
_RANGE_AFTER = re.compile(
    rf"\s*[,(]?\s*(?:with\s+a\s+)?(?:rang(?:e|ing)\s*(?:from|of|,|:)?\s*|\()\s*{SPAN}",
    re.IGNORECASE,
)
# Between the word and its value: words, not numbers or a sentence end ("half-life (t½) of
# LIPITOR in humans is approximately 14 hours").
_GAP = r"(?:[^.;\d]|\bt\s?1/2\b|\bt\(1/2\)){0,80}?"
_HALF_LIFE_WORDS = r"(?:half[- ]?li(?:fe|ves)|\bt\s?½|\bt\s?1/2|\bt\(1/2\))"
_PEAK_WORDS = r"(?:\bpeak\b|\bt\s?max\b|\bt_max\b|maximum\s+(?:plasma|serum)\s+concentrations?)"
_HALF_LIFE = re.compile(rf"{_HALF_LIFE_WORDS}{_GAP}{SPAN}", re.IGNORECASE)
_PEAK = re.compile(rf"{_PEAK_WORDS}{_GAP}{SPAN}", re.IGNORECASE)
_HALF_LIFE_SUBJECT = re.compile(_HALF_LIFE_WORDS, re.IGNORECASE)
_PEAK_SUBJECT = re.compile(_PEAK_WORDS, re.IGNORECASE)


def written_number(written: str) -> float:
    """'6' -> 6.0, '2.5' -> 2.5, 'six' -> 6.0, 'a' -> 1.0; 0.0 for no number."""
    if written.isdigit():
        return float(written)
    if written.strip().lower() in ("a", "an"):
        return 1.0
    return parse_number(written) or 0.0


def time_unit(written: str) -> str:
    """'hrs' -> 'hour', 'Days' -> 'day'."""
    return _UNIT_NAMES[written.lower()]


def in_days(count: float, unit: str) -> float:
    """Months count 30 days, but whole years of months count 365 ("12 months" is a year)."""
    if unit == "month" and count >= 12 and count % 12 == 0:
        return count / 12 * 365.0
    return count * DAYS_PER[unit]


def in_hours(count: float, unit: str) -> float:
    if unit == "month" and count >= 12 and count % 12 == 0:
        return in_days(count, unit) * 24.0
    return count * _HOURS_PER[unit]


@dataclass(frozen=True, slots=True)
class TimeSpan:
    """A time or a range of times, in hours; `typical` is a value stated beside its range."""

    low_hours: float
    high_hours: float
    typical_hours: float | None = None

    @property
    def hours(self) -> float:
        """The stated typical value, else the middle of the range."""
        if self.typical_hours is not None:
            return self.typical_hours
        return (self.low_hours + self.high_hours) / 2


def span_counts(match: re.Match[str]) -> tuple[float, float, str]:
    """(low, high, unit) of a SPAN match, in its own unit."""
    low = written_number(match.group("a"))
    high = written_number(match.group("b")) if match.group("b") else low
    return min(low, high), max(low, high), time_unit(match.group("unit"))


def _hours_of(match: re.Match[str]) -> tuple[float, float]:
    low, high, unit = span_counts(match)
    return in_hours(low, unit), in_hours(high, unit)


def read_span(text: str) -> TimeSpan | None:
    """The first span of time in `text`, with the range written after it when there is one."""
    match = _SPAN.search(text)
    return _span_at(text, match) if match else None


def _span_at(text: str, match: re.Match[str]) -> TimeSpan:
    low, high = _hours_of(match)
    if match.group("b") is None:
        ranged = _RANGE_AFTER.match(text, match.end())
        if ranged:
            range_low, range_high = _hours_of(ranged)
            if range_low <= low <= range_high:
                return TimeSpan(range_low, range_high, low)
    return TimeSpan(low, high)


def find_half_life(text: str) -> TimeSpan | None:
    """The half-life a sentence states: 'terminal half-life was approximately 2 weeks,
    ranging from 10 to 20 days' -> 336 h (240-480 h); 'half-life of 2-3 hours' -> 2-3 h."""
    lowered = text.lower()
    if not any(word in lowered for word in ("half", "t1/2", "t½", "t 1/2", "t(1/2)")):
        return None
    pairs = respectively_pairs(text)
    if any(_HALF_LIFE_SUBJECT.search(subject) for subject, _ in pairs):
        return _listed_span(pairs, _HALF_LIFE_SUBJECT)
    match = _HALF_LIFE.search(text)
    return _span_at(text, match) if match else None


def find_time_to_peak(text: str) -> TimeSpan | None:
    """The time to peak concentration a sentence states: 'maximum plasma concentrations occur
    within 1 to 2 hours' -> 1-2 h."""
    lowered = text.lower()
    if "peak" not in lowered and "max" not in lowered:
        return None
    pairs = respectively_pairs(text)
    if any(_PEAK_SUBJECT.search(subject) for subject, _ in pairs):
        return _listed_span(pairs, _PEAK_SUBJECT)
    match = _PEAK.search(text)
    return _span_at(text, match) if match else None


def _listed_span(pairs: list[tuple[str, str]], subject: re.Pattern[str]) -> TimeSpan | None:
    """In a sentence listing values 'respectively', the time paired with the subject; None
    when the subject is paired with no time ("Cmax" with "4.7 µg/mL")."""
    for named, value in pairs:
        match = _SPAN.search(value) if subject.search(named) else None
        if match is not None:
            return _span_at(value, match)
    return None
