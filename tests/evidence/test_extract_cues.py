"""The cheap tests that let the extractor skip a pattern must never skip a match.

Each pattern with cue words is only searched when one of its words is in the text; these tests
run every such pattern over real abstracts and phrases written for each of its alternatives and
check that every match holds a cue.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from evidex.evidence import design, extract
from evidex.text.cues import CuedPattern, fold_case, mentions_any
from evidex.text.numbers import normalise
from evidex.text.sentences import split_sentences

_FIXTURES = Path(__file__).parent / "fixtures"

# Phrases exercising the alternatives of the cued patterns, in odd cases and letters too.
_PHRASES = [
    "Of 3,005 patients assessed for eligibility, 842 were included.",
    "A prospective cohort nested within a randomised trial; a cohort study embedded in the trial.",
    "Mice, a MOUSE, murine cells, rats, a rodent, Rabbits, animal models, zebrafish, piglets.",
    "pigs, porcine and canine tissue, dogs, primates, macaques, Wistar and Sprague rats, C57BL.",
    "In Vitro work on cell cultures, cell lines, cultured cells, cultured liver cells, HepG2, HeLa.",
    "organoids from patients, participants, adults, volunteers, subjects, women, men, children.",
    "individuals, people, persons, outpatients, inpatients, infants, adolescents and humans.",
    "A meta-analysis, a meta analysis, metaanalyses, meta-regression, a network meta-analysis.",
    "A pooled analysis of randomised trials; a pooled analysis of 12 studies.",
    "A systematic review; studies were systematically reviewed after we systematically review.",
    "We searched MEDLINE and Embase; a search of PubMed; a literature search of Scopus.",
    "pooled, random-effects, fixed-effect models and the weighted mean difference.",
    "A propensity score-matched, propensity-matched and propensity matched cohort.",
    "A non-randomised, nonrandomized, not randomized, quasi-experimental, single-arm study.",
    "a single arm, uncontrolled trial; open-label, single centre; open-label non-inferiority.",
    "historical controls and a historical control group.",
    "Randomized, randomly assigned, randomly allocated, randomly divided, randomization to.",
    "Rats were randomly divided; mice was fed; given by gavage, intraperitoneally, in vivo.",
    "double-blind, double blinded, doubleblind, placebo-controlled, placebo controlled.",
    "sham-controlled, cross-over trial, crossover study, cross over trial, an RCT.",
    "A case-control, case control and casecontrol study; a nested case-control study.",
    "A cohort, prospective study, prospectively followed, retrospective, retrospectively.",
    "observational, registry, longitudinal, cross-sectional, population-based, claims data.",
    "a database; a case series; case reports; we report a case; we describe two; we present the case",
    "a 54-year-old woman, a 7-year-old boy; a chart review.",
    "five groups of eight rats, three ARMS OF 20 adults, four dietary groups of 12; We report the "
    "case of a 3-month-old infant. An otherwise healthy 60-year-old man.",
    "a controlled trial, a controlled clinical trial, a clinical trial, an open-label study.",
    "compared with placebo, compared to diet, versus rest, vs. sham, the control group, controls.",
    "More trials are needed; work is needed; warranted; future studies; further research.",
    "it should be noted; rather than; previous work; prior studies; earlier trials; remains unclear.",
    "A total of 120 adults were randomized. 45 older adults were enrolled; 30 men had been studied.",
    "12 women were included, 14 patients were recruited, 9 rats were assigned, 8 mice allocated.",
    "25 adults were assigned to the drug group and 26 to the placebo group.",
    "10 eyes were analysed, 11 cases were analyzed, 7 smokers were followed; 40 were randomised.",
    "60 was enrolled; thirty were randomized; Twenty-one were enrolled.",
    "12 published trials, 9 eligible studies, 4 RCTs, 6 articles, 3 cohorts, 2 reports.",
    "for 12 weeks, over 6 months, lasting 2 years, for a period of ten days, a 4-week course.",
    "a 12-month trial; follow-up of 2 years; followed up for 6 months; follow-up assessments at "
    "3 months; assessments extended to 12 weeks; after a median of 4 years; over a mean of 3 "
    "years; 5 years of median follow-up; followed for a median of 18 months.",
    "Placebo, sham, usual care, standard of care, standard care, standard treatment.",
    "received drug A; receiving B; treated with C; assigned to receive D; randomized to E; given F.",
    "randomised to receive G or H; assigned to I versus J.",
    "ſham, İn vitro, a ſtudy of mıce, PLACEBO, USUAL CARE, ſtandard treatment, KETAMINE.",
    "A narrative review, a scoping review, a Critical Review and a literature review.",
    "the purified enzyme, recombinant proteins, two subunits, NMR spectroscopy, paramagnetic "
    "resonance, the crystal structure, an assay, in silico work and molecular docking.",
    "hamsters, guinea pigs, gerbils, ferrets, sheep, ewes, lambs, cattle, calves, cows, horses, "
    "goats, cats, chickens, broilers, hens and monkeys; hamsters were fed; cows were dosed.",
    "342 cases and 684 controls; 40 Men and 60 women; 12 boys and 13 girls; 5 males and 6 females.",
    "812 underwent randomization; 1,900 agreed to take part; 30 agreed to participate; 20 consented.",
    "36 golden hamsters were allocated; 12 dogs were divided; 8 pigs had been randomized.",
    "We compared 6,250 new users of A with 6,250 matched users of B; Compared 40 women to 41 men.",
    "20 patients given A were compared with 20 historical controls.",
    "a hazard ratio, an Odds Ratio, the risk ratio, a relative risk; HR, aOR, RR; the highest "
    "quartile, the lowest tertile, the top quintile, the bottom decile; 95% CI, 90 % confidence "
    "interval, 95%credible interval; 380 cases, 1,520 controls; 50 zebrafish were divided; "
    "492 women with a clot and 1968 matched controls; a systematic search of five databases; "
    "an uncontrolled pilot study, a single-group, one-group, before-and-after, pre-post design; "
    "we reviewed the charts, reviewed medical records; 612,000 person-years; a rate ratio, IRR.",
    "national registers, a Register, a health survey; we followed them; 40 pupils aged 9 took part;"
    " 30 nurses participated.",
    "Neutrophils isolated from donors; cells harvested from rats; PBMCs obtained from volunteers; "
    "islets collected from mice; Primary hepatocytes from mice were incubated; isolated rat "
    "tenocytes were stimulated; cells derived from, cells taken from a biopsy.",
    "Of the 120 randomised, 112 completed; of 348 enrolled, 300 stayed; Of all 50 recruited; of "
    "40 patients allocated, 38; of 90 included; 456 were recruited; one was recruited.",
    "We randomly assigned 1500 to A; we enrolled 220, of whom; We Recruited 80 (40 per arm); we "
    "included 12 in the analysis; 57 eyes of 31 patients; 40 knees in 22 women; 12 ulcers from "
    "nine adults; Sixty-four (32 women) were randomised; quasi-randomised, quasi-randomized.",
    "We planned to recruit 300; aimed to enrol 40; our goal was to include 50; a Target sample "
    "size of 240; a projected enrolment of 260; the required sample size was 150; we hoped to "
    "randomise 90; intended to study 30; sought to screen 500; an anticipated recruitment: 80.",
    "the trial enrolled 322 before; and recruited 40 in June; the study randomised 88, then; but "
    "included 61 during 2020; we had been enrolled 9.",
    "Mendelian randomisation, mendelian randomization; a questionnaire was sent to members, "
    "questionnaires were e-mailed, a questionnaire mailed; 612 respondents.",
    "Unlike a recent meta-analysis; contrary to earlier trials; in contrast with the RCT; "
    "consistent with two cohorts; In line with prior studies; in keeping with a review; in "
    "agreement with one study; A man aged 47 years; a woman in her sixties; 40 cases were "
    "cultured; cell lines were incubated.",
    "We used Data from the ALPHA Trial; participants in this trial; analyses of a large pragmatic "
    "trial; Analysis of data from the BETA trial; a Cohort; rats treated with the drug; MICE fed a "
    "diet; dogs given a dose; piglets injected with iron; hamsters dosed with 2 mg; "
    "We enrolled; 40 older adults; patients were randomly assigned; women were recruited; we "
    "Compared Them with the 51 patients; these were compared to 39 children; We compared these "
    "with 20 adults; we compared those with 8 men; this group were compared with 9 women; "
    "the Minimum Inhibitory Concentration; broth dilution, broth microdilution, agar well "
    "diffusion, disc diffusion, disk diffusion; clinical isolates, bacterial isolates; After "
    "Exclusions, 41,205 were included; after excluding those with cancer, 980 adults remained; "
    "leaving 812 patients for analysis; Of 3,000 Questionnaires sent, 2,214 were returned; of the "
    "surveys, 400 (40%) were completed; Hepatocytes were pretreated, neutrophils were stimulated, "
    "MACROPHAGES were challenged, monocytes were incubated, cardiomyocytes were exposed, neurons "
    "were treated, osteoblasts were cultured, osteoclasts were pre-treated, platelets were "
    "stimulated, PBMCs were exposed, islets were cultured, myotubes were treated, explants were "
    "incubated, endothelial cells (HUVECs) were exposed; C. elegans, Caenorhabditis, Drosophila, "
    "fruit flies, sows, heifers, steers, bulls, foals, mares, ducks, quail, turkeys; allocated "
    "by birth date, assigned according to their date of birth, divided by day of admission, "
    "Allocated by alternation, assigned by hospital record number, allocated by odd or even, "
    "alternately allocated; a crossover design; in random order; in a randomised sequence; a "
    "before–after study, a Before and After design, a before-after comparison, a pretest–posttest "
    "design, pre-test/post-test, pre–post; a Phase 2 study, a phase I/II trial, phase 1b study; "
    "Without Meta-Analysis; heterogeneity precluded meta-analysis; a meta-analysis was not "
    "possible; meta-analyses could not be performed; no formal metaanalysis; We Present a Case of "
    "jaundice; we herein report a rare case; we describe the first case; This CASE REPORT shows. "
    "It had a Power of 80% to detect an RR of 0.67; the trial was powered to show a difference; "
    "the sample size was calculated for an HR of 0.75; Sample Sizes were estimated.",
]


def _raw_texts() -> list[str]:
    cases = yaml.safe_load((_FIXTURES / "abstracts" / "cases.yaml").read_text(encoding="utf-8"))
    texts = [case["text"] for case in cases]
    texts += [path.read_text(encoding="utf-8") for path in sorted(_FIXTURES.glob("*.txt"))]
    return [*texts, *_PHRASES]


def _corpus() -> list[str]:
    return [normalise(text) for text in _raw_texts()]


def _cued_patterns() -> list[tuple[str, CuedPattern]]:
    return [
        (f"{module.__name__}.{name}", value)
        for module in (design, extract)
        for name, value in vars(module).items()
        if isinstance(value, CuedPattern)
    ]


@pytest.mark.parametrize(("name", "cued"), _cued_patterns(), ids=lambda value: str(value))
def test_every_match_of_a_cued_pattern_holds_one_of_its_cues(name: str, cued: CuedPattern) -> None:
    matches = [match.group(0) for text in _corpus() for match in cued.pattern.finditer(text)]
    assert matches, f"{name} matched nothing: the corpus does not exercise it"
    for matched in matches:
        assert any(cue in fold_case(matched) for cue in cued.cues), (name, matched)
        if cued.also:
            assert any(cue in fold_case(matched) for cue in cued.also), (name, matched)


def test_cued_search_finds_what_the_plain_search_finds() -> None:
    for _, cued in _cued_patterns():
        for text in _corpus():
            plain = cued.pattern.search(text)
            gated = cued.search(text)
            assert (plain and plain.span()) == (gated and gated.span())


def test_fold_case_keeps_offsets_and_folds_what_re_ignores_case_for() -> None:
    written = "İnfants ſtudy of mıce at 37 K"
    assert len(fold_case(written)) == len(written)
    assert "infants" in fold_case(written) and "study" in fold_case(written)
    assert "mice" in fold_case(written) and fold_case(written).endswith("k")


_LINE_PIECES = [
    "A randomised TRIAL of 40 adults. ", "One Study documented ", "a rat tendon model ",
    "In a cohort of ", "an Experiment ", "a case series. ", "A meta-analysis of ", "was a trial ",
    "Outcomes improved. ", "by a second ", "of ", "published ", "a ", "an ", "one ", "another ",
    "systematic review ", "analysis ", "Case Report ", "mouse ", "model ", "(n = 12). ",
]  # fmt: skip


@given(st.lists(st.sampled_from(_LINE_PIECES), max_size=10).map("".join))
def test_a_line_naming_no_design_word_has_no_sentence_introducing_a_study(line: str) -> None:
    if not mentions_any(line, extract._DESIGN_WORDS):
        assert not any(extract._introducers(sentence) for sentence in split_sentences(line))


# patterns whose first-letter lookahead (each match opens with one of its letters) lets the
# engine pass over most positions: without it they must find the same
_FIRST_LETTER_GATED = {
    "_N_VERB_FIRST": (extract._N_VERB_FIRST, "(?=[reiacow])"),
    "_INTERVENTION": (extract._INTERVENTION.pattern, "(?=[rtag])"),
}
_VERB_PIECES = [
    "Randomized ", "enrolled ", "INCLUDED ", "recruited ", "assigned ", "involving ", "including ",
    "comprising ", "of ", "with ", "Among ", "in ", "received ", "receiving ", "treated with ",
    "assigned to receive ", "randomised to ", "given ", "the ", "120 ", "forty ", "adults ",
    "patients", ". ", ", ", "metformin ", "or ", "placebo",
]  # fmt: skip


@pytest.mark.parametrize("name", sorted(_FIRST_LETTER_GATED))
def test_first_letter_lookahead_loses_no_match_in_the_corpus(name: str) -> None:
    gated, lookahead = _FIRST_LETTER_GATED[name]
    assert lookahead in gated.pattern
    ungated = re.compile(gated.pattern.replace(lookahead, "", 1), gated.flags)
    for text in _corpus():
        assert [m.span() for m in gated.finditer(text)] == [
            m.span() for m in ungated.finditer(text)
        ]


@given(st.lists(st.sampled_from(_VERB_PIECES), max_size=12).map("".join))
def test_first_letter_lookahead_loses_no_match_on_its_own_words(text: str) -> None:
    for gated, lookahead in _FIRST_LETTER_GATED.values():
        ungated = re.compile(gated.pattern.replace(lookahead, "", 1), gated.flags)
        assert [m.span() for m in gated.finditer(text)] == [
            m.span() for m in ungated.finditer(text)
        ]


_GROUP_PIECES = [
    "2,031 ", "men", "women", " and ", ", ", "; ", "Thirty ", "boys", "girls", "\n", "healthy ",
    "older\n", "users", "non-users", "males", "females", " ", "12 ", "mentioned ", "(n = 4) ",
]  # fmt: skip


@given(st.lists(st.sampled_from(_GROUP_PIECES), max_size=12).map("".join))
def test_two_groups_are_looked_for_only_where_two_group_words_stand(text: str) -> None:
    ungated = [
        (match["a"].lower(), match["b"].lower())
        for match in extract._N_COMPLEMENTS.pattern.finditer(text)
    ]
    if len(extract._GROUP_WORD.findall(fold_case(text))) < 2:
        assert ungated == []


# the words of the patterns gated by two cue lists, and words that only nearly are theirs
_TWO_CUE_PIECES = [
    "a cohort ", "cohort study ", "nested ", "within ", "in ", "a ", "the ", "trial", "trials ",
    "We included ", "identified ", "pooled ", "12 ", "randomised ", "studies ", "RCTs ", "with ",
    "were included", "were eligible", "met the inclusion criteria", "were analysed", ". ",
    "without ", "no ", "a ", "formal ", "meta-analysis", "meta analyses ", "was not ", "could ",
    "n't ", "n’t ", "possible", "performed ", "prevented ", "(", "cohorts ", "of ",
]  # fmt: skip


@given(st.lists(st.sampled_from(_TWO_CUE_PIECES), max_size=12).map("".join))
def test_a_pattern_with_two_cue_lists_finds_what_it_finds_ungated(text: str) -> None:
    for _, cued in _cued_patterns():
        if cued.also:
            plain = cued.pattern.search(text)
            gated = cued.search(text)
            assert (plain and plain.span()) == (gated and gated.span())
