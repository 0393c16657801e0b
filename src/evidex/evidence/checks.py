"""Consistency checks for editors: numbers that contradict each other, profile vs article.

Every check is conservative: it speaks only when it has found both sides of a comparison, so
a message is a fact an editor can verify, not a guess.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from evidex.content.models import Compound, Regimen
from evidex.evidence.models import RATIO_MEASURES, Outcome, Study
from evidex.evidence.stats import null_value, p_says_significant, parse_p
from evidex.text.advice import advice_level
from evidex.text.frequency import Frequency, describe, parse_frequency
from evidex.text.markdown import list_item
from evidex.text.numbers import NUMBER, find_number, parse_number
from evidex.text.units import find_quantities, to_mg


def _folded(text: str) -> str:
    """Lower case in which every re.IGNORECASE match of an ASCII word is a plain substring.

    re.IGNORECASE also matches "ſ" to s, "ı" and "İ" to i (and the Kelvin sign, which lowers
    to k): "ſ" and "ı" do not lower to ASCII and "İ" lowers to "i" plus a combining dot.
    """
    return text.lower().replace("ſ", "s").replace("ı", "i").replace("\u0307", "")


def _line_starts(text: str) -> list[int]:
    """Where each line of `text` starts, then one past the end (as if it ended in a newline)."""
    return [0, *accumulate(len(line) + 1 for line in text.split("\n"))]


@dataclass(frozen=True)
class _Article:
    """An article's text beside its `_folded` form, read once for every check.

    Folding neither makes nor removes a newline, so line i of the one is line i of the other:
    a word found in a folded line says which line of the text to read.
    """

    text: str
    lines: list[str]
    folded: str
    line_starts: list[int]
    folded_line_starts: list[int]

    @staticmethod
    @lru_cache(maxsize=1)  # an article's checks come one after another, each given its text
    def of(text: str) -> _Article:
        folded = _folded(text)
        return _Article(text, text.split("\n"), folded, _line_starts(text), _line_starts(folded))

    def line_numbers_with(self, words: tuple[str, ...]) -> list[int]:
        """The lines whose folded form has one of `words` (which hold no newline), in order."""
        numbers: set[int] = set()
        for word in words:
            found = self.folded.find(word)
            while found != -1:
                number = bisect_right(self.folded_line_starts, found) - 1
                numbers.add(number)
                found = self.folded.find(word, self.folded_line_starts[number + 1])
        return sorted(numbers)

    def line_span(self, number: int) -> tuple[int, int]:
        """Where the line starts in `text` and where it ends, just past its newline."""
        return self.line_starts[number], self.line_starts[number + 1]

    def line_of(self, offset: int | None) -> int:
        """The 1-based line of `text` holding `offset`; 0 when there is none (or it is past
        the end, in text the check added)."""
        if offset is None or offset >= len(self.text):
            return 0
        return bisect_right(self.line_starts, offset)


# ---------------------------------------------------------------- p against CI


def check_p_against_ci(outcome: Outcome) -> str | None:
    """A sentence when the written p and the 95% CI disagree about significance, else None.
    A CI of another level (a registry's 90% CI) can agree with any p, so it is not checked."""
    null = null_value(outcome.measure)
    if null is None or outcome.ci_low is None or outcome.ci_high is None:
        return None
    if outcome.ci_level not in (None, 95.0):
        return None
    parsed = parse_p(outcome.p)
    if parsed is None:
        return None
    by_p = p_says_significant(parsed)
    excludes = outcome.ci_high < null or outcome.ci_low > null
    ci_text = f"[{outcome.ci_low:g}, {outcome.ci_high:g}]"
    if by_p is True and not excludes:
        return f"p {outcome.p} says significant but the CI {ci_text} crosses {null:g}"
    if by_p is False and excludes:
        return f"p {outcome.p} says not significant but the CI {ci_text} excludes {null:g}"
    return None


# ---------------------------------------------------------------- prose restatements

_NUMBER = rf"({NUMBER})"
# Each claim is (kind, gate, pattern). The gate is searched for in `_folded` text, where every
# match of the pattern leaves a match of its gate: the pattern's percent sign or "by" and what
# follows, case-sensitive, so found by a fast scan for that literal. Most paragraphs with a
# percentage restate nothing, and a case-insensitive search costs far more than the gate.
_BY_PERCENT = re.compile(rf"by\s+(?:about\s+|around\s+|roughly\s+|nearly\s+)?{NUMBER}\s?%")
_CLAIMS: tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...] = (
    (
        "reduction",
        re.compile(r"%\s+(?:relative\s+)?(?:reduction|decrease|lower|fewer|drop|decline|less)"),
        re.compile(
            _NUMBER
            + r"\s?%\s+(?:relative\s+)?(?:reduction|decrease|lower|fewer|drop|decline|less)\b",
            re.I,
        ),
    ),
    (
        "reduction",
        _BY_PERCENT,
        re.compile(
            r"\b(?:reduced|reduces|reducing|lowered|lowers|decreased|decreases|cut|cuts|fell|falls"
            r"|dropped|drops|declined|declines)\b"
            r"[^.%\n]{0,80}?\bby\s+(?:about\s+|around\s+|roughly\s+|nearly\s+)?"
            + _NUMBER
            + r"\s?%",
            re.I,
        ),
    ),
    (
        "increase",
        re.compile(r"%\s+(?:relative\s+)?(?:increase|higher|greater|more)"),
        re.compile(_NUMBER + r"\s?%\s+(?:relative\s+)?(?:increase|higher|greater|more)\b", re.I),
    ),
    (
        "increase",
        _BY_PERCENT,
        re.compile(
            r"\b(?:increased|increases|raised|raises)\b[^.%\n]{0,80}?\bby\s+" + _NUMBER + r"\s?%",
            re.I,
        ),
    ),
)
_RATIO_IN_TEXT = re.compile(
    r"\b(HR|OR|RR|aHR|aOR|IRR|hazard ratio|odds ratio|risk ratio|relative risk)\b"
    rf"(?:\s*\[(?:HR|OR|RR)\])?\s*(?:of|was|[:=]|,)?\s*({NUMBER})",
    re.I,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(])")


