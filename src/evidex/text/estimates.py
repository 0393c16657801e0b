"""Effect estimates as abstracts write them: a value, its confidence interval, its p value.

Works on `numbers.normalise`d text, one sentence at a time (`find_estimates`), carrying the
measure of the last estimate from sentence to sentence so that an unlabelled estimate listed
after labelled ones inherits their measure ("0.84 (0.78 to 0.91)" after a hazard ratio).

Forms read:
- a value followed by its interval, with or without a CI label of any level, in brackets or
  not: "HR 0.31 (95% CI, 0.18 to 0.54)", "RR=0.65,95%CI(0.47,0.90)", "4.84 (3.28,7.16)",
  "-0.78% (-0.97%, -0.60%)", "SMD = −0.70; 95% CI = −1.92–0.51", "0.65 with 95% CI = [0.18, 1.12]",
  and without a CI label in the value's own bracket or right after its label: "(OR 0.76, 0.64 to
  0.90)", "the hazard ratio was 0.81, 0.70-0.94.";
- an amount of change named by its verb and unit: "lowered systolic pressure by 3.10 mm Hg (95%
  CI, 1.20 to 5.00)" (MD), "decreased by 12.4% (95% CI 9.1–15.7)" (percent, unless it restates a
  ratio of its sentence), and a CI parted from its estimate by a range or a name in a label
  ("a difference of −0.9 points on a 0–10 scale (95% CI −1.6 to −0.2)"); the end of such a
  range is never a value;
- a labelled value without an interval, when none is printed or the printed one cannot be read:
  "MD = -0.59 mmol/L, p = 0.048", "HR = 0.41, 95% CI: 0.18-0.0.93", "a number needed to treat
  of 2"; and a value listed after it with "and" ("-4.50 kg [for absolute change] and -5.01
  percentage points");
- the measure from the nearest label before the value in its sentence, in words or
  abbreviations (OR, RR, HR, IRR, MD, SMD, Hedges' g, RD, NNT, r), else inherited;
- the p value after the estimate (not one that belongs to heterogeneity or an interaction), or
  one written for all ("P<0.01 for all").
Per-group percentages ("127 participants (23.4%)", "87.5% in the ipamorelin group",
"86.4% vs 31.5%") are read by `find_group_percentages`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import chain, pairwise

from evidex.text.cues import CuedPattern, contains_any, fold_case, found_near
from evidex.text.numbers import (
    COUNT,
    COUNT_START,
    NUMBER,
    NUMBER_START,
    WORD_NUMBER,
    parse_count,
    parse_number,
)

MEASURES = ("OR", "RR", "HR", "IRR", "MD", "SMD", "g", "RD", "NNT", "r", "percent")
RATIO_MEASURES = frozenset({"OR", "RR", "HR", "IRR"})

# Measure labels in words, most specific first (case-insensitive).
_WORD_LABELS: tuple[tuple[str, str], ...] = (
    (r"incidence rate ratios?|rate ratios?", "IRR"),
    (r"odds ratios?", "OR"),
    (r"hazard ratios?", "HR"),
    (r"risk ratios?|prevalence ratios?", "RR"),
    (r"relative risk reductions?", "percent"),
    (r"relative risks?", "RR"),
    (r"standardi[sz]ed (?:mean )?differences?(?: in means?)?", "SMD"),
    (r"hedges?['’]?s?['’]? g\b|hedges?['’]?s?['’]? ?\(g\)", "g"),
    (r"cohen['’]?s? d\b|effect sizes? \(d\)", "SMD"),
    (r"(?:weighted )?mean differences?", "MD"),
    # "the mean effect", "the average treatment effect": a difference between arms
    (r"(?:mean|average) (?:[\w-]+ )?effects?\b(?! sizes?\b)", "MD"),
    (r"(?:absolute )?(?:risk|rate) differences?|absolute risk (?:reduction|increase)s?", "RD"),
    # a risk difference when in percent or percentage points, else a mean difference
    (r"absolute differences?", "RD"),
    # migraine and pain trials' name for the difference in responders: "therapeutic gain 21%"
    (r"therapeutic gains?", "RD"),
    (r"(?:estimated )?(?:treatment )?differences?", "MD"),
    (r"numbers? needed to (?:treat|harm)", "NNT"),
    (
        r"correlation coefficients?|pearson['’]?s? r\b|spearman['’]?s? (?:rho|r)\b"
        r"|(?:rho|ρ|rs|r)(?= ?=)",
        "r",
    ),
    # a single letter names a measure only in its own case: "d = 0.45" is Cohen's d, "vitamin
    # D=8939" a group's size
    (r"(?-i:g)(?= ?=)", "g"),
    (r"(?-i:d)(?= ?=)", "SMD"),  # Cohen's d written as "d = 0.45"
)
_ABBREVIATIONS: dict[str, str] = {
    "OR": "OR", "aOR": "OR", "AOR": "OR", "RR": "RR", "aRR": "RR", "HR": "HR", "aHR": "HR",
    "AHR": "HR", "IRR": "IRR", "aIRR": "IRR", "MD": "MD", "WMD": "MD", "ETD": "MD",
    "SMD": "SMD", "RD": "RD", "ARD": "RD", "ARR": "RD", "NNT": "NNT", "NNH": "NNT",
    "NNTB": "NNT", "NNTH": "NNT",
    # subdistribution and cause-specific hazard ratios (competing risks)
    "sHR": "HR", "SHR": "HR", "sdHR": "HR", "csHR": "HR",
    "RRR": "percent",
}  # fmt: skip
_ABBREVIATION = (
    r"(?<!-)(?:adj(?:usted)?\.? ?)?"
    rf"(?P<abbr>{'|'.join(sorted(_ABBREVIATIONS, key=len, reverse=True))})s?(?![\w-])"
)
# the labels naming a difference of shares only when in % or percentage points
_SHARE_DIFFERENCES = frozenset(
    index
    for index, (words, _) in enumerate(_WORD_LABELS)
    if words.startswith(("absolute diff", "therapeutic gain"))
)
# "difference", "treatment difference": of shares when its sentence names a share of people
_PLAIN_DIFFERENCE = next(
    index for index, (words, _) in enumerate(_WORD_LABELS) if "(?:treatment )?differ" in words
)
_SHARES_NAMED = re.compile(
    r"(?i)\b(?:rates?|proportions?|percentages? of|incidences?|prevalences?|risks?|probabilit"
    r"(?:y|ies)|survival|mortality|remission|response|cure|eradication|success|relapse|"
    r"recurrence)\b"
)
_MEANS_NAMED = re.compile(
    r"(?i)\b(?:mean|average|change|weight|HbA1c|A1c|levels?|concentrations?|scores?|fat)\b"
)
_LABEL_FIRST_LETTERS = "acdeghimnoprstwρ"
_WORDS = "|".join(f"(?P<w{index}>{words})" for index, (words, _) in enumerate(_WORD_LABELS))
# The word boundary first, then the letters a label can open with (either case): most
# positions fail there at once instead of at each of the alternatives (2.4 times faster).
LABEL = re.compile(rf"\b(?=(?i:[{_LABEL_FIRST_LETTERS}]))(?:{_ABBREVIATION}|(?i:{_WORDS}))")

# A CI label of any level: "95% CI", "95%CI", "95%-CI", "95 % CI", "95.5% CI", "90% confidence
# interval [CI]", "CI 95%", "95% CrI".
_CI_WORDS = (
    r"(?:CIs?|CrI|UI|(?i:confidence intervals?|credible intervals?|confidence limits?"
    r"|uncertainty intervals?))"
)
# After a level, the other spellings journals print: "95% C.I.", "95% CL", "95% IC" (French,
# Spanish), "95% ci", "95% Cl" (a lower-case L, as PDF copies print it); never alone ("CL/F" is
# a clearance, "IC50" a potency, "Cl" chloride).
_LEVELLED_CI_WORDS = r"(?:C\.I\.?|c\.i\.?|CL|IC|ci|Cl)"
CI_LABEL = (
    rf"(?:(?P<level>\d{{2}}(?:\.\d+)?) ?(?:%|(?i:percent|-percent|per cent)|(?<=9[059])(?= ?C[Il]))"
    rf"[ -]?(?:{_CI_WORDS}|{_LEVELLED_CI_WORDS})"
    rf"|(?:CI|IC) ?(?P<level2>\d{{2}}(?:\.\d+)?)(?: ?%|(?<=CI9[059])|(?<=IC9[059]))|{_CI_WORDS})"
    # the name restated: "95% confidence interval [95% CI]", "... interval, 95% CI", "(Cl)", "[CL]",
    # "{CI}" (inside square brackets)
    r"(?: ?[(\[{](?:\d{2}(?:\.\d+)? ?% ?)?(?:CI|CrI|Cl|CL)s?[)\]}]|, ?(?i:confidence intervals?)"
    r"|, ?\d{2}(?:\.\d+)? ?% ?CI)?(?![\w])"
)
# a ratio or difference label glued to the word before it: "mortalityRR 0.82", "pooledHR=0.7"
_GLUED_MEASURE = re.compile(r"(?<=[a-z])(aOR|aHR|aRR|IRR|SMD|WMD|RR|HR|OR|MD)(?= ?[=:]? ?[-−]?\d)")
# every match ends with one of these, one letter at most before it and its lookahead at most
# five after
_GLUED_MEASURE_CUES = ("RR", "HR", "OR", "MD")
_GLUED_MEASURE_REACH = 6


def unglue_measure_labels(text: str) -> str:
    """`text` with a space before a measure label glued to the word it follows."""
    if not found_near(_GLUED_MEASURE, text, _GLUED_MEASURE_CUES, _GLUED_MEASURE_REACH):
        return text
    return _GLUED_MEASURE.sub(r" \1", text)


# a power after a unit ("kg-1", "min⁻¹"), never the start of a range ("kg-1.5")
_UNIT_POWER = r"(?:-[1-3](?![\d.])|⁻[¹²³])?"
_UNIT_WORD = rf"[a-zA-Zµμ][a-zA-Zµμ²2]{{0,11}}{_UNIT_POWER}"
# a unit after a value or bound: "%", "kg", "percentage points", "days", and compound units
# whose parts a slash, "per" or a middle dot joins, a number before a part or not: "mmol/L",
# "mg/dL/year", "mL/min/1.73 m²", "ml/min per 1.73 m2 per year", "mm Hg per 100 mg/day", "per
# 10 ng/mL", "mmol/L·h", "mL·kg-1·min-1"
_UNIT = (
    r"(?:%(?: ?-?points?\b)?%?|(?i:per cent)\b|(?!(?:CI|CrI|to|vs|and|or|with|in|among|for|of|at|was|were|p|P)\b)"
    rf"(?:per (?:\d+(?:\.\d+)? ?)?)?{_UNIT_WORD}(?: (?:points?|Hg|units?))?"
    rf"(?:(?:[/·⋅]| per )(?:\d+(?:\.\d+)? ?)?{_UNIT_WORD}){{0,3}})"
)
_SEPARATOR = r"(?: ?(?:-|–|—|\bto\b|,|;) ?)"
# a value, never the level of a CI label ("95% CI")
_VALUE = (
    rf"(?P<value>{NUMBER})(?! ?%?[ -]?(?:CIs?\b|CrI\b|{_LEVELLED_CI_WORDS}(?!\w)|(?i:confidence|credible)))"
    rf"(?: ?(?P<unit>{_UNIT}))?"
)
# the two bounds; the high bound must not run on into more digits ("0.18-0.0.93" is garbled)
_INTERVAL = rf"(?P<low>{NUMBER})(?: ?{_UNIT})?{_SEPARATOR}(?P<high>{NUMBER})(?!\.?\d)(?: ?{_UNIT})?"
# the scale a difference is on, between the value and its CI: "points on a 0–10 scale"
_SCALE = r"(?: (?:on|in) (?:a|the) [^,;()\[\]]{1,40}?\bscale\b)"
# the count and total a share was worked out from, before its CI in the bracket: "91.3% (283 of
# 310, 95% CI 87.4%–94.1%)", "76.0% (38/50; 95% confidence interval ...)"
_COUNT_BEFORE_CI = (
    r"(?:\d[\d,]* ?(?:/|of) ?\d[\d,]* ?[,;] ?(?=[^()\[\]]{0,6}?(?:CI|[Cc]onfidence)))"
)
# value, then its interval: with a CI label, or in brackets right after the value
_WITH_INTERVAL = re.compile(
    rf"{NUMBER_START}(?<![\w./])(?<![A-Za-z]-)(?<!\bper )(?<!\d of ){_VALUE}{_SCALE}?(?: ?\[[^\]\d]{{1,40}}\])? ?[,;]?(?: (?:with|and))? ?"
    rf"(?P<bracket>[(\[])? ?(?(bracket){_COUNT_BEFORE_CI}?)(?:(?P<cilabel>{CI_LABEL}) ?(?:[:=,] ?){{0,2}}(?P<bracket2>[(\[])? ?"
    r"(?:(?:ranging )?from )?)?"
    rf"{_INTERVAL}"
)
# a labelled value without an interval: "MD = -0.59 mmol/L", "Odds Ratio (OR) =3.33",
# "estimated difference, -4.64", "a number needed to treat of 2", "was -0.42"
_LABELLED_VALUE = re.compile(
    rf"(?:{LABEL.pattern})(?: ?[(\[][A-Za-z]{{1,5}}[)\]])?[)\]]?"
    r"(?: ?,| (?:for|of|in|between|among|to|with|per|across|by|at)\b(?:[^,;:=()\[\]%]|(?<=\d)%|, (?=[a-z]))"
    r"{1,60}? ?(?:=|:|\bof\b|\bwas\b|\bis\b"
    r"|\bwere\b)| ?(?:=|:|\bof\b|\bwas\b|\bis\b|\bwere\b)|(?= ))"
    rf"(?: ?=)? ?{_VALUE}"
)
# a number needed to treat written out: "treating 255 patients for five years prevented one
# extra case", "one additional responder for every 7 patients treated", "for every 20 treated,
# one more had a bleed", "40 patients would need to be treated to prevent one death"
_TREATED_FOR_ONE = re.compile(
    rf"(?i)\btreating (?P<n1>{COUNT}) (?:[\w-]+ ){{0,3}}?(?:for [^,.;()]{{1,30}}? )?(?:would |will )?"
    r"(?:prevent(?:ed|s)?|avert(?:ed|s)?|avoid(?:ed|s)?|spare[ds]?|cause[ds]?|(?:led|leads?) to"
    r"|result(?:ed|s)? in|yield(?:ed|s)?|produce[ds]?) one\b"
    r"|\bone (?:additional |extra |more |fewer )?[\w-]+(?: [\w-]+)?? (?:(?:was|were|is|would be|"
    r"will be) (?:prevented|averted|avoided|gained|caused|seen) )?for (?:every|each) "
    rf"(?P<n2>{COUNT}) (?:[\w-]+ ){{0,2}}?treated\b"
    rf"|\bfor (?:every|each) (?P<n3>{COUNT}) (?:[\w-]+ ){{0,2}}?treated\b[^.;()]{{0,30}}?, one\b"
    rf"|\bone in (?:every|each) (?P<n5>{COUNT}) (?:[\w-]+ ){{0,2}}?treated\b"
    rf"|{COUNT_START}(?<![\w.,])(?P<n4>{COUNT}) (?:[\w-]+ ){{0,2}}?(?:would |will )?(?:need(?:ed)? to|"
    r"must|had to|have to) be treated (?:for [^,.;()]{1,30}? )?to (?:prevent|avert|avoid|achieve|"
    r"gain|produce|cause|see) one\b"
)
_TREATED_CUES = ("treated", "treating", "Treating")  # each match of the pattern holds one
# a further value listed after a labelled one: "[for absolute change] and -5.01 percentage points",
# never the low end of a range ("number needed to treat 8, 5 to 18": its interval)
# (or the category it is for in brackets, "1.0 (lowest quintile), 0.8", or the subgroup: "1.5 for
# men and 2.1 for women"; no number in its words)
_LISTED_AFTER = re.compile(
    rf"(?: ?[(\[][^()\[\]\d]{{1,40}}[)\]]| (?:for|in|among) [^,;:=()\[\]\d]{{1,40}}?)? ?"
    rf"(?:,|and|, and) {_VALUE}(?! ?(?:-|–|—|\bto\b) ?[-+]?\.?\d)"
)
_P_LABEL = r"(?<![A-Za-z])[Pp](?:[ -]?values?)?"
_P_OPERATOR = r"(?:[<>=≤≥‹›]=?|&lt;|&gt;)"
_P_VALUE = re.compile(
    rf"{_P_LABEL}(?P<qual> (?:for|of) [a-z]+)? ?(?P<op>{_P_OPERATOR}) ?"
    r"(?P<num>\d*\.\d+|\d+(?:\.\d+)?)(?: ?[x×] ?10 ?\^? ?(?P<exp>-?\d+))?"
)
# a p value then the interval, after a labelled value: "HR 0.81, P = 0.02; 95% CI 0.68 to 0.97"
_CI_AFTER_P = re.compile(
    rf" ?[,;(\[] ?{_P_VALUE.pattern} ?[,;]? ?[(\[]? ?(?P<cilabel>{CI_LABEL}) ?(?:[:=,] ?){{0,2}}"
    rf"[(\[]? ?(?:from )?{_INTERVAL}"
)
# the subgroup a labelled value is for, then its interval: "OR = 1.84 among girls, 95% CI =
# 1.21-2.80", "hazard ratio 0.59 in women; 95% CI 0.41 to 0.85"
# the bounds in words: "(95% confidence interval between 0.70 and 0.96)", ", with a 95% CI from
# −6.8 to −1.6", "with a 95% confidence interval of 1.05 to 1.63"
# (after "with a" the bounds may follow the label at once: "with a 95% CI 0.62-0.93")
_CI_IN_WORDS = re.compile(
    rf" ?[,;(\[]? ?(?P<with>with (?:a|an|the) )?(?P<cilabel>{CI_LABEL}) ?[:=,]? ?"
    rf"(?(with)(?:(?:of|from|between) )?|(?:of|from|between) )"
    rf"(?P<low>{NUMBER})(?: ?{_UNIT})?(?: (?:to|and) | ?[-–—] ?)(?P<high>{NUMBER})(?!\.?\d)"
)
_CI_IN_WORDS_CUES = (" of ", " from ", " between ", "with a", "with the")
_CI_AFTER_SUBGROUP = re.compile(
    rf" (?:among|in|for) [^,;:=()\[\]\d]{{1,30}}?[,;] ?(?P<cilabel>{CI_LABEL}) ?(?:[:=,] ?){{0,2}}"
    rf"[(\[]? ?{_INTERVAL}"
)
# ... or its interval in brackets right after the subgroup: "odds ratio 0.96 for subjects with
# current use (95% confidence interval 0.76, 1.22)", "1.4 for current smokers (1.1-1.8)"
# an interval in brackets, with or without its label: "(95% confidence interval 0.76, 1.22)",
# "(1.1-1.8)"
_BRACKETED_INTERVAL = (
    rf" ?[(\[] ?(?:(?P<cilabel>{CI_LABEL}) ?(?:[:=,] ?){{0,2}})?(?:from )?{_INTERVAL} ?[)\]]"
)
_BRACKET_AFTER_SUBGROUP = re.compile(
    rf" (?:among|in|for) [^,;:=()\[\]\d]{{1,60}}?{_BRACKETED_INTERVAL}"
)
# ... or its rate's unit in words: "the rate difference was 1.4 fewer events per 1,000
# person-years (95% CI 0.6-2.1)"
_CI_AFTER_RATE_UNIT = re.compile(
    r"(?: [a-z-]+){0,4} per (?:\d[\d,.]*|a|one|hundred|thousand)(?: [\w/µμ³-]+){0,3}"
    rf"{_BRACKETED_INTERVAL}"
)
_SUBGROUP_CUES = (" among ", " in ", " for ")
# what makes a number a p value, not an estimate ("P = 0.02; 95% CI ...")
_P_BEFORE_VALUE = re.compile(rf"{_P_LABEL} ?{_P_OPERATOR} ?$")
_FOR_ALL_WORDS = ("all", "each", "both", "every")
_P_FOR_ALL = CuedPattern(
    re.compile(rf"{_P_VALUE.pattern} for (?:{'|'.join(_FOR_ALL_WORDS)})"),
    tuple(f" for {word}" for word in _FOR_ALL_WORDS),
)
# a p value that belongs to heterogeneity or an interaction, not to the estimate before it
_OTHER_P = re.compile(r"(?i)\bI ?2\b|I²|heterogeneity|interaction|\bQ ?=|\btau")
# words that make a bracketed pair a spread or a range of values, not an interval
_NOT_AN_ESTIMATE = re.compile(
    r"(?i)\b(?:median|IQR|interquartile|range|aged?|years? old|SD|standard deviation|±)\b|±"
)
# "a 38% [95% CI 9–74%] increased risk", "reduced the risk by 58%": a ratio restated as a
# relative change, not an effect of its own
_RELATIVE_CHANGE_AFTER = re.compile(
    r"^\W{0,3}(?:increased|decreased|reduced|lower|higher|greater|relative)"
    r" (?:risk|odds|hazard|incidence|rate|likelihood)"
)
_RELATIVE_CHANGE_VERB = re.compile(r"(?i)\b(?:reduc|lower|increas|decreas|cut)\w*")
_THRESHOLD_BEFORE = re.compile(r"(?:[<>≤≥]|at least|more than|less than|over|under|below|above) ?$")
# how far before its end these end-anchored patterns are searched: both are shorter
_BEFORE_WINDOW = 20
# "lost 5% or more", "a fall of 50% or greater": a threshold, not a result
_THRESHOLD_AFTER = re.compile(
    r" ?%?%? (?:or (?:more|greater|higher|above|over|less|lower|below|fewer)"
    r"|and (?:above|over|more|higher))\b"
)
# the upper end of a range of percentages ("60–70% of people") is not a group's percentage
_RANGE_BEFORE = re.compile(r"\d ?%? ?(?:-|–|—|to) ?$")


_DIGIT = re.compile(r"\d")
# A value begins at most this many characters before its first digit (a sign, a space and a
# decimal point: "- .5"): the interval pattern is not tried on the words before.
_MAX_VALUE_LEAD = 3
# Cheap tests before the costly patterns: the two numbers of an interval (a unit may follow the
# first), and the letters every measure label holds.
_INTERVAL_CUE = re.compile(r"\d(?: ?[a-zA-Zµμ%/]{1,12})? ?(?:-|–|—|to|,|;) ?[-+]?\.?\d")
_ABBREVIATION_CUES = ("OR", "RR", "HR", "MD", "RD", "NNT", "NNH", "ETD")
_LABEL_WORD_CUES = (
    "ratio", "risk", "differen", "therapeutic gain", "hedge", "cohen", "needed to", "correlation",
    "pearson", "spearman", " effect", "d =", "d=", "g =", "g=",
    "r =", "r=", "rs =", "rs=", "ρ", "rho",
)  # fmt: skip


# An interval is kept only in brackets, after a CI label or right after a labelled value
# (`_interval_estimate`): a sentence with none of them has no interval estimate, whatever the
# pattern matches in it.
# every CI_LABEL spelling holds one of these
_CI_MARKS = (
    "CI",
    "CrI",
    "UI",
    "C.I",
    "c.i",
    "CL",
    "IC",
    "% ci",
    "%ci",
    "%-ci",
    "% Cl",
    "%Cl",
    "%-Cl",
)
_CI_WORD_CUES = ("confidence", "credible", "uncertainty")
# Without a CI label, a kept interval's low bound follows its bracket, the comma or semicolon
# that parts it from its value (`_enclosed`), or the bracket closing an aside with that comma
# ("[adjusted, in men]"): "(477 animals) ... for 8-11 weeks" has none of them.
_MARKED_INTERVAL = re.compile(rf"[(\[\],;] ?(?: (?:with|and))? ?{_INTERVAL}")


def _may_hold_interval(sentence: str) -> bool:
    if _INTERVAL_CUE.search(sentence) is None:
        return False
    if contains_any(sentence, _CI_MARKS) or contains_any(fold_case(sentence), _CI_WORD_CUES):
        return True
    return (contains_any(sentence, "([") or _may_hold_label(sentence)) and _MARKED_INTERVAL.search(
        sentence
    ) is not None


def _may_hold_label(sentence: str) -> bool:
    return contains_any(sentence, _ABBREVIATION_CUES) or contains_any(
        fold_case(sentence), _LABEL_WORD_CUES
    )


@dataclass(frozen=True)
class Estimate:
    """One effect estimate as found in a sentence (offsets into it)."""

    measure: str
    value: float
    ci_low: float | None
    ci_high: float | None
    p: str | None
    unit: str | None
    start: int
    end: int
    ci_level: float | None = None  # the interval's level when it is not 95%
    value_start: int = -1  # where the value itself begins (after any label)
    named: bool = False  # a measure label of its own sentence names it (or the list it ends)


def label_measure(match: re.Match[str], unit: str | None = None, sentence: str = "") -> str:
    """The measure a LABEL match names (`unit`: the value's, which parts an absolute difference
    of shares from one of means; `sentence`: its own, which may name the shares a plain
    "difference" in % is of: "survival favoured surgery, a difference of 7% (...)")."""
    if match["abbr"]:
        return _ABBREVIATIONS[match["abbr"]]
    for index, (_, measure) in enumerate(_WORD_LABELS):
        if match[f"w{index}"]:
            shares = _is_share_unit(unit) or _is_points_unit(unit)
            if index in _SHARE_DIFFERENCES and not shares:
                return "MD"
            if index == _PLAIN_DIFFERENCE:
                return _difference_measure(unit, sentence)
            return measure
    raise ValueError(match.group(0))  # pragma: no cover - every match has one of the groups


def _last_label(text: str) -> re.Match[str] | None:
    """The last measure label in `text`, if any."""
    last = None
    for match in LABEL.finditer(text):
        last = match
    return last


def parse_p(match: re.Match[str]) -> str:
    """A p value as the project writes it: '<0.001', '0.03', '1.2x10^-5'."""
    return _p_text(match["op"], match["num"], match["exp"])


def _p_text(op: str, number: str, exponent: str | None = None) -> str:
    """A p value from its operator, number and power of ten, as the project writes it."""
    op = op.replace("≤", "<=").replace("≥", ">=").replace("‹", "<").replace("›", ">")
    op = op.replace("&lt;", "<").replace("&gt;", ">")
    if number.startswith("."):
        number = "0" + number
    if exponent:
        number = f"{number}x10^{exponent}"
    return number if op in ("=", "==") else f"{op}{number}"


def _p_after(text: str, start: int, limit: int) -> str | None:
    window = text[start : min(limit, start + 80)]
    for match in _P_VALUE.finditer(window):
        if match["qual"] or _OTHER_P.search(window[: match.start()]):
            return None  # the p of heterogeneity or an interaction
        return parse_p(match)
    return None


def _in_order(value: float, low: float, high: float) -> tuple[float, float]:
    """An interval printed high bound first ("95% CI 0.9 to 0.2", "(−1.2, −3.4)") in order,
    when its estimate lies inside it; any other pair as printed."""
    if low > high and high <= value <= low:
        return high, low
    return low, high


def _plausible(measure: str, value: float, low: float, high: float, labelled_ci: bool) -> bool:
    if low > high:
        return False
    if measure in RATIO_MEASURES and (low <= 0 or value <= 0):
        return False
    if measure == "r" and max(abs(low), abs(high), abs(value)) > 1:
        return False
    if labelled_ci:
        return True  # kept as printed, even when the value lies outside its own interval
    slack = 1e-9 + 0.011 * max(abs(low), abs(high), 1.0)
    return low - slack <= value <= high + slack


_PERCENT_UNIT = re.compile(r"%(?! ?-?points?)|(?i:per ?cent)(?!age)")


def _is_percent(unit: str | None) -> bool:
    """'%', '%%', 'percent', 'per cent' (not 'percentage points', a difference of two)."""
    return unit is not None and _PERCENT_UNIT.match(unit) is not None


def _is_share_unit(unit: str | None) -> bool:
    """'%', 'percent', 'percentage points': a unit of shares of people."""
    return unit is not None and ("%" in unit or "percent" in unit.lower())


def _is_points_unit(unit: str | None) -> bool:
    """'percentage points', '% points', 'pp': the difference of two shares."""
    return unit is not None and (unit == "pp" or ("point" in unit and _is_share_unit(unit)))


def _fallback_measure(unit: str | None) -> str:
    return "percent" if _is_percent(unit) else "MD"


def _difference_measure(unit: str | None, sentence: str) -> str:
    """What a difference between arms measures: of shares of people (RD) when in % or
    percentage points and its sentence names such shares and no mean, else of means (MD)."""
    shares = _is_share_unit(unit) or _is_points_unit(unit)
    if shares and _SHARES_NAMED.search(sentence) and not _MEANS_NAMED.search(sentence):
        return "RD"
    return "MD"


def _inheritable(measure: str | None, unit: str | None) -> str | None:
    """A ratio is never written with a unit: such a value does not inherit one."""
    if measure in RATIO_MEASURES and unit is not None:
        return None
    return measure


# a unit after the bracket of an unlabelled pair: "4.1 (3.2–5.0) years" is a spread, no ratio
_UNIT_AFTER_BRACKET = re.compile(
    r" ?[)\]] ?(?:years?|months?|weeks?|days?|hours?|h|min|kg|g|mg|µg|μg|cm|mm|kg/m2|kg/m²|"
    r"mmHg|mm Hg|mmol/L|mg/dL|points?|%)(?![\w/])"
)
# what a ratio never measures: "Participants' BMI was 27.1 (24.3–30.2)"
_MEASUREMENT_NAMED = re.compile(
    r"(?i)\b(?:BMI|body mass index|age|weight|height|follow-up|duration|scores?|levels?|"
    r"concentrations?|pressure|counts?|length of stay)\b(?:(?! (?:risk|odds|hazard|incidence|"
    r"rate|gain|loss|change|ratio))[^,;()]){0,20}$"
)


def _inherits_no_ratio(sentence: str, match: re.Match[str], previous_end: int) -> bool:
    """An unlabelled pair that a ratio measure before it does not name: a unit follows its
    bracket, or the words before it name a measurement."""
    before = sentence[max(previous_end, match.start("value") - 40) : match.start("value")]
    return (
        _UNIT_AFTER_BRACKET.match(sentence, match.end()) is not None
        or _MEASUREMENT_NAMED.search(before) is not None
    )


# no standardised difference of real groups comes near ten standard deviations
_LARGEST_STANDARDISED = 10


def find_estimates(sentence: str, carried: str | None = None) -> list[Estimate]:
    """The estimates of one normalised sentence, in reading order. `carried` is the measure of
    the last estimate of the sentences before (an unlabelled estimate inherits it)."""
    first_digit = _DIGIT.search(sentence)
    if first_digit is None:
        # "Forty patients would need to be treated to prevent one death"
        return _treated_for_one(sentence, []) if contains_any(sentence, _TREATED_CUES) else []
    found: list[Estimate] = []
    previous_end = 0
    previous_measure = carried
    taken: list[tuple[int, int]] = []
    position = max(0, first_digit.start() - _MAX_VALUE_LEAD)
    may_hold = _may_hold_interval(sentence)
    ci_named = _ci_named_before_values(sentence) if may_hold else None
    while may_hold and (match := _WITH_INTERVAL.search(sentence, position)):
        estimate = _interval_estimate(
            sentence,
            match,
            previous_end,
            previous_measure,
            bool(found) and found[-1].named,
            ci_named is not None and ci_named < match.start(),
        )
        if estimate is None:
            # "HR per 10 ng/mL 0.92, 95% CI ...": the rejected pair's first number may be the
            # value of the estimate that follows
            position = match.start("low")
            continue
        found.append(estimate)
        taken.append((match.start(), match.end()))
        previous_end, previous_measure = estimate.end, estimate.measure
        position = match.end()
    may_label = _may_hold_label(sentence)
    if may_label and "respectively" in sentence:
        found.extend(_measures_respectively(sentence, taken))
    labelled = _LABELLED_VALUE.finditer(sentence) if may_label else ()
    for match in labelled:
        if any(start <= match.start("value") < end for start, end in taken):
            continue
        value = parse_number(match["value"])
        value_start = match.start("value")
        if value is None or _THRESHOLD_BEFORE.search(
            sentence, max(0, value_start - _BEFORE_WINDOW), value_start
        ):
            continue
        measure = label_measure(match, match["unit"], sentence)
        if (
            (measure in RATIO_MEASURES and value <= 0)
            or (measure == "r" and abs(value) > 1)
            or (measure in ("SMD", "g") and abs(value) > _LARGEST_STANDARDISED)
        ):
            continue  # a ratio is never negative, a correlation never beyond ±1
        estimate = _labelled_estimate(sentence, match, measure, value)
        listed = _listed_after(sentence, estimate.end, measure, taken)
        if not _reference_category(sentence, estimate, listed):
            found.append(estimate)
        found.extend(listed)
    if contains_any(sentence, _TREATED_CUES):
        found.extend(_treated_for_one(sentence, taken))
    if contains_any(sentence, _LIST_P_CUES):
        found.extend(_bracketed_list_with_ps(sentence, found, taken, carried))
    if contains_any(sentence, _TIMES_CUES) and contains_any(fold_case(sentence), _TIMES_WORDS):
        found.extend(_times_ratios(sentence, taken))
    found.sort(key=lambda estimate: estimate.start)
    if _unclaimed_ci_label(sentence, found):
        found = _with_parted_intervals(sentence, found, taken)
    if " than " in sentence and contains_any(sentence, _COMPARATIVE_CUES):
        found = _with_amounts_compared(sentence, found, taken)
    return _with_p(
        sentence, _without_arms_respectively(sentence, _without_arm_means(sentence, found))
    )


# the category every other is set against: "1.00 (reference)", "1 (ref)", "1.0 (lowest quintile)"
_REFERENCE_AFTER = re.compile(
    r" ?[(\[](?:ref\.?|reference|referent|reference (?:group|category)|(?:lowest|bottom|first) "
    r"[a-z]+)[)\]]"
)


def _reference_category(sentence: str, estimate: Estimate, listed: list[Estimate]) -> bool:
    """Whether a ratio of exactly 1 without an interval is the reference category of a list: named
    so in the bracket after it, or the first of the ratios listed after their label."""
    return (
        estimate.measure in RATIO_MEASURES
        and estimate.value == 1
        and estimate.ci_low is None
        and (bool(listed) or _REFERENCE_AFTER.match(sentence, estimate.end) is not None)
    )


# measures named together, then their values in the same order: "The NNT and percentile gain
# were 9 and 15, respectively", "the crude OR, adjusted OR and hazard ratio were 2.1, 1.7 and
# 1.4, respectively"
_NAME_ITEM = r"(?:the )?[A-Za-z][\w'’-]*(?: [\w'’-]+){0,4}?"
_VALUE_ITEM = rf"{NUMBER}(?: ?{_UNIT})?"
_VALUES_RESPECTIVELY = re.compile(
    rf" (?:were|was|are) (?P<values>{NUMBER_START}{_VALUE_ITEM}(?:, {_VALUE_ITEM})*,? and "
    rf"{_VALUE_ITEM}),? respectively\b"
)
# the names, right before the verb (searched in a short window: the pattern is end-anchored)
_NAMES_BEFORE = re.compile(
    rf"(?<![\w'’-])(?P<names>{_NAME_ITEM}(?:, {_NAME_ITEM})*,? and {_NAME_ITEM})$"
)
_NAMES_WINDOW = 160
_NAME_SPLIT = re.compile(r",? and |, ")
_VALUE_IN_LIST = re.compile(rf"(?P<value>{NUMBER})(?: ?(?P<unit>{_UNIT}))?")


def _measures_respectively(sentence: str, taken: list[tuple[int, int]]) -> list[Estimate]:
    """The values given in order to the measures named before them (a name that is no measure
    takes its value out of reading); each value's span joins `taken`."""
    found: list[Estimate] = []
    for match in _VALUES_RESPECTIVELY.finditer(sentence):
        named = _NAMES_BEFORE.search(sentence, max(0, match.start() - _NAMES_WINDOW), match.start())
        if named is None:
            continue
        values = list(_VALUE_IN_LIST.finditer(sentence, match.start("values"), match.end("values")))
        # the words before the names may open the list: "For frailty, the odds ratio and ..."
        names = _NAME_SPLIT.split(named["names"])[-len(values) :]
        labels = [_last_label(name) for name in names]
        if (
            len(names) != len(values)
            or not any(labels)
            # "The relative risks for one, two and three factors were ...": one measure's
            # categories, whose values the labelled reader lists
            or any(
                label and label.end() < len(name.rstrip())
                for label, name in zip(labels, names, strict=True)
            )
        ):
            continue
        for label, item in zip(labels, values, strict=True):
            taken.append((item.start(), item.end()))
            value = parse_number(item["value"])
            if label is None or value is None:
                continue
            measure = label_measure(label, item["unit"], sentence)
            if (measure in RATIO_MEASURES and value <= 0) or (measure == "r" and abs(value) > 1):
                continue
            found.append(
                Estimate(measure, value, None, None, None, item["unit"], item.start(), item.end(),
                         value_start=item.start(), named=True)
            )  # fmt: skip
    return found


