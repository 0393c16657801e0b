"""Screening one compound against one person's situation, in the profile's own words."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from evidex.content.models import Compound, Condition

INJECTABLE_ROUTES = frozenset({"subcutaneous", "intramuscular", "intravenous", "injection"})
UNDER_18 = "under-18"
ELDERLY_AGE = 65
# Pregnancy categories that mean "do not use in pregnancy" on their own.
_FORBIDDEN_PREGNANCY_CATEGORIES = {"X"}
_CAUTION_WORDS = re.compile(r"\b(use caution|with caution|caution)\b", re.I)
_CHILD_WORDS = re.compile(r"\b(child|children|paediatric|pediatric|adolescent|below the age)", re.I)


@dataclass(frozen=True)
class Situation:
    """The person, reduced to what screening needs: condition slugs and a few facts."""

    conditions: frozenset[str]
    weight_kg: float | None = None
    tested_athlete: bool = False
    no_injections: bool = False
    # The vocabulary's words for each condition, for contraindications the parser left unmapped.
    condition_words: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass
class Screening:
    excluded_reason: str | None = None
    kind: str = "screening"
    cautions: list[str] = field(default_factory=list)

    @property
    def excluded(self) -> bool:
        return self.excluded_reason is not None


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
    if age is not None and age < 18:
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


def is_injection_only(compound: Compound) -> bool:
    routes = {r.lower() for r in compound.routes}
    routes |= {r.route.lower() for r in compound.regimens if r.route}
    return bool(routes) and routes <= INJECTABLE_ROUTES


def _mentions(text: str, words: tuple[str, ...]) -> bool:
    lowered = text.lower()
    return any(re.search(rf"\b{re.escape(word)}", lowered) for word in words)


def _condition_of(text: str, mapped: str | None, situation: Situation) -> str | None:
    """The situation condition a profile statement is about, if any."""
    if mapped is not None and mapped in situation.conditions:
        return mapped
    # Statements often name more than one condition ("Pregnancy and breastfeeding"), and
    # some are left unmapped by the parser: the words decide.
    for slug in sorted(situation.conditions):
        if _mentions(text, situation.condition_words.get(slug, ())):
            return slug
    return None


def screen(compound: Compound, situation: Situation) -> Screening:
    """Exclude (with the reason) or keep (with cautions) one compound for this person."""
    result = Screening()
    if situation.tested_athlete and compound.is_banned:
        detail = f": {compound.ban_details}" if compound.ban_details else ""
        result.excluded_reason = f"Prohibited in tested sport{detail}"
        result.kind = "banned"
        return result
    if situation.no_injections and is_injection_only(compound):
        routes = ", ".join(sorted({r for r in compound.routes} or {"injection"}))
        result.excluded_reason = f"Only given by injection ({routes})"
        result.kind = "route"
        return result
    covered: set[str] = set()
    for item in compound.contraindications:
        condition = _condition_of(item.text, item.condition, situation)
        if condition is None:
            continue
        covered.add(condition)
        if item.severity == "contraindicated" and not _CAUTION_WORDS.search(item.text):
            result.excluded_reason = item.text
            return result
        _add(result.cautions, item.text)
    for case in compound.special_cases:
        condition = _condition_of(f"{case.population} {case.text}", case.condition, situation)
        if condition is None:
            continue
        covered.add(condition)
        if case.severity == "contraindicated":
            result.excluded_reason = f"{case.population}: {case.text}"
            return result
        _add(result.cautions, f"{case.population}: {case.text}")
    _life_stage(compound, situation, covered, result)
    return result


def _life_stage(
    compound: Compound, situation: Situation, covered: set[str], result: Screening
) -> None:
    """Pregnancy, breastfeeding and childhood advice from their own profile sections."""
    if "pregnancy" in situation.conditions:
        category = (compound.pregnancy_category or "").strip().upper()[:1]
        if category in _FORBIDDEN_PREGNANCY_CATEGORIES:
            result.excluded_reason = (
                f"Pregnancy category {compound.pregnancy_category}: "
                f"{compound.pregnancy or 'not to be used in pregnancy'}"
            )
            return
        if compound.pregnancy:
            prefix = f"Pregnancy (category {category}): " if category else "Pregnancy: "
            _add(result.cautions, prefix + compound.pregnancy)
    if "breastfeeding" in situation.conditions and compound.breastfeeding:
        _add(result.cautions, f"Breastfeeding: {compound.breastfeeding}")
    if UNDER_18 in situation.conditions and UNDER_18 not in covered:
        for text in _children_statements(compound):
            _add(result.cautions, f"Children: {text}")


def _children_statements(compound: Compound) -> list[str]:
    found = [
        r.text
        for r in compound.regimens
        if r.population and _CHILD_WORDS.search(r.population) and r.text
    ]
    found += [c.text for c in compound.special_cases if _CHILD_WORDS.search(c.population)]
    found += [
        sentence
        for p in compound.precautions
        for sentence in re.split(r"(?<=[.;])\s+", p)
        if _CHILD_WORDS.search(sentence)
    ]
    for section in compound.sections:
        if section.key == "dosage":
            found += _children_from_dosage(section.markdown)
    return found


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