@dataclass(frozen=True)
class _Block:
    text: str
    start: int  # offset of the block in the whole text
    line: int  # 1-based line of the block's first character


def _blocks_holding(article: _Article, mark: str) -> Iterator[_Block]:
    """The paragraphs and bullets that hold `mark` (no newline), in order: a bullet line starts
    a block, a blank line ends one. Each block is read from a line holding the mark out to its
    edges, so the lines of blocks without it are not looked at."""
    text, lines, starts = article.text, article.lines, article.line_starts
    found = text.find(mark)
    while found != -1:
        first, last = _block_edges(lines, bisect_right(starts, found) - 1)
        yield _Block("\n".join(lines[first : last + 1]), starts[first], first + 1)
        found = text.find(mark, starts[last + 1])


def _block_edges(lines: list[str], number: int) -> tuple[int, int]:
    """The first and last line of the block holding the non-blank line `number`."""
    first = number
    while first > 0 and not list_item(lines[first]) and not _blank(lines[first - 1]):
        first -= 1
    last = number
    while last + 1 < len(lines) and not _blank(lines[last + 1]) and not list_item(lines[last + 1]):
        last += 1
    return first, last


def _blank(line: str) -> bool:
    return line.isspace() or not line


def _ratios_in(block: str, outcomes: list[Outcome]) -> list[tuple[int, str, float]]:
    """(position, measure, value) of ratio estimates written in the block or known outcomes."""
    found: list[tuple[int, str, float]] = []
    for match in _RATIO_IN_TEXT.finditer(block):
        label = match.group(1).lower()
        if "h" in label:
            measure = "HR"
        elif label.endswith("or") or "odds" in label:
            measure = "OR"
        else:
            measure = "RR"
        value = parse_number(match.group(2)) or 0.0
        if value > 0:
            found.append((match.start(), measure, value))
    if found:
        return found
    for outcome in outcomes:
        if outcome.measure not in RATIO_MEASURES or outcome.value <= 0:
            continue
        written = find_number(block, outcome.value)
        if written:
            found.append((written.start(), outcome.measure, outcome.value))
    return found