# values listed in a bracket, then one p value each: "(−3.0, −1.0, and −2.5 mm Hg; P = 0.079,
# 0.405, and 0.079)" (a trend's one p makes the values each group's mean)
_LIST_P_CUES = ("; P", "; p")
_LIST_JOINS = r"(?:,? and |, )"
_P_NUMBER = r"(?:\d*\.\d+|\d+(?:\.\d+)?)"
_BRACKETED_LIST_WITH_PS = re.compile(
    rf"[(\[] ?(?P<values>{NUMBER_START}{_VALUE_ITEM}(?:{_LIST_JOINS}{_VALUE_ITEM})+) ?; ?"
    rf"{_P_LABEL} ?(?P<op>{_P_OPERATOR}) ?(?P<ps>{_P_NUMBER}(?:{_LIST_JOINS}{_P_NUMBER})+) ?[)\]]"
)
_P_IN_LIST = re.compile(_P_NUMBER)


def _bracketed_list_with_ps(
    sentence: str, found: list[Estimate], taken: list[tuple[int, int]], carried: str | None
) -> list[Estimate]:
    """The values of a bracketed list whose p values match them one to one, each taking the
    measure of the estimate before it (of the sentence or the sentences before), else MD."""
    listed: list[Estimate] = []
    spans = taken + [(estimate.start, estimate.end) for estimate in found]
    for match in _BRACKETED_LIST_WITH_PS.finditer(sentence):
        values = list(_VALUE_IN_LIST.finditer(sentence, match.start("values"), match.end("values")))
        ps = _P_IN_LIST.findall(match["ps"])
        units = [item["unit"] for item in values if item["unit"]]
        if (
            len(values) != len(ps)
            or any(low <= match.start("values") < high for low, high in spans)
            or any(_is_share_unit(unit) or _NOT_A_DIFFERENCE_UNIT.match(unit) for unit in units)
        ):
            continue
        before = [estimate for estimate in found if estimate.end <= match.start()]
        previous = before[-1].measure if before else carried
        measure = _inheritable(previous, units[-1] if units else None)
        if measure is None or measure == "percent":
            measure = "MD"
        for item, p in zip(values, ps, strict=True):
            value = parse_number(item["value"])
            if value is None or (measure in RATIO_MEASURES and value <= 0):
                continue
            listed.append(
                Estimate(measure, value, None, None, _p_text(match["op"], p), item["unit"],
                         item.start(), item.end(), value_start=item.start())
            )  # fmt: skip
    return listed


