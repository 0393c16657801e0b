"""Non-percentage effect families and abstract forms that lost their study on unseen real
abstracts (issue 14 point 2, h-gen): each row this team's own wording, annotated by the corpus
README before the extractor was run on it. A row's name is `family/what-it-shows`.

First run of the first 49 rows: 30/49 (two misses were this team's annotations against the
README's as-written sign, corrected). Written after the rules that followed: single-arm 5/6, the
no-study forms 5/5, the interval and label forms 5/5; the arm named after the interval or as
the subject 1/4 (2/4 after its rule). A row the extractor still misses says why in
`not_yet_read` and is an expected failure."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from evidex.evidence.accuracy import reported_effects
from evidex.evidence.extract import extract_studies

Effect = tuple[str, float, float | None, float | None]


@dataclass(frozen=True)
class Row:
    name: str
    text: str
    effects: tuple[Effect, ...]
    not_yet_read: str = ""  # why the extractor still misses it (an expected failure)


ROWS = (
    # whole abstracts whose label forms used to hide their results
    Row(
        "no-study/label-glued-to-previous-sentence",
        "OBJECTIVE: To test magnesium for cramps. METHODS: Adults were randomised to magnesium "
        "or placebo and cramp frequency was assessed.RESULTS: Magnesium did not reduce cramps "
        "(MD -0.4 cramps/week, 95% CI -1.1 to 0.3).CONCLUSIONS: No benefit was seen.",
        (("MD", -0.4, -1.1, 0.3),),
    ),
    Row(
        "no-study/em-dash-run-in-labels",
        "Background — Zinc may shorten colds. Methods — We pooled randomised trials. Results — "
        "Zinc shortened colds (MD -1.7 days, 95% CI -2.5 to -0.9). Conclusions — Zinc helps.",
        (("MD", -1.7, -2.5, -0.9),),
    ),
    Row(
        "no-study/colon-glued-to-next-word",
        "Objective:To assess melatonin for jet lag.Methods:We randomised 120 travellers.Results:"
        "Melatonin shortened sleep onset (MD -12.5 min, 95% CI -20.1 to -4.9).Conclusion:It "
        "works.",
        (("MD", -12.5, -20.1, -4.9),),
    ),
    Row(
        "no-study/markdown-bold-labels",
        "**Background:** Caffeine may aid recall. **Methods:** We randomised 64 students. "
        "**Results:** Recall improved (SMD 0.41, 95% CI 0.12 to 0.70). **Conclusions:** A small "
        "benefit.",
        (("SMD", 0.41, 0.12, 0.7),),
    ),
    Row(
        "no-study/findings-and-interpretation-labels",
        "Background Iron is given in pregnancy.\nMethods We did a randomised trial in 400 women."
        "\nFindings Haemoglobin rose more with daily iron (MD 4.2 g/L, 95% CI 2.0 to 6.4)."
        "\nInterpretation Daily iron raises haemoglobin.",
        (("MD", 4.2, 2.0, 6.4),),
    ),
    Row(
        "no-study/measurements-and-main-results",
        "Objective: To test early mobilisation. Design: Randomised trial. Measurements and main "
        "results: Days alive out of hospital rose (MD 2.1 days, 95% CI 0.6 to 3.6).",
        (("MD", 2.1, 0.6, 3.6),),
    ),
    Row(
        "no-study/spanish-labels",
        "Objetivo: Evaluar la vitamina D. Métodos: Ensayo aleatorizado en 90 adultos. Resultados: "
        "The fracture risk fell (HR 0.71, IC 95% 0.55 a 0.92). Conclusiones: Beneficio.",
        (("HR", 0.71, 0.55, 0.92),),
        not_yet_read="a Spanish CI label (IC 95% 0.55 a 0.92) is not read",
    ),
    # a second probe of the no-study family, annotated before its first run
    Row(
        "no-study/main-outcome-measures-then-results",
        "Objective To test fish oil in knee pain. Design Randomised trial. Main outcome measures "
        "Pain on a 0-10 scale. Results Pain fell more with fish oil (MD -0.9, 95% CI -1.5 to "
        "-0.3). Conclusions Modest benefit.",
        (("MD", -0.9, -1.5, -0.3),),
    ),
    Row(
        "no-study/conference-abstract-no-labels-no-design-word",
        "Sixty adults with insomnia took 3 mg melatonin or a dummy tablet for four weeks. Sleep "
        "latency was shorter with melatonin (mean difference -9.8 min; 95% CI -15.2 to -4.4; "
        "p=0.001).",
        (("MD", -9.8, -15.2, -4.4),),
    ),
    Row(
        "no-study/one-sentence",
        "Statin users had fewer strokes (HR 0.81; 95% CI 0.70-0.94).",
        (("HR", 0.81, 0.7, 0.94),),
    ),
    Row(
        "no-study/upper-case-labels-on-own-lines",
        "BACKGROUND\nVitamin K may slow calcification.\nMETHODS\nWe randomised 200 adults.\n"
        "RESULTS\nThe calcification score rose less (MD -28, 95% CI -51 to -5).\nCONCLUSIONS\n"
        "A small effect.",
        (("MD", -28.0, -51.0, -5.0),),
    ),
    Row(
        "no-study/lower-case-run-in-labels",
        "background: creatine may aid memory. methods: a randomised crossover trial in 40 "
        "students. results: recall improved (SMD 0.38, 95% CI 0.07 to 0.69). conclusions: a "
        "small gain.",
        (("SMD", 0.38, 0.07, 0.69),),
    ),
    # a between-group or pooled difference printed with no measure word
    Row(
        "md-no-measure-word/pooled-estimate-was",
        "Across 14 trials, the pooled estimate was −2.1 kg (95% CI −3.0 to −1.2).",
        (("MD", -2.1, -3.0, -1.2),),
    ),
    Row(
        "md-no-measure-word/reduced-by-compared-with-placebo",
        "Compared with placebo, the drug reduced systolic pressure by 4.3 mmHg (95% CI 2.1 to "
        "6.5).",
        (("MD", 4.3, 2.1, 6.5),),
    ),
    Row(
        "md-no-measure-word/mean-reduction-meta-analysis",
        "Pooling nine trials, omega-3 gave a mean reduction in triglycerides of 0.31 mmol/L "
        "(95% CI 0.20 to 0.42) relative to control.",
        (("MD", 0.31, 0.2, 0.42),),
    ),
    Row(
        "md-no-measure-word/difference-between-groups-no-ci",
        "The difference between groups in pain score at 12 weeks was −1.3 points (P = 0.02).",
        (("MD", -1.3, None, None),),
    ),
    Row(
        "md-no-measure-word/between-group-difference-no-ci",
        "The between-group difference in weight loss was 2.7 kg in favour of the diet (P<0.001).",
        (("MD", 2.7, None, None),),
    ),
    # an interval printed high bound first is read and ordered
    Row(
        "ci-high-first/to-form",
        "Recovery was faster with the drug (HR 1.42, 95% CI 1.90 to 1.06).",
        (("HR", 1.42, 1.06, 1.9),),
    ),
    Row(
        "ci-high-first/comma-pair-negative",
        "Weight fell more with the diet (MD −2.3 kg; 95% CI −1.2, −3.4).",
        (("MD", -2.3, -3.4, -1.2),),
    ),
    Row(
        "ci-high-first/dash-form",
        "Mortality was lower with the vaccine (RR 0.61, 95% CI 0.80-0.47).",
        (("RR", 0.61, 0.47, 0.8),),
    ),
    Row(
        "ci-high-first/smd-brackets",
        "Anxiety scores improved (SMD −0.35 [95% CI −0.12 to −0.58]).",
        (("SMD", -0.35, -0.58, -0.12),),
    ),
    Row(
        "ci-high-first/or-semicolon",
        "Use was associated with lower odds of relapse (OR 0.55; 95% CI 0.9 to 0.2).",
        (("OR", 0.55, 0.2, 0.9),),
    ),
    # long or unusual interval labels
    Row(
        "long-ci-label/confidence-interval-ci-in-brackets",
        "The hazard of death was lower (HR 0.78, 95% confidence interval (CI) 0.66 to 0.92).",
        (("HR", 0.78, 0.66, 0.92),),
    ),
    Row(
        "long-ci-label/ci-comma-confidence-interval",
        "Falls were fewer (RR 0.84, 95% CI, confidence interval 0.72 to 0.98).",
        (("RR", 0.84, 0.72, 0.98),),
    ),
    Row(
        "long-ci-label/credible-interval",
        "In the Bayesian model, the odds of response rose (OR 1.63, 95% credible interval 1.12 "
        "to 2.41).",
        (("OR", 1.63, 1.12, 2.41),),
    ),
    Row(
        "long-ci-label/uncertainty-interval",
        "Pain intensity fell (MD −0.9 points, 95% uncertainty interval −1.4 to −0.4).",
        (("MD", -0.9, -1.4, -0.4),),
    ),
    Row(
        "long-ci-label/confidence-limits-square-brackets",
        "Risk of stroke was higher (RR 1.27 [95% confidence limits 1.05, 1.53]).",
        (("RR", 1.27, 1.05, 1.53),),
    ),
    # an absolute difference of two percentages is a risk difference
    Row(
        "rd-percentage-points/difference-percentage-points",
        "Remission was more frequent with the drug (difference 7.9 percentage points, 95% CI "
        "2.4 to 13.4).",
        (("RD", 7.9, 2.4, 13.4),),
    ),
    Row(
        "rd-percentage-points/absolute-risk-reduction",
        "The absolute risk reduction was 3.2% (95% CI 1.1% to 5.3%).",
        (("RD", 3.2, 1.1, 5.3),),
    ),
    Row(
        "rd-percentage-points/risk-difference-named",
        "The risk difference for infection was −4.6% (95% CI −8.0 to −1.2).",
        (("RD", -4.6, -8.0, -1.2),),
    ),
    Row(
        "rd-percentage-points/absolute-difference-pp",
        "Adherence was higher in the text-message arm (absolute difference, 11.5 pp; 95% CI 6.0 "
        "to 17.0).",
        (("RD", 11.5, 6.0, 17.0),),
    ),
    Row(
        "rd-percentage-points/absolute-risk-increase",
        "Bleeding was more common (absolute risk increase 1.8 percentage points, 95% CI 0.4 to "
        "3.2).",
        (("RD", 1.8, 0.4, 3.2),),
    ),
    # Cohen's d in any spelling is a standardised mean difference
    Row(
        "smd-cohens-d/cohens-d-equals",
        "Depressive symptoms improved more with exercise (Cohen's d = 0.48, 95% CI 0.21 to 0.75).",
        (("SMD", 0.48, 0.21, 0.75),),
    ),
    Row(
        "smd-cohens-d/bare-d-equals",
        "The effect on fatigue was moderate (d = 0.56; 95% CI 0.30–0.82).",
        (("SMD", 0.56, 0.3, 0.82),),
    ),
    Row(
        "smd-cohens-d/effect-size-d",
        "Training improved balance (effect size (d) 0.62, 95% CI 0.28 to 0.96).",
        (("SMD", 0.62, 0.28, 0.96),),
    ),
    Row(
        "smd-cohens-d/curly-apostrophe",
        "Sleep quality improved (Cohen’s d 0.33, 95% CI 0.05 to 0.61).",
        (("SMD", 0.33, 0.05, 0.61),),
    ),
    Row(
        "smd-cohens-d/pooled-cohens-d",
        "The pooled Cohen's d for pain was −0.44 (95% CI −0.63 to −0.25).",
        (("SMD", -0.44, -0.63, -0.25),),
    ),
    # a ratio label glued to the word before it
    Row(
        "rr-glued/mortality-rr",
        "Vaccination lowered all-cause mortalityRR 0.82 (95% CI 0.71 to 0.95).",
        (("RR", 0.82, 0.71, 0.95),),
    ),
    Row(
        "rr-glued/admission-hr",
        "Fewer were admitted to hospitalHR 0.74, 95% CI 0.60–0.91.",
        (("HR", 0.74, 0.6, 0.91),),
    ),
    Row(
        "rr-glued/fracture-or",
        "Use was linked to hip fractureOR 1.35 (95% CI 1.10 to 1.66).",
        (("OR", 1.35, 1.1, 1.66),),
    ),
    Row(
        "rr-glued/bracket-then-rr",
        "Relapse was less frequent (pooledRR 0.67; 95% CI 0.52 to 0.86).",
        (("RR", 0.67, 0.52, 0.86),),
    ),
    Row(
        "rr-glued/trap-word-ending-in-capitals",
        "The COVID-19 MERR registry was used (n = 400).",
        (),
    ),
    # a second probe of the interval and label families, annotated before its first run
    Row(
        "ci-high-first/semicolon-pair-in-square-brackets",
        "Quality of life improved (MD 3.6 points [7.0; 0.2]).",
        (("MD", 3.6, 0.2, 7.0),),
    ),
    Row(
        "long-ci-label/ninety-percent-ci-high-first",
        "In the per-protocol set, the HR for relapse was 1.05 (90% CI 1.19 to 0.93).",
        (("HR", 1.05, 0.93, 1.19),),
    ),
    Row(
        "smd-cohens-d/d-in-brackets-after-outcome",
        "Rumination decreased after training (d = −0.71, 95% CI −1.02 to −0.40).",
        (("SMD", -0.71, -1.02, -0.4),),
    ),
    Row(
        "rr-glued/adjusted-or-glued",
        "Smoking was tied to late diagnosisaOR 1.48 (95% CI 1.12-1.95).",
        (("OR", 1.48, 1.12, 1.95),),
    ),
    Row(
        "rd-percentage-points/arr-abbreviation",
        "Fewer children were admitted (ARR 6.3%, 95% CI 2.9% to 9.7%).",
        (("RD", 6.3, 2.9, 9.7),),
    ),
    # one arm's own mean, change or rate with its CI is not an effect
    Row(
        "single-arm-not-effect/treatment-group-fell-by",
        "In the treatment group, HbA1c fell by 0.8% (95% CI 0.5 to 1.1).",
        (),
    ),
    Row(
        "single-arm-not-effect/change-from-baseline-each-arm",
        "The mean change from baseline was 2.3 (95% CI 1.1 to 3.5) in the intervention arm and "
        "0.4 (95% CI −0.6 to 1.4) with placebo.",
        (),
    ),
    Row(
        "single-arm-not-effect/incidence-per-person-years",
        "The incidence was 12.4 per 1000 person-years (95% CI 10.1–15.0).",
        (),
    ),
    Row(
        "single-arm-not-effect/placebo-arm-increase",
        "Among those given placebo, LDL cholesterol increased by 0.12 mmol/L (95% CI 0.03 to "
        "0.21).",
        (),
    ),
    Row(
        "single-arm-not-effect/versus-pair-of-means",
        "Mean weight loss was 5.1 kg (95% CI 4.2 to 6.0) with the diet versus 2.0 kg (95% CI "
        "1.2 to 2.8) with usual care.",
        (),
    ),
    Row(
        "single-arm-not-effect/difference-still-counts",
        "In the treatment group, HbA1c fell by 0.8% versus 0.2% with placebo (difference −0.6%, "
        "95% CI −0.9 to −0.3).",
        (("MD", -0.6, -0.9, -0.3),),
    ),
    # a second probe of the single-arm family, written after its rule, annotated first
    Row(
        "single-arm-not-effect/within-the-exercise-arm-decreased",
        "Within the exercise arm, resting heart rate decreased by 4.1 beats/min (95% CI 2.2 to "
        "6.0).",
        (),
    ),
    Row(
        "single-arm-not-effect/change-from-baseline-alone",
        "Mean change from baseline in the symptom score was −7.4 points (95% CI −9.8 to −5.0).",
        (),
        not_yet_read="a single-group study's change from baseline is its effect: which one this "
        "is needs the study's design",
    ),
    Row(
        "single-arm-not-effect/control-cohort-rose",
        "In the control cohort, serum ferritin rose by 12 ng/mL (95% CI 4 to 20).",
        (),
    ),
    Row(
        "single-arm-not-effect/trap-more-than-placebo",
        "In the treatment group, systolic pressure fell by 5.2 mmHg (95% CI 3.0 to 7.4) more "
        "than with placebo.",
        (("MD", 5.2, 3.0, 7.4),),
    ),
    Row(
        "single-arm-not-effect/trap-difference-between-groups",
        "The difference between the two groups in change from baseline was 1.9 kg (95% CI 0.7 "
        "to 3.1).",
        (("MD", 1.9, 0.7, 3.1),),
    ),
    Row(
        "single-arm-not-effect/trap-share-in-a-group",
        "Remission occurred in the treatment group in 41% (95% CI 33% to 49%).",
        (("percent", 41.0, 33.0, 49.0),),
    ),
    # (h-gen, this session) one section label alone on its own line, the others lost in copying:
    # the label does not divide the abstract into an article's sections (first run 0/4)
    Row(
        "no-study/lone-main-outcome-measures-line",
        "To test whether a school programme lowers sugar intake.\n\nCluster randomised trial in "
        "24 schools.\n\nMain Outcome Measures\n\nThe primary outcome was the change in sugar "
        "intake.\n\nThe mean effect on sugar intake for intervention versus control was −8.2 "
        "g/day (95% confidence interval −12.5 to −3.9 g/day).",
        (("MD", -8.2, -12.5, -3.9),),
    ),
    Row(
        "no-study/lone-results-line",
        "Whether magnesium eases night cramps is unclear.\n\nResults\n\nAmong 94 adults "
        "randomised, cramps fell by 1.2 per week more with magnesium than placebo (95% CI 0.3 to "
        "2.1).",
        (("MD", 1.2, 0.3, 2.1),),
    ),
    Row(
        "no-study/lone-interventions-line",
        "Adults with knee pain were randomised to tai chi or stretching.\n\nInterventions\n\n"
        "Twelve weeks of classes.\n\nWOMAC pain improved more with tai chi (mean difference "
        "−2.1, 95% CI −3.4 to −0.8).",
        (("MD", -2.1, -3.4, -0.8),),
    ),
    Row(
        "no-study/lone-main-outcome-line",
        "Older adults were randomised to vitamin D or placebo.\n\nMain outcome\n\nFalls over "
        "one year.\n\nFalls were fewer with vitamin D (RR 0.81, 95% CI 0.69 to 0.95).",
        (("RR", 0.81, 0.69, 0.95),),
    ),
    # a third probe: the arm named after the interval, or as the subject
    Row(
        "single-arm-not-effect/arm-after-the-interval",
        "HbA1c decreased by 0.9% (95% CI 0.6 to 1.2) in the metformin group.",
        (),
        not_yet_read="a change in % before an arm is read by the per-group percentage reader (h-gen5's)",
    ),
    Row(
        "single-arm-not-effect/arm-as-subject",
        "The treatment group lost 4.2 kg (95% CI 3.1 to 5.3).",
        (),
    ),
    Row(
        "single-arm-not-effect/arm-after-with-bare-brackets",
        "Fasting glucose fell by 0.6 mmol/L (0.2 to 1.0) among participants given berberine.",
        (),
    ),
    Row(
        "single-arm-not-effect/trap-arm-subject-more-than",
        "The treatment group lost 2.9 kg more than controls (95% CI 1.6 to 4.2).",
        (("MD", 2.9, 1.6, 4.2),),
    ),
    # a garbled interval leaves the estimate without a CI
    Row(
        "garbled-interval/extra-decimal",
        "Use was associated with higher risk (HR 1.21, 95% CI 1.2 to 0.8.9).",
        (("HR", 1.21, None, None),),
    ),
    Row(
        "garbled-interval/trap-estimate-outside-interval-kept",
        # two readable bounds in order are kept as printed, as the corpus keeps them (b05)
        "Mortality was lower (RR 0.64, 95% CI 0.81 to 0.95).",
        (("RR", 0.64, 0.81, 0.95),),
    ),
    Row(
        "garbled-interval/double-dash",
        "The odds were higher (OR 2.10, 95% CI 1.4--3.2.1).",
        (("OR", 2.1, None, None),),
    ),
    Row(
        "garbled-interval/missing-upper-bound",
        "Pain fell more with the drug (MD −1.5, 95% CI −2.4 to).",
        (("MD", -1.5, None, None),),
    ),
    Row(
        "garbled-interval/comma-decimal-mixup",
        "Fatigue improved (SMD 0.52, 95% CI 0.31 to 0,7.3).",
        (("SMD", 0.52, None, None),),
    ),
    # count-before-ci (h-gen, this session): "x of y" between a share and its CI is the share's
    # count, never an estimate with that CI (first run 1/5: each count was an MD)
    Row(
        "count-before-ci/cure-rate-count-of-total-then-ci",
        "The cure rate was 88.1% (141 of 160, 95% CI 82.0% to 92.7%).",
        (("percent", 88.1, 82.0, 92.7),),
    ),
    Row(
        "count-before-ci/two-arms-counts-then-ci-respectively",
        "Response rates were 62.5% (75 of 120, 95% CI 53.2%–71.2%) and 40.0% (48 of 120, 95% CI "
        "31.2%–49.3%) with the drug and placebo, respectively.",
        (("percent", 62.5, 53.2, 71.2), ("percent", 40.0, 31.2, 49.3)),
    ),
    Row(
        "count-before-ci/survival-count-semicolon-ci",
        "Survival at 1 year was 71.4% (95 of 133; 95% CI 63.0%–78.9%).",
        (("percent", 71.4, 63.0, 78.9),),
    ),
    Row(
        "count-before-ci/trap-labelled-value-keeps-its-ci",
        "Of 412 patients, 37 relapsed (hazard ratio 0.64, 95% CI 0.42 to 0.97).",
        (("HR", 0.64, 0.42, 0.97),),
    ),
    Row(
        "count-before-ci/trap-difference-after-counts",
        "Healing was seen in 40 of 62 and 29 of 61 (risk difference 17.0%, 95% CI 0.1% to 33.9%).",
        (("RD", 17.0, 0.1, 33.9),),
    ),
)


@pytest.mark.parametrize(
    "row",
    [
        pytest.param(
            row,
            id=row.name,
            marks=[pytest.mark.xfail(reason=row.not_yet_read, strict=True)]
            if row.not_yet_read
            else [],
        )
        for row in ROWS
    ],
)
def test_effect_family_is_read(row: Row) -> None:
    studies = extract_studies(row.text)
    assert len(studies) == 1
    assert sorted(reported_effects(studies[:1])) == sorted(row.effects)


def test_each_family_has_five_variants() -> None:
    families: dict[str, int] = {}
    for row in ROWS:
        family = row.name.split("/")[0]
        families[family] = families.get(family, 0) + 1
    assert len(families) == 10
    assert min(families.values()) >= 5
    assert len({row.name for row in ROWS}) == len(ROWS)
