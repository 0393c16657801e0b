"""Screening one compound against one person's situation, in the profile's own words.

Every statement of the profile about the person's situation (contraindications, special
populations, the pregnancy and breastfeeding fields, the children's advice) is read by
`evidex.text.advice`: one that says avoid excludes the compound, quoting the statement that
names the situation most directly; one that says avoid for a route or form ("avoid injectable
forms") removes that route only; a caution is kept beside the item as a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from evidex.content.models import Compound, Condition, Severity
from evidex.text.advice import INJECTION, Level, read_advice, route_family
from evidex.text.numbers import COUNT, parse_count

UNDER_18 = "under-18"
ADULT_AGE = 18
ELDERLY_AGE = 65
# Pregnancy categories that mean "do not use in pregnancy" on their own.
_FORBIDDEN_PREGNANCY_CATEGORIES = {"X"}
_CHILD_WORDS = re.compile(r"\b(child|children|paediatric|pediatric|adolescent|below the age)", re.I)
_PARENTHESES = re.compile(r"\([^)]*\)")
# The youngest age a children's statement does not reach: "under 12", "below the age of 2",
# neonates (under 1), infants (under 2).
_AGE_BOUND = re.compile(
    rf"\b(?:under|below|younger than|less than)\s+(?:the\s+age\s+of\s+)?({COUNT})\b"
    r"|\b(neonat\w*|newborns?|infants?)\b",
    re.I,
)
_NAMED_AGE_BOUNDS = {"neonat": 1, "newbor": 1, "infant": 2}
_SEVERITY_LEVEL: dict[Severity, Level] = {"contraindicated": "avoid", "caution": "caution"}
NO_INJECTIONS_REASON = "You asked for no injections"


@dataclass(frozen=True)
class Situation:
    """The person, reduced to what screening needs: condition slugs and a few facts."""

    conditions: frozenset[str]
    weight_kg: float | None = None
    age: int | None = None
    tested_athlete: bool = False
    no_injections: bool = False
    # The vocabulary's words for each condition, for contraindications the parser left unmapped.
    condition_words: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass
class Screening:
    excluded_reason: str | None = None
    kind: str = "screening"
    cautions: list[str] = field(default_factory=list)
    # Route family ("injection", "oral", ...) -> the statement that rules it out.
    avoided_routes: dict[str, str] = field(default_factory=dict)

    @property
    def excluded(self) -> bool:
        return self.excluded_reason is not None


@dataclass(frozen=True)
class _Statement:
    text: str  # as quoted to the reader
    condition: str
    relevance: int  # how directly it names the condition: higher wins the quote
    severity: Severity | None = None  # what the parser or the editor said


def situation_conditions(
    conditions: list[str],
    pregnant: bool,
    breastfeeding: bool,
    age: int | None,
) -> set[str]:
    found = set(conditions)
    if pregnant:
        found.add("pregnancy")
    if breastfeeding:
        found.add("breastfeeding")
    if age is not None and age < ADULT_AGE:
        found.add(UNDER_18)
    if age is not None and age >= ELDERLY_AGE:
        found.add("elderly")
    return found


def condition_words(conditions: dict[str, Condition]) -> dict[str, tuple[str, ...]]:
    """Lower-case words naming each condition (slug, name, synonyms)."""
    words: dict[str, tuple[str, ...]] = {}
    for slug, condition in conditions.items():
        names = {slug.replace("-", " "), condition.name, *condition.synonyms}
        words[slug] = tuple(sorted({n.lower() for n in names if len(n) > 3}))
    return words


def compound_routes(compound: Compound) -> set[str]:
    """Route families the compound is given by, from its routes and its regimens."""
    routes = {route_family(r) for r in compound.routes}
    routes |= {route_family(r.route) for r in compound.regimens if r.route}
    return routes


def is_injection_only(compound: Compound) -> bool:
    routes = compound_routes(compound)
    return bool(routes) and routes <= {INJECTION}


def _mentions(text: str, words: tuple[str, ...]) -> bool:
    lowered = text.lower()
    return any(re.search(rf"\b{re.escape(word)}", lowered) for word in words)


def _lead(text: str) -> str:
    """The part of a statement that names who it is about: before its colon, without
    parenthesised examples ("pituitary axis (… pituitary tumour …): contraindicated")."""
    head, colon, _rest = text.partition(":")
    return _PARENTHESES.sub(" ", head if colon else text)


def _relevance(text: str, mapped: str | None, condition: str, situation: Situation) -> int:
    words = situation.condition_words.get(condition, ())
    if _mentions(_lead(text), words):
        return 3
    if mapped == condition:
        return 2
    return 1 if _mentions(text, words) else 0


def _about(
    text: str, mapped: str | None, situation: Situation, severity: Severity | None
) -> list[_Statement]:
    """The statement once for each of the person's conditions it is about."""
    found = []
    for condition in sorted(situation.conditions):
        relevance = _relevance(text, mapped, condition, situation)
        if relevance:
            found.append(_Statement(text, condition, relevance, severity))
    return found


