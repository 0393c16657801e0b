"""Design classification from the words a text uses about its own study."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from evidex.evidence.design import classify_design, classify_design_of


@pytest.mark.parametrize(
    ("text", "design"),
    [
        ("A meta-analysis of six trials pooled 1,200 patients.", "meta-analysis"),
        ("Systematic review with pooled random-effects estimates of 9 studies.", "meta-analysis"),
        ("We randomised 120 adults to drug or placebo.", "rct"),
        ("In this double-blind, placebo-controlled study, 80 women took part.", "rct"),
        ("A randomized, crossover trial in 20 volunteers.", "rct"),
        ("A propensity score-matched observational study of 468 patients.", "propensity-matched"),
        ("This non-randomized controlled trial enrolled 60 patients.", "non-randomised-controlled"),
        ("A retrospective cohort of 5,000 veterans.", "cohort"),
        ("A prospective cohort study followed 10,000 nurses.", "cohort"),
        ("A case-control study of 300 cases and 600 controls.", "case-control"),
        ("We report a 40-year-old man with jaundice.", "case-series"),
        ("A case series of 8 patients.", "case-series"),
        ("Rats were randomized to the peptide or saline.", "animal"),
        ("In a murine model of fibrosis, the peptide reduced collagen.", "animal"),
        ("In vitro, the peptide raised interleukin-2 in cell culture.", "in-vitro"),
    ],
)
def test_design_words(text: str, design: str) -> None:
    assert classify_design(text) == design


def test_a_call_for_future_trials_does_not_make_a_cohort_an_rct() -> None:
    text = (
        "This retrospective study of 900 patients found lower mortality. "
        "Randomized trials are needed to confirm it."
    )
    assert classify_design(text) == "cohort"


def test_without_design_words_a_report_on_patients_reads_as_a_case_series() -> None:
    assert classify_design("One study documented higher CD8+ counts in patients.") == "case-series"


_DESIGN_SENTENCES = [
    "A randomized controlled trial of 120 adults.", "We searched MEDLINE and pooled 12 trials.",
    "A meta-analysis of randomised trials.", "A retrospective cohort of treated patients.",
    "Propensity score-matched patients were compared.", "Rats were randomly divided.",
    "Cultured cells were exposed in vitro.", "Future randomized trials are needed.",
    "A chart review of patients treated with the drug.", "Compared with controls.", "",
]  # fmt: skip


@given(
    st.lists(
        st.lists(st.sampled_from(_DESIGN_SENTENCES), max_size=3).map(" ".join),
        min_size=1,
        max_size=4,
    )
)
def test_telling_the_last_text_gives_the_design_read_from_all_the_texts(texts: list[str]) -> None:
    assert classify_design_of(iter(texts), last=texts[-1]) == classify_design_of(iter(texts))


# written before the rule; all four read as "mechanistic" (a review) before it
@pytest.mark.parametrize(
    "text",
    [
        "We present a case of a 34-year-old woman with serotonin syndrome and a narrative review "
        "of the literature.",
        "Three cases of hypoglycaemia after the supplement are described, and we review the "
        "literature on its mechanism.",
        "We report two patients with neuropathy on high-dose B6 and provide a literature review of "
        "40 published cases.",
        "We describe a 61-year-old man with lactic acidosis; this review then summarises the "
        "evidence on metformin.",
    ],
)
def test_own_cases_with_a_literature_review_are_a_case_series(text: str) -> None:
    assert classify_design(text) == "case-series"


def test_a_review_of_published_case_reports_stays_a_review() -> None:
    text = "This narrative review summarises published case reports of liver injury linked to kava."
    assert classify_design(text) == "mechanistic"


@pytest.mark.parametrize(
    ("text", "design"),
    [
        (
            "In this prospective cohort nested within a randomised trial of vitamin D, 1,200 "
            "participants were followed for 5 years.",
            "cohort",
        ),
        ("A cohort study embedded in the ASPREE trial examined frailty in 9,000 adults.", "cohort"),
        ("We analysed a cohort, within two large randomized trials, of 4,100 smokers.", "cohort"),
        # the trial's own comparison stays a trial
        ("We randomised a cohort of 300 nurses to coaching or usual care.", "rct"),
        ("Trial participants (n = 400) were randomly assigned to drug or placebo.", "rct"),
    ],
)
def test_a_cohort_followed_inside_a_trial_is_a_cohort(text: str, design: str) -> None:
    assert classify_design(text) == design


@pytest.mark.parametrize(
    ("text", "design"),
    [
        # everyone given a regimen by the authors: an uncontrolled trial, not a cohort
        (
            "Twenty-four adults with prediabetes were enrolled in this prospective study. All "
            "participants received 500 mg of berberine twice daily for 12 weeks. Fasting glucose "
            "fell from 6.4 to 5.9 mmol/L.",
            "non-randomised-controlled",
        ),
        (
            "Methods: Patients received six cycles of the combination, followed by maintenance. "
            "Results: Between 2015 and 2019, 61 patients were enrolled; the response rate was 48%.",
            "non-randomised-controlled",
        ),
        (
            "Thirty athletes were asked to take 5 g of creatine each day for four weeks, and "
            "sprint times were compared before and after.",
            "non-randomised-controlled",
        ),
        (
            "Patients were given the lotion for 8 weeks; itch scores were recorded at each visit "
            "and compared with baseline.",
            "non-randomised-controlled",
        ),
        # ... or groups made by the participants' own choice
        (
            "Patients were treated with once-weekly or daily dosing according to patient "
            "preference, and TSH was compared between the groups.",
            "non-randomised-controlled",
        ),
        # a cohort named outright, an association studied, or records looked back on stay so
        (
            "In this prospective cohort, 2,300 women who received 400 IU of vitamin D daily were "
            "compared with non-users.",
            "cohort",
        ),
        (
            "In a prospective study, we examined the association of statin use (received 20 mg "
            "or more) with dementia risk (HR 0.81).",
            "cohort",
        ),
        (
            "We retrospectively reviewed the records of 40 patients who received 2 g of "
            "tranexamic acid.",
            "case-series",
        ),
    ],
)
def test_a_regimen_given_by_the_authors_is_a_trial(text: str, design: str) -> None:
    assert classify_design(text) == design


@pytest.mark.parametrize(
    ("text", "design"),
    [
        # tissue kept alive outside the animal is laboratory work
        (
            "Porcine coronary artery rings were mounted in organ baths and relaxed with the peptide.",
            "in-vitro",
        ),
        (
            "Rat hippocampal slices were exposed to the drug and long-term potentiation was recorded.",
            "in-vitro",
        ),
        (
            "Hearts from male Wistar rats were perfused in a Langendorff apparatus with the peptide.",
            "in-vitro",
        ),
        (
            "Ileal strips from guinea pigs contracted less after the compound (EC50 3 µM).",
            "in-vitro",
        ),
        ("Bovine cartilage explants were treated with interleukin-1 and the compound.", "in-vitro"),
        # material from animals incubated in a dish, and laboratory preparations
        ("Blood samples from 12 healthy dogs were incubated with the drug for 1 h.", "in-vitro"),
        ("Bovine sperm were incubated with the antioxidant and motility was assessed.", "in-vitro"),
        ("Rat liver microsomes were used to estimate the drug's intrinsic clearance.", "in-vitro"),
        ("Isolated rat mitochondria were exposed to the compound.", "in-vitro"),
        ("Porcine skin was mounted in Franz diffusion cells to measure permeation.", "in-vitro"),
        (
            "Feline kidney cells were infected with the virus in the presence of the drug.",
            "in-vitro",
        ),
        (
            "The antibacterial activity of the extract against canine isolates was tested.",
            "in-vitro",
        ),
        # ... unless the animals themselves were treated first
        (
            "Mice were treated with the drug for 4 weeks, after which aortic rings were prepared.",
            "animal",
        ),
        ("Twelve dogs were given the drug orally; plasma was sampled over 24 hours.", "animal"),
    ],
)
def test_tissue_kept_alive_outside_an_animal_is_in_vitro(text: str, design: str) -> None:
    assert classify_design(text) == design


@pytest.mark.parametrize(
    ("text", "design"),
    [
        ("We report on a case of anaphylaxis after vaccination in a toddler.", "case-series"),
        ("We report on three patients with sarcoidosis who responded to the drug.", "case-series"),
        (
            "Using propensity- scores to match three treated patients for each control, we "
            "compared delirium rates.",
            "propensity-matched",
        ),
        ("Propensity scores were used to match users and non-users 1:1.", "propensity-matched"),
        # reporting on a trial's effects is no case report
        (
            "We report on the effects of the drug in 200 adults randomised to drug or placebo.",
            "rct",
        ),
    ],
)
def test_report_on_a_case_and_scores_used_to_match(text: str, design: str) -> None:
    assert classify_design(text) == design
