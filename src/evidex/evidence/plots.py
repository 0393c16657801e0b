"""A compound × goal's forest plot drawn from its studies.

The build draws the wide plot once and stores it; the phone drawing is made from the stored
studies when a page asks for it (and kept with the page), so the build's memory and the
database do not carry a second copy of every plot.
"""

from __future__ import annotations

from typing import Any

from evidex.evidence.citations import short_label
from evidex.evidence.favours import better_side, comparator_name, verdict
from evidex.evidence.forest import WIDTH, ForestRow, forest_svg
from evidex.evidence.models import Study
from evidex.evidence.stats import Pooled


def study_rows(study: Study, compound: str = "the compound") -> list[ForestRow]:
    """A row for each of the study's outcomes with an interval, all under one label, each
    saying which way is better and what its result favours."""
    with_intervals = [o for o in study.outcomes if o.ci_low is not None and o.ci_high is not None]
    if not with_intervals:
        return []
    label = short_label(study)
    comparator = comparator_name(study)
    return [
        ForestRow(
            label=label,
            outcome=outcome.name,
            measure=outcome.measure,
            value=outcome.value,
            ci_low=outcome.ci_low,
            ci_high=outcome.ci_high,
            n=study.n,
            ci_level=outcome.ci_level,
            better=better_side(outcome),
            compound=compound,
            comparator=comparator,
            verdict=verdict(outcome, compound, comparator),
            unit=outcome.unit,
        )
        for outcome in with_intervals
    ]


def first_pooled(pooled: list[dict[str, Any]]) -> Pooled | None:
    """The pooled estimate the plot shows: the first of the grade's pooled outcomes."""
    if not pooled:
        return None
    return Pooled(**{k: v for k, v in pooled[0].items() if k != "outcome"})


def goal_plot(
    studies: list[Study],
    *,
    compound: str,
    title: str,
    pooled: list[dict[str, Any]],
    width: int = WIDTH,
) -> str:
    """The SVG forest plot of these studies ("" when none has an interval)."""
    rows = [row for study in studies for row in study_rows(study, compound)]
    if not rows:
        return ""
    return forest_svg(rows, title=title, pooled=first_pooled(pooled), width=width)