def _statements(compound: Compound, situation: Situation) -> list[_Statement]:
    found: list[_Statement] = []
    for item in compound.contraindications:
        found += _about(item.text, item.condition, situation, item.severity)
    for case in compound.special_cases:
        text = f"{case.population}: {case.text}"
        found += _about(text, case.condition, situation, case.severity)
    for sentence in _sentences(compound.precautions):
        found += _about(sentence, None, situation, None)
    if "pregnancy" in situation.conditions and compound.pregnancy:
        category = (compound.pregnancy_category or "").strip().upper()[:1]
        prefix = f"Pregnancy (category {category}): " if category else "Pregnancy: "
        found.append(_Statement(prefix + compound.pregnancy, "pregnancy", 3))
    if "breastfeeding" in situation.conditions and compound.breastfeeding:
        text = f"Breastfeeding: {compound.breastfeeding}"
        found.append(_Statement(text, "breastfeeding", 3))
    if UNDER_18 in situation.conditions and not any(s.condition == UNDER_18 for s in found):
        found += [_Statement(f"Children: {t}", UNDER_18, 1) for t in _children_statements(compound)]
    return found


def screen(compound: Compound, situation: Situation) -> Screening:
    """Exclude (with the reason) or keep (with cautions and any routes ruled out)."""
    result = Screening()
    if situation.tested_athlete and compound.is_banned:
        detail = f": {compound.ban_details}" if compound.ban_details else ""
        result.excluded_reason = f"Prohibited in tested sport{detail}"
        result.kind = "banned"
        return result
    if situation.no_injections and is_injection_only(compound):
        named = ", ".join(sorted({r for r in compound.routes} or {"injection"}))
        result.excluded_reason = f"Only given by injection ({named})"
        result.kind = "route"
        return result
    if situation.no_injections:
        result.avoided_routes[INJECTION] = NO_INJECTIONS_REASON
    if "pregnancy" in situation.conditions:
        category = (compound.pregnancy_category or "").strip().upper()[:1]
        if category in _FORBIDDEN_PREGNANCY_CATEGORIES:
            result.excluded_reason = (
                f"Pregnancy category {compound.pregnancy_category}: "
                f"{compound.pregnancy or 'not to be used in pregnancy'}"
            )
            return result
    forbidding: list[_Statement] = []
    for statement in _statements(compound, situation):
        advice = read_advice(statement.text)
        # The profile's own words decide; the parser's or editor's severity only when the
        # statement has no advice words ("Severe renal impairment" under Contraindications).
        level = advice.level or _SEVERITY_LEVEL.get(statement.severity or "caution")
        # "contraindicated in neonates" does not forbid a 16-year-old: it is a caution for them
        outgrown = statement.condition == UNDER_18 and _older(situation, statement)
        if level == "avoid" and not outgrown:
            forbidding.append(statement)
            continue
        for route in sorted(advice.avoided_routes):
            result.avoided_routes.setdefault(route, statement.text)
        _add(result.cautions, statement.text)
    if forbidding:
        best = max(forbidding, key=lambda s: s.relevance)  # first of the most direct
        result.excluded_reason = best.text
        return result
    routes = compound_routes(compound)
    if routes and routes <= set(result.avoided_routes):
        reasons = [result.avoided_routes[r] for r in sorted(routes)]
        names = ", ".join(sorted(routes))
        result.excluded_reason = f"Only given by {names}: {'; '.join(dict.fromkeys(reasons))}"
        result.kind = "route"
    return result


def _older(situation: Situation, statement: _Statement) -> bool:
    """Whether the person is older than every age the statement is limited to."""
    if situation.age is None:
        return False
    bounds = [
        (parse_count(number) or 0) if number else _NAMED_AGE_BOUNDS[word.lower()[:6]]
        for number, word in _AGE_BOUND.findall(statement.text)
    ]
    return bool(bounds) and situation.age >= max(bounds)


def _children_statements(compound: Compound) -> list[str]:
    found = [
        r.text
        for r in compound.regimens
        if r.population and _CHILD_WORDS.search(r.population) and r.text
    ]
    found += [c.text for c in compound.special_cases if _CHILD_WORDS.search(c.population)]
    found += [
        clause
        for p in compound.precautions
        for clause in re.split(r"(?<=[.;])\s+", p)
        if _CHILD_WORDS.search(clause)
    ]
    for section in compound.sections:
        if section.key == "dosage":
            found += _children_from_dosage(section.markdown)
    return found


def _sentences(paragraphs: list[str]) -> list[str]:
    return [s for p in paragraphs for s in re.split(r"(?<=[.!?])\s+", p) if s.strip()]


def _children_from_dosage(markdown: str) -> list[str]:
    """The bullets under a 'Children' heading of the dosage section."""
    lines: list[str] = []
    inside = False
    for line in markdown.splitlines():
        if line.lstrip().startswith("#"):
            inside = bool(_CHILD_WORDS.search(line))
            continue
        if inside and line.strip().startswith("-"):
            lines.append(line.strip().removeprefix("-").strip())
    return lines


def _add(target: list[str], text: str) -> None:
    text = " ".join(text.split())
    if text and text not in target:
        target.append(text)
