"""Reading effect estimates, confidence intervals, p values and sample sizes from prose.

Every pattern here is linear: text is normalised first (one space between words, one kind of
minus), so no two adjacent optional whitespace runs can backtrack against each other, and every
repetition of free text is bounded.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from evidex.evidence.models import Measure

_MINUS_SIGNS = ("−", "‒", "﹣", "－", "‐", "‑")
_DASHES = ("–", "—")
_MIDDLE_DOTS = ("·", "•")
# a dash at the start or after a space or opening mark, before a digit; written dash-first so
# that the engine jumps from dash to dash
_DASH_AS_MINUS = re.compile(r"[–—](?<![^\s(\[,;:=][–—])(?=\d|\.\d)")
_MIDDLE_DOT_DECIMAL = re.compile(r"(?<=\d)[·•](?=\d)")
_ODD_SPACES = ("  ", "\t", "\u00a0", "\u2009", "\u202f")
# A lone " " is already normal, so only runs that are longer or of another space are rewritten.
_SPACE_RUN = re.compile(r"[ \t\u00a0\u2009\u202f]{2,}|[\t\u00a0\u2009\u202f]")
# No real number is 40 characters long; cutting longer digit runs keeps every number pattern
# constant-time per position (a 50,000-digit run would otherwise make them quadratic).
_MAX_NUMBER_CHARS = 40
_MAX_WORD_CHARS = 60
_LONG_NUMBER_RUN = re.compile(r"[\d.,]{41,}")
_LONG_WORD_RUN = re.compile(r"[^\W\d_]{61,}")

NUMBER = r"[-+]?(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?|[-+]?\.\d+"
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_UNIT_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine)"
# Number words grouped by first letter, so the engine tries one group at a position instead of
# every word; within a letter the words keep their order (tens first), so matches are unchanged.
_WORD_NUMBER = (
    rf"(?:o(?:ne)|t(?:wenty(?:-{_UNIT_WORD})?|hirty(?:-{_UNIT_WORD})?|wo|hree|en|welve|hirteen)"
    rf"|f(?:orty(?:-{_UNIT_WORD})?|ifty(?:-{_UNIT_WORD})?|our|ive|ourteen|ifteen)"
    rf"|s(?:ixty(?:-{_UNIT_WORD})?|eventy(?:-{_UNIT_WORD})?|ix|even|ixteen|eventeen)"
    rf"|e(?:ighty(?:-{_UNIT_WORD})?|ight|leven|ighteen)|n(?:inety(?:-{_UNIT_WORD})?|ine|ineteen))"
)
# thousands grouped by commas ("2,345") or, in BMJ/Lancet style, by a (thin) space ("51 145");
# the lookahead rejects at once the many positions where neither a digit nor a number word starts
COUNT = (
    r"(?=(?i:[\defnost]))"
    rf"(?:\d{{1,3}}(?:,\d{{3}})+(?!\d)|(?<!\d)\d{{1,3}}(?:[ \u2009\u202f\u00a0]\d{{3}})+(?![\d.,])|\d+"
    rf"|(?i:{_WORD_NUMBER}))"
)


def normalise(text: str) -> str:
    """One minus sign, '.' decimals, single spaces; en/em dashes kept only as range marks."""
    # Each rewrite runs only when the characters it rewrites are present: most text has none.
    for minus in _MINUS_SIGNS:
        if minus in text:
            text = text.replace(minus, "-")
    if contains_any(text, _MIDDLE_DOTS):
        text = _MIDDLE_DOT_DECIMAL.sub(".", text)
    if contains_any(text, _DASHES):
        text = _DASH_AS_MINUS.sub("-", text)
    # A run of digits or letters never spans whitespace, so short tokens rule both runs out.
    longest_token = max(map(len, text.split()), default=0)
    if longest_token > _MAX_NUMBER_CHARS:
        text = _LONG_NUMBER_RUN.sub(lambda match: match.group(0)[:_MAX_NUMBER_CHARS], text)
    if longest_token > _MAX_WORD_CHARS:
        text = _LONG_WORD_RUN.sub(lambda match: match.group(0)[:_MAX_WORD_CHARS], text)
    if contains_any(text, _ODD_SPACES):
        text = _SPACE_RUN.sub(" ", text)
    return text


def contains_any(text: str, needles: tuple[str, ...]) -> bool:
    """Whether one of `needles` occurs in `text`: a cheap test before a pattern needing one."""
    return any(needle in text for needle in needles)


# `re` matches these case-insensitively with an ASCII letter, which str.lower() does not do
_ODD_CASE_LETTERS = (("İ", "i"), ("ı", "i"), ("ſ", "s"))


def fold_case(text: str) -> str:
    """`text` lower-cased so that `in` finds a lower-case word wherever a case-insensitive
    pattern would (same length, same offsets)."""
    for odd, letter in _ODD_CASE_LETTERS:
        if odd in text:
            text = text.replace(odd, letter)
    return text.lower()


def mentions_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether `text` contains one of the lower-case `words` as a case-insensitive pattern would
    find it: a cheap test before a `(?i)` pattern that needs one of them."""
    return contains_any(fold_case(text), words)


