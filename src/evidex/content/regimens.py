"""Dosage prose -> Regimen records.

Each amount with a unit ("1.6 mg", "0.8-6.4 mg", "40 mcg/kg", "1,000–4,000 IU") starts a
regimen; the text up to the next amount in the same sentence describes it (route, frequency,
duration, indication, kind). A short stretch before the amount may name the population
("For patients <40 kg: 40 mcg/kg"), and a label opening the sentence may name the indication
("Jet lag: 0.5-5 mg ..."). An amount written as a ceiling ("titrated to a maximum of 2,550
mg/day") is not a regimen of its own: the Regimen has no field for it. All patterns are
compiled once and bounded, so any input is safe and fast.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from evidex.content.models import Regimen, RegimenKind
from evidex.content.sections import split_sentences
from evidex.text.durations import DAYS_PER, SPAN, in_days, span_counts
from evidex.text.markdown import list_item
from evidex.text.numbers import NUMBER, WORD_VALUES, parse_number
from evidex.text.units import DOSE_UNITS, Quantity, find_quantities

# Route words are found by plain substring search at word starts (several times faster than
# a regex alternation); abbreviations are matched case-sensitively so that ordinary words
# ("im", "po") are never mistaken for routes.
_ROUTE_STEMS: tuple[tuple[str, str], ...] = (
    ("subcutaneous", "subcutaneous"),
    ("sub-cutaneous", "subcutaneous"),
    ("subq", "subcutaneous"),
    ("sub-q", "subcutaneous"),
    ("intramuscular", "intramuscular"),
    ("intravenous", "intravenous"),
    ("oral", "oral"),
    ("by mouth", "oral"),
    ("capsule", "oral"),
    ("tablet", "oral"),
    ("intranasal", "intranasal"),
    ("nasal spray", "intranasal"),
    ("nasally", "intranasal"),
    ("sublingual", "sublingual"),
    ("transdermal", "transdermal"),
    ("patch", "transdermal"),
    ("topical", "topical"),
    ("inhaled", "inhaled"),
    ("inhalation", "inhaled"),
    ("nebuli", "inhaled"),
    ("rectal", "rectal"),
    ("suppositor", "rectal"),
    ("intradermal", "intradermal"),
    ("buccal", "buccal"),
    ("ophthalmic", "ophthalmic"),
    ("eye drop", "ophthalmic"),
    ("vaginal", "vaginal"),
)
# Literal-first pattern (fast scan); the word boundary before it is checked in Python.
_ROUTE_ABBREVIATION = re.compile(r"(?:SC|SQ|IM|IV|PO|[sSiIpP]\.[cCmMvVoO]\.)(?!\w)")
_ABBREVIATED_ROUTES = {
    "SC": "subcutaneous",
    "SQ": "subcutaneous",
    "IM": "intramuscular",
    "IV": "intravenous",
    "PO": "oral",
}
_ORAL_ENDINGS = ("", "ly")
_ABBREVIATION_HINTS = (
    "SC",
    "SQ",
    "IM",
    "IV",
    "PO",
    ".c.",
    ".m.",
    ".v.",
    ".o.",
    ".C.",
    ".M.",
    ".V.",
    ".O.",
)


def _word_routes(lowered: str) -> list[tuple[int, str]]:
    hits: list[tuple[int, str]] = []
    for stem, route in _ROUTE_STEMS:
        at = lowered.find(stem)
        while at != -1:
            starts_word = at == 0 or not lowered[at - 1].isalpha()
            rest = lowered[at + len(stem) : at + len(stem) + 3]
            tail = rest[: len(rest) - len(rest.lstrip("abcdefghijklmnopqrstuvwxyz"))]
            if starts_word and (stem != "oral" or tail in _ORAL_ENDINGS):
                hits.append((at, route))
            at = lowered.find(stem, at + 1)
    return hits


def find_routes(text: str) -> list[str]:
    """Every route named in `text`, first mention first, without repeats."""
    hits = _word_routes(text.lower())
    abbreviations = (
        _ROUTE_ABBREVIATION.finditer(text) if _has(text, _ABBREVIATION_HINTS) else iter(())
    )
    for match in abbreviations:
        at = match.start()
        if at and (text[at - 1].isalnum() or text[at - 1] in "._"):
            continue
        route = _ABBREVIATED_ROUTES.get(match.group().replace(".", "").upper())
        if route:
            hits.append((at, route))
    hits.sort()
    return list(dict.fromkeys(route for _, route in hits))


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
_DURATION = re.compile(
    r"\b(?:for|over|during|x)\s+(?:up to\s+|at least\s+|about\s+|approximately\s+|a further\s+)?"
    + SPAN,
    re.IGNORECASE,
)
_SINGLE = re.compile(
    r"\b(?:single(?:[- ]dose)?|one-time|one time|one-off|once only|as a single|stat)\b",
    re.IGNORECASE,
)
# Written just before the amount: "A single 2 mg dose", "one-off dose of 2 mg", "Single dose: 2 mg"
_SINGLE_BEFORE = re.compile(
    r"\b(?:single|one-time|one time|one-off|once only|once-only)(?:[- ]doses?)?(?:\s+of)?"
    r"\s*:?\s*$",
    re.IGNORECASE,
)
# Amounts that are not a regimen of their own: a ceiling ("titrated to a maximum of 2,550
# mg/day", "maximum recommended dose: 20 mg", "not to exceed 4 g"), a step ("increasing by
# 2.5 mg", "an increment of 0.5 mg") or a dose referred to ("after the 0.25 mg starting
# month", "doses greater than 20 mg", "beyond 6 mg per day").
_NOT_A_DOSE_BEFORE = re.compile(
    r"(?:\bmax(?:imum)?(?:\s+(?:recommended|daily|total|single|tolerated))*"
    r"(?:\s+(?:doses?|dosages?))?(?:\s+(?:of|is|was)|\s*:)?|"
    r"\b(?:do not|not to|never|should not|must not)(?:\s+be)?\s+exceed(?:ed)?|\blimited\s+to|"
    r"\bincrements?\s+of|"
    r"\b(?:increas|decreas|reduc|rais|lower|titrat)(?:e|es|ed|ing)\s+by|"
    r"\b(?:after|following|before|beyond|above|below|than|exceeding)(?:\s+(?:the|a|an|this))?)"
    r"\s*$",
    re.IGNORECASE,
)
# Amounts a product holds, not a dose: "tablets containing 10, 20, 40, and 80 mg", "a pen
# containing a 1 mL syringe", "providing 40 mg (0.8 mL) of HUMIRA".
_STRENGTH_BEFORE = re.compile(
    r"\b(?:contain(?:s|ing)|provid(?:es|ing)|strengths?\s+of|available\s+(?:as|in))\s+"
    rf"(?:(?:a|an|the)\s+)?(?:{NUMBER}\s*,?\s*(?:(?:and|or)\s+)?)*$",
    re.IGNORECASE,
)
_STRENGTH_HINTS = ("contain", "provid", "strength", "available")
# An amount naming the device it comes in ("a 1 mL prefilled glass syringe", "a 5 mg vial").
_DEVICE_AFTER = re.compile(
    r"\s*(?:(?:single-use|single-dose|multi-dose|prefilled|pre-filled|glass|plastic)\s+)*"
    r"(?:syringes?|vials?|pens?|cartridges?|ampoules?|ampules?|autoinjectors?)\b",
    re.IGNORECASE,
)
_STEP_AFTER = re.compile(r"\s*(?:increments?|decrements?|steps?)\b", re.IGNORECASE)
_NOT_A_DOSE_HINTS = (
    *("max", "exceed", "increment", " by", "after", "following", "before", "beyond", "above"),
    *("below", "than", "limited"),
)
_WEIGHT_LIMIT = re.compile(
    r"(?P<who>patients|children|adults|people|individuals|those)?\s*"
    rf"(?:weighing\s+)?(?:<|≤|under|below|less than|lighter than)\s*(?P<kg>{NUMBER})\s*kg\b",
    re.IGNORECASE,
)
_POPULATIONS = (
    ("children", re.compile(r"\b(?:children|paediatric|pediatric|adolescents|infants)\b", re.I)),
    ("elderly", re.compile(r"\b(?:elderly|geriatric|older adults)\b", re.I)),
    ("adults", re.compile(r"\badults?\b", re.I)),
)
_FOR_WORD = re.compile(r"\b(?:for|to treat|in the treatment of)\s+", re.IGNORECASE)
_PHRASE = re.compile(r"[^,.;:()]{3,80}")
_NEXT_FOR = re.compile(r"\s+for\s.*$", re.IGNORECASE)
_NOT_INDICATION = re.compile(
    r"^(?:\d|up to|at least|about|approximately|a further|single|multiple|one|two|three|"
    r"the first|the next|patients|adults|children|those|people|individuals|doses?|days?|"
    r"weeks?|months?|years?|a |an |each|every|maximum|minimum|use|at least|"
    r"(?:(?:adult|pediatric|paediatric|elderly|geriatric|older)\s+(?:patients|adults|children)|"
    r"subjects|women|men|infants|neonates|adolescents|older children)\b)",
    re.IGNORECASE,
)
_INDICATION_STOP = re.compile(
    r"\s+(?:then|followed by|or|with|after|before|following|until|starting|when|if|aged|"
    r"in (?:patients|adults|adolescents|children|people|those|women|men))\b.*$",
    re.IGNORECASE,
)
# "adult patients with rheumatoid arthritis": the indication is what they have
_WHO_WITH = re.compile(
    r"^(?:(?:adult|pediatric|paediatric|elderly|older)\s+)?"
    r"(?:patients|adults|children|adolescents|people|individuals|subjects)\s+(?:with|who have)\s+",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[,;:]|\b(?:then|and|or)\b", re.IGNORECASE)
_MARKUP = re.compile(r"\*\*|__|`")
_DAILY_COURSE_MAX_DAYS = 31.0
_DIGIT = re.compile(r"\d")


def _count(text: str) -> float:
    lowered = re.sub(r"\s*(?:times|x)$", "", text.lower())
    if lowered in _COUNT_WORDS:
        return float(_COUNT_WORDS[lowered])
    first = re.split(r"\s*(?:-|–|to)\s*", lowered)[0]
    return float(first) if first else 1.0


@dataclass
class _Frequency:
    doses_per_week: float | None = None
    interval_days: float | None = None


def parse_frequency(text: str) -> _Frequency:
    """How often, from phrases like 'twice weekly', 'every third day', 'q12h', '5 days on,
    2 days off'. A range of counts ('2-3 times daily') takes its lower bound."""
    lowered = text.lower()
    on_off = _ON_OFF.search(text) if " off" in lowered else None
    if on_off:
        on, off = int(on_off.group("on")), int(on_off.group("off"))
        base = _base_frequency(text[: on_off.start()] + text[on_off.end() :])
        per_day = (base.doses_per_week or 7.0) / 7.0
        if on + off:
            return _Frequency(doses_per_week=round(7.0 * per_day * on / (on + off), 3))
    return _base_frequency(text, lowered)


