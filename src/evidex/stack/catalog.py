"""The stack builder's read model: compounds, tiers and rules indexed for fast requests.

Built once per database file (the file is read-only, so the catalog is cached by its identity)
or from plain dicts / models in tests.
"""

from __future__ import annotations

import json
import math
import os
import re
import sqlite3
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evidex.content.models import Compound, Condition, Goal, InteractionRule
from evidex.content.names import build_name_index, fold_name, resolve

RATIO_MEASURES = {"OR", "RR", "HR"}
# Fields of a stored compound the builder never reads: dropped before validation to keep the
# catalog small and quick to load.
_UNUSED_COMPOUND_FIELDS = ("faqs", "side_effects", "warnings")
_KEPT_SECTIONS = {"dosage"}  # the Children bullets live here


@dataclass(frozen=True)
class TierEntry:
    compound_slug: str
    goal: str
    tier: int
    tier_name: str
    rationale: str
    effect: float | None = None
    consistency: float | None = None
    largest_n: int = 0

    def sort_key(self) -> tuple[int, float, float, int, str]:
        """Best first: tier, then effect size, then consistency, then the largest trial."""
        return (
            self.tier,
            -(self.effect or 0.0),
            -(self.consistency or 0.0),
            -self.largest_n,
            self.compound_slug,
        )


NO_GRADED_STUDIES = "no graded studies yet"
TIER_NAMES = {
    1: "proven efficacy",
    2: "strong evidence",
    3: "probable efficacy",
    4: "possible efficacy",
    5: "insufficient / preclinical",
}


@dataclass(eq=False)  # identity equality: per-catalog caches key on it
class StackCatalog:
    compounds: dict[str, Compound]
    tiers: dict[tuple[str, str], TierEntry]
    rules: list[InteractionRule]
    conditions: dict[str, Condition]
    goals: dict[str, Goal]
    by_goal: dict[str, list[TierEntry]] = field(default_factory=dict)
    by_class: dict[str, set[str]] = field(default_factory=dict)
    by_effect: dict[str, set[str]] = field(default_factory=dict)
    name_index: dict[str, str] = field(default_factory=dict)
    goal_index: dict[str, str] = field(default_factory=dict)
    condition_index: dict[str, str] = field(default_factory=dict)
    rule_names: dict[str, str] = field(default_factory=dict)  # folded rule name -> as written
    # The profiles' interactions and monitoring lines, lower case, one per line, and their
    # words: where medicines without a profile of their own are named.
    medicine_text: str = ""
    medicine_words: frozenset[str] = frozenset()

    @classmethod
    def from_rows(
        cls,
        compounds: list[dict[str, Any]],
        tiers: list[dict[str, Any]],
        rules: list[dict[str, Any]],
        conditions: list[dict[str, Any]],
        goals: list[dict[str, Any]],
    ) -> StackCatalog:
        """Build from stored rows (a `doc` column, JSON text or dict) or model dumps."""
        compound_models = [_compound(row) for row in compounds]
        return cls.from_models(
            compound_models,
            [_tier(row) for row in tiers],
            [InteractionRule.model_validate(_doc(row)) for row in rules],
            [Condition.model_validate(_doc(row)) for row in conditions],
            [Goal.model_validate(_doc(row)) for row in goals],
        )

    @classmethod
    def from_models(
        cls,
        compounds: Iterable[Compound],
        tiers: Iterable[TierEntry],
        rules: Iterable[InteractionRule],
        conditions: Iterable[Condition],
        goals: Iterable[Goal],
    ) -> StackCatalog:
        catalog = cls(
            compounds={c.slug: c for c in compounds},
            tiers={},
            rules=list(rules),
            conditions={c.slug: c for c in conditions},
            goals={g.slug: g for g in goals},
        )
        for entry in tiers:
            if entry.compound_slug in catalog.compounds:
                catalog.tiers[(entry.compound_slug, entry.goal)] = entry
        catalog._index()
        return catalog

    def _index(self) -> None:
        for compound in self.compounds.values():
            for tag in compound.classes:
                self.by_class.setdefault(tag, set()).add(compound.slug)
            for effect in compound.effects:
                self.by_effect.setdefault(effect, set()).add(compound.slug)
            # A goal the profile claims without graded evidence still lists the compound,
            # at the bottom tier, so it is never silently invisible.
            for goal in compound.goals:
                self.tiers.setdefault(
                    (compound.slug, goal),
                    TierEntry(compound.slug, goal, 5, TIER_NAMES[5], NO_GRADED_STUDIES),
                )
        for entry in self.tiers.values():
            self.by_goal.setdefault(entry.goal, []).append(entry)
        for entries in self.by_goal.values():
            entries.sort(key=TierEntry.sort_key)
        names: dict[str, Iterable[str]] = {
            c.slug: [c.title, *c.names.alternate, *c.names.brand, *c.aliases]
            for c in self.compounds.values()
        }
        self.name_index, _conflicts = build_name_index(names)
        for goal_model in self.goals.values():
            for name in (goal_model.slug, goal_model.name, *goal_model.synonyms):
                self.goal_index.setdefault(fold_name(name), goal_model.slug)
        for goal_slug in self.by_goal:
            self.goal_index.setdefault(fold_name(goal_slug), goal_slug)
        for condition in self.conditions.values():
            for name in (condition.slug, condition.name, *condition.synonyms):
                self.condition_index.setdefault(fold_name(name), condition.slug)
        for rule in self.rules:
            for rule_name in (rule.a, rule.b):
                if rule_name:
                    self.rule_names.setdefault(fold_name(rule_name), rule_name)
        self.medicine_text = "\n".join(
            line.lower()
            for c in self.compounds.values()
            for line in (*c.interactions, *c.monitoring)
        )
        self.medicine_words = frozenset(_WORD.findall(self.medicine_text))

    def knows_medicine(self, name: str) -> bool:
        """A medicine without a profile that a rule or a profile's interactions or monitoring
        names (warfarin, fluvoxamine)."""
        if fold_name(name) in self.rule_names:
            return True
        words = _WORD.findall(name.lower())
        if not words or not all(word in self.medicine_words for word in words):
            return False  # the common case, answered without reading the text
        return len(words) == 1 or names_medicine(self.medicine_text, name)

    def resolve_compound(self, name: str) -> str | None:
        return resolve(name, self.name_index)

    def resolve_goal(self, name: str) -> str | None:
        return self.goal_index.get(fold_name(name))

    def resolve_condition(self, name: str) -> str | None:
        return self.condition_index.get(fold_name(name))

    def goal_name(self, slug: str) -> str:
        goal = self.goals.get(slug)
        return goal.name.lower() if goal else slug.replace("-", " ")

    def tier_for(self, slug: str, goals: Iterable[str]) -> TierEntry | None:
        """The best tier the compound holds for any of the goals."""
        found = [self.tiers[(slug, g)] for g in goals if (slug, g) in self.tiers]
        return min(found, key=TierEntry.sort_key) if found else None