def _sentence_span(block: str, position: int) -> tuple[int, int]:
    starts = [0] + [m.end() for m in _SENTENCE_END.finditer(block)]
    start = max(s for s in starts if s <= position)
    later = [s for s in starts if s > position]
    return start, later[0] if later else len(block)


def _restatement_message(
    claimed: float, kind: str, measure: str, value: float, implied: float
) -> str:
    implied_kind = kind if implied >= 0 else ("increase" if kind == "reduction" else "reduction")
    return (
        f"prose says {claimed:g}% {kind} but {measure} {value:g} implies"
        f" {abs(implied):.1f}% {implied_kind}"
    )


def check_prose_restatements(
    text: str, outcomes: list[Outcome], base_line: int = 0
) -> list[tuple[int, str]]:
    """Check "69% reduction" style restatements against the ratio they paraphrase.

    A reduction of r% should equal (1 − ratio) × 100 and an increase (ratio − 1) × 100, within
    one percentage point. The ratio is the nearest one in the same sentence, else the nearest
    in the same paragraph or bullet. Returns (line, message) with lines offset by `base_line`.
    """
    messages: list[tuple[int, str]] = []
    # every claim pattern writes a percent sign
    for block in _blocks_holding(_Article.of(text), "%"):
        folded = _folded(block.text)
        claims = [
            (match, kind)
            for kind, gate, pattern in _CLAIMS
            if gate.search(folded)
            for match in pattern.finditer(block.text)
        ]
        if not claims:
            continue  # most blocks restate nothing; skip the costlier search for ratios
        ratios = _ratios_in(block.text, outcomes)
        if not ratios:
            continue
        for match, kind in sorted(claims, key=lambda c: c[0].start()):
            claimed = parse_number(match.group(1)) or 0.0
            sentence = _sentence_span(block.text, match.start())
            same_sentence = [r for r in ratios if sentence[0] <= r[0] < sentence[1]]
            pool = same_sentence or ratios
            _, measure, value = min(pool, key=lambda r: abs(r[0] - match.start()))
            implied = (1 - value) * 100 if kind == "reduction" else (value - 1) * 100
            if abs(implied - claimed) <= 1.0:
                continue
            line = base_line + block.line + block.text.count("\n", 0, match.start())
            messages.append((line, _restatement_message(claimed, kind, measure, value, implied)))
    return messages


# ---------------------------------------------------------------- profile against article

_ROUTES: dict[str, re.Pattern[str]] = {
    "subcutaneous": re.compile(r"\bsub-?cutaneous(?:ly)?\b|\bsubQ\b|\bS\.?C\.?(?=[\s,;)])", re.I),
    "intramuscular": re.compile(r"\bintra-?muscular(?:ly)?\b", re.I),
    "intravenous": re.compile(r"\bintra-?venous(?:ly)?\b", re.I),
    "oral": re.compile(
        r"\b(?:orally|by mouth|oral (?:dose|dosing|administration|tablets?))\b", re.I
    ),
    "intranasal": re.compile(r"\bintra-?nasal(?:ly)?\b|\bnasal spray\b", re.I),
    "topical": re.compile(r"\btopical(?:ly)?\b", re.I),
    "sublingual": re.compile(r"\bsub-?lingual(?:ly)?\b", re.I),
    "transdermal": re.compile(r"\btransdermal(?:ly)?\b", re.I),
}
# Text each route's pattern cannot match without, in `_folded` text: one of these must be
# there for the (much slower) case-insensitive search to be worth running. No route's match
# spans a newline, so only the lines holding one of these words are searched.
_ROUTE_WORDS: dict[str, tuple[str, ...]] = {
    "subcutaneous": ("cutaneous", "subq", "sc", "s.c"),
    "intramuscular": ("muscular",),
    "intravenous": ("venous",),
    "oral": ("orally", "by mouth", "oral dos", "oral administration", "oral tablet"),
    "intranasal": ("nasal",),
    "topical": ("topical",),
    "sublingual": ("lingual",),
    "transdermal": ("transdermal",),
}

