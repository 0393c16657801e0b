"""build_stack: goals and a situation in, a screened, ranked, scheduled stack out."""

from __future__ import annotations

import datetime as dt
import weakref
from collections.abc import Iterator
from dataclasses import dataclass, field

from evidex.content.models import Compound
from evidex.content.names import fold_name
from evidex.stack.catalog import NO_GRADED_STUDIES, StackCatalog, TierEntry
from evidex.stack.interactions import BLOCKING, Member, RuleBook, all_pairs, member_for
from evidex.stack.interactions import outside_member as outside
from evidex.stack.models import (
    CombinationFit,
    Excluded,
    Interaction,
    RankInputs,
    StackItem,
    StackRequest,
    StackResult,
    StackWarning,
)
from evidex.stack.ranking import PRECLINICAL_TIER, reason, round_robin, unranked
from evidex.stack.regimen import regimen_for
from evidex.stack.schedule import build_schedule
from evidex.stack.screening import Screening, Situation, condition_words, screen
from evidex.stack.screening import situation_conditions as conditions_of
from evidex.stack.share import encode_query
from evidex.text.advice import route_family


class UnknownGoalsError(ValueError):
    """A request whose goals are all unknown: building nothing would look like an answer."""

    def __init__(self, names: list[str], known: list[str]) -> None:
        self.names = names
        listed = ", ".join(repr(n) for n in names)
        super().__init__(f"no known goal among {listed}; known goals: {', '.join(known)}")


_RULEBOOKS: weakref.WeakKeyDictionary[StackCatalog, RuleBook] = weakref.WeakKeyDictionary()
_WORDS: weakref.WeakKeyDictionary[StackCatalog, dict[str, tuple[str, ...]]] = (
    weakref.WeakKeyDictionary()
)


def _rulebook(catalog: StackCatalog) -> RuleBook:
    book = _RULEBOOKS.get(catalog)
    if book is None:
        book = _RULEBOOKS[catalog] = RuleBook(catalog)
    return book


def _words(catalog: StackCatalog) -> dict[str, tuple[str, ...]]:
    words = _WORDS.get(catalog)
    if words is None:
        words = _WORDS[catalog] = condition_words(catalog.conditions)
    return words


@dataclass
class _Pick:
    entry: TierEntry
    member: Member
    screening: Screening


@dataclass
class _Draft:
    picks: list[_Pick] = field(default_factory=list)
    excluded: list[Excluded] = field(default_factory=list)
    warnings: list[StackWarning] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)
    preclinical: dict[str, list[TierEntry]] = field(default_factory=dict)  # by goal


def build_stack(
    request: StackRequest, catalog: StackCatalog, today: dt.date | None = None
) -> StackResult:
    draft = _Draft()
    goals = _resolve_goals(request, catalog, draft)
    if request.goals and not goals and not request.check:
        raise UnknownGoalsError(list(request.goals), sorted(catalog.goals))
    situation = _situation(request, catalog, draft)
    book = _rulebook(catalog)
    taking = _current_members(request, catalog, draft)
    # Medicines without a profile in a stack to check are checked as if already taken.
    current = taking + _outside_checked(request, catalog, draft)
    checked = _checked_slugs(request, catalog)
    for entry in _candidates(request, catalog, goals, draft):
        if entry.compound_slug in draft.seen:
            continue
        if entry.compound_slug not in checked and len(draft.picks) >= request.max_items:
            break
        draft.seen.add(entry.compound_slug)
        if any(m.key == entry.compound_slug for m in current):
            continue  # already taken: checked for interactions, not suggested again
        if (
            entry.tier >= PRECLINICAL_TIER
            and not request.include_preclinical
            and entry.compound_slug not in checked
        ):
            _hold_back(entry, catalog, situation, draft, request.max_items)
            continue
        _consider(entry, catalog, situation, book, current, draft)
    _report_preclinical(draft, catalog, goals, request.max_items)
    members = [p.member for p in draft.picks]
    interactions = all_pairs(book, members + current)
    items = [_item(p, catalog, goals, interactions, request) for p in draft.picks]
    draft.warnings.extend(book.additive(members + current))
    if goals and not items and not any(draft.preclinical.values()):
        draft.warnings.append(
            StackWarning(kind="no-candidates", message="No compound fits these goals and limits.")
        )
    start = request.start or today or dt.date.today()
    return StackResult(
        request=request,
        items=items,
        excluded=draft.excluded,
        interactions=interactions,
        warnings=draft.warnings,
        schedule=build_schedule(items, start),
        monitoring=_union(m for item in items for m in item.monitoring),
        combinations=_combinations(items, catalog, draft),
        unknown_names=draft.unknown,
        current_medicines=[m.key for m in taking],
        share_query=encode_query(request),
    )


