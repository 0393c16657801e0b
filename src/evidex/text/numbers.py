"""The one number reader: every way a number is written in published and editorial text.

`NUMBER` is a regex fragment (no groups of its own) that other patterns embed; `parse_number`
turns any text it matched into a float, `parse_count` into a whole count, and `number_in_words`
reads counts written as words. `normalise` rewrites the notations that differ only in glyphs
(minus signs, middle dots, odd spaces) so that later patterns need only one of each.

Notations read:
- signs: '-', '+', U+2212 and kin, an en-dash used as a minus, a minus followed by a space;
- decimals: '.' and the middle dot '·' ("0·74"); a decimal comma where it cannot be a
  thousands separator ("0,5 mg", "2,25 g");
- thousands: commas ("1,204"), spaces, thin and no-break spaces ("51 145", "1 000"), dots in
  counts ("22.155 patients");
- words: "Fifty-two", "one hundred (and) seventeen", "two thousand three hundred";
- percent: '%' and the typo '%%'.

Nothing here imports Evidex outside `evidex.text`. Every pattern is linear: repetitions are bounded or
separated by a fixed character, so no two optional runs backtrack against each other.
"""

from __future__ import annotations

import re

from evidex.text.cues import any_of, contains_any

# Characters that are a minus sign wherever they stand before a digit.
MINUS_SIGNS = "-\u2212\u2012\u2010\u2011\ufe63\uff0d"
# Dashes that are a minus only at the start of a number (after a space, bracket or '='), and
# otherwise mark a range.
DASHES = "\u2013\u2014"
MIDDLE_DOTS = "\u00b7\u2022"
# Spaces that group thousands or separate words: space, no-break, thin, narrow no-break.
SPACES = " \u00a0\u2009\u202f"

_SIGN_CHARS = f"+{MINUS_SIGNS}{DASHES}"
# A sign may stand at the start, after a space or opening mark, never after a digit, letter or a
# closing mark (that dash is a range or a hyphen); a space may follow it ("- 0.5") unless a
# number precedes it ("5 - 10" is a range).
_SIGN_CLASS = f"[{re.escape(_SIGN_CHARS)}]"
_SIGN = rf"(?:(?<![\w.)\]%])(?:{_SIGN_CLASS}(?! )|(?<![\d)\]%] ){_SIGN_CLASS} ))"
_DECIMAL = r"[.\u00b7\u2022]"
_GROUP_SPACE = f"[{SPACES}]"
# Thousands groups: commas ("1,204"), spaces ("51 145"), or two or more dots ("1.234.567");
# one dot is read as a decimal here and as thousands only by parse_count.
_COMMA_GROUPED = rf"[1-9]\d{{0,2}}(?:,\d{{3}})+(?!\d)(?:{_DECIMAL}\d+)?"
_SPACE_GROUPED = (
    rf"[1-9]\d{{0,2}}(?:{_GROUP_SPACE}\d{{3}})+(?![\d,]|{_DECIMAL}\d{{3}})(?:{_DECIMAL}\d+)?"
)
_DOT_GROUPED = r"[1-9]\d{0,2}(?:\.\d{3}){2,}(?!\d)"
# A decimal comma ("0,5 mg", "2,25 g", "1,5%", "-0,5", "1,74 (1,54-2,02)"), read where no other
# reading is likely: its integer part is 0, or its fraction is not three digits (a thousands
# group) and no "and"/"or" follows ("weeks 4,8 and 12"); never part of a comma list ("0,1,2"),
# glued to a word (a reference: "pain1,2"), a chemical locant ("1,25-dihydroxy") or a bracketed
# pair ("(1,3)", "[1,3]").
_DECIMAL_COMMA = (
    r"(?=\d{1,3},\d)(?<!\d,)(?<![^\W\d_])(?:(?<![(\[])|(?!\d+,\d+[)\]]))"
    r"(?:0|[1-9]\d{0,2}(?=,(?!\d{3}(?!\d))(?!\d+ ?(?:and|or|&)\b)))"
    r",\d+(?![,\d]|-[^\W\d_])"
)
_PLAIN = rf"\d+(?:{_DECIMAL}\d+)?|{_DECIMAL}\d+"
# Not inside another number: never straight after a digit or after a digit and a decimal mark.
# Atomic: once read, a number is never given back digit by digit to let a pattern around it
# match a shorter one ("95" of "95% CI" never becomes "9").
NUMBER = (
    rf"(?>{_SIGN}?(?<!\d)(?<!\d[.\u00b7\u2022])"
    rf"(?:{_COMMA_GROUPED}|{_SPACE_GROUPED}|{_DOT_GROUPED}|{_DECIMAL_COMMA}|{_PLAIN}))"
)
# The first character of every NUMBER match (a sign, a digit or a decimal mark): a lookahead
# of it before a pattern that opens with a number lets the engine leave every other position
# after one test.
NUMBER_START = rf"(?=[\d{re.escape(_SIGN_CHARS)}.\u00b7\u2022])"
PERCENT = r"(?: ?%%?)"
NUMBER_RE = re.compile(NUMBER)

