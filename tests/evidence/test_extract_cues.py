"""The cheap tests that let the extractor skip a pattern must never skip a match.

Each pattern with cue words is only searched when one of its words is in the text; these tests
run every such pattern over real abstracts and phrases written for each of its alternatives and
check that every match holds a cue. The rewritten patterns (number words, sentence ends, dashes)
and the gated normalisation are compared with their earlier, plainer forms.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from evidex.evidence import design, extract, notation
from evidex.evidence.notation import COUNT, CuedPattern, fold_case, normalise

_FIXTURES = Path(__file__).parent / "fixtures"

# Phrases exercising the alternatives of the cued patterns, in odd cases and letters too.
_PHRASES = [
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
    "double-blind, double blinded, doubleblind, placebo-controlled, placebo controlled.",
    "sham-controlled, cross-over trial, crossover study, cross over trial, an RCT.",
    "A case-control, case control and casecontrol study; a nested case-control study.",
    "A cohort, prospective study, prospectively followed, retrospective, retrospectively.",
    "observational, registry, longitudinal, cross-sectional, population-based, claims data.",
    "a database; a case series; case reports; we report a case; we describe two; we present the case",
    "a 54-year-old woman, a 7-year-old boy; a chart review.",
    "a controlled trial, a controlled clinical trial, a clinical trial, an open-label study.",
    "compared with placebo, compared to diet, versus rest, vs. sham, the control group, controls.",
    "More trials are needed; work is needed; warranted; future studies; further research.",
    "it should be noted; rather than; previous work; prior studies; earlier trials; remains unclear.",
    "A total of 120 adults were randomized. 45 older adults were enrolled; 30 men had been studied.",
    "12 women were included, 14 patients were recruited, 9 rats were assigned, 8 mice allocated.",
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


def test_estimate_cues_hold_for_every_label_interval_and_ci_label() -> None:
    abbreviations = re.compile(notation._ABBR_PATTERN)
    words = re.compile(notation._WORD_PATTERN)
    ci_labels = re.compile(notation._CI_LABEL)
    ranges = re.compile(notation._RANGE)
    for text in _corpus():
        for match in abbreviations.finditer(text):
            assert notation.contains_any(match.group(0), notation._ABBREVIATION_CUES), match
        for match in words.finditer(text):
            assert notation.mentions_any(match.group(0), notation._LABEL_WORD_CUES), match
        for match in ci_labels.finditer(text):
            assert notation.mentions_any(match.group(0), notation._CI_LABEL_CUES), match.group(0)
        for match in ranges.finditer(text):
            assert notation._RANGE_CUE.search(match.group(0)), match.group(0)


def test_the_narrowed_label_patterns_find_what_the_full_one_finds() -> None:
    def spans(pattern: re.Pattern[str] | None, text: str) -> list[tuple[int, int]]:
        return [match.span() for match in pattern.finditer(text)] if pattern else []

    texts = [*_corpus(), "HR 0.8 (95% CI 0.7-0.9)", "odds ratio 1.2 (1.1-1.3)", "aOR 2 [1-3]"]
    for text in texts:
        narrowed = notation._labelled_pattern(text, fold_case(text))
        assert spans(narrowed, text) == spans(notation.LABELLED_ESTIMATE, text), text


_NUMBER_WORDS_BEFORE = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|"
    r"five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
)
_COUNT_BEFORE = (
    r"(?:\d{1,3}(?:,\d{3})+(?!\d)|(?<!\d)\d{1,3}(?:[ \u2009\u202f\u00a0]\d{3})+(?![\d.,])|\d+|"
    rf"(?i:{_NUMBER_WORDS_BEFORE}))"
)


def _number_texts() -> list[str]:
    units = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    teens = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen"]
    teens += ["seventeen", "eighteen", "nineteen"]
    tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    words = units + teens + tens + [f"{ten}-{unit}" for ten in tens for unit in units]
    words += [word.upper() for word in words] + [word.title() for word in words]
    words += ["ſix", "ſeventeen", "twenty-", "seventyone", "someone", "often", "2,345", "51 145"]
    return [f"{word}{tail}" for word in words for tail in ("", " adults", "-", "teen", "s")]


@pytest.mark.parametrize("tail", ["", " adults", r"\b", "$"])
def test_number_words_match_as_the_plain_alternation_did(tail: str) -> None:
    before = re.compile(_COUNT_BEFORE + tail)
    after = re.compile(COUNT + tail)
    for text in _number_texts():
        old = [match.span() for match in before.finditer(text)]
        assert [match.span() for match in after.finditer(text)] == old, text


_SENTENCE_END_BEFORE = re.compile(
    r"(?<=[.!?])(?<!\bvs\.)(?<!e\.g\.)(?<!i\.e\.)(?<!\bal\.)\s+(?=[A-Z(\[])"
)
_DASH_AS_MINUS_BEFORE = re.compile(r"(?:(?<=^)|(?<=[\s(\[,;:=]))[–—](?=\d|\.\d)")
_AWKWARD = [
    "A vs. B. Then e.g. this. And i.e. that. Smith et al. Found it.  \tNext! (a) Why? [1] End.",
    "a.\n\nB. x. y; ball. X avs. Y al. Z . Q  R.\u00a0S",
    "–1 and —2, (–.5) [—3] x–4 =–5 ;—6 :–7 ––8 \n—9 end–",
]


def test_sentence_ends_split_as_the_lookbehind_first_pattern_did() -> None:
    for text in [*_corpus(), *_AWKWARD]:
        for line in text.split("\n"):
            assert extract._SENTENCE_END.split(line) == _SENTENCE_END_BEFORE.split(line)


def test_dashes_become_minus_signs_as_the_lookbehind_first_pattern_did() -> None:
    for text in [*_raw_texts(), *_AWKWARD]:
        after = notation._DASH_AS_MINUS.sub("-", text)
        assert after == _DASH_AS_MINUS_BEFORE.sub("-", text)


def _normalise_before(text: str) -> str:
    """normalise() as it was before its rewrites were made conditional."""
    minus = str.maketrans({"−": "-", "‒": "-", "﹣": "-", "－": "-", "‐": "-", "‑": "-"})
    text = text.translate(minus)
    text = re.sub(r"(?<=\d)[·•](?=\d)", ".", text)
    text = _DASH_AS_MINUS_BEFORE.sub("-", text)
    text = re.sub(r"[\d.,]{41,}", lambda match: match.group(0)[:40], text)
    text = re.sub(r"[^\W\d_]{61,}", lambda match: match.group(0)[:60], text)
    return re.sub(r"[ \t\u00a0\u2009\u202f]+", " ", text)


@pytest.mark.parametrize(
    "text",
    [
        "plain text with single spaces.",
        "two  spaces, a\ttab, a\u00a0no-break, a\u2009thin and a\u202fnarrow space",
        " \t \u00a0leading and trailing \u2009 ",
        "minus signs −1 ‒2 ﹣3 －4 ‐5 ‑6 and a dash –7 (—8) x–9",
        "middle dots 1·5 and 2•25 but • bullet and ·5",
        "a long number " + "1234567890" * 6 + " and " + "1,000." * 10,
        "a long word " + "abcdefghij" * 8 + " and " + "é" * 70 + " and " + "x" * 60,
        "mixed " + "ab1" * 30 + " " + "9" * 40 + " " + "z" * 61,
    ],
)
def test_normalise_gives_what_it_gave_before(text: str) -> None:
    assert normalise(text) == _normalise_before(text)


def test_normalise_gives_what_it_gave_before_on_the_fixtures() -> None:
    for text in _raw_texts():
        assert normalise(text) == _normalise_before(text)


def test_abstract_labels_and_separator_lines_hold_their_cue_words() -> None:
    texts = [*_corpus(), "Intro\n\n---\n\nMore\n***\n  ===  \n___\nEnd"]
    labels = [match.group(0) for text in texts for match in extract._ABSTRACT_LABEL.finditer(text)]
    separators = [m.group(0) for text in texts for m in extract._SEPARATOR_LINE.finditer(text)]
    assert labels and len(separators) >= 4
    for label in labels:
        assert any(word in label for word in extract._LABEL_WORDS), label
    for separator in separators:
        assert any(run in separator for run in extract._SEPARATORS), separator


def test_line_gates_hold_for_every_bullet_and_abstract_label() -> None:
    lines = [line for text in _corpus() for line in text.split("\n")]
    lines += ["  • dot", "- dash", "* star", "‣ x", "◦ y", "▪ z", "12. twelve", "3) three", "٣. x"]
    for line in lines:
        if extract._BULLET.match(line):
            assert extract._may_be_bullet(line), line
    chunks = [*_corpus(), "  \n\n RESULTS: x", "METHODS\ny", "intro\n  AIM: z"]
    for chunk in chunks:
        if extract._ABSTRACT_LABEL.search(chunk):
            assert extract._may_hold_label(chunk), chunk
