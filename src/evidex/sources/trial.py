"""ClinicalTrials.gov API v2 study JSON read into a study record whose numbers come from the
registry's structured data, never from prose: provenance "registry".

Registry values arrive as strings ("15.231", "<0.001"); they are read with `Decimal`, so a
value is exactly the number written, and p stays as written.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from evidex.evidence.models import Arm, Citation, Design, Measure, Outcome, Study
from evidex.sources.reader import SourceError
from evidex.sources.vocabulary import Vocabulary

_NCT = re.compile(r"^NCT\d{8}$")
# paramType words -> measure, first match wins
_MEASURES: tuple[tuple[str, Measure], ...] = (
    ("odds ratio", "OR"),
    ("hazard ratio", "HR"),
    ("risk ratio", "RR"),
    ("relative risk", "RR"),
    ("rate ratio", "RR"),
    ("standardized mean", "SMD"),
    ("standardised mean", "SMD"),
    ("risk difference", "percent"),
    ("difference", "MD"),
    ("mean", "MD"),
    ("median", "MD"),
    ("slope", "MD"),
)
_PLACEBO = re.compile(r"\bplacebo\b|\bsham\b", re.IGNORECASE)
_PERCENT_UNIT = re.compile(r"percent|%", re.IGNORECASE)


def _get(document: Any, path: str, file: str, required: bool = True) -> Any:
    value: Any = document
    for key in path.split("."):
        if not isinstance(value, dict) or key not in value:
            if required:
                raise SourceError(file, "required key is missing", path)
            return None
        value = value[key]
    return value


def _mapping(value: Any) -> dict[str, Any]:
    """A registry object, or {} where the record has something else (null, a string)."""
    return value if isinstance(value, dict) else {}


def _objects(value: Any) -> list[dict[str, Any]]:
    """The objects of a registry list, skipping anything that is not one."""
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def exact_number(text: Any) -> float | None:
    """A registry value as the number written: "15.231" -> 15.231; "NA", "<0.001" -> None."""
    if not isinstance(text, str | int | float) or isinstance(text, bool):
        return None
    try:
        number = Decimal(str(text).strip().replace(",", ""))
    except InvalidOperation:
        return None
    if not number.is_finite():
        return None
    return float(number)  # the shortest float repr of a decimal string is that string


def design_of(design_module: dict[str, Any]) -> Design:
    info = _mapping(design_module.get("designInfo"))
    allocation = str(info.get("allocation", "")).upper()
    if str(design_module.get("studyType", "")).upper() == "OBSERVATIONAL":
        model = str(info.get("observationalModel", "")).upper()
        return "case-control" if "CASE_CONTROL" in model else "cohort"
    if allocation == "RANDOMIZED":
        return "rct"
    if allocation == "NON_RANDOMIZED":
        return "non-randomised-controlled"
    arms = str(info.get("interventionModel", "")).upper()
    return "case-series" if arms == "SINGLE_GROUP" else "non-randomised-controlled"


def _phase(phases: Any) -> str | None:
    if not isinstance(phases, list):
        return None
    words = [p for p in phases if isinstance(p, str)]
    shown = [p.replace("EARLY_PHASE", "Early phase ").replace("PHASE", "Phase ") for p in words]
    named = [p.strip() for p in shown if p and p != "NA"]
    return "/".join(named) or None


def _masking(design_module: dict[str, Any]) -> str:
    masking = _mapping(_mapping(design_module.get("designInfo")).get("maskingInfo")).get("masking")
    return str(masking).replace("_", " ").lower() if masking else ""


def _measure(param_type: str, unit: str) -> Measure | None:
    lowered = param_type.casefold()
    for words, measure in _MEASURES:
        if words in lowered:
            if measure == "MD" and _PERCENT_UNIT.search(unit) and "mean" not in lowered:
                return "percent"
            return measure
    return None


def _group_values(measure: dict[str, Any]) -> dict[str, float]:
    """Each group's first posted value (first class, first category)."""
    values: dict[str, float] = {}
    for klass in _objects(measure.get("classes")):
        for category in _objects(klass.get("categories")):
            for cell in _objects(category.get("measurements")):
                number = exact_number(cell.get("value"))
                group = cell.get("groupId")
                if number is not None and isinstance(group, str):
                    values.setdefault(group, number)
    return values


