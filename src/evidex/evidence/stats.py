"""Significance, direction and pooled estimates for outcomes. Pure functions, no I/O.

Significance comes from the 95% CI (does it exclude the null: 1 for ratios, 0 for
differences); the written p is only a fallback when there is no CI. Direction needs to know
which way is better: `Outcome.better` when the editor set it, else a guess from the outcome
name (mortality, recurrence, ... are bad events, so lower is better).
"""

from __future__ import annotations

import math
import operator
import re
from dataclasses import dataclass
from functools import lru_cache
from statistics import NormalDist

from evidex.evidence.models import RATIO_MEASURES, Direction, Outcome
from evidex.text.cues import contains_any
from evidex.text.numbers import NUMBER, normalise, parse_number

Z_95 = 1.959963984540054
DIFFERENCE_MEASURES = frozenset({"MD", "SMD", "g", "RD"})

_BAD_EVENT_WORDS = (
    "mortality",
    "death",
    "died",
    "recurrence",
    "incidence",
    "risk",
    "event",
    "progression",
    "adverse",
    "hospitali",
    "relapse",
    "failure",
    "toxicity",
    "infection",
)
_SURVIVAL_WORDS = frozenset({"survival", "os", "rfs", "pfs", "dfs", "efs"})
_GOOD_EVENT_WORDS = (
    "response",
    "remission",
    "normali",
    "clearance",
    "seroconversion",
    "improvement",
    "cure",
    "recovery",
    "healing",
)

_WORD = re.compile(r"[a-z]+")
_P_NUMBER = re.compile(
    rf"(?P<op>[<>≤≥=]?)\s*(?P<num>{NUMBER})(?:\s*[x×]\s*10\^?\s*(?P<exp>-?\d+))?"
)
_P_RELATIONS = str.maketrans({"≤": "<", "≥": ">", "‹": "<", "›": ">"})


@dataclass(frozen=True)
class ParsedP:
    """A p value as written: `value` with `relation` "<", ">" or "=". `ns` for "NS"."""

    value: float | None
    relation: str = "="
    ns: bool = False


@lru_cache(maxsize=4096)  # a few p values ("<0.001", "0.03") are most of those written
def parse_p(text: str | None) -> ParsedP | None:
    """Read "<0.001", "0.03", ".04", "p = 0.2", "NS", "n.s." and "1.2 x 10^-5"."""
    if text is None:
        return None
    cleaned = normalise(text).strip().lower().replace(" ", "")
    cleaned = re.sub(r"^p(?:-?value)?", "", cleaned)
    if cleaned.replace(".", "") in ("ns", "notsignificant"):
        return ParsedP(None, ">", ns=True)
    match = _P_NUMBER.fullmatch(cleaned.translate(_P_RELATIONS))
    value = parse_number(match["num"]) if match else None
    if match is None or value is None:
        return None
    if match["exp"]:
        value *= 10.0 ** int(match["exp"])
    if not 0.0 <= value <= 1.0:
        return None
    return ParsedP(value, match["op"] or "=")


def p_says_significant(parsed: ParsedP, alpha: float = 0.05) -> bool | None:
    """True/False when the written p settles significance at `alpha`; None when it cannot."""
    if parsed.ns:
        return False
    if parsed.value is None:
        return None
    if parsed.relation == "<":
        return True if parsed.value <= alpha else None
    if parsed.relation == ">":
        return False if parsed.value >= alpha else None
    return parsed.value < alpha


def null_value(measure: str) -> float | None:
    """The line of no effect: 1 for ratios, 0 for differences, None for percents and counts."""
    if measure in RATIO_MEASURES:
        return 1.0
    if measure in DIFFERENCE_MEASURES:
        return 0.0
    return None


def derive_significance(outcome: Outcome) -> bool | None:
    """Does the 95% CI exclude the null? Falls back to the written p when there is no CI or
    an interval of another level does not settle it."""
    null = null_value(outcome.measure)
    if null is None:
        # Rates and counts compare arms only through the written p.
        if len(outcome.arms) >= 2 and (parsed := parse_p(outcome.p)) is not None:
            return p_says_significant(parsed)
        return outcome.significant
    if outcome.ci_low is not None and outcome.ci_high is not None:
        excludes_null = outcome.ci_high < null or outcome.ci_low > null
        level = outcome.ci_level or 95.0
        # A 95% interval settles it; a wider one only when it excludes the null, a narrower
        # (90%) one only when it includes it. Otherwise the written p decides.
        if level == 95.0 or (level > 95.0) == excludes_null:
            return excludes_null
    parsed = parse_p(outcome.p)
    if parsed is not None:
        return p_says_significant(parsed)
    return outcome.significant


def z_of_level(level: float | None) -> float:
    """The two-sided normal quantile of a confidence level in percent (95 -> 1.96)."""
    if level is None or level == 95.0:
        return Z_95
    return NormalDist().inv_cdf(0.5 + level / 200.0)


def infer_better(outcome: Outcome) -> str | None:
    """ "lower" or "higher": from `better` when set, else from words in the outcome name."""
    if outcome.better is not None:
        return outcome.better
    return _better_by_name(outcome.name, outcome.measure == "HR")


# Outcome names recur across a library's studies ("All-cause mortality"), and each outcome is
# asked more than once (completing it, grading it, plotting it).
@lru_cache(maxsize=8192)
def _better_by_name(name: str, hazard_ratio: bool) -> str | None:
    name = name.lower()
    if contains_any(name, _BAD_EVENT_WORDS):
        return "lower"
    # A survival HR is, by convention, the hazard of the bad event (death, recurrence).
    if hazard_ratio and set(_WORD.findall(name)) & _SURVIVAL_WORDS:
        return "lower"
    if contains_any(name, _GOOD_EVENT_WORDS):
        return "higher"
    return None


