"""The library's vocabularies: goals.yaml, conditions.yaml and interactions.yaml."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from evidex.content.diagnostics import ContentError, Diagnostic
from evidex.content.models import Condition, Goal, InteractionRule
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