def _has(text: str, words: tuple[str, ...]) -> bool:
    return any(word in text for word in words)


# Each pattern below runs only when one of its words is in the (lower-cased) text: a
# substring test costs a fraction of a case-insensitive regex search.
_LATIN_HINTS = (
    *("bid", "tid", "qid", "qd", "od", "qhs", "qam", "qpm", "qw", "q w", "biw", "tiw"),
    *("b.i.", "t.i.", "q."),  # every dotted form: "b.i.d", "t.i.w", "q.o.d", "q.h.s", ...
)
_TIMES_HINTS = ("once", "twice", "thrice", "times", "x")
_ALTERNATE_HINTS = ("alternate", "eod")
_DURATION_HINTS = ("day", "week", "month", "year")
_INDICATION_HINTS = ("for ", "to treat", "treatment of")
_SINGLE_HINTS = ("single", "one", "once", "stat")
_POPULATION_HINTS = (
    "child",
    "paediatric",
    "pediatric",
    "adolescent",
    "infant",
    "elderly",
    "geriatric",
    "older adult",
    "adult",
)


def _base_frequency(text: str, lowered: str | None = None) -> _Frequency:
    if lowered is None:
        lowered = text.lower()
    every = _EVERY.search(text) if "every" in lowered else None
    if every:
        raw = (every.group("n") or "1").lower()
        n = float(_ORDINALS.get(raw) or _COUNT_WORDS.get(raw) or raw)
        per = every.group("per").lower().rstrip("s")
        if n > 0:
            if per in ("hour", "hr"):
                return _Frequency(doses_per_week=round(168.0 / n, 3))
            days = n * DAYS_PER.get(per, 1.0)
            # "every day" / "every week" is a plain rate; an interval needs a count or ordinal
            interval = days if every.group("n") else None
            return _Frequency(doses_per_week=round(7.0 / days, 3), interval_days=interval)
    q_every = _Q_EVERY.search(text) if "q" in lowered else None
    if q_every and int(q_every.group("n")) > 0:
        n = int(q_every.group("n"))
        per = q_every.group("per")[0].lower()
        if per == "h":
            return _Frequency(doses_per_week=round(168.0 / n, 3))
        days = n * (7.0 if per == "w" else 1.0)
        return _Frequency(doses_per_week=round(7.0 / days, 3), interval_days=days)
    times = _TIMES_PER.search(text) if _has(lowered, _TIMES_HINTS) else None
    if times:
        n = _count(times.group("n"))
        per = times.group("per").lower()
        if per.startswith("day") or per == "daily":
            return _Frequency(doses_per_week=7.0 * n)
        if per.startswith("w"):
            return _Frequency(doses_per_week=n)
        return _Frequency(doses_per_week=round(n * 7.0 / 30.0, 3))
    latin = _LATIN.search(text) if _has(lowered, _LATIN_HINTS) else None
    if latin:
        key = latin.group("w").replace(".", "").replace(" ", "").lower()
        per_week = _LATIN_PER_WEEK.get(key)
        if per_week is not None:
            interval = 2.0 if key == "qod" else None
            return _Frequency(doses_per_week=per_week, interval_days=interval)
    if _has(lowered, _ALTERNATE_HINTS) and _ALTERNATE_DAYS.search(text):
        return _Frequency(doses_per_week=3.5, interval_days=2.0)
    for pattern, per_week in _PLAIN_FREQUENCY:
        if pattern.search(text):
            return _Frequency(doses_per_week=round(per_week, 3))
    return _Frequency()


