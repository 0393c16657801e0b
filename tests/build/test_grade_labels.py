"""Forest-plot labels and rows the grade step makes for each study."""

from __future__ import annotations

import pytest

from evidex.build.grade import _forest_rows, _humanised_id, _study_label
from evidex.evidence.models import Citation, Outcome, Study


@pytest.mark.parametrize(
    ("study_id", "shown"),
    [
        ("ta1-hcc-resection-psm-468", "TA1 HCC resection PSM 468"),
        ("ta1-chb-rct-316", "TA1 CHB RCT 316"),
        ("drug_vs_placebo  trial", "Drug vs placebo trial"),
        ("babeascortin-for-sleep-x1", "Babeascortin for sleep X1"),
        ("--", ""),
    ],
)
def test_ids_read_as_words_with_abbreviations_in_capitals(study_id: str, shown: str) -> None:
    assert _humanised_id(study_id) == shown
    assert _humanised_id(study_id) == shown  # the same again once its words are remembered


def test_a_label_is_a_short_title_else_author_and_year_else_the_id_with_its_design() -> None:
    titled = Study(id="s-1", design="rct", citation=Citation(title="The TRIAL study"))
    cited = Study(id="s-2", design="cohort", citation=Citation(authors="Smith, J", year=2019))
    bare = Study(id="ta1-chb-rct-316", design="rct")
    assert _study_label(titled) == "The TRIAL study · RCT"
    assert _study_label(cited) == "Smith 2019 · cohort"
    assert _study_label(bare) == "TA1 CHB RCT 316"  # the name already says RCT


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
    rows = _forest_rows(study)
    assert [(r.outcome, r.measure, r.value, r.ci_low, r.ci_high) for r in rows] == [
        ("Overall survival", "HR", 0.31, 0.18, 0.54),
        ("Death", "OR", 0.5, 0.3, 0.9),
    ]
    assert {r.label for r in rows} == {"TA1 HCC PSM 468 · propensity matched"}
    assert all(r.n == 468 for r in rows)
    assert _forest_rows(Study(id="x", design="rct")) == []