_UNITS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
)  # fmt: skip
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
WORD_VALUES: dict[str, int] = {word: value for value, word in enumerate(_UNITS)} | {
    word: 20 + 10 * index for index, word in enumerate(_TENS)
}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}


# Run only at import, to build the patterns below, so no test can see a mutant of it.
def _alternation(words: tuple[str, ...]) -> str:  # pragma: no mutate block
    """The words grouped by first letter ("t(?:wenty|hirty|...)"), so the engine tries one group
    at a position instead of every word; longest first within a letter, so "seventeen" is
    tried before "seven"."""
    by_letter: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        by_letter.setdefault(word[0], []).append(word[1:])
    return "|".join(f"{letter}(?:{'|'.join(rests)})" for letter, rests in sorted(by_letter.items()))


_UNIT_WORD = _alternation(_UNITS[1:10])
_SMALL_WORD = _alternation(_UNITS)
_TENS_WORD = _alternation(_TENS)
_BELOW_HUNDRED = rf"(?:(?:{_TENS_WORD})(?:[- ](?:{_UNIT_WORD}))?|{_SMALL_WORD})"
_BELOW_THOUSAND = (
    rf"(?:(?:{_BELOW_HUNDRED}|a(?= hundred))(?:[ -]hundred(?:(?: and)? {_BELOW_HUNDRED})?)?)"
)
# A count written in words, up to the millions: "Fifty-two", "one hundred and seventeen",
# "twelve hundred".
# The word boundary and the first letters come first: most positions fail there at once.
WORD_NUMBER = (
    r"\b(?=[afnostezAFNOSTEZ])"
    rf"(?i:{_BELOW_THOUSAND}(?:[ -](?:thousand|million)(?:(?: and)? {_BELOW_THOUSAND})?)?\b)"
)
WORD_NUMBER_RE = re.compile(WORD_NUMBER)
# A whole count in digits (any thousands separator, one dot group included: "22.155 patients")
# or in words, as `parse_count` reads it; never the start or end of a decimal.
COUNT = (
    rf"(?:(?<!\d)(?<!\d[.,])(?:[1-9]\d{{0,2}}(?:,\d{{3}})+|[1-9]\d{{0,2}}(?:{_GROUP_SPACE}\d{{3}})+"
    r"|[1-9]\d{0,2}(?:\.\d{3})+|\d+)(?!\d|[.,]\d)"
    rf"|{WORD_NUMBER})"
)
# Where every COUNT match starts (a digit, or a number word's first letter at a word start), as
# a lookahead for patterns that open with a count (see NUMBER_START): testing the word start
# here lets the engine leave a position inside a word at once (about twice as fast).
COUNT_START = r"(?=\d|\b[afnostezAFNOSTEZ])"