def _duration(text: str) -> tuple[str | None, float | None, float | None]:
    match = _DURATION.search(text) if _has(text.lower(), _DURATION_HINTS) else None
    if not match:
        return None, None, None
    low, high, singular = span_counts(match)
    if singular in ("minute", "hour"):
        return None, None, None
    ranged = match.group("b") is not None
    shown = _number_text(low) + (f"-{_number_text(high)}" if ranged else "")
    plural = f"{singular}s" if (ranged or low != 1) else singular
    return f"{shown} {plural}", in_days(low, singular), in_days(high, singular)


def _number_text(value: float) -> str:
    return str(int(value)) if value.is_integer() else str(value)


def _indication(text: str) -> str | None:
    if not _has(text.lower(), _INDICATION_HINTS):
        return None
    for word in _FOR_WORD.finditer(text):
        phrase = _PHRASE.match(text, word.end())
        if phrase is None:
            continue
        what = _WHO_WITH.sub("", _NEXT_FOR.sub("", phrase.group()).strip())
        if _NOT_INDICATION.match(what):
            continue
        what = _INDICATION_STOP.sub("", what).strip()
        if len(what) >= 3:
            return what
    return None


# A paragraph opening with a label that names what its doses treat ("Jet lag: 0.5-5 mg ...").
# Only a label with a word for a condition counts: "Adults", "Oral", "Maintenance" or "Typical
# research dose" name none. Dose-adjustment labels ("Renal impairment") are not indications.
_LABEL = re.compile(r"(?P<label>[A-Za-z][\w' /-]{1,58}?)\s*:\s")
_LABEL_POPULATION = re.compile(
    r"^(?:adults?|children|adolescents|patients|people|individuals|those|men|women|elderly)"
    r"\s+(?:with|for)\s+",
    re.IGNORECASE,
)
_CONDITION_WORDS = frozenset(
    {
        "acne",
        "aids",
        "allergy",
        "allergies",
        "angina",
        "anxiety",
        "asthma",
        "burns",
        "cancer",
        "cold",
        "colds",
        "constipation",
        "covid",
        "cramps",
        "deficiency",
        "dementia",
        "depression",
        "diabetes",
        "disease",
        "disorder",
        "eczema",
        "epilepsy",
        "erectile",
        "failure",
        "fatigue",
        "flu",
        "fracture",
        "gout",
        "headache",
        "herpes",
        "hiv",
        "hypertension",
        "infection",
        "infections",
        "inflammation",
        "injury",
        "injuries",
        "insomnia",
        "lag",
        "loss",
        "malaria",
        "migraine",
        "nafld",
        "nausea",
        "obesity",
        "overweight",
        "pain",
        "pcos",
        "seizures",
        "sepsis",
        "shingles",
        "sickness",
        "sores",
        "spasm",
        "spasms",
        "stroke",
        "syndrome",
        "tumor",
        "tumour",
        "ulcer",
        "ulcers",
        "vomiting",
        "wound",
        "wounds",
    }
)
_CONDITION_ENDINGS = ("itis", "osis", "emia", "pathy", "algia", "penia", "iasis", "oma", "rrhea")
_ADJUSTMENT_WORDS = frozenset({"renal", "hepatic", "kidney"})