def _listed_after(
    sentence: str, end: int, measure: str, taken: list[tuple[int, int]]
) -> list[Estimate]:
    """The values listed after a labelled one, each taking its measure: 'the adjusted odds ratios
    were 1.8, 2.4 and 3.1'."""
    listed: list[Estimate] = []
    while (item := _LISTED_AFTER.match(sentence, end)) is not None:
        value = parse_number(item["value"])
        unit = item["unit"]
        if (
            value is None
            or any(start <= item.start("value") < stop for start, stop in taken)
            or (unit is not None and _NOT_A_DIFFERENCE_UNIT.match(unit))  # "and 120 patients"
        ):
            break
        # each listed value may name its own subgroup and interval, as the first did: "0.96 for
        # current use (95% CI ...), 1.17 for recent use (95% CI ...) and 1.12 for late use (...)"
        estimate = _labelled_estimate(sentence, item, measure, value)
        listed.append(replace(estimate, start=item.start("value")))
        end = estimate.end
    return listed


# The arm a value belongs to, named right after it (and its bracket): "−13.2% (95% CI ...)
# with the 4-mg dose", "by 9.8 mm Hg (...) in the salt substitute group", "(0.5) with placebo"
_OWN_ARM = re.compile(
    r" ?(?:[;,] ?[Pp] ?[<=>≤≥][^()\[\]]{0,12})?[)\]]?,? "
    r"(?:(?:with|on|receiving|taking|given) (?![-+]?\.?\d[\d.]* ?%)"
    r"|(?:in|among) (?:the )?(?=(?:[\w\-+]+ ){0,4}?(?:group|arm|cohort)\b))"
    r"[^,;:()\[\]]{1,50}?(?=$|[,;:()\[\]]|\.(?!\d)| (?:and|versus|vs\.?|compared|than|relative)\b)"
)
# arms named right after numbers anywhere in the sentence (an arm's value may be read as no
# effect by another rule: "..., compared with 1.1 kg (0.4 to 1.8) in the control group")
_ARMS_NAMED = re.compile(rf"(?<=[\d%)\]]){_OWN_ARM.pattern}")
# ... or named before it in its clause: "the VAS score of the observation group decreased by
# 3.42 points (...) and that of the control group by 2.10 points (...)", "with placebo the
# change was 2.1% (...)"
_ARM_BEFORE = re.compile(
    r"\b(?:with|in|of|among|on|receiving|taking|given) (?:the )?"
    r"(?:(?:[\w\-+]+ ){0,3}?(?:group|arm)\b|placebo\b|usual care\b)"
)
# the words that set one arm against another
_VERSUS = r"(?:compared (?:with|to)|versus|vs\.?|than|relative to)"
# "... with the drug compared with placebo": the value compares the arm with another
_COMPARED_AFTER = re.compile(rf",? {_VERSUS} (?![-+]?\.?\d)")
# values compared with an arm that has no value of its own are differences: "lowered it by 3.1
# mm Hg (...) in the 5-mg group and 4.0 mm Hg (...) in the 10-mg group, compared with placebo"
_COMPARED_WITH_AN_ARM = re.compile(
    rf"(?i)\b(?:{_VERSUS}|over) (?:the |those (?:on|given|"
    r"receiving|taking) )?(?:placebo|controls?|usual care|standard care|sham)\b"
    r"|placebo-(?:adjusted|corrected|subtracted)"
)
_ARM_CUES = (" with ", " on ", " receiving ", " taking ", " given ", " group", " arm", " cohort")
# a percentage is an arm's mean only where the sentence speaks of a mean or a change ("mean
# change in weight was −13.2%", "HbA1c fell by 1.1%"); "the response rate was 45% (95% CI
# 38–52%) in the combination arm" is a group's share
_MEAN_OR_CHANGE = re.compile(
    r"(?i)\b(?:mean|average|least[- ]squares|chang|reduc|decreas|increas|fell|fall|rose|rise"
    r"|declin|improv|lower|gain|loss|lost|drop)"
)


def _without_arm_means(sentence: str, found: list[Estimate]) -> list[Estimate]:
    """Each arm's own mean of a continuous outcome is not an effect, even with its own CI: an
    unnamed value whose arm is named right after it or before it in its clause, in a sentence
    where two values or more have their arms ("−13.2% (95% CI ...) with 4 mg ... and −2.6%
    (...) with placebo"); the difference between them is. A value continuing a list a label
    names ("mean differences were −1.2 (...) with 10 mg and −2.0 (...) with 20 mg"), a ratio
    (always a comparison) and values compared with an arm of no value of their own stay."""
    if not found or not contains_any(sentence, _ARM_CUES):
        return found
    if _COMPARED_WITH_AN_ARM.search(sentence):
        return found
    arms: list[bool] = []
    previous_end = 0
    for estimate in found:
        after = _OWN_ARM.match(sentence, estimate.end)
        own = (after is not None and not _COMPARED_AFTER.match(sentence, after.end())) or (
            _ARM_BEFORE.search(sentence, previous_end, max(previous_end, estimate.value_start))
            is not None
        )
        arms.append(own)
        previous_end = estimate.end
    if sum(arms) < 2 and (not any(arms) or sum(1 for _ in _ARMS_NAMED.finditer(sentence)) < 2):
        return found
    of_means = _MEAN_OR_CHANGE.search(sentence) is not None
    kept: list[Estimate] = []
    for index, estimate in enumerate(found):
        before = found[index - 1] if index else None
        continues = before is not None and before in kept and before.measure == estimate.measure
        if (
            arms[index]
            and (of_means or not _is_percent(estimate.unit))
            and not estimate.named
            and estimate.measure not in RATIO_MEASURES
            and not continues
        ):
            continue
        kept.append(estimate)
    return kept


# two arms named before the values that "respectively" gives them: "the yoga and the stretching
# groups improved: -3.1 points (...) and -2.7 points (...), respectively", "between the
# metformin group and the placebo group (-2.1 kg [...] and -1.8 kg [...], respectively"
_ARMS_BEFORE = re.compile(
    r"(?i)\b(?:groups|arms)\b|\b(?:group|arm),? (?:and|or|vs\.?|versus) (?:the |those )?"
)
_RESPECTIVELY_NEXT = re.compile(r"\W{0,3}respectively\b")


def _without_arms_respectively(sentence: str, found: list[Estimate]) -> list[Estimate]:
    """Each arm's own value is no effect: unlabelled values (no ratio) listed and then given to
    the arms named before them by 'respectively', unless set against an arm of no value of its
    own ("..., compared with placebo")."""
    if len(found) < 2 or "respectively" not in sentence or _COMPARED_WITH_AN_ARM.search(sentence):
        return found
    dropped: set[int] = set()
    run: list[int] = []
    for index, estimate in enumerate(found):
        if estimate.named or estimate.measure in RATIO_MEASURES:
            run = []
            continue
        if run and not _LIST_JOIN_ONLY.fullmatch(sentence, found[run[-1]].end, estimate.start):
            run = []
        run.append(index)
        if (
            len(run) >= 2
            and _RESPECTIVELY_NEXT.match(sentence, estimate.end)
            and _ARMS_BEFORE.search(sentence, 0, found[run[0]].start)
        ):
            dropped.update(run)
    return [estimate for index, estimate in enumerate(found) if index not in dropped]


def _treated_for_one(sentence: str, taken: list[tuple[int, int]]) -> list[Estimate]:
    """Numbers needed to treat written in words (no interval is printed with them)."""
    found = []
    for match in _TREATED_FOR_ONE.finditer(sentence):
        group = next(name for name in ("n1", "n2", "n3", "n4", "n5") if match[name] is not None)
        value = parse_count(match[group])
        if value and not any(start <= match.start(group) < end for start, end in taken):
            found.append(
                Estimate("NNT", float(value), None, None, None, None, match.start(),
                         match.end(), value_start=match.start(group))
            )  # fmt: skip
    return found


# a CI in its own bracket: "(95% CI −1.6 to −0.2)"
_CI_BRACKET = re.compile(
    rf"[(\[] ?(?:{CI_LABEL}) ?(?:[:=,] ?){{0,2}}{_INTERVAL}(?: ?[;,] ?{_P_LABEL}[^()\[\]]{{0,30}}?)? ?[)\]]"
)
_RANGE = re.compile(rf"{NUMBER} ?(?:-|–|—|\bto\b) ?{NUMBER}")
# a name that holds digits ("PHQ-9", "IL-6", "HbA1c"): not a number of the text
_NAME_WITH_DIGITS = re.compile(r"\b[A-Za-z][A-Za-z0-9]*-?\d+[A-Za-z]*\b")
# an amount of change named by its verb: "fell by 1.3 points", "a difference of -0.9"
_CHANGE_AMOUNT = re.compile(rf"\b(?:by|of) (?P<value>{NUMBER})(?: ?(?P<unit>{_UNIT}))?")


def _without_labels(words: str) -> str:
    """Words with the ranges and the names holding digits taken out: "on a 0–10 scale"."""
    return _NAME_WITH_DIGITS.sub("", _RANGE.sub("", words))


def _unclaimed_ci_label(sentence: str, found: list[Estimate]) -> bool:
    """Whether the sentence writes more CI labels than its estimates have intervals (a cheap
    test: most sentences' intervals are all claimed)."""
    labels = sentence.count("CI") + sentence.count("confidence")
    return labels > sum(1 for estimate in found if estimate.ci_low is not None)


def _with_parted_intervals(
    sentence: str, found: list[Estimate], taken: list[tuple[int, int]]
) -> list[Estimate]:
    """'a difference of −0.9 points on a 0–10 scale (95% CI −1.6 to −0.2)', 'fell by 1.3 points
    on a 0–100 scale (95% CI ...)': a CI parted from its estimate by words holding no number but
    a range or a name belongs to the estimate, or the amount of change, before it."""
    for match in _CI_BRACKET.finditer(sentence):
        if any(start <= match.start() < end for start, end in taken):
            continue
        low, high = parse_number(match["low"]), parse_number(match["high"])
        if low is None or high is None:
            continue
        level = match["level"] or match["level2"]
        ci_level = float(level) if level and float(level) != 95 else None
        index = max(
            (i for i, estimate in enumerate(found) if estimate.end <= match.start()), default=None
        )
        share = _share_of_group_before(sentence[: match.start()], low, high)
        if share and (index is None or found[index].end <= share[1]):
            found.append(
                Estimate("percent", share[0], low, high, None, "%", share[1], match.end(),
                         ci_level, share[1])
            )  # fmt: skip
            found.sort(key=lambda estimate: estimate.start)
            continue
        if index is not None:
            estimate = found[index]
            low, high = _in_order(estimate.value, low, high)
            if (
                estimate.ci_low is None
                and low <= high
                and not _DIGIT.search(_without_labels(sentence[estimate.end : match.start()]))
            ):
                found[index] = replace(
                    estimate, ci_low=low, ci_high=high, ci_level=ci_level, end=match.end()
                )
            continue
        if amount := _parted_amount(sentence[: match.start()]):
            value, unit, start, compared = amount
            low, high = _in_order(value, low, high)
            if low > high:
                continue
            clause_start = max((e.end for e in found if e.end <= start), default=0)
            # "The treatment group lost 2.9 kg more than controls (95% CI ...)": set against
            # another arm, whatever group the clause opens with
            if not compared and _one_arm_change(sentence, clause_start, (start, match.end()), unit):
                continue
            found.append(
                Estimate(_difference_measure(unit, sentence) if compared else _fallback_measure(unit),
                         value, low, high, None, unit, start,
                         match.end(), ci_level, start)
            )  # fmt: skip
            found.sort(key=lambda estimate: estimate.start)
    return found


# a share and the group it is of, right before that share's CI: "23.4% of women (95% CI, 19.1
# to 28.2)"; the group's words hold no number and no clause break
_SHARE_OF_GROUP = re.compile(rf"(?P<value>{NUMBER}) ?% of (?P<group>[^\d,;:()%]{{1,48}}?) ?$")


def _share_of_group_before(before: str, low: float, high: float) -> tuple[float, int] | None:
    """The share (value, where) whose group's name alone parts it from the CI after it."""
    if "% of " not in before[-60:]:
        return None
    match = _SHARE_OF_GROUP.search(before, max(0, len(before) - 70))
    value = parse_number(match["value"]) if match else None
    if match is None or value is None or not low <= value <= high:
        return None
    return value, match.start("value")


# a few words naming the arm between a change and its CI: "fell by 8.4 points more with
# ashwagandha (95% CI ...)"
_ARM_WORDS = re.compile(
    rf"^(?: more| less)?(?: (?:with|in|on|for|after|{_VERSUS}) [^\d,;:()]{{1,40}}?)? ?$"
)
# a difference written as an amount more or less than the other arm, right before its CI:
# "5.2 mmHg lower with the drug than with placebo (95% CI ...)"; never a change from baseline
_MORE_OR_LESS = (
    "lower", "higher", "greater", "less", "more", "smaller", "larger", "longer", "shorter",
)  # fmt: skip
_COMPARED_AMOUNT = re.compile(
    rf"(?<![\w.])(?P<value>{NUMBER}) ?(?P<unit>{_UNIT}) (?:{'|'.join(_MORE_OR_LESS)})\b"
    r"(?P<between>[^\d()\[\];]{0,80}?) ?$"
)


# a difference without an interval, written as an amount more or less than the other group's:
# "4.6 mm Hg higher in smokers than in non-smokers", "(3.1 points higher than males)"
_COMPARATIVES = (*_MORE_OR_LESS, "heavier", "lighter")
_COMPARATIVE_CUES = tuple(f" {word} " for word in _COMPARATIVES)
_AMOUNT_THAN = re.compile(
    rf"(?<![\w.])(?P<value>{NUMBER}) ?(?P<unit>{_UNIT}) (?:{'|'.join(_COMPARATIVES)})\b"
    r"(?P<between>[^\d()\[\];,.]{0,60}?)\bthan\b(?P<other>[^\d()\[\];,.]{0,60})"
)
# what no difference between groups is counted in or set against: people or events counted,
# times and folds; the same people before, or a criterion ("5 breaths per minute less than the
# WHO criteria")
_NOT_A_DIFFERENCE_UNIT = re.compile(
    r"(?i)^(?:patients?|participants?|people|persons?|subjects?|adults?|children|women|men|"
    r"individuals?|cases?|events?|episodes?|deaths?|visits?|studies|trials?|times|fold)$"
)
_NOT_ANOTHER_GROUP = re.compile(
    r"(?i)\b(?:baseline|entry|enrol?ment|before|pre-?treatment|previous|criteri|threshold|cut-?off|"
    r"limit|target|normal|recommend|planned|expected|intended|scheduled)"
)
# the same people at another time: "lower than at 6 months", "than after the first dose"
_SAME_PEOPLE_LATER = re.compile(r" ?(?:at|after|before|during)\b")
# what is no outcome of the people compared: a dose, a price, how long something lasted
_NOT_AN_OUTCOME_COMPARED = re.compile(
    r"(?i)\b(?:doses?|dosages?|prices?|costs?|lasted|duration|length of the (?:trial|study))\b"
    r"[^,;.]{0,40}$"
)


def _with_amounts_compared(
    sentence: str, found: list[Estimate], taken: list[tuple[int, int]]
) -> list[Estimate]:
    """The differences written in words with no interval, added to `found` in reading order."""
    spans = taken + [(estimate.start, estimate.end) for estimate in found]
    added = False
    for match in _AMOUNT_THAN.finditer(sentence):
        start = match.start("value")
        value = parse_number(match["value"])
        unit = match["unit"]
        if (
            value is None
            or any(low <= start < high for low, high in spans)
            or _is_share_unit(unit)
            or _NOT_A_DIFFERENCE_UNIT.match(unit)
            or _NOT_ANOTHER_GROUP.search(match["between"] + match["other"])
            or _SAME_PEOPLE_LATER.match(sentence, match.start("other"))
            or _NOT_AN_OUTCOME_COMPARED.search(sentence, max(0, start - 60), start)
            or _THRESHOLD_BEFORE.search(sentence, max(0, start - _BEFORE_WINDOW), start)
        ):
            continue
        found.append(Estimate("MD", value, None, None, None, unit, start, match.end(), None, start))
        added = True
    if added:
        found.sort(key=lambda estimate: estimate.start)
    return found


# a change within one group, named between a comparative and its CI: "lower after treatment"
_WITHIN_A_GROUP = re.compile(r"\b(?:after|from|post|over time)\b")


def _set_against_another_arm(between: str, unit: str) -> bool:
    """Whether an amount 'lower/longer/...' and the words after it (to its CI) set one arm
    against another: 'than' another group, or the other arm left unsaid ('2 days shorter with
    the antiviral'); never the same people earlier, and a share only with 'than'."""
    if _NOT_ANOTHER_GROUP.search(between):
        return False
    if " than " in between:
        return True
    return not _is_share_unit(unit) and not _WITHIN_A_GROUP.search(between)


def _parted_amount(before: str) -> tuple[float, str | None, int, bool] | None:
    """The amount of change whose CI a range in a label, or the words naming the arm, part from
    it (value, unit, where, and whether it is said to be more or less than another arm's)."""
    compared = _COMPARED_AMOUNT.search(before, max(0, len(before) - 140))
    if compared and _set_against_another_arm(compared["between"], compared["unit"]):
        value = parse_number(compared["value"])
        if value is not None:
            return value, compared["unit"], compared.start("value"), True
    amount = next(reversed(list(_CHANGE_AMOUNT.finditer(before))), None)
    if amount is None:
        return None
    between = before[amount.end() :]
    named_arm = amount.group(0).startswith("by") and _ARM_WORDS.match(between) is not None
    if not named_arm and (not _RANGE.search(between) or _DIGIT.search(_without_labels(between))):
        return None  # only a range parts them; an adjacent CI is read as an interval already
    value = parse_number(amount["value"])
    return (value, amount["unit"], amount.start("value"), False) if value is not None else None


