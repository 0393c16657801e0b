"""Interaction checks: pairwise, class-based and additive rules applied to a stack."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from evidex.content.models import InteractionRule
from evidex.content.names import fold_name
from evidex.stack.catalog import StackCatalog, names_medicine
from evidex.stack.models import Interaction, StackWarning
from evidex.text.advice import Level, read_advice

BLOCKING = frozenset({"contraindicated", "avoid"})
SEVERITY_ORDER = {"contraindicated": 0, "avoid": 1, "monitor": 2, "minor": 3}
# A profile's own interaction line, read by its advice words; a line naming a medicine with no
# advice words still asks the reader to watch the pair.
_LINE_SEVERITY: dict[Level | None, str] = {"avoid": "avoid", "caution": "monitor", None: "monitor"}

# Used when the library's interactions.yaml has no additive rule for one of these effects.
DEFAULT_ADDITIVE_ADVICE = {
    "lowers-blood-glucose": "Two or more glucose-lowering agents together raise the risk of "
    "hypoglycaemia; check blood glucose more often.",
    "thins-blood": "Two or more agents that thin the blood together raise the risk of "
    "bleeding; tell your clinician before any procedure.",
    "sedating": "Two or more sedating agents together add up; avoid driving until you know "
    "how they affect you.",
}


@dataclass(frozen=True)
class Member:
    """A compound in the stack or one the person already takes (possibly not in the library)."""

    key: str  # slug when known, else the folded name
    title: str
    classes: frozenset[str] = frozenset()
    effects: frozenset[str] = frozenset()
    current: bool = False


def member_for(catalog: StackCatalog, slug: str, current: bool = False) -> Member:
    compound = catalog.compounds[slug]
    return Member(
        slug, compound.title, frozenset(compound.classes), frozenset(compound.effects), current
    )


def outside_member(name: str, current: bool = True) -> Member:
    """A medicine the library has no profile for (taken, or in a stack to check): only name
    rules and the profiles' own interaction lines can match it."""
    return Member(fold_name(name), name, current=current)


class RuleBook:
    """The rules with their compound names resolved once per catalog."""

    def __init__(self, catalog: StackCatalog) -> None:
        self.rules = [r for r in catalog.rules if r.effect is None]
        self._lines = {slug: c.interactions for slug, c in catalog.compounds.items()}
        self._monitoring = {slug: c.monitoring for slug, c in catalog.compounds.items()}
        self.additive_rules = [r for r in catalog.rules if r.effect is not None]
        self._names: dict[str, str] = {}
        for rule in self.rules:
            for name in (rule.a, rule.b):
                if name:
                    self._names[name] = catalog.resolve_compound(name) or fold_name(name)

    def _is(self, member: Member, name: str | None, tag: str | None) -> bool:
        if name is not None:
            return self._names.get(name) == member.key
        return tag is not None and tag in member.classes

    def _matches(self, rule: InteractionRule, x: Member, y: Member) -> bool:
        if rule.a is None and rule.a_class is None:
            return False
        if rule.b is None and rule.b_class is None:
            return False
        return self._is(x, rule.a, rule.a_class) and self._is(y, rule.b, rule.b_class)

    def between(self, x: Member, y: Member) -> list[Interaction]:
        """Every rule that fires for this pair, most severe first."""
        found: list[Interaction] = []
        for rule in self.rules:
            if self._matches(rule, x, y) or self._matches(rule, y, x):
                found.append(
                    Interaction(
                        a=x.key,
                        b=y.key,
                        severity=rule.severity,
                        advice=rule.advice,
                        evidence=rule.evidence,
                        source=rule.source,
                        rule=rule.id,
                        with_current_medicine=x.current or y.current,
                    )
                )
        if not found:
            found = self._profile_lines(x, y) or self._profile_lines(y, x)
        found.sort(key=lambda i: SEVERITY_ORDER[i.severity])
        return found

    def _profile_lines(self, profiled: Member, outside: Member) -> list[Interaction]:
        """Lines of a profile's interactions that name a medicine the library has no profile
        for ("Warfarin: case reports of changed INR; monitor."), else its monitoring lines
        that do ("INR if on warfarin")."""
        if outside.key in self._lines or profiled.key not in self._lines:
            return []
        found: list[Interaction] = []
        named = [line for line in self._lines[profiled.key] if names_medicine(line, outside.title)]
        if not named:
            named = [
                f"Monitor {line}"
                for line in self._monitoring[profiled.key]
                if names_medicine(line, outside.title)
            ]
        for line in named:
            advice = read_advice(line)
            if advice.level == "safe":
                continue
            severity = _LINE_SEVERITY[advice.level]
            if advice.contraindicated:
                severity = "contraindicated"
            found.append(
                Interaction.model_validate(
                    {
                        "a": profiled.key,
                        "b": outside.key,
                        "severity": severity,
                        "advice": line,
                        "evidence": "profile",
                        "rule": f"profile:{profiled.key}",
                        "with_current_medicine": profiled.current or outside.current,
                    }
                )
            )
        return found

    def is_class_conflict(self, finding: Interaction) -> bool:
        rule = next((r for r in self.rules if r.id == finding.rule), None)
        return rule is not None and rule.a_class is not None and rule.a_class == rule.b_class

    def additive(self, members: list[Member]) -> list[StackWarning]:
        warnings: list[StackWarning] = []
        effects = {e for m in members for e in m.effects}
        ruled = set()
        for rule in self.additive_rules:
            assert rule.effect is not None
            ruled.add(rule.effect)
            sharing = [m for m in members if rule.effect in m.effects]
            if len(sharing) >= rule.min_count:
                warnings.append(_additive_warning(rule.effect, sharing, rule.advice))
        for effect in sorted(effects - ruled):
            advice = DEFAULT_ADDITIVE_ADVICE.get(effect)
            sharing = [m for m in members if effect in m.effects]
            if advice and len(sharing) >= 2:
                warnings.append(_additive_warning(effect, sharing, advice))
        return warnings


def _additive_warning(effect: str, sharing: list[Member], advice: str) -> StackWarning:
    titles = ", ".join(m.title for m in sharing)
    label = effect.replace("-", " ")
    return StackWarning(
        kind="additive-effect",
        message=f"{len(sharing)} items {label} ({titles}): {advice}",
        slugs=[m.key for m in sharing],
    )


def all_pairs(book: RuleBook, members: list[Member]) -> list[Interaction]:
    """Every interaction inside the stack and between it and current medicines."""
    found: list[Interaction] = []
    for x, y in combinations(members, 2):
        if x.current and y.current:
            continue
        found.extend(book.between(x, y))
    return found