def _label_indication(sentence: str) -> str | None:
    label = _LABEL.match(sentence) if ":" in sentence[:62] else None
    return _indication_of_label(label.group("label")) if label else None


@lru_cache(maxsize=4096)  # labels repeat across documents: "Dosage", "Adults", ...
def _indication_of_label(label: str) -> str | None:
    words = label.lower().replace("-", " ").replace("/", " ").split()
    if not any(w in _CONDITION_WORDS or w.endswith(_CONDITION_ENDINGS) for w in words):
        return None
    if _ADJUSTMENT_WORDS.intersection(words):
        return None
    what = _LABEL_POPULATION.sub("", label)
    return " ".join(_lower_capitalised(word) for word in what.split())


def _lower_capitalised(word: str) -> str:
    """'Common' -> 'common'; acronyms and names ('HIV', 'B', "Crohn's") keep their case."""
    return word.lower() if word[1:].islower() and "'" not in word else word


def _population(before: str, default: str | None) -> tuple[str | None, float | None]:
    lowered = before.lower()
    limit = _WEIGHT_LIMIT.search(before) if "kg" in lowered else None
    kg = parse_number(limit.group("kg")) if limit else None
    if limit and kg is not None and kg > 0:
        who = (limit.group("who") or "patients").lower()
        return f"{who} <{limit.group('kg')} kg", kg
    if not _has(lowered, _POPULATION_HINTS):
        return default, None
    for name, pattern in _POPULATIONS:
        if pattern.search(before):
            return name, None
    return default, None