def _labelled_estimate(sentence: str, match: re.Match[str], measure: str, value: float) -> Estimate:
    """A labelled value, with the interval printed after its p value when there is one."""
    after_p = None
    if "CI" in sentence:
        after_p = _CI_AFTER_P.match(sentence, match.end())
        if after_p is None and sentence.startswith(_SUBGROUP_CUES, match.end()):
            after_p = _CI_AFTER_SUBGROUP.match(sentence, match.end())
    if after_p is None and sentence.startswith(_SUBGROUP_CUES, match.end()):
        after_p = _BRACKET_AFTER_SUBGROUP.match(sentence, match.end())
    if after_p is None and " per " in sentence[match.end("value") : match.end("value") + 60]:
        # from the value: its unit may have taken the "per ..." ("0.91 per 1 mmol/L higher LDL")
        after_p = _CI_AFTER_RATE_UNIT.match(sentence, match.end("value"))
    if after_p is None and contains_any(sentence, _CI_IN_WORDS_CUES):
        after_p = _CI_IN_WORDS.match(sentence, match.end())
    if after_p:
        low, high = parse_number(after_p["low"]), parse_number(after_p["high"])
        if low is not None and high is not None:
            low, high = _in_order(value, low, high)
        labelled_ci = after_p["cilabel"] is not None  # a bare bracket must hold the value
        if (
            low is not None
            and high is not None
            and _plausible(measure, value, low, high, labelled_ci)
        ):
            level = after_p["level"] or after_p["level2"]
            p = parse_p(after_p) if after_p.groupdict().get("op") else None
            return Estimate(
                measure, value, low, high, p, match["unit"], match.start(),
                after_p.end(), float(level) if level and float(level) != 95 else None,
                match.start("value"), named=True,
            )  # fmt: skip
    return Estimate(
        measure, value, None, None, None, match["unit"], match.start(), match.end(),
        value_start=match.start("value"), named=True,
    )  # fmt: skip


# the interval named once for the estimates after it: "(95% CI)", "[95% CI]", "with 95%
# confidence intervals", "and their 95% CIs"
_CI_NAMED = re.compile(rf"(?:[(\[] ?|\b(?:with|and) (?:their |its |the )?)(?:{CI_LABEL})")

# what the estimates are: changes, effects or differences, never a group's mean or level
_EFFECTS_NAMED = re.compile(
    r"(?i)\b(?:chang|effect|differen|reduction|increase|decrease|improvement|compared|relative to"
    r"|versus|vs\b)"
)
_BOUND_NEXT = re.compile(r"[ :,=(\[]*(?:from )?[-+]?\.?\d")


def _ci_named_before_values(sentence: str) -> int | None:
    """Where the sentence names the interval of the bracketed pairs after it, if it does and
    says they are changes, effects or differences."""
    if not contains_any(sentence, ("CI)", "CI]", "CIs", "with ", "and ")):
        return None
    for match in _CI_NAMED.finditer(sentence):
        if not _BOUND_NEXT.match(sentence, match.end()) and _EFFECTS_NAMED.search(
            sentence, 0, match.start()
        ):
            return match.end()
    return None


def _doubled_dash(sentence: str, sign: int) -> bool:
    """Whether the minus sign at `sign` follows a dash that already parts two bounds."""
    return sentence.startswith("-", sign) and sentence[max(0, sign - 2) : sign].rstrip()[-1:] in (
        "–",
        "—",
        "-",
    )


def _interval_estimate(
    sentence: str,
    match: re.Match[str],
    previous_end: int,
    previous_measure: str | None,
    previous_named: bool = False,
    ci_named_before: bool = False,
) -> Estimate | None:
    value = parse_number(match["value"])
    low = parse_number(match["low"])
    high = parse_number(match["high"])
    if value is None or low is None or high is None:
        return None
    # "1.01–-2.44": an en dash and a hyphen, a ratio's bound (never negative) typeset twice
    doubled_dash = high < 0 and _doubled_dash(sentence, match.start("high"))
    if not doubled_dash:
        low, high = _in_order(value, low, high)
    if _P_BEFORE_VALUE.search(sentence, max(0, match.start("value") - 12), match.start("value")):
        return None  # a p value followed by an interval that belongs to the estimate before
    labelled_ci = match["cilabel"] is not None
    before = sentence[previous_end : match.start()]
    if not labelled_ci and match["bracket"] is None and not _enclosed(sentence, match, before):
        return None  # two numbers with a dash between them are a range, not an interval
    value_start = match.start("value")
    if _THRESHOLD_BEFORE.search(
        sentence, max(previous_end, match.start() - _BEFORE_WINDOW), match.start()
    ) or _RANGE_BEFORE.search(sentence, max(0, value_start - _BEFORE_WINDOW), value_start):
        return None  # "0–10 (95% CI ...)": the end of a range in a label is not a value
    unit = match["unit"]
    label = _last_label(before)
    if _unknown_measure(before[label.end() if label else 0 :]):
        return None  # "ratio of means 1.12 (...)", "β = -2.1": no measure of the README
    measure = (
        label_measure(label, unit, sentence) if label else _inheritable(previous_measure, unit)
    )
    if (
        label is None
        and measure in RATIO_MEASURES
        and _inherits_no_ratio(sentence, match, previous_end)
    ):
        measure = None
    if measure is None and not labelled_ci and not ci_named_before:
        return None  # a bracketed pair with nothing saying it is an effect
    # from the label on: "Over a median of 5 years, ... (HR 0.82, 0.74 to 0.91)" is an estimate
    said_from = previous_end + label.start() if label else previous_end
    if not labelled_ci and _NOT_AN_ESTIMATE.search(sentence[said_from : match.end()]):
        return None  # a median and its IQR, an age and its range
    if label is None and _NOT_AN_EFFECT_QUANTITY.search(
        sentence, max(previous_end, match.start("value") - 60), match.start("value")
    ):
        return None  # "The C statistic was 0.71 (95% CI ...)"
    if (
        label is None
        and measure not in RATIO_MEASURES
        and not _is_share_unit(unit)
        and not (previous_named and _LIST_JOIN_ONLY.fullmatch(before))
        and _group_level(sentence, match, previous_end)
    ):
        return None  # "Mean age was 54 years (95% CI 52 to 56)": one group's mean or level
    if label is None and measure not in RATIO_MEASURES and _RATE_AFTER.match(sentence, match.end()):
        return None  # "(1.8 (95% CI 1.2 to 2.6) falls per person-year)": a group's rate
    if (
        label is None
        and measure not in RATIO_MEASURES
        and _one_arm_change(sentence, previous_end, (match.start("value"), match.end()), unit)
    ):
        return None
    if (
        measure is None
        and _is_percent(unit)
        and _relative_change(sentence, match, previous_measure if previous_end > 0 else None)
    ):
        return None
    measure = measure or _fallback_measure(unit)
    if doubled_dash:
        low, high = (low, -high) if measure in RATIO_MEASURES else _in_order(value, low, high)
    if not _plausible(measure, value, low, high, labelled_ci):
        return None
    level = match["level"] or match["level2"]
    ci_level = float(level) if level and float(level) != 95 else None
    if unit is not None and unit.upper().startswith("CI"):
        unit = None
    start = previous_end + label.start() if label else match.start()  # the label opens it
    return Estimate(
        measure, value, low, high, None, unit, start, match.end(), ci_level, match.start("value"),
        named=label is not None,
    )  # fmt: skip


# a ratio named in words by how many times it multiplies, its CI after the words: "The odds of
# depression were 1.8 times higher among night workers (95% CI 1.2 to 2.7)", "a 2.1-fold higher
# odds of stroke (95% CI 1.4-3.2)"; a "2.4-fold higher risk" names no ratio of the README (risk,
# odds or hazard?) and stays unread
_TIMES_WHAT = r"(?P<what>odds|hazard|rate)s?"
_TIMES_VALUE = rf"(?P<value>{NUMBER})[- ](?:times|fold)"
_TIMES_CI = rf"[^.;()\[\]\d]{{0,60}}?[(\[] ?(?:{CI_LABEL}) ?(?:[:=,] ?){{0,2}}{_INTERVAL} ?[)\]]"
_TIMES_RATIOS = (
    re.compile(
        rf"(?i)\b{_TIMES_WHAT}\b[^.;()\[\]\d]{{0,60}}?\b(?:was|were|is|are) {_TIMES_VALUE}{_TIMES_CI}"
    ),
    re.compile(
        rf"(?i)(?<![\w.]){_TIMES_VALUE} (?:higher|greater|increased|lower|reduced) {_TIMES_WHAT}"
        rf"{_TIMES_CI}"
    ),
)
_TIMES_CUES = (" times ", "-times ", "-fold ", " fold ")
_TIMES_WORDS = ("odds", "hazard", "rate")  # each match names one
_TIMES_MEASURES = {"odds": "OR", "hazard": "HR", "rate": "IRR"}


def _times_ratios(sentence: str, taken: list[tuple[int, int]]) -> list[Estimate]:
    """Ratios written as 'x times higher' with their CI in the bracket after the words."""
    found: list[Estimate] = []
    for match in chain.from_iterable(pattern.finditer(sentence) for pattern in _TIMES_RATIOS):
        if any(start <= match.start("low") < end for start, end in taken):
            continue
        value, low, high = map(parse_number, match.group("value", "low", "high"))
        what = match["what"].lower()
        if value is None or low is None or high is None or not low <= value <= high:
            continue
        level = match["level"] or match["level2"]
        found.append(
            Estimate(_TIMES_MEASURES[what], value, low, high, None, None, match.start(),
                     match.end(), float(level) if level and float(level) != 95 else None,
                     match.start("value"), named=True)
        )  # fmt: skip
    return found


# one group's mean or the level it reached, not a difference: "Mean age was 54 years", "rose to
# 78 nmol/L" (a "mean effect" is a difference); each arm's mean set against the other's: "6.5 days (...) with the drug vs 8.0 days"
_GROUP_MEAN_BEFORE = re.compile(
    r"(?i)\b(?:mean|median|average|aged?)\b(?!(?: [\w-]+)? (?:difference|change|reduction|"
    r"increase|decrease|improvement|gain|loss|effects?)\b)[^,;]{0,40}$"
    r"|\b(?:rose|fell|increased|decreased|dropped|climbed|returned|reached|improved) to ?$"
    r"|\b(?:vs\.?|versus|compared with) ?$"
)
# a quantity that is no effect of the README, whatever its unit or interval: a compound's ("an
# IC50 of 12.5 µM", "a half-life of 9 days"), a test's accuracy or agreement ("an AUC of 0.82",
# "Sensitivity was 87%", "ICC 0.91"), a model's discrimination ("The C statistic was 0.71")
_NOT_AN_EFFECT_QUANTITY = re.compile(
    r"(?i)\b(?:[IE]C50|[EL]D50|half-life|t1/2|Cmax|Tmax|AUC|AUROC|ROC|area under (?:the )?"
    r"(?:[\w-]+ ){0,4}?curve|clearance|c[- ](?:statistic|index)|sensitivity|specificity|"
    r"(?:positive|negative) predictive values?|PPV|NPV|kappa|ICC|intraclass|Cronbach['’]?s?|"
    r"heritability|accuracy|concordance|Youden)\b[^,;()\[\]]{0,30}[(\[]?$"
)
_ARM_SET_AGAINST = re.compile(rf"[^.;]{{0,40}}?\b(?:vs\.?|versus|compared with) ?{NUMBER}")


# what joins the items of a list: the value after it continues a labelled one before it
# ("Differences from placebo were -1.2 kg (...) vs -2.0 kg (...)")
_LIST_JOIN_ONLY = re.compile(r"\W{0,3}(?:and|or|vs\.?|versus)? ?")
# the events counted per unit of time or people, right after an interval: a group's rate
_RATE_AFTER = re.compile(r" ?[)\]] ?[a-z]+(?:[- ][a-z]+)? per (?:\d[\d,]* ?)?[a-z]")


def _group_level(sentence: str, match: re.Match[str], previous_end: int) -> bool:
    """Whether an unlabelled value with its unit is a group's mean or level (no difference)."""
    before = sentence[max(previous_end, match.start("value") - 60) : match.start("value")]
    if before.endswith(" by "):
        # an amount of change, never a level: "and the average number of days by 0.4 days"
        return _ARM_SET_AGAINST.match(sentence, match.end()) is not None
    return (
        _GROUP_MEAN_BEFORE.search(before) is not None
        or _ARM_SET_AGAINST.match(sentence, match.end()) is not None
    )


# one arm named as the frame of a change: "In the treatment group, HbA1c fell by 0.8% (95% CI
# ...)", "Among those given placebo, LDL rose by ..." (a single-group study's change from
# baseline is its effect, so "from baseline" alone is no frame)
_ONE_ARM_FRAME = re.compile(
    r"(?i)\b(?:in|among|within|for) (?:the |each |both )?(?:[\w-]+ ){0,3}?(?:group|arm|cohort)s?\b"
    r"|\bamong (?:those|participants|patients|people) (?:given|receiving|taking|treated|"
    r"assigned|allocated|randomi[sz]ed)\b"
)
# the arm as the clause's subject ("The treatment group lost 4.2 kg") or named right after the
# interval ("... (95% CI 0.6 to 1.2) in the metformin group")
_ARM_SUBJECT = re.compile(r"(?i)\s*(?:the |each )?(?:[\w-]+ ){0,3}?(?:group|arm)s? ")
_ARM_AFTER = re.compile(
    r"(?i) ?(?:in|among|within|with|for) (?:the |those )?(?:[\w-]+ ){0,3}?(?:group|arm|cohort)s?\b"
)
_SET_AGAINST_ANOTHER = re.compile(
    r"(?i)\b(?:differ\w*|compared|versus|vs\b|than\b|relative to|between|placebo-(?:adjusted|"
    r"corrected)|net|treatment effect)"
)
_MORE_THAN_AFTER = re.compile(r"(?i)[^.;]{0,12}?\b(?:more|less|greater|fewer|lower|higher) than\b")
_CHANGED_BY = re.compile(
    r"(?i)\b(?:fell|rose|increased|decreased|dropped|declined|improved|changed|reduced|lowered|"
    r"worsened) by ?$"
)
_ONE_ARM_CUES = ("group", "arm", "among", "Among", "cohort")


def _one_arm_change(
    sentence: str, clause_start: int, value: tuple[int, int], unit: str | None
) -> bool:
    """Whether an unlabelled value (`value`: where it starts and its interval ends, its clause
    opening at `clause_start`) is one arm's own change or level: an arm frames the clause
    before it and nothing sets it against another arm."""
    before = sentence[clause_start : value[0]]
    if not contains_any(sentence[clause_start : value[1] + 60], _ONE_ARM_CUES):
        return False
    if not (
        _ONE_ARM_FRAME.search(before)
        or _ARM_SUBJECT.match(before)
        or _ARM_AFTER.match(sentence, value[1])
    ):
        return False
    if _SET_AGAINST_ANOTHER.search(before) or _MORE_THAN_AFTER.match(sentence, value[1]):
        return False
    # a share in one arm is a per-group percentage (an effect); its change is not
    return not _is_percent(unit) or _CHANGED_BY.search(before) is not None


# a ratio or a regression coefficient named after the last measure label, or with none: no
# measure of the corpus README fits it ("ratio of means 1.12 (...)", "β = −2.1 mm Hg per 100
# mg/day; 95% CI ...")
_UNKNOWN_MEASURE = re.compile(r"(?i)\bratios?\b|β|\bbeta\b|\bregression coefficients?\b")


def _unknown_measure(before_value: str) -> bool:
    return _UNKNOWN_MEASURE.search(before_value) is not None


# "VE 87% (95% CI 0-98%)", "protective efficacy was 41% (...)": one minus a risk ratio
_EFFICACY_BEFORE = re.compile(
    r"(?i:\b(?:vaccine|protective) (?:efficacy|effectiveness)\b)[^;.%()]{0,50}$|\bVE\b[^;.%()]{0,20}$"
)
_EFFICACY_CUES = ("fficacy", "ffectiveness", "VE")
_EFFICACY_REACH = 75


def _efficacy_named_before(sentence: str, start: int) -> bool:
    """Whether the percentage at `start` is a vaccine's or a measure's protective efficacy."""
    window = sentence[max(0, start - _EFFICACY_REACH) : start]
    return contains_any(window, _EFFICACY_CUES) and _EFFICACY_BEFORE.search(window) is not None


def _relative_change(sentence: str, match: re.Match[str], restating: str | None) -> bool:
    """'a 38% (...) increased risk'; '... by 58% (...)' only when it follows a ratio of the same
    sentence (`restating`: its measure): alone, "LDL decreased by 12.4% (95% CI ...)" and
    "reduced the incidence by 41% (...)" are percent effects of their own."""
    before = sentence[: match.start()]
    return bool(
        _RELATIVE_CHANGE_AFTER.search(sentence[match.end() : match.end() + 40])
        or _efficacy_named_before(sentence, match.start())
        or (
            restating in RATIO_MEASURES
            and before.endswith(" by ")
            and _RELATIVE_CHANGE_VERB.search(before)
        )
    )


# "(OR 0.76, 0.64 to 0.90)", "(-0.31, -0.49 to -0.13)": a value, a comma and the two bounds in
# one bracket, the value's label first or not; or, with no bracket, right after its label and
# ending the clause: "OR 0.76, 0.64 to 0.90;", "the hazard ratio was 0.81, 0.70-0.94,"
_OPENS_BRACKET = re.compile(rf"[(\[] ?(?:{LABEL.pattern} ?(?:[=:] ?)?)?$")
_LONGEST_LABEL = 60
_LABEL_RIGHT_BEFORE = re.compile(rf"{LABEL.pattern}(?: (?:was|of|is|were))? ?(?:[=:,] ?)?$")


# only a p value (its own or an interaction's) between the interval and the closing bracket:
# "(OR 0.98, 0.85 to 1.12; P for interaction = 0.04)"
_P_CLOSES_BRACKET = re.compile(rf" ?[;,] ?{_P_LABEL}[^()\[\]]{{0,40}}?[)\]]")


_WORD_AFTER = re.compile(r" ?(?!to\b)([A-Za-zµμ%][^\s,;–—]*)")


def _enclosed(sentence: str, match: re.Match[str], before: str) -> bool:
    """An interval without a CI label or its own bracket: the value (and its label) open a
    bracket that the interval closes, or the value follows its label and the interval ends
    the clause; a comma or semicolon parts the value from the bounds."""
    if not any(mark in sentence[match.end("value") : match.start("low")] for mark in ",;"):
        return False
    low_unit = _WORD_AFTER.match(sentence, match.end("low"))
    if low_unit and low_unit[1] != (match["unit"] or "").split(" ")[0]:
        return False  # "(RR 0.81; 3 trials, 1,204 participants)": counts, not bounds
    after = sentence[match.end() : match.end() + 2].lstrip()[:1]
    near = before[-_LONGEST_LABEL:]  # the patterns end at the value: the words just before it
    if _OPENS_BRACKET.search(near) is not None:
        # the interval closes the bracket, or the first of its items: "(ARR 12.5%, 5.6 to 19.4;
        # NNT 8, 5 to 18)"
        return (
            after in (")", "]", ";") or _P_CLOSES_BRACKET.match(sentence, match.end()) is not None
        )
    if (
        _OPENS_LIST_ITEM.search(near) is not None
        and _inside_bracket(sentence, match.start())
        and (after in (")", "]") or _P_CLOSES_BRACKET.match(sentence, match.end()) is not None)
    ):
        return True
    return _LABEL_RIGHT_BEFORE.search(near) is not None and after in ("", ".", ";", ",", ")", "]")


# a later item of a bracketed list, its label first: "(crude IRR 1.32, 95% CI ...; adjusted IRR
# 1.24, 1.09 to 1.41)", "(RR in men 0.82, 95% CI ...; RR in women 0.91, 0.80-1.04)"
_OPENS_LIST_ITEM = re.compile(
    rf"; (?:[\w-]+ ){{0,2}}?(?:{LABEL.pattern})(?: (?:in|for|at|among) [\w ]{{1,20}}?)? ?(?:[=:,] ?)?$"
)


def _inside_bracket(sentence: str, position: int) -> bool:
    """Whether a bracket opened before `position` is still open there."""
    before = sentence[:position]
    return before.count("(") + before.count("[") > before.count(")") + before.count("]")