# A dash after nothing, a space, an opening mark or '='. Written dash-first (the check of what
# precedes it follows), so the engine jumps from dash to dash instead of trying every position.
_DASH_AS_MINUS = re.compile(rf"[{DASHES}](?<![^\s(\[,;:=][{DASHES}]) ?(?=\d|\.\d)")
_SPACED_MINUS = re.compile(rf"[{MINUS_SIGNS[1:]}] (?=\.?\d)")
_SPACED_MINUS_CUE = any_of(tuple(f"{minus} " for minus in MINUS_SIGNS[1:]))
_MINUS_SPACE = re.compile(r"([(\[=:]) ?- (?=\d|\.\d)")
# what each match of _MINUS_SPACE holds: a search with a literal start, far cheaper than the
# pattern's (markdown bullets write "- " on most lines)
_MINUS_SPACE_CUE = re.compile(r"- \.?\d")
_MIDDLE_DOT_DECIMAL = re.compile(r"(?<=\d)[\u00b7\u2022](?=\d)")
_SPACE_RUN = re.compile(r"[ \t\u00a0\u2009\u202f]{2,}|[\t\u00a0\u2009\u202f]")
# No real number is 40 characters long; cutting longer digit runs keeps every number pattern
# constant-time per position (a 50,000-digit run would otherwise make them quadratic).
_MAX_NUMBER_CHARS = 40
_MAX_WORD_CHARS = 60
_LONG_NUMBER_RUN = re.compile(r"[\d.,]{41,}")
_LONG_WORD_RUN = re.compile(r"[^\W\d_]{61,}")
_ODD_SPACES = ("  ", "\t", "\u00a0", "\u2009", "\u202f")
# "23 percent", "23 per cent", "23 per-cent", "23-percent" are "23%": every reader of shares then reads them
# ("percentage" and "percentile" are other words)
_PERCENT_IN_WORDS = re.compile(r"(?<=\d)[ -]?(?i:per[ -]?cent)\b")
# ... and so is a share whose number is in words: "Fifty-two percent" is "52%"
_WORDS_PERCENT = re.compile(rf"(?P<n>{WORD_NUMBER})[ -](?i:per[ -]?cent)\b")


# a percent sign printed once, after the second of two shares set against each other: "6.9 vs.
# 15.8%" is "6.9% vs. 15.8%" (a range, "6.9-15.8%", is left alone)
_ELIDED_PERCENT = re.compile(
    r"(?<![\w.%,+-])(?<![A-Z]R )(\d+(?:\.\d+)?)(?= ?(?:vs\.?|versus|v\.?) \d+(?:\.\d+)? ?%)"
)
_ELIDED_PERCENT_CUES = (" vs", " versus ", " v ", " v. ")


def _share_in_digits(match: re.Match[str]) -> str:
    value = number_in_words(match["n"])
    return f"{value}%" if value is not None else match.group(0)


# PubMed's ASCII for the signs: ">or=" and "< or =" are "≥" and "≤"
_OR_EQUAL = re.compile(r"(?P<sign>[<>]) ?or ?=")
_OR_EQUAL_SIGNS = {">": "≥", "<": "≤"}


def normalise(text: str) -> str:
    """One minus sign ('-'), '.' decimals, single plain spaces, '%' for 'percent'; an en or em
    dash is kept only where it marks a range. Thousands groups keep their (now plain) space."""
    # Each rewrite runs only when the characters it rewrites are present: most text has none.
    if _SPACED_MINUS_CUE.search(text):
        # a true minus sign (never a range mark) followed by a space: "CI − 2.20 to − 1.02"
        text = _SPACED_MINUS.sub("-", text)
    for minus in MINUS_SIGNS[1:]:
        if minus in text:
            text = text.replace(minus, "-")
    if contains_any(text, MIDDLE_DOTS):
        text = _MIDDLE_DOT_DECIMAL.sub(".", text)
    if contains_any(text, DASHES):
        text = _DASH_AS_MINUS.sub("-", text)
    # A run of digits or letters never spans whitespace, so short tokens rule both runs out.
    longest_token = max(map(len, text.split()), default=0)
    if longest_token > _MAX_NUMBER_CHARS:
        text = _LONG_NUMBER_RUN.sub(lambda match: match.group(0)[:_MAX_NUMBER_CHARS], text)
    if longest_token > _MAX_WORD_CHARS:
        text = _LONG_WORD_RUN.sub(lambda match: match.group(0)[:_MAX_WORD_CHARS], text)
    if contains_any(text, _ODD_SPACES):
        text = _SPACE_RUN.sub(" ", text)
    if _MINUS_SPACE_CUE.search(text):
        text = _MINUS_SPACE.sub(r"\1-", text)
    if "or=" in text or "or =" in text:
        text = _OR_EQUAL.sub(lambda match: _OR_EQUAL_SIGNS[match["sign"]], text)
    if "cent" in text or "CENT" in text or "Cent" in text:
        text = _WORDS_PERCENT.sub(_share_in_digits, _PERCENT_IN_WORDS.sub("%", text))
    if "%" in text and contains_any(text, _ELIDED_PERCENT_CUES):
        text = _ELIDED_PERCENT.sub(r"\1%", text)
    return text