def _kind(
    unit: str, lead_in: str, after: str, freq: _Frequency, max_days: float | None
) -> RegimenKind:
    if unit.endswith("/kg"):
        return "weight_based"
    if _has(after.lower(), _SINGLE_HINTS) and _SINGLE.search(after):
        return "single_dose"
    if _has(lead_in.lower(), _SINGLE_HINTS) and _SINGLE_BEFORE.search(lead_in):
        return "single_dose"
    per_week = freq.doses_per_week
    if per_week is not None and per_week >= 7 and max_days and max_days <= _DAILY_COURSE_MAX_DAYS:
        return "daily_course"
    if per_week is None and freq.interval_days is None:
        return "other"
    return "maintenance"


def _units_of_text(text: str) -> list[tuple[int, str]]:
    """Bullets and paragraphs with the 0-based line each starts on; wrapped lines join."""
    units: list[tuple[int, list[str]]] = []
    open_unit = False
    for index, line in enumerate(text.split("\n")):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            open_unit = False
            continue
        if list_item(line) is not None or not open_unit:
            units.append((index, [_without_list_mark(line).strip()]))
            open_unit = True
        else:
            units[-1][1].append(stripped)
    return [(index, _MARKUP.sub("", " ".join(parts))) for index, parts in units]


def _without_list_mark(line: str) -> str:
    item = list_item(line)
    return item.text if item is not None else line