@dataclass(frozen=True)
class CuedPattern:
    """A case-insensitive pattern and lower-case words one of which each of its matches
    contains: looking for the words first is far cheaper than the search."""

    pattern: re.Pattern[str]
    cues: tuple[str, ...]

    def search(self, text: str, folded: str | None = None) -> re.Match[str] | None:
        """The pattern's first match in `text`; `folded` is fold_case(text) if already made."""
        return self.pattern.search(text) if self._cued(text, folded) else None

    def finditer(self, text: str, folded: str | None = None) -> Iterator[re.Match[str]]:
        """The pattern's matches in `text`; `folded` as for `search`."""
        return self.pattern.finditer(text) if self._cued(text, folded) else iter(())

    def _cued(self, text: str, folded: str | None) -> bool:
        return contains_any(fold_case(text) if folded is None else folded, self.cues)


def parse_number(raw: str) -> float | None:
    """'1,204' -> 1204.0, '-.5' -> -0.5; None when it is not a number."""
    try:
        return float(raw.replace(",", "").replace("+", ""))
    except ValueError:
        return None


def parse_count(raw: str) -> int | None:
    """A whole count written in digits ('2,345') or words ('four', 'twenty-three')."""
    word = raw.strip().lower()
    if word in _NUMBER_WORDS:
        return _NUMBER_WORDS[word]
    if "-" in word:
        tens, _, unit = word.partition("-")
        if tens in _NUMBER_WORDS and unit in _NUMBER_WORDS:
            return _NUMBER_WORDS[tens] + _NUMBER_WORDS[unit]
    for space in (" ", "\u2009", "\u202f", "\u00a0"):
        word = word.replace(space, "")
    value = parse_number(word)
    if value is None or value != int(value) or value < 0:
        return None
    return int(value)


_ABBREVIATIONS: dict[str, Measure] = {
    "OR": "OR", "AOR": "OR", "ADJOR": "OR",
    "RR": "RR", "ARR_RATIO": "RR", "IRR": "RR", "AIRR": "RR", "ARR": "MD", "AHR": "HR",
    "HR": "HR", "ADJHR": "HR", "RRR": "percent",
    "MD": "MD", "WMD": "MD", "ETD": "MD", "RD": "MD", "SMD": "SMD",
}  # fmt: skip
_WORD_LABELS: tuple[tuple[str, Measure], ...] = (
    ("odds ratio", "OR"),
    ("hazard ratio", "HR"),
    ("incidence rate ratio", "RR"),
    ("rate ratio", "RR"),
    ("risk ratio", "RR"),
    ("relative risk reduction", "percent"),
    ("relative risk", "RR"),
    ("standardized mean difference", "SMD"),
    ("standardised mean difference", "SMD"),
    ("hedges", "SMD"),
    ("cohen", "SMD"),
    ("mean difference", "MD"),
    ("treatment difference", "MD"),
    ("risk difference", "MD"),
    ("difference", "MD"),
)
_ABBR_PATTERN = r"\b(?:a|adj)?(?:OR|RR|HR|IRR|RRR|WMD|SMD|MD|ETD|RD)\b"
_WORD_PATTERN = (
    r"(?i:\b(?:odds ratio|hazard ratio|incidence rate ratio|rate ratio|risk ratio|"
    r"relative risk(?: reduction)?|standardi[sz]ed mean difference|hedges'? ?g|cohen'?s? d|"
    r"(?:weighted )?mean difference|(?:estimated )?treatment difference|risk difference|"
    r"difference)s?\b)"
)
_CI_LABEL = (
    r"(?i:(?:95(?:\.\d+)? ?%|95 ?percent|95-percent) ?(?:CI|CrI|UI|confidence intervals?|credible intervals?"
    r"|confidence limits?)\b|CI ?95 ?%?|CI\b|CrI\b)"
    r"(?: ?[(\[](?:CI|CrI)[)\]])?"
)
_SEPARATOR = r"(?: ?(?:-|–|—|\bto\b|,|;) ?)"
_UNIT = r"(?:%|(?!(?:CI|CrI|to|vs)\b)(?:[a-zA-Zµμ/²]{1,12}\d?)(?: (?:Hg|points?|m2|m²|units?))?)"
_RANGE = rf"(?:from )?(?P<low>{NUMBER}){_SEPARATOR}(?P<high>{NUMBER})"
_P_VALUE = re.compile(
    r"(?<![A-Za-z])[Pp](?:[ -]?value)? ?(?P<op>[<>=≤≥]=?) ?"
    r"(?P<num>\d*\.\d+|\d+(?:\.\d+)?)(?: ?[x×] ?10 ?\^? ?(?P<exp>-?\d+))?"
)