def _report_preclinical(
    draft: _Draft, catalog: StackCatalog, goals: list[str], shown_per_goal: int
) -> None:
    """Compounds held back because only animal, laboratory or mechanism evidence supports them:
    the best few per goal are listed as not suggested, and a goal that has nothing better says so."""
    picked_goals = {pick.entry.goal for pick in draft.picks}
    for goal in goals:
        held = draft.preclinical.get(goal)
        if not held:
            continue
        name = catalog.goal_name(goal)
        for entry in held[:shown_per_goal]:
            compound = catalog.compounds[entry.compound_slug]
            draft.excluded.append(
                Excluded(
                    slug=compound.slug,
                    title=compound.title,
                    reason=_held_back_reason(entry, compound.title, name),
                    kind="preclinical",
                )
            )
        if goal not in picked_goals:
            more = len(held) - min(len(held), shown_per_goal)
            listed = f"{len(held)} compound{'s' if len(held) != 1 else ''}"
            draft.warnings.append(
                StackWarning(
                    kind="preclinical-only",
                    message=f"No compound in the library has graded human evidence for {name}. "
                    f"{listed} with only preclinical evidence or no graded studies "
                    f"{'are' if len(held) != 1 else 'is'} not suggested"
                    + (f" ({more} not listed)" if more else "")
                    + "; include preclinical evidence to see them in a stack.",
                    slugs=[e.compound_slug for e in held[:shown_per_goal]],
                )
            )


def _held_back_reason(entry: TierEntry, title: str, goal_name: str) -> str:
    if entry.rationale == NO_GRADED_STUDIES:
        return f"Not suggested: the library has no graded studies of {title} for {goal_name} yet."
    return (
        f"Not suggested: only animal, laboratory or mechanism evidence. {reason(entry, goal_name)}."
    )


def _resolve_goals(request: StackRequest, catalog: StackCatalog, draft: _Draft) -> list[str]:
    goals: list[str] = []
    for name in request.goals:
        slug = catalog.resolve_goal(name)
        if slug is None:
            draft.unknown.append(name)
            draft.warnings.append(
                StackWarning(kind="unknown-goal", message=f"Unknown goal {name!r}.")
            )
        elif slug not in goals:
            goals.append(slug)
    return goals


def _situation(request: StackRequest, catalog: StackCatalog, draft: _Draft) -> Situation:
    slugs: list[str] = []
    for name in request.conditions:
        slug = catalog.resolve_condition(name)
        if slug is None:
            draft.unknown.append(name)
        else:
            slugs.append(slug)
    found = conditions_of(slugs, request.pregnant, request.breastfeeding, request.age)
    return Situation(
        conditions=frozenset(found),
        weight_kg=request.weight_kg,
        age=request.age,
        tested_athlete=request.tested_athlete,
        no_injections=request.no_injections,
        condition_words=_words(catalog),
    )


def _current_members(request: StackRequest, catalog: StackCatalog, draft: _Draft) -> list[Member]:
    members: list[Member] = []
    for name in request.taking:
        slug = catalog.resolve_compound(name)
        if slug is not None:
            members.append(member_for(catalog, slug, current=True))
            continue
        if not catalog.knows_medicine(name):
            draft.unknown.append(name)
        # Still checked: a pairwise rule may name a medicine the library has no profile for.
        members.append(outside(name))
    return members


def _outside_checked(request: StackRequest, catalog: StackCatalog, draft: _Draft) -> list[Member]:
    """Medicines in a stack to check that have no profile: checked as if already taken."""
    members: list[Member] = []
    for name in request.check:
        if catalog.resolve_compound(name) is not None:
            continue
        if catalog.knows_medicine(name):
            members.append(outside(name, current=False))
        else:
            draft.unknown.append(name)
    return members


def _checked_slugs(request: StackRequest, catalog: StackCatalog) -> set[str]:
    return {s for s in map(catalog.resolve_compound, request.check) if s}


def _candidates(
    request: StackRequest, catalog: StackCatalog, goals: list[str], draft: _Draft
) -> Iterator[TierEntry]:
    for name in request.check:
        slug = catalog.resolve_compound(name)
        if slug is None:
            continue  # a medicine without a profile, or unknown: see _outside_checked
        yield catalog.tier_for(slug, goals) or unranked(slug)
    yield from round_robin(catalog, goals)


