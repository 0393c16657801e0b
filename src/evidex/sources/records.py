"""Imported study records written in the library's study format (content/README.md)."""

from __future__ import annotations

from typing import Any

import yaml

from evidex.evidence.models import Outcome, Study

_OUTCOME_KEYS = ("name", "measure", "value", "ci_low", "ci_high", "ci_level", "p", "better")
_OUTCOME_TAIL = ("timepoint", "arms", "text")


def _outcome(outcome: Outcome) -> dict[str, Any]:
    data = outcome.model_dump(mode="json", exclude_none=True)
    ordered = {key: data[key] for key in (*_OUTCOME_KEYS, *_OUTCOME_TAIL) if data.get(key)}
    if "value" not in ordered:
        ordered["value"] = data["value"]  # a value of 0 is a value
    return ordered


def study_record(study: Study) -> dict[str, Any]:
    """The study as the mapping a `content/studies/<id>.yaml` holds, empty fields left out."""
    record: dict[str, Any] = {"id": study.id}
    for key in ("compound", "goal", "provenance"):
        if getattr(study, key):
            record[key] = getattr(study, key)
    if not study.curated:
        record["curated"] = False
    citation = study.citation.model_dump(mode="json", exclude_none=True)
    if citation:
        record["citation"] = citation
    record["design"] = study.design
    for key in (
        "phase",
        "n",
        "n_studies",
        "population",
        "intervention",
        "comparator",
        "comparator_type",
        "duration",
        "follow_up",
    ):
        value = getattr(study, key)
        if value not in (None, ""):
            record[key] = value
    if not study.human:
        record["human"] = False
    for key in ("conditions", "summary", "primary_outcomes", "secondary_outcomes"):
        if getattr(study, key):
            record[key] = getattr(study, key)
    if study.outcomes:
        record["outcomes"] = [_outcome(outcome) for outcome in study.outcomes]
    if study.abstract:
        record["abstract"] = study.abstract
    return record


# libyaml's emitter where PyYAML was built with it: the pure-Python one was most of a bulk import
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def dump_yaml(data: dict[str, Any]) -> str:
    return yaml.dump(data, Dumper=_DUMPER, sort_keys=False, allow_unicode=True, width=100)
