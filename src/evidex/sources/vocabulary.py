"""What an import links to in the library: compounds by any of their names, goals and conditions
through the vocabulary. Read once per import from the content folder."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from evidex.build.link import compound_names
from evidex.content.conditions_map import map_conditions
from evidex.content.models import Condition, Goal
from evidex.content.names import build_name_index, resolve
from evidex.content.profile import parse_profile
from evidex.content.vocab import match_goal, parse_conditions, parse_goals


@dataclass
class Vocabulary:
    name_index: dict[str, str] = field(default_factory=dict)
    goals: list[Goal] = field(default_factory=list)
    conditions: list[Condition] = field(default_factory=list)
    _goal_of: dict[str, str | None] = field(default_factory=dict)  # a bulk import repeats terms

    def compound(self, names: Iterable[str]) -> str | None:
        """The slug of the first name that names a library compound."""
        for name in names:
            slug = resolve(name, self.name_index) if name.strip() else None
            if slug is not None:
                return slug
        return None

    def goal(self, terms: Iterable[str]) -> str | None:
        if not self.goals:
            return None
        for term in terms:
            if term not in self._goal_of:
                slug = match_goal(term, self.goals)
                known = any(goal.slug == slug for goal in self.goals)
                self._goal_of[term] = slug if known else None
            if self._goal_of[term] is not None:
                return self._goal_of[term]
        return None

    def condition_slugs(self, terms: Iterable[str]) -> list[str]:
        found: list[str] = []
        for term in terms:
            for slug in map_conditions(term, self.conditions or None):
                if slug not in found:
                    found.append(slug)
        return found


def load_vocabulary(content: Path | None) -> Vocabulary:
    """The library's compound names, goals and conditions; empty where `content` lacks them."""
    if content is None or not content.is_dir():
        return Vocabulary()
    goals: list[Goal] = []
    conditions: list[Condition] = []
    if (content / "goals.yaml").is_file():
        goals, _ = parse_goals((content / "goals.yaml").read_text("utf-8"), "goals.yaml")
    if (content / "conditions.yaml").is_file():
        text = (content / "conditions.yaml").read_text("utf-8")
        conditions, _ = parse_conditions(text, "conditions.yaml")
    names: dict[str, list[str]] = {}
    for path in sorted((content / "compounds").glob("*.md")):
        compound, _ = parse_profile(path.read_text("utf-8"), str(path), conditions, path.stem)
        if compound is not None:
            names[compound.slug] = compound_names(compound)
    index, _ = build_name_index(names)
    return Vocabulary(index, goals, conditions)
