"""A stored study as a reader sees it: its citation, summary, and each outcome's unit, arms
and what it favours. Plain dicts for the templates; the stored records are left as they are
(the JSON API serves them unchanged)."""

from __future__ import annotations

from typing import Any

from evidex.evidence.citations import (
    citation_text,
    design_words,
    has_citation,
    links,
    short_label,
)
from evidex.evidence.favours import comparator_name, verdict
from evidex.evidence.forest import NARROW_WIDTH
from evidex.evidence.models import Arm, Outcome, Study
from evidex.evidence.outcome_text import shown_unit
from evidex.evidence.plots import goal_plot


def _study(doc: dict[str, Any]) -> Study:
    # Callers may have added keys of their own (the CLI's "status"); the record is the rest.
    fields = Study.model_fields  # a class property: read once, not once per key
    return Study.model_validate({k: v for k, v in doc.items() if k in fields})


def _number(value: float) -> str:
    return f"{value:,.3f}".rstrip("0").rstrip(".").replace("-", "−")


def arms_text(outcome: Outcome, unit: str | None) -> str:
    """ "Semaglutide 2.4 mg 86.4% vs placebo 31.5%": each arm's own figure."""
    if len(outcome.arms) < 2:
        return ""
    suffix = "%" if outcome.measure == "percent" or unit == "percentage points" else ""
    after = f" {unit}" if unit and not suffix and unit != "points" else ""

    def one(arm: Arm) -> str:
        return f"{arm.name} {_number(arm.value)}{suffix}"

    return " vs ".join(one(arm) for arm in outcome.arms) + after


def study_view(doc: dict[str, Any], compound: str) -> dict[str, Any]:
    """{study, name, cited, citation, links, summary, outcomes: [{o, unit, arms, verdict}]}."""
    study = _study(doc)
    citation = study.citation
    comparator = comparator_name(study)
    outcomes = []
    for outcome in study.outcomes:
        unit = shown_unit(outcome)
        outcomes.append(
            {
                "o": outcome.model_dump(mode="json"),
                "unit": unit,
                "arms": arms_text(outcome, unit),
                "verdict": verdict(outcome, compound, comparator),
            }
        )
    return {
        "study": doc,
        "name": short_label(study),
        "cited": has_citation(citation),
        "trial": citation.trial,
        "title": citation.title,
        "citation": citation_text(citation),
        "links": [{"label": link.label, "url": link.url} for link in links(citation)],
        "design": design_words(study),
        "summary": study.summary,
        "outcomes": outcomes,
    }


def reference_list(views: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The cited studies among `views` (each a `study_view`), in the order given, each once:
    an article's References. Nothing it reads depends on the compound the views name."""
    seen: set[str] = set()
    found = []
    for view in views:
        key = view["citation"] + (view["title"] or "")
        if view["cited"] and key not in seen:
            seen.add(key)
            found.append(view)
    return found


def phone_plot(
    docs: list[dict[str, Any]], *, compound: str, title: str, pooled: list[dict[str, Any]]
) -> str:
    """The forest plot drawn for a phone's width from the stored studies."""
    return goal_plot(
        [_study(doc) for doc in docs],
        compound=compound,
        title=title,
        pooled=pooled,
        width=NARROW_WIDTH,
    )
