"""Candidate order per goal and the one-line reason shown for each pick."""

from __future__ import annotations

from collections.abc import Iterator

from evidex.stack.catalog import TIER_NAMES, StackCatalog, TierEntry

PRECLINICAL_TIER = 5  # animal, laboratory or mechanism evidence only


def ranked(catalog: StackCatalog, goal: str) -> list[TierEntry]:
    """Compounds for a goal, best first: tier, effect size, consistency, largest trial.

    Ranking is by evidence only, so an approved, well-studied option at Tier 1 or 2 always
    precedes an exotic one with a large effect from weaker designs."""
    return catalog.by_goal.get(goal, [])


def round_robin(catalog: StackCatalog, goals: list[str]) -> Iterator[TierEntry]:
    """Best remaining candidate of each goal in turn, so every goal is served early."""
    streams = [iter(ranked(catalog, goal)) for goal in goals]
    while streams:
        alive = []
        for stream in streams:
            entry = next(stream, None)
            if entry is not None:
                alive.append(stream)
                yield entry
        streams = alive


def reason(entry: TierEntry, goal_name: str) -> str:
    """'Tier 3 for liver health: RCT n=316 and ...; not superior to interferon-alpha'."""
    rationale = " ".join(entry.rationale.split()).rstrip(".")
    head = f"Tier {entry.tier} for {goal_name}"
    if rationale.startswith(f"Tier {entry.tier} "):
        return rationale  # the rationale already names its tier and goal
    return f"{head}: {rationale}" if rationale else f"{head} ({entry.tier_name})"


def unranked(slug: str) -> TierEntry:
    """A checked compound with no tier for any of the requested goals."""
    return TierEntry(slug, "", 5, TIER_NAMES[5], "no graded evidence for the chosen goals")
