"""How often, as dosing text writes it: "twice weekly", "every third day", "q12h", "b.i.d.",
"three times a day", "fortnightly", "5 days on, 2 days off".

The one reading of dosing intervals, for profile regimens and label sentences alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from evidex.text.cues import contains_any
from evidex.text.durations import DAYS_PER
from evidex.text.numbers import WORD_VALUES

_COUNT_WORDS = {"once": 1, "twice": 2, "thrice": 3} | WORD_VALUES
_ORDINALS = {"other": 2, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7}
_COUNT = (
    r"once|twice|thrice|"
    r"(?:one|two|three|four|five|six|\d+(?:\s*(?:-|–|to)\s*\d+)?)\s*(?:times|x)(?![a-z])"
)
_TIMES_PER = re.compile(
    rf"\b(?P<n>{_COUNT})\s*(?:a|an|per|each|every|/)?\s*"
    r"(?P<per>day|daily|week|weekly|wk|month|monthly)\b",
    re.IGNORECASE,
)
_SMALL_COUNT = r"\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
_EVERY = re.compile(
    rf"\bevery\s+(?P<n>{_SMALL_COUNT}|other|second|third|fourth|fifth|sixth|seventh)?\s*"
    rf"(?:(?:-|–|—|to)\s*(?:{_SMALL_COUNT})\s*)?"
    r"(?:-\s*)?(?P<per>hours?|hrs?|days?|weeks?|months?)\b",
    re.IGNORECASE,
)
# "q12h", "q7d", "q.7.d.", "q 2 weeks": every n hours, days or weeks
_Q_EVERY = re.compile(
    r"\bq\.?\s?(?P<n>\d{1,2})\.?\s?(?P<per>h(?:rs?|ours?)?|d(?:ays?)?|w(?:ks?|eeks?)?)\b\.?",
    re.IGNORECASE,
)
_LATIN = re.compile(
    r"\b(?P<w>b\.?i\.?d|t\.?i\.?d|q\.?i\.?d|q\.?d|q\.?o\.?d|q\.?h\.?s|q\.?a\.?m|q\.?p\.?m|"
    r"q\.?\s?w(?:ee)?k|q\.?w|b\.?i\.?w|t\.?i\.?w)\b\.?",
    re.IGNORECASE,
)
_LATIN_PER_WEEK = {
    "bid": 14.0,
    "tid": 21.0,
    "qid": 28.0,
    "qd": 7.0,
    "od": 7.0,
    "qod": 3.5,
    "qhs": 7.0,
    "qam": 7.0,
    "qpm": 7.0,
    "qw": 1.0,
    "qwk": 1.0,
    "qweek": 1.0,
    "biw": 2.0,
    "tiw": 3.0,
}
_ON_OFF = re.compile(
    r"\b(?P<on>\d)\s*days?\s*on\b[^.;]{0,6}?(?P<off>\d)\s*days?\s*off\b", re.IGNORECASE
)
_PLAIN_FREQUENCY = (
    (
        re.compile(
            r"(?:\b(?:daily|nightly|per day|a day|each day|every day|at (?:local )?bedtime|"
            r"before bed(?:time)?|at night|each morning|every morning|every night|each night)"
            r"|/\s?d(?:ay)?)\b",
            re.IGNORECASE,
        ),
        7.0,
    ),
    (re.compile(r"(?:\b(?:weekly|per week|a week|each week)|/\s?w(?:ee)?k)\b", re.IGNORECASE), 1.0),
    (re.compile(r"\b(?:monthly|per month|a month)\b", re.IGNORECASE), 7.0 / 30.0),
)
_ALTERNATE_DAYS = re.compile(r"\b(?:on alternate days|alternate-day|eod)\b", re.IGNORECASE)
_FORTNIGHTLY = re.compile(r"\b(?:fortnightly|(?:every|each|once a|a|per) fortnight)\b", re.I)

_LATIN_HINTS = (
    *("bid", "tid", "qid", "qd", "od", "qhs", "qam", "qpm", "qw", "q w", "biw", "tiw"),
    *("b.i.", "t.i.", "q."),  # every dotted form: "b.i.d", "t.i.w", "q.o.d", "q.h.s", ...
)
_TIMES_HINTS = ("once", "twice", "thrice", "times", "x")
_ALTERNATE_HINTS = ("alternate", "eod")


def _count(text: str) -> float:
    lowered = re.sub(r"\s*(?:times|x)$", "", text.lower())
    if lowered in _COUNT_WORDS:
        return float(_COUNT_WORDS[lowered])
    first = re.split(r"\s*(?:-|–|to)\s*", lowered)[0]
    return float(first) if first else 1.0


@dataclass
class Frequency:
    """How often a dose is given: doses a week, and the days between doses when stated."""

    doses_per_week: float | None = None
    interval_days: float | None = None


def parse_frequency(text: str) -> Frequency:
    """How often, from phrases like 'twice weekly', 'every third day', 'q12h', '5 days on,
    2 days off'. A range of counts ('2-3 times daily') takes its lower bound."""
    lowered = text.lower()
    on_off = _ON_OFF.search(text) if " off" in lowered else None
    if on_off:
        on, off = int(on_off.group("on")), int(on_off.group("off"))
        base = _base_frequency(text[: on_off.start()] + text[on_off.end() :])
        per_day = (base.doses_per_week or 7.0) / 7.0
        if on + off:
            return Frequency(doses_per_week=round(7.0 * per_day * on / (on + off), 3))
    return _base_frequency(text, lowered)


