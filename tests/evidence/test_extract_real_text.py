"""Extraction from abstracts printed the ways journals and PubMed print them (own wording)."""

from __future__ import annotations

import pytest

from evidex.evidence.extract import extract_studies


def _effects(text: str) -> list[tuple[str, float, float | None, float | None]]:
    [study] = extract_studies(text)
    return [(o.measure, o.value, o.ci_low, o.ci_high) for o in study.outcomes]


LABELS_ON_OWN_LINES = """Background
Fish oil may lower triglycerides.
Methods
In this double-blind trial, 240 adults were randomized to fish oil or placebo for 12 weeks.
Results
Triglycerides fell more with fish oil (mean difference -0.41 mmol/L, 95% CI -0.60 to -0.22).
Conclusions
Fish oil lowered triglycerides.
"""


def test_labels_on_their_own_lines_give_one_study() -> None:
    [study] = extract_studies(LABELS_ON_OWN_LINES)
    assert (study.design, study.n) == ("rct", 240)
    assert _effects(LABELS_ON_OWN_LINES) == [("MD", -0.41, -0.6, -0.22)]


def test_run_in_labels_without_colons() -> None:
    text = (
        "Objective To test whether zinc shortens colds. Methods Adults with a cold were randomly "
        "assigned to zinc or placebo. Results Of 1106 adults enrolled, those given zinc recovered "
        "sooner (hazard ratio 1.31, 95% CI 1.12 to 1.53). Conclusion Zinc helped."
    )
    [study] = extract_studies(text)
    assert study.design == "rct"
    assert _effects(text) == [("HR", 1.31, 1.12, 1.53)]


def test_per_group_percentages_and_a_whole_sample_description() -> None:
    text = (
        "Methods: 300 patients were randomized to drug or placebo. Results: Of these, 180 (60%) "
        "were women. Nausea developed in 21 (14.0%) patients in the drug group and 9 (6.0%) "
        "patients in the placebo group. Remission was reached by 45% of patients in the drug "
        "group versus 30% in the placebo group."
    )
    [study] = extract_studies(text)
    arms = [[arm.value for arm in outcome.arms] for outcome in study.outcomes]
    assert arms == [[14.0, 6.0], [45.0, 30.0]]