def _group_counts(measure: dict[str, Any]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for denom in _objects(measure.get("denoms")):
        for cell in _objects(denom.get("counts")):
            number = exact_number(cell.get("value"))
            if number is not None and number > 0 and isinstance(cell.get("groupId"), str):
                counts.setdefault(cell["groupId"], int(number))
    return counts


def _analyses(results: dict[str, Any], warnings: list[str]) -> list[Outcome]:
    outcomes: list[Outcome] = []
    measures = _objects(_mapping(results.get("outcomeMeasuresModule")).get("outcomeMeasures"))
    for index, measure in enumerate(measures):
        titles = {
            g["id"]: str(g.get("title") or g["id"])
            for g in _objects(measure.get("groups"))
            if isinstance(g.get("id"), str)
        }
        values = _group_values(measure)
        counts = _group_counts(measure)
        for number, analysis in enumerate(_objects(measure.get("analyses"))):
            where = f"outcomeMeasures[{index}].analyses[{number}]"
            param_type = str(analysis.get("paramType") or "")
            kind = _measure(param_type, str(measure.get("unitOfMeasure") or ""))
            value = exact_number(analysis.get("paramValue"))
            if kind is None or value is None:
                warnings.append(
                    f"{where}: {param_type or 'no parameter type'} "
                    f"{analysis.get('paramValue')!r} is not an estimate Evidex draws; skipped"
                )
                continue
            low = exact_number(analysis.get("ciLowerLimit"))
            high = exact_number(analysis.get("ciUpperLimit"))
            if low is None or high is None:
                low = high = None
            group_ids = analysis.get("groupIds")
            groups = (
                [g for g in group_ids if isinstance(g, str)] if isinstance(group_ids, list) else []
            )
            arms = [
                Arm(name=str(titles.get(g) or g), value=values[g], n=counts.get(g))
                for g in groups
                if g in values
            ]
            level = exact_number(analysis.get("ciPctValue"))
            sides = str(analysis.get("ciNumSides") or "")
            p = analysis.get("pValue")
            outcomes.append(
                Outcome(
                    name=str(measure.get("title") or f"Outcome {index + 1}"),
                    measure=kind,
                    value=value,
                    ci_low=low,
                    ci_high=high,
                    ci_level=level if low is not None and level not in (None, 95.0) else None,
                    p=str(p).strip() if p not in (None, "") else None,
                    arms=arms,
                    timepoint=str(measure.get("timeFrame") or "") or None,
                    text="; ".join(
                        part
                        for part in (
                            f"{param_type} {analysis.get('paramValue')}",
                            f"{analysis.get('ciPctValue')}% CI {analysis.get('ciLowerLimit')}"
                            f" to {analysis.get('ciUpperLimit')} ({sides.replace('_', '-').lower()})"
                            if low is not None
                            else "",
                            f"p {p}" if p else "",
                            str(analysis.get("statisticalMethod") or ""),
                            " vs ".join(str(titles.get(g) or g) for g in groups),
                        )
                        if part
                    ),
                )
            )
    return outcomes


def read_trial(document: Any, path: str, vocabulary: Vocabulary) -> tuple[Study, list[str]]:
    """The registry record as a study, and warnings for posted numbers it could not take."""
    if not isinstance(document, dict):
        raise SourceError(path, "a ClinicalTrials.gov study must be a JSON object")
    nct = _get(document, "protocolSection.identificationModule.nctId", path)
    if not isinstance(nct, str) or not _NCT.match(nct):
        raise SourceError(path, f"not an NCT id: {nct!r}", "identificationModule.nctId")
    title = _get(document, "protocolSection.identificationModule.briefTitle", path)
    design_module = _get(document, "protocolSection.designModule", path)
    if not isinstance(design_module, dict):
        raise SourceError(path, "must be an object", "protocolSection.designModule")
    arms_module = _mapping(_get(document, "protocolSection.armsInterventionsModule", path, False))
    outcomes_module = _mapping(_get(document, "protocolSection.outcomesModule", path, False))
    conditions_module = _mapping(_get(document, "protocolSection.conditionsModule", path, False))
    conditions = _strings(conditions_module.get("conditions"))
    keywords = _strings(conditions_module.get("keywords"))
    enrollment = _mapping(design_module.get("enrollmentInfo"))
    interventions = _objects(arms_module.get("interventions"))
    names = [str(i.get("name", "")) for i in interventions if not _PLACEBO.search(str(i))]
    other_names = [n for i in interventions for n in _strings(i.get("otherNames"))]
    arms = _objects(arms_module.get("armGroups"))
    comparators = [str(a.get("label", "")) for a in arms if "COMPARATOR" in str(a.get("type"))]
    placebo = any(_PLACEBO.search(c) for c in comparators)
    warnings: list[str] = []
    results = document.get("resultsSection") if document.get("hasResults") else None
    outcomes = _analyses(results, warnings) if isinstance(results, dict) else []
    masking = _masking(design_module)
    count = exact_number(enrollment.get("count"))
    design = design_of(design_module)
    terms = [*conditions, *keywords, str(title)]
    summary_parts = [
        str(_mapping(design_module.get("designInfo")).get("allocation") or "")
        .lower()
        .replace("_", "-"),
        f"{masking}-masked" if masking and masking != "none" else "",
        _phase(design_module.get("phases")) or "",
        f"{'enrolled' if enrollment.get('type') == 'ACTUAL' else 'anticipated'} {int(count)}"
        if count
        else "",
    ]
    study = Study(
        id=nct.lower(),
        citation=Citation(
            title=str(title) if title else None,
            url=f"https://clinicaltrials.gov/study/{nct}",
            nct=nct,
        ),
        design=design,
        n=int(count) if count else None,
        population=", ".join(str(c) for c in conditions) or None,
        intervention=", ".join(dict.fromkeys(n for n in names if n)) or None,
        comparator=", ".join(comparators) or None,
        comparator_type="placebo" if placebo else ("active" if comparators else None),
        outcomes=outcomes,
        compound=vocabulary.compound([*names, *other_names]),
        goal=vocabulary.goal(terms),
        curated=True,
        provenance="registry",
        phase=_phase(design_module.get("phases")),
        conditions=vocabulary.condition_slugs(str(c) for c in conditions),
        primary_outcomes=_outcome_names(outcomes_module.get("primaryOutcomes")),
        secondary_outcomes=_outcome_names(outcomes_module.get("secondaryOutcomes")),
        summary=f"{nct}: " + ", ".join(part for part in summary_parts if part),
    )
    return study, warnings


def _strings(value: Any) -> list[str]:
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


def _outcome_names(items: Any) -> list[str]:
    return [
        f"{item['measure']} ({item['timeFrame']})" if item.get("timeFrame") else item["measure"]
        for item in _objects(items)
        if isinstance(item.get("measure"), str)
    ]