_WORD = re.compile(r"\w+")


def names_medicine(text: str, name: str) -> bool:
    """Whether `text` names the medicine, as a whole word in any case."""
    words = " ".join(name.lower().split())
    if len(words) < 3:
        return False
    return re.search(rf"(?<!\w){re.escape(words)}(?!\w)", text.lower()) is not None


def _doc(row: dict[str, Any]) -> dict[str, Any]:
    doc = row.get("doc")
    if doc is None:
        return dict(row)
    parsed = json.loads(doc) if isinstance(doc, str | bytes) else dict(doc)
    return parsed if isinstance(parsed, dict) else {}


def _compound(row: dict[str, Any]) -> Compound:
    data = _doc(row)
    for key in _UNUSED_COMPOUND_FIELDS:
        data.pop(key, None)
    data["sections"] = [
        {**section, "html": ""}
        for section in data.get("sections") or []
        if isinstance(section, dict) and section.get("key") in _KEPT_SECTIONS
    ]
    return Compound.model_validate(data)


def _tier(row: dict[str, Any]) -> TierEntry:
    data = dict(row)
    doc = data.pop("doc", None)
    extra: dict[str, Any] = {}
    if doc:
        parsed = json.loads(doc) if isinstance(doc, str | bytes) else doc
        extra = parsed if isinstance(parsed, dict) else {}
    merged = {**extra, **{k: v for k, v in data.items() if v is not None}}
    details = merged.get("details") if isinstance(merged.get("details"), dict) else merged
    assert isinstance(details, dict)
    tier = int(merged["tier"])
    return TierEntry(
        compound_slug=str(merged.get("compound_slug") or merged.get("compound")),
        goal=str(merged["goal"]),
        tier=tier,
        tier_name=str(merged.get("tier_name") or TIER_NAMES.get(tier, "")),
        rationale=str(merged.get("rationale") or ""),
        effect=effect_strength(details),
        consistency=_number(details.get("consistency")),
        largest_n=int(_number(details.get("largest_n")) or 0),
    )


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return float(value)
    try:
        return float(str(value))
    except ValueError:
        return None


def effect_strength(details: dict[str, Any]) -> float | None:
    """How far the pooled (or best) estimate sits from no effect, comparable across measures:
    |ln ratio| for OR/RR/HR, |value| otherwise; None when the details carry no estimate."""
    direct = _number(details.get("effect_size"))
    if direct is not None:
        return abs(direct)
    for key in ("pooled", "pooled_effect", "pooled_estimate", "best_outcome"):
        estimate = details.get(key)
        if isinstance(estimate, dict):
            value = _number(estimate.get("value"))
            measure = str(estimate.get("measure", "")).upper()
            if value is None:
                continue
            if measure in RATIO_MEASURES:
                return abs(math.log(value)) if value > 0 else None
            if measure == "PERCENT":
                return abs(value) / 100.0
            return abs(value)
    return None


def load_catalog(conn: sqlite3.Connection) -> StackCatalog:
    """Read every table the builder needs from a build artifact."""

    def rows(sql: str) -> list[dict[str, Any]]:
        cursor = conn.execute(sql)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor]

    return StackCatalog.from_rows(
        compounds=rows("SELECT doc FROM compounds"),
        tiers=rows("SELECT compound_slug, goal, tier, tier_name, rationale, doc FROM tiers"),
        rules=rows("SELECT doc FROM interactions"),
        conditions=rows("SELECT doc FROM conditions"),
        goals=rows("SELECT doc FROM goals"),
    )


_CACHE: dict[str, tuple[tuple[int, int], StackCatalog]] = {}
_CACHE_LOCK = threading.Lock()


def catalog_for_file(path: Path, conn: sqlite3.Connection | None = None) -> StackCatalog:
    """The catalog of a database file, rebuilt only when the file is replaced."""
    key = str(Path(path).resolve())
    stat = os.stat(key)
    identity = (stat.st_ino, stat.st_mtime_ns)
    with _CACHE_LOCK:
        cached = _CACHE.get(key)
        if cached and cached[0] == identity:
            return cached[1]
    if conn is None:
        uri = f"{Path(key).as_uri()}?mode=ro"
        with sqlite3.connect(uri, uri=True) as own:
            catalog = load_catalog(own)
        own.close()
    else:
        catalog = load_catalog(conn)
    with _CACHE_LOCK:
        _CACHE[key] = (identity, catalog)
    return catalog