def derive_direction(outcome: Outcome) -> Direction | None:
    """benefit / harm / no difference; None when it cannot be told (no null, unknown better)."""
    return _direction(outcome, derive_significance(outcome))


def _direction(outcome: Outcome, significant: bool | None) -> Direction | None:
    """`derive_direction` given what `derive_significance` says of the outcome."""
    null = null_value(outcome.measure)
    if null is None:
        return _direction_between_arms(outcome, significant)
    if significant is False:
        return "no difference"
    if significant is None:
        return outcome.direction
    better = infer_better(outcome)
    if better is None:
        return outcome.direction
    below = outcome.value < null
    return "benefit" if below == (better == "lower") else "harm"


def _direction_between_arms(outcome: Outcome, significant: bool | None) -> Direction | None:
    """Rates with two arms: the first arm is the intervention, the second its comparator."""
    if len(outcome.arms) < 2 or significant is None:
        return outcome.direction
    if not significant:
        return "no difference"
    better = infer_better(outcome)
    first, second = outcome.arms[0].value, outcome.arms[1].value
    if better is None or first == second:
        return outcome.direction
    return "benefit" if (first < second) == (better == "lower") else "harm"


def complete_outcome(outcome: Outcome) -> Outcome:
    """A copy with `significant` and `direction` filled where they can be derived; the outcome
    itself when it already says both (no one changes an outcome once made, and outcomes are
    completed more than once: after extraction, before grading and in the grade)."""
    significant = derive_significance(outcome)
    direction = _direction(outcome, significant)
    if significant is None:
        significant = outcome.significant
    if significant is outcome.significant and direction == outcome.direction:
        return outcome
    return outcome.model_copy(update={"significant": significant, "direction": direction})


@dataclass(frozen=True)
class Pooled:
    """A random-effects (DerSimonian–Laird) pooled estimate, on the outcome's own scale."""

    value: float
    ci_low: float
    ci_high: float
    i2: float  # percent, 0..100
    tau2: float  # between-study variance, on the log scale for ratios
    k: int
    measure: str


def standard_error(outcome: Outcome) -> float | None:
    """SE from the CI: (ln hi − ln lo) / (2 × z) for ratios, (hi − lo) / (2 × z) else, with
    z = 1.96 for a 95% CI and the CI's own quantile otherwise (1.645 for 90%)."""
    low, high = outcome.ci_low, outcome.ci_high
    if low is None or high is None or high <= low:
        return None
    z = z_of_level(outcome.ci_level)
    if outcome.measure in RATIO_MEASURES:
        if low <= 0:
            return None
        return (math.log(high) - math.log(low)) / (2 * z)
    if outcome.measure in DIFFERENCE_MEASURES:
        return (high - low) / (2 * z)
    return None


def pooled_estimate(outcomes: list[Outcome]) -> Pooled | None:
    """Pool outcomes of one measure; None for fewer than 2 usable rows or mixed measures.

    DerSimonian–Laird on the log scale for ratios: inverse-variance weights w = 1/v, the
    fixed-effect mean, Cochran's Q, tau² = (Q − df) / (Σw − Σw²/Σw) truncated at 0, then
    weights 1/(v + tau²). With tau² = 0 the random-effects result is the fixed-effect one.
    Written out rather than taken from statsmodels, whose import alone cost every build
    process 1-2 s; the tests check this against statsmodels' `combine_effects`.
    """
    # A zero-width interval (on the pooling scale) would take all the weight: it is not usable.
    usable = [o for o in outcomes if _has_valid_value(o) and _variance(o) > 0]
    measures = {o.measure for o in usable}
    if len(usable) < 2 or len(measures) != 1:
        return None
    (measure,) = measures
    is_ratio = measure in RATIO_MEASURES
    effects = [math.log(o.value) if is_ratio else o.value for o in usable]
    variances = [_variance(o) for o in usable]
    weights = [1.0 / v for v in variances]
    fixed_mean = _weighted_mean(effects, weights)
    q = sum(map(operator.mul, weights, [(e - fixed_mean) ** 2 for e in effects]))
    df = len(usable) - 1
    tau2 = _dersimonian_laird_tau2(q, df, weights)
    weights = [1.0 / (v + tau2) for v in variances]  # unchanged when tau2 is 0
    mean, sd = _weighted_mean(effects, weights), math.sqrt(1.0 / sum(weights))
    i2 = 100.0 * max(0.0, 1.0 - df / q) if q else 0.0
    low, high = mean - Z_95 * sd, mean + Z_95 * sd
    if is_ratio:
        mean, low, high = math.exp(mean), math.exp(low), math.exp(high)
    return Pooled(mean, low, high, i2, tau2, len(usable), measure)


def _dersimonian_laird_tau2(q: float, df: int, weights: list[float]) -> float:
    """The moment estimate of the between-study variance, truncated at 0."""
    total = sum(weights)
    scale = total - sum(w * w for w in weights) / total
    # scale is > 0 for two or more weights unless one outweighs the rest past float precision
    return max(0.0, (q - df) / scale) if scale > 0 else 0.0


def _weighted_mean(values: list[float], weights: list[float]) -> float:
    return sum(map(operator.mul, weights, values)) / sum(weights)


def _variance(outcome: Outcome) -> float:
    return (standard_error(outcome) or 0.0) ** 2


def _has_valid_value(outcome: Outcome) -> bool:
    return outcome.value > 0 if outcome.measure in RATIO_MEASURES else True