def _base_frequency(text: str, lowered: str | None = None) -> Frequency:
    if lowered is None:
        lowered = text.lower()
    every = _EVERY.search(text) if "every" in lowered else None
    if every:
        raw = (every.group("n") or "1").lower()
        n = float(_ORDINALS.get(raw) or _COUNT_WORDS.get(raw) or raw)
        per = every.group("per").lower().rstrip("s")
        if n > 0:
            if per in ("hour", "hr"):
                return Frequency(doses_per_week=round(168.0 / n, 3))
            days = n * DAYS_PER.get(per, 1.0)
            # "every day" / "every week" is a plain rate; an interval needs a count or ordinal
            interval = days if every.group("n") else None
            return Frequency(doses_per_week=round(7.0 / days, 3), interval_days=interval)
    q_every = _Q_EVERY.search(text) if "q" in lowered else None
    if q_every and int(q_every.group("n")) > 0:
        n = int(q_every.group("n"))
        per = q_every.group("per")[0].lower()
        if per == "h":
            return Frequency(doses_per_week=round(168.0 / n, 3))
        days = n * (7.0 if per == "w" else 1.0)
        return Frequency(doses_per_week=round(7.0 / days, 3), interval_days=days)
    times = _TIMES_PER.search(text) if contains_any(lowered, _TIMES_HINTS) else None
    if times:
        n = _count(times.group("n"))
        per = times.group("per").lower()
        if per.startswith("day") or per == "daily":
            return Frequency(doses_per_week=7.0 * n)
        if per.startswith("w"):
            return Frequency(doses_per_week=n)
        return Frequency(doses_per_week=round(n * 7.0 / 30.0, 3))
    latin = _LATIN.search(text) if contains_any(lowered, _LATIN_HINTS) else None
    if latin:
        key = latin.group("w").replace(".", "").replace(" ", "").lower()
        per_week = _LATIN_PER_WEEK.get(key)
        if per_week is not None:
            interval = 2.0 if key == "qod" else None
            return Frequency(doses_per_week=per_week, interval_days=interval)
    if contains_any(lowered, _ALTERNATE_HINTS) and _ALTERNATE_DAYS.search(text):
        return Frequency(doses_per_week=3.5, interval_days=2.0)
    if "fortnight" in lowered and _FORTNIGHTLY.search(text):
        return Frequency(doses_per_week=0.5, interval_days=14.0)
    for pattern, per_week in _PLAIN_FREQUENCY:
        if pattern.search(text):
            return Frequency(doses_per_week=round(per_week, 3))
    return Frequency()