def _with_p(sentence: str, found: list[Estimate]) -> list[Estimate]:
    if not found or ("p" not in sentence and "P" not in sentence):
        return found
    for_all = _P_FOR_ALL.search(sentence)
    shared = parse_p(for_all) if for_all else None
    with_p = []
    claimed_until = 0
    for index, estimate in enumerate(found):
        limit = found[index + 1].start if index + 1 < len(found) else len(sentence)
        after = _p_after(sentence, estimate.end, limit)
        before = None if after else _p_before(sentence, max(claimed_until, 0), estimate.start)
        p = estimate.p or after or before or shared
        with_p.append(replace(estimate, p=p) if p else estimate)
        claimed_until = limit if after else estimate.end
    return with_p


_P_JUST_BEFORE = re.compile(rf"{_P_VALUE.pattern} ?[;,:]? ?\(?$")


def _p_before(sentence: str, start: int, end: int) -> str | None:
    """A p value written right before its estimate: 'P<0.001; HR 0.5 (0.3-0.8)'."""
    match = _P_JUST_BEFORE.search(sentence[max(start, end - 60) : end])
    if match is None or match["qual"]:
        return None
    return parse_p(match)


# Per-group percentages ---------------------------------------------------------------------


def _pct(name: str) -> str:
    return rf"(?P<{name}>\d+(?:\.\d+)?) ?%%?"


_COUNT = rf"(?:\b\d[\d,]*|{WORD_NUMBER})"
_PEOPLE = (
    r"(?:patients?|participants?|subjects?|adults?|children|women|men|people|persons?|"
    r"individuals?|infants?|cases?|controls?|those|volunteers?|mice|rats|animals?|eyes|"
    r"respondents?|nurses?|physicians?|doctors?|workers?|employees?|students?|pupils?|residents?|"
    r"users?|members?|athletes?|players?|girls?|boys?|mothers?|smokers?|survivors?|veterans?|"
    r"adolescents?|neonates?|newborns?|dogs?|cats?|pigs?|piglets?|rabbits?|hamsters?|cows?|"
    r"males?|females?|recipients?|responders?|(?:non-?)?(?:users?|smokers?|drinkers?|carriers?))"
)
# A count with its percentage in brackets: looked for only where "%)" is written.
# a count or a count of a total ("218/330"), and the brackets of its share, round or square
_PART = rf"{_COUNT}(?: ?/ ?\d[\d,]*)?"
_SHARE_IN_WORDS = (  # its first letter checked first: most positions fail there at once
    r"(?=[HhAaOoTtFf])"
    r"(?:[Hh]alf|(?:[Aa]|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our) (?:thirds?|quarters?|fifths?|tenths?))"
)
_OPEN = r"[(\[]"
_CLOSE = r"[)\]]"
_COUNTED_PERCENT = re.compile(
    # "11 of the 12 patients (91.6%)", "1 patient (8.3 %)", "127 participants (23.4%)", and a
    # share in words with its figure: "Half of U.S. adults (52%)", "a third of women (31.4%)"
    rf"(?<![\w.])(?:{_PART}(?: of (?:the )?{_COUNT})?|{_SHARE_IN_WORDS} of(?: the)?) "
    rf"(?:(?:[a-z-]+|(?:[A-Z]\.){{2,3}}) ){{0,2}}?{_PEOPLE} {_OPEN}{_pct('v1')}{_CLOSE}"
    # "four (13.3%) patients", "218/330 (66.1%) patients"
    rf"|(?<![\w.]){_PART} {_OPEN}{_pct('v2')}{_CLOSE} (?:[a-z-]+ ){{0,2}}?{_PEOPLE}\b"
    # "1820 (41.3%) reported", "59 (5.4%) in group B": the people named before or not at all;
    # "212 [64.2%] of 330 patients": a part of a total
    rf"|(?<![\w.]){_PART} {_OPEN}{_pct('v8')}{_CLOSE}(?! (?:[a-z-]+ ){{0,2}}?{_PEOPLE}\b)"
    # "26 of 93 (28.0%)": a part of a group, whatever it is called
    rf"|(?<![\w.]){_COUNT} of (?:the )?{_COUNT} {_OPEN}{_pct('v7')}{_CLOSE}"
    # "48 deaths (10.2%)": events counted, with the share of the group they happened in
    rf"|(?<![\w.]){_COUNT} (?:[a-z-]+ )?(?!(?:{_PEOPLE}|years|months|weeks|days|hours)\b)"
    rf"[a-z]{{3,}}s {_OPEN}{_pct('v12')}{_CLOSE}"
    # "(n=45/120, 37.5%)": the count, its total and the share in one bracket
    rf"|{_OPEN}[nN] ?= ?\d[\d,]* ?/ ?\d[\d,]* ?[,;] ?{_pct('v13')}{_CLOSE}"
)
# Each of these is looked for only where the words it needs are written.
# A share with the count and total it was worked out from, beside it: "30.8% (8/26)", "85% (34
# of 40)", "(58.3%; 35/60)", "(64/89, 72%)". Where the two agree the share is a group's share,
# whatever verb stands before it ("and by 36% (18/50) of those given saline").
_SHARE_WITH_ITS_COUNT = re.compile(
    # (the group it is of may stand between: "62.5% of treated calves (25/40)")
    rf"(?<![\w.\-]){_pct('v3')}(?:(?: of [^\d()%,;.\[\]]{{1,40}}?)? ?[(\[] ?| ?[;,] ?)"
    r"(?P<part>\d[\d,]*) ?(?:/|of) ?"
    r"(?P<whole>\d[\d,]*)(?= ?[)\];,])"
    rf"|[(\[](?P<part2>\d[\d,]*) ?(?:/|of) ?(?P<whole2>\d[\d,]*) ?[,;] ?{_pct('v14')}(?= ?[)\]])"
)
_COUNT_CUES = ("/", " of ")
# a share that says who made up the sample: "Women made up 55.0% of the sample (220/400)"
_MADE_UP_BEFORE = re.compile(
    r"\b(?:made up|make up|makes up|comprised|accounted for|constituted|represented) $"
)
# a bare number after "of" is a score or a level: "a degree of 3 in the albumin group"
_SCALE_VALUE_BEFORE = re.compile(r"\bof $")
# what follows a share whose count is beside it (one of these is written in every match)
_COUNT_AFTER_CUES = ("% (", "%(", "% [", "%[", "%;", "% ;", "%,", "% ,", "%)", "%]")
# "91.3% (283 of 310, 95% CI 87.4%–94.1%)": a share with its own interval, an estimate
_CI_IN_THE_BRACKET = re.compile(rf" ?[,;] ?(?:{CI_LABEL})")


def _clause_start(sentence: str, position: int) -> int:
    """Where the clause holding `position` starts (after the last comma, colon or semicolon)."""
    return max(sentence.rfind(mark, 0, position) for mark in ",;:") + 1


def _agrees_with_its_count(match: re.Match[str], key: str) -> bool:
    """Whether the share is its count over its total, as rounded or cut to its decimals."""
    part, whole = (
        (match["part"], match["whole"]) if key == "v3" else (match["part2"], match["whole2"])
    )
    numerator, denominator = int(part.replace(",", "")), int(whole.replace(",", ""))
    if denominator <= 0 or numerator > denominator:
        return False
    written = match[key]
    decimals = len(written.partition(".")[2])
    return abs(100 * numerator / denominator - float(written)) <= 10**-decimals + 1e-9


_PERCENT_OF_A_GROUP = re.compile(
    # "87.5 % in the ipamorelin group", "15% of the patients in the CoQ10 group", "26% in the
    # placebo group", "0 for the control group" (a zero written without its sign)
    rf"(?<![\w.\-])(?P<bare>\d+(?:\.\d+)?)(?P<sign> ?%%?)?(?: of (?:the )?{_PEOPLE})? "
    r"(?:in|for|among|of) (?:the )?(?:[\w\-+]+ ){0,3}?(?:group|arm)\b"
    # "placebo group: 12%"
    rf"|\b(?:group|arm) ?: ?{_pct('v6')}"
)
_OF_PEOPLE = rf" of (?:the )?(?!control\b)(?:[a-z-]+ ){{0,2}}?{_PEOPLE} "
_PEOPLE_DID = (
    r"(?:with|without|not|using|who|taking|receiving|achieved|had|showed|reached|attained|"
    # what a survey asks people (what they used, took or consumed), never taking part
    r"experienced|developed|obtained|demonstrated|reported|met|used|consumed|took(?! part\b))\b"
)
_PERCENT_OF_PEOPLE = re.compile(
    # "5.8% of those with diabetes", "32% of patients achieved"
    rf"(?<![\w.\-]){_pct('v5')}{_OF_PEOPLE}{_PEOPLE_DID}"
)
# a share with no count, then what its people did: "17.4% reported using a peptide product"
# (never "had", which as often describes who was sampled)
_SHARE_THEN_OUTCOME_VERBS = (
    "reported", "developed", "experienced", "achieved", "responded", "died", "relapsed",
    "recovered", "improved", "remitted", "used", "consumed", "took",
)  # fmt: skip
# a share of people who took or used the study's own doses: how well they kept to it
_ADHERENCE_AFTER = re.compile(
    r"(?i)[^.;,]{0,40}?\b(?:doses?|tablets?|capsules?|pills?|sachets?|injections?|"
    r"study (?:drug|medication|product)|as (?:prescribed|directed|instructed))\b"
)
_PERCENT_THEN_OUTCOME = re.compile(
    rf"(?<![\w.\-]){_pct('v9')} (?:of (?:them|these|those) )?"
    rf"(?:{'|'.join(_SHARE_THEN_OUTCOME_VERBS)})\b(?! part\b)"
)
_PAIR_CUES = (
    " vs", " v ", "versus", "compared with", "respectively", "% with ", "% on ", "% in ", "% (",
    "% among ", "% for ", "% after ", "in contrast",
)  # fmt: skip
_VALUE_GROUPS = (
    "v1", "v2", "v3", "bare", "v5", "v6", "v7", "v8", "v9", "v11", "v12", "v13", "v14",
)  # fmt: skip
_VALUE_GROUP_NAMES = frozenset(_VALUE_GROUPS)
# "42% vs 28%", "35% of the early-feeding group versus 60% of the controls"
_PAIR = re.compile(
    # (a group named at length after the same word each time: "70% for women who did not
    # receive chemotherapy and 79% for women who did")
    rf"(?<![\w.\-]){_pct('a')}(?P<who> (?:of|in|with|among|for|after) [^,;:()%\d]{{1,70}}?"
    # or the arm named in brackets after each: "38% (drug) and 21% (placebo)"
    r"|(?P<named> \([A-Za-z][^()\d%]{0,30}\)))? "
    rf"(?:vs\.?|v\.?|versus|compared with|in contrast (?:to|with)|(?P<listed>and)) {_pct('b')}"
    r"(?(named) \([A-Za-z][^()\d%]{0,30}\))"
)


# the two intervals of a pair printed together after it: "(82.1% vs 61.5%, P = 0.01; 95% CI
# 70.8-90.4% vs 48.6-73.3%)", "(95% CI, 44 to 64 and 22 to 41)"
_PAIRED_INTERVALS = re.compile(
    rf"[^%]{{0,60}}?(?:{CI_LABEL}) ?[:=,]? ?(?P<l1>{NUMBER}) ?%? ?(?:-|–|—|to) ?(?P<h1>{NUMBER}) ?%?,?"
    rf" (?:vs\.?|versus|and|compared with) (?P<l2>{NUMBER}) ?%? ?(?:-|–|—|to) ?(?P<h2>{NUMBER})"
)


def _paired_intervals(sentence: str, pair: re.Match[str]) -> dict[str, tuple[float, float]]:
    """Each share's interval of a pair whose intervals follow it together, when each share lies
    in its own ({} when none follow)."""
    if "CI" not in sentence and "onfidence" not in sentence:
        return {}
    intervals = _PAIRED_INTERVALS.match(sentence, pair.end())
    if intervals is None:
        return {}
    low_a, high_a, low_b, high_b = (
        parse_number(intervals[name]) for name in ("l1", "h1", "l2", "h2")
    )
    if low_a is None or high_a is None or low_b is None or high_b is None:
        return {}
    if not (low_a <= float(pair["a"]) <= high_a and low_b <= float(pair["b"]) <= high_b):
        return {}
    return {"a": (low_a, high_a), "b": (low_b, high_b)}


def _same_preposition_after(sentence: str, match: re.Match[str]) -> bool:
    """'38.5% with the drug and 21.0% with placebo': each share followed by its own arm, named
    after the same preposition (never 'of', which names what the share is of)."""
    who = (match["who"] or "").split()
    if not who or who[0] == "of":
        return False
    return sentence.startswith(f" {who[0]} ", match.end())


# an aside between a listed pair and what the pair says: "70% and 63%, with 57 and 61 median
# days in remission, relapsed ... respectively", "(with 14 and 19 lost to follow-up)"
_ASIDE = re.compile(
    r",? (?:with|after|despite)\b[^,;%()]{1,60}, | ?\([^()%]{1,60}\)| ?[-–—] [^-–—;%()]{1,60} [-–—]"
)
# "48% and 31% in the drug and placebo groups, respectively"
_RESPECTIVELY_AFTER = re.compile(r"[^.;()]{0,80}?\brespectively\b")
# percentages of a sentence about a mean share ("the mean percentage of weeks with control")
# are each arm's mean of a continuous outcome
_MEAN_WORDS = ("mean", "average")
_SHARE_NOUNS = ("percentage", "proportion", "percent")
_MEAN_SHARE = CuedPattern(
    re.compile(rf"(?i)\b(?:{'|'.join(_MEAN_WORDS)}) (?:{'|'.join(_SHARE_NOUNS)})\b"),
    tuple(f"{mean} {share}" for mean in _MEAN_WORDS for share in _SHARE_NOUNS),
)
# "34.4% vs. 31.1% of weeks": each arm's mean share of time, a continuous outcome per person
_OF_TIME = re.compile(r" of (?:the )?(?:weeks|days|nights|months|years|time)\b")
_GROUP_NAME = re.compile(
    r"\b(?:in|for|among|of) (?:the )?(?P<name>(?:[\w\-+]+ ){0,3}?)(?:group|arm)\b"
)
_NOT_AN_OUTCOME = re.compile(
    r"^\W*(?:\w+ ){0,2}?(?:received|were (?:assigned|allocated|randomi[sz]ed|included|enrolled|"
    r"female|male|women|men)|completed)\b"
    # what people had when they entered: "45 (30.0%) had diabetes at baseline"
    r"|^[^.;()]{0,60}?\b(?:at|before) (?:baseline|entry|enrol?ment|randomi[sz]ation)\b"
    # ... or before it: "8 (7%) had prior surgery", "31 (12.9%) had a history of preterm birth"
    r"|^\W*(?:had|have) (?:undergone )?(?:(?:a |an )?(?:prior|previous|past|earlier)\b|"
    r"a (?:past |prior |previous )?history of\b)"
)


_WHAT_FOLLOWS = re.compile(r" (?P<what>[^.,;:()\[\]]{2,80})")
_OUTCOME_VERB_AFTER = re.compile(
    r"^\W{0,3}(?:\w+ ){0,2}?(?:had|has|developed|experienced|achieved|reported|showed|improved|"
    r"responded|died|relapsed|recovered|reached|needed|required|suffered|discontinued|withdrew|"
    r"stopped|progressed|used|took|consumed|were (?:hospitali[sz]ed|readmitted))\b"
)


# verbs that put people into a study, treat them or take data from them: not what happened
_STUDY_VERBS = (
    r"included|enrolled|randomi[sz]ed|recruited|assigned|allocated|treated|followed|studied|"
    r"analy[sz]ed|screened|born|collected|measured|assessed|evaluated|examined|performed|"
    r"conducted|tested|sampled|administered|given|taken|used|started|initiated|completed"
)
_OUTCOME_IN = re.compile(
    r"\b(?:occurred|recurred|resolved|developed|observed|reported|seen|achieved|sustained|"
    r"maintained|reached|found|noted|recorded|documented|attained|died|relapsed|recovered|"
    r"responded|improved|remitted"
    # any other verb of what happened ("normalised in", "cleared in"), never one that puts
    # people into the study or takes data from them
    r"|frequent|evident|detectable"
    rf"|(?!(?:{_STUDY_VERBS}|obtained|available)\b)[a-z]{{3,}}(?:ed|en)"
    # "present in 37 (18%)", "reported by 421 nurses (42.0%)", "occurred among 14.2% of ..."
    r"|present|absent|prevalent|common|positive) (?:in|among|by) $"
)
# "At baseline, 512 (12.8%) participants reported smoking": what people had on entry
_AT_ENTRY_BEFORE = re.compile(
    r"(?i)(?:\b(?:at|before) (?:baseline|entry|enrol?ment|randomi[sz]ation)|\bbaseline "
    r"(?:characteristics|prevalences?|rates?|proportions?))\b"
    r"(?:[^.;]|\.\d)*$"  # to the end of its clause, across decimals
)
# a count of a stated total: "14 of 40 patients (35.0%)" is a part of a group
_PART_OF_A_TOTAL = re.compile(rf" of (?:the )?{_COUNT}|\d ?/ ?\d")
# "4,575 were analysed: 2,313 (50.6%) in the intervention arm", "Follow-up was completed by
# 1,102 (93.4%)": how many were allocated to, analysed in or stayed in each arm, not a result
_FLOW_BEFORE = re.compile(
    r"(?i)\b(?:(?:were|was) (?:analy[sz]ed|randomi[sz]ed|allocated|assigned|included|enrolled)"
    r"|(?:completed|complete) (?:by|for|in)|lost to follow-up)\b(?:[^.;]|\.\d)*$"
)
# the same written after the share: "37 (18%) of 205 participants"
_OF_A_TOTAL_AFTER = re.compile(rf" of (?:the )?{_COUNT}(?: (?:[a-z-]+ ){{0,2}}?{_PEOPLE}\b)?")
# "found in 6.1% of users, 3.0% of non-users and 2.9% of controls": a list of groups' shares
# after a verb of what happened, or before one ("43.2% of adults (34.9% of males, 50.3% of
# females) and 20.1% of adolescents used"), each group's subgroups' shares in brackets after it
_LISTED_SHARE = re.compile(
    # a second word is taken first when the subgroups' bracket follows it ("of former smokers (")
    r"(?P<v>\d+(?:\.\d+)?) ?%%?(?: of (?:the )?[\w-]+(?:(?: [\w-]+)?(?= \(\d))?(?: [\w-]+)??"
    r"| (?:receiving|taking|given|on|with) (?:the )?[\w-]+)"
    r"(?P<subgroups> \((?=\d+(?:\.\d+)? ?%%? of )[^()]{1,160}\))?"
)
# what a group did, after the rest of its name ("13 participants (19%) allocated to exercise
# crossed over", "30% of office workers stored"): any past tense but a verb that puts people
# into a study, treats them or describes them ("were married", "aged")
# (a word of a group's name may be a bound: "adults aged ≥65 years")
_GROUP_WORD = r"(?: (?!(?:were|was|are|is|been)\b)[≥≤<>]?[\w-]+)"
_DID = (
    r" (?:(?:had|have|has) )?"
    rf"(?:(?!(?:{_STUDY_VERBS}|received|aged|based|living|born|lived|resided|worked|identified|"
    r"belonged|originated)\b)[a-z]{3,}ed"
    r"|took|underwent|became|withdrew|fell|lost|gained|quit)\b"
)
_GROUP_THEN_VERB = re.compile(rf",?{_GROUP_WORD}{{0,5}}?{_DID}")
# the same after a count's share, with the group named between: a verb right after the share
# is read only from the list of verbs of what happened ("201 (16.7%) smoked" describes them)
_NAMED_GROUP_THEN_VERB = re.compile(rf"{_GROUP_WORD}{{1,5}}?{_DID}")
_LIST_JOIN = re.compile(
    r"(?: [≥≤<>]?[\w-]+){0,6}?(?:,? (?:as )?compared with|,? versus|,? vs\.?|,? and|,|;)"
    r" (?:in |among )?"
)