def _not_a_dose(lead_in: str) -> bool:
    return (
        _has(lead_in.lower(), _NOT_A_DOSE_HINTS) and _NOT_A_DOSE_BEFORE.search(lead_in) is not None
    )


def _dose_amounts(sentence: str) -> list[Quantity]:
    """Doses in the sentence: amounts of a dose unit, alone or per kg, day or week; not
    concentrations ("5 mg/mL") or rates."""
    return [
        quantity
        for quantity in find_quantities(sentence)
        if quantity.base_unit in DOSE_UNITS and quantity.per in (None, "day", "week")
    ]


_BRACKETS = re.compile(r"\([^()]*\)?")
_LIST_SEPARATOR = re.compile(r"\s*(?:,|,?\s*(?:and|or|&))\s*", re.IGNORECASE)


def _descriptions(sentence: str, amounts: list[Quantity]) -> list[str]:
    """The text describing each amount: up to the next amount, or, for amounts listed together
    ("0.5 mg, 1 mg and 1.7 mg once weekly"), the text after the last of the list."""
    if not amounts:
        return []
    ends = [amount.start for amount in amounts[1:]] + [len(sentence)]
    texts = [
        _without_bracketed_amounts(sentence[amount.end : end])
        for amount, end in zip(amounts, ends, strict=True)
    ]
    for index in range(len(texts) - 2, -1, -1):
        if _LIST_SEPARATOR.fullmatch(texts[index]):
            texts[index] = texts[index + 1]
    return texts


def _without_bracketed_amounts(text: str) -> str:
    """Brackets that hold an amount explain the dose before them; its frequency, duration and
    route are outside them ("10 mg (one 10 mg tablet) once daily")."""
    if "(" not in text:
        return text
    return _BRACKETS.sub(lambda m: " " if _dose_amounts(m.group()) else m.group(), text)


def _explanations_left_out(sentence: str, amounts: list[Quantity]) -> list[Quantity]:
    """Amounts inside brackets opened after an earlier amount tell how that dose is given
    ("160 mg on Day 1 (given as four 40 mg injections in one day ...)"): no regimen."""
    kept: list[Quantity] = []
    for amount in amounts:
        opened = sentence.rfind("(", 0, amount.start)
        inside = opened != -1 and sentence.find(")", opened, amount.start) == -1
        if not (kept and inside and opened > kept[0].end):
            kept.append(amount)
    return kept


