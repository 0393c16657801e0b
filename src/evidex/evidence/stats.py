"""Significance, direction and pooled estimates for outcomes. Pure functions, no I/O.

Significance comes from the 95% CI (does it exclude the null: 1 for ratios, 0 for
differences); the written p is only a fallback when there is no CI. Direction needs to know
which way is better: `Outcome.better` when the editor set it, else a guess from the outcome
name (mortality, recurrence, ... are bad events, so lower is better).
"""

from __future__ import annotations

import math
import re
import warnings
from dataclasses import dataclass

import numpy as np

from evidex.evidence.models import RATIO_MEASURES, Direction, Outcome

Z_95 = 1.959963984540054
DIFFERENCE_MEASURES = frozenset({"MD", "SMD"})

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

_P_NUMBER = re.compile(
    r"(?P<op>[<>≤≥=]?)\s*(?P<num>\d*\.\d+|\d+(?:\.\d+)?)"
    r"(?:\s*[x×]\s*10\^?\s*(?P<exp>[-−]?\d+))?"
)


@dataclass(frozen=True)
class ParsedP:
    """A p value as written: `value` with `relation` "<", ">" or "=". `ns` for "NS"."""

    value: float | None
    relation: str = "="
    ns: bool = False


def parse_p(text: str | None) -> ParsedP | None:
    """Read "<0.001", "0.03", ".04", "p = 0.2", "NS", "n.s." and "1.2 x 10^-5"."""
    if text is None:
        return None
    cleaned = text.strip().lower().replace(" ", "")
    cleaned = re.sub(r"^p(?:-?value)?", "", cleaned)
    if cleaned.replace(".", "") in ("ns", "notsignificant"):
        return ParsedP(None, ">", ns=True)
    match = _P_NUMBER.fullmatch(cleaned.replace("≤", "<").replace("≥", ">"))
    if match is None:
        return None
    value = float(match["num"])
    if match["exp"]:
        value *= 10.0 ** int(match["exp"].replace("−", "-"))
    if not 0.0 <= value <= 1.0:
        return None
    relation = match["op"] or "="
    return ParsedP(value, "=" if relation == "=" else relation)


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
    """Does the 95% CI exclude the null? Falls back to the written p when there is no CI."""
    null = null_value(outcome.measure)
    if null is None:
        # Rates and counts compare arms only through the written p.
        if len(outcome.arms) >= 2 and (parsed := parse_p(outcome.p)) is not None:
            return p_says_significant(parsed)
        return outcome.significant
    if outcome.ci_low is not None and outcome.ci_high is not None:
        return outcome.ci_high < null or outcome.ci_low > null
    parsed = parse_p(outcome.p)
    if parsed is not None:
        return p_says_significant(parsed)
    return outcome.significant


def infer_better(outcome: Outcome) -> str | None:
    """ "lower" or "higher": from `better` when set, else from words in the outcome name."""
    if outcome.better is not None:
        return outcome.better
    name = outcome.name.lower()
    words = set(re.findall(r"[a-z]+", name))
    if any(word in name for word in _BAD_EVENT_WORDS):
        return "lower"
    # A survival HR is, by convention, the hazard of the bad event (death, recurrence).
    if outcome.measure == "HR" and words & _SURVIVAL_WORDS:
        return "lower"
    if any(word in name for word in _GOOD_EVENT_WORDS):
        return "higher"
    return None


def derive_direction(outcome: Outcome) -> Direction | None:
    """benefit / harm / no difference; None when it cannot be told (no null, unknown better)."""
    null = null_value(outcome.measure)
    significant = derive_significance(outcome)
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
    """A copy with `significant` and `direction` filled where they can be derived."""
    significant = derive_significance(outcome)
    direction = derive_direction(outcome)
    return outcome.model_copy(
        update={
            "significant": significant if significant is not None else outcome.significant,
            "direction": direction if direction is not None else outcome.direction,
        }
    )


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
    """SE from the 95% CI: (ln hi − ln lo) / (2 × 1.96) for ratios, (hi − lo) / (2 × 1.96) else."""
    low, high = outcome.ci_low, outcome.ci_high
    if low is None or high is None or high <= low:
        return None
    if outcome.measure in RATIO_MEASURES:
        if low <= 0:
            return None
        return (math.log(high) - math.log(low)) / (2 * Z_95)
    if outcome.measure in DIFFERENCE_MEASURES:
        return (high - low) / (2 * Z_95)
    return None


def pooled_estimate(outcomes: list[Outcome]) -> Pooled | None:
    """Pool outcomes of one measure; None for fewer than 2 usable rows or mixed measures.

    statsmodels' "dl" does not truncate a negative tau² at zero (it then weights studies by
    1/(v + tau²) with tau² < 0); DerSimonian–Laird truncates, and with tau² = 0 the random-effects
    result is the fixed-effect one, so that is what we return in that case.
    """
    usable = [o for o in outcomes if standard_error(o) is not None and _has_valid_value(o)]
    if len(usable) < 2 or len({o.measure for o in usable}) != 1:
        return None
    measure = usable[0].measure
    is_ratio = measure in RATIO_MEASURES
    effects = np.array([math.log(o.value) if is_ratio else o.value for o in usable])
    variances = np.array([(standard_error(o) or 0.0) ** 2 for o in usable])
    # With an untruncated negative tau² statsmodels may take sqrt of a negative variance for
    # the random-effects result we then discard; that RuntimeWarning is noise here.
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore", RuntimeWarning)
        # imported here: statsmodels takes ~2 s to import and most commands never pool
        from statsmodels.stats.meta_analysis import combine_effects

        result = combine_effects(effects, variances, method_re="dl")
    tau2 = float(result.tau2)
    if tau2 > 0:
        mean, sd = float(result.mean_effect_re), float(result.sd_eff_w_re)
    else:
        tau2 = 0.0
        mean, sd = float(result.mean_effect_fe), float(result.sd_eff_w_fe)
    q, df = float(result.q), len(usable) - 1
    i2 = max(0.0, (q - df) / q) * 100.0 if q > 0 else 0.0
    low, high = mean - Z_95 * sd, mean + Z_95 * sd
    if is_ratio:
        mean, low, high = math.exp(mean), math.exp(low), math.exp(high)
    return Pooled(mean, low, high, i2, tau2, len(usable), measure)


def _has_valid_value(outcome: Outcome) -> bool:
    return outcome.value > 0 if outcome.measure in RATIO_MEASURES else True