@pytest.mark.parametrize(
    ("text", "design"),
    [
        pytest.param(
            "Forty rats were randomly divided into four groups and given curcumin or saline by "
            "gavage for 8 weeks.",
            "animal",
            id="rats-randomly-divided",
        ),
        pytest.param(
            "We searched PubMed and Embase for randomized trials and excluded animal studies. "
            "Twelve trials with 1,020 patients were pooled in a random-effects meta-analysis.",
            "meta-analysis",
            id="meta-analysis-excluding-animal-studies",
        ),
        pytest.param(
            "Tendon fibroblasts isolated from a rat were cultured and exposed to the peptide; "
            "cell migration increased.",
            "in-vitro",
            id="cells-from-a-rat",
        ),
        pytest.param(
            "Cohort patients were compared using propensity score weighting to control confounding.",
            "cohort",
            id="propensity-weighting-is-not-matching",
        ),
        pytest.param(
            "A retrospective cohort was formed; after propensity score matching, 200 treated "
            "patients were compared with 200 controls.",
            "propensity-matched",
            id="propensity-matched",
        ),
        pytest.param(
            "We wanted to know whether magnesium lowers blood pressure. Literature searches of "
            "MEDLINE and Embase found 9 trials; their risk ratios were pooled with a "
            "random-effects model.",
            "meta-analysis",
            id="searches-and-pooling-without-the-word-meta-analysis",
        ),
        pytest.param(
            "The aim of this work was to describe knee pain after injections. Since this was a "
            "retrospective study, follow-up varied. A chart review of 12 treated patients was "
            "performed.",
            "case-series",
            id="retrospective-chart-review-named-apart",
        ),
        pytest.param(
            "This narrative review discusses statins and muscle pain. A search of PubMed "
            "identified meta-analyses on myopathy and on diabetes, which are summarised.",
            "mechanistic",
            id="narrative-review-citing-meta-analyses",
        ),
        pytest.param(
            "Circular dichroism spectroscopy of the purified enzyme and its two subunits showed "
            "that zinc binding changes the fold of the catalytic site.",
            "in-vitro",
            id="work-on-a-purified-protein",
        ),
        # h-gen4's fifth probe, written before the rules
        pytest.param(
            "Study design: Single-centre, open-label, randomised crossover trial in 30 healthy men.",
            "rct",
            id="design-line-open-label-randomised",
        ),
        pytest.param(
            "Design: Open-label, single-arm, phase 2 trial of 40 adults with alopecia.",
            "non-randomised-controlled",
            id="design-line-open-label-single-arm",
        ),
        pytest.param(
            "Five trials (n = 760) met our criteria and were included in this review. Pooling "
            "the results gave an odds ratio of 1.42 (95% confidence intervals 1.05 to 1.92).",
            "meta-analysis",
            id="review-pooling-the-results",
        ),
        pytest.param(
            "This post hoc analysis of data from the ALPHA trial examined whether baseline "
            "ferritin modified the effect of iron on fatigue (interaction p = 0.04).",
            "rct",
            id="post-hoc-analysis-of-a-named-trial",
        ),
        pytest.param(
            "In this cohort analysis of 3,100 participants from the placebo arm of the GAMMA "
            "Trial, higher baseline omega-3 levels were associated with fewer falls (HR 0.84, "
            "95% CI 0.72 to 0.98).",
            "cohort",
            id="cohort-within-a-named-trial",
        ),
        pytest.param(
            "Mice fed a high-fat diet and given the peptide gained less weight than mice given "
            "saline (p < 0.01). Obesity affects millions of adults worldwide.",
            "animal",
            id="mice-given-with-adults-in-background",
        ),
        pytest.param(
            "We identified 310 women with hip fracture and 1,240 women without fracture from the "
            "same practices and estimated odds ratios by conditional logistic regression.",
            "case-control",
            id="conditional-logistic-regression",
        ),
        pytest.param(
            "Background: Kava has been linked to liver injury in case reports. Methods: We "
            "compared 45 patients with drug-induced liver injury and 90 hospital controls for "
            "their herbal supplement use.",
            "case-control",
            id="case-reports-in-the-background",
        ),
        # written after the rule (the old 'open-label, single|non' cue), failing before it
        pytest.param(
            "In this open-label, single-centre randomised trial, 80 adults with gout took "
            "allopurinol or febuxostat for 6 months.",
            "rct",
            id="open-label-single-centre-randomised",
        ),
        pytest.param(
            "We did an open-label, non-inferiority trial at 12 hospitals. Adults with cellulitis "
            "were randomly assigned to 5 or 10 days of antibiotics.",
            "rct",
            id="open-label-non-inferiority-randomised-later",
        ),
        # h-gen4's sixth probe, written before the extractor was run on them (7/8 then)
        pytest.param(
            "This was a prospective, multicentre, observational study of 1,200 adults admitted "
            "with pneumonia.",
            "cohort",
            id="prospective-observational-multicentre",
        ),
        pytest.param(
            "We retrospectively analysed electronic health records of 45,000 patients with type 2 "
            "diabetes to relate metformin dose to vitamin B12 deficiency.",
            "cohort",
            id="health-records-analysed",
        ),
        pytest.param(
            "Using UK Biobank data, we examined whether tea drinking relates to grip strength in "
            "402,115 participants; grip was 0.4 kg higher in daily drinkers.",
            "cohort",
            id="biobank-without-a-comparison-word",
        ),
        pytest.param(
            "Zebrafish larvae were exposed to the extract for 96 hours and their heart rate was "
            "recorded.",
            "animal",
            id="zebrafish-larvae-exposed",
        ),
        pytest.param(
            "Colitis was induced in C57BL/6 mice with dextran sulfate; mice given the probiotic "
            "lost less weight. These findings support trials in patients with colitis.",
            "animal",
            id="mice-then-patients-in-the-conclusion",
        ),
        pytest.param(
            "Primary tumour cells from 12 patients were cultured and exposed to curcumin; "
            "viability fell by 40%.",
            "in-vitro",
            id="cells-from-patients-cultured",
        ),
        pytest.param(
            "We report two cases of hypervitaminosis D in adults who took a mislabelled "
            "supplement.",
            "case-series",
            id="we-report-two-cases",
        ),
        pytest.param(
            "This secondary analysis of a randomized clinical trial included 1,800 participants "
            "and asked whether the effect differed by baseline vitamin D.",
            "rct",
            id="secondary-analysis-of-a-randomized-trial",
        ),
        # h-gen4's eighth probe: cells, worms and farm animals, written before the extractor
        # was run on them (1/6 then)
        pytest.param(
            "SH-SY5Y cells were pretreated with quercetin before exposure to hydrogen peroxide; "
            "viability rose by 35%.",
            "in-vitro",
            id="cells-pretreated",
        ),
        pytest.param(
            "RAW 264.7 macrophages were stimulated with lipopolysaccharide in the presence of "
            "the extract; nitric oxide release fell (p < 0.01).",
            "in-vitro",
            id="macrophage-line-stimulated",
        ),
        pytest.param(
            "Human umbilical vein endothelial cells (HUVECs) were exposed to high glucose with or "
            "without resveratrol for 48 hours.",
            "in-vitro",
            id="named-cells-with-abbreviation-exposed",
        ),
        pytest.param(
            "Caenorhabditis elegans fed nicotinamide riboside lived 12% longer than worms on the "
            "control diet.",
            "animal",
            id="nematodes-fed",
        ),
        pytest.param(
            "Forty-eight multiparous sows were allocated to a control diet or one with added "
            "zinc from late gestation; piglet weaning weight rose.",
            "animal",
            id="sows-allocated",
        ),
        pytest.param(
            "Sixty Holstein heifers received a yeast culture or none for 90 days; average daily "
            "gain was higher with yeast (p = 0.03).",
            "animal",
            id="heifers-received",
        ),
        # h-gen4's ninth probe: other studies named beside this one, crossover and quasi-random
        # allocation (written before the extractor was run on them: 8/10, n 10/10)
        pytest.param(
            "A recent meta-analysis suggested that magnesium improves sleep. Methods: Adults "
            "with insomnia were randomly assigned to magnesium or placebo for 8 weeks; 151 "
            "took part. Results: Sleep efficiency rose (mean difference 2.1%, 95% CI 0.4 to "
            "3.8).",
            "rct",
            id="meta-analysis-in-the-background-of-a-trial",
        ),
        pytest.param(
            "Meta-analyses of trials have been inconclusive. We followed 22,104 women in the "
            "Nurses' Health Study for 20 years; higher calcium intake was not related to "
            "kidney stones (HR 0.96, 95% CI 0.82 to 1.12).",
            "cohort",
            id="meta-analyses-in-the-background-of-a-cohort",
        ),
        pytest.param(
            "Background: Case reports describe liver injury with ashwagandha. Methods: We "
            "reviewed the records of all 21 patients with ashwagandha-associated liver injury "
            "seen at 4 centres. Results: Jaundice was present in 18; all recovered.",
            "case-series",
            id="records-reviewed-after-case-reports",
        ),
        pytest.param(
            "In a crossover design, 18 recreationally active men ingested caffeine (3 mg/kg) "
            "or placebo in random order before a 5-km run. Run time was 1.2% faster with "
            "caffeine (p = 0.02).",
            "rct",
            id="crossover-design-in-random-order",
        ),
        pytest.param(
            "This single-centre, retrospective, propensity score-matched study compared 312 "
            "patients given tranexamic acid with 312 who were not; transfusion was less "
            "frequent (OR 0.45, 95% CI 0.30 to 0.68).",
            "propensity-matched",
            id="propensity-matched-retrospective",
        ),
        pytest.param(
            "Umbrella review: we searched four databases for meta-analyses of observational "
            "studies on coffee and health and re-analysed 201 meta-analyses with "
            "random-effects models; coffee was linked to lower all-cause mortality (RR 0.83, "
            "95% CI 0.79 to 0.88).",
            "meta-analysis",
            id="umbrella-review-re-analysed",
        ),
        pytest.param(
            "We did a prospective, population-based cohort study in 3 counties; 5,231 "
            "children born in 2005 were followed to age 12.",
            "cohort",
            id="population-based-cohort-children-followed",
        ),
        pytest.param(
            "Participants: 90 older adults with sarcopenia. Intervention: whey protein or an "
            "isocaloric placebo, randomly allocated, for 12 weeks. Main outcome: appendicular "
            "lean mass.",
            "rct",
            id="randomly-allocated-in-a-run-in-label",
        ),
        pytest.param(
            "Sixty patients undergoing knee arthroplasty were enrolled and allocated by birth "
            "date to ice or no ice. Pain at 24 h was lower with ice (mean difference −1.3, "
            "95% CI −2.1 to −0.5).",
            "non-randomised-controlled",
            id="allocated-by-birth-date",
        ),
        pytest.param(
            "Eight adults with phenylketonuria took glycomacropeptide for 12 weeks in an "
            "open, uncontrolled study; blood phenylalanine fell in 6.",
            "non-randomised-controlled",
            id="open-uncontrolled-study",
        ),
        # h-gen4's eleventh probe: early-phase and before-after trials (written before the
        # extractor was run on them: 2/6)
        pytest.param(
            "In this phase 2 study, 40 patients with refractory alopecia areata received oral "
            "tofacitinib for 24 weeks; 19 (47.5%) regrew at least half of their hair.",
            "non-randomised-controlled",
            id="phase-2-study-all-treated",
        ),
        pytest.param(
            "This phase I/II trial enrolled 24 adults with sickle cell disease, who received "
            "escalating doses of the drug.",
            "non-randomised-controlled",
            id="phase-1-2-trial-escalating",
        ),
        pytest.param(
            "In a randomised phase 2 trial, 120 adults were assigned to two doses of the drug "
            "or placebo.",
            "rct",
            id="randomised-phase-2",
        ),
        pytest.param(
            "A before–after study in 6 intensive care units assessed a sepsis bundle in 1,240 "
            "patients; mortality fell from 31% to 26%.",
            "non-randomised-controlled",
            id="before-after-en-dash",
        ),
        pytest.param(
            "We used a pretest–posttest design: 52 nursing students completed an anxiety "
            "scale before and after the simulation course.",
            "non-randomised-controlled",
            id="pretest-posttest-design",
        ),
        pytest.param(
            "A phase 3, multicentre, double-blind trial randomised 2,204 patients to the drug "
            "or placebo.",
            "rct",
            id="phase-3-double-blind",
        ),
        # h-gen4's twelfth probe: reviews that pool and reviews that do not (written before the
        # extractor was run on them: 3/5)
        pytest.param(
            "We systematically searched MEDLINE, Embase and CINAHL for studies of yoga in "
            "heart failure. Twenty-three studies were included. Because of heterogeneity, a "
            "meta-analysis was not possible and results were synthesised narratively.",
            "mechanistic",
            id="systematic-review-meta-analysis-not-possible",
        ),
        pytest.param(
            "This scoping review mapped research on creatine in older women; 41 studies met "
            "the criteria and were charted by outcome.",
            "mechanistic",
            id="scoping-review-charted",
        ),
        pytest.param(
            "Objective: To review the evidence on curcumin for knee pain. Methods: Systematic "
            "review without meta-analysis; four databases were searched. Results: Nine trials "
            "were included; most had a high risk of bias.",
            "mechanistic",
            id="systematic-review-without-meta-analysis",
        ),
        pytest.param(
            "A systematic review of 12 randomized trials (n = 1,560) was conducted; pooled "
            "estimates showed lower pain with curcumin (SMD −0.32, 95% CI −0.51 to −0.13).",
            "meta-analysis",
            id="systematic-review-with-pooled-smd",
        ),
        pytest.param(
            "In this review we summarise the mechanisms by which omega-3 fatty acids lower "
            "triglycerides, drawing on animal and human studies.",
            "mechanistic",
            id="review-of-mechanisms-with-animal-studies",
        ),
    ],
)
def test_design_traps(text: str, design: str) -> None:
    [study] = extract_studies(text)
    assert study.design == design