def _labelled_estimate(labels: str, first_letters: str) -> re.Pattern[str]:
    """An estimate introduced by one of `labels`, each of which starts at a word boundary with
    one of `first_letters`: that leading lookahead lets the engine pass over most positions
    without trying each label."""
    return re.compile(
        rf"\b(?={first_letters})"
        rf"(?P<label>{labels})"
        rf"(?: ?[(\[](?P<abbr>{_ABBR_PATTERN})[)\]])?"
        r"(?: (?:in|with|for|of|among|between|comparing|favou?ring)\b[^,;:=()\[\]\d]{1,60})?"
        r"(?: ?(?:=|:|,|\bof\b|\bwas\b|\bis\b|\bwere\b|≈))?(?: ?=)? ?"
        rf"(?P<value>{NUMBER})(?: ?(?P<unit>{_UNIT}))?"
        r" ?[,;]? ?(?P<bracket>[(\[])? ?"
        rf"(?P<cilabel>{_CI_LABEL} ?[:,=]? ?)?"
        rf"{_RANGE}"
    )


_ABBR_FIRST_LETTERS = "[aORHIWSME]"
_WORD_FIRST_LETTERS = "(?i:[cdehimorstw])"
LABELLED_ESTIMATE = _labelled_estimate(
    f"{_ABBR_PATTERN}|{_WORD_PATTERN}", f"{_ABBR_FIRST_LETTERS}|{_WORD_FIRST_LETTERS}"
)
# Most texts name a measure one way only; a label the cues rule out need not be tried anywhere.
_ABBR_LABELLED_ESTIMATE = _labelled_estimate(_ABBR_PATTERN, _ABBR_FIRST_LETTERS)
_WORD_LABELLED_ESTIMATE = _labelled_estimate(_WORD_PATTERN, _WORD_FIRST_LETTERS)
# Cheap tests before the patterns: every match of _ABBR_PATTERN contains one of the abbreviation
# cues, of _WORD_PATTERN one of the word cues, of _CI_LABEL one of the CI cues.
_ABBREVIATION_CUES = ("OR", "RR", "HR", "MD", "RD", "ETD")
_LABEL_WORD_CUES = ("ratio", "relative risk", "difference", "hedges", "cohen")
_CI_LABEL_CUES = ("ci", "cri", "ui", "confidence", "credible")
# An unlabelled estimate's CI label follows its bracket (and at most one space) and starts with
# '95' or 'c' (CI, CrI): a far rarer sight than "ci" anywhere.
_BRACKETED_CI_CUES = tuple(
    f"{bracket}{space}{start}" for bracket in "([" for space in ("", " ") for start in ("95", "c")
)
# The two numbers of an interval, as every estimate needs them: a cheap test before the rest.
_RANGE_CUE = re.compile(r"\d ?(?:-|–|—|to|,|;) ?[-+]?\.?\d")
UNLABELLED_ESTIMATE = re.compile(
    rf"(?<![\w.])(?P<value>{NUMBER})(?: ?(?P<unit>{_UNIT}))? ?[,;]? ?[(\[] ?"
    rf"(?P<cilabel>{_CI_LABEL} ?[:,=]? ?){_RANGE}"
)


@dataclass(frozen=True)
class Estimate:
    """One effect estimate with its interval, as found in the text (offsets into it)."""

    measure: Measure
    value: float
    ci_low: float | None
    ci_high: float | None
    p: str | None
    unit: str | None
    start: int
    end: int


def _measure_for_label(label: str) -> Measure:
    compact = label.replace(" ", "").replace("'", "").upper()
    if compact in _ABBREVIATIONS:
        return _ABBREVIATIONS[compact]
    if compact.startswith("ADJ") and compact[3:] in _ABBREVIATIONS:
        return _ABBREVIATIONS[compact[3:]]
    if compact.startswith("A") and compact[1:] in _ABBREVIATIONS:
        return _ABBREVIATIONS[compact[1:]]
    lowered = label.lower()
    for words, measure in _WORD_LABELS:
        if words in lowered:
            return measure
    return "MD"