_CHECKED_UNITS = frozenset({"ng", "mcg", "mg", "g", "IU"})
_REST = re.compile(r"[^.;\n]{0,40}")


def _regimen_per_week(regimen: Regimen) -> tuple[float, float] | None:
    """The fewest and most doses a week the regimen documents."""
    fewest = regimen.doses_per_week or (7.0 / regimen.interval_days if regimen.interval_days else 0)
    if not fewest:
        return None
    return fewest, regimen.doses_per_week_max or fewest


def _in_mg(amount: float, unit: str) -> float | None:
    in_mg = to_mg(amount, unit)
    return None if in_mg is None else float(in_mg)


def _amount_words(amount: float) -> str:
    return f"{int(amount):,}" if amount.is_integer() else f"{amount:g}"


def _dose_matches(amount: float, unit: str, per_week: Frequency, regimen: Regimen) -> bool:
    documented = _regimen_per_week(regimen)
    fewest = per_week.doses_per_week or 0.0
    most = per_week.doses_per_week_max or fewest
    if documented is None or fewest < documented[0] - 0.01 or most > documented[1] + 0.01:
        return False
    if regimen.unit.lower() == unit.lower():
        return regimen.amount_min - 1e-9 <= amount <= regimen.amount_max + 1e-9
    mine, low, high = (
        _in_mg(amount, unit),
        _in_mg(regimen.amount_min, regimen.unit),
        _in_mg(regimen.amount_max, regimen.unit),
    )
    if mine is None or low is None or high is None:
        return False
    return low - 1e-9 <= mine <= high + 1e-9


def _article_doses(text: str) -> list[tuple[int, list[float], str, Frequency, str]]:
    """(where, amounts, unit, how often, as written) for doses followed by a frequency.

    A range ("1,000-4,000 IU daily") gives both ends as amounts; each must fit a regimen, and a
    range of frequencies ("once or twice daily") must lie within a regimen's.
    """
    doses: list[tuple[int, list[float], str, Frequency, str]] = []
    for quantity in find_quantities(text):
        if quantity.unit not in _CHECKED_UNITS or quantity.per is not None:
            continue
        rest = _REST.match(text, quantity.end)
        per_week = parse_frequency(rest.group()) if rest else Frequency()
        if not per_week.doses_per_week:
            continue
        amounts = (
            [quantity.high] if quantity.low == quantity.high else [quantity.low, quantity.high]
        )
        shown = "-".join(_amount_words(a) for a in amounts)
        how_often = describe(
            per_week.doses_per_week, per_week.interval_days, per_week.doses_per_week_max
        )
        doses.append(
            (
                quantity.start,
                amounts,
                quantity.unit,
                per_week,
                f"{shown} {quantity.unit} {how_often}",
            )
        )
    return doses


# The verdict words a consistency message uses for each level of advice.
_VERDICTS: dict[str, str] = {
    "avoid": "not recommended",
    "caution": "use caution",
    "safe": "considered safe",
}
_PREGNANCY = re.compile(r"pregnan", re.I)
_SENTENCE_OR_LINE = re.compile(r"(?<=[.!?])\s+|\n")


def _pregnancy_advice(text: str, *, about_pregnancy: bool = False) -> str | None:
    """ "not recommended" / "use caution" / "considered safe", from sentences about pregnancy.

    `about_pregnancy` says the whole text is pregnancy advice (the profile's field), so its
    sentences need not name pregnancy themselves.
    """
    if not about_pregnancy and not _PREGNANCY.search(text):
        return None  # the common case, and splitting into sentences costs more than looking
    sentences = [
        s for s in _SENTENCE_OR_LINE.split(text) if about_pregnancy or _PREGNANCY.search(s)
    ]
    verdicts: set[str] = set()
    for sentence in sentences:
        level = advice_level(sentence)
        if level is not None:
            verdicts.add(_VERDICTS[level])
    if len(verdicts) != 1:  # silent or self-contradicting: nothing firm to compare
        return None
    return verdicts.pop()


