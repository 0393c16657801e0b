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
from functools import lru_cache

from evidex.content.models import Regimen, RegimenKind
from evidex.content.sections import split_sentences
from evidex.text.cues import contains_any
from evidex.text.durations import SPAN, in_days, span_counts
from evidex.text.frequency import Frequency, parse_frequency
from evidex.text.markdown import ITEM_STARTS, list_item
from evidex.text.numbers import NUMBER, parse_number
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
        _ROUTE_ABBREVIATION.finditer(text) if contains_any(text, _ABBREVIATION_HINTS) else iter(())
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
_DEVICES = r"(?:syringes?|vials?|pens?|cartridges?|ampoules?|ampules?|autoinjectors?)"
# An amount naming the device it comes in ("a 1 mL prefilled glass syringe", "a 5 mg vial"),
# or what a device holds in brackets after it ("the full amount in the syringe (0.8 mL)").
_DEVICE_AFTER = re.compile(
    r"\s*(?:(?:single-use|single-dose|multi-dose|prefilled|pre-filled|glass|plastic)\s+)*"
    rf"{_DEVICES}\b",
    re.IGNORECASE,
)
_DEVICE_BEFORE = re.compile(rf"\b{_DEVICES}\s*\(\s*$", re.IGNORECASE)
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


# Each pattern below runs only when one of its words is in the (lower-cased) text: a
# substring test costs a fraction of a case-insensitive regex search.
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


def _duration(text: str) -> tuple[str | None, float | None, float | None]:
    match = _DURATION.search(text) if contains_any(text.lower(), _DURATION_HINTS) else None
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
    if not contains_any(text.lower(), _INDICATION_HINTS):
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
    if not contains_any(lowered, _POPULATION_HINTS):
        return default, None
    for name, pattern in _POPULATIONS:
        if pattern.search(before):
            return name, None
    return default, None


def _kind(
    unit: str, lead_in: str, after: str, freq: Frequency, max_days: float | None
) -> RegimenKind:
    if unit.endswith("/kg"):
        return "weight_based"
    if contains_any(after.lower(), _SINGLE_HINTS) and _SINGLE.search(after):
        return "single_dose"
    if contains_any(lead_in.lower(), _SINGLE_HINTS) and _SINGLE_BEFORE.search(lead_in):
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
        item = list_item(line) if stripped[0] in ITEM_STARTS else None
        if item is not None or not open_unit:
            units.append((index, [(item.text if item else line).strip()]))
            open_unit = True
        else:
            units[-1][1].append(stripped)
    return [(index, _MARKUP.sub("", " ".join(parts))) for index, parts in units]


def _without_list_mark(line: str) -> str:
    item = list_item(line)
    return item.text if item is not None else line


def _not_a_dose(lead_in: str) -> bool:
    return (
        contains_any(lead_in.lower(), _NOT_A_DOSE_HINTS)
        and _NOT_A_DOSE_BEFORE.search(lead_in) is not None
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
            (contains_any(before.lower(), _STRENGTH_HINTS) and _STRENGTH_BEFORE.search(before))
            or _DEVICE_AFTER.match(sentence, amount.end)
            or _DEVICE_BEFORE.search(before)
        ):
            continue  # what a tablet, vial or syringe holds

        unit = amount.unit
        routes = find_routes(after)
        if not routes:
            routes = find_routes(sentence[: amount.start])[-1:]
        route = routes[0] if routes else default_route
        freq = parse_frequency(after)
        if freq.doses_per_week is None and freq.interval_days is None and amount.per:
            freq = Frequency(doses_per_week=7.0 if amount.per == "day" else 1.0)
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
                doses_per_week_max=freq.doses_per_week_max,
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