def _measure_from_context(before: str, unit: str | None) -> Measure:
    lowered = before.lower()
    for words, measure in _WORD_LABELS[:-1]:
        if words in lowered:
            return measure
    for abbreviation in ("OR", "HR", "RR", "SMD", "MD"):
        if re.search(rf"\b{abbreviation}\b", before[-80:]):
            return _ABBREVIATIONS[abbreviation]
    if unit == "%":
        return "percent"
    return "MD"


def _p_after(text: str, start: int, limit: int) -> str | None:
    """The p value written right after an estimate, before the next estimate begins."""
    window = text[start : min(limit, start + 60)]
    match = _P_VALUE.search(window)
    if match is None:
        return None
    op = match["op"].replace("≤", "<=").replace("≥", ">=")
    number = match["num"]
    if number.startswith("."):
        number = "0" + number
    if match["exp"]:
        number = f"{number}x10^{match['exp']}"
    return number if op in ("=", "==") else f"{op}{number}"


def _plausible(measure: Measure, value: float, low: float, high: float) -> bool:
    if low > high:
        return False
    if measure in ("OR", "RR", "HR") and (low <= 0 or value <= 0):
        return False
    # Allow a little rounding slack: "0.62 (0.35-0.61)" is a typo we should still not invent.
    slack = 1e-9 + 0.011 * max(abs(low), abs(high), 1.0)
    return low - slack <= value <= high + slack


def may_hold_estimate(text: str) -> bool:
    """False when neither `text` nor any part of it holds an estimate (no two numbers of an
    interval): a cheap test before splitting it up."""
    return _RANGE_CUE.search(text) is not None


def find_estimates(text: str) -> list[Estimate]:
    """Every effect estimate with a 95% interval in normalised `text`, in reading order."""
    if not may_hold_estimate(text):
        return []
    folded = fold_case(text)
    labelled = _labelled_pattern(text, folded)
    found: list[Estimate] = []
    taken: list[tuple[int, int]] = []
    for match in labelled.finditer(text) if labelled is not None else ():
        if match["bracket"] is None and match["cilabel"] is None:
            continue
        label = match["abbr"] or match["label"]
        measure = _measure_for_label(label)
        estimate = _build(match, measure)
        if estimate is not None:
            found.append(estimate)
            taken.append((match.start(), match.end()))
    for match in UNLABELLED_ESTIMATE.finditer(text) if _may_have_bracketed_ci(folded) else ():
        if any(start <= match.start("value") < end for start, end in taken):
            continue
        before = text[max(0, match.start() - 120) : match.start()]
        measure = _measure_from_context(before, match["unit"])
        estimate = _build(match, measure)
        if estimate is not None:
            found.append(estimate)
    found.sort(key=lambda item: item.start)
    with_p: list[Estimate] = []
    for index, estimate in enumerate(found):
        limit = found[index + 1].start if index + 1 < len(found) else len(text)
        p = _p_after(text, estimate.end, limit)
        with_p.append(
            Estimate(
                estimate.measure,
                estimate.value,
                estimate.ci_low,
                estimate.ci_high,
                p,
                estimate.unit,
                estimate.start,
                estimate.end,
            )
        )
    return with_p


def _labelled_pattern(text: str, folded: str) -> re.Pattern[str] | None:
    """The labelled-estimate pattern for the kinds of label `text` may hold (None: no label)."""
    abbreviation = contains_any(text, _ABBREVIATION_CUES)
    word = contains_any(folded, _LABEL_WORD_CUES)
    if abbreviation and word:
        return LABELLED_ESTIMATE
    if abbreviation:
        return _ABBR_LABELLED_ESTIMATE
    return _WORD_LABELLED_ESTIMATE if word else None


def _may_have_bracketed_ci(folded: str) -> bool:
    return ("(" in folded or "[" in folded) and contains_any(folded, _BRACKETED_CI_CUES)


def _build(match: re.Match[str], measure: Measure) -> Estimate | None:
    value = parse_number(match["value"])
    low = parse_number(match["low"])
    high = parse_number(match["high"])
    if value is None or low is None or high is None:
        return None
    if not _plausible(measure, value, low, high):
        return None
    unit = match["unit"]
    if unit is not None and unit.strip().upper().startswith("CI"):
        unit = None
    return Estimate(measure, value, low, high, None, unit, match.start(), match.end())
