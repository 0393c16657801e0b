"""Curated study records: `content/studies/<id>.yaml` and an article's frontmatter `studies:`.

Keys are the fields of `Study` / `Outcome`. Shape errors come from pydantic and are mapped back
to source lines through `Located`; numeric sense (CI contains its estimate, ratios positive,
p agrees with the CI) is checked here because pydantic cannot know it.
"""

from __future__ import annotations

import re
from typing import Any, get_args

from pydantic import ValidationError

from evidex.content.diagnostics import ContentError, Diagnostic
from evidex.content.yamlload import Located, load_yaml
from evidex.evidence.checks import check_p_against_ci
from evidex.evidence.models import DESIGNS, RATIO_MEASURES, Measure, Outcome, Study

MEASURES: tuple[str, ...] = get_args(Measure)
PRECLINICAL_DESIGNS = frozenset({"animal", "in-vitro"})
LARGEST_ESTIMATE = 1_000_000_000

# Ids name pages and files: one path segment, no dot first (`.`, `..`, hidden).
_STUDY_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,199}")


def parse_study_file(text: str, path: str) -> tuple[Study | None, list[Diagnostic]]:
    """Parse one study YAML file; returns (None, errors) when it cannot become a Study."""
    try:
        located = load_yaml(text, path)
    except ContentError as exc:
        return None, [exc.diagnostic]
    if not isinstance(located.data, dict):
        return None, [Diagnostic(path, 1, "error", "a study file must be a mapping of keys")]
    return _parse_one(located.data, path, located, ())


def parse_study_list(
    items: object, path: str, located: Located, key_path: tuple[Any, ...]
) -> tuple[list[Study], list[Diagnostic]]:
    """Parse an article's `studies:` list; `key_path` is where the list sits in `located`."""
    if items is None:
        return [], []
    if not isinstance(items, list):
        line = located.line(*key_path)
        return [], [Diagnostic(path, line, "error", "`studies` must be a list of study records")]
    studies: list[Study] = []
    diagnostics: list[Diagnostic] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(items):
        item_path = (*key_path, index)
        if not isinstance(item, dict):
            line = located.line(*item_path)
            diagnostics.append(Diagnostic(path, line, "error", "a study must be a mapping of keys"))
            continue
        study, found = _parse_one(item, path, located, item_path)
        diagnostics.extend(found)
        if study is None:
            continue
        if study.id in seen:
            diagnostics.append(
                Diagnostic(
                    path,
                    study.line,
                    "error",
                    f"duplicate study id {study.id!r} (first at line {seen[study.id]})",
                )
            )
            continue
        seen[study.id] = study.line
        studies.append(study)
    return studies, diagnostics


def _parse_one(
    data: dict[str, Any], path: str, located: Located, base: tuple[Any, ...]
) -> tuple[Study | None, list[Diagnostic]]:
    diagnostics: list[Diagnostic] = []
    start_line = located.line(*base) if base else 1

    def error(message: str, *key: Any) -> None:
        diagnostics.append(Diagnostic(path, located.line(*base, *key), "error", message))

    def warning(message: str, *key: Any) -> None:
        diagnostics.append(Diagnostic(path, located.line(*base, *key), "warning", message))

    study_id = data.get("id")
    if study_id is None or (isinstance(study_id, str) and not study_id.strip()):
        diagnostics.append(Diagnostic(path, start_line, "error", "study has no `id`"))
        return None, diagnostics
    if isinstance(study_id, bool) or not isinstance(study_id, str | int):
        error("`id` must be a short text such as `hcc-resection-2019`", "id")
        return None, diagnostics
    if isinstance(study_id, str) and not _STUDY_ID.fullmatch(study_id.strip()):
        error(
            f"`id` {study_id!r} must be letters, digits, '.', '-' and '_' (not a path), "
            "such as `hcc-resection-2019`",
            "id",
        )
        return None, diagnostics
    _check_vocabulary(data, error)
    if diagnostics:  # pydantic's Literal messages would only repeat these, less clearly
        return None, diagnostics
    for key in ("n", "n_studies"):
        value = data.get(key)
        if isinstance(value, int) and not isinstance(value, bool) and value <= 0:
            error(f"`{key}` must be a positive number of participants or trials, not {value}", key)
    payload = {k: v for k, v in data.items() if k not in ("source_path", "line")}
    try:
        study = Study.model_validate(
            {**payload, "id": str(study_id), "source_path": path, "line": start_line}
        )
    except ValidationError as exc:
        for problem in exc.errors():
            location = tuple(problem["loc"])
            where = ".".join(str(part) for part in location)
            error(f"{where}: {problem['msg']}", *location)
        return None, diagnostics
    for index, outcome in enumerate(study.outcomes):
        _check_outcome(outcome, error, warning, ("outcomes", index))
    if study.design in PRECLINICAL_DESIGNS:
        if "human" in data and study.human:
            warning(f"design is {study.design} but `human: true`; treated as preclinical", "human")
        study = study.model_copy(update={"human": False})
    if any(d.level == "error" for d in diagnostics):
        return None, diagnostics
    return study, diagnostics


def _check_vocabulary(data: dict[str, Any], error: Any) -> None:
    design = data.get("design")
    if design is not None and design not in DESIGNS:
        error(f"unknown design {design!r}; valid designs: {', '.join(DESIGNS)}", "design")
    outcomes = data.get("outcomes")
    if not isinstance(outcomes, list):
        return
    for index, item in enumerate(outcomes):
        if not isinstance(item, dict):
            continue
        measure = item.get("measure")
        if measure is not None and measure not in MEASURES:
            error(
                f"unknown measure {measure!r}; valid measures: {', '.join(MEASURES)}",
                "outcomes",
                index,
                "measure",
            )
        arms = item.get("arms")
        for arm_index, arm in enumerate(arms if isinstance(arms, list) else []):
            if isinstance(arm, dict):
                n = arm.get("n")
                if isinstance(n, int) and not isinstance(n, bool) and n <= 0:
                    error(
                        f"arm n must be positive, not {n}",
                        "outcomes",
                        index,
                        "arms",
                        arm_index,
                        "n",
                    )


def _check_outcome(outcome: Outcome, error: Any, warning: Any, key: tuple[Any, ...]) -> None:
    low, high, value = outcome.ci_low, outcome.ci_high, outcome.value
    label = f"outcome {outcome.name!r}"
    for field, number in (("value", value), ("ci_low", low), ("ci_high", high)):
        if number is not None and not -LARGEST_ESTIMATE <= number <= LARGEST_ESTIMATE:
            # 1e300 is a finite float, but no effect size: rounding it for the plot failed
            error(
                f"{label}: {field} must lie between -{LARGEST_ESTIMATE:,} and "
                f"{LARGEST_ESTIMATE:,}, got {number}",
                *key,
                field,
            )
            return
    if (low is None) != (high is None):
        error(f"{label} gives only one CI bound", *key, "ci_low" if high is None else "ci_high")
    if outcome.measure in RATIO_MEASURES:
        for field, number in (("value", value), ("ci_low", low), ("ci_high", high)):
            if number is not None and number <= 0:
                error(f"{label}: a {outcome.measure} must be above 0, got {number}", *key, field)
                return
    if low is not None and high is not None:
        if low > high:
            error(f"{label}: CI low bound {low} is above the high bound {high}", *key, "ci_low")
            return
        if not low <= value <= high:
            error(f"{label}: estimate {value} lies outside its CI [{low}, {high}]", *key, "value")
            return
    message = check_p_against_ci(outcome)
    if message:
        warning(f"{label}: {message}", *key, "p")