# a group's count set against another's: "18 (60%) improved, compared with 9 (30%) controls"
_SET_AGAINST_BEFORE = re.compile(r"\b(?:compared with|versus|vs\.?) $")


def _of_a_group(sentence: str, match: re.Match[str]) -> bool:
    """A count with its percentage is a result when it is of a named group or arm, part of a
    subgroup ("11 of the 12"), what happened in them ("occurred in 6 patients (10.3%)"), set
    against another group's ("compared with 9 (30%) controls") or followed by what happened to
    them."""
    return (
        _OUTCOME_IN.search(sentence, max(0, match.start() - 24), match.start()) is not None
        or _SET_AGAINST_BEFORE.search(sentence, max(0, match.start() - 16), match.start())
        is not None
        or " group" in sentence
        or " arm" in sentence
        or _PART_OF_A_TOTAL.search(match.group(0)) is not None
        or _OF_A_TOTAL_AFTER.match(sentence, match.end()) is not None
        or bool(_OUTCOME_VERB_AFTER.search(sentence[match.end() : match.end() + 40]))
        or _NAMED_GROUP_THEN_VERB.match(sentence, match.end()) is not None
        or _next_group_did(sentence, match.end())
    )


# the next group's count and share after this one's: "896 (13.2%) cases and 713 (10.5%) controls
# used omeprazole"
_NEXT_GROUP = re.compile(
    rf"(?: [\w-]+){{0,3}}?,? (?:and|vs\.?|versus|compared with) {_PART} {_OPEN}{_pct('n')}{_CLOSE}"
)


def _next_group_did(sentence: str, end: int) -> bool:
    """Whether the next group's count and share follow, and then what both groups did."""
    following = _NEXT_GROUP.match(sentence, end)
    if following is None:
        return False
    after = following.end()
    return (
        bool(_OUTCOME_VERB_AFTER.search(sentence[after : after + 40]))
        or _NAMED_GROUP_THEN_VERB.match(sentence, after) is not None
    )


_SEX_COUNTED = re.compile(r"(?i)\b(?:women|men|females?|males?|boys|girls)\b")


def _sex_of_the_sample(sentence: str, match: re.Match[str]) -> bool:
    """A count of women or men with its share in the bracket that describes the people
    counted, with nothing said to have happened to them: who was sampled."""
    return (
        _SEX_COUNTED.search(match.group(0)) is not None
        and _inside_bracket(sentence, match.start())
        and not _OUTCOME_VERB_AFTER.search(sentence[match.end() : match.end() + 40])
    )


def _flow_count(sentence: str, match: re.Match[str]) -> bool:
    """A count with its share after a verb of allocation, analysis or follow-up, and nothing
    said to have happened to them."""
    return (
        _FLOW_BEFORE.search(sentence, 0, match.start()) is not None
        and _OUTCOME_IN.search(sentence, max(0, match.start() - 24), match.start()) is None
        and not _OUTCOME_VERB_AFTER.search(sentence[match.end() : match.end() + 40])
    )


@dataclass(frozen=True)
class GroupPercent:
    """A percentage of one group (or arm) of a study; `pair` numbers a "x% vs y%" pair."""

    value: float
    group: str | None
    start: int
    pair: int | None = None
    what: str | None = None  # what the percentage of people did ("achieved normalization of ALT")
    ci_low: float | None = None  # a pair's own interval, printed after both shares
    ci_high: float | None = None


# an interval whose dash was lost in print, its two ends run together: "62% (95% CI 5273%)"
_GARBLED_CI = re.compile(rf" ?[(\[] ?(?:{CI_LABEL})[:;,]? ?\d{{3,6}} ?%?[)\]]")
_GARBLED_CI_HINT = re.compile(r"(?:CI|interval)[:;,]? ?\d{3}")  # cheap, before the full form


# a share another study found is background: "A previous study ... found 27% of ..."
_OTHER_STUDY_FOUND = re.compile(
    r"\b(?i:previous|prior|earlier|other|published|former)\b (?:[\w-]+ ){0,2}?(?:study|studies|"
    r"trials?|surveys?|reports?|meta-analys[ie]s|reviews?|audits?|work|research|literature)\b"
    r"[^.;%]{0,60}?\b(?:found|reported|showed|shown|observed|described|noted|demonstrated|"
    r"suggested|estimated)\b[^.;%]{0,30}$"
)
_OTHER_STUDY_CUES = ("revious", "rior ", "arlier", "ther ", "ublished", "ormer")
_OTHER_STUDY_REACH = 160


def find_group_percentages(sentence: str) -> list[GroupPercent]:
    """Per-group percentages of one normalised sentence, in reading order; a share whose
    interval cannot be read is read as if the interval were not printed, the interval null;
    a share another study found is not one."""
    if "%" not in sentence:
        return []  # a bare "0 for the control group" counts only beside a percentage
    shares = _shares_around_garbled_intervals(sentence)
    if contains_any(sentence, _OTHER_STUDY_CUES):
        shares = [
            share
            for share in shares
            if not _OTHER_STUDY_FOUND.search(
                sentence, max(0, share.start - _OTHER_STUDY_REACH), share.start
            )
        ]
    return shares


def _shares_around_garbled_intervals(sentence: str) -> list[GroupPercent]:
    if not _GARBLED_CI_HINT.search(sentence) or not (
        garbled := list(_GARBLED_CI.finditer(sentence))
    ):
        return _group_percentages(sentence)
    kept = [0, *(end for match in garbled for end in match.span()), len(sentence)]
    pieces = list(pairwise(kept))[::2]  # the text between the garbled intervals
    shares = _group_percentages("".join(sentence[start:end] for start, end in pieces))
    return [replace(share, start=_printed_position(share.start, garbled)) for share in shares]


def _printed_position(position: int, dropped: list[re.Match[str]]) -> int:
    """Where a position in a sentence with the `dropped` spans cut out lies in the sentence."""
    for match in dropped:
        if match.start() > position:
            break
        position += match.end() - match.start()
    return position


def _group_percentages(sentence: str) -> list[GroupPercent]:
    if "%" not in sentence:
        return []
    found: dict[int, GroupPercent] = {}
    mean_share = _MEAN_SHARE.search(sentence) is not None
    listed, not_shares = ([], set()) if mean_share else _percentage_lists(sentence)
    refused = not_shares | _listed_changes(sentence)  # no reader's share begins at these
    taken = refused | {position for position, _ in listed}
    pairs = _PAIR.finditer(sentence) if contains_any(sentence, _PAIR_CUES) else ()
    if mean_share:
        pairs = ()
    for index, match in enumerate(pairs):
        aside = _ASIDE.match(sentence, match.end()) if match["listed"] else None
        said = aside.end() if aside else match.end()
        if (
            match.start("a") in taken
            or match.start("b") in taken
            or _amount_of_change(sentence, match.start(), match.end("a"))
            or _THRESHOLD_BEFORE.search(sentence, max(0, match.start() - 20), match.start())
            or _OF_TIME.match(sentence, match.end())
            or _TAKING_PART.search(sentence, max(0, match.start() - 60), match.start())
            or _TRAIT_SHARE.search(sentence, max(0, match.start() - 60), match.start())
            or _NOT_AN_OUTCOME.search(sentence[said : said + 80])
            or (match["who"] and _OF_TIME.match(match["who"]))
            or (
                match["listed"]
                and not match["named"]
                and not _RESPECTIVELY_AFTER.match(sentence, said)
                and not _same_preposition_after(sentence, match)
            )
        ):
            continue
        if _measured_amount(sentence, match.start("a")):
            continue
        intervals = _paired_intervals(sentence, match)
        for key in ("a", "b"):
            low, high = intervals.get(key, (None, None))
            found[match.start(key)] = GroupPercent(
                float(match[key]), None, match.start(key), index, ci_low=low, ci_high=high
            )
    has_sign = False
    candidates = []
    bracketed = _holds_bracketed_rate(sentence)
    group_make_up = bracketed and _GROUP_MAKE_UP.search(sentence) is not None
    patterns = [
        pattern
        for pattern, needed in (
            (_COUNTED_PERCENT, "%)" in sentence or "%]" in sentence),
            (_RATE_AFTER_GROUP, bracketed and not group_make_up),
            (
                _SHARE_WITH_ITS_COUNT,
                contains_any(sentence, _COUNT_CUES)
                and (contains_any(sentence, _COUNT_AFTER_CUES) or "% of " in sentence),
            ),
            (_PERCENT_OF_A_GROUP, " group" in sentence or " arm" in sentence),
            (_PERCENT_OF_PEOPLE, "% of " in sentence or "%% of " in sentence or "% of" in sentence),
            (_PERCENT_THEN_OUTCOME, contains_any(sentence, _SHARE_THEN_OUTCOME_VERBS)),
        )
        if needed
    ]
    for match in chain.from_iterable(pattern.finditer(sentence) for pattern in patterns):
        # a bare number ("0 for the control group") is kept only beside a percentage
        bare = match.groupdict().get("bare")
        has_sign = has_sign or bare is None or bool(match["sign"])
        candidates.append(match)
    counted_end = -1  # where the last count with its percentage that was kept ends
    composition_end = -1  # ... and the last that told who made up a group
    for match in candidates:
        key = next(
            group
            for group, value in match.groupdict().items()
            if group in _VALUE_GROUP_NAMES and value is not None
        )
        position = match.start(key)
        if (
            position in found
            or position in refused
            or (key == "bare" and not match["sign"] and not has_sign)
        ):
            continue
        counted = key in ("v3", "v14")
        window = max(0, position - 20)  # both end-anchored patterns are shorter
        if counted and (
            not _agrees_with_its_count(match, key)
            or _CI_IN_THE_BRACKET.match(sentence, match.end())
            or _TAKING_PART.search(sentence, _clause_start(sentence, position), position)
            or _MADE_UP_BEFORE.search(sentence, window, position)
        ):
            continue  # "The response rate to the survey was 64% (1,280/2,000)"
        if (
            key == "bare"
            and not match["sign"]
            and _SCALE_VALUE_BEFORE.search(sentence, window, position)
        ):
            continue  # "exceeding a grade of 3 in the albumin group": a score, not a share
        if (
            _THRESHOLD_BEFORE.search(sentence, window, position)
            or _RANGE_BEFORE.search(sentence, window, position)
            or (not counted and _amount_of_change(sentence, position, match.end(key)))
        ):
            continue
        of_total = _OF_A_TOTAL_AFTER.match(sentence, match.end())
        said_end = of_total.end() if of_total else match.end()
        if _NOT_AN_OUTCOME.search(
            sentence[said_end : said_end + 80]
        ) and not _NAMED_GROUP_THEN_VERB.match(sentence, said_end):
            continue  # never "45 (30%) received the drug"; "... who had received it reported"
        if key in ("bare", "v6", "v11") and _measured_amount(sentence, position):
            continue
        if _AT_ENTRY_BEFORE.search(sentence, 0, match.start()) or _TRAIT_SHARE.search(
            sentence, max(0, match.start() - 60), match.start()
        ):
            continue  # "The proportion of women was 52% for the drug arm"
        if key in ("v5", "v9") and _ADHERENCE_AFTER.match(sentence, match.end()):
            continue  # "92% of participants took all their tablets": adherence, no outcome
        if key != "v5" and _flow_count(sentence, match):
            continue
        if key in ("v1", "v2") and _sex_of_the_sample(sentence, match):
            continue  # "(median age, 64 years; 301 [37.1%] women)"
        if key in ("v1", "v2", "v8", "v12"):
            if (
                _COMPOSITION_BEFORE.search(sentence, max(0, match.start() - 20), match.start())
                or (
                    composition_end >= 0
                    and (
                        _LIST_CONTINUES.fullmatch(sentence, composition_end, match.start())
                        or (
                            _MAKE_UP_CONTINUES.fullmatch(sentence, composition_end, match.start())
                            and _STATE_AFTER.match(sentence, match.end())
                        )
                    )
                )
                or (
                    _MADE_UP_OF_WHOM.search(sentence, max(0, match.start() - 120), match.start())
                    and _STATE_AFTER.match(sentence, match.end())
                )
            ):
                composition_end = match.end()
                continue
            if not _of_a_group(sentence, match) and not (
                counted_end >= 0 and _LIST_CONTINUES.fullmatch(sentence, counted_end, match.start())
            ):
                continue  # "69 (51%) women": a description of the whole sample
            counted_end = match.end()
        value = float(match[key])
        if not 0 <= value <= 100:
            continue
        name = _GROUP_NAME.search(match.group(0))
        group = name["name"].strip() if name and name["name"].strip() else None
        what = _WHAT_FOLLOWS.match(sentence, match.end()) if key == "v5" else None
        found[position] = GroupPercent(value, group, position, what=what and what["what"].strip())
    shares = chain(
        _listed_shares(sentence, refused),
        _most_common_shares(sentence),
        _table_shares(sentence),
        _compared_rates(sentence),
        _shares_then_arms(sentence),
        listed,
        _stated_shares(sentence),
        _category_shares(sentence),
        _labelled_shares(sentence),
        _among_set_against(sentence),
        _shares_across_groups(sentence),
        _shares_than_another(sentence),
        _shares_changed_to(sentence),
        _subset_shares(sentence),
    )
    for position, value in shares:
        if position not in refused:
            found.setdefault(position, GroupPercent(value, None, position))
    return [found[position] for position in sorted(found)]


# a count of the next group in a list after a kept one: "by 31 cases (8.7%) and 45 controls
# (3.1%)"
_LIST_CONTINUES = re.compile(
    r"(?: (?:in|among|receiving|taking|given|on|with) [^,;()%\d]{1,40}?)?"
    r",? (?:(?:and|or|versus|vs\.?|compared with|than)(?: (?:in|among)(?: the)?)? )?"
)
# what a count of people is part of when the verb before it says who made up a group: "the
# two groups included 34 women (56.7%)"
_COMPOSITION_BEFORE = re.compile(
    r"\b(?:included|including|comprised|comprising|consisted of|consisting of|there were) $"
)
# ... and what some of the people counted had when the sample is described as made of them:
# "The cohort comprised 52 410 adults, of whom 4 120 (7.9%) had diabetes" (never "developed")
_MADE_UP_OF_WHOM = re.compile(
    r"\b(?:consisted of|comprised|comprising|included|including|enrolled|recruited)\b"
    r"[^.;]{0,80}?, of whom (?:\d{1,3} )*$"  # a count's leading space-grouped digits too
)
_STATE_AFTER = re.compile(r" (?:had|have|did not have|were|was)\b")
# the next part of that make-up: "... (98.2%) did not have diabetes and 34 198 (1.8%) had it"
_MAKE_UP_CONTINUES = re.compile(r"(?: [^,;()%\d]{1,60}?)?,? (?:and|while|whereas) (?:\d{1,3} )*")
# a group's rate in brackets right after the group's name: "the observation group (93.33%)",
# "group B (12.5%)", "the intervention arm (41%)"
# who made up the groups, not what happened to them: "the proportion of women was similar in the
# intervention group (52%) and ...", "... in the control arm (75%) were white"
_SHARE_OF_A_TRAIT = (
    r"(?i:\b(?:proportions?|percentages?|shares?|numbers?) of (?:women|men|females?|males?|girls"
    r"|boys|white|black|smokers|participants (?:who were|aged))\b)"
)
_TRAIT_SHARE = re.compile(_SHARE_OF_A_TRAIT)
_GROUP_MAKE_UP = re.compile(
    rf"{_SHARE_OF_A_TRAIT}"
    r"|\)\s+(?:were|was) (?:women|men|female|male|white|black|older|younger|aged|smokers)\b"
    # how many each group was given: "randomised to the intervention group (50%) or ..."
    r"|\b(?:randomi[sz]ed|assigned|allocated|divided|distributed) (?:\w+ )?(?:in)?to\b"
)
# (the bracket may go on with a comparison's figures: "the control arm (31.5%; adjusted OR ...)")
_RATE_AFTER_GROUP = re.compile(
    rf"\b(?:group|arm|cohort)(?: [A-Z]| \d{{1,2}})? \({_pct('v11')}(?:\)|[;,] )"
)
# a rate in brackets right after words: "among those given placebo (8.4%)", "in usual care (29%)"
_BRACKETED_RATE = re.compile(rf"(?<=[A-Za-z] )\({_pct('v')}(?:\)|[;,] )")
_COMPARISON = re.compile(rf"\b(?:{_VERSUS}|v)\b")


# a share with its arm in brackets after it: "69.1% (semaglutide) and 12.0% (placebo)"
# (the arm may be named by its dose or strength first: "14.2% (10 mg)", "71% (1% cream)")
_SHARE_THEN_ARM = re.compile(
    r"(?<![\w.\-])(?P<v>\d+(?:\.\d+)?) ?%%? \((?:\d+(?:\.\d+)? ?(?:%|(?:mg|g|mcg|µg|IU|mL|ml)\b)"
    r"(?= ?[A-Za-z)]) ?)?(?:[A-Za-z][^()\d%;=]{0,40})?(?<!\()\)"
)
_ARM_JOIN = re.compile(r"(?:,? (?:and|vs\.?|versus|compared with)|,) ")
_MEAN_WORD = re.compile(r"(?i)\b(?:mean|average|least[- ]squares|median)\b")


def _shares_then_arms(sentence: str) -> list[tuple[int, float]]:
    """Two arms' shares, each arm named in brackets after its share: 'weight reductions of 10%
    or more occurred in 69.1% (semaglutide) and 12.0% (placebo) of participants' (never each
    arm's mean: '−14.9% (semaglutide) vs −2.4% (placebo)')."""
    if "% (" not in sentence or _MEAN_WORD.search(sentence):
        return []
    found: list[tuple[int, float]] = []
    for first, second in pairwise(_SHARE_THEN_ARM.finditer(sentence)):
        if _ARM_JOIN.fullmatch(sentence, first.end(), second.start()):
            found.extend((match.start("v"), float(match["v"])) for match in (first, second))
    return found


def _holds_bracketed_rate(sentence: str) -> bool:
    """Whether a rate may stand alone at the start of a bracket ('(8.4%)', '(31.5%; ...'): a
    cheap test before the patterns that need one."""
    return "%)" in sentence or "%;" in sentence or "%," in sentence


# "differed between shift workers (36.2%) and day workers (22.5%)": two groups set against each
# other by 'between', never by a verb that put people into them ("recruited between")
_BETWEEN_BEFORE = re.compile(
    rf"\b(?!(?:{_STUDY_VERBS}|divided|split|distributed)\b)[a-z]+ between [^%;()\d]{{1,60}}$"
)


# the groups at either end: "highest among children aged 6-11 months (62.1%) and lowest among
# those aged 48-59 months (20.3%)" (a group's name may hold its ages)
_EXTREME = r"(?:highest|lowest|most \w+|least \w+)"
# (what was at its extreme may be named, and said to be found there: "the highest prevalence
# was in Seychelles (57.9%)", "the highest rate was found in")
_AT_THE_EXTREME = (
    rf"{_EXTREME}(?: [\w-]+){{0,2}}? (?:(?:was|were) )?(?:(?:found|seen|observed|recorded) )?"
    r"(?:among|in|for)"
)
_EXTREME_BEFORE = re.compile(rf"\b{_AT_THE_EXTREME} [^%;()]{{1,70}}$")
_EXTREME_AFTER = re.compile(rf",? and (?:the )?{_AT_THE_EXTREME} [^%;()]{{1,70}}")
# the other end's share with its sign left out: "... and the lowest in Tajikistan (0.7)"
_UNSIGNED_OTHER_END = re.compile(rf"{_EXTREME_AFTER.pattern} \((?P<v>\d+(?:\.\d+)?)\)")