@pytest.mark.parametrize(
    ("text", "n"),
    [
        pytest.param("One hundred seventeen patients were enrolled in the trial.", 117, id="words"),
        pytest.param("We included ten trials with 22.155 patients.", 22155, id="dot-thousands"),
        pytest.param(
            "A total of 12 RCTs with 9 526 participants were pooled.", 9526, id="not-the-trials"
        ),
        pytest.param(
            "Adults aged 45 to 70 at 14 centres took 500 mg daily; 62 adults were randomized; "
            "there were 31 events.",
            62,
            id="not-age-centres-dose-or-events",
        ),
        pytest.param(
            "125 participants were assigned to the drug group and 126 to the placebo group.",
            251,
            id="arms-added",
        ),
        pytest.param(
            "Women were randomized to drug (n = 53) or placebo (n = 53). A total of 96 women "
            "completed the study.",
            106,
            id="randomised-not-completers",
        ),
    ],
)
def test_n_is_the_randomised_or_enrolled_total(text: str, n: int) -> None:
    [study] = extract_studies(text)
    assert study.n == n


def test_a_respectively_list_names_each_estimate() -> None:
    text = (
        "Hazard ratios for death, stroke and heart attack were 0.84 (0.78 to 0.91), "
        "0.90 (0.80 to 1.01) and 1.10 (0.90 to 1.30), respectively."
    )
    [study] = extract_studies(text)
    assert [(o.name, o.measure, o.value) for o in study.outcomes] == [
        ("death", "HR", 0.84),
        ("stroke", "HR", 0.90),
        ("heart attack", "HR", 1.10),
    ]


