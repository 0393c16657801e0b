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
_COUNT_WORD = r"once|twice|thrice|one|two|three|four|five|six|\d+"
# "twice", "3 times", "2-3 times", "once or twice", "twice or three times", "one to two times"
_COUNT = (
    rf"(?:(?:{_COUNT_WORD})\s*(?:-|–|to|or)\s*)?"
    r"(?:once|twice|thrice|(?:one|two|three|four|five|six|\d+)\s*(?:times|x)(?![a-z]))"
)
_TIMES_PER = re.compile(
    rf"\b(?P<n>{_COUNT})\s*(?:a|an|per|each|every|/)?\s*"
    r"(?P<per>day|daily|week|weekly|wk|month|monthly)\b",
    re.IGNORECASE,
)
_SMALL_COUNT = r"\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
_EVERY = re.compile(
    rf"\bevery\s+(?P<n>{_SMALL_COUNT}|other|second|third|fourth|fifth|sixth|seventh)?\s*"
    rf"(?:(?:-|–|—|to|or)\s*(?P<n2>{_SMALL_COUNT})\s*)?"
    r"(?:-\s*)?(?P<per>hours?|hrs?|h|days?|weeks?|months?)\b",
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


def _counts(text: str) -> tuple[float, float]:
    """'twice' -> (2, 2); '2-3 times' -> (2, 3); 'once or twice' -> (1, 2)."""
    words = re.sub(r"\s*(?:times|x)$", "", text.lower())
    bounds = [
        _word_count(word) if word else 1.0
        for word in re.split(r"\s*(?:-|–|\bto\b|\bor\b)\s*", words)
    ]
    return min(bounds), max(bounds)


def _word_count(word: str) -> float:
    return float(_ORDINALS.get(word) or _COUNT_WORDS.get(word) or word)


@dataclass
class Frequency:
    """How often a dose is given: doses a week (the fewest, when a range is written, with the
    most in `doses_per_week_max`), and the days between doses when stated."""

    doses_per_week: float | None = None
    interval_days: float | None = None
    doses_per_week_max: float | None = None


def _per_week(low: float, high: float, interval: float | None = None) -> Frequency:
    low, high = round(low, 3), round(high, 3)
    return Frequency(low, interval, high if high > low else None)


def parse_frequency(text: str) -> Frequency:
    """How often, from phrases like 'twice weekly', 'every third day', 'q12h', '5 days on,
    2 days off'. A range ('2-3 times daily', 'every 8 to 12 hours', 'b.i.d. or t.i.d.') reads
    as the fewest doses a week, with the most in `doses_per_week_max`."""
    lowered = text.lower()
    on_off = _ON_OFF.search(text) if " off" in lowered else None
    if on_off:
        on, off = int(on_off.group("on")), int(on_off.group("off"))
        base = _base_frequency(text[: on_off.start()] + text[on_off.end() :])
        per_day = (base.doses_per_week or 7.0) / 7.0
        if on + off:
            return Frequency(doses_per_week=round(7.0 * per_day * on / (on + off), 3))
    return _base_frequency(text, lowered)


def _latin_per_week(text: str) -> list[tuple[str, float]]:
    """Each Latin abbreviation in `text` with its doses a week: 'b.i.d. or t.i.d.' gives two."""
    found = []
    for match in _LATIN.finditer(text):
        key = match.group("w").replace(".", "").replace(" ", "").lower()
        if key in _LATIN_PER_WEEK:
            found.append((key, _LATIN_PER_WEEK[key]))
    return found


def _base_frequency(text: str, lowered: str | None = None) -> Frequency:
    if lowered is None:
        lowered = text.lower()
    every = _EVERY.search(text) if "every" in lowered else None
    if every:
        n = _word_count((every.group("n") or "1").lower())
        n2 = _word_count(every.group("n2").lower()) if every.group("n2") else n
        per = every.group("per").lower().rstrip("s")
        if n > 0 and n2 > 0:
            shortest, longest = min(n, n2), max(n, n2)
            if per in ("hour", "hr", "h"):
                return _per_week(168.0 / longest, 168.0 / shortest)
            days = DAYS_PER.get(per, 1.0)
            # "every day" / "every week" is a plain rate; an interval needs a count or ordinal
            interval = shortest * days if every.group("n") else None  # as the schedule read it
            return _per_week(7.0 / (longest * days), 7.0 / (shortest * days), interval)
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
        low, high = _counts(times.group("n"))
        per = times.group("per").lower()
        scale = 7.0 if per.startswith("day") or per == "daily" else 1.0
        if not per.startswith(("d", "w")):
            scale = 7.0 / 30.0
        return _per_week(low * scale, high * scale)
    latin = _latin_per_week(text) if contains_any(lowered, _LATIN_HINTS) else []
    if latin:
        (key, per_week), *others = latin
        interval = 2.0 if key == "qod" and not others else None
        rates = [per_week, *(rate for _, rate in others)]
        return _per_week(min(rates), max(rates), interval)
    if contains_any(lowered, _ALTERNATE_HINTS) and _ALTERNATE_DAYS.search(text):
        return Frequency(doses_per_week=3.5, interval_days=2.0)
    if "fortnight" in lowered and _FORTNIGHTLY.search(text):
        return Frequency(doses_per_week=0.5, interval_days=14.0)
    for pattern, per_week in _PLAIN_FREQUENCY:
        if pattern.search(text):
            return Frequency(doses_per_week=round(per_week, 3))
    return Frequency()


def times_per_day(interval_days: float | None, doses_per_week: float | None) -> int | None:
    """Doses a day for a regimen taken every day (1 for daily, 2 for twice daily), else None."""
    if interval_days and interval_days <= 1:
        per_day = 1 / interval_days
    elif doses_per_week and doses_per_week >= 7:
        per_day = doses_per_week / 7
    else:
        return None
    whole = round(per_day)
    return whole if whole >= 1 and abs(per_day - whole) < 1e-6 else None


_TIMES_A_DAY = {1: "daily", 2: "twice daily", 3: "three times daily", 4: "four times daily"}
_TIMES_A_WEEK = {1.0: "once weekly", 2.0: "twice weekly", 3.0: "three times weekly", 7.0: "daily"}
_EVERY_NTH_DAY = {2: "every other day", 3: "every third day"}


def _plain(value: float) -> str:
    return f"{round(value, 2):g}"


def describe(
    doses_per_week: float | None,
    interval_days: float | None = None,
    doses_per_week_max: float | None = None,
) -> str | None:
    """How often in words: 'twice daily', 'once weekly', 'every 14 days', '2–3 times daily'
    (a range as the text gave it, never one end of it); None when nothing is known."""
    if doses_per_week and doses_per_week_max:
        if doses_per_week >= 7:
            return f"{_plain(doses_per_week / 7)}–{_plain(doses_per_week_max / 7)} times daily"
        return f"{_plain(doses_per_week)}–{_plain(doses_per_week_max)} times weekly"
    per_day = times_per_day(interval_days, doses_per_week)
    if per_day is not None:
        return _TIMES_A_DAY.get(per_day, f"{per_day} times daily")
    if interval_days:
        if interval_days == 7:
            return "once weekly"
        if interval_days in _EVERY_NTH_DAY:
            return _EVERY_NTH_DAY[int(interval_days)]
        return f"every {_plain(interval_days)} days"
    if doses_per_week:
        return _TIMES_A_WEEK.get(doses_per_week) or f"{_plain(doses_per_week)} times weekly"
    return None
