"""Step 4 of the build: gather each compound x goal's studies, grade them and check them."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from evidex.build.forked import map_inherited
from evidex.build.library import Library, TierResult
from evidex.content.diagnostics import Diagnostic
from evidex.content.models import Article, Compound
from evidex.evidence import checks, stats
from evidex.evidence.forest import ForestRow, forest_svg
from evidex.evidence.models import Study
from evidex.evidence.tiers import compute_tier


def grade(library: Library) -> None:
    """Extract where nothing is curated, then grade each compound x goal (a tier and a forest
    plot) and check the articles about it against that grade."""
    _extract_uncurated(library)
    for study in library.studies.values():
        study.outcomes = [stats.complete_outcome(outcome) for outcome in study.outcomes]
    articles = _articles_by_group(library)
    jobs = [
        _GroupJob(
            library.compounds[slug],
            goal,
            _goal_label(library, goal),
            studies,
            articles.get((slug, goal), []),
        )
        for (slug, goal), studies in sorted(_group_studies(library).items())
    ]
    for result, diagnostics in _map(_grade_and_check, jobs):
        library.tiers.append(result)
        library.diagnostics.extend(diagnostics)


_PARALLEL_JOBS = 300


def _map(function: Callable[[Any], Any], jobs: list[Any]) -> list[Any]:
    """Run independent per-item work on every core when there is enough of it."""
    if len(jobs) < _PARALLEL_JOBS:
        return [function(job) for job in jobs]
    return map_inherited(function, jobs)


@dataclass
class _GroupJob:
    compound: Compound
    goal: str
    goal_label: str
    studies: list[Study]
    articles: list[Article]


def _grade_and_check(job: _GroupJob) -> tuple[TierResult, list[Diagnostic]]:
    """One group's tier, then its articles checked against it: one job, so the checks need no
    second pass over the library (nor a second set of worker processes)."""
    compound = job.compound
    result = _grade_group(compound.slug, job.goal, compound.title, job.goal_label, job.studies)
    diagnostics = [
        diagnostic
        for article in job.articles
        for diagnostic in _article_diagnostics(article, compound, job.studies, result)
    ]
    return result, diagnostics


def _extract_uncurated(library: Library) -> None:
    curated_groups = {(s.compound, s.goal) for s in library.studies.values() if s.curated}
    for article in library.articles.values():
        if article.compound_slug is None or article.studies:
            continue
        if (article.compound_slug, article.goal) in curated_groups:
            continue  # curated records for this compound and goal win over extraction
        for study in library.extracted.get(article.slug, []):
            study.curated = False
            study.compound = article.compound_slug
            study.goal = article.goal
            study.source_path = article.source_path
            if study.id not in library.studies:
                library.studies[study.id] = study


def _group_studies(library: Library) -> dict[tuple[str, str], list[Study]]:
    groups: dict[tuple[str, str], list[Study]] = defaultdict(list)
    for study in library.studies.values():
        if study.compound in library.compounds and study.goal:
            groups[(study.compound, study.goal)].append(study)
    for article in library.articles.values():
        if article.compound_slug:
            groups.setdefault((article.compound_slug, article.goal), [])
    return groups


def _goal_label(library: Library, goal: str) -> str:
    found = library.goals.get(goal)
    return found.name if found else goal.replace("-", " ")


def _grade_group(
    slug: str, goal: str, compound_title: str, goal_label: str, studies: list[Study]
) -> TierResult:
    assessment = compute_tier(studies, compound_label=compound_title, goal_label=goal_label.lower())
    pooled = list(assessment.inputs.get("pooled") or [])
    rows = [row for study in studies for row in _forest_rows(study)]
    svg = ""
    if rows:
        first_pooled = (
            stats.Pooled(**{k: v for k, v in pooled[0].items() if k != "outcome"})
            if pooled
            else None
        )
        svg = forest_svg(
            rows, title=f"{compound_title} for {goal_label.lower()}", pooled=first_pooled
        )
    details: dict[str, Any] = {
        "inputs": assessment.inputs,
        "driving_study_ids": list(assessment.driving_study_ids),
        "pooled": pooled,
        "best_outcome": _best_outcome(studies),
        "unverified": any(not s.curated for s in studies),
    }
    return TierResult(
        compound_slug=slug,
        goal=goal,
        tier=assessment.tier,
        tier_name=assessment.tier_name,
        rationale=assessment.rationale,
        study_ids=[s.id for s in studies],
        details=details,
        forest_svg=svg,
    )


def _forest_rows(study: Study) -> list[ForestRow]:
    """A row for each of the study's outcomes with an interval, all under one label."""
    with_intervals = [o for o in study.outcomes if o.ci_low is not None and o.ci_high is not None]
    if not with_intervals:
        return []
    label = _study_label(study)
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
        )
        for outcome in with_intervals
    ]


