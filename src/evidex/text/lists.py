"""Lists of values matched to lists of subjects: 'Cmax and Tmax were 4.7 ± 1.6 µg/mL and
131 ± 56 hours, respectively' -> [('Cmax', '4.7 ± 1.6 µg/mL'), ('Tmax', '131 ± 56 hours')].

A shared unit written once at the end ('1.5 and 36 hours') belongs to every bare number of the
list. Label importers and the pharmacokinetic readers (half-life, time to peak) pair values so.
"""

from __future__ import annotations

import re

from evidex.text.numbers import NUMBER

# Subjects, a verb, then the values: one clause (no ';'), subjects from the sentence's start.
_RESPECTIVELY = re.compile(
    r"^(?P<subjects>[^;]+?)\s+(?:were|was|are|is)\s+(?:approximately\s+|about\s+)?"
    r"(?P<values>[^;]+?),?\s+respectively\b",
    re.IGNORECASE,
)
# ', ', ', and ' or ' and ' outside brackets
_ITEM_SPLIT = re.compile(r",\s*(?:and\s+)?(?![^()]*\))|\s+and\s+(?![^()]*\))")
_BARE_NUMBER = re.compile(rf"{NUMBER}")
_NUMBER_THEN_UNIT = re.compile(rf"{NUMBER}(?:\s*(?:±|\+/-)\s*{NUMBER})?\s*(?P<unit>[^\d\s].*)")
_MEAN_SPREAD = re.compile(rf"(?P<mean>{NUMBER})\s*(?:±|\+/-)\s*{NUMBER}\s*(?P<unit>[^\d\s].*)")
_ARTICLE = re.compile(r"^(?:the|and)\s+", re.IGNORECASE)


def respectively_pairs(sentence: str) -> list[tuple[str, str]]:
    """(subject, value) for each subject of a sentence whose values follow 'respectively';
    [] when the sentence lists none or the counts differ."""
    if "respectively" not in sentence.lower():
        return []
    match = _RESPECTIVELY.search(sentence.strip())
    if match is None:
        return []
    subjects = [part.strip() for part in _ITEM_SPLIT.split(match.group("subjects"))]
    values = [part.strip() for part in _ITEM_SPLIT.split(match.group("values"))]
    subjects = [_ARTICLE.sub("", subject) for subject in subjects if subject]
    values = [value for value in values if value]
    if len(subjects) != len(values) or len(subjects) < 2:
        return []
    shared = _NUMBER_THEN_UNIT.fullmatch(values[-1])
    if shared is not None:
        unit = shared.group("unit")
        values = [f"{v} {unit}" if _BARE_NUMBER.fullmatch(v) else v for v in values]
    return list(zip(subjects, values, strict=True))


def mean_and_unit(value: str) -> str | None:
    """'131 ± 56 hours' -> '131 hours': a mean written with its spread, as the mean alone."""
    match = _MEAN_SPREAD.fullmatch(value.strip())
    return f"{match.group('mean')} {match.group('unit')}" if match else None