def test_a_line_wrapped_inside_a_sentence_is_not_a_heading() -> None:
    text = (
        "In this randomized trial of 24 weeks, which compared a drug with\n"
        "placebo, we enrolled 200 adults. The drug lowered weight (mean difference -2.1 kg, "
        "95% CI -3.0 to -1.2)."
    )
    [study] = extract_studies(text)
    assert (study.design, study.n) == ("rct", 200)


def test_an_abstract_naming_its_own_trial_first_is_one_study() -> None:
    text = (
        "This randomized multicenter trial evaluated zinc in colds. Adults were randomly "
        "assigned in a 2-week trial to zinc or placebo. Recovery was judged by a time to event "
        "analysis. A total of 300 adults were enrolled. Recovery was faster with zinc (hazard "
        "ratio 1.4, 95% CI 1.1 to 1.8)."
    )
    [study] = extract_studies(text)
    assert (study.design, study.n) == ("rct", 300)


def test_each_arms_mean_share_of_time_is_not_a_group_percentage() -> None:
    text = (
        "Methods: 400 adults were randomized. Results: Symptom-free days were more frequent with "
        "the drug (41.2% vs. 35.0% of days). Remission occurred in 30% vs. 20% of patients."
    )
    [study] = extract_studies(text)
    assert [[arm.value for arm in o.arms] for o in study.outcomes] == [[30.0, 20.0]]