_HEADING = re.compile(r"^\s*(?:#{1,6}\s*)?\**([A-Z][^\n.:!?]{2,80})\**\s*$")
_SAFETY_HEADING = re.compile(r"side effects?|safety|adverse|tolerability", re.I)
# Text `_SAFETY_HEADING` cannot match without, in `_folded` text: what finds safety headings.
_SAFETY_WORDS = ("side effect", "safety", "adverse", "tolerability")


def _safety_section(article: _Article) -> str:
    """Text under headings about side effects or safety, up to the next heading.

    Read from each safety heading down, found by its words: the rest of the article is not
    looked at.
    """
    lines = article.lines
    keep: list[str] = []
    for number in article.line_numbers_with(_SAFETY_WORDS):
        heading = _heading(lines[number])
        if heading is None or not _SAFETY_HEADING.search(heading):
            continue
        number += 1
        while number < len(lines) and _heading(lines[number]) is None:
            keep.append(lines[number])
            number += 1
    return "\n".join(keep)


def _heading(line: str) -> str | None:
    """The words of a heading line, else None."""
    # A heading has no full stop and few words, both cheaper to see than the regex.
    if "." in line or len(line.split()) > 8:
        return None
    heading = _HEADING.match(line)
    if heading is None or list_item(line):
        return None
    return heading.group(1)


def _side_effect_terms(section: str) -> list[tuple[str, str]]:
    """(term, its bullet) for each bullet of a safety section.

    Only bullets count: running prose in such sections often lists another drug's effects
    ("interferon causes depression"), which would be false alarms. The whole bullet is
    matched too, so "GI discomfort: nausea" is not reported when the profile lists nausea.
    """
    terms: list[tuple[str, str]] = []
    for raw in section.split("\n"):
        item = list_item(raw)
        if item is not None:
            bullet = item.text.replace("*", "")
            terms.append((re.split(r"[:—–(]| - ", bullet)[0], bullet))
    cleaned: dict[str, str] = {}
    for term, context in terms:
        name = re.sub(r"[^\w\s-]", "", term).strip().lower()
        if name and len(name.split()) <= 4 and name not in cleaned:
            cleaned[name] = context
    return list(cleaned.items())


# Qualifiers that say how often or how bad, not what: they must not make two effects "match".
_QUALIFIER_STEMS = frozenset(
    {"mild", "moder", "sever", "trans", "rare", "commo", "occas", "local", "minor", "like"}
    | {"sympt", "react", "effec", "side", "most", "frequ", "possi", "initi", "during", "the"}
)


_LETTER_RUN = re.compile(r"[a-z]{3,}")


@lru_cache(maxsize=4096)  # a profile's list is compared with each of its articles
def _stem_words(text: str) -> frozenset[str]:
    stems = {w[:5] for w in _LETTER_RUN.findall(text.lower())}
    return frozenset(stems - _QUALIFIER_STEMS)


def compare_profile_and_article(
    compound: Compound, article_text: str, article_studies: list[Study]
) -> list[str]:
    """Differences between a compound profile and an article about it, stated as facts."""
    return [fact for _, fact in profile_differences(compound, article_text, article_studies)]


def profile_differences(
    compound: Compound, article_text: str, article_studies: list[Study]
) -> list[tuple[int, str]]:
    """(line of the article that shows it, or 0, fact) for each difference from the profile."""
    article = _Article.of(article_text)
    found: list[tuple[int | None, str]] = []
    found += _compare_routes(compound, article)
    found += _compare_doses(compound, article_text, article_studies)
    found += _compare_pregnancy(compound, article)
    found += _compare_side_effects(compound, article)
    return [(article.line_of(offset), fact) for offset, fact in found]