def number_in_words(text: str) -> int | None:
    """'Fifty-two' -> 52, 'one hundred and seventeen' -> 117, 'two thousand three hundred' ->
    2300; None unless the whole of `text` is a number in words."""
    words = text.strip().lower().replace("-", " ").split()
    if not words:
        return None
    total = 0
    current = 0
    last: int | None = None
    for index, word in enumerate(words):
        if word == "and" and 0 < index < len(words) - 1:
            continue
        if word == "a" and index == 0 and len(words) > 1:
            current = 1
            last = 1
            continue
        if word in WORD_VALUES:
            value = WORD_VALUES[word]
            # "twenty three" adds; "three twenty" or "seven three" is not a number
            if last is not None and (last < 20 or value >= 10 or last % 10):
                return None
            current += value
            last = value
        elif word in _SCALES:
            scale = _SCALES[word]
            # "hundred" needs a word before it; "thousand" may follow "three hundred"
            if last is None and (scale == 100 or current == 0):
                return None
            if scale == 100:
                if current >= 100 or current == 0:
                    return None
                current *= 100
            else:
                total += current * scale
                current = 0
            last = None
        else:
            return None
    return total + current


def parse_number(text: str) -> float | None:
    """Any number NUMBER matched, a number in words or a percent: '−0·5' -> -0.5, '1 000' ->
    1000.0, '1,204' -> 1204.0, '0,5' -> 0.5, '23.4%%' -> 23.4; None when it is not a number."""
    raw = text.strip().rstrip("%").rstrip()
    if not raw:
        return None
    sign = 1.0
    if raw[0] in _SIGN_CHARS:
        sign = -1.0 if raw[0] != "+" else 1.0
        raw = raw[1:].lstrip()
    for space in SPACES:
        raw = raw.replace(space, "")
    for dot in MIDDLE_DOTS:
        raw = raw.replace(dot, ".")
    if "," in raw:
        raw = _comma_read(raw)
    elif raw.count(".") > 1:
        raw = raw.replace(".", "")
    try:
        return sign * float(raw)
    except ValueError:
        words = number_in_words(text)
        return None if words is None else sign * float(words)


def _comma_read(raw: str) -> str:
    """A comma is a thousands separator when every group after it has three digits and the
    first group does not start with 0; otherwise (a single comma) it is a decimal comma."""
    head, *groups = raw.split(",")
    fraction = ""
    if groups and "." in groups[-1]:
        groups[-1], _, fraction = groups[-1].partition(".")
    if head and head[0] != "0" and all(len(group) == 3 for group in groups):
        return head + "".join(groups) + (f".{fraction}" if fraction else "")
    if len(groups) == 1 and not fraction:
        return f"{head}.{groups[0]}"
    return raw


def find_number(text: str, value: float, start: int = 0) -> re.Match[str] | None:
    """Where `value` is written in `text`, in any notation ("−7·06" for -7.06), else None."""
    for match in NUMBER_RE.finditer(text, start):
        if parse_number(match.group(0)) == value:
            return match
    return None


def parse_count(text: str) -> int | None:
    """A whole, non-negative count in digits or words: '2,345', '22.155' (a dot between
    thousands), '51 145', 'Fifty-two'; None for anything else (a fraction, a sign)."""
    raw = text.strip()
    if re.fullmatch(r"[1-9]\d{0,2}(?:\.\d{3})+", raw):
        raw = raw.replace(".", "")
    if raw[:1] in _SIGN_CHARS:
        return None
    value = parse_number(raw)
    if value is None or value != int(value) or value < 0:
        return None
    return int(value)


def is_percent(text: str) -> bool:
    """Whether a number as written carries a percent sign ('%' or the typo '%%')."""
    return text.rstrip().endswith("%")