def _compared_rates(sentence: str) -> list[tuple[int, float]]:
    """Two groups' rates each in brackets after the group, compared: 'more frequent among those
    given the drug (21.8%) than among those given placebo (8.4%)', 'differed between A (39%)
    and B (54%)', 'highest in A (91%) and lowest in B (64%)'."""
    if not _holds_bracketed_rate(sentence) or _GROUP_MAKE_UP.search(sentence):
        return []
    rates = list(_BRACKETED_RATE.finditer(sentence))
    compared: dict[int, float] = {}
    for first, second in pairwise(rates):
        between = sentence[first.end() : second.start()]
        if ";" in between or _measured_amount(sentence, first.start("v")):
            continue  # each arm's mean: "a greater increase in body weight (61%) than ... (46%)"
        if (
            not _DIGIT.search(between)
            and (
                _COMPARISON.search(between)
                or (
                    between.startswith(" and ")
                    and _BETWEEN_BEFORE.search(sentence, max(0, first.start() - 80), first.start())
                )
            )
        ) or (
            _EXTREME_AFTER.fullmatch(between)
            and _EXTREME_BEFORE.search(sentence, max(0, first.start() - 80), first.start())
        ):
            for match in (first, second):
                compared[match.start("v")] = float(match["v"])
    for rate in rates:
        other_end = _UNSIGNED_OTHER_END.match(sentence, rate.end())
        if other_end and _EXTREME_BEFORE.search(sentence, max(0, rate.start() - 80), rate.start()):
            for match in (rate, other_end):
                compared[match.start("v")] = float(match["v"])
    if compared and (
        _AT_ENTRY_BEFORE.search(sentence, 0, min(compared))
        or _TAKING_PART.search(sentence, 0, min(compared))  # "Recruitment differed between"
    ):
        return []
    return sorted(compared.items())


_LIST_ITEM = r"(?<![\w.\-<>≤≥])\d+(?:\.\d+)?"
# "83.1%, 88.4% and 90.2%", "62, 71 and 80%": percentages listed, the last with its sign
_PERCENT_LIST = re.compile(
    rf"{_LIST_ITEM}(?P<signed> ?%%?)?(?:, {_LIST_ITEM}(?: ?%%?)?)*,? and {_LIST_ITEM} ?%%?"
)
# the groups a list is of follow it: "respectively", "with 5 mg", "of participants"
_LIST_FOLLOWER = re.compile(
    r",? respectively\b|,? (?:with|in|among|on|of|for|receiving|taking|given)\b"
)
_LIST_NUMBER = re.compile(r"(?P<v>\d+(?:\.\d+)?)")
_PERCENT_ITEM = re.compile(r"(?P<v>\d+(?:\.\d+)?)(?= ?%)")
# what makes a list each group's share: "respectively" in its clause, or the groups named after
# it ("50% and 57% of those in the 10-mg and 15-mg groups")
_GROUPS_AFTER = re.compile(
    r"(?: of (?:the |those |participants |patients )?)?(?:[^;%]{0,40}?\b(?:in|among|on|with|of) )?"
    r"(?:the )?[^;%]{0,40}?\b(?:groups|arms|doses|regimens)\b"
)
_RESPECTIVELY_IN_CLAUSE = re.compile(r"[^;%]{0,80}?\brespectively\b")
# the comparator after a list: "..., respectively, as compared with 32.6% with placebo"
_COMPARATOR_BEFORE = re.compile(
    r"(?:\b(?:compared (?:with|to)|versus|vs\.?|v|against|than)|\brespectively,? and(?: by| in)?)"
    r" ?(?:those |the )?$"
)
# lists that are not groups' results: heterogeneity, accuracy, relative changes ("attenuated
# the HRs by 16.3%, 17.4% and 26.1%")
_NOT_GROUP_SHARES = re.compile(
    r"(?i)\bI ?2\b|I²|heterogeneity|sensitivity|specificity|accuracy|predictive value"
)
# "attenuated the HRs ... by 12.1%, 15.4% and 22.0%": amounts of change, unless shares of people
# ("reached by 56.2% and 61.8% with ...", "reported by 40% and 25% of ...")
_SHARES_BY = re.compile(
    r"\b(?:reached|achieved|attained|reported|experienced|met|endorsed|chosen|preferred|used)"
    r" by $"
)
_SHARES_OF_AFTER = re.compile(r" ?%?%? of\b")


def _amount_of_change(sentence: str, start: int, end: int) -> bool:
    """Whether the percentages from `start` to `end` are amounts after "by" ("HbA1c decreased by
    1.4% in the semaglutide group": an arm's mean change), not shares of people."""
    return (
        sentence.endswith("by ", 0, start)
        and not _SHARES_BY.search(sentence, max(0, start - 20), start)
        and not _SHARES_OF_AFTER.match(sentence, end)
    )


def _percentage_lists(sentence: str) -> tuple[list[tuple[int, float]], set[int]]:
    """Each group's share listed with "respectively" or with the groups named after the list,
    and the comparator's share after it: 'The share losing 5% or more was 85%, 89% and 91% with
    5, 10 and 15 mg, respectively, and 35% with placebo'. A threshold ("5% or more", "≥20%") is
    never one of them. Also where the lists that are not shares of groups begin (no pair of
    them is either)."""
    if "%" not in sentence or " and " not in sentence:
        return [], set()
    found: list[tuple[int, float]] = []
    not_shares: set[int] = set()
    for run in _PERCENT_LIST.finditer(sentence):
        items = list(_LIST_NUMBER.finditer(sentence, run.start(), run.end()))
        if (
            _NOT_GROUP_SHARES.search(sentence)
            or _TRAIT_SHARE.search(sentence, 0, run.start())  # "The percentages of women were"
            or any(_THRESHOLD_AFTER.match(sentence, item.end()) for item in items)
            or _THRESHOLD_BEFORE.search(sentence, max(0, run.start() - 20), run.start())
            or _AT_ENTRY_BEFORE.search(sentence, 0, run.start())
            or _amount_of_change(sentence, run.start(), run.end())
        ):
            not_shares.update(item.start("v") for item in items)
            continue
        if _COMPARISON.search(sentence, max(0, run.start() - 10), run.start()) or (
            _COMPARISON.match(sentence, run.end() + 1)
        ):
            continue
        respectively = _RESPECTIVELY_IN_CLAUSE.match(sentence, run.end())
        comparator = _comparator_after(sentence, run.end())
        if _LIST_FOLLOWER.match(sentence, run.end()) is None:
            # "In the tirzepatide groups, 50%, 57% and 63% lost at least 20% ..., versus 3% with
            # placebo": a comparator says they are groups' shares
            if comparator is None or not run["signed"]:
                continue
        elif respectively is None and _GROUPS_AFTER.match(sentence, run.end()) is None:
            continue
        if comparator is None and len(items) == 2 and _PAIR.match(sentence, run.start()):
            continue  # "48% and 31% in the drug and placebo groups, respectively": a pair
        found.extend((item.start("v"), float(item["v"])) for item in items)
        if comparator is not None:
            found.extend(_comparators_listed(sentence, comparator))
    return found, not_shares


def _comparators_listed(sentence: str, comparator: tuple[int, float]) -> list[tuple[int, float]]:
    """The comparator's share, or each of its own list: '..., respectively, as compared with
    27%, 9%, and 2% of those who received placebo'."""
    its_list = _PERCENT_LIST.match(sentence, comparator[0])
    if its_list is None or not its_list["signed"]:
        return [comparator]
    items = list(_LIST_NUMBER.finditer(sentence, its_list.start(), its_list.end()))
    if any(_THRESHOLD_AFTER.match(sentence, item.end()) for item in items):
        return [comparator]
    return [(item.start("v"), float(item["v"])) for item in items]


def _comparator_after(sentence: str, start: int) -> tuple[int, float] | None:
    """The first share after a list in its clause that is not a threshold, when a comparison
    introduces it."""
    clause_end = sentence.find(";", start)
    for item in _PERCENT_ITEM.finditer(
        sentence, start, clause_end if clause_end >= 0 else len(sentence)
    ):
        before = sentence[max(start, item.start() - 30) : item.start()]
        if _THRESHOLD_BEFORE.search(before) or _THRESHOLD_AFTER.match(sentence, item.end()):
            continue
        if _COMPARATOR_BEFORE.search(before):
            return item.start("v"), float(item["v"])
        return None
    return None


# what a measurement written as a percentage names: each arm's mean of it is not a share of
# people or animals with an outcome ("Wound closure reached 78% in the treated group vs 52%",
# "Body fat was 18.2% versus 24.6%", "Infarct size was 32% of the area at risk")
_MEASURED_AMOUNT = re.compile(
    r"(?i)\b(?:closure|viability|size|fat|inhibition|expression|content|volume|area|density|"
    r"activity|levels?|concentrations?|weight|mass|saturation|HbA1c|A1c|fraction|uptake|"
    r"thickness|proliferation|secretion|permeability|coverage|confluence|migration|efficiency|"
    r"yield|absorption|bioavailability|release|degradation|scavenging|growth|healing|"
    r"reduction|change|decrease|increase|loss|gain|rise|fall|drop|decline)\b"
)
# what makes it a share of subjects after all: "the proportion with complete closure", "weight
# loss of at least 5%", "closure was achieved in 78%"
_SHARE_OF_SUBJECTS = re.compile(
    r"(?i)\b(?:proportions?|percentages? of|shares? of|rates?|incidence|prevalence|risk|odds|"
    r"achiev\w*|attain\w*|at least|or more|or greater|responders?|who|"
    r"(?:reached|observed|occurred|seen|found|noted|present) (?:in|by))\b|[≥≤<>]"
)
_AMOUNT_WORDS = 6  # a measurement names its percentage within this many words before it
_SHARE_WORDS = 14


# the percentage before another, close and in the same clause: "78% in the treated group vs"
_PERCENT_JUST_BEFORE = re.compile(r"(?<![\d.])\d+(?:\.\d+)? ?%%?[^;%]{0,50}$")


def _measured_amount(sentence: str, position: int) -> bool:
    """Whether the percentage at `position` is a measurement's (its mean in a group), named by
    the words right before the first of the percentages listed with it in its clause, with
    nothing making it a share of subjects."""
    clause_start = sentence.rfind(";", 0, position) + 1
    first = position
    while listed := _PERCENT_JUST_BEFORE.search(sentence, clause_start, first):
        first = listed.start()
    words = sentence[clause_start:first].split()
    return (
        _MEASURED_AMOUNT.search(" ".join(words[-_AMOUNT_WORDS:])) is not None
        and _SHARE_OF_SUBJECTS.search(" ".join(words[-_SHARE_WORDS:])) is None
        and _SHARE_OF_SUBJECTS.search(sentence, first, position) is None
    )


# "the most common adverse events were nausea (20%) and headache (12%)": the share of the group
# with each event; only where the sentence is about events or use (a list of comorbidities or
# causes is what people had, not what happened to them)
_MOST_COMMON = re.compile(r"(?i)\bmost (?:common(?:ly)?|frequent(?:ly)?|often)\b")
_EVENT_WORDS = re.compile(
    r"(?i)\b(?:adverse|side[ -]effects?|events?|reactions?|complications?|symptoms?|"
    r"toxicit(?:y|ies)|reported|used|using|use)\b"
)
_NAMED_SHARE = re.compile(r"(?<=[A-Za-z]) \((?P<v>\d+(?:\.\d+)?) ?%%?\)")


def _most_common_shares(sentence: str) -> list[tuple[int, float]]:
    """The shares named after 'the most common' in a sentence about events or use."""
    if "most " not in sentence and "Most " not in sentence:
        return []
    cue = _MOST_COMMON.search(sentence)
    if cue is None or _EVENT_WORDS.search(sentence) is None:
        return []
    return [
        (match.start("v"), float(match["v"]))
        for match in _NAMED_SHARE.finditer(sentence, cue.end())
    ]


# a results table's row: "Remission, n (%): 34 (42.5) vs 18 (22.5)", "Events, n/N (%): drug
# 12/150 (8.0), placebo 25/148 (16.9)"; the percent sign is in the header only
_TABLE_HEADER = re.compile(r"(?P<name>[^:;,.()]{1,60}?),? n(?: ?/ ?N)? \(%\) ?:")
_TABLE_CELL = re.compile(r"(?<![\w./])\d[\d,]*(?: ?/ ?\d[\d,]*)? \((?P<v>\d+(?:\.\d+)?)\)")
# a row describing who was sampled, not what happened to them
_SAMPLE_TRAIT = re.compile(
    r"(?i)^\W*(?:women|men|female|male|sex|age|aged|white|black|asian|hispanic|race|ethnicity|"
    r"married|education|employed|employment|income|current smokers?|smokers?|smoking|"
    r"BMI|baseline)\b"
)


def _table_shares(sentence: str) -> list[tuple[int, float]]:
    """The shares of a row written with an 'n (%)' header."""
    if "(%)" not in sentence:
        return []
    shares = []
    for header in _TABLE_HEADER.finditer(sentence):
        if _SAMPLE_TRAIT.search(header["name"]):
            continue
        row_end = sentence.find(";", header.end())
        row_end = row_end if row_end >= 0 else len(sentence)
        for cell in _TABLE_CELL.finditer(sentence, header.end(), row_end):
            if 0 <= (value := float(cell["v"])) <= 100:
                shares.append((cell.start("v"), value))
    return shares


# A group named, then its share: "intervention = 44%", "North 12.1%", "arm A: 62%", "drug 31
# [21.4%]", "Complete response: 18 (40.0%)"; the label never ends in a word that links it to
# what comes before ("was", "in", "to")
_SHARE_LABEL = (
    # a label starts a sentence or follows punctuation, "was" or a join (checked first: cheap)
    r"(?:^|(?<=[:;,(\[—–] )|(?<=[(\[—–])|(?<=was )|(?<=were )|(?<=is )"
    r"|(?<=and )|(?<=vs )|(?<=versus )|(?<=with ))"
    r"(?P<label>\b[A-Za-z][\w\-']*(?: (?!(?:was|were|is|in|of|to|by|from|and|than|with)\b)"
    r"(?:[A-Za-z][\w\-']*|[≥≤]?\d{1,2}(?![\d.%])))*?)"
)
_LABELLED_SHARE = re.compile(
    rf"{_SHARE_LABEL}(?P<mark> ?[=:,]| [=:,]?)? ?(?:(?P<count>\d[\d,]*) ?[(\[])?{_pct('v')}"
    r"(?(count)[)\]])"
)
# groups' shares listed or set against each other: "intervention = 52.0% vs control = 30.5%"
_LABEL_JOIN = re.compile(r"(?:,? and|,|;|,? or|,? vs\.?|,? versus|,? compared with) ")
_LABEL_OPENS = re.compile(r"(?:^|[;:(\[—–]|\. )\s*$")
_LABEL_LINKS = re.compile(
    r"(?i)^(?:of|in|among|at|by|with|from|for|than|v|vs|versus|mean|median|aged?)\b"
)


def _items_listed(
    sentence: str, first: re.Match[str], join: re.Pattern[str], item: re.Pattern[str]
) -> list[re.Match[str]]:
    """`first` and the items of `item`'s pattern listed right after it, each after a `join`."""
    listed = [first]
    while (joined := join.match(sentence, listed[-1].end())) and (
        following := item.match(sentence, joined.end())
    ):
        listed.append(following)
    return listed


def _may_list_shares(sentence: str) -> bool:
    """Whether two shares may be listed: each holds a percent sign of its own."""
    return sentence.count("%") >= 2


def _may_label_shares(sentence: str) -> bool:
    """Whether `_labelled_shares` may find any: two shares listed, or one share in the brackets
    after its count ("18 (40.0%)")."""
    return _may_list_shares(sentence) or "%)" in sentence or "%]" in sentence


def _labelled_shares(sentence: str) -> list[tuple[int, float]]:
    """Groups each named before its share, listed after a colon, dash or bracket ('Cure rates:
    group A 81%, group B 74%'), or one outcome's count and share in a one-arm study; never who
    was sampled, a measurement's mean per arm or a rate of taking part."""
    if not _may_label_shares(sentence):
        return []
    found: list[tuple[int, float]] = []
    search_from = 0
    while first := _LABELLED_SHARE.search(sentence, search_from):
        listed = _items_listed(sentence, first, _LABEL_JOIN, _LABELLED_SHARE)
        search_from = listed[-1].end()
        opens = _LABEL_OPENS.search(sentence, 0, first.start()) is not None
        single = first["count"] is not None and first["mark"] is not None and opens
        if not ((len(listed) >= 2 and (opens or first["mark"])) or single):
            continue
        clause_start = (
            max(sentence.rfind(";", 0, first.start()), sentence.rfind(".", 0, first.start() - 1))
            + 1
        )
        said = sentence[clause_start : first.start()]
        if (
            any(_SAMPLE_TRAIT.search(item["label"]) for item in listed)
            or any(_LABEL_LINKS.search(item["label"]) for item in listed)
            or any(_NOT_A_SHARE_SAID.search(item["label"]) for item in listed)
            or _NOT_A_SHARE_AFTER.match(sentence, listed[-1].end())
            or _SAMPLE_DESCRIBED.search(said)
            or _SAMPLE_TRAIT.search(said)  # "Education: primary 22%, secondary 51%"
            or _TAKING_PART.search(said)
            or _NOT_GROUP_SHARES.search(sentence)
            or _AT_ENTRY_BEFORE.search(sentence, 0, first.start())
            or (first["count"] is None and _measured_amount(sentence, first.start("v")))
        ):
            continue
        found.extend((item.start("v"), float(item["v"])) for item in listed)
    return found


# one group's share set against another's: "Among current smokers, 38% had chronic cough,
# compared with 22% of never smokers"
_AMONG_SET_AGAINST = re.compile(
    # (or "Of the students surveyed, 22.7% used ..., compared with 9.4% of staff", "In the
    # drug arm, 40% healed compared with 25% receiving placebo")
    rf"\b(?:Among|Of|In|With) [^,;%\d]{{2,40}}, {_pct('a')} (?P<said>[^%;]{{1,60}}?),? "
    rf"(?:compared with|versus|vs\.?|than) {_pct('b')} (?:of|among|in|on|receiving|given|"
    r"taking|treated|kept|assigned|allocated|using) "
)


# shares that rise or fall across groups of age or rank: "rose with age, from 41.2% at 18-29
# years to 63.7% at 60 years or older"; never across times ("from 30% at baseline to 12% at
# 6 months")
_ACROSS_GROUPS = re.compile(
    rf"\bfrom {_pct('a')} (?:at|in|among) (?P<first>[^;%]{{2,40}}?) to {_pct('b')} "
    r"(?:at|in|among) (?P<last>[^;,%.]{2,40})"
)
_AGE_OR_RANK = re.compile(
    r"(?i)\d ?[-–—] ?\d+ years|\baged\b|\b(?:or|and) (?:older|over|above)\b|\b(?:younger|older) "
    r"than\b|\b(?:lowest|highest|bottom|top) (?:quintile|quartile|tertile|decile|group|income)\b"
    r"|\b(?:youngest|oldest|poorest|richest|wealthiest)\b"
)


