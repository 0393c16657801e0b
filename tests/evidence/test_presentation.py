"""A stored study as the pages and the CLI show it."""

from __future__ import annotations

from evidex.evidence.models import Arm, Citation, Outcome, Study
from evidex.evidence.presentation import arms_text, reference_list, study_view
from evidex.evidence.stats import complete_outcome

STEP = Study(
    id="step-1-semaglutide-2021",
    design="rct",
    n=1961,
    comparator="Placebo plus lifestyle intervention",
    comparator_type="placebo",
    summary="Adults with obesity lost 14.9% of body weight on semaglutide, 2.4% on placebo.",
    citation=Citation(
        trial="STEP 1",
        authors="Wilding JPH, Batterham RL, et al.",
        journal="New England Journal of Medicine",
        year=2021,
        doi="10.1056/NEJMoa2032183",
    ),
    outcomes=[
        complete_outcome(
            Outcome(
                name="Change in body weight",
                measure="MD",
                value=-12.4,
                ci_low=-13.4,
                ci_high=-11.5,
                better="lower",
                unit="percentage points",
                arms=[Arm(name="Semaglutide", value=-14.9), Arm(name="Placebo", value=-2.4)],
            )
        )
    ],
)


def test_each_arm_is_shown_with_its_own_figure() -> None:
    outcome = STEP.outcomes[0]
    assert arms_text(outcome, "percentage points") == "Semaglutide −14.9% vs Placebo −2.4%"
    minutes = Outcome(
        name="latency",
        measure="MD",
        value=-7,
        arms=[Arm(name="Melatonin", value=20), Arm(name="Placebo", value=27)],
    )
    assert arms_text(minutes, "minutes") == "Melatonin 20 vs Placebo 27 minutes"
    assert arms_text(Outcome(name="x", measure="OR", value=1.2), None) == ""


def test_a_study_view_names_cites_and_judges_each_outcome() -> None:
    doc = {**STEP.model_dump(mode="json"), "status": "curated"}  # a caller's own key is ignored
    view = study_view(doc, "semaglutide")
    assert view["name"] == "STEP 1 (Wilding et al. 2021)"
    assert view["citation"] == "Wilding et al., New England Journal of Medicine, 2021"
    assert view["links"] == [
        {"label": "DOI 10.1056/NEJMoa2032183", "url": "https://doi.org/10.1056/NEJMoa2032183"}
    ]
    assert view["summary"].startswith("Adults with obesity")
    (outcome,) = view["outcomes"]
    assert (outcome["unit"], outcome["verdict"]) == ("percentage points", "favours semaglutide")


def test_references_list_each_cited_study_once_and_skip_uncited_ones() -> None:
    uncited = Study(id="ta1-chb-rct-316", design="rct", n=316).model_dump(mode="json")
    cited = STEP.model_dump(mode="json")
    references = reference_list([study_view(doc, "semaglutide") for doc in (cited, uncited, cited)])
    assert [r["study"]["id"] for r in references] == ["step-1-semaglutide-2021"]
