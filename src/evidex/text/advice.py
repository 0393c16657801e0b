"""Severity and advice words: what a sentence tells a reader to do, read one way everywhere.

Three levels, strongest first: "avoid" (avoid, do not use, not recommended, contraindicated,
"avoid unless clearly needed"), "caution" (use with caution, monitor, limited data) and "safe".
The strongest clause wins. "Unless clearly needed" reads as avoid: a person building their own
stack has no clinician to judge the need. An avoid that names a route or form ("avoid
injectable forms") forbids that route only; for the compound as a whole it is a caution.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from evidex.text.cues import CuedPattern, contains_any, fold_case

Level = Literal["avoid", "caution", "safe"]
LEVEL_ORDER: dict[Level, int] = {"avoid": 0, "caution": 1, "safe": 2}

INJECTION = "injection"
INJECTABLE_ROUTES = frozenset(
    {"injection", "injectable", "subcutaneous", "intramuscular", "intravenous", "intradermal"}
)

# Phrases that deny a warning ("not contraindicated") are removed before the words are read.
_DENIED = CuedPattern(
    re.compile(
        r"\b(?:not|no longer|never been) (?:contraindicated|prohibited)\b|\bno need to avoid\b"
        r"|\bneed not be avoided\b|\bdoes not need to be avoided\b",
        re.I,
    ),
    ("contraindicated", "prohibited", "avoid"),
)
# "avoid driving", "avoid applying at the same time as...": an activity, not the compound.
_AVOID_ACTIVITY = CuedPattern(
    re.compile(r"\bavoid(?:ed|s)?\s+(?!using\b|taking\b|giving\b)\w+ing\b", re.I), ("avoid",)
)
# Each level's pattern is searched only in a clause holding one of its cue words: most clauses
# of a profile hold none (tests check every match of each pattern holds one of its cues).
_AVOID_CUES = (
    "contra", "avoid", "not", "never", "unsafe", "discontinue", "unless", "only if", "only when",
)  # fmt: skip
_CAUTION_CUES = (
    "caution", "cautious", "careful", "with care", "monitor", "contraindication", "consult",
    "supervision", "dose", "dosage", "established", "data", "weigh", "needed",
)  # fmt: skip
_AVOID = CuedPattern(
    re.compile(
        r"\bcontra-?indicated\b|\bcontraindication\b(?<!relative contraindication)"
        r"|\bavoid(?:ed|s|ance)?\b"
        r"|\b(?:do|must|should) not (?:be )?(?:use|used|take|taken|give|given|inject|injected|start"
        r"|started|combine|combined|administer|administered)\b"
        r"|\bnot (?:to be|for) (?:used|taken|given|use)\b"
        r"|\bnever (?:be )?(?:use|used|take|taken|give|given)\b"
        r"|\bunsafe\b|\bnot (?:\w+ ){0,2}safe\b|\bdiscontinue\b"
        r"|\bnot (?:\w+ )?(?:recommended|advised)\b|\bunless (?:the )?(?:potential )?benefits? "
        r"(?:clearly )?(?:outweighs?|justif(?:y|ies))\b|\b(?:unless|only if|only when) (?:clearly|"
        r"absolutely) (?:needed|necessary|indicated)\b",
        re.I,
    ),
    _AVOID_CUES,
)
_CONTRAINDICATED = re.compile(r"\bcontra-?indicated\b", re.I)
_CAUTION = CuedPattern(
    re.compile(
        r"\bcaution(?:s|ary)?\b|\bcautious(?:ly)?\b|\bcareful(?:ly)?\b|\bwith care\b"
        r"|\bmonitor(?:ed|ing)?\b|\brelative contraindication\b|\bconsult\b|\bsupervision\b"
        r"|\b(?:dose|dosage) (?:adjustment|reduction)\b|\breduce the dose\b"
        r"|\bnot (?:been )?established\b|\b(?:limited|insufficient|no) (?:human )?(?:safety )?data\b"
        r"|\bdata are (?:lacking|limited|insufficient)\b|\bweigh\b|\bonly if (?:\w+ )?needed\b",
        re.I,
    ),
    _CAUTION_CUES,
)
_SAFE = CuedPattern(
    re.compile(
        r"\b(?:considered|generally|is|appears) safe\b|\bno known risk\b|\bcompatible with\b"
        r"|\bis encouraged\b",
        re.I,
    ),
    ("safe", "no known risk", "compatible with", "is encouraged"),
)
_CLAUSE = re.compile(r";|(?<=[.!?])\s+|(?<=[.!?])$|\n")
_ROUTE_WORDS: tuple[tuple[str, str], ...] = (
    (r"inject\w*|subcutaneous\w*|intramuscular\w*|intravenous\w*", INJECTION),
    (r"oral(?:ly)?|tablets?|capsules?", "oral"),
    (r"topical(?:ly)?|creams?|serums?", "topical"),
    (r"(?:intra)?nasal(?:ly)?|nasal sprays?", "intranasal"),
)
# An avoid aimed at a route or form: the route within a few words after the avoid word
# ("avoid injectable forms", "do not inject"), or a route's form before it ("injections are
# not recommended"). A route named elsewhere in the clause does not limit it.
_AVOID_CUE = r"(?:avoid(?:ed)?|do not use|should not use|not recommended|contraindicated|do not)"
_ROUTE_AIMS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (
        re.compile(
            rf"\b{_AVOID_CUE}\s+(?:\w+\s+){{0,3}}?(?:{words})\b"
            rf"|\b(?:{words})\s+(?:\w+\s+){{0,2}}?(?:is|are|should be|must be)?\s*"
            rf"(?:not recommended|contraindicated|avoided)\b",
            re.I,
        ),
        family,
    )
    for words, family in _ROUTE_WORDS
)


@dataclass(frozen=True)
class Advice:
    """What one piece of advice says: its level for the compound, and routes it forbids."""

    text: str
    level: Level | None  # None: no advice words at all
    avoided_routes: frozenset[str] = frozenset()  # route families ("injection", "oral", ...)
    contraindicated: bool = False  # says "contraindicated" in so many words

    @property
    def forbids(self) -> bool:
        return self.level == "avoid"


def route_family(route: str) -> str:
    """'subcutaneous' and the other injectable routes are 'injection'; others stay as named."""
    lowered = route.strip().lower()
    return INJECTION if lowered in INJECTABLE_ROUTES else lowered


def clause_level(clause: str) -> Level | None:
    text, folded = clause, fold_case(clause)
    for removed in (_DENIED, _AVOID_ACTIVITY):
        if contains_any(folded, removed.cues):
            text = removed.pattern.sub(" ", text)
            folded = fold_case(text)
    if _AVOID.search(text, folded):
        return "avoid"
    if _CAUTION.search(text, folded):
        return "caution"
    if _SAFE.search(text, folded):
        return "safe"
    return None


def _routes(clause: str) -> frozenset[str]:
    """Route families an avoid in this clause is aimed at."""
    return frozenset(family for pattern, family in _ROUTE_AIMS if pattern.search(clause))


# Warnings recur word for word across profiles and within one ("Avoid during pregnancy"), and
# every profile reads each of its special cases and contraindications; an Advice is immutable.
@lru_cache(maxsize=8192)
def read_advice(text: str) -> Advice:
    """The strongest advice in `text`; an avoid limited to a route forbids only that route."""
    levels: list[Level] = []
    avoided: set[str] = set()
    for clause in _CLAUSE.split(text):
        level = clause_level(clause)
        if level is None:
            continue
        routes = _routes(clause) if level == "avoid" else frozenset()
        if routes:
            avoided |= routes
            level = "caution"
        levels.append(level)
    strongest = sorted(levels, key=lambda found: LEVEL_ORDER[found])[0] if levels else None
    return Advice(
        text=text,
        level=strongest,
        avoided_routes=frozenset(avoided),
        contraindicated=strongest == "avoid" and _CONTRAINDICATED.search(text) is not None,
    )


def advice_level(text: str) -> Level | None:
    return read_advice(text).level
