"""Which side of a comparison an outcome favours, said with the names of the two sides.

A ratio below 1 is good news only when fewer events is better (death, recurrence); for a
response rate it means the comparator did better. `Outcome.direction` (benefit / harm, from
`stats`) already folds in which way is better, so "harm" against an active comparator reads
"favours interferon-alpha", never "harm".
"""

from __future__ import annotations

import re
from typing import Literal

from evidex.evidence.models import Outcome, Study
from evidex.evidence.stats import infer_better, null_value
from evidex.evidence.tiers import comparator_kind

Side = Literal["compound", "comparator"]

_KIND_NAMES = {"placebo": "placebo", "none": "no treatment", "standard-care": "standard care"}
_PARENTHESES = re.compile(r"\s*\([^)]*\)")
_ABBREVIATION = re.compile(r"^[A-Z0-9][A-Z0-9-]+\b")


def comparator_name(study: Study) -> str:
    """The comparator in a few words: "placebo", "no treatment", "interferon-alpha"."""
    kind = comparator_kind(study)
    if kind in _KIND_NAMES:
        return _KIND_NAMES[kind]
    text = _PARENTHESES.sub("", study.comparator or "").strip()
    if not text:
        return "the comparator"
    # Lower-case a leading capital ("Interferon-alpha") but keep abbreviations ("TACE alone").
    return text if _ABBREVIATION.match(text) else text[:1].lower() + text[1:]


def better_side(outcome: Outcome) -> str | None:
    """ "lower" or "higher": as recorded or guessed from the name, else read back from a
    direction the editor gave ("benefit" with a ratio below 1 means lower is better)."""
    better = infer_better(outcome)
    null = null_value(outcome.measure)
    if better is not None or null is None or outcome.value == null:
        return better
    if outcome.direction not in ("benefit", "harm"):
        return None
    below = outcome.value < null
    return "lower" if below == (outcome.direction == "benefit") else "higher"


def sides(outcome: Outcome) -> tuple[Side, Side] | None:
    """Which party the left and the right of the no-effect line favour; None when the outcome
    does not say which way is better (or has no comparison scale)."""
    if null_value(outcome.measure) is None:
        return None
    better = better_side(outcome)
    if better is None:
        return None
    return ("compound", "comparator") if better == "lower" else ("comparator", "compound")


def verdict(outcome: Outcome, compound: str, comparator: str) -> str:
    """ "favours Tα1", "favours interferon-alpha", "no clear difference", or what is missing."""
    if outcome.direction == "benefit":
        return f"favours {compound}"
    if outcome.direction == "harm":
        return f"favours {comparator}"
    if outcome.direction == "no difference" or outcome.significant is False:
        return "no clear difference"
    if outcome.significant:
        return "a clear difference; which way is better is not recorded"
    return ""
