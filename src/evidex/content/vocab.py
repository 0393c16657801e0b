"""The library's vocabularies: goals.yaml, conditions.yaml and interactions.yaml."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from evidex.content.diagnostics import ContentError, Diagnostic
from evidex.content.models import Condition, Goal, InteractionRule
from evidex.content.names import fold_name
from evidex.content.yamlload import Located, load_yaml

M = TypeVar("M", bound=BaseModel)


def validation_diagnostics(
    exc: ValidationError, path: str, located: Located, prefix: tuple[Any, ...] = ()
) -> list[Diagnostic]:
    """Turn pydantic errors into `path:line` diagnostics pointing at the offending key."""
    found = []
    for error in exc.errors():
        loc = tuple(error["loc"])
        where = ".".join(str(part) for part in (*prefix, *loc)) or "document"
        message = f"{where}: {error['msg']}"
        found.append(Diagnostic(path, located.line(*prefix, *loc), "error", message, "schema"))
    return found


def _parse_list(
    items: Any, model: type[M], path: str, located: Located, prefix: tuple[Any, ...]
) -> tuple[list[M], list[Diagnostic]]:
    if not isinstance(items, list):
        where = ".".join(map(str, prefix)) or "the file"
        return [], [Diagnostic(path, located.line(*prefix), "error", f"{where} must be a list")]
    parsed: list[M] = []
    problems: list[Diagnostic] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(items):
        try:
            record = model.model_validate(item)
        except ValidationError as exc:
            problems.extend(validation_diagnostics(exc, path, located, (*prefix, index)))
            continue
        key = str(getattr(record, "slug", None) or getattr(record, "id", ""))
        line = located.line(*prefix, index)
        if key in seen:
            problems.append(
                Diagnostic(path, line, "error", f"duplicate {key!r} (first at line {seen[key]})")
            )
            continue
        seen[key] = line
        if "line" in model.model_fields:  # records that keep their place, for later messages
            record.line = line  # type: ignore[attr-defined]
        parsed.append(record)
    return parsed, problems


def _load(text: str, path: str) -> tuple[Located | None, list[Diagnostic]]:
    try:
        return load_yaml(text, path), []
    except ContentError as exc:
        return None, [exc.diagnostic]


def parse_goals(text: str, path: str) -> tuple[list[Goal], list[Diagnostic]]:
    located, problems = _load(text, path)
    if located is None:
        return [], problems
    data = located.data.get("goals") if isinstance(located.data, dict) else located.data
    prefix: tuple[Any, ...] = ("goals",) if isinstance(located.data, dict) else ()
    return _parse_list(data, Goal, path, located, prefix)


def parse_conditions(text: str, path: str) -> tuple[list[Condition], list[Diagnostic]]:
    located, problems = _load(text, path)
    if located is None:
        return [], problems
    data = located.data.get("conditions") if isinstance(located.data, dict) else located.data
    prefix: tuple[Any, ...] = ("conditions",) if isinstance(located.data, dict) else ()
    return _parse_list(data, Condition, path, located, prefix)


def parse_interactions(text: str, path: str) -> tuple[list[InteractionRule], list[Diagnostic]]:
    located, problems = _load(text, path)
    if located is None:
        return [], problems
    data = located.data.get("rules") if isinstance(located.data, dict) else located.data
    prefix: tuple[Any, ...] = ("rules",) if isinstance(located.data, dict) else ()
    rules, problems = _parse_list(data, InteractionRule, path, located, prefix)
    valid = []
    for rule in rules:
        forms = [
            bool(rule.a and rule.b),
            bool(rule.a_class and rule.b_class),
            bool(rule.a and rule.b_class) or bool(rule.a_class and rule.b),
            bool(rule.effect),
        ]
        if sum(forms) != 1:
            problems.append(
                Diagnostic(
                    path,
                    rule.line,
                    "error",
                    f"rule {rule.id!r} must be exactly one of: a+b, a_class+b_class, "
                    "a+b_class, or effect",
                )
            )
            continue
        valid.append(rule)
    return valid, problems


# Goal phrases as written in titles -> the sample library's goal slugs (content/goals.yaml),
# used when no goals vocabulary is passed in or it does not know the phrase.
GOAL_SYNONYMS: dict[str, str] = {
    "liver": "liver-health",
    "liver function": "liver-health",
    "hepatic health": "liver-health",
    "liver disease": "liver-health",
    "fat loss": "weight-loss",
    "weight management": "weight-loss",
    "obesity": "weight-loss",
    "muscle growth": "muscle-and-strength",
    "muscle building": "muscle-and-strength",
    "muscle gain": "muscle-and-strength",
    "strength": "muscle-and-strength",
    "injury healing": "tissue-repair",
    "injury recovery": "tissue-repair",
    "wound healing": "tissue-repair",
    "healing": "tissue-repair",
    "sleep quality": "sleep",
    "better sleep": "sleep",
    "insomnia": "sleep",
    "cognition": "cognitive-health",
    "cognitive function": "cognitive-health",
    "memory": "cognitive-health",
    "brain health": "cognitive-health",
    "immunity": "immune-support",
    "immune health": "immune-support",
    "immune function": "immune-support",
    "cardiovascular health": "heart-health",
    "anti aging": "skin-health",
    "bone density": "bone-health",
    "blood sugar": "blood-sugar-control",
    "glucose control": "blood-sugar-control",
    "glycemic control": "blood-sugar-control",
    "visceral fat": "body-composition",
}


def match_goal(goal_name: str, goals: Sequence[Goal] = ()) -> str | None:
    """The goal slug a phrase names: a goal's slug, name, synonym or condition (the library's
    goals first, then the built-in synonyms), else a known goal phrase inside it ("Tendon
    Healing" -> tissue-repair); None when it names none."""
    wanted = fold_name(goal_name)
    for goal in goals:
        if wanted in {fold_name(name) for name in _goal_phrases(goal)}:
            return goal.slug
    key = " ".join(goal_name.lower().replace("-", " ").split())
    return GOAL_SYNONYMS.get(key) or _goal_within(key, goals)


def _goal_phrases(goal: Goal) -> list[str]:
    return [goal.slug, goal.name, *goal.synonyms, *goal.conditions]


# Words of a goal's name too common to name it on their own ("Hair Loss" is not weight loss).
_GENERIC_GOAL_WORDS = frozenset({"health", "and", "control", "support", "loss", "the", "of"})


def _goal_within(text: str, goals: Sequence[Goal]) -> str | None:
    """The goal whose phrase appears earliest in `text` as whole words (the longest phrase
    where two start together): "skin aging and wound healing" -> skin-health."""
    phrases: list[tuple[str, str]] = [(phrase, slug) for phrase, slug in GOAL_SYNONYMS.items()]
    for goal in goals:
        phrases += [(phrase.lower(), goal.slug) for phrase in _goal_phrases(goal)]
        phrases += [
            (word, goal.slug)
            for word in goal.name.lower().split()
            if word not in _GENERIC_GOAL_WORDS and len(word) > 3
        ]
    best: tuple[int, int, str] | None = None
    for phrase, slug in phrases:
        phrase = " ".join(phrase.replace("-", " ").split())
        match = re.search(rf"\b{re.escape(phrase)}\b", text) if phrase else None
        if match and (best is None or (match.start(), -len(phrase)) < best[:2]):
            best = (match.start(), -len(phrase), slug)
    return best[2] if best else None