_SHORT_DESIGNS = {"rct": "RCT", "meta-analysis": "meta-analysis", "in-vitro": "in vitro"}


def _best_outcome(studies: list[Study]) -> dict[str, Any] | None:
    """The significant benefit from the largest study: the effect the stack builder ranks by."""
    candidates = [
        (study.n or 0, outcome)
        for study in studies
        for outcome in study.outcomes
        if outcome.significant and outcome.direction == "benefit"
    ]
    if not candidates:
        return None
    _, outcome = max(candidates, key=lambda c: c[0])
    return {"name": outcome.name, "measure": outcome.measure, "value": outcome.value}


def _study_label(study: Study) -> str:
    """Which study a forest-plot row is: a short title, else "Author year", else its id."""
    citation = study.citation
    author = re.split(r"[ ,;]", citation.authors.strip())[0] if citation.authors else ""
    if citation.title and len(citation.title) <= 40:
        name = citation.title
    elif author and citation.year:
        name = f"{author} {citation.year}"
    else:
        name = _humanised_id(study.id)
    design = _SHORT_DESIGNS.get(study.design, study.design.replace("-", " "))
    if _word_pattern(design).search(name):
        return name  # the name already says it ("TA1 CHB RCT 316")
    return f"{name} · {design}"


@lru_cache(maxsize=64)
def _word_pattern(word: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(word)}\b", re.I)


_ID_SEPARATORS = re.compile(r"[-_\s]+")
_VOWEL = re.compile(r"[aeiouy]", re.I)
_LETTER = re.compile(r"[a-z]", re.I)
_DIGIT = re.compile(r"\d")


def _humanised_id(study_id: str) -> str:
    """ "ta1-hcc-resection-psm-468" -> "TA1 HCC resection PSM 468": vowel-less or
    letter-and-digit words read as abbreviations."""
    words = [_humanised_word(word) for word in _ID_SEPARATORS.split(study_id.strip())]
    text = " ".join(w for w in words if w)
    return text[:1].upper() + text[1:]


@lru_cache(maxsize=4096)  # ids share most of their words (compound, goal, "for")
def _humanised_word(word: str) -> str:
    vowelless = word.isalpha() and len(word) <= 4 and not _VOWEL.search(word)
    mixed = _DIGIT.search(word) and _LETTER.search(word)
    return word.upper() if (vowelless and word.lower() != "vs") or mixed else word


def _articles_by_group(library: Library) -> dict[tuple[str, str], list[Article]]:
    groups: dict[tuple[str, str], list[Article]] = defaultdict(list)
    for article in library.articles.values():
        if article.compound_slug is not None:
            groups[(article.compound_slug, article.goal)].append(article)
    return groups


def _article_diagnostics(
    article: Article, compound: Compound, studies: list[Study], result: TierResult | None
) -> list[Diagnostic]:
    """Tier claim, prose restatements, p against CI, and profile-versus-article differences."""
    found: list[Diagnostic] = []
    path = article.source_path
    if result is not None and article.tier is not None and article.tier != result.tier:
        message = (
            f"article claims Tier {article.tier} but the evidence computes to "
            f"Tier {result.tier} ({result.tier_name}): {result.rationale}"
        )
        line = article.key_lines.get("tier", 1)
        found.append(Diagnostic(path, line, "warning", message, "tier-claim"))
    outcomes = [o for s in studies for o in s.outcomes]
    for line, message in checks.check_prose_restatements(
        article.body_markdown, outcomes, base_line=article.body_line - 1
    ):
        found.append(Diagnostic(path, line, "warning", message, "prose-estimate"))
    for study in studies:
        for outcome in study.outcomes:
            problem = checks.check_p_against_ci(outcome)
            if problem:
                found.append(Diagnostic(path, study.line or 1, "warning", problem, "p-vs-ci"))
    body = article.body_markdown
    for line, difference in checks.profile_differences(compound, body, studies):
        message = f"{difference} (profile {compound.source_path})"
        at = article.body_line - 1 + line if line else 1
        found.append(Diagnostic(path, at, "warning", message, "profile-vs-article"))
    return found