def _shares_across_groups(sentence: str) -> list[tuple[int, float]]:
    """The two end groups' shares of a trend across ages or ranks."""
    if "from " not in sentence:
        return []
    return [
        (match.start(key), float(match[key]))
        for match in _ACROSS_GROUPS.finditer(sentence)
        if _AGE_OR_RANK.search(match["first"]) and _AGE_OR_RANK.search(match["last"])
        for key in ("a", "b")
    ]


_AMONG_CUES = ("Among ", "Of ", "In ", "With ")


def _among_set_against(sentence: str) -> list[tuple[int, float]]:
    """The two groups' shares of 'Among <group>, x% had ..., compared with y% of <group>';
    never who the groups were ('58% were women')."""
    if not contains_any(sentence, _AMONG_CUES):
        return []
    found: list[tuple[int, float]] = []
    for match in _AMONG_SET_AGAINST.finditer(sentence):
        if _NOT_AN_OUTCOME.search(match["said"]) or _AT_ENTRY_BEFORE.search(
            sentence, 0, match.start()
        ):
            continue
        found.extend((match.start(key), float(match[key])) for key in ("a", "b"))
    return found


# a group's share set against another's after a comparative: "mortality of 4.5% for patients
# with X was higher than that of 2.6% for those without", "was 48% in group A, higher than the
# 21% ... in group B and the 18% ... in group C"
_GROUP_AFTER = r"(?P<what>(?: [^;%()\d ]+){0,5}?) (?:for|in|among|after|with|on|given|receiving) "
_THAN_ANOTHER_SHARE = re.compile(
    r"\b(?:higher|lower|greater|smaller|larger|more|less) than (?:that (?:of|in|for|among|"
    rf"with|after) |the ){_pct('v')}{_GROUP_AFTER}"
)
_AND_ANOTHER_SHARE = re.compile(
    rf"[^;%]{{0,60}}?,? and (?:that (?:of|in|for|among|with|after) |the ){_pct('v')}{_GROUP_AFTER}"
)
_SHARE_BEFORE_THAN = re.compile(
    rf"\b(?:of|was|were|is) {_pct('v')} (?:for|in|among|after|with|on|given|receiving) "
    r"[^;%]{1,80}?$"
)
_NOT_ANOTHER_GROUPS_SHARE = re.compile(
    r"(?i)\b(?:expected|assumed|predicted|targets?|thresholds?|reported|previous\w*|"
    r"reductions?|increases?|decreases?|changes?|improvements?|declines?)\b"
)


def _shares_than_another(sentence: str) -> list[tuple[int, float]]:
    """The shares of groups set against each other with 'higher/lower than (that of | the)'."""
    if " than " not in sentence:
        return []
    found: list[tuple[int, float]] = []
    for match in _THAN_ANOTHER_SHARE.finditer(sentence):
        if _NOT_ANOTHER_GROUPS_SHARE.search(match["what"]):
            continue
        shares = [match]
        while (
            listed := _AND_ANOTHER_SHARE.match(sentence, shares[-1].end())
        ) and not _NOT_ANOTHER_GROUPS_SHARE.search(listed["what"]):
            shares.append(listed)
        clause_start = sentence.rfind(";", 0, match.start()) + 1
        before = _SHARE_BEFORE_THAN.search(
            sentence, max(clause_start, match.start() - 140), match.start()
        )
        if before:
            shares.insert(0, before)
        first = shares[0].start("v")
        if _measured_amount(sentence, first) or _TRAIT_SHARE.search(
            sentence, max(0, first - 60), first
        ):
            continue
        found.extend((share.start("v"), float(share["v"])) for share in shares)
    return found


# where two groups' shares ended after changing, set against each other: "the rate in the
# intervention group fell to 23%, whereas the control group's rose to 37%"
_CHANGED_TO = re.compile(
    r"\b(?:fell|dropped|declined|decreased|rose|increased|climbed|grew|went (?:up|down)) to "
    rf"{_pct('v')}"
)
_CHANGED_TO_CUES = (
    " fell to ",
    " dropped to ",
    " declined to ",
    " decreased to ",
    " rose to ",
    " increased to ",
    " climbed to ",
    " grew to ",
    " up to ",
    " down to ",
)
_CONTRAST = re.compile(r",? (?:whereas|while|but)\b|;")
_GROUP_NOUN = re.compile(
    r"\b(?:groups?|arms?|cohorts?|practices|wards|clinics|hospitals|sites|schools|controls?|"
    r"intervention|placebo)\b"
)
_GROUP_NOUN_REACH = 40  # a group named right after its share: "fell to 9.5% in the clinic arm"


def _shares_changed_to(sentence: str) -> list[tuple[int, float]]:
    """The shares two groups ended at, each after 'fell/rose to', set against each other with
    'whereas', 'while', 'but' or a semicolon, each group named in its own part."""
    if sentence.count(" to ") < 2 or sum(map(sentence.count, _CHANGED_TO_CUES)) < 2:
        return []
    found: list[tuple[int, float]] = []
    for first, second in pairwise(_CHANGED_TO.finditer(sentence)):
        contrast = _CONTRAST.search(sentence, first.end(), second.start())
        if contrast is None:
            continue
        clause_start = sentence.rfind(";", 0, first.start()) + 1
        parts = (
            (clause_start, min(contrast.start(), first.end() + _GROUP_NOUN_REACH)),
            (contrast.end(), second.end() + _GROUP_NOUN_REACH),
        )
        if all(_GROUP_NOUN.search(sentence, start, end) for start, end in parts) and not (
            _measured_amount(sentence, first.start("v"))
        ):
            found.extend((match.start("v"), float(match["v"])) for match in (first, second))
    return found


# a share of a subset of the outcome, bracketed after a group's share: "40% in the operative
# cohort (11.8% stage 3-4 ...), and 11% stage 3-4 in the population cohort"
_BRACKETED_SUBSET = re.compile(rf" \({_pct('v')} (?P<what>[a-z][^()%;]{{0,80}})\)")
_GROUP_SHARE_BEFORE = re.compile(
    rf"(?<![\d.]){_pct('v')}(?: [\w-]+){{0,3}}? (?:of|in|among|for) (?:the )?[^;%()]{{1,50}}?$"
)
_NEXT_GROUP_SHARE = re.compile(
    rf",? (?:and|compared with|versus|vs\.?) {_pct('v')}(?: [\w-]+){{0,4}}? (?:of|in|among|for) "
    r"(?:the )?(?:[\w-]+ ){0,3}?(?:groups?|arms?|cohorts?|women|men|patients|participants|"
    r"children|dogs|cats|mice|rats)\b"
)
_NOT_A_SUBSET = re.compile(
    r"^(?:wo)?men\b|^(?:fe)?males?\b|^(?:boys|girls)\b|\b(?:aged|years|were)\b"
)


def _subset_shares(sentence: str) -> list[tuple[int, float]]:
    """A group's share with a bracketed share of a subset of its outcome, and the next group's
    share (and its subset) set beside it."""
    if " (" not in sentence:
        return []
    found: list[tuple[int, float]] = []
    for subset in _BRACKETED_SUBSET.finditer(sentence):
        before = _GROUP_SHARE_BEFORE.search(sentence, max(0, subset.start() - 80), subset.start())
        if before is None or _measured_amount(sentence, before.start("v")):
            continue
        found.append((before.start("v"), float(before["v"])))
        if not _NOT_A_SUBSET.search(subset["what"]):
            found.append((subset.start("v"), float(subset["v"])))
        if following := _NEXT_GROUP_SHARE.match(sentence, subset.end()):
            found.append((following.start("v"), float(following["v"])))
    return found


def _listed_changes(sentence: str) -> set[int]:
    """Where each item of a list of amounts of change begins: 'decreased by 3.5% with 400 IU,
    4.9% with 4000 IU and 7.5% with 10 000 IU' gives each arm's mean change, no shares."""
    if "by " not in sentence or not _may_list_shares(sentence):
        return set()
    changes: set[int] = set()
    for first in _LISTED_SHARE.finditer(sentence):
        if _amount_of_change(sentence, first.start(), first.end("v") + 1):
            listed = _items_listed(sentence, first, _LIST_JOIN, _LISTED_SHARE)
            changes.update(match.start() for match in listed)
    return changes


def _listed_shares(
    sentence: str, refused: frozenset[int] | set[int] = frozenset()
) -> list[tuple[int, float]]:
    """Two or more 'x% of <group>' joined by commas or 'and' (with their subgroups' shares in
    brackets), right after a verb of what happened and 'in' or right before a verb; none begins
    at a position in `refused` (a list already refused as shares)."""
    if not _may_list_shares(sentence):
        return []
    for first in _LISTED_SHARE.finditer(sentence):
        if first.start() in refused:
            continue
        listed = _items_listed(sentence, first, _LIST_JOIN, _LISTED_SHARE)
        if len(listed) < 2 and not first["subgroups"]:
            continue  # one group's share: read, if at all, by the patterns of one share
        end = listed[-1].end()
        after = sentence[end : end + 80]
        if (
            _OUTCOME_IN.search(sentence, max(0, first.start() - 24), first.start()) is None
            and _OUTCOME_VERB_AFTER.search(after) is None
            and _GROUP_THEN_VERB.match(sentence, end) is None
        ) or _NOT_AN_OUTCOME.search(after):
            continue  # "61% of patients (55% of men, 66% of women) had diabetes at baseline"
        if _AT_ENTRY_BEFORE.search(sentence, 0, first.start()):
            continue
        shares = []
        for match in listed:
            shares.append((match.start("v"), float(match["v"])))
            if match["subgroups"]:
                shares.extend(
                    (sub.start("v"), float(sub["v"]))
                    for sub in _LISTED_SHARE.finditer(
                        sentence, match.start("subgroups"), match.end("subgroups")
                    )
                )
        if len(shares) >= 2:
            return shares
    return []


# One group's share stated outright: "The complete response rate was 38%", "Union rate in the
# treated group was 100%", "Recurrence occurred in 9.8%", "Technical success was obtained in
# 97%"; never a change, a difference or a relative restatement ("was 30% lower").
_RATE_WORDS = (
    "rate", "proportion", "incidence", "prevalence", "percentage", "frequenc", "risk", "probabilit",
    "survival",
)  # fmt: skip
# the rate named, then what it is of and for whom, then its value: "was 38%", "of 38%", and as
# a label: "risk of event for molar tubes = 57%", "incidence with placebo: 23%"
_RATE_WAS = re.compile(
    r"(?i)\b(?:rates?|proportions?|incidences?|prevalences?|percentages?|frequenc(?:y|ies)|"
    r"risks?|probabilit(?:y|ies)|(?<!cell )survival)\b(?P<gap>(?:[^.;%=:]|\.\d|\d ?%,){0,80}?)"
    r"(?:\b(?:was|were|is|reached|amounted to|of)|(?<=[\w)]) ?[=:]) "
    rf"(?:about |approximately |only |nearly )?{_pct('v')}"
)
_IN_PERCENT = re.compile(r" (?:in|by) (?:about |approximately |only |nearly )?\d+(?:\.\d+)? ?%")
_SHARED_IN = re.compile(
    # never "as planned in 92%", "as prescribed in": how something was done, not what happened
    rf"(?<!\bas )(?P<verb>\b(?:[a-z]{{2,}}(?:ed|en)|found))"
    # "reported by 52.3% of respondents": a share of people doing what the verb says
    r" (?:in|(?<=reported )by|(?<=endorsed )by|(?<=preferred )by)"
    rf" (?:about |approximately |only |nearly )?{_pct('v')}"
)
# the next items of such a list: "and the mortality rate 3.1%", "and in the control group
# 62.5%", ", partial closure in 18.2% and failure in 10.5%"
# (a number may start a word of the group's name: "for the 14-day regimen = 91%")
_NEXT_STATED = re.compile(
    r"(?:,? and|,|;) (?:(?:the|in|for|among|with) )?"
    r"(?:(?!vs|versus|respectively)(?:[^.;%\d()]|\b\d+-(?=[a-z]))){0,50}?"
    rf"(?:\b(?:was|were|in|of) )?(?:about |approximately )?{_pct('v')}"
)
_NOT_A_SHARE_AFTER = re.compile(
    # a change, after its p value or an adverb too: "was 22% (P = 0.04) significantly lower"
    r"(?: ?[(\[][^()\[\]]{0,40}[)\]])?(?: (?:significantly|statistically significantly|markedly|"
    r"slightly|substantially|considerably|nominally))?"
    r" ?(?:lower|higher|greater|less|more|smaller|larger|reduction|increase|decrease|relative|"
    r"points?|-?fold|vs|versus|or (?:more|less|greater|higher|lower|above|below))\b"
    # "was 42% (95% CI 29 to 57)": an estimate with its interval, read by find_estimates
    r"| ?[(\[][^()\[\]]{0,20}?\d ?%? ?(?:-|–|—|to|,) ?\d"
    # the low end of a range across groups: "occurred in 2% to 10%"
    r"| ?(?:-|–|—|to) ?\d"
)
# what is no share of a group with an outcome: a change or a comparison (said of the rate, not
# in an aside between commas), and rates of taking part
_NOT_A_SHARE_SAID = re.compile(
    # (and a review's "risk of bias", which is no one's event)
    r"(?i)\b(?:reduction|difference|ratio|change|increase|decrease|relative|bias)\b"
)
_TAKING_PART = re.compile(
    r"(?i)\b(?:participation|retention|completion|recruitment|consent|adherence|compliance|"
    # follow-up taken part in ("lost to follow-up", "follow-up was 92%"), not the time over
    # which a rate was counted ("during follow-up", "at the 6-month follow-up")
    r"survey|questionnaire|(?:lost to|complet(?:ed|ing)(?: the)?) follow-up|"
    r"(?<!median )(?<!mean )follow-up(?= (?:rates?|was|were|completion|complete)\b))\b"
)
_ASIDE_BETWEEN_COMMAS = re.compile(r", [^,]*,")
# a verb of the study or of a change ("reduced in 30%" is no share); "obtained" is one when
# said of data (_DATA_SUBJECT), not of success
_NOT_AN_OUTCOME_VERB = re.compile(
    rf"(?i)^(?:{_STUDY_VERBS}|lost|increased|decreased|reduced|lowered|raised)$"
)
# a clause about data, not people: "Follow-up data were obtained in 89%"
_DATA_SUBJECT = re.compile(
    r"(?i)\b(?:data|samples?|specimens?|information|measurements?|imaging|images|records|"
    r"questionnaires?|follow-up|consent|responses to)\b(?:[^.;]|\.\d)*$"
)


# whom a stated share is of, before the next item: "in 8% of patients, and nausea in 5%",
# "45% for budesonide and 30% for placebo", "88% with the 10-day course and 79% ..."
_OF_WHOM = re.compile(
    rf" of (?:the )?(?:[a-z-]+ ){{0,2}}?{_PEOPLE}\b"
    r"| (?:for|with|among|on) (?:the )?[\w-]+(?: [\w-]+){0,3}?(?=,? and |, |; )"
    # ... or when it was counted: "80.4% at 12 months and 42.1% at 60 months", "at week 24"
    rf"| at (?:(?:day|week|month|year) \d+|{_COUNT} (?:days?|weeks?|months?|years?))\b"
)


def _end_of_whom(sentence: str, end: int) -> int:
    """Where the share ending at `end` and the people or arm it is of ('of patients', 'for
    placebo') end."""
    whom = _OF_WHOM.match(sentence, end)
    return whom.end() if whom else end


def _stated_shares(sentence: str) -> list[tuple[int, float]]:
    """Each group's share stated with 'rate was' or 'in x%', and the items listed after it."""
    if "%" not in sentence:
        return []
    found: list[tuple[int, float]] = []
    rates = _RATE_WAS.finditer(sentence) if contains_any(fold_case(sentence), _RATE_WORDS) else ()
    shares_in = _SHARED_IN.finditer(sentence) if _IN_PERCENT.search(sentence) else ()
    for head in chain(rates, shares_in):
        if _AT_ENTRY_BEFORE.search(sentence, 0, head.start()):
            continue  # "At baseline, the prevalence of hypertension was 45%"
        if "gap" in head.groupdict():
            # the words naming the rate ("the survey response rate"), then what is said of it
            words = " ".join(sentence[max(0, head.start() - 40) : head.start()].split()[-3:])
            said = _ASIDE_BETWEEN_COMMAS.sub(" ", f"{words} {head['gap']}")
            if _NOT_A_SHARE_SAID.search(said):
                continue
        else:
            if _NOT_AN_OUTCOME_VERB.match(head["verb"]):
                continue
            clause = re.split(r"[;,:]", sentence[: head.start()])[-1]
            if _DATA_SUBJECT.search(clause):
                continue
            said = clause
        if _TAKING_PART.search(said) or _TRAIT_SHARE.search(sentence, head.start(), head.end()):
            continue  # "The proportion of women was 52% ...": who was sampled
        items = [head]
        while following := _NEXT_STATED.match(sentence, _end_of_whom(sentence, items[-1].end())):
            items.append(following)
        if _NOT_AN_OUTCOME.search(sentence[items[-1].end() : items[-1].end() + 80]):
            continue  # "... was 9.1% among men and 7.4% among women at baseline"
        for item in items:
            position = item.start("v")
            if _NOT_A_SHARE_AFTER.match(sentence, item.end()) or _THRESHOLD_BEFORE.search(
                sentence, max(0, position - 20), position
            ):
                break
            found.append((position, float(item["v"])))
    return found


# Shares of the categories of one outcome: "The most frequent adverse events were fatigue (31%),
# nausea (22%) and headache (9%)", "highest among smokers (49%), graduates (45%)"; never those
# describing the sample ("Participants were mostly women (61%), white (78%)")
# (each category may be quoted: '"to save money" (41%)', "‘dry mouth’ (38%)")
_CATEGORY_SHARE = re.compile(
    rf"[\"“‘]?\b[A-Za-z][\w\-']*(?: [\w\-']+){{0,3}}?[\"”’]? \({_pct('v')}\)"
)
_CATEGORY_JOIN = re.compile(r"(?:,? and|,|;|,? or) ")
_CATEGORY_HEAD = re.compile(
    r"(?i)\b(?:(?:most|least) (?:common|frequent|often|used|prevalent|reported|popular|cited)|"
    r"common(?:ly|est)?|frequent(?:ly)?|highest|lowest|leading|main|included|including|reasons?|"
    r"types?|such as)\b"
)
# the categories as the subject of what is said of them: "in the intervention arm (78%) and the
# control arm (75%) were white" describes the groups
_SAID_OF_THE_LIST = re.compile(r" (?:were|was|are|is)\b")
_SAMPLE_DESCRIBED = re.compile(
    r"(?i)\b(?:baseline|entry|enrol?ment|comorbidit|characteristic|demographic|history|"
    r"participants were|patients were|respondents were|sample was|were mostly|were predominantly)"
)


def _category_shares(sentence: str) -> list[tuple[int, float]]:
    """Two or more categories each with its share in brackets, after words that say they are
    the categories of an outcome."""
    if "%)" not in sentence:
        return []
    for first in _CATEGORY_SHARE.finditer(sentence):
        before = sentence[: first.start("v")]
        if not _CATEGORY_HEAD.search(before) or _SAMPLE_DESCRIBED.search(before):
            continue
        listed = _items_listed(sentence, first, _CATEGORY_JOIN, _CATEGORY_SHARE)
        if len(listed) >= 2 and not _SAID_OF_THE_LIST.match(sentence, listed[-1].end()):
            return [(match.start("v"), float(match["v"])) for match in listed]
    return []