def _profile_routes(compound: Compound) -> set[str]:
    routes = {r.lower() for r in compound.routes}
    routes |= {r.route.lower() for r in compound.regimens if r.route}
    return routes


def _route_position(article: _Article, route: str) -> int | None:
    """Where the article first names `route`, or None."""
    pattern = _ROUTES[route]
    for number in article.line_numbers_with(_ROUTE_WORDS[route]):
        match = pattern.search(article.text, *article.line_span(number))
        if match:
            return match.start()
    return None


def _names_route(article: _Article, route: str) -> bool:
    return _route_position(article, route) is not None


def _compare_routes(compound: Compound, article: _Article) -> list[tuple[int | None, str]]:
    profile = _profile_routes(compound)
    if not profile:
        return []
    listed = ", ".join(sorted(profile))
    only = " only" if len(profile) == 1 else ""
    found: list[tuple[int | None, str]] = []
    for route in _ROUTES:
        at = None if route in profile else _route_position(article, route)
        if at is not None:
            found.append((at, f"article names {route} route; profile lists {listed}{only}"))
    return found


def _compare_doses(
    compound: Compound, article_text: str, studies: list[Study]
) -> list[tuple[int | None, str]]:
    regimens = [r for r in compound.regimens if _regimen_per_week(r) is not None]
    if not regimens:
        return []
    text = article_text + "\n" + "\n".join(s.intervention or "" for s in studies)
    found: list[tuple[int | None, str]] = []
    facts: set[str] = set()
    for at, amounts, unit, per_week, written in _article_doses(text):
        if all(any(_dose_matches(a, unit, per_week, r) for r in regimens) for a in amounts):
            continue
        known = "; ".join(dict.fromkeys(_regimen_words(r) for r in regimens))
        fact = f"article doses {written}; profile regimens: {known}"
        if fact not in facts:
            facts.add(fact)
            found.append((at, fact))
    return found


def _regimen_words(regimen: Regimen) -> str:
    amount = (
        _amount_words(regimen.amount_min)
        if regimen.amount_min == regimen.amount_max
        else f"{_amount_words(regimen.amount_min)}-{_amount_words(regimen.amount_max)}"
    )
    how_often = describe(regimen.doses_per_week, regimen.interval_days, regimen.doses_per_week_max)
    return f"{amount} {regimen.unit} {how_often}"


def _compare_pregnancy(compound: Compound, article: _Article) -> list[tuple[int | None, str]]:
    if "pregnan" not in article.folded:
        return []  # `_pregnancy_advice` finds nothing in an article that never says it
    article_advice = _pregnancy_advice(article.text)
    if article_advice is None:
        return []
    pregnancy_rules = [c for c in compound.contraindications if c.condition == "pregnancy"]
    profile_text = "\n".join(
        [compound.pregnancy or ""]
        + [f"pregnancy: {c.text} ({c.severity})" for c in pregnancy_rules]
    )
    profile = _pregnancy_advice(profile_text, about_pregnancy=True)
    if profile is None or profile == article_advice:
        return []
    first_mention = article.folded.find("pregnan")
    return [
        (first_mention, f"article advises {article_advice} in pregnancy; profile says {profile}")
    ]


def _compare_side_effects(compound: Compound, article: _Article) -> list[tuple[int | None, str]]:
    effects = compound.side_effects
    listed = effects.common + effects.rare_serious + effects.long_term + effects.adverse_reactions
    if not listed:
        return []
    profile_words = _stem_words(" ".join(listed))
    found: list[tuple[int | None, str]] = []
    for term, context in _side_effect_terms(_safety_section(article)):
        words = _stem_words(term)
        if words and not (words | _stem_words(context)) & profile_words:
            at = article.folded.find(term)  # terms are lower case, as the folded text is
            fact = f"article names side effect {term!r}; profile does not list it"
            found.append((at if at >= 0 else None, fact))
    return found
