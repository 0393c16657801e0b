"""Step 4 of the build: gather each compound x goal's studies, grade them and check them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from evidex.build.forked import map_inherited
from evidex.build.library import Library, TierResult
from evidex.content.diagnostics import Diagnostic
from evidex.content.models import Article, Compound
from evidex.evidence import checks, stats
from evidex.evidence.models import Outcome, Study
from evidex.evidence.outcome_text import clean_outcome_name, shown_unit
from evidex.evidence.plots import goal_plot
from evidex.evidence.tiers import compute_tier


def grade(library: Library) -> None:
    """Extract where nothing is curated, then grade each compound x goal (a tier and a forest
    plot) and check the articles about it against that grade."""
    _extract_uncurated(library)
    for study in library.studies.values():
        study.outcomes = [_shown_outcome(outcome) for outcome in study.outcomes]
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
    result = _grade_group(compound, job.goal, job.goal_label, job.studies)
    diagnostics = [
        diagnostic
        for article in job.articles
        for diagnostic in _article_diagnostics(article, compound, job.studies, result)
    ]
    return result, diagnostics


def _shown_outcome(outcome: Outcome) -> Outcome:
    """Significance and direction filled in, and the unit of a difference read from its
    sentence when the record does not give one."""
    outcome = stats.complete_outcome(outcome)
    unit = shown_unit(outcome)
    return outcome if unit == outcome.unit else outcome.model_copy(update={"unit": unit})


def _extract_uncurated(library: Library) -> None:
    curated_groups = {(s.compound, s.goal) for s in library.studies.values() if s.curated}
    for article in library.articles.values():
        if article.compound_slug is None or article.studies:
            continue
        if (article.compound_slug, article.goal) in curated_groups:
            # curated records for this compound and goal win over extraction; say so
            extracted = library.extracted.get(article.slug, [])
            if extracted:
                library.diagnostics.append(
                    Diagnostic(
                        article.source_path,
                        article.key_lines.get("goal", 1),
                        "warning",
                        f"{len(extracted)} studies read from this article are not graded: "
                        f"curated studies for {article.compound_slug} and {article.goal} "
                        "exist; add these to the curated records or merge the articles",
                        "extraction-skipped",
                    )
                )
            continue
        for study in library.extracted.get(article.slug, []):
            study.curated = False
            study.compound = article.compound_slug
            study.goal = article.goal
            study.source_path = article.source_path
            study.outcomes = [_with_clean_name(o) for o in study.outcomes]
            if study.id not in library.studies:
                library.studies[study.id] = study


def _with_clean_name(outcome: Outcome) -> Outcome:
    """The outcome named by its noun phrase; the outcome itself, not a copy, when its name is
    one already."""
    name = clean_outcome_name(outcome.name)
    return outcome if name == outcome.name else outcome.model_copy(update={"name": name})


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
    compound: Compound, goal: str, goal_label: str, studies: list[Study]
) -> TierResult:
    slug, compound_title = compound.slug, compound.title
    assessment = compute_tier(studies, compound_label=compound_title, goal_label=goal_label.lower())
    pooled = list(assessment.inputs.get("pooled") or [])
    title = f"{compound_title} for {goal_label.lower()}"
    short = compound.short_name or compound_title
    svg = goal_plot(studies, compound=short, title=title, pooled=pooled)
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
