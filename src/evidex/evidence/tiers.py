"""The evidence-tier rubric: a deterministic, rule-based grade per compound × goal.

Rules (documented for readers in docs/methodology.md):

1. No human study -> Tier 5, whatever the effect sizes.
2. Each human study gets a verdict from its completed outcomes: significant benefit, null
   (every judged outcome shows no difference), harm, "not superior" (null or worse against an
   active comparator: a limit, not harm), or "reported only" (rates without a comparison).
3. Tier 1: two large RCTs with significant benefit, or an RCT meta-analysis with benefit plus
   a large RCT with benefit, and nothing against.
   Tier 2: one large RCT or an RCT meta-analysis with significant benefit.
   Tier 3: a controlled human study of at least moderate size with significant benefit, or two
   smaller controlled studies agreeing on benefit with nothing against them.
   Tier 4: any other human data (small pilots, uncontrolled reports, conflicting results).
4. Against-evidence: a large null RCT against placebo / no treatment / standard care, or a
   significant harm in a controlled study of moderate size, lowers the tier by one (never
   below 4). Non-superiority to an active comparator keeps the tier from reaching 1.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from evidex.evidence.models import Outcome, Study
from evidex.evidence.stats import Pooled, complete_outcome, pooled_estimate

TIER_NAMES: dict[int, str] = {
    1: "proven efficacy",
    2: "strong evidence",
    3: "probable efficacy",
    4: "possible efficacy",
    5: "insufficient / preclinical",
}

LARGE_N = 300  # a "large" RCT: enough to detect a moderate effect on a common outcome
MODERATE_N = 100  # below this a study is a pilot for grading purposes
PRECLINICAL_DESIGNS = frozenset({"animal", "in-vitro", "mechanistic"})
_INACTIVE_COMPARATORS = ("placebo", "none", "standard-care")
CONTROLLED_DESIGNS = frozenset(
    {
        "meta-analysis",
        "rct",
        "non-randomised-controlled",
        "propensity-matched",
        "cohort",
        "case-control",
    }
)
_VOWEL_SOUND = re.compile(r"[aeiouAEIOU]|RCT")  # "an RCT": said "ar-see-tee"
_DESIGN_WORDS = {
    "meta-analysis": "meta-analysis",
    "rct": "RCT",
    "non-randomised-controlled": "non-randomised controlled trial",
    "propensity-matched": "propensity-matched cohort",
    "cohort": "cohort study",
    "case-control": "case-control study",
    "case-series": "case series",
    "animal": "animal study",
    "in-vitro": "in vitro study",
    "mechanistic": "mechanistic work",
}


@dataclass
class TierAssessment:
    tier: int
    tier_name: str
    rationale: str
    driving_study_ids: list[str] = field(default_factory=list)
    inputs: dict[str, Any] = field(default_factory=dict)


@dataclass
class _Verdict:
    study: Study
    outcomes: list[Outcome]
    benefit: bool
    harm: bool
    null: bool
    not_superior: bool
    reported_only: bool
    # significant results whose better side is not recorded, so they cannot count either way
    undirected: list[Outcome] = field(default_factory=list)
    no_figures: bool = False  # a study on record without a single outcome figure


def comparator_kind(study: Study) -> str:
    """placebo / none / standard-care / active / unknown, from the field or the comparator text."""
    if study.comparator_type:
        return study.comparator_type
    text = (study.comparator or "").lower()
    if not text:
        return "unknown"
    if "placebo" in text or "sham" in text:
        return "placebo"
    if "standard" in text or "usual care" in text or "no treatment" in text or "untreated" in text:
        return "standard-care"
    return "active"


def is_human(study: Study) -> bool:
    return study.human and study.design not in PRECLINICAL_DESIGNS


def _verdict(study: Study) -> _Verdict:
    outcomes = [complete_outcome(o) for o in study.outcomes]
    directions = [o.direction for o in outcomes if o.direction is not None]
    active = comparator_kind(study) == "active"
    benefit = "benefit" in directions
    harm = "harm" in directions
    null = bool(directions) and all(d == "no difference" for d in directions)
    not_superior = active and not benefit and (harm or null)
    if not_superior:
        harm = null = False
    undirected = [o for o in outcomes if o.significant and o.direction is None]
    reported_only = not directions and not undirected and bool(outcomes)
    return _Verdict(
        study,
        outcomes,
        benefit,
        harm,
        null,
        not_superior,
        reported_only,
        undirected,
        no_figures=not outcomes,
    )


def _describe(study: Study) -> str:
    design = _DESIGN_WORDS[study.design]
    if study.design == "meta-analysis" and study.n_studies:
        design = f"meta-analysis of {study.n_studies} RCTs"
    return f"{design} n={study.n}" if study.n else design


def _best_effect(verdict: _Verdict) -> str:
    for outcome in verdict.outcomes:
        if outcome.direction == "benefit" and outcome.ci_low is not None:
            return (
                f" ({outcome.measure} {outcome.value:g} [{outcome.ci_low:g}, {outcome.ci_high:g}]"
                f" for {outcome.name.lower()})"
            )
    return ""


def _size(study: Study) -> int:
    return study.n or 0


def _pooled_inputs(human: list[Study]) -> list[dict[str, Any]]:
    """Pool outcomes sharing a name and measure across different studies."""
    groups: dict[tuple[str, str], list[Outcome]] = {}
    for study in human:
        for outcome in study.outcomes:
            key = (outcome.name.strip().lower(), outcome.measure)
            groups.setdefault(key, []).append(outcome)
    results: list[dict[str, Any]] = []
    for (name, _measure), outcomes in sorted(groups.items()):
        pooled: Pooled | None = pooled_estimate(outcomes)
        if pooled is not None:
            results.append({"outcome": name, **pooled.__dict__})
    return results


def compute_tier(
    studies: list[Study], *, compound_label: str, goal_label: str, approved: bool = False
) -> TierAssessment:
    """Grade the evidence for one compound × goal; see the module docstring for the rules."""
    human = [s for s in studies if is_human(s)]
    verdicts = [_verdict(s) for s in human]
    inputs = _inputs(studies, verdicts, approved)
    head = f"Tier {{tier}} ({{name}}) for {compound_label} in {goal_label}"
    if not human:
        what = ", ".join(sorted({_DESIGN_WORDS[s.design] for s in studies}))
        reason = f"only {what} evidence, no human studies" if studies else "no studies on record"
        return _assessment(5, head, [reason], [s.id for s in studies], studies, inputs)

    def large_rct(v: _Verdict) -> bool:
        return v.study.design == "rct" and _size(v.study) >= LARGE_N

    rct_benefits = [v for v in verdicts if large_rct(v) and v.benefit]
    meta_benefits = [v for v in verdicts if v.study.design == "meta-analysis" and v.benefit]
    controlled = [v for v in verdicts if v.study.design in CONTROLLED_DESIGNS]
    moderate_benefits = [v for v in controlled if v.benefit and _size(v.study) >= MODERATE_N]
    small_benefits = [v for v in controlled if v.benefit and v not in moderate_benefits]
    against_nulls = [
        v
        for v in verdicts
        if large_rct(v) and v.null and comparator_kind(v.study) in _INACTIVE_COMPARATORS
    ]
    harms = [v for v in controlled if v.harm and _size(v.study) >= MODERATE_N]
    small_against = [v for v in controlled if (v.null or v.harm) and _size(v.study) < MODERATE_N]
    not_superior = [v for v in verdicts if v.not_superior]
    # A null against an active comparator is already "not superior" (see _verdict).
    unknown_nulls = [v for v in verdicts if v.null and comparator_kind(v.study) == "unknown"]
    reported = [v for v in verdicts if v.reported_only or v.study.design == "case-series"]

    if len(rct_benefits) >= 2 or (meta_benefits and rct_benefits):
        tier, drivers = 1, meta_benefits + rct_benefits
    elif rct_benefits or meta_benefits:
        tier, drivers = 2, meta_benefits + rct_benefits
    elif moderate_benefits or (len(small_benefits) >= 2 and not small_against):
        tier, drivers = 3, moderate_benefits or small_benefits
    else:
        tier, drivers = 4, small_benefits or reported or verdicts[:1]
    if tier == 1 and (not_superior or unknown_nulls):
        tier = 2
    if against_nulls or harms:
        tier = min(tier + 1, 4)

    reasons = [_driver_phrase(v) for v in sorted(drivers, key=lambda v: -_size(v.study))]
    limits = [_limit_phrase(v) for v in against_nulls + harms + not_superior + unknown_nulls]
    limits += [_limit_phrase(v) for v in reported if v not in drivers]
    limits += [_limit_phrase(v) for v in small_against if v not in drivers]
    unread = [v for v in verdicts if (v.undirected or v.no_figures) and not v.benefit]
    limits += [_limit_phrase(v) for v in unread if v not in drivers]
    driving = [v.study.id for v in drivers + against_nulls + harms + not_superior + unknown_nulls]
    if approved:
        limits.append("approved by a regulator for this use")
    assessment = _assessment(
        # a study can be a limit twice over (reported only, and without figures): name it once
        tier,
        head,
        list(dict.fromkeys(reasons + limits)),
        list(dict.fromkeys(driving)),
        human,
        inputs,
    )
    assessment.rationale += _what_would_raise(tier, unread)
    return assessment


def _would_reach(study: Study) -> int:
    """The tier a significant benefit in this study alone would support."""
    if study.design == "meta-analysis" or (study.design == "rct" and _size(study) >= LARGE_N):
        return 2
    if study.design in CONTROLLED_DESIGNS and _size(study) >= MODERATE_N:
        return 3
    return 4


def _what_would_raise(tier: int, unread: list[_Verdict]) -> str:
    """What missing figures hold the tier back: the step an editor can take."""
    best = min(unread, key=lambda v: _would_reach(v.study), default=None)
    if best is None or _would_reach(best.study) >= tier:
        return ""
    where = _with_article(_describe(best.study))
    if best.no_figures:
        need = f"the effect estimates of {where} with their 95% confidence intervals"
    else:
        need = f"which way is better for the outcomes of {where}"
    return (
        f" What would raise the tier: recording {need}; a significant benefit there would"
        f" support Tier {_would_reach(best.study)}."
    )


def _versus(study: Study) -> str:
    kind = comparator_kind(study)
    if kind == "unknown":
        return ""
    return f" vs {'no treatment' if kind == 'none' else study.comparator or kind}"


def _undirected_phrase(v: _Verdict) -> str:
    names = ", ".join(dict.fromkeys(o.name.lower() for o in v.undirected))
    return (
        f"{_describe(v.study)}{_versus(v.study)} with significant differences ({names}) whose"
        " better direction is not recorded, so they count neither as benefit nor as harm"
    )


def _no_figures_phrase(v: _Verdict) -> str:
    return f"{_describe(v.study)}{_versus(v.study)} whose outcome figures are not recorded"


def _driver_phrase(v: _Verdict) -> str:
    if v.benefit:
        return f"{_describe(v.study)} with significant benefit{_best_effect(v)}"
    if v.undirected:
        return _undirected_phrase(v)
    if v.no_figures:
        return _no_figures_phrase(v)
    if v.reported_only:
        return f"{_describe(v.study)} reporting outcomes without a comparison"
    if v.null:
        return f"{_describe(v.study)} without a significant difference"
    return _describe(v.study)


def _with_article(phrase: str) -> str:
    return ("an " if _VOWEL_SOUND.match(phrase) else "a ") + phrase


def _limit_phrase(v: _Verdict) -> str:
    comparator = v.study.comparator or "its comparator"
    where = _with_article(_describe(v.study))
    if v.undirected and not (v.not_superior or v.null or v.harm):
        return _undirected_phrase(v)
    if v.no_figures:
        return _no_figures_phrase(v)
    if v.not_superior:
        return f"not superior to {comparator} in {where}"
    if v.null:
        return f"no significant difference vs {comparator} in {where}"
    if v.harm:
        return f"significant harm vs {comparator} in {where}"
    if v.reported_only:
        return f"{_describe(v.study)} reports outcomes without a comparison"
    return f"{_describe(v.study)} with no measurable outcome"


def _assessment(
    tier: int,
    head: str,
    phrases: list[str],
    driving: list[str],
    studies: list[Study],
    inputs: dict[str, Any],
) -> TierAssessment:
    name = TIER_NAMES[tier]
    rationale = head.format(tier=tier, name=name) + ": " + "; ".join(phrases) + "."
    unverified = [s.id for s in studies if not s.curated]
    if unverified:
        rationale += (
            f" {len(unverified)} of {len(studies)} studies were extracted from article text"
            " and are unverified."
        )
    return TierAssessment(tier, name, rationale, driving, inputs)


def _inputs(studies: list[Study], verdicts: list[_Verdict], approved: bool) -> dict[str, Any]:
    human = [v.study for v in verdicts]
    return {
        "designs": dict(Counter(s.design for s in studies)),
        "largest_n": max((s.n or 0 for s in human), default=0),
        "significant_benefits": sum(v.benefit for v in verdicts),
        "nulls": sum(v.null for v in verdicts),
        "harms": sum(v.harm for v in verdicts),
        "not_superior_to_active": sum(v.not_superior for v in verdicts),
        "active_comparators": sum(comparator_kind(s) == "active" for s in human),
        "human": len(human),
        "preclinical": len(studies) - len(human),
        "unverified": sum(not s.curated for s in studies),
        "approved": approved,
        "pooled": _pooled_inputs(human),
    }


def tier_claim_warning(claimed: int | None, computed: TierAssessment) -> str | None:
    """A warning sentence when an article's claimed tier differs from the computed one."""
    if claimed is None or claimed == computed.tier:
        return None
    return (
        f"article claims Tier {claimed} but the evidence computes to Tier {computed.tier}"
        f" ({computed.tier_name}): {computed.rationale}"
    )
