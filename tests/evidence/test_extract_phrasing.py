"""Failure classes seen on unseen abstracts: each row a way published text writes a total, an
estimate or a design, named for its class. The first row of each class is the lead's example;
the others say the same thing in other words or another notation."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from evidex.evidence.accuracy import reported_effects
from evidex.evidence.extract import extract_studies
from evidex.evidence.models import Design

Effect = tuple[str, float, float | None, float | None]


@dataclass(frozen=True)
class Row:
    name: str
    text: str
    n: int | None = None
    design: Design | None = None
    effects: tuple[Effect, ...] | None = None


ROWS = (
    # Issue 14 point 2, a share with its own count (h-gen5, this session), written and annotated
    # by the corpus README before any rule was changed for them. First run: share-with-its-count
    # 3/7 (both traps passed), share-for-a-long-group 2/5 (the trap and the 'among' row).
    # share-with-its-count: the count and total beside a share ("64% (32/50)", "85% (34 of 40)",
    # "(58.3%; 35/60)") make it a group's share, wherever it stands in a list or a comparison
    Row(
        "share-with-its-count/reached-by-and-by",
        "Complete wound closure by week 8 was reached by 64% (32/50) of patients given the "
        "dressing and by 36% (18/50) of those given saline gauze.",
        effects=(("percent", 64.0, None, None), ("percent", 36.0, None, None)),
    ),
    Row(
        "share-with-its-count/of-total-in-brackets-respectively",
        "Cure rates with the 10-day and the 7-day course were 85% (34 of 40) and 70% (28 of 40), "
        "respectively.",
        effects=(("percent", 85.0, None, None), ("percent", 70.0, None, None)),
    ),
    Row(
        "share-with-its-count/rate-then-count-after-semicolon-than",
        "Pain relief at two hours was more frequent with the nasal spray (58.3%; 35/60) than with "
        "placebo (31.7%; 19/60; p = 0.004).",
        effects=(("percent", 58.3, None, None), ("percent", 31.7, None, None)),
    ),
    Row(
        "share-with-its-count/count-first-against",
        "Of the cats given the new diet, 12/16 (75%) remained free of urinary crystals, against "
        "5/15 (33.3%) on the standard diet.",
        effects=(("percent", 75.0, None, None), ("percent", 33.3, None, None)),
    ),
    Row(
        "share-with-its-count/label-then-versus",
        "Remission at one year: 44% (22 of 50) after surgery versus 18% (9 of 50) after drug "
        "therapy.",
        effects=(("percent", 44.0, None, None), ("percent", 18.0, None, None)),
    ),
    Row(
        "share-with-its-count/trap-at-enrolment",
        "At enrolment, 48% (24/50) of the children were girls and 30% (15/50) had asthma.",
        effects=(),
    ),
    Row(
        "share-with-its-count/trap-follow-up-completed",
        "Follow-up was completed by 92% (46/50) of participants in each arm.",
        effects=(),
    ),
    # extremes-named: the groups at either end, with words between the extreme and the group
    # ("the highest prevalence was in"), the second share's sign sometimes left out. First
    # run: 2/5 (the trap, and the row with no words between)
    Row(
        "extremes-named/highest-prevalence-was-in-region",
        "Among regions, the highest prevalence was in the North (38.2%) and the lowest in the "
        "South (12.5%).",
        effects=(("percent", 38.2, None, None), ("percent", 12.5, None, None)),
    ),
    Row(
        "extremes-named/lowest-without-its-sign",
        "Uptake was highest among nurses (71%) and lowest among porters (23).",
        effects=(("percent", 71.0, None, None), ("percent", 23.0, None, None)),
    ),
    Row(
        "extremes-named/highest-incidence-occurred-in",
        "The highest incidence occurred in infants (4.1%), and the lowest in adolescents (0.9%).",
        effects=(("percent", 4.1, None, None), ("percent", 0.9, None, None)),
    ),
    Row(
        "extremes-named/rate-was-found-in-country",
        "By country, the highest rate was found in Chile (22.4%) and the lowest in Japan (3.3).",
        effects=(("percent", 22.4, None, None), ("percent", 3.3, None, None)),
    ),
    Row(
        "extremes-named/trap-proportion-of-women",
        "The highest proportion of women was in the rural sites (61%) and the lowest in the "
        "capital (48%).",
        effects=(),
    ),
    # or-equal-signs: PubMed's ASCII ">or=" and "<or=" for ≥ and ≤, in a group's name or a
    # threshold beside the shares. First run: 3/5 (the two lists whose group holds the sign failed)
    Row(
        "or-equal-signs/bmi-group-women-and-men-reported",
        "Among participants with a BMI >or=30, 48% of women and 39% of men reported knee pain.",
        effects=(("percent", 48.0, None, None), ("percent", 39.0, None, None)),
    ),
    Row(
        "or-equal-signs/threshold-in-brackets",
        "Remission (HbA1c <or=6.5%) was reached by 31% of the surgery group.",
        effects=(("percent", 31.0, None, None),),
    ),
    Row(
        "or-equal-signs/aged-or-more-and-younger",
        "Serious bleeding occurred in 3.1% of patients aged >or=75 years and 1.2% of those aged "
        "<75 years.",
        effects=(("percent", 3.1, None, None), ("percent", 1.2, None, None)),
    ),
    Row(
        "or-equal-signs/women-and-adults-aged-took",
        "Overall, 41% of men and 52% of adults aged >or=65 years took two or more supplements.",
        effects=(("percent", 41.0, None, None), ("percent", 52.0, None, None)),
    ),
    Row(
        "or-equal-signs/grade-threshold-versus",
        "Grade >or=3 toxicity occurred in 21% of the combination arm versus 9% of the "
        "monotherapy arm.",
        effects=(("percent", 21.0, None, None), ("percent", 9.0, None, None)),
    ),
    # share-of-group-then-count: the group named between a share and the count it was worked
    # out from ("62.5% of treated calves (25/40)"). First run: 4/6 (the traps, and two read
    # by other rules)
    Row(
        "share-of-group-then-count/resolved-in-of-calves",
        "Symptoms resolved in 62.5% of treated calves (25/40) and in 35.0% of untreated calves "
        "(14/40).",
        effects=(("percent", 62.5, None, None), ("percent", 35.0, None, None)),
    ),
    Row(
        "share-of-group-then-count/of-the-sham-group-against",
        "Only 18% of the sham group (9/50) improved, against 46% of the laser group (23/50).",
        effects=(("percent", 18.0, None, None), ("percent", 46.0, None, None)),
    ),
    Row(
        "share-of-group-then-count/percent-in-words-of-those",
        "An adverse reaction was recorded in 7.5 percent of those vaccinated (3/40).",
        effects=(("percent", 7.5, None, None),),
    ),
    Row(
        "share-of-group-then-count/square-brackets-reached-by",
        "Complete remission was reached by 44.4% of those on the higher dose [12/27].",
        effects=(("percent", 44.4, None, None),),
    ),
    Row(
        "share-of-group-then-count/trap-women-made-up",
        "Women made up 55.0% of the sample (220/400).",
        effects=(),
    ),
    Row(
        "share-of-group-then-count/trap-follow-up-complete",
        "Follow-up was complete for 95% of participants (190/200).",
        effects=(),
    ),
    Row(  # written after the rule: a bare score after "of" beside the shares
        "share-of-group-then-count/score-of-beside-shares",
        "A fibrosis grade above 2 was seen in 30.0% of the saline rats (3/10) and in 80.0% of "
        "the treated rats (8/10), whose mean grade was of 3 in the treated group.",
        effects=(("percent", 30.0, None, None), ("percent", 80.0, None, None)),
    ),
    # make-up-of-whom: the sample described by who it held ("comprised 52 410 adults, of whom
    # 4 120 (7.9%) had diabetes") is no result; what then happened to them is. First run: 2/5
    # (the two that are results)
    Row(
        "make-up-of-whom/trap-comprised-had-and-did-not",
        "The cohort comprised 52 410 adults, of whom 4 120 (7.9%) had diabetes and 48 290 (92.1%) "
        "did not.",
        effects=(),
    ),
    Row(
        "make-up-of-whom/trap-enrolled-had-heart-failure",
        "We enrolled 812 patients, of whom 301 (37.1%) had heart failure.",
        effects=(),
    ),
    Row(
        "make-up-of-whom/trap-sample-consisted-of-degree",
        "The sample consisted of 2,004 respondents, of whom 1,130 (56.4%) had a university degree.",
        effects=(),
    ),
    Row(
        "make-up-of-whom/followed-then-developed",
        "We followed 1,240 infants, of whom 88 (7.1%) developed asthma by age 5.",
        effects=(("percent", 7.1, None, None),),
    ),
    Row(
        "make-up-of-whom/enrolled-then-died",
        "We enrolled 812 patients, of whom 45 (5.5%) died within 30 days.",
        effects=(("percent", 5.5, None, None),),
    ),
    Row(  # written after the rule: the make-up, then what happened to some of them
        "make-up-of-whom/make-up-then-an-outcome",
        "The trial enrolled 400 women, of whom 120 (30.0%) were pregnant and 38 (9.5%) later "
        "miscarried.",
        effects=(("percent", 9.5, None, None),),
    ),
    # share-who-used: a survey's share of people who used, took or consumed something is a
    # result; taking part and use at entry are not. First run: 2/7 (the two traps)
    Row(
        "share-who-used/of-adults-used",
        "In the past year, 41.5% of adults used at least one herbal product.",
        effects=(("percent", 41.5, None, None),),
    ),
    Row(
        "share-who-used/took-and-took",
        "Overall, 28% took a vitamin D supplement and 12% took fish oil.",
        effects=(("percent", 28.0, None, None), ("percent", 12.0, None, None)),
    ),
    Row(
        "share-who-used/of-respondents-consumed",
        "Among pregnant women, 64.0% of respondents consumed caffeine daily.",
        effects=(("percent", 64.0, None, None),),
    ),
    Row(
        "share-who-used/number-in-words-took",
        "Thirty-one percent of older adults took five or more prescription medicines.",
        effects=(("percent", 31.0, None, None),),
    ),
    Row(
        "share-who-used/used-compared-with-staff",
        "Of the students surveyed, 22.7% used energy drinks weekly, compared with 9.4% of staff.",
        effects=(("percent", 22.7, None, None), ("percent", 9.4, None, None)),
    ),
    Row(
        "share-who-used/trap-took-part",
        "In total, 87% took part in the follow-up survey.",
        effects=(),
    ),
    Row(
        "share-who-used/trap-used-at-baseline",
        "At baseline, 35% of participants used statins.",
        effects=(),
    ),
    # traps written after the rule: a share who took the study's doses kept to the treatment
    Row(
        "share-who-used/trap-took-all-tablets",
        "In the drug arm, 92% of participants took all their tablets.",
        effects=(),
    ),
    Row(
        "share-who-used/trap-took-doses-as-prescribed",
        "Overall, 81% took the capsules as prescribed for 12 weeks.",
        effects=(),
    ),
    # pair-in-contrast: two groups' shares set against each other by "in contrast to", "as
    # against", "as opposed to". First run: 3/5 (the trap; "as against" and "as opposed to"
    # were read already)
    Row(
        "pair-in-contrast/survival-in-contrast-to",
        "The survival rate was 58.3% in treated mice in contrast to 91.7% in sham-operated mice.",
        effects=(("percent", 58.3, None, None), ("percent", 91.7, None, None)),
    ),
    Row(
        "pair-in-contrast/comma-as-against",
        "Healing occurred in 40% with the dressing, as against 22% with gauze.",
        effects=(("percent", 40.0, None, None), ("percent", 22.0, None, None)),
    ),
    Row(
        "pair-in-contrast/in-contrast-with-after",
        "Pregnancy rates reached 31.5% after the new protocol in contrast with 19.0% after the "
        "standard one.",
        effects=(("percent", 31.5, None, None), ("percent", 19.0, None, None)),
    ),
    Row(
        "pair-in-contrast/as-opposed-to-among",
        "The response rate was 72% among patients given both drugs, as opposed to 48% among "
        "those given one.",
        effects=(("percent", 72.0, None, None), ("percent", 48.0, None, None)),
    ),
    Row(
        "pair-in-contrast/trap-body-fat",
        "Body fat was 24.1% in the athletes in contrast to 31.6% in the sedentary men.",
        effects=(),
    ),
    # restated-share: a conclusion that repeats a share read with its interval in the results
    # adds no estimate. First run: 1/5 (the trap)
    Row(
        "restated-share/cure-rate-repeated",
        "Results: The cure rate was 84.0% (95% CI 77.1 to 89.5) with the new regimen.\n"
        "Conclusions: With a cure rate of 84.0%, the regimen can be used first.",
        effects=(("percent", 84.0, 77.1, 89.5),),
    ),
    Row(
        "restated-share/prevalence-repeated-with-which",
        "RESULTS: The prevalence of hypertension was 29.4% (95% CI, 27.8-31.1).\n"
        "CONCLUSIONS: The prevalence of hypertension was 29.4%, which calls for screening.",
        effects=(("percent", 29.4, 27.8, 31.1),),
    ),
    Row(
        "restated-share/response-rate-in-the-conclusion",
        "Results The response rate was 45% (95% CI 36% to 54%) in the combination arm. "
        "Conclusions The response rate of 45% justifies a phase 3 trial.",
        effects=(("percent", 45.0, 36.0, 54.0),),
    ),
    Row(
        "restated-share/remission-repeated-in-words",
        "Results: Remission was achieved in 61% (95% CI 52%-70%) of patients.\n"
        "Conclusion: Remission was achieved in 61% of patients treated early.",
        effects=(("percent", 61.0, 52.0, 70.0),),
    ),
    Row(
        "restated-share/trap-same-value-another-result",
        "Results: The response rate was 45% (95% CI 36% to 54%) with the drug; the rate of "
        "serious adverse events was 45% in the control arm.",
        effects=(("percent", 45.0, 36.0, 54.0), ("percent", 45.0, None, None)),
    ),
    # shares-at-time-points: one group's share at each time it was counted, listed ("80.4% at
    # 12 months and 42.1% at 60 months"). First run: 1/5 (the trap)
    Row(
        "shares-at-time-points/survival-at-years",
        "In the surgery group, the survival rate was 91.2% at 1 year and 67.5% at 5 years.",
        effects=(("percent", 91.2, None, None), ("percent", 67.5, None, None)),
    ),
    Row(
        "shares-at-time-points/three-times-in-months",
        "Relapse-free survival was 78% at 6 months, 61% at 12 months and 44% at 24 months.",
        effects=(
            ("percent", 78.0, None, None),
            ("percent", 61.0, None, None),
            ("percent", 44.0, None, None),
        ),
    ),
    Row(
        "shares-at-time-points/proportion-at-week",
        "The proportion free of seizures was 52.0% at week 12 and 47.3% at week 24.",
        effects=(("percent", 52.0, None, None), ("percent", 47.3, None, None)),
    ),
    Row(
        "shares-at-time-points/occurred-in-at-years-in-words",
        "Recurrence occurred in 4.1% at one year and in 9.8% at three years.",
        effects=(("percent", 4.1, None, None), ("percent", 9.8, None, None)),
    ),
    Row(
        "shares-at-time-points/trap-adherence",
        "Adherence was 92% at 3 months and 85% at 6 months.",
        effects=(),
    ),
    Row(  # written after the rule, which took 'survival' as a rate word
        "shares-at-time-points/trap-cell-survival",
        "Cell survival was 64% at 1 day and 41% at 2 days after exposure.",
        effects=(),
    ),
    # shares-then-named-arms: each share followed by its arm in brackets, the arm named with its
    # dose or strength ("14.2% (10 mg), 18.9% (20 mg) and 6.1% (placebo)"). First run: 2/5 (a trap, and one
    # read by another rule)
    Row(
        "shares-then-named-arms/three-doses-of-participants",
        "Headache was reported by 14.2% (10 mg), 18.9% (20 mg) and 6.1% (placebo) of participants.",
        effects=(
            ("percent", 14.2, None, None),
            ("percent", 18.9, None, None),
            ("percent", 6.1, None, None),
        ),
    ),
    Row(
        "shares-then-named-arms/strength-in-percent",
        "The rate of complete clearance was 71% (1% cream), 64% (0.5% cream) and 12% (vehicle).",
        effects=(
            ("percent", 71.0, None, None),
            ("percent", 64.0, None, None),
            ("percent", 12.0, None, None),
        ),
    ),
    Row(
        "shares-then-named-arms/needed-in-three-arms",
        "Rescue medication was needed in 22.5% (drug A), 30.1% (drug B) and 41.0% (sham).",
        effects=(
            ("percent", 22.5, None, None),
            ("percent", 30.1, None, None),
            ("percent", 41.0, None, None),
        ),
    ),
    Row(
        "shares-then-named-arms/versus-with-strength",
        "At week 12, 48% (0.05% eye drops) versus 27% (vehicle drops) reached the target pressure.",
        effects=(("percent", 48.0, None, None), ("percent", 27.0, None, None)),
    ),
    Row(
        "shares-then-named-arms/trap-mean-change-per-dose",
        "Mean weight change was -4.2% (10 mg), -6.8% (20 mg) and -0.9% (placebo).",
        effects=(),
    ),
    # quoted-categories: the categories of an answer, each quoted, with its share in brackets.
    # First run: 1/5 (the trap)
    Row(
        "quoted-categories/commonest-reasons-given",
        'The commonest reasons given were "to save money" (41%), "side effects" (27%) and "no '
        'benefit felt" (19%).',
        effects=(
            ("percent", 41.0, None, None),
            ("percent", 27.0, None, None),
            ("percent", 19.0, None, None),
        ),
    ),
    Row(
        "quoted-categories/most-often-chose-or",
        'Respondents most often chose "very satisfied" (52.4%) or "satisfied" (30.2%).',
        effects=(("percent", 52.4, None, None), ("percent", 30.2, None, None)),
    ),
    Row(
        "quoted-categories/curly-single-quotes",
        "The most frequent complaints were \u2018dry mouth\u2019 (38%) and \u2018drowsiness\u2019 "
        "(21%).",
        effects=(("percent", 38.0, None, None), ("percent", 21.0, None, None)),
    ),
    Row(
        "quoted-categories/main-reasons-for-stopping",
        'The main reasons for stopping were "felt better" (33%) and "forgot" (25%).',
        effects=(("percent", 33.0, None, None), ("percent", 25.0, None, None)),
    ),
    Row(
        "quoted-categories/trap-sample-mostly",
        'Participants were mostly "never smokers" (61%) and "married" (58%).',
        effects=(),
    ),
    # share-with-count-and-ci: a share with its count, its total and its own interval in one
    # bracket is a percent estimate with that interval. First run: 1/5 (the trap)
    Row(
        "share-with-count-and-ci/two-regimens-of-and-slash",
        "The eradication rates were 88.7% (141 of 159, 95% CI 82.7%-93.1%) with the 14-day "
        "regimen and 80.4% (127/158; 95% CI 73.3-86.3) with the 10-day regimen.",
        effects=(("percent", 88.7, 82.7, 93.1), ("percent", 80.4, 73.3, 86.3)),
    ),
    Row(
        "share-with-count-and-ci/confidence-interval-in-words",
        "Clinical cure was achieved in 76.0% (38/50; 95% confidence interval 61.8 to 86.9) of the "
        "children.",
        effects=(("percent", 76.0, 61.8, 86.9),),
    ),
    Row(
        "share-with-count-and-ci/square-brackets",
        "Seroprotection reached 94.4% [68/72, 95% CI 86.4-98.5] after the second dose.",
        effects=(("percent", 94.4, 86.4, 98.5),),
    ),
    Row(
        "share-with-count-and-ci/each-arm-versus",
        "One-year survival was 62% (31 of 50; 95% CI, 47 to 75) in the surgery arm versus 44% "
        "(22 of 50; 95% CI, 30 to 59) in the drug arm.",
        effects=(("percent", 62.0, 47.0, 75.0), ("percent", 44.0, 30.0, 59.0)),
    ),
    Row(
        "share-with-count-and-ci/trap-specificity",
        "Specificity of the rapid test was 91.2% (52/57, 95% CI 80.7-97.1).",
        effects=(),
    ),
    # pair-with-parted-cis: two arms' shares, then their two intervals together after them
    # ("95% CI 70.8-90.4% vs 48.6-73.3%"): each share takes its own. First run: 0/5
    Row(
        "pair-with-parted-cis/versus-after-p",
        "Healing was more frequent with the gel (82.1% vs 61.5%, P = 0.01; 95% CI 70.8-90.4% vs "
        "48.6-73.3%).",
        effects=(("percent", 82.1, 70.8, 90.4), ("percent", 61.5, 48.6, 73.3)),
    ),
    Row(
        "pair-with-parted-cis/and-respectively",
        "Response rates were 54% and 31% in the two arms, respectively (95% CI, 44 to 64 and 22 "
        "to 41).",
        effects=(("percent", 54.0, 44.0, 64.0), ("percent", 31.0, 22.0, 41.0)),
    ),
    Row(
        "pair-with-parted-cis/cis-plural-with-p-after",
        "Remission occurred in 40.0% versus 22.5% of patients (95% CIs 25.7-55.7% and "
        "11.1-38.4%; P = 0.03).",
        effects=(("percent", 40.0, 25.7, 55.7), ("percent", 22.5, 11.1, 38.4)),
    ),
    Row(
        "pair-with-parted-cis/groups-named-then-colon",
        "The success rate was 91% in group A and 78% in group B (95% CI: 83-96% versus 68-86%).",
        effects=(("percent", 91.0, 83.0, 96.0), ("percent", 78.0, 68.0, 86.0)),
    ),
    Row(
        "pair-with-parted-cis/confidence-intervals-words",
        "Mortality at 90 days was 12.4% vs 18.9% (95% confidence intervals 9.1-16.4% vs "
        "14.9-23.5%).",
        effects=(("percent", 12.4, 9.1, 16.4), ("percent", 18.9, 14.9, 23.5)),
    ),
    # percent-in-words: a share written "per cent" or "percent", its number in digits or words,
    # is read as the same share with a percent sign. First run: 6/7 (the number in words failed)
    Row(
        "percent-in-words/per-cent-with-counts-in",
        "Seroconversion occurred in 96.7 per cent (58/60) of vaccinated piglets and in 3.3 per "
        "cent (2/60) of unvaccinated ones.",
        effects=(("percent", 96.7, None, None), ("percent", 3.3, None, None)),
    ),
    Row(
        "percent-in-words/reported-by-percent-of-patients",
        "Nausea was reported by 22 percent of patients on the higher dose and 9 percent of "
        "patients on the lower dose.",
        effects=(("percent", 22.0, None, None), ("percent", 9.0, None, None)),
    ),
    Row(
        "percent-in-words/response-rate-per-cent-in-each-arm",
        "The response rate was 47 per cent in the combination arm and 29 per cent in the "
        "monotherapy arm.",
        effects=(("percent", 47.0, None, None), ("percent", 29.0, None, None)),
    ),
    Row(
        "percent-in-words/number-in-words-achieved",
        "Thirty-eight percent of patients achieved remission.",
        effects=(("percent", 38.0, None, None),),
    ),
    Row(
        "percent-in-words/count-then-per-cent-in-brackets",
        "Of the dogs treated with the gel, 41/56 (73 per cent) showed no signs of fear, against "
        "15/54 (28 per cent) given the sham gel.",
        effects=(("percent", 73.0, None, None), ("percent", 28.0, None, None)),
    ),
    Row(
        "percent-in-words/trap-share-of-women",
        "Forty-five per cent of the respondents were women.",
        effects=(),
    ),
    Row(
        "percent-in-words/trap-fell-by-per-cent",
        "Body weight fell by 6 per cent with the drug and by 1 per cent with placebo.",
        effects=(),
    ),
    # share-for-a-long-group: each share followed by its group, named at length after the same
    # word ("70% for women who ... and 79% for women who ...")
    Row(
        "share-for-a-long-group/for-patients-who",
        "Two-year survival was 81% for patients who had the full course of radiotherapy and 64% "
        "for patients who stopped it early.",
        effects=(("percent", 81.0, None, None), ("percent", 64.0, None, None)),
    ),
    Row(
        "share-for-a-long-group/rates-of-for-women-who",
        "The five-year rates of recurrence were 12% for women who kept taking the aromatase "
        "inhibitor and 19% for women who switched to tamoxifen.",
        effects=(("percent", 12.0, None, None), ("percent", 19.0, None, None)),
    ),
    Row(
        "share-for-a-long-group/in-children-whose-parents",
        "Relapse-free status at 6 months was 58% in children whose parents attended every session "
        "and 39% in children whose parents attended none.",
        effects=(("percent", 58.0, None, None), ("percent", 39.0, None, None)),
    ),
    Row(
        "share-for-a-long-group/among-older-adults",
        "Readmission within 30 days was 9.5% among older adults visited at home by a nurse and "
        "14.2% among those receiving routine discharge care.",
        effects=(("percent", 9.5, None, None), ("percent", 14.2, None, None)),
    ),
    Row(
        "share-for-a-long-group/trap-proportion-of-women",
        "The proportion of women was 54% for patients treated at urban centres and 49% for those "
        "treated at rural centres.",
        effects=(),
    ),
    # Issue 14 point 2, per-group percentage families (h-gen5), written and annotated by the
    # corpus README before any rule was changed for them. First run: survey-prevalence 2/7,
    # subgroup-list 1/6, label-equals 2/7, single-arm-count 1/6 (6/26: five traps and one
    # overall-then-by-area row). The response-rate trap was reworded after that run to say
    # "survey" (a trial's response rate is an outcome).
    # survey-prevalence: a cross-sectional share by group is a result; who was sampled is not
    Row(
        "survey-prevalence/more-common-among-women-and-rising-with-age",
        "Supplement use was reported by 52.3% of respondents; it was more common among women "
        "(58.1%) than men (45.9%), and rose with age, from 41.2% at 18-29 years to 63.7% at 60 "
        "years or older.",
        effects=(
            ("percent", 52.3, None, None),
            ("percent", 58.1, None, None),
            ("percent", 45.9, None, None),
            ("percent", 41.2, None, None),
            ("percent", 63.7, None, None),
        ),
    ),
    Row(
        "survey-prevalence/overall-then-rural-and-urban",
        "The prevalence of anaemia was 24.6% overall: 31.2% in rural and 19.8% in urban districts.",
        effects=(
            ("percent", 24.6, None, None),
            ("percent", 31.2, None, None),
            ("percent", 19.8, None, None),
        ),
    ),
    Row(
        "survey-prevalence/among-current-smokers-compared-with-never-smokers",
        "Among current smokers, 38% had chronic cough, compared with 22% of never smokers.",
        effects=(("percent", 38.0, None, None), ("percent", 22.0, None, None)),
    ),
    Row(
        "survey-prevalence/differed-by-income-levels-in-brackets",
        "Use of herbal remedies differed by income (low 33%, middle 41%, high 52%).",
        effects=(
            ("percent", 33.0, None, None),
            ("percent", 41.0, None, None),
            ("percent", 52.0, None, None),
        ),
    ),
    Row(
        "survey-prevalence/higher-in-older-than-younger-adults",
        "Vitamin D deficiency was found in 29.4% of adults aged 65 years or older and in 17.2% "
        "of those aged 18 to 39 years.",
        effects=(("percent", 29.4, None, None), ("percent", 17.2, None, None)),
    ),
    Row(
        "survey-prevalence/trap-sample-make-up",
        "Of the 2,410 respondents, 58% were women and the mean age was 47 years (61.2% married).",
        effects=(),
    ),
    Row(
        "survey-prevalence/trap-survey-response-rate-by-region",
        "The survey response rate was 71% in the north and 64% in the south.",
        effects=(),
    ),
    # subgroup-list: shares inside a bracketed list of arms or subgroups
    Row(
        "subgroup-list/count-and-share-per-arm-in-square-brackets",
        "Adverse events occurred in 47 patients (drug 31 [21.4%]; placebo 16 [11.0%]).",
        effects=(("percent", 21.4, None, None), ("percent", 11.0, None, None)),
    ),
    Row(
        "subgroup-list/arm-colon-share",
        "The proportion with a response differed between arms (arm A: 62%, arm B: 48%, arm C: "
        "35%).",
        effects=(
            ("percent", 62.0, None, None),
            ("percent", 48.0, None, None),
            ("percent", 35.0, None, None),
        ),
    ),
    Row(
        "subgroup-list/prevalence-by-region",
        "The prevalence of goitre varied by region (North 12.1%, South 8.4%, East 10.0%).",
        effects=(
            ("percent", 12.1, None, None),
            ("percent", 8.4, None, None),
            ("percent", 10.0, None, None),
        ),
    ),
    Row(
        "subgroup-list/relapse-by-dose-semicolons",
        "Relapse occurred in 29 patients (low dose 14 [28.0%]; high dose 9 [18.0%]; placebo 6 "
        "[12.0%]).",
        effects=(
            ("percent", 28.0, None, None),
            ("percent", 18.0, None, None),
            ("percent", 12.0, None, None),
        ),
    ),
    Row(
        "subgroup-list/remission-by-arm-round-brackets",
        "Remission was achieved by 40 children (intervention: 26 (52.0%), control: 14 (28.0%)).",
        effects=(("percent", 52.0, None, None), ("percent", 28.0, None, None)),
    ),
    Row(
        "subgroup-list/trap-sample-by-sex-in-brackets",
        "We enrolled 180 adults (women 98 [54.4%]; men 82 [45.6%]).",
        effects=(),
    ),
    # label-equals: "label = x%" and "label x%" lists of groups' rates
    Row(
        "label-equals/remission-rate-intervention-equals",
        "Remission rate: intervention = 44%, control = 27%.",
        effects=(("percent", 44.0, None, None), ("percent", 27.0, None, None)),
    ),
    Row(
        "label-equals/rates-dash-treated-untreated",
        "Infection rates \u2014 treated 12.5%, untreated 20.1%.",
        effects=(("percent", 12.5, None, None), ("percent", 20.1, None, None)),
    ),
    Row(
        "label-equals/mortality-drug-equals-placebo-equals",
        "Mortality at 90 days was drug = 8.2% and placebo = 11.9%.",
        effects=(("percent", 8.2, None, None), ("percent", 11.9, None, None)),
    ),
    Row(
        "label-equals/cure-rate-colon-three-groups",
        "Cure rates: group A 81%, group B 74%, group C 59%.",
        effects=(
            ("percent", 81.0, None, None),
            ("percent", 74.0, None, None),
            ("percent", 59.0, None, None),
        ),
    ),
    Row(
        "label-equals/response-equals-per-arm-in-brackets",
        "Responses were more frequent with the combination (combination = 36.7%; monotherapy = "
        "21.3%).",
        effects=(("percent", 36.7, None, None), ("percent", 21.3, None, None)),
    ),
    Row(
        "label-equals/trap-female-equals",
        "Participants: female = 61%, current smokers = 18%.",
        effects=(),
    ),
    Row(
        "label-equals/trap-body-fat-per-arm",
        "Body fat: intervention = 24.1%, control = 27.9%.",
        effects=(),
    ),
    # single-arm-count: "outcome: n (x%)" in a one-arm study
    Row(
        "single-arm-count/complete-response-colon",
        "Complete response: 18 (40.0%).",
        effects=(("percent", 40.0, None, None),),
    ),
    Row(
        "single-arm-count/events-comma-count-semicolon-list",
        "Nausea, 12 (26.7%); headache, 7 (15.6%).",
        effects=(("percent", 26.7, None, None), ("percent", 15.6, None, None)),
    ),
    Row(
        "single-arm-count/partial-and-stable-disease",
        "Partial response: 9 (20.5%); stable disease: 15 (34.1%).",
        effects=(("percent", 20.5, None, None), ("percent", 34.1, None, None)),
    ),
    Row(
        "single-arm-count/recurrence-at-two-years",
        "Recurrence at 2 years: 5 (11.1%).",
        effects=(("percent", 11.1, None, None),),
    ),
    Row(
        "single-arm-count/grade-3-toxicity-square-brackets",
        "Grade 3 or higher toxicity, 6 [13.3%].",
        effects=(("percent", 13.3, None, None),),
    ),
    # written after the rules: arms set against each other, trends by age rank, two groups'
    # shares before one verb, a threshold in a label; traps: a change over time, a
    # measurement per arm, a baseline row
    Row(
        "survey-prevalence/trap-from-baseline-to-12-months",
        "Smoking fell from 30% at baseline to 21% at 12 months.",
        effects=(),
    ),
    Row(
        "label-equals/intervention-equals-vs-control-equals",
        "Response rate, intervention = 52.0% vs control = 30.5%.",
        effects=(("percent", 52.0, None, None), ("percent", 30.5, None, None)),
    ),
    Row(
        "survey-prevalence/youngest-to-oldest-age-group",
        "Prevalence ranged from 12% in the youngest to 35% in the oldest age group.",
        effects=(("percent", 12.0, None, None), ("percent", 35.0, None, None)),
    ),
    Row(
        "survey-prevalence/share-of-girls-and-share-of-boys-reported",
        "31.5% of girls and 24.0% of boys reported skipping breakfast.",
        effects=(("percent", 31.5, None, None), ("percent", 24.0, None, None)),
    ),
    Row(
        "single-arm-count/grade-at-least-3-label",
        "Grade \u22653 neutropenia: 11 (24.4%); febrile neutropenia: 2 (4.4%).",
        effects=(("percent", 24.4, None, None), ("percent", 4.4, None, None)),
    ),
    Row(
        "survey-prevalence/trap-female-and-degree-of-respondents",
        "Of respondents, 61.4% were female and 38.2% had a university degree.",
        effects=(),
    ),
    Row(
        "label-equals/trap-hba1c-per-arm-at-6-months",
        "HbA1c at 6 months: intervention = 7.1%, control = 7.6%.",
        effects=(),
    ),
    Row(
        "single-arm-count/trap-female-and-diabetes-after-mean-age",
        "Mean age was 52 years; female, 312 (58.4%); diabetes, 101 (18.9%).",
        effects=(),
    ),
    Row(
        "single-arm-count/trap-women-colon-count",
        "Women: 27 (60.0%); current smokers: 11 (24.4%).",
        effects=(),
    ),
    # Issue 14 point 2, second h-gen5 batch: four more per-group percentage families, written
    # and annotated by the corpus README before any rule was changed for them. First run:
    # nested-subgroup-shares 2/7, share-after-group-phrase 4/7, label-equals (its seven new rows)
    # 1/7, count-share-then-group 3/7 (10/28; the relative-risk-reduction trap already failed).
    # nested-subgroup-shares: each group's share with its subgroups' shares in brackets, then
    # what they did
    Row(
        "nested-subgroup-shares/nurses-by-shift-reported",
        "Overall, 61.5% of nurses (58.2% of day-shift nurses, 66.0% of night-shift nurses) "
        "reported sleeping less than six hours.",
        effects=(
            ("percent", 61.5, None, None),
            ("percent", 58.2, None, None),
            ("percent", 66.0, None, None),
        ),
    ),
    Row(
        "nested-subgroup-shares/students-and-teachers-by-sex",
        "In all, 27.4% of students (30.1% of boys and 24.9% of girls) and 18.6% of teachers "
        "(17.0% of men and 19.5% of women) had used an energy drink in the past week.",
        effects=(
            ("percent", 27.4, None, None),
            ("percent", 30.1, None, None),
            ("percent", 24.9, None, None),
            ("percent", 18.6, None, None),
            ("percent", 17.0, None, None),
            ("percent", 19.5, None, None),
        ),
    ),
    Row(
        "nested-subgroup-shares/three-smoking-groups-by-sex",
        "A total of 12.3% of smokers (14.0% of men, 10.2% of women), 8.1% of former smokers "
        "(9.3% of men, 6.8% of women) and 4.4% of never smokers (5.0% of men, 3.9% of women) "
        "reported wheeze.",
        effects=(
            ("percent", 12.3, None, None),
            ("percent", 14.0, None, None),
            ("percent", 10.2, None, None),
            ("percent", 8.1, None, None),
            ("percent", 9.3, None, None),
            ("percent", 6.8, None, None),
            ("percent", 4.4, None, None),
            ("percent", 5.0, None, None),
            ("percent", 3.9, None, None),
        ),
    ),
    Row(
        "nested-subgroup-shares/farmers-by-age-semicolon-stored",
        "Of the households surveyed, 44% of farmers (39% of those under 40; 51% of those aged 40 "
        "or over) and 30% of office workers stored pesticides at home.",
        effects=(
            ("percent", 44.0, None, None),
            ("percent", 39.0, None, None),
            ("percent", 51.0, None, None),
            ("percent", 30.0, None, None),
        ),
    ),
    Row(
        "nested-subgroup-shares/children-by-setting-developed",
        "Anaemia developed in 9.6% of infants (11.2% of rural infants and 7.9% of urban "
        "infants) and 5.1% of toddlers.",
        effects=(
            ("percent", 9.6, None, None),
            ("percent", 11.2, None, None),
            ("percent", 7.9, None, None),
            ("percent", 5.1, None, None),
        ),
    ),
    Row(
        "nested-subgroup-shares/trap-aged-60-or-older-by-sex",
        "A total of 38.5% of participants (41.0% of men and 36.2% of women) were aged 60 years or "
        "older.",
        effects=(),
    ),
    Row(
        "nested-subgroup-shares/trap-women-by-setting",
        "Of the 3,200 respondents, 52.4% were women (48.0% of the urban and 57.1% of the rural "
        "sample).",
        effects=(),
    ),
    # share-after-group-phrase: a group named in words, its share in brackets after it
    Row(
        "share-after-group-phrase/nearly-a-third-took",
        "Nearly a third of pregnant women (31.4%) took an iron supplement in the first trimester.",
        effects=(("percent", 31.4, None, None),),
    ),
    Row(
        "share-after-group-phrase/one-in-five-reported",
        "About one in five office workers (21%) reported neck pain every week.",
        effects=(("percent", 21.0, None, None),),
    ),
    Row(
        "share-after-group-phrase/differed-between-two-groups",
        "The prevalence of insomnia differed between shift workers (36.2%) and day workers "
        "(22.5%).",
        effects=(("percent", 36.2, None, None), ("percent", 22.5, None, None)),
    ),
    Row(
        "share-after-group-phrase/lowest-among-and-highest-among",
        "Sunscreen use was lowest among outdoor labourers (18%) and highest among office staff "
        "(63%).",
        effects=(("percent", 18.0, None, None), ("percent", 63.0, None, None)),
    ),
    Row(
        "share-after-group-phrase/among-women-between-two-programme-groups",
        "Among mothers, breastfeeding at six months differed between those enrolled in home "
        "visiting (47%) and eligible mothers not enrolled (35%).",
        effects=(("percent", 47.0, None, None), ("percent", 35.0, None, None)),
    ),
    Row(
        "share-after-group-phrase/trap-two-thirds-were-married",
        "Two thirds of participants (66%) were married.",
        effects=(),
    ),
    Row(
        "share-after-group-phrase/trap-between-two-sites-recruited",
        "Participants were recruited between the northern clinic (54%) and the southern clinic "
        "(46%).",
        effects=(),
    ),
    # label-equals, a rate named with what it is of and for whom: "risk of X for Y = x%"
    Row(
        "label-equals/rate-of-infection-with-dressing-equals",
        "Infection was less frequent with the new dressing (rate of infection with the new "
        "dressing = 7%; rate of infection with gauze 15%).",
        effects=(("percent", 7.0, None, None), ("percent", 15.0, None, None)),
    ),
    Row(
        "label-equals/risk-of-readmission-for-arms-comma",
        "Risk of readmission for the telemonitoring arm = 12.5%, for usual care = 19.0%.",
        effects=(("percent", 12.5, None, None), ("percent", 19.0, None, None)),
    ),
    Row(
        "label-equals/cure-rate-for-regimens-semicolon",
        "The cure rate for the 7-day regimen = 82%; for the 14-day regimen = 91%.",
        effects=(("percent", 82.0, None, None), ("percent", 91.0, None, None)),
    ),
    Row(
        "label-equals/incidence-of-delirium-colon",
        "Incidence of delirium with haloperidol: 14%; incidence of delirium with placebo: 23%.",
        effects=(("percent", 14.0, None, None), ("percent", 23.0, None, None)),
    ),
    Row(
        "label-equals/probability-of-event-for-each-device",
        "(probability of event for screw fixation = 33%; probability of event for plate "
        "fixation 21%)",
        effects=(("percent", 33.0, None, None), ("percent", 21.0, None, None)),
    ),
    Row(
        "label-equals/trap-mean-reduction-in-pain-per-arm-equals",
        "The mean reduction in pain score for the drug = 45%; for placebo = 30%.",
        effects=(),
    ),
    Row(
        "label-equals/trap-survey-response-rate-equals",
        "Survey response rate = 58%.",
        effects=(),
    ),
    # count-share-then-group: a count with its share, the group it was of, then what they did
    Row(
        "count-share-then-group/assigned-to-low-dose-withdrew",
        "Nine patients (12%) assigned to the low-dose arm withdrew because of nausea.",
        effects=(("percent", 12.0, None, None),),
    ),
    Row(
        "count-share-then-group/children-from-intervention-schools-developed",
        "In all, 24 children (8.5%) from the intervention schools developed a rash.",
        effects=(("percent", 8.5, None, None),),
    ),
    Row(
        "count-share-then-group/women-who-received-the-implant-reported",
        "31 women (22%) who had received the implant reported irregular bleeding at one year.",
        effects=(("percent", 22.0, None, None),),
    ),
    Row(
        "count-share-then-group/randomised-to-placebo-switched",
        "Fourteen participants (17.5%) randomised to placebo switched to open-label treatment.",
        effects=(("percent", 17.5, None, None),),
    ),
    Row(
        "count-share-then-group/allocated-to-surgery-needed-reoperation",
        "Seven patients (5.1%) allocated to early surgery needed a second operation within a year.",
        effects=(("percent", 5.1, None, None),),
    ),
    Row(
        "count-share-then-group/trap-allocated-were-older",
        "Forty-two participants (30%) allocated to the drug were older than 65 years.",
        effects=(),
    ),
    Row(
        "count-share-then-group/trap-assigned-to-exercise-were-women",
        "Of those randomised, 72 participants (51%) assigned to exercise were women.",
        effects=(),
    ),
    # Three families of spurious shares (h-gen5), written and annotated by the corpus README
    # before any rule was changed for them. First run: range-not-a-share 2/5, relative-change-after-p 2/5,
    # per-arm-measure-in-brackets 2/5 (6/15).
    # range-not-a-share: the ends of a range across groups are no one group's share
    Row(
        "range-not-a-share/headache-occurred-in-3-to-8",
        "Headache occurred in 3% to 8% of patients across the dose groups.",
        effects=(),
    ),
    Row(
        "range-not-a-share/nausea-reported-in-en-dash-range",
        "Nausea was reported in 5%–12% of those on active treatment.",
        effects=(),
    ),
    Row(
        "range-not-a-share/rash-in-1-to-4",
        "Rash developed in 1 to 4% of recipients.",
        effects=(),
    ),
    Row(
        "range-not-a-share/prevalence-ranged-from-to",
        "The prevalence of obesity ranged from 11% to 36% across the regions.",
        effects=(),
    ),
    Row(
        "range-not-a-share/headache-in-and-nausea-in-kept",
        "Headache occurred in 8% of patients, and nausea in 5%.",
        effects=(("percent", 8.0, None, None), ("percent", 5.0, None, None)),
    ),
    # relative-change-after-p: "was 22% (P = 0.04) lower" restates a comparison, not a share
    Row(
        "relative-change-after-p/wheeze-was-lower-after-p",
        "Incidence of wheeze was 22% (P = 0.04) lower in the supplemented infants.",
        effects=(),
    ),
    Row(
        "relative-change-after-p/admission-significantly-lower",
        "The rate of hospital admission was 18% (P<0.01) significantly lower with the programme.",
        effects=(),
    ),
    Row(
        "relative-change-after-p/relapse-smaller-lower-case-p",
        "Risk of relapse was 27% (p = .003) smaller in the maintenance arm.",
        effects=(),
    ),
    Row(
        "relative-change-after-p/remission-rate-with-p-kept",
        "The remission rate was 41% (P = 0.02 versus placebo).",
        effects=(("percent", 41.0, None, None),),
    ),
    Row(
        "relative-change-after-p/complete-response-rate-with-p-kept",
        "The complete response rate was 38% (P < 0.001).",
        effects=(("percent", 38.0, None, None),),
    ),
    # per-arm-measure-in-brackets: each arm's mean change in brackets after the arm
    Row(
        "per-arm-measure-in-brackets/rise-in-glucose-than-control",
        "Rats fed fructose showed a larger rise in fasting glucose (28%) than control rats (9%).",
        effects=(),
    ),
    Row(
        "per-arm-measure-in-brackets/reduction-in-wound-area",
        "Treated wounds had a greater reduction in area (72%) compared with untreated wounds "
        "(41%).",
        effects=(),
    ),
    Row(
        "per-arm-measure-in-brackets/increase-in-muscle-mass",
        "The supplemented group had a higher increase in muscle mass (6.1%) than the placebo group "
        "(2.3%).",
        effects=(),
    ),
    Row(
        "per-arm-measure-in-brackets/relapse-more-frequent-kept",
        "Relapse was more frequent in the placebo group (34%) than in the drug group (12%).",
        effects=(("percent", 34.0, None, None), ("percent", 12.0, None, None)),
    ),
    Row(
        "per-arm-measure-in-brackets/weight-loss-of-at-least-5-kept",
        "Weight loss of at least 5% was more common among those given the drug (48%) than among "
        "those given placebo (21%).",
        effects=(("percent", 48.0, None, None), ("percent", 21.0, None, None)),
    ),
    # Three more families (h-gen5) from the E and G sets' percent misses, written and annotated
    # by the corpus README before any rule was changed for them. First run:
    # baseline-after-decimals 1/5, change-by-list 3/5, comparator-list 0/5 (4/15).
    # baseline-after-decimals: what people had at entry, after decimals in the same clause
    Row(
        "baseline-after-decimals/retinopathy-after-weight-and-age",
        "At baseline, mean weight was 92.4 kg and mean age 58.6 years, and 31.0% of participants "
        "had retinopathy.",
        effects=(),
    ),
    Row(
        "baseline-after-decimals/hypertension-at-entry",
        "At entry, the median age was 61.5 years, the mean BMI 29.3, and 42.7% of patients had "
        "hypertension.",
        effects=(),
    ),
    Row(
        "baseline-after-decimals/smoking-before-randomisation",
        "Before randomisation, mean systolic pressure was 148.2 mm Hg and 22.5% of participants "
        "reported smoking.",
        effects=(),
    ),
    Row(
        "baseline-after-decimals/insulin-at-baseline",
        "At baseline, mean eGFR was 71.4 ml/min, and 18.9% of patients had diabetes.",
        effects=(),
    ),
    Row(
        "baseline-after-decimals/remission-after-a-baseline-clause-kept",
        "At baseline, mean weight was 98.3 kg; at 6 months, 41% of patients had achieved "
        "remission.",
        effects=(("percent", 41.0, None, None),),
    ),
    # change-by-list: each arm's mean change "by x% with <arm>", never a share of people
    Row(
        "change-by-list/bone-density-decreased-by-per-dose",
        "Bone density decreased by 2.1% with 1000 IU, 3.4% with 2000 IU and 5.0% with 4000 IU.",
        effects=(),
    ),
    Row(
        "change-by-list/ferritin-rose-by-per-dose",
        "Serum ferritin rose by 12% on the low dose, 19% on the middle dose and 27% on the high "
        "dose.",
        effects=(),
    ),
    Row(
        "change-by-list/insulin-reduced-by-per-programme",
        "Fasting insulin was reduced by 8.2% with diet, 11.5% with exercise and 15.1% with both.",
        effects=(),
    ),
    Row(
        "change-by-list/ldl-declined-by-in-men-and-women",
        "LDL cholesterol declined by 18% in men and 22% in women.",
        effects=(),
    ),
    Row(
        "change-by-list/remission-reached-by-per-arm-kept",
        "Remission was reached by 41% with the drug, 28% with diet and 12% with placebo.",
        effects=(
            ("percent", 41.0, None, None),
            ("percent", 28.0, None, None),
            ("percent", 12.0, None, None),
        ),
    ),
    # comparator-list: a list with "respectively", then the comparator's own list
    Row(
        "comparator-list/events-respectively-versus-placebo-list",
        "Rash, fever and fatigue occurred in 31%, 22% and 18%, respectively, of patients given "
        "the vaccine, as compared with 9%, 7% and 11% of those given placebo.",
        effects=tuple(("percent", v, None, None) for v in (31.0, 22.0, 18.0, 9.0, 7.0, 11.0)),
    ),
    Row(
        "comparator-list/healing-at-three-times-versus-control",
        "Healing at 4, 8 and 12 weeks was seen in 40%, 62% and 81%, respectively, of treated "
        "ulcers versus 21%, 35% and 52% of control ulcers.",
        effects=tuple(("percent", v, None, None) for v in (40.0, 62.0, 81.0, 21.0, 35.0, 52.0)),
    ),
    Row(
        "comparator-list/targets-met-by-compared-with-usual-care",
        "Targets for blood pressure, lipids and HbA1c were met by 58%, 47% and 39%, "
        "respectively, in the clinic arm, compared with 44%, 38% and 30% in usual care.",
        effects=tuple(("percent", v, None, None) for v in (58.0, 47.0, 39.0, 44.0, 38.0, 30.0)),
    ),
    Row(
        "comparator-list/two-times-compared-with-placebo",
        "Response at weeks 4 and 12 was 33% and 52%, respectively, with the drug, compared with "
        "12% and 20% with placebo.",
        effects=tuple(("percent", v, None, None) for v in (33.0, 52.0, 12.0, 20.0)),
    ),
    Row(
        "comparator-list/trap-share-of-women-by-site-versus-census",
        "The percentages of women at the three sites were 52%, 58% and 61%, respectively, "
        "compared with 49%, 50% and 55% in the national census.",
        effects=(),
    ),
    # traps written after the rules (h-gen5): who people were, said after a group's share
    Row(
        "nested-subgroup-shares/trap-had-hypertension-at-baseline",
        "Overall, 61% of patients (55% of men and 66% of women) had hypertension at baseline.",
        effects=(),
    ),
    Row(
        "share-after-group-phrase/trap-a-quarter-lived-in-rural-areas",
        "About a quarter of respondents (24%) lived in rural areas.",
        effects=(),
    ),
    # Two more families (h-gen5) found by probing forms of our own after the held-out sets were
    # all read, written and annotated by the corpus README before any rule was changed for
    # them. First run: rates-for-arms 1/5, highest-lowest-groups 2/5 (3/10).
    # rates-for-arms: one rate stated, then each arm's share after 'for', 'with' or 'among'
    Row(
        "rates-for-arms/response-rates-for-two-arms",
        "Response rates were 45% for budesonide and 30% for placebo.",
        effects=(("percent", 45.0, None, None), ("percent", 30.0, None, None)),
    ),
    Row(
        "rates-for-arms/cure-rate-with-two-courses",
        "The cure rate was 88% with the 10-day course and 79% with the 5-day course.",
        effects=(("percent", 88.0, None, None), ("percent", 79.0, None, None)),
    ),
    Row(
        "rates-for-arms/relapse-rates-for-three-strategies",
        "Relapse rates at one year were 22% for maintenance, 35% for tapering and 51% for "
        "withdrawal.",
        effects=(
            ("percent", 22.0, None, None),
            ("percent", 35.0, None, None),
            ("percent", 51.0, None, None),
        ),
    ),
    Row(
        "rates-for-arms/mortality-among-men-and-women",
        "Thirty-day mortality was 6.1% among men and 4.3% among women.",
        effects=(("percent", 6.1, None, None), ("percent", 4.3, None, None)),
    ),
    Row(
        "rates-for-arms/trap-adherence-rates-for-two-diaries",
        "Adherence rates were 91% for the app and 84% for paper diaries.",
        effects=(),
    ),
    # highest-lowest-groups: the groups with the highest and lowest share, each in brackets
    Row(
        "highest-lowest-groups/anaemia-by-age-in-months",
        "Prevalence of anaemia was highest among children aged 6-11 months (62.1%) and lowest "
        "among those aged 48-59 months (20.3%).",
        effects=(("percent", 62.1, None, None), ("percent", 20.3, None, None)),
    ),
    Row(
        "highest-lowest-groups/coverage-by-region",
        "Vaccination coverage was highest in the northern districts (91%) and lowest in the "
        "remote islands (64%).",
        effects=(("percent", 91.0, None, None), ("percent", 64.0, None, None)),
    ),
    Row(
        "highest-lowest-groups/lowest-first-then-highest-by-age",
        "Vaping was lowest among adults aged 65 years or older (2.1%) and highest among those "
        "aged 18-24 years (11.4%).",
        effects=(("percent", 2.1, None, None), ("percent", 11.4, None, None)),
    ),
    Row(
        "highest-lowest-groups/most-and-least-prevalent-by-schooling",
        "Obesity was most prevalent in women with less than 12 years of schooling (38%) and least "
        "prevalent in graduates (17%).",
        effects=(("percent", 38.0, None, None), ("percent", 17.0, None, None)),
    ),
    Row(
        "highest-lowest-groups/trap-sample-largest-and-smallest-band",
        "The sample was largest in the 30-39 age band (28%) and smallest in the 70-79 band (9%).",
        effects=(),
    ),
    # a trap written after the rules (h-gen5): a trait of the sample right after its count
    Row(
        "count-share-then-group/trap-female-and-smoked-after-counts",
        "Of the 900 respondents, 511 (56.8%) were female and 143 (15.9%) smoked.",
        effects=(),
    ),
    # traps written after the rules (h-gen5): a review's risk of bias is no group's event
    Row(
        "label-equals/trap-risk-of-bias-colon",
        "Risk of bias: 64% of trials were at low risk.",
        effects=(),
    ),
    Row(
        "rate-was/trap-risk-of-bias-was",
        "The risk of bias was 64% in the included trials.",
        effects=(),
    ),
    # traps written after the rules (h-gen5): who was sampled, said of each arm or at baseline
    Row(
        "rates-for-arms/trap-proportion-of-women-for-each-arm",
        "The proportion of women was 52% for the drug arm and 49% for placebo.",
        effects=(),
    ),
    Row(
        "rates-for-arms/trap-prevalence-among-men-and-women-at-baseline",
        "Prevalence of diabetes was 9.1% among men and 7.4% among women at baseline.",
        effects=(),
    ),
    # traps written after the rules (h-gen5): the sample's make-up, at baseline or taking part
    Row(
        "share-after-group-phrase/trap-recruitment-differed-between-sites",
        "Recruitment differed between the urban (61%) and rural (39%) sites.",
        effects=(),
    ),
    Row(
        "share-after-group-phrase/trap-baseline-prevalence-differed-between",
        "Baseline prevalence differed between smokers (28%) and non-smokers (12%).",
        effects=(),
    ),
    Row(
        "label-equals/trap-education-colon-levels",
        "Education: primary 22%, secondary 51%, tertiary 27%.",
        effects=(),
    ),
    # Issue 14 point 2, fresh-abstract classes (h-gen2), written and annotated before any rule
    # was changed for them. First run: sections 5/7, design-of-others 4/6, case-report-words
    # 3/6, pooled-or-case-control 0/5.
    # sections: another journal's label set still yields the study and its results
    Row(
        "sections/cochrane-labels-on-own-lines",
        "Background\nZinc lozenges are taken for colds.\nObjectives\nTo assess zinc for the "
        "common cold.\nSearch methods\nWe searched CENTRAL, MEDLINE and Embase to May 2024.\n"
        "Selection criteria\nRandomised placebo-controlled trials in adults.\nData collection and "
        "analysis\nTwo authors extracted data; we pooled risk ratios with a random-effects model."
        "\nMain results\nWe included 18 trials with 3,120 participants. Zinc reduced colds lasting "
        "beyond a week (RR 0.82, 95% CI 0.71 to 0.95).\nAuthors' conclusions\nZinc may shorten "
        "colds.",
        n=3120,
        design="meta-analysis",
        effects=(("RR", 0.82, 0.71, 0.95),),
    ),
    Row(
        "sections/jama-labels-run-in-upper-case",
        "IMPORTANCE: Sleep duration may affect fracture risk. OBJECTIVE: To examine sleep and hip "
        "fracture. DESIGN, SETTING, AND PARTICIPANTS: This cohort study included 55,453 Danish "
        "adults followed from 2003 to 2018. EXPOSURES: Self-reported sleep. MAIN OUTCOMES AND "
        "MEASURES: Incident hip fracture. RESULTS: Short sleep was associated with fracture "
        "(hazard ratio, 1.21; 95% CI, 1.08-1.36). CONCLUSIONS AND RELEVANCE: Short sleep may "
        "matter.",
        n=55453,
        design="cohort",
        effects=(("HR", 1.21, 1.08, 1.36),),
    ),
    Row(
        "sections/lancet-summary-findings-interpretation",
        "Summary\nBackground\nTranexamic acid may reduce bleeding.\nMethods\nIn this multicentre "
        "trial, adults were randomly assigned to tranexamic acid or placebo.\nFindings\nBetween "
        "2019 and 2022, 412 patients were randomly assigned. Bleeding was less frequent (HR "
        "0·71, 95% CI 0·55–0·92; p=0·008).\nInterpretation\nTranexamic acid reduced bleeding.\n"
        "Funding\nNational Institute for Health Research.",
        n=412,
        design="rct",
        effects=(("HR", 0.71, 0.55, 0.92),),
    ),
    Row(
        "sections/plos-methods-and-findings",
        "Background\nSalt intake may raise blood pressure.\nMethods and findings\nWe randomised "
        "1,048 villagers to a salt substitute or usual salt. Systolic pressure fell (mean "
        "difference −3.3 mm Hg, 95% CI −4.6 to −2.0).\nConclusions\nSalt substitutes lowered "
        "blood pressure.",
        n=1048,
        design="rct",
        effects=(("MD", -3.3, -4.6, -2.0),),
    ),
    Row(
        "sections/unknown-results-label-key-findings",
        "Aims\nTo assess melatonin after surgery.\nMaterials and methods\nIn a double-blind "
        "trial, 150 adults were randomised to melatonin or placebo.\nKey findings\nDelirium "
        "was less frequent with melatonin (OR 0.48, 95% CI 0.27 to 0.86).\nSignificance\n"
        "Melatonin may prevent delirium.",
        n=150,
        design="rct",
        effects=(("OR", 0.48, 0.27, 0.86),),
    ),
    Row(
        "sections/chinese-journal-objective-conclusion",
        "Objective To evaluate thymosin in sepsis. Methods Ninety-six patients were randomly "
        "divided into a thymosin group and a control group. Results Mortality was lower with "
        "thymosin (RR 0.62, 95% CI 0.40 to 0.96). Conclusion Thymosin may lower mortality.",
        n=96,
        design="rct",
        effects=(("RR", 0.62, 0.40, 0.96),),
    ),
    Row(
        "sections/annals-measurements-limitation",
        "Background: Vitamin D may prevent falls. Objective: To assess vitamin D. Design: "
        "Randomized, double-blind trial. Participants: 2,256 community-dwelling older adults. "
        "Measurements: Falls over 3 years. Results: Falls did not differ (relative risk 1.02, "
        "95% CI 0.90 to 1.15). Limitation: Self-reported falls. Conclusion: No benefit.",
        n=2256,
        design="rct",
        effects=(("RR", 1.02, 0.90, 1.15),),
    ),
    # design: other studies mentioned in the background or conclusion do not set the design
    Row(
        "design-of-others/cohort-adds-to-randomized-studies",
        "We followed 8,412 adults in a prospective cohort for 10 years. Higher calcium intake "
        "was associated with myocardial infarction (HR 1.31, 95% CI 1.05 to 1.63). These "
        "findings add to concerns raised by randomized studies of calcium supplements.",
        design="cohort",
    ),
    Row(
        "design-of-others/randomized-trials-have-shown-then-registry",
        "Randomized trials have shown that statins prevent strokes in men. Using a national "
        "registry, we identified 31,200 women who started a statin and compared them with "
        "non-users.",
        design="cohort",
    ),
    Row(
        "design-of-others/case-control-after-placebo-controlled-trials",
        "Placebo-controlled trials of fluoroquinolones were too small to detect aortic "
        "aneurysm. We conducted a nested case-control study of 1,477 cases and 14,770 matched "
        "controls.",
        design="case-control",
    ),
    Row(
        "design-of-others/structured-background-names-rcts",
        "BACKGROUND: Double-blind RCTs found no benefit of fish oil on depression. METHODS: "
        "Participants of a population-based cohort reported fish intake and were followed for "
        "12 years. RESULTS: Among 14,320 participants, high intake was associated with lower "
        "risk (HR 0.86, 95% CI 0.76 to 0.97). CONCLUSIONS: Our results agree with randomised "
        "evidence in part.",
        design="cohort",
    ),
    Row(
        "design-of-others/cross-sectional-consistent-with-trials",
        "In this cross-sectional survey of 5,102 adults, magnesium intake was inversely "
        "related to insulin resistance, in line with small randomised controlled trials.",
        design="cohort",
    ),
    # design: a single patient's story is a case report whatever animal or cell word it holds
    Row(
        "case-report-words/porcine-thyroid-supplement",
        "A 54-year-old woman presented with palpitations and weight loss after taking a "
        "supplement containing desiccated porcine thyroid for 3 months. Free T4 was raised.",
        design="case-series",
    ),
    Row(
        "case-report-words/dog-bite",
        "We report a 7-year-old boy who developed sepsis two days after a dog bite to the hand. "
        "He recovered with intravenous antibiotics.",
        design="case-series",
    ),
    Row(
        "case-report-words/horse-chestnut",
        "A 61-year-old man taking horse chestnut seed extract for varicose veins was admitted "
        "with acute kidney injury, which resolved when the extract was stopped.",
        design="case-series",
    ),
    Row(
        "case-report-words/bovine-colostrum-three-patients",
        "We describe three patients who developed hepatitis after taking bovine colostrum "
        "capsules; liver tests returned to normal within 2 months of stopping.",
        design="case-series",
    ),
    Row(
        "case-report-words/lymphocyte-test-in-vitro",
        "A 38-year-old woman developed a rash after starting a turmeric supplement. An in vitro "
        "lymphocyte transformation test to curcumin was positive.",
        design="case-series",
    ),
    Row(
        "case-report-words/cell-culture-of-lesion",
        "A 45-year-old man presented with a hand abscess after handling sheep. Cell culture of "
        "the aspirate grew the virus, and the lesion healed within 6 weeks.",
        design="case-series",
    ),
    # design: several RCTs pooled are a meta-analysis (corpus README: pooled trials are one);
    # a case-control study is never a case series
    Row(
        "pooled-or-case-control/individual-participant-data-pooled",
        "We pooled individual-participant data from four phase 3 RCTs of semaglutide (n = 4,512) "
        "to assess gallbladder events.",
        design="meta-analysis",
    ),
    Row(
        "pooled-or-case-control/pooled-analysis-of-individual-data",
        "In a pooled analysis of individual patient data from three double-blind trials, 2,412 "
        "participants were included.",
        design="meta-analysis",
    ),
    Row(
        "pooled-or-case-control/data-from-trials-were-pooled",
        "Data from five placebo-controlled trials were pooled (N = 3,118) and analysed with "
        "mixed models.",
        design="meta-analysis",
    ),
    Row(
        "pooled-or-case-control/en-dash-case-control-consecutive",
        "In this case–control study, 86 consecutive patients with acute pancreatitis were "
        "compared with 172 age- and sex-matched hospital controls.",
        design="case-control",
    ),
    Row(
        "pooled-or-case-control/cases-and-controls-recruited",
        "We recruited 140 women with endometriosis (cases) and 280 women without it (controls) "
        "and compared their vitamin D levels.",
        design="case-control",
    ),
    # a second probe of the same four classes, written and annotated after the fixes above:
    # sections 4/4, design-of-others 3/4, case-report-words 2/4, pooled-or-case-control 1/5
    Row(
        "sections/cochrane-run-in-upper-case-colons",
        "BACKGROUND: Honey is used for coughs. OBJECTIVES: To assess honey for cough in children. "
        "SEARCH METHODS: We searched CENTRAL and MEDLINE. SELECTION CRITERIA: Randomised trials. "
        "DATA COLLECTION AND ANALYSIS: We pooled mean differences. MAIN RESULTS: We included 9 "
        "RCTs (1,140 children). Honey reduced cough frequency (MD −1.05, 95% CI −1.48 to −0.62). "
        "AUTHORS' CONCLUSIONS: Honey may relieve cough.",
        n=1140,
        design="meta-analysis",
        effects=(("MD", -1.05, -1.48, -0.62),),
    ),
    Row(
        "sections/patients-and-methods-measurements-and-main-results",
        "Purpose\nTo test early feeding.\nPatients and methods\nWe randomly assigned 264 "
        "ventilated adults to early or delayed feeding.\nMeasurements and main results\n"
        "Mortality did not differ (OR 0.91, 95% CI 0.55 to 1.50).\nConclusions\nEarly feeding "
        "was safe.",
        n=264,
        design="rct",
        effects=(("OR", 0.91, 0.55, 1.50),),
    ),
    Row(
        "sections/labels-none-known-after-the-first",
        "Rationale\nCreatine may help older adults.\nWhat we did\nIn a double-blind trial, 88 "
        "adults aged over 65 were randomised to creatine or placebo for 24 weeks.\nWhat we found\n"
        "Leg strength rose more with creatine (mean difference 6.2 kg, 95% CI 2.1 to 10.3).\n"
        "Take-home message\nCreatine helped.",
        n=88,
        design="rct",
        effects=(("MD", 6.2, 2.1, 10.3),),
    ),
    Row(
        "sections/hypothesis-study-design-outcome-colons",
        "Hypothesis: Vitamin C shortens sepsis. Study design: Randomised, placebo-controlled "
        "trial. Setting: Four ICUs. Participants: 167 adults with sepsis. Main results: Organ "
        "failure scores did not differ (mean difference −0.1, 95% CI −1.2 to 1.0).",
        n=167,
        design="rct",
        effects=(("MD", -0.1, -1.2, 1.0),),
    ),
    Row(
        "design-of-others/meta-analyses-have-suggested-then-claims-cohort",
        "Meta-analyses of randomized trials have suggested that the drug lowers fracture risk. "
        "Using a claims database, we conducted a retrospective cohort study of 61,200 women.",
        design="cohort",
    ),
    Row(
        "design-of-others/observational-studies-then-we-randomly-assigned",
        "Observational studies have linked low vitamin K to falls. We randomly assigned 240 "
        "older adults to vitamin K2 or placebo.",
        design="rct",
    ),
    Row(
        "design-of-others/named-randomized-trial-prompted-cohort",
        "Findings of the WHI randomized trial prompted this analysis. We used a prospective "
        "cohort of 41,000 nurses to examine hormone therapy and dementia.",
        design="cohort",
    ),
    Row(
        "design-of-others/unlike-double-blind-trials-registry",
        "Unlike double-blind trials in younger adults, our registry-based analysis of 9,210 "
        "patients over 80 found more bleeding with the drug.",
        design="cohort",
    ),
    Row(
        "case-report-words/infant-goat-milk",
        "A 3-month-old infant fed raw goat milk presented with severe anaemia and failure to "
        "thrive.",
        design="case-series",
    ),
    Row(
        "case-report-words/we-present-the-case-bodybuilder-rat-study",
        "We present the case of a 29-year-old bodybuilder who injected a peptide studied in rats "
        "and mice, and developed hypoglycaemia.",
        design="case-series",
    ),
    Row(
        "case-report-words/man-aged-years-rabbits",
        "A man aged 47 years developed tularaemia after skinning wild rabbits; he recovered with "
        "gentamicin.",
        design="case-series",
    ),
    Row(
        "case-report-words/patients-in-vitro-testing",
        "Six patients developed hepatitis after taking a green tea extract; in vitro testing of "
        "their lymphocytes was positive in four.",
        design="case-series",
    ),
    Row(
        "pooled-or-case-control/post-hoc-pooled-the-trials",
        "This post hoc analysis pooled the two phase 3 STEP trials (n = 2,100) to examine "
        "gallstones.",
        design="meta-analysis",
    ),
    Row(
        "pooled-or-case-control/ipd-from-cohorts-were-pooled",
        "Individual participant data from 12 prospective cohort studies were pooled to assess "
        "coffee and stroke (HR 0.88, 95% CI 0.81 to 0.96).",
        design="meta-analysis",
    ),
    Row(
        "pooled-or-case-control/cases-were-controls-were",
        "Cases were 512 women with breast cancer diagnosed in 2010–2015; controls were 1,024 "
        "women without cancer, frequency-matched on age.",
        design="case-control",
        n=1536,
    ),
    Row(
        "pooled-or-case-control/cases-and-healthy-controls",
        "We enrolled 60 cases of alopecia areata and 120 healthy controls and measured serum zinc.",
        design="case-control",
        n=180,
    ),
    Row(
        "pooled-or-case-control/labelled-groups-n",
        "We recruited 140 women with endometriosis (cases) and 280 women without it (controls) "
        "and compared their vitamin D levels.",
        design="case-control",
        n=420,
    ),
    # a third probe, written and annotated after the second was fixed: 7/8 on first run (a
    # singular study set against this one, 'Unlike a recent meta-analysis')
    Row(
        "sections/em-dash-labels-methods-and-results",
        "Background— Potassium may lower blood pressure. Methods and Results— We randomly "
        "assigned 502 adults to potassium-enriched salt or usual salt; systolic pressure fell "
        "(mean difference −4.1 mm Hg, 95% CI −6.0 to −2.2). Conclusions— Potassium-enriched "
        "salt lowered blood pressure.",
        n=502,
        design="rct",
        effects=(("MD", -4.1, -6.0, -2.2),),
    ),
    Row(
        "sections/labels-with-full-stops",
        "Background. Iron may improve fatigue. Methods. In a double-blind trial, 198 "
        "non-anaemic women were randomised to iron or placebo. Results. Fatigue fell more with "
        "iron (mean difference −1.2 points, 95% CI −2.1 to −0.3). Conclusions. Iron reduced "
        "fatigue.",
        n=198,
        design="rct",
        effects=(("MD", -1.2, -2.1, -0.3),),
    ),
    Row(
        "design-of-others/unlike-a-recent-meta-analysis",
        "Unlike a recent meta-analysis, our retrospective cohort of 12,450 veterans found no "
        "association between statins and dementia (HR 0.98, 95% CI 0.89 to 1.08).",
        design="cohort",
    ),
    Row(
        "design-of-others/trial-evidence-is-lacking-cohort",
        "Evidence from randomised trials is lacking. In this prospective cohort of 22,010 "
        "adults, we examined tea intake and stroke.",
        design="cohort",
    ),
    Row(
        "case-report-words/here-we-describe-male-murine-antibody",
        "Here we describe a 67-year-old male who developed anaphylaxis to a murine monoclonal "
        "antibody.",
        design="case-series",
    ),
    Row(
        "case-report-words/previously-healthy-cell-line-word",
        "A previously healthy 23-year-old presented with myocarditis; a cell line assay showed "
        "no viral growth from the biopsy.",
        design="case-series",
    ),
    Row(
        "pooled-or-case-control/combined-analysis-of-trials",
        "In a combined analysis of two randomised trials, 1,810 participants were followed for "
        "fractures.",
        design="meta-analysis",
    ),
    Row(
        "pooled-or-case-control/matched-case-control-numbers-in-words",
        "Two hundred cases of gastric cancer and four hundred controls were interviewed about "
        "salt intake.",
        design="case-control",
        n=600,
    ),
    # found while checking a JAMA page copied whole: its key points made a second study
    Row(
        "sections/jama-key-points-before-the-abstract",
        "Key Points\nQuestion Is tea intake associated with stroke?\nFindings In this cohort "
        "study of 22 010 adults, tea intake was associated with a lower stroke risk.\nMeaning Tea "
        "may protect.\nAbstract\nImportance Stroke is common.\nObjective To examine tea and "
        "stroke.\nDesign, Setting, and Participants This cohort study included 22 010 adults.\n"
        "Results Daily tea was associated with a lower risk (hazard ratio, 0.82; 95% CI, "
        "0.71-0.95).\nConclusions and Relevance Tea may matter.",
        n=22010,
        design="cohort",
        effects=(("HR", 0.82, 0.71, 0.95),),
    ),
    # a fourth probe, written and annotated before it was run: 4/6 on first run
    Row(
        "pooled-or-case-control/consecutive-patients-and-matched-controls",
        "We enrolled 86 consecutive patients with acute pancreatitis and 172 sex-matched controls.",
        design="case-control",
        n=258,
    ),
    Row(
        "pooled-or-case-control/cases-n-equals-and-hospital-controls",
        "Patients with psoriasis (cases, n = 120) and hospital controls (n = 240) completed a diet "
        "questionnaire.",
        design="case-control",
        n=360,
    ),
    Row(
        "pooled-or-case-control/case-control-design-children-and-controls",
        "A case–control design was used: 95 children with autism and 190 typically developing "
        "controls.",
        design="case-control",
        n=285,
    ),
    Row(
        "pooled-or-case-control/pooled-analysis-of-named-trials",
        "In a pooled analysis of the FOURIER and ODYSSEY trials, 46,488 patients were included.",
        design="meta-analysis",
        n=46488,
    ),
    Row(
        "case-report-words/five-patients-pig-derived-enzyme",
        "We report five patients who developed hepatitis after kratom use; two had taken it with "
        "a pig-derived enzyme supplement.",
        design="case-series",
        n=5,
    ),
    Row(
        "case-report-words/women-in-vitro-test-of-their-cells",
        "Four women developed a rash after a turmeric supplement; in vitro lymphocyte testing to "
        "curcumin was positive in three.",
        design="case-series",
    ),
    Row(
        "case-report-words/trap-cells-from-women-cultured",
        "Lymphocytes from 12 healthy women were cultured with curcumin in vitro for 48 hours.",
        design="in-vitro",
    ),
    # 1. a case-control study's n is its cases plus its controls, never the controls alone
    Row(
        "case-control-total/controls-n-equals",
        "We identified 410 cases with hip fracture and 820 matched controls (n = 820). Use of "
        "the drug was associated with fracture (OR 1.40, 95% CI 1.10 to 1.80).",
        n=1230,
        design="case-control",
    ),
    Row(
        "case-control-total/matched-two-controls-each",
        "Cases were 410 patients with hip fracture; each was matched to two controls (n = 820).",
        n=1230,
    ),
    Row(
        "case-control-total/controls-per-case-without-count",
        "A total of 312 incident cases of glioma were identified, and each case was matched to "
        "four controls by age and sex (1,248 controls in all).",
        n=1560,
    ),
    Row(
        "case-control-total/case-and-control-patients",
        "Among 1,204 case patients and 2,408 control patients, current use was more common in "
        "cases.",
        n=3612,
    ),
    Row(
        "case-control-total/bracketed-n-for-each",
        "In this case-control study, cases (n = 150) were people with a first stroke and "
        "controls (n = 300) were neighbours without one.",
        n=450,
    ),
    # 2. a count per group is multiplied by the groups or ignored, never taken as n
    Row(
        "per-group-n/n-equals-each",
        "Sixty mice were randomly allocated to three groups (n = 20 each).",
        n=60,
    ),
    Row(
        "per-group-n/groups-of-animals-with-total",
        "Sixty mice were divided randomly into four groups of 15 animals.",
        n=60,
    ),
    Row(
        "per-group-n/groups-of-animals-without-total",
        "Male Wistar rats were randomly assigned to five groups of eight rats each.",
        n=40,
    ),
    Row(
        "per-group-n/count-in-each-group-after-total",
        "Thirty-two piglets were allocated to four diets, with 8 piglets in each group.",
        n=32,
    ),
    Row(
        "per-group-n/subset-of-a-case-series",
        "We reviewed fourteen consecutive patients treated with the drug. A biopsy in 6 cases "
        "showed fibrosis.",
        n=14,
    ),
    Row(
        "per-group-n/events-in-some-of-a-series",
        "Eleven consecutive patients with tendinopathy received injections. Pain returned in "
        "3 patients within a year.",
        n=11,
    ),
    # 3. a single patient described is a case report with n = 1
    Row(
        "case-report/age-and-sex-presented",
        "A 52-year-old woman presented with severe hypokalaemia after taking the supplement for "
        "3 weeks. Potassium was replaced and she recovered.",
        n=1,
        design="case-series",
    ),
    Row(
        "case-report/we-describe-a-child",
        "We describe a 7-year-old boy who developed liver injury after 2 months of an herbal "
        "product.",
        n=1,
        design="case-series",
    ),
    Row(
        "case-report/previously-healthy-man",
        "A previously healthy 45-year-old man was admitted with rhabdomyolysis 10 days after "
        "starting a pre-workout powder.",
        n=1,
        design="case-series",
    ),
    Row(
        "case-report/the-case-of",
        "We report the case of a 34-year-old athlete with acute kidney injury after creatine use.",
        n=1,
        design="case-series",
    ),
    # 4. a labelled estimate, a comma and a bare interval, in the label's brackets
    Row(
        "bare-interval/or-comma-to",
        "Benefit was larger with daily dosing (OR 0.76, 0.64 to 0.90) than with bolus dosing "
        "(OR 1.02, 0.88 to 1.18).",
        effects=(("OR", 0.76, 0.64, 0.90), ("OR", 1.02, 0.88, 1.18)),
    ),
    Row(
        "bare-interval/hr-equals-semicolon-dash",
        "Mortality was lower among users [HR = 0.81; 0.70–0.94] and among former users "
        "[HR = 0.92; 0.80–1.06].",
        effects=(("HR", 0.81, 0.70, 0.94), ("HR", 0.92, 0.80, 1.06)),
    ),
    Row(
        "bare-interval/rr-comma-dash-negative-md",
        "Risk was lower with the drug (RR 0.55, 0.40-0.75), and weight changed by "
        "(MD −1.20, −1.90 to −0.50) kg.",
        effects=(("RR", 0.55, 0.40, 0.75), ("MD", -1.2, -1.9, -0.5)),
    ),
    # 5. a count with its percentage is a group's result
    Row(
        "counted-percent/bare-count-reported",
        "In this randomized trial, 1820 (41.3%) reported headache.",
        effects=(("percent", 41.3, None, None),),
    ),
    Row(
        "counted-percent/two-groups-second-without-noun",
        "Adverse events occurred in 64 participants (5.9%) in group A and 59 (5.4%) in group B.",
        effects=(("percent", 5.9, None, None), ("percent", 5.4, None, None)),
    ),
    Row(
        "counted-percent/of-denominator-then-bare-count",
        "In this trial, 12 of 40 patients (30.0%) responded and 15 (37.5%) had stable disease.",
        effects=(("percent", 30.0, None, None), ("percent", 37.5, None, None)),
    ),
    Row(
        "counted-percent/verb-before-count",
        "Symptoms resolved in 22 patients (55.0%).",
        effects=(("percent", 55.0, None, None),),
    ),
    Row(
        "counted-percent/relapse-observed-in",
        "Relapse was observed in 9 participants (12.5%) after the drug was stopped.",
        effects=(("percent", 12.5, None, None),),
    ),
    Row(
        "counted-percent/baseline-women-not-an-effect",
        "We enrolled 220 adults, of whom 120 (54.5%) were women.",
        effects=(),
    ),
    # 6. an estimate named by its verb and unit, with no measure label
    Row(
        "worded-estimate/mm-hg-lowered-by",
        "Supplementation lowered systolic pressure by 3.10 mm Hg (95% CI, 1.20 to 5.00) and "
        "diastolic by 1.50 mm Hg (95% CI, 0.40 to 2.60) compared with placebo.",
        effects=(("MD", 3.10, 1.20, 5.00), ("MD", 1.50, 0.40, 2.60)),
    ),
    Row(
        "worded-estimate/percent-decrease-middle-dot",
        "LDL cholesterol decreased by 12·4% (95% CI 9·1–15·7) from baseline.",
        effects=(("percent", 12.4, 9.1, 15.7),),
    ),
    Row(
        "worded-estimate/percent-in-words",
        "Vaccination reduced the incidence by 41 percent (95 percent confidence interval, 30 to "
        "50 percent).",
        effects=(("percent", 41.0, 30.0, 50.0),),
    ),
    Row(
        "worded-estimate/increased-by-percent-comma-interval",
        "Muscle strength increased by 8.5% (95% CI: 4.2%, 12.8%) over 12 weeks.",
        effects=(("percent", 8.5, 4.2, 12.8),),
    ),
    Row(
        "worded-estimate/restated-ratio-not-an-effect",
        "The drug reduced the risk of death (HR 0.62, 95% CI 0.50 to 0.77), a reduction by 38% "
        "(95% CI 23% to 50%).",
        effects=(("HR", 0.62, 0.50, 0.77),),
    ),
    # 7. the two ends of a range in a label are not an estimate
    Row(
        "range-in-label/scale-0-10",
        "Pain showed a difference of −0.9 points on a 0–10 scale (95% CI −1.6 to −0.2).",
        effects=(("MD", -0.9, -1.6, -0.2),),
    ),
    Row(
        "range-in-label/likert-1-5",
        "Satisfaction showed a mean difference of 0.4 on a 1 to 5 Likert score (95% CI 0.1 to "
        "0.7).",
        effects=(("MD", 0.4, 0.1, 0.7),),
    ),
    Row(
        "range-in-label/grades-0-4",
        "Fibrosis showed a difference of −0.6 in grades 0-4 (95% CI, −1.0 to −0.2).",
        effects=(("MD", -0.6, -1.0, -0.2),),
    ),
    # 9. per-group shares listed by "respectively", a threshold in the same sentence
    Row(
        "respectively-threshold/three-doses-then-placebo-then-second-threshold",
        "The percentage of participants with weight loss of 5% or more was 83.1%, 88.4% and "
        "90.2% with 2.5, 5 and 10 mg, respectively, as compared with 32.6% with placebo; 48.0% "
        "and 55.7% of those in the 5-mg and 10-mg groups lost 20% or more, as compared with "
        "2.9% with placebo.",
        effects=(
            ("percent", 83.1, None, None),
            ("percent", 88.4, None, None),
            ("percent", 90.2, None, None),
            ("percent", 32.6, None, None),
            ("percent", 48.0, None, None),
            ("percent", 55.7, None, None),
            ("percent", 2.9, None, None),
        ),
    ),
    Row(
        "respectively-threshold/lancet-middle-dot-less-than",
        "An HbA1c below 7·0% was reached by 82·3%, 86·1% and 90·4% of participants on 4 mg, "
        "8 mg and 12 mg, respectively, and by 18·9% of those on placebo.",
        effects=(
            ("percent", 82.3, None, None),
            ("percent", 86.1, None, None),
            ("percent", 90.4, None, None),
            ("percent", 18.9, None, None),
        ),
    ),
    Row(
        "respectively-threshold/bmj-symbol-groups",
        "Weight loss of ≥10% occurred in 41%, 52% and 60% of patients in the low, middle and "
        "high dose groups, respectively, compared with 9% in the placebo group (P<0.001).",
        effects=(
            ("percent", 41.0, None, None),
            ("percent", 52.0, None, None),
            ("percent", 60.0, None, None),
            ("percent", 9.0, None, None),
        ),
    ),
    Row(
        "respectively-threshold/jama-at-least-a-reduction",
        "A reduction of at least 50% in monthly migraine days was achieved by 64.5% and 71.2% "
        "of the 1-mg and 2-mg groups, respectively, vs 27.4% of the placebo group.",
        effects=(
            ("percent", 64.5, None, None),
            ("percent", 71.2, None, None),
            ("percent", 27.4, None, None),
        ),
    ),
    Row(
        "respectively-threshold/chinese-journal-remission-bracket",
        "The remission rates (HAMD reduction ≥50%) of the high-dose group and the low-dose "
        "group were 76.67% and 63.33%, respectively, versus 40.00% in the control group "
        "(P<0.05).",
        effects=(
            ("percent", 76.67, None, None),
            ("percent", 63.33, None, None),
            ("percent", 40.0, None, None),
        ),
    ),
    # 10. each arm's mean of a continuous outcome (even with its own CI) and baseline shares
    # are not effects; the difference between the arms is
    Row(
        "per-arm-mean/three-arms-each-with-ci",
        "From baseline to week 60, mean body-weight change was −13.2% (95% CI, −14.0 to −12.4) "
        "with the 4-mg dose, −17.8% (95% CI, −18.7 to −16.9) with the 8-mg dose and −2.6% "
        "(95% CI, −3.5 to −1.7) with placebo.",
        effects=(),
    ),
    Row(
        "per-arm-mean/lancet-arms-then-treatment-difference",
        "Least-squares mean change in HbA1c was −1·92% (95% CI −2·05 to −1·79) with the study "
        "drug and −1·41% (−1·54 to −1·28) with insulin glargine (estimated treatment "
        "difference −0·51 percentage points, 95% CI −0·69 to −0·33; p<0·0001).",
        effects=(("MD", -0.51, -0.69, -0.33),),
    ),
    Row(
        "per-arm-mean/fell-by-in-each-group",
        "Systolic blood pressure fell by 9.8 mm Hg (95% CI 8.1 to 11.5) in the salt substitute "
        "group and by 4.1 mm Hg (2.4 to 5.8) in the usual salt group.",
        effects=(),
    ),
    Row(
        "per-arm-mean/chinese-journal-observation-and-control",
        "After 12 weeks, FPG decreased by 2.31 mmol/L (95%CI: 1.92–2.70) in the observation "
        "group and by 1.12 mmol/L (95%CI: 0.78–1.46) in the control group.",
        effects=(),
    ),
    Row(
        "per-arm-mean/plos-within-arm-then-between",
        "Mean change in 6-minute walk distance was 42.1 m [95% CI 30.5 to 53.7] in the "
        "training arm and 6.3 m [95% CI −4.2 to 16.8] in the control arm; the between-group "
        "difference was 35.8 m [95% CI 20.2 to 51.4].",
        effects=(("MD", 35.8, 20.2, 51.4),),
    ),
    Row(
        "per-arm-mean/baseline-shares-of-participants",
        "At baseline, 94.5% of participants had at least one weight-related comorbidity and "
        "38.2% had prediabetes.",
        effects=(),
    ),
    Row(
        "per-arm-mean/baseline-share-in-each-group",
        "At randomisation, 72% of patients in each group were taking a statin.",
        effects=(),
    ),
    # 11. an estimate followed by its interval without a CI label
    Row(
        "unlabelled-interval/nnt-comma-to",
        "Treatment prevented recurrence (number needed to treat 9, 6 to 19).",
        effects=(("NNT", 9.0, 6.0, 19.0),),
    ),
    Row(
        "unlabelled-interval/cochrane-nntb-bracket",
        "The number needed to treat for an additional beneficial outcome (NNTB) was 7 (5 to 12).",
        effects=(("NNT", 7.0, 5.0, 12.0),),
    ),
    Row(
        "unlabelled-interval/nnt-semicolon-comma",
        "Fewer strokes occurred with the drug (NNT 40; 25, 98).",
        effects=(("NNT", 40.0, 25.0, 98.0),),
    ),
    Row(
        "unlabelled-interval/nnh-comma-en-dash",
        "Major bleeding was more frequent with dual therapy; the NNH was 112, 64–450.",
        effects=(("NNT", 112.0, 64.0, 450.0),),
    ),
    Row(
        "unlabelled-interval/hr-semicolon-comma",
        "Fracture risk was lower with the drug (HR 0.74; 0.58, 0.94).",
        effects=(("HR", 0.74, 0.58, 0.94),),
    ),
    Row(
        "unlabelled-interval/rd-points-comma-to",
        "The risk difference was −4.1 percentage points, −6.8 to −1.4.",
        effects=(("RD", -4.1, -6.8, -1.4),),
    ),
    Row(
        "unlabelled-interval/trap-ages-after-nnt",
        "The number needed to treat was 12 among adults aged 40 to 59 years.",
        effects=(("NNT", 12.0, None, None),),
    ),
    # 12. a group's rate in brackets right after the group's name
    Row(
        "group-name-bracket-rate/chinese-journal-total-effective-rate",
        "The total effective rate of the treatment group (91.67%) was significantly higher "
        "than that of the control group (73.33%) (χ2=6.53, P<0.05).",
        effects=(("percent", 91.67, None, None), ("percent", 73.33, None, None)),
    ),
    Row(
        "group-name-bracket-rate/chinese-journal-adverse-reactions",
        "The incidence of adverse reactions in the observation group (6.25%) was lower than in "
        "the control group (20.83%), P<0.05.",
        effects=(("percent", 6.25, None, None), ("percent", 20.83, None, None)),
    ),
    Row(
        "group-name-bracket-rate/bmj-arms-without-group-word",
        "Screening uptake was higher in the text-message arm (38%) than with letters alone (24%).",
        effects=(("percent", 38.0, None, None), ("percent", 24.0, None, None)),
    ),
    Row(
        "group-name-bracket-rate/jama-those-given-then-odds-ratio",
        "Abstinence at 6 months was more frequent among participants given varenicline (21.8%) "
        "than among those given placebo (8.4%) (OR, 3.04; 95% CI, 2.11-4.38).",
        effects=(
            ("percent", 21.8, None, None),
            ("percent", 8.4, None, None),
            ("OR", 3.04, 2.11, 4.38),
        ),
    ),
    Row(
        "group-name-bracket-rate/three-lettered-groups",
        "The recurrence rates of group A (5.0%), group B (12.5%) and group C (27.5%) differed "
        "significantly (P<0.01).",
        effects=(
            ("percent", 5.0, None, None),
            ("percent", 12.5, None, None),
            ("percent", 27.5, None, None),
        ),
    ),
    Row(
        "group-name-bracket-rate/trap-baseline-composition",
        "The treatment group (52% women) and the control group (49% women) were similar at "
        "baseline.",
        effects=(),
    ),
    # 13. a group's percentage after a count of people named for their group
    Row(
        "named-count-percent/cases-and-controls-reported-by",
        "Prior use of the drug was reported by 31 cases (8.7%) and 45 controls (3.1%).",
        effects=(("percent", 8.7, None, None), ("percent", 3.1, None, None)),
    ),
    Row(
        "named-count-percent/users-and-non-users",
        "Hip fracture occurred in 14 users (3.9%) and 9 non-users (1.8%) during follow-up.",
        effects=(("percent", 3.9, None, None), ("percent", 1.8, None, None)),
    ),
    Row(
        "named-count-percent/patients-in-each-named-group",
        "Serious adverse events occurred in 18 patients (7.5%) in the semaglutide group and in "
        "11 patients (4.6%) in the placebo group.",
        effects=(("percent", 7.5, None, None), ("percent", 4.6, None, None)),
    ),
    Row(
        "named-count-percent/chinese-journal-two-decimals",
        "Postoperative infection was found in 3 patients (5.00%) of the observation group and "
        "10 patients (16.67%) of the control group.",
        effects=(("percent", 5.0, None, None), ("percent", 16.67, None, None)),
    ),
    Row(
        "named-count-percent/women-and-men-diagnosed",
        "Hypertension was diagnosed in 212 women (18.2%) and 187 men (21.5%).",
        effects=(("percent", 18.2, None, None), ("percent", 21.5, None, None)),
    ),
    Row(
        "named-count-percent/treated-and-control-mice",
        "Tumours developed in 9 treated mice (45%) and 16 control mice (80%).",
        effects=(("percent", 45.0, None, None), ("percent", 80.0, None, None)),
    ),
    Row(
        "named-count-percent/trap-cases-and-controls-were-men",
        "Of those enrolled, 112 cases (54.1%) and 240 controls (57.7%) were men.",
        effects=(),
    ),
    # 14. a group's share with no count: "x% of <people>"
    Row(
        "share-of-named-people/present-in-girls-and-boys",
        "Iron deficiency was present in 11.4% of girls and 4.2% of boys.",
        effects=(("percent", 11.4, None, None), ("percent", 4.2, None, None)),
    ),
    Row(
        "share-of-named-people/smokers-versus-never-smokers",
        "Wheeze was reported in 14% of smokers versus 5% of never smokers.",
        effects=(("percent", 14.0, None, None), ("percent", 5.0, None, None)),
    ),
    Row(
        "share-of-named-people/three-diets-listed",
        "Low vitamin B12 intake was common: it was seen in 23.5% of vegans, 12.8% of "
        "vegetarians and 3.6% of omnivores.",
        effects=(
            ("percent", 23.5, None, None),
            ("percent", 12.8, None, None),
            ("percent", 3.6, None, None),
        ),
    ),
    Row(
        "share-of-named-people/jama-affected-vs",
        "Depressive symptoms affected 18.7% of caregivers vs 9.9% of noncaregivers (P < .001).",
        effects=(("percent", 18.7, None, None), ("percent", 9.9, None, None)),
    ),
    Row(
        "share-of-named-people/lancet-middle-dot-schools",
        "Myopia was seen in 36·2% of children in urban schools and 21·7% of those in rural "
        "schools.",
        effects=(("percent", 36.2, None, None), ("percent", 21.7, None, None)),
    ),
    Row(
        "share-of-named-people/trap-at-baseline",
        "At baseline, anaemia was present in 9% of women and 6% of men.",
        effects=(),
    ),
    # 15. a correlation coefficient, any symbol, any sign, with or without its interval
    Row(
        "correlation/r-equals-unicode-minus",
        "Fibre intake was inversely correlated with CRP (r = −0.18, P < 0.001).",
        effects=(("r", -0.18, None, None),),
    ),
    Row(
        "correlation/rho-symbol",
        "Serum ferritin correlated with liver fat (ρ = 0.34, P = 0.002).",
        effects=(("r", 0.34, None, None),),
    ),
    Row(
        "correlation/spearman-rho-word-semicolon",
        "Sleep duration and HbA1c were associated (Spearman's rho = −0.23; p = 0.01).",
        effects=(("r", -0.23, None, None),),
    ),
    Row(
        "correlation/pearson-coefficient-of",
        "A Pearson correlation coefficient of −0.27 was found between step count and waist "
        "circumference.",
        effects=(("r", -0.27, None, None),),
    ),
    Row(
        "correlation/r-with-ci",
        "Plasma and dietary omega-3 levels agreed moderately (r=0.52, 95% CI 0.41–0.61).",
        effects=(("r", 0.52, 0.41, 0.61),),
    ),
    Row(
        "correlation/chinese-journal-positively-correlated",
        "Serum IL-6 was positively correlated with disease activity (r=0.612, P<0.01).",
        effects=(("r", 0.612, None, None),),
    ),
    Row(
        "correlation/lancet-pearson-r-middle-dot",
        "Agreement between the two scales was strong (Pearson r = 0·71, p<0·0001).",
        effects=(("r", 0.71, None, None),),
    ),
    Row(
        "correlation/trap-r-squared",
        "The model explained a share of the variance in weight (R2 = 0.41, P < 0.001).",
        effects=(),
    ),
    # 16. an estimate with a compound unit keeps its interval
    Row(
        "compound-unit-ci/md-mmol-per-litre-comma",
        "LDL cholesterol fell more with the spread (MD −0.32 mmol/L, 95% CI −0.45 to −0.19).",
        effects=(("MD", -0.32, -0.45, -0.19),),
    ),
    Row(
        "compound-unit-ci/kg-per-square-metre-square-bracket",
        "BMI was lower in the intervention group (mean difference −1.4 kg/m² [95% CI −2.0 to "
        "−0.8]).",
        effects=(("MD", -1.4, -2.0, -0.8),),
    ),
    Row(
        "compound-unit-ci/egfr-per-year-slash-form",
        "eGFR declined more slowly with the drug, by 1.9 mL/min/1.73 m² per year (95% CI 1.1 "
        "to 2.7).",
        effects=(("MD", 1.9, 1.1, 2.7),),
    ),
    Row(
        "compound-unit-ci/egfr-per-form",
        "The difference in eGFR slope was 2.3 ml/min per 1.73 m2 per year (95% CI, 1.6 to 3.0).",
        effects=(("MD", 2.3, 1.6, 3.0),),
    ),
    Row(
        "compound-unit-ci/wmd-mg-per-kg-per-min",
        "Insulin sensitivity improved (WMD 0.62 mg/kg/min, 95% CI 0.21 to 1.03).",
        effects=(("MD", 0.62, 0.21, 1.03),),
    ),
    Row(
        "compound-unit-ci/kcal-per-day-semicolon",
        "Energy expenditure increased (MD 112 kcal/day; 95% CI 48–176).",
        effects=(("MD", 112.0, 48.0, 176.0),),
    ),
    Row(
        "compound-unit-ci/beats-per-minute",
        "Heart rate was lower (MD −4.6 beats/min; 95% CI, −6.1 to −3.1).",
        effects=(("MD", -4.6, -6.1, -3.1),),
    ),
    Row(
        "compound-unit-ci/lancet-per-one-point-seven-three",
        "Creatinine clearance was higher (mean difference 12·4 mL/min per 1·73 m², 95% CI "
        "6·8–18·0; p<0·0001).",
        effects=(("MD", 12.4, 6.8, 18.0),),
    ),
    Row(
        "compound-unit-ci/micromol-per-litre-by",
        "Compared with placebo, serum urate was lowered by 86 µmol/L (95% CI 62 to 110).",
        effects=(("MD", 86.0, 62.0, 110.0),),
    ),
    # second batch of classes 9-16, written after the first was fixed, before running them
    Row(
        "unlabelled-interval/bmj-pair-then-nnt-in-bracket",
        "Relapse was less frequent with the drug (21% v 33%; number needed to treat 8, 5 to 18).",
        effects=(
            ("percent", 21.0, None, None),
            ("percent", 33.0, None, None),
            ("NNT", 8.0, 5.0, 18.0),
        ),
    ),
    Row(
        "unlabelled-interval/bmj-arr-percent-then-nnt",
        "Antibiotics reduced relapse (absolute risk reduction 12.5%, 5.6% to 19.4%; number "
        "needed to treat 8, 5 to 18).",
        effects=(("RD", 12.5, 5.6, 19.4), ("NNT", 8.0, 5.0, 18.0)),
    ),
    Row(
        "unlabelled-interval/nnt-en-dash-bracket-after-label",
        "The NNT to prevent one fall was 11 (7–26).",
        effects=(("NNT", 11.0, 7.0, 26.0),),
    ),
    Row(
        "respectively-threshold/two-thresholds-two-clauses",
        "The share of participants losing 5% or more of body weight was 85%, 89% and 91% with "
        "5, 10 and 15 mg, respectively, and 35% with placebo; 50% and 57% in the 10- and 15-mg "
        "groups lost 20% or more, versus 3% with placebo.",
        effects=(
            ("percent", 85.0, None, None),
            ("percent", 89.0, None, None),
            ("percent", 91.0, None, None),
            ("percent", 35.0, None, None),
            ("percent", 50.0, None, None),
            ("percent", 57.0, None, None),
            ("percent", 3.0, None, None),
        ),
    ),
    Row(
        "respectively-threshold/percent-sign-once-at-the-end",
        "Response rates were 62, 71 and 80% with 1, 2 and 4 mg, respectively, compared with "
        "30% with placebo.",
        effects=(
            ("percent", 62.0, None, None),
            ("percent", 71.0, None, None),
            ("percent", 80.0, None, None),
            ("percent", 30.0, None, None),
        ),
    ),
    Row(
        "respectively-threshold/trap-attenuated-by-respectively",
        "Adjustment attenuated the hazard ratios by 12.1%, 15.4% and 22.0%, respectively.",
        effects=(),
    ),
    Row(
        "respectively-threshold/trap-i2-respectively",
        "Heterogeneity was moderate (I2 = 45% and 61%, respectively).",
        effects=(),
    ),
    Row(
        "per-arm-mean/jama-arms-vs-then-difference",
        "The least-squares mean change in weight was −6.4 kg (95% CI, −7.0 to −5.8) in the "
        "intervention group vs −1.2 kg (95% CI, −1.8 to −0.6) in the control group "
        "(difference, −5.2 kg [95% CI, −6.0 to −4.4]; P < .001).",
        effects=(("MD", -5.2, -6.0, -4.4),),
    ),
    Row(
        "per-arm-mean/two-doses-then-placebo-after-semicolon",
        "Mean percentage changes in LDL cholesterol were −38.2% (95% CI, −41.0 to −35.4) with "
        "150 mg and −49.6% (95% CI, −52.3 to −46.9) with 300 mg; with placebo the change was "
        "2.1% (95% CI, −0.8 to 5.0).",
        effects=(),
    ),
    Row(
        "per-arm-mean/baseline-proportions-in-both-arms",
        "At baseline, 61.2% of the semaglutide group and 60.8% of the placebo group were women.",
        effects=(),
    ),
    Row(
        "per-arm-mean/chinese-journal-arm-named-before",
        "After treatment, the VAS score of the observation group decreased by 3.42 points "
        "(95%CI 3.01-3.83) and that of the control group by 2.10 points (95%CI 1.72-2.48).",
        effects=(),
    ),
    Row(
        "group-name-bracket-rate/lancet-middle-dot-than",
        "Rebleeding occurred less often in the tranexamic acid group (4·2%) than in the placebo "
        "group (6·0%).",
        effects=(("percent", 4.2, None, None), ("percent", 6.0, None, None)),
    ),
    Row(
        "group-name-bracket-rate/rate-then-fraction",
        "The effective rate was 90.00% (36/40) in the observation group and 72.50% (29/40) in "
        "the control group.",
        effects=(("percent", 90.0, None, None), ("percent", 72.5, None, None)),
    ),
    Row(
        "group-name-bracket-rate/intervention-than-usual-care",
        "More participants quit in the intervention arm (41%) than in usual care (29%).",
        effects=(("percent", 41.0, None, None), ("percent", 29.0, None, None)),
    ),
    Row(
        "group-name-bracket-rate/numbered-groups-comma-p",
        "Complete response was seen in group 1 (45.5%), group 2 (30.3%) and group 3 (12.1%), "
        "P=0.01.",
        effects=(
            ("percent", 45.5, None, None),
            ("percent", 30.3, None, None),
            ("percent", 12.1, None, None),
        ),
    ),
    Row(
        "group-name-bracket-rate/trap-group-sizes",
        "Patients were divided into an observation group (n=40) and a control group (n=40).",
        effects=(),
    ),
    Row(
        "named-count-percent/smokers-experienced-by",
        "Cough was experienced by 22 smokers (17.6%) and 9 non-smokers (4.8%).",
        effects=(("percent", 17.6, None, None), ("percent", 4.8, None, None)),
    ),
    Row(
        "named-count-percent/achieved-by-receiving",
        "Remission was achieved by 48 participants (40.0%) receiving the drug and 21 (17.5%) "
        "receiving placebo.",
        effects=(("percent", 40.0, None, None), ("percent", 17.5, None, None)),
    ),
    Row(
        "named-count-percent/trap-groups-included-women",
        "The two groups included 34 women (56.7%) and 31 women (51.7%), respectively.",
        effects=(),
    ),
    Row(
        "share-of-named-people/bmj-v",
        "Asthma was diagnosed in 9.4% of exposed children v 6.1% of unexposed children.",
        effects=(("percent", 9.4, None, None), ("percent", 6.1, None, None)),
    ),
    Row(
        "share-of-named-people/compared-with-those-not",
        "Fatigue affected 31% of users of the drug compared with 18% of those not using it.",
        effects=(("percent", 31.0, None, None), ("percent", 18.0, None, None)),
    ),
    Row(
        "share-of-named-people/occurred-among-residents",
        "Falls occurred among 14.2% of residents in intervention homes and 19.8% of residents "
        "in control homes.",
        effects=(("percent", 14.2, None, None), ("percent", 19.8, None, None)),
    ),
    Row(
        "share-of-named-people/trap-were-female",
        "Overall, 52.3% of participants were female and 12.4% of participants were smokers.",
        effects=(),
    ),
    Row(
        "correlation/spearman-coefficient-was",
        "The Spearman correlation coefficient between the two measures was 0.48 (P < 0.001).",
        effects=(("r", 0.48, None, None),),
    ),
    Row(
        "correlation/r-s-subscript",
        "Step count correlated with VO2max (rs = 0.41, p = 0.003).",
        effects=(("r", 0.41, None, None),),
    ),
    Row(
        "correlation/negative-with-ci-semicolon",
        "BMI showed a negative correlation with adiponectin (r = -0.36; 95% CI -0.48 to -0.23).",
        effects=(("r", -0.36, -0.48, -0.23),),
    ),
    Row(
        "correlation/trap-regression-beta",
        "Each additional hour of sleep was associated with a lower BMI (β = −0.21, P = 0.02).",
        effects=(),
    ),
    Row(
        "compound-unit-ci/mg-per-mmol",
        "Albuminuria fell (MD −12.3 mg/mmol, 95% CI −18.1 to −6.5).",
        effects=(("MD", -12.3, -18.1, -6.5),),
    ),
    Row(
        "compound-unit-ci/ng-per-ml-per-year",
        "PSA velocity was lower (difference −0.21 ng/mL per year; 95% CI −0.35 to −0.07).",
        effects=(("MD", -0.21, -0.35, -0.07),),
    ),
    Row(
        "compound-unit-ci/ml-per-kg-per-min-by",
        "Peak VO2 improved by 2.4 mL/kg/min (95% CI 1.1 to 3.7) compared with usual care.",
        effects=(("MD", 2.4, 1.1, 3.7),),
    ),
    Row(
        "compound-unit-ci/g-per-day-en-dash",
        "Protein intake rose (MD 14.2 g/day, 95% CI 8.0–20.4).",
        effects=(("MD", 14.2, 8.0, 20.4),),
    ),
    Row(
        "compound-unit-ci/iu-per-l-unlabelled-interval",
        "ALT fell more with the drug (mean difference −9.6 IU/L [−14.2 to −5.0]).",
        effects=(("MD", -9.6, -14.2, -5.0),),
    ),
    Row(
        "per-arm-mean/trap-doses-compared-with-placebo-are-differences",
        "Compared with placebo, the drug lowered HbA1c by 0.8% (95% CI 0.6 to 1.0) in the 5-mg "
        "group and by 1.1% (95% CI 0.9 to 1.3) in the 10-mg group.",
        effects=(("percent", 0.8, 0.6, 1.0), ("percent", 1.1, 0.9, 1.3)),
    ),
    # third batch: traps found by probing the rules above with new sentences
    Row(
        "group-name-bracket-rate/trap-proportion-of-women-similar",
        "The proportion of women was similar in the intervention group (52%) and the control "
        "group (49%).",
        effects=(),
    ),
    Row(
        "group-name-bracket-rate/trap-arms-were-white",
        "Most participants in the intervention arm (78%) and the control arm (75%) were white.",
        effects=(),
    ),
    Row(
        "per-arm-mean/response-rates-with-ci-are-shares",
        "The response rate was 45% (95% CI 38–52%) in the combination arm and 28% (95% CI "
        "22–35%) in the monotherapy arm.",
        effects=(("percent", 45.0, 38.0, 52.0), ("percent", 28.0, 22.0, 35.0)),
    ),
    Row(
        "per-arm-mean/decreased-in-group-compared-with-next-arm",
        "Weight decreased by 4.3 kg (95% CI 3.6 to 5.0) in the intervention group, compared with "
        "1.1 kg (0.4 to 1.8) in the control group.",
        effects=(),
    ),
    Row(
        "per-arm-mean/decreased-by-percent-in-each-group-without-ci",
        "HbA1c decreased by 1.4% in the semaglutide group and by 0.9% in the sitagliptin group "
        "(estimated treatment difference −0.5 percentage points [95% CI −0.6 to −0.4]).",
        effects=(("MD", -0.5, -0.6, -0.4),),
    ),
    Row(
        "group-name-bracket-rate/comparator-bracket-goes-on-with-odds-ratio",
        "Exclusive breastfeeding at 6 months was more common in the peer-support arm (43.2%) "
        "than in the control arm (31.5%; adjusted OR 1.72, 95% CI 1.21–2.44).",
        effects=(
            ("percent", 43.2, None, None),
            ("percent", 31.5, None, None),
            ("OR", 1.72, 1.21, 2.44),
        ),
    ),
    Row(
        "correlation/second-coefficient-without-ci",
        "Serum ferritin correlated negatively with hepcidin (r=−0.42, 95% CI −0.58 to −0.23, "
        "P<0.001) and positively with CRP (r=0.31, P=0.002).",
        effects=(("r", -0.42, -0.58, -0.23), ("r", 0.31, None, None)),
    ),
    Row(
        "compound-unit-ci/trap-regression-beta-per-dose",
        "Intake was associated with lower systolic pressure (β = −2.1 mm Hg per 100 mg/day; "
        "95% CI −3.4 to −0.8).",
        effects=(),
    ),
    Row(
        "compound-unit-ci/hr-per-amount-before-ci",
        "Each 10 ng/mL was associated with a lower risk (HR 0.92 per 10 ng/mL, 95% CI 0.87 to "
        "0.97).",
        effects=(("HR", 0.92, 0.87, 0.97),),
    ),
    Row(
        "per-arm-mean/baseline-share-far-before-at-baseline",
        "Overall, 94.5% of participants had at least one weight-related coexisting condition at "
        "baseline.",
        effects=(),
    ),
    Row(
        "respectively-threshold/groups-named-before-comparator-after",
        "In the tirzepatide groups, 50%, 57% and 63% lost at least 20% of body weight, versus 3% "
        "with placebo.",
        effects=(
            ("percent", 50.0, None, None),
            ("percent", 57.0, None, None),
            ("percent", 63.0, None, None),
            ("percent", 3.0, None, None),
        ),
    ),
    Row(
        "respectively-threshold/two-doses-respectively-then-placebo",
        "The proportion achieving ≥50% reduction in seizure frequency was 39.6% and 43.8% in the "
        "200-mg and 400-mg groups, respectively, compared with 14.0% with placebo (P<0.001 for "
        "both).",
        effects=(
            ("percent", 39.6, None, None),
            ("percent", 43.8, None, None),
            ("percent", 14.0, None, None),
        ),
    ),
    Row(
        "share-of-named-people/arm-named-in-brackets-after-share",
        "Weight reductions of 10% or more occurred in 69.1% (semaglutide) and 12.0% (placebo) of "
        "participants.",
        effects=(("percent", 69.1, None, None), ("percent", 12.0, None, None)),
    ),
    Row(
        "share-of-named-people/receiving-each-dose-compared-with-placebo",
        "Clinical remission at week 8 occurred in 28% of patients receiving 10 mg and 22% "
        "receiving 5 mg, compared with 10% receiving placebo.",
        effects=(
            ("percent", 28.0, None, None),
            ("percent", 22.0, None, None),
            ("percent", 10.0, None, None),
        ),
    ),
    Row(
        "group-name-bracket-rate/trap-allocation-shares",
        "Of 400 patients, 212 were allocated to the drug group (53%) and 188 to the placebo group "
        "(47%).",
        effects=(),
    ),
    Row(
        "per-arm-mean/percent-fall-by-with-each-arm-with-ci",
        "LDL cholesterol fell by 52% (95% CI 49 to 55) with the drug and by 3% (95% CI 1 to 5) "
        "with placebo.",
        effects=(),
    ),
    Row(
        "per-arm-mean/percent-fall-by-with-arm-versus-arm",
        "Body weight fell by 5.2% with the drug versus 1.1% with placebo.",
        effects=(),
    ),
    # Issue 14 point 2, non-percentage effects (h-gen), written and annotated by the corpus
    # README before any rule was changed for them; first-run counts in the commit messages.
    # ci-label-restated: the long name of the interval, then its abbreviation again
    Row(
        "ci-label-restated/abbreviation-with-level-in-square-brackets",
        "Statin use was linked to fewer hip fractures (odds ratio [OR] = 0.72; 95% confidence "
        "interval [95% CI], 0.58-0.89).",
        effects=(("OR", 0.72, 0.58, 0.89),),
    ),
    Row(
        "ci-label-restated/long-name-comma-then-abbreviation",
        "Night shifts raised the risk of injury (RR = 1.41, 95% confidence interval, 95% CI, "
        "1.12-1.77; p = 0.003).",
        effects=(("RR", 1.41, 1.12, 1.77),),
    ),
    Row(
        "ci-label-restated/lower-case-l-in-round-brackets",
        "Poor sleep predicted relapse (hazard ratio = 1.63, 95% confidence interval (Cl) "
        "1.20–2.21).",
        effects=(("HR", 1.63, 1.2, 2.21),),
    ),
    Row(
        "ci-label-restated/confidence-limits-cl-in-square-brackets",
        "Welding was associated with cataract (odds ratio 2.05; 95 % confidence limits [CL] 1.33 "
        "to 3.16).",
        effects=(("OR", 2.05, 1.33, 3.16),),
    ),
    Row(
        "ci-label-restated/ninety-percent-level-restated",
        "The bioequivalence ratio of exposure was within bounds (mean difference 0.04; 90% "
        "confidence interval [90% CI] -0.02 to 0.10).",
        effects=(("MD", 0.04, -0.02, 0.1),),
    ),
    Row(
        "ci-label-restated/abbreviation-in-curly-braces-inside-brackets",
        "Fatigue scores improved more with the drug (mean difference, 1.2 points [95% confidence "
        "interval {CI}, 0.4 to 2.0]).",
        effects=(("MD", 1.2, 0.4, 2.0),),
    ),
    # ci-after-subgroup-words: the subgroup an estimate is for, between it and its interval
    Row(
        "ci-after-subgroup-words/among-girls-and-boys",
        "Vaping was associated with wheeze (OR = 1.84 among girls, 95% CI = 1.21-2.80; OR = 1.32 "
        "among boys, 95% CI = 0.95-1.83).",
        effects=(("OR", 1.84, 1.21, 2.8), ("OR", 1.32, 0.95, 1.83)),
    ),
    Row(
        "ci-after-subgroup-words/in-women-semicolon",
        "Coffee intake was inversely related to gout (hazard ratio 0.59 in women; 95% CI 0.41 to "
        "0.85).",
        effects=(("HR", 0.59, 0.41, 0.85),),
    ),
    Row(
        "ci-after-subgroup-words/for-the-higher-dose",
        "Sleep onset came sooner (mean difference -9.5 min for the higher dose, 95% CI -14.2 to "
        "-4.8).",
        effects=(("MD", -9.5, -14.2, -4.8),),
    ),
    # ci-doubled-dash: a ratio's bounds joined by an en dash and a hyphen, a typesetting slip
    Row(
        "ci-doubled-dash/or-colon-form",
        "Living alone raised the odds of delirium (OR: 2.30; 95% CI: 1.45–-3.65).",
        effects=(("OR", 2.3, 1.45, 3.65),),
    ),
    Row(
        "ci-doubled-dash/hr-square-brackets",
        "Frailty predicted readmission [HR 1.52, 95% CI 1.18–-1.96].",
        effects=(("HR", 1.52, 1.18, 1.96),),
    ),
    Row(
        "ci-doubled-dash/rr-in-words",
        "The relative risk of stroke was 0.81 (95% CI 0.70–-0.94).",
        effects=(("RR", 0.81, 0.7, 0.94),),
    ),
    Row(
        "ci-doubled-dash/trap-difference-keeps-negative-bound",
        "Pain scores differed little (mean difference 0.4, 95% CI -0.3 to 1.1; MD 0.2, 95% CI "
        "0.1–-0.5).",
        effects=(("MD", 0.4, -0.3, 1.1), ("MD", 0.2, None, None)),
    ),
    # compound-unit-ci: a bullet joining the parts of a unit
    Row(
        "compound-unit-ci/bullet-joined-area-under-curve-bounds-high-first",
        "The glucose response was smaller with the drink, a difference of -14.2 mmol/L•min (95% "
        "CI -2.6 to -25.8).",
        effects=(("MD", -14.2, -25.8, -2.6),),
    ),
    # single-arm-listed: each arm's own value, listed with 'respectively' or set against the
    # other's with 'vs', or a group's rate with its unit after the interval, is no effect
    Row(
        "single-arm-listed/two-groups-then-values-respectively",
        "Both the yoga and the stretching groups improved in fatigue at 8 weeks: -3.1 points (95% "
        "CI, -4.0 to -2.2) and -2.7 points (95% CI, -3.6 to -1.8), respectively.",
        effects=(),
    ),
    Row(
        "single-arm-listed/rates-vs-respectively",
        "Incidence rates of infection per 100 patient-years were 3.2 (95% CI, 2.1-4.3) vs 5.9 "
        "(95% CI, 4.4-7.4), respectively.",
        effects=(),
    ),
    Row(
        "single-arm-listed/between-groups-then-difference",
        "Weight change did not differ between the metformin group and the placebo group (-2.1 kg "
        "[95% CI, -2.9 to -1.3] and -1.8 kg [95% CI, -2.6 to -1.0], respectively; mean "
        "difference, -0.3 kg [95% CI, -1.4 to 0.8]).",
        effects=(("MD", -0.3, -1.4, 0.8),),
    ),
    Row(
        "single-arm-listed/rate-with-unit-after-the-interval",
        "Falls were most frequent in frail residents (1.8 (95% CI 1.2 to 2.6) falls per "
        "person-year) and least frequent in robust ones (0.4 (95% CI 0.2 to 0.7) falls per "
        "person-year).",
        effects=(),
    ),
    Row(
        "single-arm-listed/trap-two-times-respectively-stay-differences",
        "Compared with usual care, the programme lowered systolic pressure by 3.9 mm Hg (95% CI "
        "1.8 to 6.0) and 5.2 mm Hg (95% CI 2.7 to 7.7) at 6 and 12 months, respectively.",
        effects=(("MD", 3.9, 1.8, 6.0), ("MD", 5.2, 2.7, 7.7)),
    ),
    Row(
        "single-arm-listed/trap-labelled-differences-for-two-doses",
        "Differences from placebo were -1.2 kg (95% CI -1.9 to -0.5) vs -2.0 kg (95% CI -2.8 to "
        "-1.2) for the low and high doses, respectively.",
        effects=(("MD", -1.2, -1.9, -0.5), ("MD", -2.0, -2.8, -1.2)),
    ),
    Row(
        "single-arm-listed/trap-subgroups-respectively",
        "The effect on systolic pressure was -4.1 mm Hg (95% CI -6.0 to -2.2) and -2.5 mm Hg (95% "
        "CI -4.3 to -0.7) in women and men, respectively.",
        effects=(("MD", -4.1, -6.0, -2.2), ("MD", -2.5, -4.3, -0.7)),
    ),
    # difference-of-shares: the difference of two groups' shares (rates, survival, response)
    # in % or percentage points is a risk difference; of a mean it stays a mean difference
    Row(
        "difference-of-shares/difference-in-remission-rates",
        "The difference in remission rates between the groups was 12% (95% CI 4% to 20%).",
        effects=(("RD", 12.0, 4.0, 20.0),),
    ),
    Row(
        "difference-of-shares/percentage-points-eradication-rates",
        "Eradication succeeded less often with the short course; the difference in eradication "
        "rates was -6.5 percentage points (95% CI -11.9 to -1.1).",
        effects=(("RD", -6.5, -11.9, -1.1),),
    ),
    Row(
        "difference-of-shares/survival-favoured-a-difference-of",
        "Three-year survival favoured surgery, a difference of 7% (95% CI, 1% to 13%).",
        effects=(("RD", 7.0, 1.0, 13.0),),
    ),
    Row(
        "difference-of-shares/therapeutic-gain-in-brackets",
        "Headache relief at 2 hours was more frequent with the nasal spray (therapeutic gain 21% "
        "[95% CI 12% to 30%]; P < 0.001).",
        effects=(("RD", 21.0, 12.0, 30.0),),
    ),
    Row(
        "difference-of-shares/therapeutic-gain-semicolon-bounds",
        "The therapeutic gain over placebo in sustained pain freedom was 14 % [7 %; 21 %].",
        effects=(("RD", 14.0, 7.0, 21.0),),
    ),
    Row(
        "difference-of-shares/trap-difference-in-mean-weight-change",
        "The difference in mean body-weight change was -6.2% (95% CI -7.3% to -5.2%).",
        effects=(("MD", -6.2, -7.3, -5.2),),
    ),
    Row(
        "difference-of-shares/trap-hba1c-difference",
        "HbA1c fell more with the drug (difference -0.4%, 95% CI -0.6% to -0.2%).",
        effects=(("MD", -0.4, -0.6, -0.2),),
    ),
    # ci-named-before-values: the interval named once before the estimates it goes with
    Row(
        "ci-named-before-values/pooled-changes-with-confidence-intervals-were",
        "Pooled changes in systolic and diastolic pressure (mm Hg) with 95% confidence intervals "
        "were -3.2 (-4.9 to -1.5) and -1.8 (-2.9 to -0.7).",
        effects=(("MD", -3.2, -4.9, -1.5), ("MD", -1.8, -2.9, -0.7)),
    ),
    Row(
        "ci-named-before-values/changes-bracketed-ci-relative-to-placebo",
        "The changes in LDL cholesterol (95% CI), relative to placebo, were −0.42 mmol/L (−0.55 "
        "to −0.29) with 10 mg and −0.61 mmol/L (−0.74 to −0.48) with 20 mg.",
        effects=(("MD", -0.42, -0.55, -0.29), ("MD", -0.61, -0.74, -0.48)),
    ),
    Row(
        "ci-named-before-values/net-effects-and-their-cis-colon",
        "Net effects of the diet and their 95% CIs: body weight -2.6 kg (-3.4 to -1.8), waist "
        "-3.1 cm (-4.2 to -2.0).",
        effects=(("MD", -2.6, -3.4, -1.8), ("MD", -3.1, -4.2, -2.0)),
    ),
    Row(
        "ci-named-before-values/estimates-95-percent-ci-in-square-brackets",
        "Compared with controls, the estimates [95% CI] were 0.35 [0.12, 0.58] for grip strength "
        "and 0.21 [0.02, 0.40] for gait speed.",
        effects=(("MD", 0.35, 0.12, 0.58), ("MD", 0.21, 0.02, 0.4)),
    ),
    Row(
        "ci-named-before-values/odds-ratios-with-cis-for-tertiles",
        "Odds ratios (95% CIs) for the middle and top tertiles were 1.21 (0.95-1.54) and 1.48 "
        "(1.16-1.89).",
        effects=(("OR", 1.21, 0.95, 1.54), ("OR", 1.48, 1.16, 1.89)),
    ),
    Row(
        "ci-named-before-values/trap-mean-ages-with-ci",
        "Mean ages (95% CI) were 54.2 years (52.1 to 56.3) and 55.0 years (53.0 to 57.0).",
        effects=(),
    ),
    Row(
        "ci-named-before-values/trap-prevalence-estimates-by-sex",
        # written after the rule, from a probe: each group's figure, no difference
        "The prevalence estimates (95% CI) were 12.1 (10.2 to 14.0) in women and 9.8 (8.1 to "
        "11.5) in men.",
        effects=(),
    ),
    Row(
        "ci-named-before-values/trap-medians-and-iqr",
        "Medians (IQR) were 4.1 (2.0-7.5) and 3.2 (1.5-6.0).",
        effects=(),
    ),
    # mean-effect-named: "the mean effect", "the average treatment effect" name a difference
    # between arms, not one group's mean
    Row(
        "mean-effect-named/mean-effect-on-pressure-bare-brackets",
        "The mean effect on systolic pressure was −2.1 mm Hg (−3.9 to −0.3).",
        effects=(("MD", -2.1, -3.9, -0.3),),
    ),
    Row(
        "mean-effect-named/average-treatment-effect-minutes",
        "The average treatment effect on sleep duration was 21 min (95% CI 8 to 34).",
        effects=(("MD", 21.0, 8.0, 34.0),),
    ),
    Row(
        "mean-effect-named/mean-effects-in-women-and-men",
        "Mean effects on diastolic pressure were −1.2 mm Hg (−2.3 to −0.1) in women and −0.4 mm "
        "Hg (−1.6 to 0.8) in men.",
        effects=(("MD", -1.2, -2.3, -0.1), ("MD", -0.4, -1.6, 0.8)),
    ),
    Row(
        "mean-effect-named/mean-programme-effect-kg",
        "The mean programme effect on body weight at one year was −1.7 kg (−2.6 to −0.8; P<0.001).",
        effects=(("MD", -1.7, -2.6, -0.8),),
    ),
    Row(
        "mean-effect-named/mean-net-effect-points",
        "The mean net effect on the depression score was −3.4 points (95% CI −5.0 to −1.8).",
        effects=(("MD", -3.4, -5.0, -1.8),),
    ),
    Row(
        "mean-effect-named/trap-mean-pressure-at-baseline",
        "Mean systolic pressure was 128 mm Hg (125 to 131) at baseline.",
        effects=(),
    ),
    # bare-effect-size-symbol: "d = ", "g = " alone, after p values or in brackets
    Row(
        "bare-effect-size-symbol/d-after-p-values",
        "The high dose separated from placebo at day 3 (p = 0.01, p-adj = 0.04, d = -0.74).",
        effects=(("SMD", -0.74, None, None),),
    ),
    Row(
        "bare-effect-size-symbol/d-glued-equals",
        "Craving fell more with the app than with the leaflet (d=0.41).",
        effects=(("SMD", 0.41, None, None),),
    ),
    Row(
        "bare-effect-size-symbol/two-ds-in-one-sentence",
        "Effects were moderate for sleep (d = 0.52) and small for mood (d = 0.18).",
        effects=(("SMD", 0.52, None, None), ("SMD", 0.18, None, None)),
    ),
    Row(
        "bare-effect-size-symbol/g-with-interval",
        "Symptoms improved at follow-up (g = 0.33, 95% CI 0.12 to 0.54).",
        effects=(("g", 0.33, 0.12, 0.54),),
    ),
    Row(
        "bare-effect-size-symbol/g-alone-semicolon",
        "Anxiety eased in the mindfulness arm (p = .003; g = 0.47).",
        effects=(("g", 0.47, None, None),),
    ),
    Row(
        "bare-effect-size-symbol/trap-degrees-of-freedom",
        "The model fitted well (χ2 = 12.4, df = 8, p = 0.13).",
        effects=(),
    ),
    # ratio-list-no-ci: ratios listed after their label without intervals, each category named
    # in brackets; the reference category's 1.0 is no estimate
    Row(
        "ratio-list-no-ci/quartiles-reference-first",
        "Adjusted odds ratios across quartiles of intake were 1.00 (reference), 1.12, 1.35 and "
        "1.62.",
        effects=(("OR", 1.12, None, None), ("OR", 1.35, None, None), ("OR", 1.62, None, None)),
    ),
    Row(
        "ratio-list-no-ci/tertiles-lowest-and-highest-named",
        "Hazard ratios by tertile of activity were 1.0 (lowest tertile), 0.84, 0.71 (highest "
        "tertile).",
        effects=(("HR", 0.84, None, None), ("HR", 0.71, None, None)),
    ),
    Row(
        "ratio-list-no-ci/each-category-named-in-brackets",
        "Odds ratios were 1.4 (moderate drinkers) and 2.2 (heavy drinkers).",
        effects=(("OR", 1.4, None, None), ("OR", 2.2, None, None)),
    ),
    Row(
        "ratio-list-no-ci/relative-risks-respectively",
        "The relative risks for one, two and three or more factors were 1.6, 2.4 and 4.1, "
        "respectively.",
        effects=(("RR", 1.6, None, None), ("RR", 2.4, None, None), ("RR", 4.1, None, None)),
    ),
    Row(
        "ratio-list-no-ci/ref-abbreviated-rate-ratios",
        "Rate ratios for weekly, monthly and rare use were 1 (ref), 1.3 (monthly) and 1.9 (rare).",
        effects=(("IRR", 1.3, None, None), ("IRR", 1.9, None, None)),
    ),
    Row(
        "ratio-list-no-ci/trap-lone-ratio-of-one",
        "The odds ratio for smoking was 1.0 (no association).",
        effects=(("OR", 1.0, None, None),),
    ),
    # difference-in-words: a difference written as an amount higher or lower than the other
    # group's, with no interval; never a change from baseline, a threshold or a relative change
    Row(
        "difference-in-words/pressure-higher-in-smokers-than",
        "Systolic pressure was 4.6 mm Hg higher in smokers than in non-smokers.",
        effects=(("MD", 4.6, None, None),),
    ),
    Row(
        "difference-in-words/slept-minutes-longer-than-placebo",
        "Participants given the supplement slept 23 minutes longer than those given placebo.",
        effects=(("MD", 23.0, None, None),),
    ),
    Row(
        "difference-in-words/ldl-lower-with-than-with",
        "LDL cholesterol was 0.31 mmol/L lower with the spread than with the control margarine.",
        effects=(("MD", 0.31, None, None),),
    ),
    Row(
        "difference-in-words/predictors-each-in-brackets",
        "Predictors of higher scores included female sex (3.1 points higher than males) and "
        "depression (5.8 points higher than those without).",
        effects=(("MD", 3.1, None, None), ("MD", 5.8, None, None)),
    ),
    Row(
        "difference-in-words/birth-weight-grams-lower-among",
        "Birth weight was 112 g lower among infants of smokers than among those of non-smokers.",
        effects=(("MD", 112.0, None, None),),
    ),
    Row(
        "difference-in-words/trap-lower-than-at-baseline",
        "Blood pressure was 5 mm Hg lower than at baseline.",
        effects=(),
    ),
    Row(
        "difference-in-words/trap-relative-percent-lower",
        "Relapse was 30% lower than with placebo.",
        effects=(),
    ),
    Row(
        "difference-in-words/trap-threshold-at-least",
        "Responders were those whose score was at least 5 points lower than at entry.",
        effects=(),
    ),
    Row(
        "difference-in-words/trap-against-a-criterion",
        "Infants were referred when their breathing rate was 6 breaths per minute less than the "
        "national criterion for fast breathing.",
        effects=(),
    ),
    # traps written after the rule, from probes of this team's own wording
    Row(
        "difference-in-words/trap-longer-than-planned",
        "The trial lasted 6 weeks longer than planned.",
        effects=(),
    ),
    Row(
        "difference-in-words/trap-same-people-at-another-time",
        "At 12 months, pain scores were 1.2 points lower than at 6 months.",
        effects=(),
    ),
    Row(
        "difference-in-words/trap-doses-higher-than",
        "Doses were 2 mg higher than those used in adults.",
        effects=(),
    ),
    Row(
        "difference-in-words/trap-times-higher",
        "Costs were 2.5 times higher than in the public sector.",
        effects=(),
    ),
    # same-estimate-twice: one sentence giving the same figures for two comparisons reports two
    # estimates; a later sentence repeating them restates one
    Row(
        "same-estimate-twice/two-comparators-square-brackets",
        "Falls were less frequent with exercise than with education (RR 0.85 [0.74, 0.97]) and "
        "than with usual care (RR 0.85 [0.74, 0.97]).",
        effects=(("RR", 0.85, 0.74, 0.97), ("RR", 0.85, 0.74, 0.97)),
    ),
    Row(
        "same-estimate-twice/two-doses-colon-labels",
        "Both doses cut the odds of admission (10 mg: OR 0.62, 95% CI 0.48-0.80; 20 mg: OR 0.62, "
        "95% CI 0.48-0.80).",
        effects=(("OR", 0.62, 0.48, 0.8), ("OR", 0.62, 0.48, 0.8)),
    ),
    Row(
        "same-estimate-twice/two-times-mean-differences",
        "Mean differences were −1.5 points (95% CI −2.4 to −0.6) at 6 months and −1.5 points (95% "
        "CI −2.4 to −0.6) at 12 months.",
        effects=(("MD", -1.5, -2.4, -0.6), ("MD", -1.5, -2.4, -0.6)),
    ),
    Row(
        "same-estimate-twice/trap-conclusion-restates",
        "Results: Vitamin D reduced falls (RR 0.81, 95% CI 0.69 to 0.95). Conclusions: Vitamin D "
        "reduced falls (RR 0.81, 95% CI 0.69 to 0.95).",
        effects=(("RR", 0.81, 0.69, 0.95),),
    ),
    Row(
        "same-estimate-twice/trap-next-sentence-restates",
        "Pain fell more with the drug (MD −1.2, 95% CI −2.0 to −0.4). In sum, the drug lowered "
        "pain (MD −1.2, 95% CI −2.0 to −0.4).",
        effects=(("MD", -1.2, -2.0, -0.4),),
    ),
    # measures-named-respectively: two or more measures named together, their values listed
    # after and given to them in order by "respectively"
    Row(
        "measures-named-respectively/nnt-and-nnh",
        "The NNT and the NNH were 6 and 21, respectively.",
        effects=(("NNT", 6.0, None, None), ("NNT", 21.0, None, None)),
    ),
    Row(
        "measures-named-respectively/odds-ratio-and-hazard-ratio",
        "For frailty, the odds ratio and the hazard ratio were 1.8 and 1.5, respectively.",
        effects=(("OR", 1.8, None, None), ("HR", 1.5, None, None)),
    ),
    Row(
        "measures-named-respectively/nnt-and-a-percentile-gain",
        "The NNT and percentile gain were 9 and 15, respectively.",
        effects=(("NNT", 9.0, None, None),),
    ),
    Row(
        "measures-named-respectively/correlation-and-mean-difference-with-unit",
        "Pearson's r and the mean difference were 0.42 and 3.1 mm Hg, respectively.",
        effects=(("r", 0.42, None, None), ("MD", 3.1, None, None)),
    ),
    Row(
        "measures-named-respectively/three-ratios-listed",
        "The crude OR, adjusted OR and hazard ratio were 2.1, 1.7 and 1.4, respectively.",
        effects=(("OR", 2.1, None, None), ("OR", 1.7, None, None), ("HR", 1.4, None, None)),
    ),
    Row(
        "measures-named-respectively/trap-ranges-respectively",
        "The NNT and NNH ranged from 4 to 7 and from 18 to 30, respectively.",
        effects=(),
    ),
    Row(
        "measures-named-respectively/trap-age-and-bmi",
        "The mean age and BMI were 54 and 27.1, respectively.",
        effects=(),
    ),
    # bracketed-list-with-ps: values listed in a bracket with one p value each are estimates
    # (MD by their unit, or the measure carried), never each group's mean with a trend's p
    Row(
        "bracketed-list-with-ps/three-pressures-each-with-p",
        "Night-time, daytime and 24-hour pressures fell more with the drug, while diastolic values "
        "did not differ (−2.1, −1.4, and −1.8 mm Hg; P = 0.12, 0.31, and 0.22).",
        effects=(("MD", -2.1, None, None), ("MD", -1.4, None, None), ("MD", -1.8, None, None)),
    ),
    Row(
        "bracketed-list-with-ps/two-scores-points",
        "Scores for mood and energy rose more with light therapy (4.1 and 2.7 points; p = 0.002 "
        "and 0.04).",
        effects=(("MD", 4.1, None, None), ("MD", 2.7, None, None)),
    ),
    Row(
        "bracketed-list-with-ps/days-comma-list-decimal-ps",
        "The tablets shortened cough and fever (−1.1, −0.9 days; P = .02, .04).",
        effects=(("MD", -1.1, None, None), ("MD", -0.9, None, None)),
    ),
    Row(
        "bracketed-list-with-ps/weights-kg-square-brackets",
        "Weight and waist changes against placebo were small [0.4 kg and 0.6 cm; P = 0.41 and "
        "0.18].",
        effects=(("MD", 0.4, None, None), ("MD", 0.6, None, None)),
    ),
    Row(
        "bracketed-list-with-ps/after-a-labelled-list",
        "Office and home pressures fell (difference of −6.5 and −5.0 mm Hg; P = 0.01 and 0.02), "
        "whereas pulse rates did not (−1.0 and 0.5 beats/min; P = 0.41 and 0.77).",
        effects=(
            ("MD", -6.5, None, None),
            ("MD", -5.0, None, None),
            ("MD", -1.0, None, None),
            ("MD", 0.5, None, None),
        ),
    ),
    Row(
        "bracketed-list-with-ps/trap-group-means-with-trend-p",
        "Mean systolic values were higher with age (120, 125 and 131 mm Hg; P = 0.01 for trend).",
        effects=(),
    ),
    Row(
        "bracketed-list-with-ps/trap-counts-with-ps",
        "Relapses were similar (12, 15 and 19 patients; P = 0.3, 0.2 and 0.1).",
        effects=(),
    ),
    # labelled-list-with-subgroups: a labelled value and the values listed after it, each
    # followed by the subgroup it is for, no intervals
    Row(
        "labelled-list-with-subgroups/odds-ratios-for-men-and-women",
        "The odds ratios were 1.5 for men and 2.1 for women.",
        effects=(("OR", 1.5, None, None), ("OR", 2.1, None, None)),
    ),
    Row(
        "labelled-list-with-subgroups/hazard-ratio-in-women-and-men",
        "The adjusted hazard ratio was 0.78 in women and 0.91 in men.",
        effects=(("HR", 0.78, None, None), ("HR", 0.91, None, None)),
    ),
    Row(
        "labelled-list-with-subgroups/cohens-d-label-in-brackets",
        "The effect sizes (Cohen's d) were 0.45 for anxiety and 0.38 for depression.",
        effects=(("SMD", 0.45, None, None), ("SMD", 0.38, None, None)),
    ),
    Row(
        "labelled-list-with-subgroups/three-relative-risks-among",
        "Relative risks were 1.9 among smokers, 1.4 among former smokers and 1.1 among never "
        "smokers.",
        effects=(("RR", 1.9, None, None), ("RR", 1.4, None, None), ("RR", 1.1, None, None)),
    ),
    Row(
        "labelled-list-with-subgroups/mean-differences-with-units",
        "Mean differences were −2.3 mm Hg in the first trial and −1.7 mm Hg in the second.",
        effects=(("MD", -2.3, None, None), ("MD", -1.7, None, None)),
    ),
    Row(
        "labelled-list-with-subgroups/trap-count-after-subgroup",
        "The hazard ratio was 0.82 in women, and 120 patients withdrew.",
        effects=(("HR", 0.82, None, None),),
    ),
    Row(
        "labelled-list-with-subgroups/trap-times-after-subgroup",
        "The hazard ratio was 0.8 at 5 years and 10 years.",
        effects=(("HR", 0.8, None, None),),
    ),
    # comparative-with-ci: an amount 'shorter/lower/greater ...' with its interval is a
    # difference even when the other arm is left unsaid; never a change within one group
    Row(
        "comparative-with-ci/days-shorter-with-the-drug",
        "Time to recovery was 2 days shorter with the antiviral (95% CI 1 to 3 days).",
        effects=(("MD", 2.0, 1.0, 3.0),),
    ),
    Row(
        "comparative-with-ci/lower-in-the-named-group",
        "Systolic pressure was 4.1 mm Hg lower in the salt-substitute group (95% CI 2.9 to 5.3).",
        effects=(("MD", 4.1, 2.9, 5.3),),
    ),
    Row(
        "comparative-with-ci/weighed-less-at-one-year",
        "Participants on the diet weighed 3.2 kg less at one year (95% CI, 1.9 to 4.5).",
        effects=(("MD", 3.2, 1.9, 4.5),),
    ),
    Row(
        "comparative-with-ci/days-longer-square-brackets",
        "Hospital stays were 1.4 days longer among patients given the standard regimen [95% CI "
        "0.6 to 2.2].",
        effects=(("MD", 1.4, 0.6, 2.2),),
    ),
    Row(
        "comparative-with-ci/metres-greater-ci-with-unit-and-p",
        "Walking distance was 38 m greater with training (95% confidence interval 21 to 55 m; P "
        "< 0.001).",
        effects=(("MD", 38.0, 21.0, 55.0),),
    ),
    Row(
        "comparative-with-ci/trap-lower-than-at-baseline",
        "Pressure was 6.2 mm Hg lower than at baseline (95% CI 4.0 to 8.4).",
        effects=(),
    ),
    Row(
        "comparative-with-ci/trap-lower-after-treatment-in-one-group",
        "In the drug group, pressure was 5.0 mm Hg lower after treatment (95% CI 3.1 to 6.9).",
        effects=(),
    ),
    # ci-in-words: the interval's bounds in words after a labelled value: "between a and b",
    # "with a 95% CI of/from a to b"
    Row(
        "ci-in-words/confidence-interval-between-and",
        "The risk ratio was 0.82 (95% confidence interval between 0.70 and 0.96).",
        effects=(("RR", 0.82, 0.7, 0.96),),
    ),
    Row(
        "ci-in-words/with-a-ci-from-to",
        "The mean difference was −4.2 mm Hg, with a 95% CI from −6.8 to −1.6.",
        effects=(("MD", -4.2, -6.8, -1.6),),
    ),
    Row(
        "ci-in-words/ci-between-and-then-p",
        "Relapse was less likely (OR 0.58, 95% CI between 0.41 and 0.82; P = 0.002).",
        effects=(("OR", 0.58, 0.41, 0.82),),
    ),
    Row(
        "ci-in-words/with-a-confidence-interval-of",
        "The hazard ratio was 1.31, with a 95% confidence interval of 1.05 to 1.63.",
        effects=(("HR", 1.31, 1.05, 1.63),),
    ),
    Row(
        "ci-in-words/smd-with-a-ci-of",
        "Fatigue eased with exercise (SMD −0.45 with a 95% CI of −0.70 to −0.20).",
        effects=(("SMD", -0.45, -0.7, -0.2),),
    ),
    Row(
        "ci-in-words/with-a-ci-then-bounds-at-once",
        # written after the rule, from a probe: "with a" and no word before the bounds
        "The RR was 0.76 with a 95% CI 0.62-0.93.",
        effects=(("RR", 0.76, 0.62, 0.93),),
    ),
    Row(
        "ci-in-words/trap-ages-between",
        "Ages ranged between 40 and 65 years (mean 52).",
        effects=(),
    ),
    # compared-share-unit: an amount in % said to be more or less than another arm's is a
    # difference between arms (MD of a measure, RD of shares of people), never a group's share
    Row(
        "compared-share-unit/hba1c-more-than-placebo",
        "HbA1c decreased by 0.6% more with the drug than with placebo (95% CI 0.4 to 0.8).",
        effects=(("MD", 0.6, 0.4, 0.8),),
    ),
    Row(
        "compared-share-unit/body-fat-fell-more-than",
        "Body fat fell 1.8% more with training than with diet alone (95% CI 0.9 to 2.7).",
        effects=(("MD", 1.8, 0.9, 2.7),),
    ),
    Row(
        "compared-share-unit/ejection-fraction-rose-more-than",
        "Ejection fraction rose 4.5% more than with placebo (95% CI 2.0 to 7.0).",
        effects=(("MD", 4.5, 2.0, 7.0),),
    ),
    Row(
        "compared-share-unit/percentage-points-higher-remission-rate",
        "The remission rate was 9 percentage points higher with the biologic than with "
        "methotrexate (95% CI 3 to 15).",
        effects=(("RD", 9.0, 3.0, 15.0),),
    ),
    # 8. designs
    Row(
        "design/matched-on-the-propensity-score",
        "Users were matched 1:1 on the propensity score to non-users. Mortality was lower "
        "(HR 0.80, 95% CI 0.70-0.90).",
        design="propensity-matched",
    ),
    Row(
        "design/propensity-score-matched",
        "In this propensity score-matched analysis, mortality was lower (HR 0.80, 95% CI "
        "0.70-0.90).",
        design="propensity-matched",
    ),
    Row(
        "design/matching-by-propensity-scores",
        "After matching by propensity scores, 1,200 treated and 1,200 untreated patients were "
        "compared.",
        design="propensity-matched",
    ),
    Row(
        "design/narrative-review-of-trials",
        "In this narrative review we summarise randomised controlled trials of vitamin D.",
        design="mechanistic",
    ),
    Row(
        "design/we-review",
        "We review the evidence from randomised trials of vitamin D in older adults.",
        design="mechanistic",
    ),
    Row(
        "design/this-review-summarises",
        "This review summarises what double-blind trials have shown about creatine and memory.",
        design="mechanistic",
    ),
    Row(
        "design/open-label-single-arm-phase-2",
        "This open-label, single-arm phase 2 study enrolled 40 patients.",
        design="non-randomised-controlled",
    ),
    Row(
        "design/randomised-crossover",
        "This randomised, double-blind, placebo-controlled crossover trial enrolled 24 adults.",
        design="rct",
    ),
    # second batch, written after the first fixes with answers fixed before running: 30 of 36
    # checks right on first run (main: 16), then the rules were generalised
    Row(
        "case-control-total/patients-named-cases-with-controls",
        "We compared 215 patients with incident gout (cases) with 860 controls matched on age"
        " and sex.",
        n=1075,
    ),
    Row(
        "case-control-total/women-and-control-women",
        "This population-based case-control study included 1,530 women with ovarian cancer "
        "and 3,060 control women.",
        n=4590,
        design="case-control",
    ),
    Row(
        "case-control-total/cases-n-matched-to-controls-n",
        "Cases (n = 98) were matched to controls (n = 196) on age, sex and practice.",
        n=294,
    ),
    Row(
        "per-group-n/n-equals-per-group",
        "Forty rats were randomly divided into five groups (n = 8 per group).",
        n=40,
        design="animal",
    ),
    Row(
        "per-group-n/groups-of-at-random",
        "Rabbits were allocated at random to three groups of 10.",
        n=30,
        design="animal",
    ),
    Row(
        "per-group-n/complications-in-some",
        "Twenty-four consecutive patients underwent the procedure; complications occurred in "
        "5 patients.",
        n=24,
    ),
    Row(
        "per-group-n/n-in-each-arm",
        "Adults were randomized to one of four arms (n = 50 in each arm) and followed for 12 "
        "weeks.",
        n=200,
    ),
    Row(
        "case-report/man-with-condition-developed",
        "A 67-year-old man with type 2 diabetes developed lactic acidosis after taking the "
        "supplement.",
        n=1,
        design="case-series",
    ),
    Row(
        "case-report/we-present-an-infant",
        "We present an 8-month-old infant who developed hypercalcaemia after vitamin D drops.",
        n=1,
        design="case-series",
    ),
    Row(
        "case-report/female-bodybuilder-presented",
        "A 29-year-old female bodybuilder presented with jaundice after 6 weeks of oral steroids.",
        n=1,
        design="case-series",
    ),
    Row(
        "bare-interval/adjusted-or-dash-per-subgroup",
        "The association was stronger in women (aOR 1.62, 1.21-2.17) than in men (aOR 1.10, "
        "0.85-1.42).",
        effects=(("OR", 1.62, 1.21, 2.17), ("OR", 1.1, 0.85, 1.42)),
    ),
    Row(
        "bare-interval/irr-semicolon-to",
        "Readmission was less frequent (IRR 0.72; 0.61 to 0.85).",
        effects=(("IRR", 0.72, 0.61, 0.85),),
    ),
    Row(
        "bare-interval/wmd-with-unit-negative",
        "Weight fell more with the drug (WMD −2.35 kg, −3.10 to −1.60).",
        effects=(("MD", -2.35, -3.1, -1.6),),
    ),
    Row(
        "counted-percent/reported-by-count-in-groups",
        "In this trial, nausea was reported by 143 participants (12.7%) in the drug group and"
        " 41 (3.6%) in the placebo group.",
        effects=(("percent", 12.7, None, None), ("percent", 3.6, None, None)),
    ),
    Row(
        "counted-percent/bare-count-developed",
        "In this cohort, 312 (18.4%) developed diabetes during follow-up.",
        effects=(("percent", 18.4, None, None),),
    ),
    Row(
        "counted-percent/achieved-in-count",
        "In this series, complete remission was achieved in 9 patients (45.0%).",
        effects=(("percent", 45.0, None, None),),
    ),
    Row(
        "counted-percent/baseline-of-the-participants",
        "Of the 400 participants, 232 (58.0%) were women and the mean age was 61 years.",
        effects=(),
    ),
    Row(
        "worded-estimate/percentage-points-is-md",
        "The intervention lowered HbA1c by 0.45 percentage points (95% CI, 0.21 to 0.69) "
        "relative to usual care.",
        effects=(("MD", 0.45, 0.21, 0.69),),
    ),
    Row(
        "worded-estimate/weight-decreased-by-percent",
        "Body weight decreased by 5.8% (95% CI 4.9 to 6.7) at week 26.",
        effects=(("percent", 5.8, 4.9, 6.7),),
    ),
    Row(
        "worded-estimate/per-cent-in-two-words",
        "Fracture incidence was reduced by 22 per cent (95 per cent confidence interval 9 to "
        "33 per cent).",
        effects=(("percent", 22.0, 9.0, 33.0),),
    ),
    Row(
        "worded-estimate/metres-increased-by",
        "Walking distance increased by 38 m (95% CI 12 to 64) compared with placebo.",
        effects=(("MD", 38.0, 12.0, 64.0),),
    ),
    Row(
        "range-in-label/named-scale-with-digits",
        "Depression scores differed by −2.1 points on the 0 to 27 PHQ-9 (95% CI −3.4 to −0.8).",
        effects=(("MD", -2.1, -3.4, -0.8),),
    ),
    Row(
        "range-in-label/fell-by-points-on-scale",
        "Pain fell by 1.3 points on a 0–100 visual analogue scale (95% CI 0.4–2.2).",
        effects=(("MD", 1.3, 0.4, 2.2),),
    ),
    Row(
        "range-in-label/age-range-before-estimate",
        "Patients aged 18–65 (mean difference 0.8, 95% CI 0.2 to 1.4) benefited most.",
        effects=(("MD", 0.8, 0.2, 1.4),),
    ),
    Row(
        "design/propensity-matched-ratio",
        "Treated and untreated patients were propensity-matched in a 1:2 ratio. Survival was "
        "longer (HR 0.71, 95% CI 0.60-0.84).",
        design="propensity-matched",
    ),
    Row(
        "design/here-we-review",
        "Here we review recent trials and mechanistic studies of berberine in metabolic disease.",
        design="mechanistic",
    ),
    Row(
        "design/single-arm-open-label-phase-ii",
        "In this single-arm, open-label, phase II trial, 35 patients received the peptide.",
        design="non-randomised-controlled",
        n=35,
    ),
    Row(
        "design/two-period-crossover",
        "In a randomized, double-blind, placebo-controlled, two-period crossover study, 18 "
        "healthy men received caffeine or placebo.",
        design="rct",
        n=18,
    ),
    # third batch: whole abstracts mixing the classes, answers fixed first: 21 of 25 checks
    # right on first run (main: 10, h-gen: 15); then the rules were generalised again
    Row(
        "case-control-total/structured-matched-each-case-n-for-controls",
        "Background: Proton pump inhibitors have been linked to fractures.\n"
        "Methods: In this nested case-control study we identified 1,862 cases of hip fracture"
        " and matched each case to 4 controls (n = 7,448) on age, sex and calendar year.\n"
        "Results: Current use was associated with higher odds of hip fracture (adjusted OR "
        "1.26, 95% CI 1.10 to 1.45), and the association was stronger with long-term use (aOR"
        " 1.41, 1.18-1.69).\n"
        "Conclusions: Long-term use may raise fracture risk.",
        design="case-control",
        n=9310,
        effects=(("OR", 1.26, 1.1, 1.45), ("OR", 1.41, 1.18, 1.69)),
    ),
    Row(
        "per-group-n/structured-groups-of-seven-rats",
        "Objective: To test whether taurine protects the liver in fructose-fed rats.\n"
        "Methods: Forty-two male Wistar rats were divided at random into six groups of seven "
        "rats and treated for 8 weeks.\n"
        "Results: Taurine lowered serum ALT by 18.2 U/L (95% CI 9.6 to 26.8) compared with "
        "fructose alone.",
        design="animal",
        n=42,
        effects=(("MD", 18.2, 9.6, 26.8),),
    ),
    Row(
        "case-report/whole-abstract-man-presented",
        "A 61-year-old man presented with jaundice and pruritus four weeks after starting a "
        "turmeric supplement. Liver biopsy showed cholestatic hepatitis. Bilirubin normalised"
        " within 3 months of stopping the product.",
        design="case-series",
        n=1,
        effects=(),
    ),
    Row(
        "counted-percent/reviewed-series-achieved-and-bare-count",
        "We retrospectively reviewed 27 consecutive patients treated with platelet-rich "
        "plasma for lateral epicondylitis. Complete pain relief was achieved in 15 patients "
        "(55.6%), and 4 (14.8%) required surgery. Recurrence occurred in 2 cases.",
        design="case-series",
        n=27,
        effects=(("percent", 55.6, None, None), ("percent", 14.8, None, None)),
    ),
    Row(
        "worded-estimate/trial-mm-hg-and-events-per-group",
        "In this randomised, double-blind, placebo-controlled trial, 318 adults with "
        "hypertension were assigned to potassium supplements or placebo for 12 weeks. "
        "Potassium lowered systolic blood pressure by 4.2 mm Hg (95% CI, 2.0 to 6.4) and "
        "diastolic blood pressure by 2.1 mm Hg (95% CI, 0.7 to 3.5). Hyperkalaemia occurred "
        "in 6 participants (3.8%) in the potassium group and 1 (0.6%) in the placebo group.",
        design="rct",
        n=318,
        effects=(
            ("MD", 4.2, 2.0, 6.4),
            ("MD", 2.1, 0.7, 3.5),
            ("percent", 3.8, None, None),
            ("percent", 0.6, None, None),
        ),
    ),
    Row(
        "design/matched-on-score-to-non-users",
        "Using a national registry, we matched 4,210 statin users 1:1 on the propensity score"
        " to 4,210 non-users. Over a median of 5 years, statin use was associated with lower "
        "dementia risk (HR 0.82, 0.74 to 0.91).",
        design="propensity-matched",
        n=8420,
        effects=(("HR", 0.82, 0.74, 0.91),),
    ),
    Row(
        "range-in-label/structured-two-scales",
        "Methods: We randomly assigned 140 patients with knee osteoarthritis to collagen "
        "peptides or placebo.\n"
        "Results: At 6 months, the collagen group reported a mean difference of −1.4 points "
        "on the 0–10 numeric rating scale (95% CI −2.2 to −0.6) and a difference of 6.5 on "
        "the 0–100 WOMAC function subscale (95% CI 1.9 to 11.1).",
        design="rct",
        n=140,
        effects=(("MD", -1.4, -2.2, -0.6), ("MD", 6.5, 1.9, 11.1)),
    ),
    Row(
        "design/narrative-review-citing-an-estimate",
        "In this narrative review, we summarise evidence from randomized controlled trials "
        "and meta-analyses on magnesium and sleep. Several trials reported shorter sleep "
        "latency (mean difference −17.4 minutes, 95% CI −27.3 to −7.5) but most were small.",
        design="mechanistic",
    ),
    Row(
        "design/structured-single-arm-response-rate",
        "Methods: In this open-label, single-arm phase 2 study, 52 patients with refractory "
        "gout received the enzyme every 2 weeks.\n"
        "Results: The response rate was 42% (95% CI 29 to 57), and infusion reactions "
        "occurred in 8 patients (15.4%).",
        design="non-randomised-controlled",
        n=52,
        effects=(("percent", 42.0, 29.0, 57.0), ("percent", 15.4, None, None)),
    ),
    # fourth batch, traps that hold no estimate (written after the third batch: one of 14 gave a
    # spurious percent, '45 (30.0%) had diabetes at baseline')
    Row(
        "range-in-label/trap-age-range",
        "Adults aged 18–65 years (n = 240) were randomized to the drug or placebo.",
        effects=(),
    ),
    Row(
        "range-in-label/trap-scale-desc",
        "Pain was rated on a 0–10 numeric scale (higher is worse) at baseline and 12 weeks.",
        effects=(),
    ),
    Row(
        "range-in-label/trap-likert-desc",
        "Satisfaction was scored on a 1 to 5 Likert scale (1, very poor; 5, excellent).",
        effects=(),
    ),
    Row(
        "range-in-label/trap-grade-desc",
        "Fibrosis was graded 0-4 (F0, none; F4, cirrhosis) by two pathologists.",
        effects=(),
    ),
    Row(
        "range-in-label/trap-dose-range",
        "Participants took 10-20 mg (mean 15 mg) daily for 6 months.",
        effects=(),
    ),
    Row(
        "range-in-label/trap-median-iqr",
        "Median follow-up was 4.2 years (IQR 3.1 to 5.6).",
        effects=(),
    ),
    Row(
        "counted-percent/trap-baseline-count-pct",
        "Of the 400 participants, 232 (58.0%) were women and 96 (24.0%) were current smokers.",
        effects=(),
    ),
    Row(
        "counted-percent/trap-baseline-group",
        "In the drug group, 45 (30.0%) had diabetes at baseline.",
        effects=(),
    ),
    Row(
        "counted-percent/trap-mean-sd",
        "Mean age was 54.3 ± 9.8 years and BMI 31.2 (SD 4.5).",
        effects=(),
    ),
    Row(
        "bare-interval/trap-i2",
        "Heterogeneity was moderate (I² = 45%, P = 0.03).",
        effects=(),
    ),
    Row(
        "range-in-label/trap-phq-named",
        "Depression was measured with the PHQ-9 (range 0–27) and anxiety with the GAD-7 (0-21).",
        effects=(),
    ),
    Row(
        "range-in-label/trap-years-range",
        "Records from 2005 to 2015 (n = 12,400) were reviewed.",
        effects=(),
    ),
    Row(
        "range-in-label/trap-age-bracket",
        "We enrolled 120 patients (mean age, 62 years; range, 45-79).",
        effects=(),
    ),
    # written after the fourth batch: the same notation without the bracket (each bound was
    # taken for an estimate of its own before)
    Row(
        "bare-interval/no-bracket-label-comma-to-semicolon",
        "Daily dosing lowered the odds of infection, OR 0.76, 0.64 to 0.90; bolus dosing did not, "
        "OR 1.02, 0.88 to 1.18.",
        effects=(("OR", 0.76, 0.64, 0.90), ("OR", 1.02, 0.88, 1.18)),
    ),
    Row(
        "bare-interval/no-bracket-worded-label-was",
        "Among women the adjusted hazard ratio was 0.81, 0.70-0.94.",
        effects=(("HR", 0.81, 0.70, 0.94),),
    ),
    Row(
        "bare-interval/no-bracket-semicolon-then-p",
        "The RR was 1.35; 1.10–1.66, P = 0.004.",
        effects=(("RR", 1.35, 1.10, 1.66),),
    ),
    Row(
        "range-in-label/trap-unlabelled-range-with-unit",
        "Treatment lasted 1.5, 1 to 2 years in most patients (OR data not shown).",
        effects=(),
    ),
    # fifth batch, written after the traps with answers fixed first: 19 of 21 checks right on
    # first run (main 8, h-gen 14); then event verbs and the en-dash in 'score–matched'
    Row(
        "counted-percent/of-denominator-in-both-groups",
        "Headache was reported in 211 of 1,048 patients (20.1%) receiving the drug and 98 of "
        "1,052 (9.3%) receiving placebo.",
        effects=(("percent", 20.1, None, None), ("percent", 9.3, None, None)),
    ),
    Row(
        "counted-percent/bare-count-discontinued",
        "Overall, 57 (11.4%) discontinued because of adverse events.",
        effects=(("percent", 11.4, None, None),),
    ),
    Row(
        "counted-percent/attained-in-count",
        "Sustained virological response was attained in 88 patients (91.7%).",
        effects=(("percent", 91.7, None, None),),
    ),
    Row(
        "worded-estimate/increased-by-nmol-in-group",
        "Serum 25(OH)D increased by 28.4 nmol/L (95% CI 24.1 to 32.7) in the vitamin D group.",
        effects=(("MD", 28.4, 24.1, 32.7),),
    ),
    Row(
        "worded-estimate/fell-by-percent-bounds-with-percent",
        "Mortality fell by 17% (95% CI, 8% to 25%) after the policy change.",
        effects=(("percent", 17.0, 8.0, 25.0),),
    ),
    Row(
        "worded-estimate/improved-by-kg-confidence-interval",
        "Grip strength improved by 2.3 kg (95% confidence interval 0.9–3.7) versus control.",
        effects=(("MD", 2.3, 0.9, 3.7),),
    ),
    Row(
        "range-in-label/named-scale-with-range-and-digits",
        "Fatigue differed by 3.2 points on the 0–52 FACIT-F scale (95% CI 1.1 to 5.3).",
        effects=(("MD", 3.2, 1.1, 5.3),),
    ),
    Row(
        "range-in-label/age-range-before-labelled-md",
        "Adults aged 40–75 years showed a mean difference of −4.1 mg/dL (95% CI −6.0 to −2.2).",
        effects=(("MD", -4.1, -6.0, -2.2),),
    ),
    Row(
        "per-group-n/groups-of-hamsters-with-total",
        "Eighty hamsters were randomly distributed into four groups of 20 animals.",
        n=80,
        design="animal",
    ),
    Row(
        "per-group-n/n-equals-per-group-before-groups",
        "Piglets (n = 12 per group) were randomly assigned to three diets.",
        n=36,
        design="animal",
    ),
    Row(
        "per-group-n/events-after-consecutive-total",
        "We analysed 36 consecutive patients; a relapse occurred in 4 cases and 2 patients died.",
        n=36,
    ),
    Row(
        "case-control-total/patients-named-cases-and-matched-controls",
        "We identified 725 patients with lung cancer (cases) and 2,900 matched controls.",
        n=3625,
        design="case-control",
    ),
    Row(
        "case-report/woman-on-drug-presented",
        "An 84-year-old woman on warfarin presented with bleeding after starting a fish oil "
        "supplement.",
        n=1,
        design="case-series",
    ),
    Row(
        "design/propensity-score-en-dash-matched",
        "This was a prospective, propensity score–matched cohort of 1,500 adults.",
        design="propensity-matched",
    ),
    Row(
        "design/this-review-describes",
        "This review describes what randomised trials and cohort studies have found about "
        "zinc and colds.",
        design="mechanistic",
    ),
    Row(
        "design/two-way-crossover",
        "In this double-blind, randomised, placebo-controlled, 2-way crossover study, 20 men "
        "took nitrate or placebo.",
        design="rct",
        n=20,
    ),
    # sixth batch, designs and case reports (answers fixed first: 12 of 14 checks on first run,
    # main 9); then 'this article reviews' and 'we provide an overview of trials' name a review
    Row(
        "design/matched-using-propensity-scores",
        "Patients were matched using propensity scores, leaving 640 pairs. Mortality was "
        "lower (HR 0.77, 95% CI 0.62-0.95).",
        design="propensity-matched",
    ),
    Row(
        "design/propensity-weighted-is-a-cohort",
        "In this propensity score-weighted cohort of 8,000 adults, risk was lower (HR 0.85, "
        "95% CI 0.75-0.96).",
        design="cohort",
    ),
    Row(
        "design/this-article-reviews",
        "This article reviews the pharmacology of ashwagandha and the randomized trials that "
        "tested it.",
        design="mechanistic",
    ),
    Row(
        "design/we-provide-an-overview-of-trials",
        "Here, we provide an overview of randomised trials of omega-3 fatty acids in depression.",
        design="mechanistic",
    ),
    Row(
        "design/open-label-non-randomised-two-arm",
        "An open-label, non-randomised, two-arm pilot study enrolled 30 adults.",
        design="non-randomised-controlled",
        n=30,
    ),
    Row(
        "design/phase-2-single-group-open-label",
        "In this phase 2, single-group, open-label trial, 48 patients received the peptide weekly.",
        design="non-randomised-controlled",
        n=48,
    ),
    Row(
        "case-report/we-present-a-man",
        "We present a 35-year-old man who developed gynecomastia while using a SARM. Symptoms"
        " resolved after 3 months.",
        design="case-series",
        n=1,
    ),
    Row(
        "case-report/girl-was-brought",
        "A 4-year-old girl was brought to the emergency department after ingesting iron tablets.",
        design="case-series",
        n=1,
    ),
    Row(
        "design/randomised-in-a-crossover-design",
        "Sixty adults were randomised in a crossover design to drink beetroot juice or "
        "placebo on separate days.",
        design="rct",
        n=60,
    ),
    Row(
        "design/trap-overview-of-a-trial-design-is-the-trial",
        "We present an overview of the trial design and baseline data of 1,200 randomised "
        "participants.",
        design="rct",
    ),
    # seventh batch (h-extra), ten classes found on further unseen abstracts; answers fixed
    # before the first run
    # a duration or time window between the count and "were randomised" is not n
    Row(
        "duration-not-n/words-with-hours",
        "Four hundred and twenty adults with fever for less than 48 hours were randomised to "
        "paracetamol or placebo.",
        n=420,
    ),
    Row(
        "duration-not-n/digits-admitted-within",
        "310 patients admitted within 12 hours of onset were enrolled.",
        n=310,
    ),
    Row(
        "duration-not-n/lasting-more-than-days",
        "In total, 96 children with diarrhoea lasting more than 3 days were randomly assigned "
        "to zinc or placebo.",
        n=96,
    ),
    Row(
        "duration-not-n/weeks-after-delivery",
        "Two hundred women within 6 weeks of delivery were randomized to the supplement or "
        "usual care.",
        n=200,
    ),
    # weights or ages in brackets between the count and the verb
    Row(
        "bracketed-between-count-and-verb/weight-plus-minus",
        "Thirty-six male Wistar rats (220 ± 15 g) were randomly allocated to three groups "
        "(n = 12 each).",
        n=36,
        design="animal",
    ),
    Row(
        "bracketed-between-count-and-verb/age-in-weeks",
        "Forty-eight female Sprague-Dawley rats (8 weeks old) were randomly divided into four "
        "groups (n = 12 per group).",
        n=48,
        design="animal",
    ),
    Row(
        "bracketed-between-count-and-verb/age-range",
        "One hundred and twenty volunteers (aged 18–45 years) were randomised to the extract or "
        "placebo.",
        n=120,
    ),
    Row(
        "bracketed-between-count-and-verb/weight-range-mice",
        "Twenty-four C57BL/6 mice (weighing 20–22 g) were assigned to two groups of 12.",
        n=24,
    ),
    # ratio names map to the README's measures; a ratio with no measure there gives none
    Row(
        "ratio-name/prevalence-ratio",
        "Use was associated with anaemia (prevalence ratio 1.52; 95% CI 1.10–2.10).",
        effects=(("RR", 1.52, 1.10, 2.10),),
    ),
    Row(
        "ratio-name/rate-ratio",
        "The rate ratio for hospitalisation was 0.71 (95% CI 0.58 to 0.87).",
        effects=(("IRR", 0.71, 0.58, 0.87),),
    ),
    Row(
        "ratio-name/relative-risk-words",
        "The relative risk of death was 0.80 (95% CI 0.66–0.97).",
        effects=(("RR", 0.80, 0.66, 0.97),),
    ),
    Row(
        "ratio-name/subdistribution-hazard-ratio",
        "Competing risks gave a subdistribution hazard ratio of 1.34 (95% CI 1.05 to 1.71).",
        effects=(("HR", 1.34, 1.05, 1.71),),
    ),
    Row(
        "ratio-name/cause-specific-hazard-ratio",
        "The cause-specific hazard ratio was 0.77 (95% CI 0.61 to 0.97).",
        effects=(("HR", 0.77, 0.61, 0.97),),
    ),
    Row(
        "ratio-name/ratio-of-means-unknown",
        "Serum levels were higher with the drug (ratio of means 1.12, 95% CI 1.01 to 1.24).",
        effects=(),
    ),
    Row(
        "ratio-name/geometric-mean-ratio-unknown",
        "The geometric mean ratio was 0.85 (95% CI 0.74 to 0.98).",
        effects=(),
    ),
    # percentages per group without a count; a baseline share is not an effect
    Row(
        "group-percent/of-three-groups",
        "Deficiency was found in 6.1% of users, 3.0% of non-users and 2.9% of controls.",
        effects=(
            ("percent", 6.1, None, None),
            ("percent", 3.0, None, None),
            ("percent", 2.9, None, None),
        ),
    ),
    Row(
        "group-percent/count-of-total-then-percent",
        "Remission was reached by 14 of 40 patients (35.0%) on drug and 6 of 40 (15.0%) on "
        "placebo.",
        effects=(("percent", 35.0, None, None), ("percent", 15.0, None, None)),
    ),
    Row(
        "group-percent/rate-with-versus",
        "The response rate was 41.2% with A versus 20.4% with B.",
        effects=(("percent", 41.2, None, None), ("percent", 20.4, None, None)),
    ),
    Row(
        "group-percent/of-the-treated-and-control-group",
        "Adverse events occurred in 18.5% of the treated group and 9.7% of the control group.",
        effects=(("percent", 18.5, None, None), ("percent", 9.7, None, None)),
    ),
    Row(
        "group-percent/trap-baseline-share",
        "At baseline, 512 (12.8%) participants reported smoking.",
        effects=(),
    ),
    Row(
        "group-percent/trap-at-enrolment",
        "Of the 4,000 participants, 1,020 (25.5%) were current smokers at enrolment.",
        effects=(),
    ),
    # a CI pair without brackets after a label inside brackets; units glued to the number
    Row(
        "unbracketed-ci/percent-points-comma",
        "HbA1c fell more with the drug (estimated treatment difference −0.6%-points; 95% CI "
        "−0.8, −0.4).",
        effects=(("MD", -0.6, -0.8, -0.4),),
    ),
    Row(
        "unbracketed-ci/abbreviation-semicolon",
        "HbA1c fell more with the drug (ETD −1.0 %-points, 95% CI −1.2; −0.8).",
        effects=(("MD", -1.0, -1.2, -0.8),),
    ),
    Row(
        "unbracketed-ci/kg-comma",
        "Weight fell more with the drug (mean difference −2.4 kg; 95% CI −3.1, −1.7).",
        effects=(("MD", -2.4, -3.1, -1.7),),
    ),
    Row(
        "unbracketed-ci/hyphen-minus-semicolon",
        "Fasting glucose fell (treatment difference -0.45%-points, 95% CI -0.60; -0.30).",
        effects=(("MD", -0.45, -0.60, -0.30),),
    ),
    # "difference" then the scale it is on, then the CI, in one bracket
    Row(
        "difference-on-scale/zero-to-ten",
        "Pain fell more with the drug (difference −1.1 points on a 0–10 scale, 95% CI −1.9 to "
        "−0.3, p = 0.01).",
        effects=(("MD", -1.1, -1.9, -0.3),),
    ),
    Row(
        "difference-on-scale/visual-analogue-hundred",
        "Satisfaction was higher (mean difference 4.2 points on the 0-100 visual analogue "
        "scale, 95% CI 1.5 to 6.9).",
        effects=(("MD", 4.2, 1.5, 6.9),),
    ),
    Row(
        "difference-on-scale/likert-semicolon",
        "Fatigue improved (difference −0.8 on a 1–5 Likert scale; 95% CI −1.3 to −0.3).",
        effects=(("MD", -0.8, -1.3, -0.3),),
    ),
    # a bare interval, then a p for interaction that belongs to no estimate
    Row(
        "interaction-p/or-bare-interval",
        "The risk was lower with daily dosing (OR 0.72, 0.60 to 0.86) but not with bolus "
        "dosing (OR 0.98, 0.85 to 1.12; P for interaction = 0.04).",
        effects=(("OR", 0.72, 0.60, 0.86), ("OR", 0.98, 0.85, 1.12)),
    ),
    Row(
        "interaction-p/hr-en-dash",
        "The effect did not differ by sex (HR 1.05, 0.91–1.21; p for interaction = 0.03).",
        effects=(("HR", 1.05, 0.91, 1.21),),
    ),
    Row(
        "interaction-p/rr-p-interaction-hyphen",
        "Among older adults the benefit was smaller (RR 0.88, 0.79 to 0.98; P-interaction = 0.02).",
        effects=(("RR", 0.88, 0.79, 0.98),),
    ),
    # a change named by its verb, with a unit, after a dose earlier in the sentence
    Row(
        "worded-change-after-dose/two-pressures",
        "Supplementation at a median of 350 mg/d for 12 weeks reduced systolic blood pressure "
        "by 2.10 mm Hg (95% CI, 0.50 to 3.70) and diastolic blood pressure by 1.60 mm Hg (95% "
        "CI, 0.60 to 2.60) compared with placebo.",
        effects=(("MD", 2.10, 0.50, 3.70), ("MD", 1.60, 0.60, 2.60)),
    ),
    Row(
        "worded-change-after-dose/lowered-mmol",
        "Eight weeks of 500 mg twice daily lowered LDL cholesterol by 0.31 mmol/L (95% CI 0.12 "
        "to 0.50) compared with placebo.",
        effects=(("MD", 0.31, 0.12, 0.50),),
    ),
    Row(
        "worded-change-after-dose/increased-kg",
        "At 3 g/day, the supplement increased lean mass by 1.2 kg (95% CI, 0.4 to 2.0) versus "
        "placebo.",
        effects=(("MD", 1.2, 0.4, 2.0),),
    ),
    # a count and its percentage after an outcome verb
    Row(
        "outcome-verb-percent/normalised-in",
        "Liver enzymes normalised in 38 patients (59.4%).",
        effects=(("percent", 59.4, None, None),),
    ),
    Row(
        "outcome-verb-percent/achieved-in-bare-count",
        "Clearance was achieved in 21 (32.8%).",
        effects=(("percent", 32.8, None, None),),
    ),
    Row(
        "outcome-verb-percent/occurred-in",
        "Complete response occurred in 12 participants (27.3%).",
        effects=(("percent", 27.3, None, None),),
    ),
    Row(
        "outcome-verb-percent/resolved-in-of",
        "Symptoms resolved in 45 of 60 patients (75.0%).",
        effects=(("percent", 75.0, None, None),),
    ),
    # designs: pooling trials is a meta-analysis; eleven patients reviewed are a case series
    Row(
        "design/pooled-search-of-trials",
        "Systematic search of randomised placebo-controlled trials up to 2021; pooled relative "
        "risks with random effects.",
        design="meta-analysis",
    ),
    Row(
        "design/meta-analysis-of-trials-lasting-weeks",
        "This systematic review and meta-analysis evaluated magnesium in adults with "
        "hypertension; eligible were trials lasting at least 8 weeks.",
        design="meta-analysis",
    ),
    Row(
        "design/retrospective-review-of-patients",
        "Retrospective review of eleven patients seen at a referral clinic between 2016 and 2023.",
        design="case-series",
        n=11,
    ),
    Row(
        "design/searched-and-pooled-hazard-ratios",
        "We searched MEDLINE for randomized controlled trials and pooled hazard ratios using a "
        "random-effects model.",
        design="meta-analysis",
    ),
    Row(
        "design/chart-review-of-seven",
        "Retrospective chart review of 7 patients treated at a tertiary centre.",
        design="case-series",
        n=7,
    ),
    # a second probe of the same classes, written after the fixes above with answers fixed
    # first: 17 of 21 right on first run; these three then generalised the list, pair and
    # pooling rules (the fourth, "retrospective analysis of 9 consecutive patients", read as a
    # cohort until consecutive patients made a series: see the design rows at the end)
    Row(
        "group-percent/list-of-long-group-names",
        "Hypoglycaemia occurred in 4.2% of patients on insulin, 1.1% of patients on metformin "
        "and 0.8% of those on diet alone.",
        effects=(
            ("percent", 4.2, None, None),
            ("percent", 1.1, None, None),
            ("percent", 0.8, None, None),
        ),
    ),
    Row(
        "group-percent/with-arm-and-with-arm",
        "The proportion achieving remission was 38.5% with the drug and 21.0% with placebo.",
        effects=(("percent", 38.5, None, None), ("percent", 21.0, None, None)),
    ),
    Row(
        "design/we-pooled-data-from-trials",
        "We pooled data from 14 randomised controlled trials (n = 3,210) using a random-effects "
        "model.",
        design="meta-analysis",
    ),
    Row(
        "design/databases-were-searched-passive",
        "Methods: Four electronic databases were searched for randomised trials of zinc. "
        "Results: Nine trials with 1,204 participants were pooled.",
        design="meta-analysis",
    ),
    Row(
        "design/medline-was-searched-random-effects",
        "MEDLINE, Embase and CENTRAL were systematically searched to March 2022; estimates were "
        "combined in random-effects models.",
        design="meta-analysis",
    ),
    Row(
        "bracketed-between-count-and-verb/age-and-bmi",
        "Forty healthy men (age 25 ± 4 years; BMI 23.1 ± 2.0 kg/m2) were randomised to creatine "
        "or placebo.",
        n=40,
    ),
    Row(
        "duration-not-n/symptoms-for-no-more-than-days",
        "A total of 1,250 outpatients with symptoms for no more than 5 days were randomly "
        "assigned to the drug or placebo.",
        n=1250,
    ),
    Row(
        "group-percent/trap-at-enrolment-had",
        "At enrolment, 230 (18.4%) patients had diabetes.",
        effects=(),
    ),
    Row(
        "design/records-of-patients-were-reviewed",
        "Case records of 14 patients treated between 2010 and 2020 were reviewed retrospectively.",
        design="case-series",
        n=14,
    ),
    Row(
        "outcome-verb-percent/trap-data-obtained-in",
        "Follow-up data were obtained in 312 (89.1%).",
        effects=(),
    ),
    Row(
        "design/retrospective-analysis-of-consecutive-patients",
        "Retrospective analysis of 9 consecutive patients treated with the peptide at one centre. "
        "Symptoms improved in 7.",
        design="case-series",
    ),
    Row(
        "design/consecutive-patients-compared-stay-a-cohort",
        "We retrospectively analysed 1,204 consecutive patients and compared outcomes of users "
        "versus non-users.",
        design="cohort",
    ),
    Row(
        "duration-not-n/trap-in-whom-the-randomised",
        "Of 120 patients with asthma for over 2 years, in whom 40 were randomised to the drug, "
        "most were women.",
        n=40,
    ),
    # eighth batch (h-gen, issue 14 point 2): classes seen on fresh abstracts in journals'
    # styles, answers fixed by the corpus README before the first run: 35 of 54 right then
    # (bare-count-n 4/7, nnt-in-words 3/7, continuous-percent 4/8, single-group-share 4/7,
    # bracket-not-ci 9/9, ci-notation 7/10, design 4/6); most-common-shares, written after
    # those were fixed, 1 of 4
    # a count with no noun after it is the sample when a verb of enrolment names it
    Row(
        "bare-count-n/of-the-randomised-completed",
        "Of the 120 randomised, 112 completed the 12-week trial.",
        n=120,
    ),
    Row(
        "bare-count-n/of-randomized-completed-follow-up",
        "Of 348 randomized, 301 (86.5%) completed follow-up.",
        n=348,
    ),
    Row(
        "bare-count-n/a-total-of-were-enrolled",
        "A total of 96 were enrolled and randomly assigned to zinc or placebo.",
        n=96,
    ),
    Row(
        "bare-count-n/words-were-randomly-assigned",
        "Two hundred and four were randomly assigned to the intervention or a waiting list.",
        n=204,
    ),
    Row(
        "bare-count-n/in-all-were-randomised-per-arm",
        "In all, 1,026 were randomised (513 per arm).",
        n=1026,
    ),
    Row(
        "bare-count-n/screened-eligible-randomised",
        "Of 2,450 screened, 612 were eligible and 580 were randomised.",
        n=580,
    ),
    Row(
        "bare-count-n/were-recruited-from-practices",
        "Between March 2018 and June 2020, 456 were recruited from 12 general practices.",
        n=456,
    ),
    # a number needed to treat written in words: the patients treated for one event prevented
    Row(
        "nnt-in-words/treating-prevented-one-extra-case",
        "Treating 255 patients for five years prevented one extra case of stroke.",
        effects=(("NNT", 255.0, None, None),),
    ),
    Row(
        "nnt-in-words/number-needed-to-treat-was-with-ci",
        "The number needed to treat was 18 (95% CI 11 to 50).",
        effects=(("NNT", 18.0, 11.0, 50.0),),
    ),
    Row(
        "nnt-in-words/one-additional-responder-for-every",
        "There was one additional responder for every 7 patients treated.",
        effects=(("NNT", 7.0, None, None),),
    ),
    Row(
        "nnt-in-words/one-fracture-prevented-for-every",
        "One fracture was prevented for every 91 women treated for three years.",
        effects=(("NNT", 91.0, None, None),),
    ),
    Row(
        "nnt-in-words/to-prevent-one-admission-was",
        "The number needed to treat to prevent one hospital admission was 24 (95% CI, 15 to 61).",
        effects=(("NNT", 24.0, 15.0, 61.0),),
    ),
    Row(
        "nnt-in-words/would-need-to-be-treated",
        "Forty patients would need to be treated to prevent one death.",
        effects=(("NNT", 40.0, None, None),),
    ),
    Row(
        "nnt-in-words/number-needed-to-harm-was",
        "The number needed to harm for nausea was 9.",
        effects=(("NNT", 9.0, None, None),),
    ),
    # each arm's mean of a continuous measurement written as a percentage is not an effect;
    # a share of animals or cells with an event still is
    Row(
        "continuous-percent/wound-closure-treated-vs-controls",
        "Wound closure reached 78% in the treated group vs 52% in controls on day 14 (p < 0.01).",
        effects=(),
    ),
    Row(
        "continuous-percent/cell-viability-fell-to",
        "Cell viability fell to 61% of control at 100 µM.",
        effects=(),
    ),
    Row(
        "continuous-percent/infarct-size-versus",
        "Infarct size was 32% of the area at risk in treated rats versus 51% in controls.",
        effects=(),
    ),
    Row(
        "continuous-percent/body-fat-versus-in-group",
        "Body fat was 18.2% versus 24.6% in the high-fat diet group.",
        effects=(),
    ),
    Row(
        "continuous-percent/inhibition-respectively",
        "Inhibition of proliferation was 43% and 71% at 10 and 50 µM, respectively.",
        effects=(),
    ),
    Row(
        "continuous-percent/hba1c-fell-from-to",
        "HbA1c fell from 8.1% to 7.2% with the drug and from 8.0% to 7.9% with placebo.",
        effects=(),
    ),
    Row(
        "continuous-percent/survival-of-animals-is-an-event-share",
        "Survival at day 30 was 80% in the treated group vs 20% in the vehicle group.",
        effects=(("percent", 80.0, None, None), ("percent", 20.0, None, None)),
    ),
    Row(
        "continuous-percent/tumours-in-mice-counted-are-an-event-share",
        "Tumours developed in 4 of 15 treated mice (26.7%) and 12 of 15 controls (80.0%).",
        effects=(("percent", 26.7, None, None), ("percent", 80.0, None, None)),
    ),
    # one group's share with an outcome is a response percentage (README; corpus a29, b22);
    # a share describing who was sampled is not
    Row(
        "single-group-share/reported-by-nurses",
        "Burnout was reported by 421 nurses (42.0%).",
        effects=(("percent", 42.0, None, None),),
    ),
    Row(
        "single-group-share/present-in-of-participants",
        "Lesions were present in 37 (18%) of 205 participants.",
        effects=(("percent", 18.0, None, None),),
    ),
    Row(
        "single-group-share/of-respondents-reported-use",
        "Of 1,200 respondents, 312 (26.0%) reported daily supplement use.",
        effects=(("percent", 26.0, None, None),),
    ),
    Row(
        "single-group-share/trap-of-respondents-were-women",
        "Of 1,200 respondents, 640 (53.3%) were women.",
        effects=(),
    ),
    Row(
        "single-group-share/occurred-in-of",
        "Hypoglycaemia occurred in 14 of 96 participants (14.6%).",
        effects=(("percent", 14.6, None, None),),
    ),
    Row(
        "single-group-share/prevalence-with-ci",
        "The prevalence of vitamin D deficiency was 38.5% (95% CI 35.1 to 42.0).",
        effects=(("percent", 38.5, 35.1, 42.0),),
    ),
    Row(
        "single-group-share/percent-reported-using",
        "Among 2,031 adults surveyed, 17.4% reported using a peptide product in the past year.",
        effects=(("percent", 17.4, None, None),),
    ),
    # a bracket after a number that is not its interval: a spread, a follow-up, a dose range,
    # the evidence behind a pooled estimate
    Row(
        "bracket-not-ci/age-sd-then-odds-ratio",
        "Participants were aged 45 (SD 12) years; the odds ratio for frailty was 1.8 (95% CI 1.2 "
        "to 2.7).",
        effects=(("OR", 1.8, 1.2, 2.7),),
    ),
    Row(
        "bracket-not-ci/median-follow-up-iqr",
        "Over a median follow-up of 4.2 years (IQR 3.1–5.0), the hazard ratio for death was 0.82 "
        "(95% CI 0.70 to 0.96).",
        effects=(("HR", 0.82, 0.70, 0.96),),
    ),
    Row(
        "bracket-not-ci/dose-range",
        "Patients received 15 mg (10 to 20 mg) daily; mean weight change was −2.1 kg (95% CI "
        "−3.0 to −1.2).",
        effects=(("MD", -2.1, -3.0, -1.2),),
    ),
    Row(
        "bracket-not-ci/cochrane-trials-and-participants",
        "Mortality was lower with the drug (RR 0.81; 3 trials, 1,204 participants; low-certainty "
        "evidence).",
        effects=(("RR", 0.81, None, None),),
    ),
    Row(
        "bracket-not-ci/cochrane-ci-then-studies",
        "Probiotics reduced diarrhoea (RR 0.89, 95% CI 0.81 to 0.98; 12 studies, 4512 "
        "participants; moderate-certainty evidence).",
        effects=(("RR", 0.89, 0.81, 0.98),),
    ),
    Row(
        "bracket-not-ci/heterogeneity-after-estimate",
        "Pooled risk was similar (RR 1.12; I² = 34%).",
        effects=(("RR", 1.12, None, None),),
    ),
    Row(
        "bracket-not-ci/age-range-then-bare-interval",
        "Mean age was 62.4 years (range 41–80); the hazard ratio was 1.30 (1.05–1.61).",
        effects=(("HR", 1.30, 1.05, 1.61),),
    ),
    Row(
        "bracket-not-ci/median-days-iqr-vs",
        "Symptoms lasted 6 days (IQR 4–9) with the drug vs 8 days (IQR 5–12) with placebo.",
        effects=(),
    ),
    Row(
        "bracket-not-ci/events-after-hazard-ratio",
        "Death was less frequent (hazard ratio 0.74; 312 vs 401 events).",
        effects=(("HR", 0.74, None, None),),
    ),
    # interval notations and orders of journals' styles
    Row(
        "ci-notation/hr-then-ci-in-brackets-header",
        "HR (95% CI): 0.82 (0.70–0.96) for all-cause death.",
        effects=(("HR", 0.82, 0.70, 0.96),),
    ),
    Row(
        "ci-notation/or-ci-equals-header",
        "Users had higher odds of fracture, OR (95% CI) = 1.45 (1.12–1.88).",
        effects=(("OR", 1.45, 1.12, 1.88),),
    ),
    Row(
        "ci-notation/jama-absolute-difference-percent",
        "Response was more frequent with the drug (absolute difference, −4.9% [95% CI, −8.6% to "
        "−1.2%]; P = .01).",
        effects=(("RD", -4.9, -8.6, -1.2),),
    ),
    Row(
        "ci-notation/ci-from-to",
        "The hazard ratio was 0.70 (95% CI from 0.55 to 0.89).",
        effects=(("HR", 0.70, 0.55, 0.89),),
    ),
    Row(
        "ci-notation/semicolon-inside-square-brackets",
        "Risk of delirium rose (OR 1.52 [95% CI: 1.10; 2.10]).",
        effects=(("OR", 1.52, 1.10, 2.10),),
    ),
    Row(
        "ci-notation/lancet-middle-dots-hr-label",
        "The primary outcome occurred less often (hazard ratio [HR] 0·71, 95% CI 0·58–0·87; "
        "p=0·0009).",
        effects=(("HR", 0.71, 0.58, 0.87),),
    ),
    Row(
        "ci-notation/p-then-ci-after-value",
        "Mortality was lower, with a hazard ratio of 0.63 (P = 0.01; 95% CI, 0.45 to 0.89).",
        effects=(("HR", 0.63, 0.45, 0.89),),
    ),
    Row(
        "ci-notation/bmj-worded-interval",
        "Use was associated with a lower risk (hazard ratio 0.74, 95% confidence interval 0.61 to "
        "0.89).",
        effects=(("HR", 0.74, 0.61, 0.89),),
    ),
    Row(
        "ci-notation/hedges-g-semicolon-brackets",
        "The pooled effect was Hedges' g = 0.51 [0.32; 0.70].",
        effects=(("g", 0.51, 0.32, 0.70),),
    ),
    Row(
        "ci-notation/relative-risk-named-in-words",
        "The relative risk of death in the treated group was 0.74 (95% CI 0.54 to 1.02).",
        effects=(("RR", 0.74, 0.54, 1.02),),
    ),
    # designs
    Row(
        "design/isolated-cells-from-volunteers",
        "Neutrophils isolated from healthy volunteers were incubated with curcumin for 4 hours.",
        design="in-vitro",
    ),
    Row(
        "design/hepatocytes-from-mice",
        "Primary hepatocytes isolated from C57BL/6 mice were treated with palmitate and berberine.",
        design="in-vitro",
    ),
    Row(
        "design/zebrafish-larvae-exposed",
        "Zebrafish larvae were exposed to 10 µM resveratrol from 2 to 5 days post-fertilisation.",
        design="animal",
    ),
    Row(
        "design/cross-sectional-online-survey",
        "In a cross-sectional online survey of 1,004 nurses, 421 (42.0%) reported burnout.",
        design="cohort",
        n=1004,
    ),
    Row(
        "design/post-hoc-analysis-of-a-randomised-trial",
        "In a post hoc analysis of a randomised trial, 2,100 participants with diabetes were "
        "studied.",
        design="rct",
        n=2100,
    ),
    Row(
        "design/cochrane-included-rcts",
        "We searched CENTRAL, MEDLINE and Embase. We included 14 RCTs (2,345 participants) and "
        "pooled data with a random-effects model.",
        design="meta-analysis",
        n=2345,
    ),
    # shares listed after "the most common": each is a share of the group with that event (a
    # list of what people had at entry is not)
    Row(
        "most-common-shares/adverse-events-listed",
        "The most common adverse events were nausea (20%), headache (12%) and fatigue (9%).",
        effects=(
            ("percent", 20.0, None, None),
            ("percent", 12.0, None, None),
            ("percent", 9.0, None, None),
        ),
    ),
    Row(
        "most-common-shares/after-an-overall-share",
        "Adverse events occurred in 14 patients (23%); the most frequent were rash (10%) and "
        "diarrhoea (7%).",
        effects=(
            ("percent", 23.0, None, None),
            ("percent", 10.0, None, None),
            ("percent", 7.0, None, None),
        ),
    ),
    Row(
        "most-common-shares/trap-comorbidities",
        "The most common comorbidities were hypertension (45%) and diabetes (30%).",
        effects=(),
    ),
    Row(
        "most-common-shares/most-commonly-reported",
        "Side effects were mild; the most commonly reported were dry mouth (15.2%) and dizziness "
        "(8.7%).",
        effects=(("percent", 15.2, None, None), ("percent", 8.7, None, None)),
    ),
    # ninth batch (h-gen), written after the eighth was fixed, answers fixed first: 20 of 28
    # right on first run (table-shares 1/4, estimate-order 9/9, arm-mean-not-effect 3/6,
    # n-other-ways 5/5, design 2/4)
    # shares in a results table's notation: counts over totals, and "n (%)" without the sign
    Row(
        "table-shares/count-over-total-vs",
        "Mortality: 45/1200 (3.8%) vs 60/1198 (5.0%); RR 0.75 (0.52–1.09).",
        effects=(
            ("percent", 3.8, None, None),
            ("percent", 5.0, None, None),
            ("RR", 0.75, 0.52, 1.09),
        ),
    ),
    Row(
        "table-shares/n-percent-header-without-sign",
        "Remission, n (%): 34 (42.5) vs 18 (22.5), P = .006.",
        effects=(("percent", 42.5, None, None), ("percent", 22.5, None, None)),
    ),
    Row(
        "table-shares/n-over-n-percent-header-arms",
        "Events, n/N (%): drug 12/150 (8.0), placebo 25/148 (16.9).",
        effects=(("percent", 8.0, None, None), ("percent", 16.9, None, None)),
    ),
    Row(
        "table-shares/trap-baseline-n-percent-header",
        "Women, n (%): 64 (53.3) vs 61 (50.8).",
        effects=(),
    ),
    # orders and notations of a labelled estimate
    Row(
        "estimate-order/p-then-label-then-ci",
        "Remission was more likely (P = .02; OR, 1.8; 95% CI, 1.1-2.9).",
        effects=(("OR", 1.8, 1.1, 2.9),),
    ),
    Row(
        "estimate-order/label-with-ci-header-of",
        "Smokers had higher odds, with an OR (95% CI) of 1.8 (1.1-2.9).",
        effects=(("OR", 1.8, 1.1, 2.9),),
    ),
    Row(
        "estimate-order/hr-ci-header-square-brackets",
        "HR [95% CI] = 0.67 [0.52, 0.86] for the highest quartile.",
        effects=(("HR", 0.67, 0.52, 0.86),),
    ),
    Row(
        "estimate-order/aor-colon-ci-colon",
        "Obesity was associated with depression (aOR: 1.42; 95%CI: 1.05–1.92).",
        effects=(("OR", 1.42, 1.05, 1.92),),
    ),
    Row(
        "estimate-order/or-equals-ci-square-then-p",
        "Adherence predicted response, OR = 2.5, 95% CI [1.3, 4.8], p = .006.",
        effects=(("OR", 2.5, 1.3, 4.8),),
    ),
    Row(
        "estimate-order/times-higher-restates-ratio",
        "The odds of remission were 2.3 times higher (OR 2.3, 95% CI 1.4–3.8).",
        effects=(("OR", 2.3, 1.4, 3.8),),
    ),
    Row(
        "estimate-order/risk-difference-percentage-points",
        "The risk difference was −3.1 percentage points (95% CI −5.0 to −1.2).",
        effects=(("RD", -3.1, -5.0, -1.2),),
    ),
    Row(
        "estimate-order/spearman-rho-without-ci",
        "Pain correlated with sleep (Spearman's rho = −0.31, p = 0.004).",
        effects=(("r", -0.31, None, None),),
    ),
    Row(
        "estimate-order/md-em-dash-negative-bounds",
        "Weight changed more with the drug (MD −2.4 kg, 95% CI −3.9 — −0.9).",
        effects=(("MD", -2.4, -3.9, -0.9),),
    ),
    # each arm's mean, level or spread, even with an interval, is not an effect
    Row(
        "arm-mean-not-effect/days-with-ci-each-arm",
        "Time to recovery was 6.5 days (95% CI 5.8 to 7.2) with the drug vs 8.0 days (95% CI 7.1 "
        "to 8.9) with placebo.",
        effects=(),
    ),
    Row(
        "arm-mean-not-effect/level-rose-to-with-ci",
        "Serum 25(OH)D rose to 78 nmol/L (95% CI 74 to 82) in the vitamin D group.",
        effects=(),
    ),
    Row(
        "arm-mean-not-effect/mean-age-with-ci",
        "Mean age was 54 years (95% CI 52 to 56).",
        effects=(),
    ),
    Row(
        "arm-mean-not-effect/loss-sd-each-arm",
        "Participants lost a mean of 4.2 kg (SD 3.1) with the diet vs 1.1 kg (SD 2.9) with advice.",
        effects=(),
    ),
    Row(
        "arm-mean-not-effect/from-to-with-ranges",
        "HbA1c decreased from 8.2% (7.6–9.0) to 7.1% (6.7–7.8).",
        effects=(),
    ),
    Row(
        "arm-mean-not-effect/response-rate-with-ci-is-a-share",
        "The response rate was 45% (95% CI 38 to 52) in the treated group.",
        effects=(("percent", 45.0, 38.0, 52.0),),
    ),
    # n written in other ways
    Row(
        "n-other-ways/words-hundred-twenty-eight-enrolled",
        "One hundred twenty-eight children were enrolled at four schools.",
        n=128,
    ),
    Row(
        "n-other-ways/final-sample-comprised",
        "The final sample comprised 2,314 adults from 40 villages.",
        n=2314,
    ),
    Row(
        "n-other-ways/data-from-were-analysed",
        "Data from 15,322 participants in 9 cohorts were analysed.",
        n=15322,
    ),
    Row(
        "n-other-ways/randomised-one-to-one-n-equals",
        "Patients were randomised 1:1 (n = 240) to tirzepatide or placebo at 35 sites.",
        n=240,
    ),
    Row(
        "n-other-ways/sites-and-countries-before-count",
        "At 35 sites in 12 countries, 1,200 patients with gout were randomly assigned.",
        n=1200,
    ),
    # designs
    Row(
        "design/secondary-analysis-of-randomized-trial",
        "In this secondary analysis of the VITAL randomized clinical trial, 25 871 adults were "
        "followed for 5 years.",
        design="rct",
        n=25871,
    ),
    Row(
        "design/case-control-nested-in-a-cohort",
        "We performed a matched case-control study nested within a cohort of 1.2 million adults.",
        design="case-control",
    ),
    Row(
        "design/caco-2-monolayers-incubated",
        "Caco-2 monolayers were incubated with zinc for 24 h and barrier function was measured.",
        design="in-vitro",
    ),
    Row(
        "design/prospective-non-randomised-controlled",
        "This prospective, non-randomised, controlled study compared 60 patients given the drug "
        "with 58 given usual care.",
        design="non-randomised-controlled",
        n=118,
    ),
    # tenth batch (h-gen), answers fixed first: 11 of 15 right on first run
    # (quantity-not-effect 2/6, label-forms 6/6, baseline-share 3/3)
    # a quantity that is not an effect, with its CI: test accuracy, agreement, rates, curves
    Row(
        "quantity-not-effect/c-statistic-after-a-hazard-ratio",
        "Risk rose with intake (HR 1.20, 95% CI 1.05 to 1.37). The C statistic was 0.71 (95% CI "
        "0.68 to 0.74).",
        effects=(("HR", 1.20, 1.05, 1.37),),
    ),
    Row(
        "quantity-not-effect/auc-unitless",
        "The score predicted delirium with an AUC of 0.82 (95% CI 0.78–0.86).",
        effects=(),
    ),
    Row(
        "quantity-not-effect/sensitivity-specificity",
        "Sensitivity was 87% (95% CI 80 to 92) and specificity 91% (95% CI 86 to 95).",
        effects=(),
    ),
    Row(
        "quantity-not-effect/intraclass-correlation",
        "Test-retest reliability was high (ICC 0.91, 95% CI 0.86 to 0.94).",
        effects=(),
    ),
    Row(
        "quantity-not-effect/incidence-per-person-years",
        "The incidence of fracture was 12.3 per 1000 person-years (95% CI 10.2 to 14.6).",
        effects=(),
    ),
    Row(
        "quantity-not-effect/area-under-the-curve-words",
        "The area under the receiver operating characteristic curve was 0.76 (0.70-0.81).",
        effects=(),
    ),
    # labels in the plural, spaced dashes, a bare CI label
    Row(
        "label-forms/plural-odds-ratios-listed",
        "Obesity and smoking had odds ratios of 1.5 (95% CI 1.1–2.0) and 2.1 (95% CI 1.5–2.9).",
        effects=(("OR", 1.5, 1.1, 2.0), ("OR", 2.1, 1.5, 2.9)),
    ),
    Row(
        "label-forms/ci-without-level",
        "Exposure raised the odds of asthma (OR 2.1; CI 1.3–3.4).",
        effects=(("OR", 2.1, 1.3, 3.4),),
    ),
    Row(
        "label-forms/spaced-en-dash-equals",
        "Fracture risk was lower (RR = 0.85, 95% CI = 0.77 – 0.94).",
        effects=(("RR", 0.85, 0.77, 0.94),),
    ),
    Row(
        "label-forms/ratios-ranged-from-is-no-estimate",
        "Across subgroups, ORs ranged from 1.2 to 3.4.",
        effects=(),
    ),
    Row(
        "label-forms/fold-higher-risk-is-no-measure",
        "Users had a 2.4-fold higher risk of falls (95% CI 1.6–3.6).",
        effects=(),
    ),
    Row(
        "label-forms/adjusted-rr-for-men-and-women-respectively",
        "The adjusted relative risks were 0.75 (95% CI 0.60 to 0.94) and 0.81 (0.66 to 0.99) for "
        "men and women, respectively.",
        effects=(("RR", 0.75, 0.60, 0.94), ("RR", 0.81, 0.66, 0.99)),
    ),
    # baseline shares in a results sentence
    Row(
        "baseline-share/mean-age-and-percent-women-in-brackets",
        "Of 512 participants (mean age 61 years; 48% women), 61 (11.9%) developed pneumonia.",
        effects=(("percent", 11.9, None, None),),
        n=512,
    ),
    Row(
        "baseline-share/follow-up-complete-for",
        "Follow-up was complete for 96% of participants.",
        effects=(),
    ),
    Row(
        "baseline-share/jama-mean-sd-age-and-women",
        "Among 1,046 patients (mean [SD] age, 61 [9] years; 512 [48.9%] women), 88 (8.4%) died.",
        effects=(("percent", 8.4, None, None),),
        n=1046,
    ),
    # eleventh batch (h-gen), answers fixed first: 7 of 12 right on first run (bare-count-n
    # 1/4, n-other-ways 4/5, design 2/3)
    Row(
        "bare-count-n/we-randomly-assigned-count-to",
        "We randomly assigned 1500 to semaglutide or placebo.",
        n=1500,
    ),
    Row(
        "bare-count-n/we-enrolled-count-of-whom",
        "We enrolled 220, of whom 200 completed the study.",
        n=220,
    ),
    Row(
        "bare-count-n/screened-n-equals-then-randomised",
        "Of those screened (n = 2,210), 640 were randomised.",
        n=640,
    ),
    Row(
        "bare-count-n/sixty-four-with-women-in-brackets",
        "Sixty-four (32 women) were randomised to the two diets.",
        n=64,
    ),
    Row(
        "n-other-ways/study-population-consisted-of",
        "The study population consisted of 3,456 patients with heart failure.",
        n=3456,
    ),
    Row(
        "n-other-ways/participants-capital-n-equals-randomized",
        "Participants (N = 312) were randomized to the app or a leaflet.",
        n=312,
    ),
    Row(
        "n-other-ways/screened-then-randomly-allocated-space-thousands",
        "In total, 1 204 persons were screened and 602 were randomly allocated.",
        n=602,
    ),
    Row(
        "n-other-ways/eyes-of-patients",
        "A total of 57 eyes of 31 patients were included.",
        n=31,
    ),
    Row(
        "n-other-ways/respondents-with-response-rate",
        "The sample included 1,024 respondents (response rate 62%).",
        n=1024,
    ),
    Row(
        "design/quasi-randomised-trial",
        "In this quasi-randomised trial, wards were allocated by day of admission.",
        design="non-randomised-controlled",
    ),
    Row(
        "design/cluster-randomised-schools",
        "A cluster randomised trial in 24 schools enrolled 1,860 pupils.",
        design="rct",
        n=1860,
    ),
    Row(
        "design/skin-explants-ex-vivo",
        "Human skin explants obtained from abdominoplasty were treated ex vivo with retinol for "
        "72 h.",
        design="in-vitro",
    ),
    # twelfth batch (h-gen): designs as fresh abstracts name them, answers fixed first: 9 of
    # 12 right on first run
    Row(
        "design/mendelian-randomisation-is-not-a-trial",
        "We performed a two-sample Mendelian randomization analysis using summary statistics "
        "from 450,000 participants of European ancestry.",
        design="cohort",
    ),
    Row(
        "design/secondary-analysis-of-rct-cohort-words",
        "This post hoc analysis used data from a randomized clinical trial of 2,100 adults; "
        "participants were followed as a cohort for incident diabetes.",
        design="rct",
    ),
    Row(
        "design/umbrella-review-of-meta-analyses",
        "This umbrella review of meta-analyses of randomised trials searched PubMed and Embase and "
        "re-pooled 38 meta-analyses with random-effects models.",
        design="meta-analysis",
    ),
    Row(
        "design/systematic-review-without-pooling",
        "We systematically searched MEDLINE and Embase and included 14 studies; owing to "
        "heterogeneity, results were synthesised narratively without pooling.",
        design="mechanistic",
    ),
    Row(
        "design/rats-fed-and-cells-from-them",
        "Rats were fed a high-fat diet for 12 weeks, after which hepatocytes isolated from them "
        "were cultured with palmitate.",
        design="animal",
    ),
    Row(
        "design/in-silico-docking-and-cell-assay",
        "Molecular docking predicted binding to the receptor, and HEK293 cells transfected with "
        "the receptor were treated with the compound.",
        design="in-vitro",
    ),
    Row(
        "design/pilot-feasibility-randomised",
        "This pilot feasibility study randomised 40 adults to the app or usual care.",
        design="rct",
        n=40,
    ),
    Row(
        "design/retrospective-matched-cohort-no-propensity",
        "In this retrospective cohort, 2,316 statin users were matched by age and sex to 2,316 "
        "non-users.",
        design="cohort",
        n=4632,
    ),
    Row(
        "design/propensity-weighting-is-not-matching",
        "In this retrospective cohort study we used inverse probability of treatment weighting "
        "based on propensity scores.",
        design="cohort",
    ),
    Row(
        "design/case-series-of-ten-consecutive-no-compare",
        "We describe ten consecutive patients with tendinopathy treated with platelet-rich plasma.",
        design="case-series",
        n=10,
    ),
    Row(
        "design/survey-of-members-cross-sectional",
        "An anonymous questionnaire was sent to members of the national society; 612 responded.",
        design="cohort",
    ),
    Row(
        "design/crossover-in-healthy-volunteers",
        "Twelve healthy volunteers took part in a randomised, placebo-controlled crossover study "
        "with a 2-week washout.",
        design="rct",
        n=12,
    ),
    # thirteenth batch (h-gen), answers fixed first: 6 of 9 right on first run (label-forms
    # 5/6, inherited-measure 1/3)
    Row(
        "label-forms/cohen-d-equals",
        "Effect sizes were moderate (d = 0.45, 95% CI 0.20 to 0.70).",
        effects=(("SMD", 0.45, 0.20, 0.70),),
    ),
    Row(
        "label-forms/semicolon-in-square-brackets-no-ci-label",
        "The inverse-variance pooled estimate was RR 0.74 [0.61; 0.89].",
        effects=(("RR", 0.74, 0.61, 0.89),),
    ),
    Row(
        "label-forms/colon-and-spaced-hyphen",
        "Users had lower mortality (HR: 0.64 (0.52 - 0.79)).",
        effects=(("HR", 0.64, 0.52, 0.79),),
    ),
    Row(
        "label-forms/spaced-percent-ci-colon-to",
        "Exposure was associated with asthma (OR 1.34 (95 % CI: 1.12 to 1.60)).",
        effects=(("OR", 1.34, 1.12, 1.60),),
    ),
    Row(
        "label-forms/in-women-and-in-men",
        "Risk was lower with the drug: RR 0.65 (0.47 to 0.90) in women and 0.92 (0.71 to 1.19) in "
        "men.",
        effects=(("RR", 0.65, 0.47, 0.90), ("RR", 0.92, 0.71, 1.19)),
    ),
    Row(
        "label-forms/percent-lower-restated-by-hazard-ratio",
        "The risk of fracture was 23% lower (HR 0.77; 0.66–0.90).",
        effects=(("HR", 0.77, 0.66, 0.90),),
    ),
    Row(
        "inherited-measure/next-sentence-it-was",
        "The OR for diabetes was 1.52 (1.21–1.90). For hypertension it was 1.31 (1.10–1.56).",
        effects=(("OR", 1.52, 1.21, 1.90), ("OR", 1.31, 1.10, 1.56)),
    ),
    Row(
        "inherited-measure/trap-bmi-with-range-next-sentence",
        "Risk was lower with the drug (HR 0.80, 0.70 to 0.91). Participants' BMI was 27.1 "
        "(24.3–30.2).",
        effects=(("HR", 0.80, 0.70, 0.91),),
    ),
    Row(
        "inherited-measure/trap-follow-up-years-after-interval",
        "Mortality fell (HR 0.80, 95% CI 0.70–0.91); mean follow-up was 4.1 (3.2–5.0) years.",
        effects=(("HR", 0.80, 0.70, 0.91),),
    ),
    # fourteenth batch (h-gen): shares per arm in other words, and shares that are no result;
    # answers fixed first: 6 of 9 right on first run
    Row(
        "arm-shares/in-the-intervention-and-control-arm",
        "Mortality was 8.2% in the intervention arm and 11.5% in the control arm (P = .03).",
        effects=(("percent", 8.2, None, None), ("percent", 11.5, None, None)),
    ),
    Row(
        "arm-shares/of-the-group-versus-of-the-group",
        "The primary end point occurred in 9.1% of the canagliflozin group versus 12.3% of the "
        "placebo group.",
        effects=(("percent", 9.1, None, None), ("percent", 12.3, None, None)),
    ),
    Row(
        "arm-shares/arm-named-in-brackets",
        "Remission rates were 38% (drug) and 21% (placebo).",
        effects=(("percent", 38.0, None, None), ("percent", 21.0, None, None)),
    ),
    Row(
        "arm-shares/counts-improved-compared-with-controls",
        "Of the treated patients, 18 (60%) improved, compared with 9 (30%) controls.",
        effects=(("percent", 60.0, None, None), ("percent", 30.0, None, None)),
    ),
    Row(
        "arm-shares/threshold-achieved-by-with-and-with",
        "HbA1c below 7% was achieved by 45% with the drug and 30% with placebo.",
        effects=(("percent", 45.0, None, None), ("percent", 30.0, None, None)),
    ),
    Row(
        "arm-shares/trap-randomised-to-the-drug",
        "Of 300 participants, 156 (52%) were randomised to the drug.",
        effects=(),
    ),
    Row(
        "arm-shares/trap-survey-response-rate",
        "The response rate to the survey was 64% (1,280/2,000).",
        effects=(),
    ),
    Row(
        "arm-shares/trap-delivered-in-sessions",
        "The intervention was delivered as planned in 92% of sessions.",
        effects=(),
    ),
    Row(
        "arm-shares/trap-sample-female-and-had",
        "Participants were 62% female and 38% had hypertension.",
        effects=(),
    ),
    # fifteenth batch (h-gen), answers fixed first: 4 of 5 right on first run
    Row(
        "nnt-in-words/nnt-to-prevent-over-years-was",
        "The NNT to prevent one fracture over 3 years was 45.",
        effects=(("NNT", 45.0, None, None),),
    ),
    Row(
        "nnt-in-words/colon-and-bare-interval",
        "Number needed to treat: 12 (8–22).",
        effects=(("NNT", 12.0, 8.0, 22.0),),
    ),
    Row(
        "nnt-in-words/one-in-every-treated-benefited",
        "One in every 12 patients treated benefited from the drug.",
        effects=(("NNT", 12.0, None, None),),
    ),
    Row(
        "nnt-in-words/trap-treated-patients-count",
        "Of the 120 patients treated, one developed a rash.",
        effects=(),
        n=120,
    ),
    Row(
        "bare-count-n/thereof-randomised-words",
        "Of the three hundred screened, one hundred and twelve were randomised.",
        n=112,
    ),
    # h-gen4 batch (issue 14 point 2): per-group percentages, designs and totals in
    # further phrasings, each class in several journals' styles; answers fixed by the corpus
    # README before the first run
    # a single group's rate stated with "rate was"
    Row(
        "rate-was/complete-response-rate",
        "Results: The complete response rate was 38% and the partial response rate 24%.",
        effects=(("percent", 38.0, None, None), ("percent", 24.0, None, None)),
    ),
    Row(
        "rate-was/readmission-and-mortality-rate",
        "Results: The 30-day readmission rate was 12.4% and the mortality rate 3.1%.",
        effects=(("percent", 12.4, None, None), ("percent", 3.1, None, None)),
    ),
    Row(
        "rate-was/union-rate-treated-and-control",
        "Union rate in the treated group was 100% and in the control group 62.5% (P = 0.03).",
        effects=(("percent", 100.0, None, None), ("percent", 62.5, None, None)),
    ),
    Row(
        "rate-was/five-year-survival-rates",
        "The 5-year overall survival rate was 67.2%, and the disease-free survival rate was 58.9%.",
        effects=(("percent", 67.2, None, None), ("percent", 58.9, None, None)),
    ),
    Row(
        "rate-was/semicolon-complication-rates",
        "The overall complication rate was 7.9%; the rate of major complications was 2.3%.",
        effects=(("percent", 7.9, None, None), ("percent", 2.3, None, None)),
    ),
    Row(
        "rate-was/trap-threshold-in-the-definition",
        "The response rate, defined as a pain reduction of at least 50%, was 61%.",
        effects=(("percent", 61.0, None, None),),
    ),
    # a share written "in x%" with no noun after it
    Row(
        "bare-in-percent/closure-partial-failure",
        "Complete closure was achieved in 71.3%, partial closure in 18.2% and failure in 10.5%.",
        effects=(
            ("percent", 71.3, None, None),
            ("percent", 18.2, None, None),
            ("percent", 10.5, None, None),
        ),
    ),
    Row(
        "bare-in-percent/recurrence-occurred-in",
        "Recurrence occurred in 9.8% during a median follow-up of 24 months.",
        effects=(("percent", 9.8, None, None),),
    ),
    Row(
        "bare-in-percent/technical-and-clinical-success",
        "Technical success was obtained in 97% and clinical success in 89%.",
        effects=(("percent", 97.0, None, None), ("percent", 89.0, None, None)),
    ),
    Row(
        "bare-in-percent/minor-and-major-complications",
        "Minor complications were seen in 6.5% and major complications in 1.2% of procedures.",
        effects=(("percent", 6.5, None, None), ("percent", 1.2, None, None)),
    ),
    Row(
        "bare-in-percent/trap-threshold-then-in",
        "A reduction in pain of at least 30% was reported in 54%.",
        effects=(("percent", 54.0, None, None),),
    ),
    Row(
        "bare-in-percent/trap-imaging-available-in",
        "Follow-up imaging was available in 88%.",
        effects=(),
    ),
    # "n [x%] of N", "n/N (x%)", "(n=a/b, x%)", "by n of N (x%)"
    Row(
        "count-of-total-percent/lancet-square-brackets-middle-dot",
        "Serious adverse events occurred in 212 [64·2%] of 330 patients in the drug group and "
        "198 [60·0%] of 330 in the placebo group.",
        effects=(("percent", 64.2, None, None), ("percent", 60.0, None, None)),
    ),
    Row(
        "count-of-total-percent/fraction-then-percent",
        "Clinical cure was achieved by 218/330 (66.1%) patients with the drug and 190/331 "
        "(57.4%) with placebo.",
        effects=(("percent", 66.1, None, None), ("percent", 57.4, None, None)),
    ),
    Row(
        "count-of-total-percent/n-equals-fraction-comma-percent",
        "Recurrence was observed during follow-up (n=45/120, 37.5%).",
        effects=(("percent", 37.5, None, None),),
    ),
    Row(
        "count-of-total-percent/reported-by-n-of-n",
        "Dizziness was reported by 56 of 190 (29.5%).",
        effects=(("percent", 29.5, None, None),),
    ),
    Row(
        "count-of-total-percent/fraction-in-each-group",
        "Mortality at 90 days was 31/152 (20.4%) in the early group versus 45/150 (30.0%) in "
        "the delayed group.",
        effects=(("percent", 20.4, None, None), ("percent", 30.0, None, None)),
    ),
    Row(
        "count-of-total-percent/trap-square-bracket-women",
        "Of the 330 patients, 212 [64·2%] were women.",
        effects=(),
    ),
    # shares of categories listed after what they are shares of
    Row(
        "category-shares/most-frequent-adverse-events",
        "The most frequent adverse events were fatigue (31%), nausea (22%) and headache (9%).",
        effects=(
            ("percent", 31.0, None, None),
            ("percent", 22.0, None, None),
            ("percent", 9.0, None, None),
        ),
    ),
    Row(
        "category-shares/supplements-most-commonly-used",
        "The supplements most commonly used were multivitamins (23%), fish oil (11%) and "
        "vitamin D (8.5%).",
        effects=(
            ("percent", 23.0, None, None),
            ("percent", 11.0, None, None),
            ("percent", 8.5, None, None),
        ),
    ),
    Row(
        "category-shares/prevalence-highest-among",
        "Prevalence of insufficiency was highest among smokers (49%), graduates (45%) and shift "
        "workers (41%).",
        effects=(
            ("percent", 49.0, None, None),
            ("percent", 45.0, None, None),
            ("percent", 41.0, None, None),
        ),
    ),
    Row(
        "category-shares/reasons-for-use-included",
        "Reasons for use included general health (58.2%), immunity (31.4%) and preventing "
        "colds (12.0%).",
        effects=(
            ("percent", 58.2, None, None),
            ("percent", 31.4, None, None),
            ("percent", 12.0, None, None),
        ),
    ),
    Row(
        "category-shares/trap-sample-described",
        "Participants were mostly women (61%), white (78%) and non-smokers (85%).",
        effects=(),
    ),
    Row(
        "category-shares/trap-conditions-at-baseline",
        "At baseline, hypertension (42%), diabetes (18%) and obesity (33%) were common.",
        effects=(),
    ),
    # allocation and baseline shares in a participant-flow sentence are not effects; events
    # with their shares in each arm are
    Row(
        "flow-not-effect/analysed-by-arm",
        "In total, 4,575 were analysed: 2,313 (50.6%) in the intervention arm and 2,262 (49.4%) "
        "in the control arm.",
        effects=(),
    ),
    Row(
        "flow-not-effect/women-and-mean-age",
        "We enrolled 2,945 adults; 1,802 women (61.2%); mean age 58 years.",
        effects=(),
        n=2945,
    ),
    Row(
        "flow-not-effect/assigned-to-each-arm",
        "Of the 812 randomised, 404 (49.8%) were assigned to zinc and 408 (50.2%) to placebo.",
        effects=(),
    ),
    Row(
        "flow-not-effect/outcome-events-both-arms",
        "The primary outcome occurred in 131 participants (5.7%) in the intervention arm and "
        "178 (7.9%) in the control arm.",
        effects=(("percent", 5.7, None, None), ("percent", 7.9, None, None)),
    ),
    Row(
        "flow-not-effect/deaths-in-both-arms",
        "There were 48 deaths (10.2%) in the vitamin C arm and 69 (14.6%) in the placebo arm.",
        effects=(("percent", 10.2, None, None), ("percent", 14.6, None, None)),
    ),
    Row(
        "flow-not-effect/trap-follow-up-completed-by",
        "Follow-up was completed by 1,102 (93.4%) in the intervention group and 1,087 (92.1%) "
        "in the control group.",
        effects=(),
    ),
    # a review's results with no design word: estimates pooled over the included studies
    Row(
        "review-results/included-studies-involving-adults",
        "We included 21 studies involving 3,402 adults. Creatine improved short-term memory "
        "(SMD −0.62, 95% CI −0.91 to −0.33).",
        design="meta-analysis",
        n=3402,
    ),
    Row(
        "review-results/trials-with-children-were-included",
        "Thirty-eight trials with 7,800 children were included. Zinc shortened diarrhoea "
        "(MD −0.69 days, 95% CI −0.97 to −0.41).",
        design="meta-analysis",
        n=7800,
    ),
    Row(
        "review-results/rcts-met-the-criteria",
        "Fourteen RCTs (2,310 participants) met the eligibility criteria. Probiotics reduced "
        "necrotising enterocolitis (RR 0.57, 95% CI 0.43 to 0.74).",
        design="meta-analysis",
        n=2310,
    ),
    Row(
        "review-results/cohort-studies-comprising",
        "Twelve cohort studies comprising 410,221 participants were included; higher intake was "
        "associated with lower mortality (RR 0.88, 95% CI 0.81 to 0.95).",
        design="meta-analysis",
        n=410221,
    ),
    Row(
        "review-results/trap-trial-included-patients",
        "We included 120 patients with migraine, who were randomised to riboflavin or placebo "
        "(MD −1.2 days, 95% CI −2.0 to −0.4).",
        design="rct",
        n=120,
    ),
    # a design line at the start wins over designs named later
    Row(
        "design-line-wins/cohort-then-trials-mentioned",
        "Design: Prospective cohort study.\nSetting: 22 assessment centres in the UK.\n"
        "Participants: 385,292 adults without cancer.\nResults: Fish oil use was associated "
        "with lower mortality (HR 0.87, 95% CI 0.83 to 0.90), in line with randomised "
        "controlled trials.",
        design="cohort",
    ),
    Row(
        "design-line-wins/bmj-run-in-design-then-data-sources",
        "Objective To assess vitamin K and fractures. Design Systematic review and "
        "meta-analysis. Data sources MEDLINE and Embase were searched for randomised "
        "controlled trials and prospective cohort studies. Results Eleven studies were "
        "included.",
        design="meta-analysis",
    ),
    Row(
        "design-line-wins/nested-case-control-within-a-trial",
        "Study design: Nested case-control study within a randomised trial.\nMethods: Cases "
        "of incident diabetes were matched to controls on age and sex.",
        design="case-control",
    ),
    Row(
        "design-line-wins/target-trial-emulation-cohort",
        "DESIGN: Retrospective cohort study.\nMETHODS: We emulated a randomized trial with "
        "registry data of 61,380 adults starting either drug.\nRESULTS: Mortality was lower "
        "with drug A (HR 0.81, 95% CI 0.72 to 0.91).",
        design="cohort",
    ),
    # "case-control" in every spelling
    Row(
        "case-control-spelling/en-dash",
        "This population-based case–control study included 1,204 cases of hip fracture and "
        "4,816 controls.",
        design="case-control",
        n=6020,
    ),
    Row(
        "case-control-spelling/unicode-hyphen",
        "We conducted a nested case‐control study within a cohort of statin users.",
        design="case-control",
    ),
    Row(
        "case-control-spelling/space",
        "A case control study of 310 women with preeclampsia and 620 controls was conducted.",
        design="case-control",
        n=930,
    ),
    Row(
        "case-control-spelling/en-dash-design-line",
        "Design: Matched case–control study.\nResults: Use of the supplement was not "
        "associated with risk (OR 1.08, 95% CI 0.90 to 1.30).",
        design="case-control",
    ),
    # a retrospective series of treated patients with no comparison is a case series
    Row(
        "retrospective-series/treated-at-three-centres",
        "A total of 113 patients with 114 aneurysms were treated with the device at three "
        "centres between 2011 and 2018. We retrospectively collected clinical and angiographic "
        "data. Complete occlusion was achieved in 81.4%.",
        design="case-series",
        n=113,
    ),
    Row(
        "retrospective-series/retrospectively-analysed-one-technique",
        "We retrospectively analysed 64 patients who underwent arthroscopic repair with the "
        "suture-bridge technique between 2015 and 2020. Re-tear occurred in 7 patients (10.9%).",
        design="case-series",
        n=64,
    ),
    Row(
        "retrospective-series/data-collected-retrospectively",
        "Data of 38 children who received intravenous iron at our hospital were collected "
        "retrospectively. Haemoglobin rose in all of them.",
        design="case-series",
        n=38,
    ),
    Row(
        "retrospective-series/in-this-retrospective-study",
        "In this retrospective study, 47 patients treated with low-dose naltrexone for "
        "fibromyalgia were identified from pharmacy records; 29 (61.7%) reported improvement.",
        design="case-series",
        n=47,
    ),
    Row(
        "retrospective-series/trap-two-treatments-hazard-ratio",
        "We retrospectively studied 2,150 patients treated with either drug A or drug B; drug A "
        "was associated with lower mortality (HR 0.78, 95% CI 0.64 to 0.95).",
        design="cohort",
    ),
    Row(
        "retrospective-series/trap-exposure-odds-ratio",
        "In this retrospective study of 8,412 adults treated in intensive care, prior statin use "
        "was associated with lower odds of sepsis (OR 0.81, 95% CI 0.70 to 0.94).",
        design="cohort",
    ),
    # n as the sum of the groups compared when no total is written
    Row(
        "n-sum-of-groups/technique-a-compared-with-b",
        "Outcomes of 75 patients treated with technique A were compared with 51 patients treated "
        "with technique B.",
        n=126,
    ),
    Row(
        "n-sum-of-groups/receiving-supplement-and-placebo",
        "The analysis included 82,210 participants receiving the supplement and 80,921 receiving "
        "placebo.",
        n=163131,
    ),
    Row(
        "n-sum-of-groups/underwent-one-and-the-other",
        "Sixty-two patients underwent laparoscopic surgery and 58 underwent open surgery.",
        n=120,
    ),
    Row(
        "n-sum-of-groups/users-and-non-users-identified",
        "We identified 3,412 metformin users and 6,824 non-users in the registry.",
        n=10236,
    ),
    # n from a total of births, pregnancies, deliveries or admissions, not a later event count
    Row(
        "n-total-noun/live-births-followed",
        "All 1 456 219 singleton live births in Denmark were followed from birth; 58 917 "
        "children were diagnosed with asthma.",
        n=1456219,
    ),
    Row(
        "n-total-noun/pregnancies-included",
        "The study included 24,380 pregnancies, of which 1,102 ended in preterm delivery.",
        n=24380,
    ),
    Row(
        "n-total-noun/admissions-analysed",
        "We analysed 96,512 admissions to 42 intensive care units; 12,440 patients died in "
        "hospital.",
        n=96512,
    ),
    Row(
        "n-total-noun/among-deliveries",
        "Among 310,654 deliveries, 4,213 infants had neonatal hypoglycaemia.",
        n=310654,
    ),
    # a labelled estimate's unlabelled CI in the second item of a semicolon list
    Row(
        "second-item-ci/crude-then-adjusted-irr",
        "Infections were more frequent (crude IRR 1.32, 95% CI 1.16 to 1.50; adjusted IRR 1.24, "
        "1.09 to 1.41).",
        effects=(("IRR", 1.32, 1.16, 1.5), ("IRR", 1.24, 1.09, 1.41)),
    ),
    Row(
        "second-item-ci/unadjusted-then-adjusted-or",
        "Use was associated with fracture (unadjusted OR 1.85, 95% CI 1.40–2.44; adjusted OR "
        "1.52, 1.12–2.06).",
        effects=(("OR", 1.85, 1.4, 2.44), ("OR", 1.52, 1.12, 2.06)),
    ),
    Row(
        "second-item-ci/hr-then-multivariable-hr",
        "Risk was higher in the top quartile (HR 1.41, 95% CI 1.18 to 1.69; multivariable HR "
        "1.29, 1.06 to 1.57).",
        effects=(("HR", 1.41, 1.18, 1.69), ("HR", 1.29, 1.06, 1.57)),
    ),
    Row(
        "second-item-ci/rr-in-men-then-women",
        "Fracture risk was lower (RR in men 0.82, 95% CI 0.71-0.95; RR in women 0.91, 0.80-1.04).",
        effects=(("RR", 0.82, 0.71, 0.95), ("RR", 0.91, 0.8, 1.04)),
    ),
    Row(
        "second-item-ci/md-at-two-times",
        "Weight fell more with the drug (MD at 6 months −2.1 kg, 95% CI −3.0 to −1.2; MD at 12 "
        "months −1.4 kg, −2.5 to −0.3).",
        effects=(("MD", -2.1, -3.0, -1.2), ("MD", -1.4, -2.5, -0.3)),
    ),
    # a second probe of the h-gen4 batch's classes, written after its rules with answers
    # fixed first: 15 of 16 right on first run; the miss ('9,870 not taking it') let the second
    # group's verb be negated
    Row(
        "rate-was/eradication-rate-reached",
        "In the per-protocol analysis the eradication rate reached 92.6%.",
        effects=(("percent", 92.6, None, None),),
    ),
    Row(
        "rate-was/trap-rate-was-lower-by",
        "The readmission rate was 14% lower with telemonitoring.",
        effects=(),
    ),
    Row(
        "bare-in-percent/resolved-in-and-persisted-in",
        "Symptoms resolved in 64.0% and persisted in 36.0% at 6 months.",
        effects=(("percent", 64.0, None, None), ("percent", 36.0, None, None)),
    ),
    Row(
        "bare-in-percent/trap-performed-in",
        "Biopsy was performed in 42% of cases.",
        effects=(),
    ),
    Row(
        "count-of-total-percent/jama-n-of-n-bracket-arms",
        "Delirium occurred in 43 of 211 patients (20.4%) receiving dexmedetomidine vs 68 of 210 "
        "(32.4%) receiving placebo.",
        effects=(("percent", 20.4, None, None), ("percent", 32.4, None, None)),
    ),
    Row(
        "count-of-total-percent/fraction-square-brackets",
        "Mortality was 17/98 [17.3%] with early surgery and 29/101 [28.7%] with conservative care.",
        effects=(("percent", 17.3, None, None), ("percent", 28.7, None, None)),
    ),
    Row(
        "category-shares/leading-causes-of-death",
        "The leading causes of death were sepsis (38%), respiratory failure (27%) and "
        "haemorrhage (11%).",
        effects=(
            ("percent", 38.0, None, None),
            ("percent", 27.0, None, None),
            ("percent", 11.0, None, None),
        ),
    ),
    Row(
        "category-shares/trap-most-were-women",
        "Most participants were women (68%) and had a university degree (54%).",
        effects=(),
    ),
    Row(
        "flow-not-effect/trap-randomised-per-group",
        "A total of 600 participants were randomised, 301 (50.2%) to the drug and 299 (49.8%) to "
        "placebo.",
        effects=(),
        n=600,
    ),
    Row(
        "review-results/studies-were-eligible-hr",
        "Nine prospective studies (n = 52,418) were eligible. Higher vitamin D levels were linked "
        "to lower mortality (HR 0.81, 95% CI 0.72 to 0.91).",
        design="meta-analysis",
        n=52418,
    ),
    Row(
        "design-line-wins/jama-design-setting-participants",
        "Design, Setting, and Participants: This cross-sectional study used survey data from "
        "5,214 adults. Results of previous randomized clinical trials were compared.",
        design="cohort",
    ),
    Row(
        "case-control-spelling/em-dash-population-based",
        "In a population-based case—control study, 512 cases and 1,024 controls were included.",
        design="case-control",
        n=1536,
    ),
    Row(
        "retrospective-series/retrospective-review-of-injected",
        "We retrospectively reviewed 29 knees that received platelet-rich plasma injections; pain "
        "improved in 21.",
        design="case-series",
    ),
    Row(
        "n-sum-of-groups/taking-and-not-taking",
        "The cohort comprised 5,120 women taking hormone therapy and 9,870 not taking it.",
        n=14990,
    ),
    Row(
        "n-total-noun/deliveries-were-included",
        "A total of 48,233 deliveries were included, and 1,950 neonates were admitted to "
        "intensive care.",
        n=48233,
    ),
    Row(
        "second-item-ci/or-then-aor-in-brackets",
        "Obesity was associated with asthma [OR 1.62, 95% CI 1.31–2.00; aOR 1.45, 1.16–1.81].",
        effects=(("OR", 1.62, 1.31, 2.0), ("OR", 1.45, 1.16, 1.81)),
    ),
    # traps written after the rules: a rate at baseline, a rate of taking part
    Row(
        "rate-was/trap-prevalence-at-baseline",
        "At baseline, the prevalence of hypertension was 45% and that of diabetes 12%.",
        effects=(),
    ),
    Row(
        "rate-was/trap-survey-response-rate",
        "The survey response rate was 64%.",
        effects=(),
    ),
    Row(
        "rate-was/recurrence-rate-during-follow-up",
        "The recurrence rate during follow-up was 9.1%.",
        effects=(("percent", 9.1, None, None),),
    ),
    Row(
        "rate-was/trap-rate-of-adherence-in-a-group",
        "The rate of adherence in the intervention group was 81.2%.",
        effects=(),
    ),
    # Issue 14 point 2, design and n families of sets J-L (h-gen4), written and annotated by the
    # corpus README before any rule was changed for them. First run:
    # review-estimates-unlabelled 1/5, assigned-to-placebo 1/6, group-sizes-total 2/6,
    # part-of-planned 2/5, long-qualifier 1/5 (its one pass three groups of ten making 30 by
    # chance; that row was reworded before any rule, 0/5), one-patient-unaged 0/5,
    # own-cases-verbs 3/5, cohort-in-trial 2/5 (12/42); lone-label-lines, written after those,
    # 2/5 (a trap of two studies under headings replaced, before any rule, by a fifth label-line
    # group-sizes-total: no total is written, only each group's size; n is their sum
    Row(
        "group-sizes-total/groups-named-with-animals-in-brackets",
        "Male Sprague-Dawley rats were randomly divided into a sham group (10 rats), a vehicle "
        "group (12 rats) and a curcumin group (12 rats) and followed for 6 weeks.",
        n=34,
        design="animal",
    ),
    Row(
        "group-sizes-total/arms-with-patients-in-brackets",
        "Adults with acute gout were randomly assigned to receive colchicine (118 patients) or "
        "placebo (121 patients) for 5 days.",
        n=239,
        design="rct",
    ),
    Row(
        "group-sizes-total/second-arm-after-a-dose",
        "In this double-blind trial, 58 children were randomly assigned to zinc 20 mg daily and 61 "
        "to placebo syrup for 10 days.",
        n=119,
        design="rct",
    ),
    Row(
        "group-sizes-total/second-arm-without-its-verb",
        "In a randomised trial at two clinics, 75 volunteers were allocated to the 0.5% lotion and "
        "77 the vehicle lotion.",
        n=152,
        design="rct",
    ),
    Row(
        "group-sizes-total/three-diets-with-hens-counted",
        "Laying hens were randomly allotted to a basal diet (40 hens), the basal diet with 1% "
        "garlic powder (40 hens) or with 2% garlic powder (40 hens) for 8 weeks.",
        n=120,
        design="animal",
    ),
    Row(
        "group-sizes-total/trap-completers-of-a-stated-total",
        "Of the 240 randomised participants, 118 in the intervention group and 112 in the control "
        "group completed follow-up in this randomised trial.",
        n=240,
        design="rct",
    ),
    # part-of-planned: "X of Y people were randomised" counts X; "Of Y enrolled people" counts Y
    Row(
        "part-of-planned/stopped-after-some-of-the-planned",
        "In this randomised trial, recruitment closed early after 214 of 400 planned participants "
        "had been randomised to melatonin or placebo.",
        n=214,
        design="rct",
    ),
    Row(
        "part-of-planned/of-the-enrolled-infants-cases-and-controls",
        "In this case-control study, of 1,502 enrolled infants, 498 were cases and 1,004 were "
        "controls.",
        n=1502,
        design="case-control",
    ),
    Row(
        "part-of-planned/of-the-randomized-patients-some-completed",
        "This was a placebo-controlled trial. Of 860 randomized patients, 812 completed the trial.",
        n=860,
        design="rct",
    ),
    Row(
        "part-of-planned/some-of-the-intended-children-enrolled",
        "Funding for the cohort study ended when 96 of the 150 intended children had been "
        "enrolled; 12 had asthma.",
        n=96,
    ),
    Row(
        "part-of-planned/some-of-the-eligible-women-randomly-assigned",
        "In total, 58 of 72 eligible women were randomly assigned to yoga or stretching.",
        n=58,
        design="rct",
    ),
    # long-qualifier: an abbreviation in brackets, a dotted one, or five words between the count
    # and the people it counts
    Row(
        "long-qualifier/abbreviation-in-brackets-before-patients",
        "We randomly assigned 64 chronic obstructive pulmonary disease (COPD) patients to inhaled "
        "budesonide or placebo; 9 patients withdrew.",
        n=64,
        design="rct",
    ),
    Row(
        "long-qualifier/dotted-country-before-veterans",
        "This prospective cohort study included 12,480 U.S. veterans aged 50 years or older; we "
        "documented 640 incident cases of dementia.",
        n=12480,
        design="cohort",
    ),
    Row(
        "long-qualifier/five-words-before-rabbits",
        "Thirty-six adult male New Zealand white rabbits were randomly divided into two equal "
        "groups of 14 and 28 days of healing.",
        n=36,
        design="animal",
    ),
    Row(
        "long-qualifier/people-named-by-their-condition-then-a-clause",
        "In this double-blind, placebo-controlled study 90 insomniacs with a history of shift work "
        "were assigned to valerian or placebo.",
        n=90,
        design="rct",
    ),
    Row(
        "long-qualifier/dotted-country-after-enrolled",
        "We enrolled 220 U.K. adults with moderate asthma in a cohort followed for 2 years; 31 "
        "adults were admitted to hospital.",
        n=220,
        design="cohort",
    ),
    # one-patient-unaged: a case report whose patient is one, with no "A 52-year-old" opening
    Row(
        "one-patient-unaged/we-report-here-a-case",
        "We report here a case of drug-induced lupus in an elderly woman treated with hydralazine "
        "whose rash cleared on withdrawal.",
        n=1,
        design="case-series",
    ),
    Row(
        "one-patient-unaged/herein-we-describe-a-patient",
        "Herein we describe a patient with refractory status epilepticus who responded to "
        "ketamine after three failed anaesthetics.",
        n=1,
        design="case-series",
    ),
    Row(
        "one-patient-unaged/age-without-an-article",
        "Case presentation\n47-year-old female presented with painless jaundice and weight loss. "
        "Imaging showed a mass in the pancreatic head.",
        n=1,
        design="case-series",
    ),
    Row(
        "one-patient-unaged/a-child-with-the-disease",
        "A child with drug-resistant epilepsy caused by a GLUT1 mutation was given a modified "
        "Atkins diet. After six months the child was free of seizures.",
        n=1,
        design="case-series",
    ),
    Row(
        "one-patient-unaged/age-after-the-patient",
        "We present a previously healthy woman, 34 years old, who developed severe hepatitis "
        "after taking a green tea extract.",
        n=1,
        design="case-series",
    ),
    # review-estimates-unlabelled: a systematic review whose pooled estimates print no "95% CI",
    # or which calls itself "this review", is a meta-analysis when it counts its studies
    Row(
        "review-estimates-unlabelled/brackets-without-ci-label",
        "A systematic review was conducted in four databases up to 2021. Fourteen RCTs with 2,310 "
        "adults were included in the quantitative synthesis. Creatine increased lean mass (MD = "
        "1.1 kg [0.6, 1.6]).",
        design="meta-analysis",
    ),
    Row(
        "review-estimates-unlabelled/we-performed-this-review-and-searched",
        "To settle the question we performed this review. We searched PubMed, Scopus and CENTRAL. "
        "Twenty-one trials involving 3,040 patients met the inclusion criteria. Data combined from "
        "these trials showed fewer relapses (RR 0.81; 95% CI 0.70–0.93).",
        design="meta-analysis",
    ),
    Row(
        "review-estimates-unlabelled/odds-ratio-with-dashed-interval",
        "We systematically searched MEDLINE and Embase for trials of melatonin in delirium. Nine "
        "trials (1,236 participants) were included. Melatonin lowered the incidence of delirium "
        "(OR 0.62 [0.45-0.85]).",
        design="meta-analysis",
    ),
    Row(
        "review-estimates-unlabelled/this-review-of-twelve-trials",
        "We present this review of trials of vitamin K in osteoporosis. Three databases were "
        "searched and 12 trials with 4,140 women were included. Fracture risk fell (RR = 0.71, "
        "0.55–0.92).",
        design="meta-analysis",
    ),
    Row(
        "review-estimates-unlabelled/trap-narrative-review-citing-one-trial",
        "This narrative review summarises trials of zinc for colds; one trial reported a shorter "
        "duration (MD −1.6 days, 95% CI −2.4 to −0.8).",
        design="mechanistic",
    ),
    # assigned-to-placebo: a trial that assigns people to placebo or names its randomisation
    # arms is randomised, whether or not it writes "randomly"
    Row(
        "assigned-to-placebo/assigned-to-either-a-or-placebo",
        "We assigned 412 adults with knee pain to receive either turmeric extract or placebo "
        "capsules for 12 weeks. Pain fell more with turmeric.",
        n=412,
        design="rct",
    ),
    Row(
        "assigned-to-placebo/allocated-to-patches-or-placebo-patches",
        "Smokers were allocated to nicotine patches or to placebo patches in a 1:1 ratio at three "
        "clinics. Abstinence at 6 months was higher with nicotine.",
        design="rct",
    ),
    Row(
        "assigned-to-placebo/randomization-arms",
        "Methods: Randomization arms were A: metformin 1 g twice daily and B: metformin plus "
        "supervised exercise. Treatment continued until progression.",
        design="rct",
    ),
    Row(
        "assigned-to-placebo/after-randomization-counts",
        "After randomization, 150 patients received apixaban and 148 received placebo; bleeding "
        "was rare.",
        n=298,
        design="rct",
    ),
    Row(
        "assigned-to-placebo/stratified-randomization",
        "Stratified randomization by centre was used; 98 women received the pessary and 97 usual "
        "care.",
        design="rct",
    ),
    Row(
        "assigned-to-placebo/trap-cohort-of-those-who-chose",
        "In this cohort, 3,210 adults who chose to take fish oil were compared with 6,420 adults "
        "who did not; placebo was not used.",
        n=9630,
        design="cohort",
    ),
    # own-cases-verbs: the authors' own cases announced in other tenses and word orders
    Row(
        "own-cases-verbs/we-will-present-cases-and-a-review",
        "In this article we will present 4 clinical cases of euglycaemic ketoacidosis, together "
        "with a narrative review of the literature.",
        n=4,
        design="case-series",
    ),
    Row(
        "own-cases-verbs/we-report-here-two-patients",
        "We report here two patients with pemphigus who relapsed after rituximab, with a review "
        "of the literature.",
        n=2,
        design="case-series",
    ),
    Row(
        "own-cases-verbs/three-cases-are-described-here",
        "Three cases of hypercalcaemia from vitamin D overdose are described here, and the "
        "literature is reviewed.",
        n=3,
        design="case-series",
    ),
    Row(
        "own-cases-verbs/we-would-like-to-present-five-cases",
        "We would like to present five cases of methanol poisoning treated with fomepizole, and "
        "we review the literature on its use.",
        n=5,
        design="case-series",
    ),
    Row(
        "own-cases-verbs/trap-review-citing-reported-cases",
        "This review summarises the 42 reported cases of hepatitis after kava use and the "
        "mechanisms proposed for it.",
        design="mechanistic",
    ),
    # cohort-in-trial: people followed within a trial, their factors studied, not the trial's
    # own comparison
    Row(
        "cohort-in-trial/design-line-cohort-of-patients-enrolled-in-a-trial",
        "Design\nCohort study of patients enrolled in a randomized clinical trial.\nParticipants"
        "\n607 patients with glaucoma were enrolled at 14 centers.",
        n=607,
        design="cohort",
    ),
    Row(
        "cohort-in-trial/cohort-analysis-of-participants-recruited-to-a-trial",
        "This prospective cohort analysis of participants recruited to a randomised trial of "
        "aspirin examined 1,840 adults; higher BMI predicted bleeding.",
        n=1840,
        design="cohort",
    ),
    Row(
        "cohort-in-trial/observational-study-of-women-from-a-trial",
        "An observational study of 2,204 women taking part in a placebo-controlled trial of "
        "calcium examined predictors of fracture.",
        n=2204,
        design="cohort",
    ),
    Row(
        "cohort-in-trial/cohort-drawn-from-the-trial-population",
        "Design: Cohort study drawn from the participants of a double-blind randomised trial. "
        "Setting: 40 clinics. 3,112 men were followed.",
        n=3112,
        design="cohort",
    ),
    Row(
        "cohort-in-trial/trap-a-randomized-trial-itself",
        "Design: Randomized clinical trial of patients enrolled at 14 centers. 607 patients were "
        "randomized.",
        n=607,
        design="rct",
    ),
    # lone-label-lines: an abstract whose label lines were mostly lost keeps one or two (a
    # "Main outcome measures" or "Participants" line); those are not an article's headings
    Row(
        "lone-label-lines/outcome-label-among-unlabelled-paragraphs",
        "To test whether honey eases cough in children with colds.\n\nDouble-blind randomised "
        "placebo-controlled trial.\n\nFour general practices in Leeds.\n\n212 children aged 2 to "
        "11 years.\n\nMain outcome measures\n\nCough frequency on day 3.\n\nThe mean difference in "
        "cough score was −1.2 points (95% CI −1.9 to −0.5).",
        n=212,
        design="rct",
    ),
    Row(
        "lone-label-lines/setting-line-after-an-aim",
        "We asked whether night shifts raise the risk of gestational diabetes.\nSetting\nA "
        "prospective cohort of 3,418 nurses in Denmark was followed through pregnancy.\nResults\n"
        "Night work was associated with a higher risk (HR 1.31, 95% CI 1.05 to 1.63).",
        n=3418,
        design="cohort",
    ),
    Row(
        "lone-label-lines/participants-line-after-a-design-sentence",
        "Open-label randomised trial of early mobilisation after hip fracture surgery.\n"
        "Participants\n180 older adults were randomly assigned to mobilisation within 24 hours or "
        "usual care.",
        n=180,
        design="rct",
    ),
    Row(
        "lone-label-lines/interventions-line-between-paragraphs",
        "To compare two exercise programmes for knee osteoarthritis.\n\nRandomised controlled "
        "trial in three clinics; 146 patients took part.\n\nInterventions\n\nAquatic exercise or "
        "land-based exercise twice weekly for 12 weeks.",
        n=146,
        design="rct",
    ),
    Row(
        "lone-label-lines/participants-and-results-lines-in-a-case-control-study",
        "To estimate whether proton pump inhibitors raise the risk of hip fracture.\n\n"
        "Population-based case-control study.\n\nParticipants\n\n410 women with hip fracture "
        "and 820 matched controls.\n\nResults\n\nCurrent use was associated with fracture (OR "
        "1.42, 95% CI 1.10 to 1.83).",
        n=1230,
        design="case-control",
    ),
    # h-gen4, written and annotated before the rules for them. First run: further-participants
    # 2/5.
    # further-participants: a count said to be further, additional or more is added to others;
    # the total randomised is the one said of all
    Row(
        "further-participants/run-in-then-further-then-overall",
        "The first 10 patients were enrolled in an open run-in. 120 further patients were "
        "randomised 1:1 to the two doses. Overall, 130 patients were enrolled and randomised.",
        n=130,
        design="rct",
    ),
    Row(
        "further-participants/an-additional-after-a-pilot",
        "After a pilot phase in 20 women, an additional 200 women were randomly assigned to yoga "
        "or usual care; in total 220 women were randomised.",
        n=220,
        design="rct",
    ),
    Row(
        "further-participants/another-group-after-an-interim-analysis",
        "Another 64 children were randomised after the interim analysis, and 128 children were "
        "randomised in all to zinc or placebo.",
        n=128,
        design="rct",
    ),
    Row(
        "further-participants/more-volunteers-after-sentinels",
        "Eight sentinel volunteers were dosed first and 72 more volunteers were then randomised to "
        "three dose levels; 80 volunteers were enrolled and randomised.",
        n=80,
        design="rct",
    ),
    Row(
        "further-participants/trap-a-further-group-outside-the-trial",
        "In this placebo-controlled trial, 300 patients were randomised; a further 40 patients "
        "were followed in an observational registry.",
        n=300,
        design="rct",
    ),
    # retrospective-single-group: one group of patients looked back on, no groups compared and
    # no cohort named, is a case series, even when a feature is associated with an outcome
    # within it (first run 2/6, the two traps)
    Row(
        "retrospective-single-group/patients-with-a-variant-described",
        "Methods: This is a retrospective single-centre study. We included children with a "
        "confirmed SCN2A variant. Results: We included 24 patients; their mean age at diagnosis "
        "was 9 months. Fifteen patients had seizures.",
        n=24,
        design="case-series",
    ),
    Row(
        "retrospective-single-group/treated-patients-and-a-feature-associated",
        "Methods: A total of 61 patients treated with a flow diverter at two centres were "
        "retrospectively analysed. Results: Complete occlusion was achieved in 70.5%. Larger "
        "aneurysm size was associated with incomplete occlusion (p = 0.03).",
        n=61,
        design="case-series",
    ),
    Row(
        "retrospective-single-group/multicentre-study-of-a-rare-disease",
        "Retrospective multicentre study of 42 patients with familial partial lipodystrophy. "
        "Clinical, laboratory and imaging data were collected and described; 31 patients had "
        "diabetes.",
        n=42,
        design="case-series",
    ),
    Row(
        "retrospective-single-group/records-of-a-clinic-summarised",
        "We performed a retrospective study of 18 adults with eosinophilic fasciitis seen at our "
        "clinic; 12 responded to corticosteroids and 6 needed methotrexate.",
        n=18,
        design="case-series",
    ),
    Row(
        "retrospective-single-group/trap-two-treatments-compared",
        "This retrospective study compared 212 patients treated with drug A with 198 patients "
        "treated with drug B; mortality was lower with A (HR 0.71, 95% CI 0.55 to 0.92).",
        n=410,
        design="cohort",
    ),
    Row(
        "retrospective-single-group/trap-a-retrospective-cohort-named",
        "In this retrospective cohort of 4,210 adults, current smoking was associated with a "
        "higher fracture risk.",
        n=4210,
        design="cohort",
    ),
    # review-in-background: a review another team wrote, named as having found something, does
    # not make this study a review (first run 4/5; the one miss, a trial after a dated review,
    # also needed "we randomly assigned 120 travellers", a noun the list lacks)
    Row(
        "review-in-background/cochrane-review-that-concluded",
        "A Cochrane review that concluded induction lowers caesarean rates was based on old "
        "trials. Using routinely collected data on 42,950 first births, we compared induced with "
        "spontaneous labour (OR 2.54, 95% CI 2.40 to 2.70).",
        design="cohort",
    ),
    Row(
        "review-in-background/recent-meta-analysis-found",
        "A recent meta-analysis found that vitamin D prevents falls. We followed 12,300 older "
        "adults in a registry; vitamin D users fell no less often (HR 0.97, 95% CI 0.88 to 1.07).",
        n=12300,
        design="cohort",
    ),
    Row(
        "review-in-background/dated-systematic-review-reported-before-a-trial",
        "A 2019 systematic review reported benefit from melatonin for jet lag. We randomly "
        "assigned 120 travellers to melatonin or placebo; sleep quality did not differ (MD 0.3, "
        "95% CI -0.4 to 1.0).",
        n=120,
        design="rct",
    ),
    Row(
        "review-in-background/an-earlier-review-suggested-then-a-case-control-study",
        "An umbrella review suggested that coffee protects the liver. In this case-control study "
        "of 300 cases of cirrhosis and 600 controls, coffee was associated with lower odds (OR "
        "0.61, 95% CI 0.45 to 0.83).",
        n=900,
        design="case-control",
    ),
    Row(
        "review-in-background/trap-our-own-review-found",
        "We searched MEDLINE and Embase and included 12 trials with 2,400 adults. This systematic "
        "review found that zinc shortens colds (RR 0.72, 95% CI 0.60 to 0.86).",
        design="meta-analysis",
    ),
    # met-criteria-of-recruited: of those recruited or screened, those who met the criteria are
    # the sample, their count bare or bracketed after a share (first run 2/5: the n = groups
    # row and the trap)
    Row(
        "met-criteria-of-recruited/share-then-count-in-brackets",
        "Of 2,015 adults recruited, 14.2% (286 adults) met the criteria for metabolic syndrome and "
        "entered the trial of a Mediterranean diet.",
        n=286,
    ),
    Row(
        "met-criteria-of-recruited/from-those-approached-then-groups",
        "From 860 women approached, 402 fulfilled the eligibility criteria; the lifestyle group "
        "(n=201) and the control group (n=201) were followed for a year.",
        n=402,
    ),
    Row(
        "met-criteria-of-recruited/among-children-recruited-diagnostic-criteria",
        "Of 1,150 children recruited in schools, 9.6% (110 children) met the diagnostic criteria "
        "for asthma and were followed.",
        n=110,
    ),
    Row(
        "met-criteria-of-recruited/all-inclusion-criteria",
        "Of 540 patients recruited at four hospitals, 212 fulfilled all inclusion criteria.",
        n=212,
    ),
    Row(
        "met-criteria-of-recruited/trap-per-protocol-criteria-of-the-randomised",
        "Of 1,200 patients randomised, 1,080 fulfilled the per-protocol criteria.",
        n=1200,
    ),
    # earlier-study-as-source: an earlier study named as where the controls, a questionnaire or a
    # protocol came from, or as what rates are set against, is not a second study (first run 0/5)
    Row(
        "earlier-study-as-source/controls-from-a-previous-study",
        "Risk factors for falls were studied in a hospital-based case-control study in Ontario. "
        "There were 210 cases and 420 controls, who were controls from a previous study in the "
        "same wards. Sedative use was associated with falls (OR 2.1, 95% CI 1.4 to 3.2).",
        n=630,
        design="case-control",
    ),
    Row(
        "earlier-study-as-source/questionnaire-from-a-prior-study",
        "Sleep and memory were assessed in a cross-sectional study of 880 students. The "
        "questionnaire was taken from a prior study of nurses and validated in Spanish. Short "
        "sleep was associated with poorer recall (OR 1.6, 95% CI 1.2 to 2.2).",
        n=880,
        design="cohort",
    ),
    Row(
        "earlier-study-as-source/protocol-adapted-from-an-earlier-trial",
        "Peanut allergy was evaluated in a prospective cohort study of 1,400 infants. The "
        "challenge protocol was adapted from an earlier trial in London. Early introduction was "
        "associated with less allergy (RR 0.42, 95% CI 0.25 to 0.71).",
        n=1400,
        design="cohort",
    ),
    Row(
        "earlier-study-as-source/rates-lower-than-in-a-previous-study",
        "Mortality after hip fracture was examined in a retrospective cohort study of 2,300 "
        "patients. Rates were lower than those of a previous study in the same region. Surgery "
        "within 48 hours was associated with lower mortality (HR 0.78, 95% CI 0.65 to 0.94).",
        n=2300,
        design="cohort",
    ),
    Row(
        "earlier-study-as-source/method-as-described-by-a-prior-study",
        "Iron status was measured in a cross-sectional study of 640 pregnant women in Ghana. "
        "Haemoglobin was measured as described by a prior study of the same clinics. Anaemia was "
        "associated with malaria (OR 2.4, 95% CI 1.6 to 3.6).",
        n=640,
        design="cohort",
    ),
    # Issue 14 point 2, second round on sets M and N (h-gen5): rows written and annotated by
    # the corpus README before any rule was changed for them. First run: share-than-another-share
    # 1/6 (the trap), share-compared-with-share-receiving 1/6 (the trap).
    # share-than-another-share: a group's share set against another group's with a comparative
    # and 'than (that of | the) N%', the other group named after it
    Row(
        "share-than-another-share/rate-of-for-then-that-of-for",
        "The 30-day readmission rate of 12.4% for patients discharged at weekends was higher "
        "than that of 8.1% for those discharged on weekdays (p = 0.01).",
        effects=(("percent", 12.4, None, None), ("percent", 8.1, None, None)),
    ),
    Row(
        "share-than-another-share/which-was-higher-than-the-two-others",
        "The prevalence of anaemia was 35.2% in the rural group, which was higher than the 22.7% "
        "anaemia in the urban group and the 14.0% anaemia in the suburban group.",
        effects=(
            ("percent", 35.2, None, None),
            ("percent", 22.7, None, None),
            ("percent", 14.0, None, None),
        ),
    ),
    Row(
        "share-than-another-share/mortality-among-lower-than-the-among",
        "One-year mortality of 9% among never-smokers was lower than the 18% among current "
        "smokers.",
        effects=(("percent", 9.0, None, None), ("percent", 18.0, None, None)),
    ),
    Row(
        "share-than-another-share/relapse-after-higher-than-that-of-after",
        "Relapse at six months was 27.5% after tapering, higher than that of 15.0% after abrupt "
        "cessation; P = 0.03.",
        effects=(("percent", 27.5, None, None), ("percent", 15.0, None, None)),
    ),
    Row(
        "share-than-another-share/cure-in-dogs-greater-than-that-in-dogs",
        "The cure rate of 76% in dogs given the spot-on was greater than that of 52% in dogs given "
        "the collar.",
        effects=(("percent", 76.0, None, None), ("percent", 52.0, None, None)),
    ),
    Row(
        "share-than-another-share/trap-target-set-in-advance",
        "Retention of 88% at one year was higher than the 70% expected when the trial was planned.",
        effects=(),
    ),
    # share-compared-with-share-receiving: 'N% <did> compared with M% receiving <the other>'
    Row(
        "share-compared-with-share-receiving/healed-compared-with-receiving",
        "In the surgery arm, 58% healed compared with 39% receiving dressings alone (P = .01).",
        effects=(("percent", 58.0, None, None), ("percent", 39.0, None, None)),
    ),
    Row(
        "share-compared-with-share-receiving/quit-compared-with-given",
        "Among women given the patch, 41% quit smoking compared with 22% given placebo.",
        effects=(("percent", 41.0, None, None), ("percent", 22.0, None, None)),
    ),
    Row(
        "share-compared-with-share-receiving/became-free-compared-with-taking",
        "Of the children on the ketogenic diet, 38% became seizure-free, compared with 12% taking "
        "their usual medicines.",
        effects=(("percent", 38.0, None, None), ("percent", 12.0, None, None)),
    ),
    Row(
        "share-compared-with-share-receiving/improved-versus-receiving",
        "Among those treated with the spray, 54% improved versus 31% receiving saline.",
        effects=(("percent", 54.0, None, None), ("percent", 31.0, None, None)),
    ),
    Row(
        "share-compared-with-share-receiving/developed-compared-with-kept",
        "With early mobilisation, 17% developed pneumonia compared with 29% kept on bed rest "
        "(p = 0.03).",
        effects=(("percent", 17.0, None, None), ("percent", 29.0, None, None)),
    ),
    Row(
        "share-compared-with-share-receiving/trap-women-compared-with",
        "In the surgery arm, 58% were women compared with 61% receiving dressings alone.",
        effects=(),
    ),
    # rate-fell-to-rose-to: where one group's share ended after a change, set against another's
    # (first run 2/6: the trap and the row with each group named after its share)
    Row(
        "rate-fell-to-rose-to/rose-to-whereas-fell-to",
        "After the campaign, the share of patients screened in the intervention practices rose to "
        "64%, whereas the control practices' fell to 41%.",
        effects=(("percent", 64.0, None, None), ("percent", 41.0, None, None)),
    ),
    Row(
        "rate-fell-to-rose-to/fell-to-while-rose-to",
        "Over the year, infection rates on the intervention wards fell to 4.1%, while those on the "
        "control wards rose to 6.8%.",
        effects=(("percent", 4.1, None, None), ("percent", 6.8, None, None)),
    ),
    Row(
        "rate-fell-to-rose-to/increased-to-whereas-decreased-to",
        "Vaccination coverage in the text-message group increased to 72%, whereas in the "
        "usual-care group it decreased to 58%.",
        effects=(("percent", 72.0, None, None), ("percent", 58.0, None, None)),
    ),
    Row(
        "rate-fell-to-rose-to/dropped-to-but-climbed-to",
        "At 12 months the smoking rate had dropped to 18% in the counselling group but climbed to "
        "26% in the control group (P < 0.01).",
        effects=(("percent", 18.0, None, None), ("percent", 26.0, None, None)),
    ),
    Row(
        "rate-fell-to-rose-to/fell-to-semicolon-rose-to",
        "Readmissions fell to 9.5% in the clinic arm; in the usual-care arm they rose to 13.2%.",
        effects=(("percent", 9.5, None, None), ("percent", 13.2, None, None)),
    ),
    Row(
        "rate-fell-to-rose-to/trap-hba1c-fell-to",
        "Mean HbA1c fell to 7.1% in the insulin group, whereas it rose to 8.0% in the diet group.",
        effects=(),
    ),
    # series-after-background-words: a single group looked back on stays a case series when only
    # its background speaks of prevalence, incidence, registries or risk factors (first run 1/5,
    # the trap)
    Row(
        "series-after-background-words/prevalence-in-the-background",
        "Background: The prevalence of ultra-rare epilepsies is unknown in the Gulf. Methods: "
        "This is a retrospective two-centre study. We included children with a pathogenic SCN8A "
        "variant. Results: We included 26 patients; 19 had seizures before 6 months of age.",
        n=26,
        design="case-series",
    ),
    Row(
        "series-after-background-words/incidence-rising-in-the-background",
        "Background: The incidence of vaping-related lung injury rose sharply in 2019. Methods: "
        "Adults admitted with the injury to one hospital were retrospectively studied. Results: "
        "Of 31 adults, 12 needed intensive care.",
        n=31,
        design="case-series",
    ),
    Row(
        "series-after-background-words/risk-factors-named-as-unknown",
        "Background: Risk factors for relapse after ketamine therapy are poorly understood. "
        "Methods: A retrospective study of 40 adults treated with ketamine infusions at our "
        "clinic. Results: Relapse within 3 months occurred in 45%.",
        n=40,
        design="case-series",
    ),
    Row(
        "series-after-background-words/registry-data-cited-in-the-background",
        "Background: Registry data show that few women receive the device. Methods: We "
        "retrospectively collected data on 22 women who underwent implantation at two centres. "
        "Results: No device was removed within a year.",
        n=22,
        design="case-series",
    ),
    Row(
        "series-after-background-words/trap-registry-in-the-methods",
        "Background: Little is known about late effects. Methods: We retrospectively analysed "
        "registry data on 4,120 adults treated with radiotherapy. Results: Late toxicity occurred "
        "in 8%.",
        n=4120,
        design="cohort",
    ),
    # share-with-garbled-ci: a share whose interval lost its dash in print ('95% CI 5273%') is
    # kept, its interval null (first run 2/5: the lone share and the trap)
    Row(
        "share-with-garbled-ci/two-survival-rates-respectively",
        "The 5-year disease-free and overall survival rates were 48% (95% confidence interval "
        "3759%) and 66% (95% CI 5576%), respectively.",
        effects=(("percent", 48.0, None, None), ("percent", 66.0, None, None)),
    ),
    Row(
        "share-with-garbled-ci/one-rate",
        "Complete response was seen in 31% (95% CI 2240%) of the dogs.",
        effects=(("percent", 31.0, None, None),),
    ),
    Row(
        "share-with-garbled-ci/rate-in-group-then-other",
        "Two-year local control was 81% (95% CI 7289%) after surgery and 64% (95% CI 5375%) after "
        "radiotherapy.",
        effects=(("percent", 81.0, None, None), ("percent", 64.0, None, None)),
    ),
    Row(
        "share-with-garbled-ci/semicolon-label",
        "Overall survival at three years was 57% (95% CI; 4569%), and event-free survival 44% "
        "(95% CI; 3256%).",
        effects=(("percent", 57.0, None, None), ("percent", 44.0, None, None)),
    ),
    Row(
        "share-with-garbled-ci/trap-readable-interval-kept",
        "The 3-year overall survival was 62% (95% CI 52-73%) in the transplant group.",
        effects=(("percent", 62.0, 52.0, 73.0),),
    ),
    # respectively-after-an-aside: two shares, then an aside with its own pair of numbers, then
    # what happened and the groups 'respectively' (first run 1/6: the trap)
    Row(
        "respectively-after-an-aside/with-a-median-of-visits",
        "Among responders, 42% and 30%, with a median of 5 and 7 visits, needed retreatment "
        "within a year in the laser and drop groups, respectively (P = .04).",
        effects=(("percent", 42.0, None, None), ("percent", 30.0, None, None)),
    ),
    Row(
        "respectively-after-an-aside/after-a-median-of-infusions-no-comma",
        "At six months, 18% and 9%, after a median of 2 and 3 infusions, had relapsed in the "
        "standard-dose and high-dose arms respectively.",
        effects=(("percent", 18.0, None, None), ("percent", 9.0, None, None)),
    ),
    Row(
        "respectively-after-an-aside/dashes-around-the-aside",
        "Of the infants followed up, 25.5% and 12.1% - despite similar birth weights - developed "
        "wheeze by age two in the formula and breastfed groups, respectively.",
        effects=(("percent", 25.5, None, None), ("percent", 12.1, None, None)),
    ),
    Row(
        "respectively-after-an-aside/aside-in-brackets",
        "In total, 61% and 47% (with 14 and 19 lost to follow-up) reported pain relief at one "
        "month in the acupuncture and sham groups, respectively.",
        effects=(("percent", 61.0, None, None), ("percent", 47.0, None, None)),
    ),
    Row(
        "respectively-after-an-aside/median-days-in-hospital",
        "Among survivors, 33% and 21%, with 40 and 52 median days in hospital, were readmitted "
        "within 90 days in the early and late surgery groups, respectively.",
        effects=(("percent", 33.0, None, None), ("percent", 21.0, None, None)),
    ),
    Row(
        "respectively-after-an-aside/trap-women-at-baseline",
        "At baseline, 55% and 48%, with mean ages of 61 and 63 years, were women in the drug and "
        "placebo groups, respectively.",
        effects=(),
    ),
    # efficacy-as-relative-reduction: vaccine or protective efficacy ('VE 87%') is one minus a
    # risk ratio, a relative restatement, not a group's share; the groups' rates beside it are
    # read (first run 1/6: the trap, a treatment's efficacy in one group)
    Row(
        "efficacy-as-relative-reduction/vaccine-efficacy-against",
        "Vaccine efficacy against confirmed rotavirus gastroenteritis was 72% (95% CI 45-86%).",
        effects=(),
    ),
    Row(
        "efficacy-as-relative-reduction/ve-was-against-hospitalisation",
        "VE was 64% (95% CI 31 to 81) against hospitalisation.",
        effects=(),
    ),
    Row(
        "efficacy-as-relative-reduction/protective-efficacy-of-nets",
        "The protective efficacy of the bed nets was 41% (95% CI 20-57%).",
        effects=(),
    ),
    Row(
        "efficacy-as-relative-reduction/after-attack-rates-respectively",
        "Attack rates were 2.1% and 9.8% in the vaccine and placebo groups, respectively; VE 79% "
        "(95% CI: 52-91%).",
        effects=(("percent", 2.1, None, None), ("percent", 9.8, None, None)),
    ),
    Row(
        "efficacy-as-relative-reduction/effectiveness-reached-in-adults",
        "Vaccine effectiveness reached 55% (95% CI, 38% to 67%) in adults over 65.",
        effects=(),
    ),
    Row(
        "efficacy-as-relative-reduction/trap-treatment-efficacy-in-a-group",
        "Treatment efficacy (complete healing) was 68% (95% CI 55-79%) in the gel group.",
        effects=(("percent", 68.0, 55.0, 79.0),),
    ),
    # history-before-the-study: a count's share that had something before the study ('had
    # prior surgery', 'had a history of') describes the sample, not a result (first run 2/6:
    # the trap and the row with 'had previously received')
    Row(
        "history-before-the-study/had-previous-surgery",
        "Twelve dogs (15%) had previous orthopaedic surgery.",
        effects=(),
    ),
    Row(
        "history-before-the-study/of-the-women-history-of",
        "Of the 240 women, 31 (12.9%) had a history of preterm birth.",
        effects=(),
    ),
    Row(
        "history-before-the-study/had-prior-exposure",
        "Forty patients (22%) had prior exposure to biologics.",
        effects=(),
    ),
    Row(
        "history-before-the-study/had-undergone-previous",
        "A total of 9 patients (6%) had undergone previous stent placement.",
        effects=(),
    ),
    Row(
        "history-before-the-study/previously-received-then-relapsed",
        "In the treated group, 18 (20%) had previously received chemotherapy; 9 (10%) relapsed "
        "by one year.",
        effects=(("percent", 10.0, None, None),),
    ),
    Row(
        "history-before-the-study/trap-recurrent-bleeding",
        "At three months, 11 patients (9%) had recurrent bleeding.",
        effects=(("percent", 9.0, None, None),),
    ),
    # share-another-study-found: a share that an earlier or other study found is background,
    # not this study's result (first run 3/6: the trap, 'have shown that' and 'observed ... in')
    Row(
        "share-another-study-found/previous-study-of-found",
        "A previous study of statin users found 18% of patients had muscle symptoms, while none "
        "stopped treatment.",
        effects=(),
    ),
    Row(
        "share-another-study-found/earlier-survey-reported-that",
        "An earlier survey reported that 40% of nurses had back pain.",
        effects=(),
    ),
    Row(
        "share-another-study-found/prior-studies-have-shown-that",
        "Prior studies have shown that 25% of smokers relapse within a month.",
        effects=(),
    ),
    Row(
        "share-another-study-found/other-trials-observed-remission-in",
        "Other placebo-controlled trials observed remission in 30% of patients given placebo.",
        effects=(),
    ),
    Row(
        "share-another-study-found/after-a-clause-in-one-sentence",
        "Skin tests were negative; a published cohort study described 12% of children who "
        "developed hives.",
        effects=(),
    ),
    Row(
        "share-another-study-found/trap-our-study-found",
        "In this study, 35% of patients had muscle symptoms.",
        effects=(("percent", 35.0, None, None),),
    ),
    # subset-share-after-a-group-share: a bracketed share of a subset of the outcome after a
    # group's share ('40% in cohort A (11.8% stage 3-4)'), and the same subset's share in the
    # next group ('and 11% stage 3-4 in cohort B'). First run 0/6 (the trap too: '(58% men)'
    # hid the first group's share)
    Row(
        "subset-share-after-a-group-share/deep-infection-then-next-group",
        "Infection occurred in 22% of the open-surgery group (8% deep infection), and 9% deep "
        "infection in the laparoscopic group.",
        effects=(
            ("percent", 22.0, None, None),
            ("percent", 8.0, None, None),
            ("percent", 9.0, None, None),
        ),
    ),
    Row(
        "subset-share-after-a-group-share/complete-response-each-arm",
        "Response was 55% in the high-dose arm (20% complete response), compared with 35% in the "
        "low-dose arm (10% complete response).",
        effects=(
            ("percent", 55.0, None, None),
            ("percent", 20.0, None, None),
            ("percent", 35.0, None, None),
            ("percent", 10.0, None, None),
        ),
    ),
    Row(
        "subset-share-after-a-group-share/severe-by-criteria-then-next-cohort",
        "The rate of anaemia was 41% in the rural cohort (9.5% severe by WHO criteria) and 7% "
        "severe in the urban cohort.",
        effects=(
            ("percent", 41.0, None, None),
            ("percent", 9.5, None, None),
            ("percent", 7.0, None, None),
        ),
    ),
    Row(
        "subset-share-after-a-group-share/hip-fractures-versus",
        "Fractures occurred in 14% of women given placebo (4.2% hip fractures) versus 8% of women "
        "given the drug (1.9% hip fractures).",
        effects=(
            ("percent", 14.0, None, None),
            ("percent", 4.2, None, None),
            ("percent", 8.0, None, None),
            ("percent", 1.9, None, None),
        ),
    ),
    Row(
        "subset-share-after-a-group-share/severe-relapses-of-groups",
        "Relapse was seen in 30% of the taper group (12% severe relapses) and 18% of the abrupt "
        "group (5% severe relapses).",
        effects=(
            ("percent", 30.0, None, None),
            ("percent", 12.0, None, None),
            ("percent", 18.0, None, None),
            ("percent", 5.0, None, None),
        ),
    ),
    Row(
        "subset-share-after-a-group-share/trap-men-in-brackets",
        "Mortality was 12% in the ICU cohort (58% men) and 8% in the ward cohort.",
        effects=(("percent", 12.0, None, None), ("percent", 8.0, None, None)),
    ),
)


@pytest.mark.parametrize("row", ROWS, ids=[row.name for row in ROWS])
def test_unseen_phrasing_is_read(row: Row) -> None:
    [study] = extract_studies(row.text)
    if row.n is not None:
        assert study.n == row.n
    if row.design is not None:
        assert study.design == row.design
    if row.effects is not None:
        # (as text: two estimates of one value, with and without an interval, do not compare)
        assert sorted(map(str, reported_effects([study]))) == sorted(map(str, row.effects))


def test_each_class_has_its_example_and_variants() -> None:
    classes: dict[str, int] = {}
    for row in ROWS:
        kind = row.name.split("/")[0]
        classes[kind] = classes.get(kind, 0) + 1
    assert len(classes) >= 127  # classes are added, never dropped without changing this
    assert min(classes.values()) >= 3
    assert len({row.name for row in ROWS}) == len(ROWS)
