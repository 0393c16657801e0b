"""Forest-plot rows made for each study: named by citation, never by id, and
saying which way each result goes."""

from __future__ import annotations

from evidex.evidence.models import Citation, Outcome, Study
from evidex.evidence.plots import goal_plot, study_rows
from evidex.evidence.stats import complete_outcome


def _outcome(
    name: str, measure: str, value: float, low: float, high: float, **kw: object
) -> Outcome:
    return complete_outcome(
        Outcome(name=name, measure=measure, value=value, ci_low=low, ci_high=high, **kw)  # type: ignore[arg-type]
    )


def test_forest_rows_are_the_outcomes_with_intervals_under_one_label() -> None:
    study = Study(
        id="ta1-hcc-psm-468",
        design="propensity-matched",
        n=468,
        outcomes=[
            Outcome(name="Overall survival", measure="HR", value=0.31, ci_low=0.18, ci_high=0.54),
            Outcome(name="Response", measure="percent", value=36.4),
            Outcome(name="Recurrence", measure="HR", value=0.38, ci_low=0.23, ci_high=None),
            Outcome(name="Death", measure="OR", value=0.5, ci_low=0.3, ci_high=0.9),
        ],
    )
    rows = study_rows(study)
    assert [(r.outcome, r.measure, r.value, r.ci_low, r.ci_high) for r in rows] == [
        ("Overall survival", "HR", 0.31, 0.18, 0.54),
        ("Death", "OR", 0.5, 0.3, 0.9),
    ]
    # Never the record id ("ta1 hcc psm 468"): the design and size when there is no citation.
    assert {r.label for r in rows} == {"Propensity-matched observational, n=468"}
    assert all(r.n == 468 for r in rows)
    assert study_rows(Study(id="x", design="rct")) == []


def test_a_cited_study_is_labelled_by_trial_first_author_and_year() -> None:
    study = Study(
        id="step-1",
        design="rct",
        n=1961,
        citation=Citation(authors="Wilding JPH, Batterham RL, et al.", year=2021, trial="STEP 1"),
        outcomes=[_outcome("Body weight", "MD", -12.4, -13.4, -11.5, better="lower")],
    )
    assert study_rows(study, "semaglutide")[0].label == "STEP 1 (Wilding et al. 2021)"


def test_an_odds_ratio_below_one_for_a_response_favours_the_active_comparator() -> None:
    study = Study(
        id="meta",
        design="meta-analysis",
        comparator="Interferon-alpha",
        comparator_type="active",
        outcomes=[
            _outcome("Complete response", "OR", 0.54, 0.30, 0.97, better="higher"),
            _outcome("Overall survival (death)", "HR", 0.31, 0.18, 0.54, better="lower"),
        ],
    )
    response, survival = study_rows(study, "Tα1")
    assert (response.better, response.verdict) == ("higher", "favours interferon-alpha")
    assert (survival.better, survival.verdict) == ("lower", "favours Tα1")
    assert response.compound == "Tα1" and response.comparator == "interferon-alpha"


def test_the_phone_drawing_is_the_same_plot_at_a_phone_s_width() -> None:
    study = Study(
        id="meta",
        design="meta-analysis",
        n=199,
        comparator="Interferon-alpha",
        comparator_type="active",
        outcomes=[_outcome("Complete response", "OR", 0.54, 0.30, 0.97, better="higher")],
    )
    pooled: list[dict[str, object]] = []
    wide = goal_plot([study], compound="Tα1", title="Tα1 for liver health", pooled=pooled)
    phone = goal_plot(
        [study], compound="Tα1", title="Tα1 for liver health", pooled=pooled, width=360
    )
    assert 'viewBox="0 0 760 ' in wide and 'viewBox="0 0 360 ' in phone
    for svg in (wide, phone):
        assert "favours interferon-alpha" in svg
    assert goal_plot([Study(id="x", design="rct")], compound="a", title="t", pooled=[]) == ""