def _sentence_regimens(
    sentence: str,
    line: int,
    population: str | None,
    default_route: str | None,
    label_indication: str | None = None,
) -> list[Regimen]:
    amounts = _explanations_left_out(sentence, _dose_amounts(sentence))
    found: list[Regimen] = []
    previous_end = 0
    described = _descriptions(sentence, amounts)
    for position, amount in enumerate(amounts):
        after = described[position]
        before = sentence[previous_end : amount.start]
        breaks = list(_CLAUSE_BREAK.finditer(before))
        local_before = (
            before[breaks[-1].end() :] if breaks and breaks[-1].group() != ":" else before
        )
        previous_end = amount.end
        lead_in = local_before[-40:]  # "a single", "to a maximum of": the words just before
        if _not_a_dose(lead_in) or _STEP_AFTER.match(sentence, amount.end):
            continue  # a ceiling, a step or a dose referred to; the regimen it qualifies is kept
        if (
            _has(before.lower(), _STRENGTH_HINTS) and _STRENGTH_BEFORE.search(before)
        ) or _DEVICE_AFTER.match(sentence, amount.end):
            continue  # what a tablet, vial or syringe holds

        unit = amount.unit
        routes = find_routes(after)
        if not routes:
            routes = find_routes(sentence[: amount.start])[-1:]
        route = routes[0] if routes else default_route
        freq = parse_frequency(after)
        if freq.doses_per_week is None and freq.interval_days is None and amount.per:
            freq = _Frequency(doses_per_week=7.0 if amount.per == "day" else 1.0)
        duration, min_days, max_days = _duration(after)
        who, max_kg = _population(local_before, population)
        if position == 0 and who == population:
            who, max_kg = _population(before, population)  # "for adult patients with RA, ... is"
        found.append(
            Regimen(
                amount_min=amount.low,
                amount_max=amount.high,
                unit=unit,
                route=route,
                doses_per_week=freq.doses_per_week,
                interval_days=freq.interval_days,
                duration=duration,
                duration_min_days=min_days,
                duration_max_days=max_days,
                population=who,
                max_weight_kg=max_kg,
                indication=_indication(after) or _indication(before) or label_indication,
                kind=_kind(unit, lead_in, after, freq, max_days),
                text=sentence.strip(),
                line=line,
            )
        )
    return found


def parse_regimens(
    text: str,
    base_line: int = 0,
    population: str | None = None,
    default_route: str | None = None,
) -> list[Regimen]:
    """Every dosing regimen written in `text` (markdown or plain prose).

    `base_line` is the file line of the text's first line; `population` applies where the
    text names none (e.g. "adults" for an Adults subsection); `default_route` applies where
    neither the regimen nor its sentence names a route. Returns [] when nothing is found.
    """
    if not text or not _DIGIT.search(text):
        return []
    found: list[Regimen] = []
    units = (
        _units_of_text(text)
        if "\n" in text
        else [(0, _MARKUP.sub("", _without_list_mark(text).strip()))]
    )
    for offset, unit_text in units:
        if not _DIGIT.search(unit_text):
            continue
        label_indication = None  # a label naming an indication holds until the next one
        for sentence in split_sentences(unit_text, semicolons=True):
            label_indication = _label_indication(sentence) or label_indication
            found.extend(
                _sentence_regimens(
                    sentence, base_line + offset, population, default_route, label_indication
                )
            )
    return found


def fill_missing_routes(regimens: list[Regimen]) -> list[Regimen]:
    """A regimen that names no route takes the route of the same dose (amount, unit and
    frequency) documented elsewhere with one ("The 2.4 mg weekly dose is approved in
    adolescents" after "2.4 mg subcutaneously once weekly"), when that route is the only one."""
    routes: dict[tuple[float, float, str, float | None], set[str]] = {}
    for regimen in regimens:
        if regimen.route:
            routes.setdefault(_dose_key(regimen), set()).add(regimen.route)
    for regimen in regimens:
        known = routes.get(_dose_key(regimen), set()) if regimen.route is None else set()
        if len(known) == 1:
            regimen.route = next(iter(known))
    return regimens


def _dose_key(regimen: Regimen) -> tuple[float, float, str, float | None]:
    return (regimen.amount_min, regimen.amount_max, regimen.unit, regimen.doses_per_week)