def _consider(
    entry: TierEntry,
    catalog: StackCatalog,
    situation: Situation,
    book: RuleBook,
    current: list[Member],
    draft: _Draft,
) -> None:
    compound = catalog.compounds[entry.compound_slug]
    screening = _screened(compound, situation, draft)
    if screening is None:
        return
    member = member_for(catalog, compound.slug)
    for other in current:
        blocking = [f for f in book.between(member, other) if f.severity in BLOCKING]
        if blocking:
            where = "which you take" if other.current else "in the stack to check"
            reason_text = f"{blocking[0].severity} with {other.title}, {where}: "
            draft.excluded.append(
                Excluded(
                    slug=compound.slug,
                    title=compound.title,
                    reason=reason_text + blocking[0].advice,
                    kind="interaction",
                )
            )
            return
    for pick in draft.picks:
        blocking = [f for f in book.between(member, pick.member) if f.severity in BLOCKING]
        if not blocking:
            continue
        finding = blocking[0]
        if book.is_class_conflict(finding):
            shared = sorted(member.classes & pick.member.classes)
            label = ", ".join(shared) or "class"
            text = (
                f"Same class ({label}) as {pick.member.title}, which ranks higher: {finding.advice}"
            )
            draft.warnings.append(
                StackWarning(
                    kind="class-conflict",
                    message=f"{compound.title} and {pick.member.title} are both {label}; "
                    f"kept {pick.member.title}.",
                    slugs=[pick.member.key, compound.slug],
                )
            )
            kind = "class-conflict"
        else:
            text = f"{finding.severity} with {pick.member.title}: {finding.advice}"
            kind = "interaction"
        draft.excluded.append(
            Excluded(slug=compound.slug, title=compound.title, reason=text, kind=kind)
        )
        return
    draft.picks.append(_Pick(entry, member, screening))


def _screened(compound: Compound, situation: Situation, draft: _Draft) -> Screening | None:
    """The screening of a compound the person may take, or None when it rules the compound out
    (recorded with the profile's own words)."""
    screening = screen(compound, situation)
    if screening.excluded_reason is None:
        return screening
    draft.excluded.append(
        Excluded(
            slug=compound.slug,
            title=compound.title,
            reason=screening.excluded_reason,
            kind=screening.kind,
        )
    )
    return None


def _hold_back(
    entry: TierEntry, catalog: StackCatalog, situation: Situation, draft: _Draft, shown: int
) -> None:
    """A Tier 5 candidate is not suggested; when it is listed, a reason from the person's
    situation is the stronger one and is given instead."""
    held = draft.preclinical.setdefault(entry.goal, [])
    if (
        len(held) < shown
        and _screened(catalog.compounds[entry.compound_slug], situation, draft) is None
    ):
        return
    held.append(entry)


def _item(
    pick: _Pick,
    catalog: StackCatalog,
    goals: list[str],
    interactions: list[Interaction],
    request: StackRequest,
) -> StackItem:
    compound = catalog.compounds[pick.entry.compound_slug]
    entry = pick.entry
    avoided = pick.screening.avoided_routes
    advice = regimen_for(compound, request.weight_kg, avoided)
    duration = advice.duration if advice else None
    if advice and duration is None:
        duration = next((r.duration for r in compound.regimens if r.duration), None)
    penalty = sum(1 for i in interactions if compound.slug in (i.a, i.b))
    routes = [r for r in compound.routes if route_family(r) not in avoided]
    route = (advice.route if advice else None) or ", ".join(routes) or None
    goal_name = catalog.goal_name(entry.goal) if entry.goal else "the chosen goals"
    return StackItem(
        slug=compound.slug,
        title=compound.title,
        goal=entry.goal,
        goals=[g for g in goals if (compound.slug, g) in catalog.tiers],
        tier=entry.tier,
        tier_name=entry.tier_name,
        reason=reason(entry, goal_name),
        rank_inputs=RankInputs(
            tier=entry.tier,
            effect=entry.effect,
            safety_flags=len(pick.screening.cautions),
            interaction_penalty=penalty,
        ),
        regimen=advice,
        route=route,
        duration=duration,
        monitoring=list(compound.monitoring),
        cautions=list(pick.screening.cautions),
        avoided_routes=dict(avoided),
        is_banned=compound.is_banned,
    )


def _union(values: Iterator[str]) -> list[str]:
    seen: dict[str, str] = {}
    for value in values:
        seen.setdefault(fold_name(value), value)
    return list(seen.values())


def _combinations(
    items: list[StackItem], catalog: StackCatalog, draft: _Draft
) -> list[CombinationFit]:
    in_stack = {item.slug for item in items}
    excluded = {e.slug for e in draft.excluded}
    found: list[CombinationFit] = []
    for item in items:
        for combo in catalog.compounds[item.slug].combinations:
            slug = combo.slug or catalog.resolve_compound(combo.name)
            if slug in in_stack:
                status = "in-stack"
            elif slug in excluded:
                status = "excluded"
            elif slug is not None:
                status = "suggestable"
            else:
                status = "unavailable"
            found.append(
                CombinationFit(
                    compound=item.slug,
                    name=combo.name,
                    slug=slug,
                    text=combo.text,
                    status=status,
                )
            )
    return found
