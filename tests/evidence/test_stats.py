"""Significance, direction and DerSimonian–Laird pooling, checked against hand calculations."""

from __future__ import annotations

import math
import random
import subprocess
import sys
import warnings
from itertools import combinations
from pathlib import Path

import numpy as np
import pytest
from statsmodels.stats.meta_analysis import combine_effects

from evidex.content.yamlload import load_yaml
from evidex.evidence.models import RATIO_MEASURES, Arm, Outcome, Study
from evidex.evidence.stats import (
    Z_95,
    ParsedP,
    Pooled,
    complete_outcome,
    derive_direction,
    derive_significance,
    parse_p,
    pooled_estimate,
    standard_error,
)
from evidex.evidence.studyfile import parse_study_file, parse_study_list


def ratio(name: str, value: float, low: float, high: float, **extra: object) -> Outcome:
    fields = {"name": name, "measure": "HR", "value": value, "ci_low": low, "ci_high": high}
    return Outcome.model_validate({**fields, **extra})


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("<0.001", ParsedP(0.001, "<")),
        ("0.03", ParsedP(0.03, "=")),
        (".04", ParsedP(0.04, "=")),
        ("P < .001", ParsedP(0.001, "<")),
        ("p=0.20", ParsedP(0.2, "=")),
        ("NS", ParsedP(None, ">", ns=True)),
        ("n.s.", ParsedP(None, ">", ns=True)),
        ("≤0.05", ParsedP(0.05, "<")),
        ("2.5 x 10^-4", ParsedP(0.00025, "=")),
        ("2.5 \u00d7 10^\u22124", ParsedP(0.00025, "=")),
        ("0\u00b704", ParsedP(0.04, "=")),  # middle dot
        ("p\u20390\u00b70001", ParsedP(0.0001, "<")),  # angle quote for '<'
        ("< 0,001", ParsedP(0.001, "<")),  # decimal comma
        ("\u22120.1", None),
        ("significant", None),
        ("1.7", None),
    ],
)
def test_p_values_are_read_as_written(written: str, expected: ParsedP | None) -> None:
    parsed = parse_p(written)
    if expected is None or expected.value is None:
        assert parsed == expected
    else:
        assert parsed is not None
        assert parsed.value == pytest.approx(expected.value)
        assert (parsed.relation, parsed.ns) == (expected.relation, expected.ns)


def test_significance_comes_from_the_interval_before_the_p() -> None:
    assert derive_significance(ratio("Overall survival", 0.308, 0.175, 0.541)) is True
    assert derive_significance(ratio("Response", 0.62, 0.35, 1.10, measure="OR")) is False
    # The CI wins over a p that says otherwise.
    assert derive_significance(ratio("Death", 0.8, 0.6, 1.07, p="<0.001")) is False
    md = Outcome(name="ALT change", measure="MD", value=-12.0, ci_low=-20.0, ci_high=-4.0)
    assert derive_significance(md) is True


def test_without_an_interval_the_p_decides_and_vague_p_decides_nothing() -> None:
    assert derive_significance(Outcome(name="Death", measure="HR", value=0.7, p="0.01")) is True
    assert derive_significance(Outcome(name="Death", measure="HR", value=0.9, p="NS")) is False
    assert derive_significance(Outcome(name="Death", measure="HR", value=0.9, p="<0.5")) is None
    assert derive_significance(Outcome(name="Death", measure="HR", value=0.9)) is None


def test_rates_compare_arms_only_through_the_written_p() -> None:
    arms = [Arm(name="combination", value=1.7), Arm(name="entecavir", value=2.1)]
    hcc = Outcome(name="HCC incidence", measure="percent", value=1.7, p="NS", arms=arms)
    assert derive_significance(hcc) is False
    assert derive_direction(hcc) == "no difference"
    lone_rate = Outcome(name="ALT normalization", measure="percent", value=36.4, p="<0.01")
    assert derive_significance(lone_rate) is None
    assert derive_direction(lone_rate) is None
    fewer = hcc.model_copy(update={"p": "0.01"})
    assert derive_direction(fewer) == "benefit"


@pytest.mark.parametrize(
    ("outcome", "direction"),
    [
        (ratio("Overall survival", 0.308, 0.175, 0.541), "benefit"),
        (ratio("All-cause mortality", 1.4, 1.1, 1.8), "harm"),
        (ratio("HCC recurrence", 0.6, 0.4, 0.9, measure="RR"), "benefit"),
        (ratio("Complete response", 0.54, 0.30, 0.97, measure="OR"), "harm"),
        (ratio("Complete response", 2.1, 1.3, 3.4, measure="OR"), "benefit"),
        (ratio("Virologic response", 0.62, 0.35, 1.10, measure="OR"), "no difference"),
        (ratio("Score", 0.5, 0.3, 0.8, measure="OR", better="higher"), "harm"),
        (ratio("Score", 0.5, 0.3, 0.8, measure="OR", better="lower"), "benefit"),
        (ratio("Score", 0.5, 0.3, 0.8, measure="OR"), None),
        (
            Outcome(name="Fibrosis progression", measure="MD", value=-2, ci_low=-3, ci_high=-1),
            "benefit",
        ),
        (
            Outcome(name="Clearance", measure="SMD", value=-0.4, ci_low=-0.7, ci_high=-0.1),
            "harm",
        ),
    ],
)
def test_direction_depends_on_which_way_is_better(outcome: Outcome, direction: str | None) -> None:
    assert derive_direction(outcome) == direction


def test_complete_outcome_fills_a_copy_and_keeps_editor_values_it_cannot_derive() -> None:
    original = ratio("Overall survival", 0.308, 0.175, 0.541)
    completed = complete_outcome(original)
    assert (completed.significant, completed.direction) == (True, "benefit")
    assert original.significant is None and original.direction is None
    stated = Outcome(name="Responders", measure="percent", value=40, direction="benefit")
    assert complete_outcome(stated).direction == "benefit"


def test_standard_error_of_a_ratio_comes_from_the_log_interval() -> None:
    # (ln 0.541 − ln 0.175) / (2 × 1.96) = (−0.6143 + 1.7430) / 3.9199 = 0.2879
    assert standard_error(ratio("OS", 0.308, 0.175, 0.541)) == pytest.approx(0.2879, abs=1e-4)
    md = Outcome(name="x", measure="MD", value=1, ci_low=-1, ci_high=3)
    assert standard_error(md) == pytest.approx(4 / 3.919928, abs=1e-6)


def test_homogeneous_ratios_pool_to_the_fixed_effect_answer() -> None:
    # Hand calculation: ln ORs −0.4780, −0.5108, −0.6162; SEs 0.2921, 0.2877, 0.2994;
    # Q = 0.12 < df = 2, so tau² truncates to 0 and the weights are 1/SE²:
    # pooled ln OR = −0.5334 -> OR 0.587, SE 0.1691 -> CI exp(−0.5334 ± 0.3314) = [0.421, 0.817].
    pooled = pooled_estimate(
        [
            ratio("Virologic response", 0.62, 0.35, 1.10, measure="OR"),
            ratio("Virologic response", 0.60, 0.34, 1.05, measure="OR"),
            ratio("Virologic response", 0.54, 0.30, 0.97, measure="OR"),
        ]
    )
    assert pooled is not None
    assert (pooled.k, pooled.measure, pooled.tau2, pooled.i2) == (3, "OR", 0.0, 0.0)
    assert pooled.value == pytest.approx(0.587, abs=1e-3)
    assert pooled.ci_low == pytest.approx(0.421, abs=1e-3)
    assert pooled.ci_high == pytest.approx(0.817, abs=1e-3)


def test_heterogeneous_ratios_pool_with_dersimonian_laird() -> None:
    # Hand calculation (log scale): Q = 6.191 on 2 df, C = sum(w) − sum(w²)/sum(w),
    # tau² = (Q − 2) / C = 0.1094, I² = (Q − 2)/Q = 67.7%; re-weighted by 1/(SE² + tau²)
    # the pooled HR is 0.787 [0.496, 1.248].
    outcomes = [
        ratio("Death", 0.5, 0.25, 1.0),
        ratio("Death", 1.2, 0.8, 1.8),
        ratio("Death", 0.7, 0.5, 0.98),
    ]
    pooled = pooled_estimate(outcomes)
    assert pooled is not None
    assert pooled.tau2 == pytest.approx(0.1094, abs=1e-4)
    assert pooled.i2 == pytest.approx(67.7, abs=0.1)
    assert pooled.value == pytest.approx(0.787, abs=1e-3)
    assert (pooled.ci_low, pooled.ci_high) == (
        pytest.approx(0.496, abs=1e-3),
        pytest.approx(1.248, abs=1e-3),
    )


def test_mean_differences_pool_on_their_own_scale() -> None:
    first = Outcome(name="ALT", measure="MD", value=-10, ci_low=-14, ci_high=-6)
    second = Outcome(name="ALT", measure="MD", value=-6, ci_low=-10, ci_high=-2)
    pooled = pooled_estimate([first, second])
    assert pooled is not None
    # Equal SEs (8 / 3.92 = 2.041), w = 1/SE²: Q = w × (2² + 2²) = 8w, C = 2w − 2w²/2w = w,
    # so tau² = (Q − 1) / C = 8 − SE² = 3.835.
    se = 8 / (2 * 1.959963984540054)
    tau2 = 8 - se**2
    assert pooled.value == pytest.approx(-8.0)
    assert pooled.tau2 == pytest.approx(tau2, rel=1e-3)
    half_width = 1.959963984540054 * math.sqrt((se**2 + tau2) / 2)
    assert pooled.ci_low == pytest.approx(-8.0 - half_width, rel=1e-3)


def test_pooling_needs_two_usable_rows_of_one_measure() -> None:
    assert pooled_estimate([ratio("Death", 0.5, 0.3, 0.8)]) is None
    assert (
        pooled_estimate(
            [ratio("Death", 0.5, 0.3, 0.8), Outcome(name="Death", measure="HR", value=0.6)]
        )
        is None
    )
    mixed = [ratio("Death", 0.5, 0.3, 0.8), ratio("Death", 0.6, 0.4, 0.9, measure="OR")]
    assert pooled_estimate(mixed) is None


def test_identical_studies_pool_without_warnings_and_zero_heterogeneity() -> None:
    same = [ratio("Death", 0.7, 0.55, 0.88), ratio("Death", 0.7, 0.55, 0.88)]
    pooled = pooled_estimate(same)
    assert pooled is not None
    assert (pooled.tau2, pooled.i2) == (0.0, 0.0)
    assert pooled.value == pytest.approx(0.7, rel=1e-9)


# ---------------------------------------------------------------- statsmodels as the oracle

FIXTURES = Path(__file__).parent / "fixtures"
STUDY_FILES = sorted(
    [
        *(Path(__file__).resolve().parents[2] / "content" / "studies").glob("*.yaml"),
        *(FIXTURES / "studies").glob("*.yaml"),
    ]
)


def _pooled_by_statsmodels(outcomes: list[Outcome]) -> Pooled | None:
    """What `pooled_estimate` returned when it called statsmodels' `combine_effects`."""
    usable = [o for o in outcomes if (standard_error(o) or 0.0) > 0 and _valid_value(o)]
    if len(usable) < 2 or len({o.measure for o in usable}) != 1:
        return None
    is_ratio = usable[0].measure in RATIO_MEASURES
    effects = [math.log(o.value) if is_ratio else o.value for o in usable]
    variances = [(standard_error(o) or 0.0) ** 2 for o in usable]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # sqrt of an untruncated negative tau²
        result = combine_effects(np.array(effects), np.array(variances), method_re="dl")
    tau2 = float(result.tau2)
    if tau2 > 0:
        mean, sd = float(result.mean_effect_re), float(result.sd_eff_w_re)
    else:
        tau2, mean, sd = 0.0, float(result.mean_effect_fe), float(result.sd_eff_w_fe)
    q, df = float(result.q), len(usable) - 1
    i2 = max(0.0, (q - df) / q) * 100.0 if q > 0 else 0.0
    low, high = mean - Z_95 * sd, mean + Z_95 * sd
    if is_ratio:
        mean, low, high = math.exp(mean), math.exp(low), math.exp(high)
    return Pooled(mean, low, high, i2, tau2, len(usable), usable[0].measure)


def _valid_value(outcome: Outcome) -> bool:
    return outcome.value > 0 if outcome.measure in RATIO_MEASURES else True


def _random_outcomes(rng: random.Random) -> list[Outcome]:
    """2-12 studies of one measure, as an article would write them (2-3 decimals)."""
    measure = rng.choice(["HR", "OR", "RR", "MD", "SMD"])
    centre, spread = rng.uniform(-1.5, 1.5), rng.choice([0.0, 0.05, 0.3, 1.0])
    outcomes = []
    for _ in range(rng.randint(2, 12)):
        effect, se = centre + rng.gauss(0, spread), rng.uniform(0.02, 0.8)
        low, high = effect - Z_95 * se, effect + Z_95 * se
        if measure in RATIO_MEASURES:
            effect, low, high = math.exp(effect), math.exp(low), math.exp(high)
        places = rng.choice([2, 3])
        value, low, high = (round(x, places) for x in (effect, low, high))
        outcomes.append(Outcome(name="x", measure=measure, value=value, ci_low=low, ci_high=high))
    return outcomes


def _real_outcome_groups() -> list[list[Outcome]]:
    """Every pair, and the whole set, of the curated ratio outcomes (all read as HRs) and of
    the curated differences (all read as MDs): real intervals, mixed precision."""
    families: dict[str, list[Outcome]] = {"HR": [], "MD": []}
    for study in _curated_studies():
        for outcome in study.outcomes:
            kind = "HR" if outcome.measure in RATIO_MEASURES else "MD"
            families[kind].append(outcome.model_copy(update={"measure": kind}))
    groups = [list(pair) for rows in families.values() for pair in combinations(rows, 2)]
    return groups + list(families.values())


def _curated_studies() -> list[Study]:
    """The study files of content/ and the fixtures, and the seed article's `studies:` list."""
    studies = []
    for path in STUDY_FILES:
        study, _ = parse_study_file(path.read_text(encoding="utf-8"), str(path))
        studies += [study] if study else []
    seed = load_yaml((FIXTURES / "liver_health_article_studies.yaml").read_text(), "seed.yaml")
    listed, _ = parse_study_list(seed.data["studies"], "seed.yaml", seed, ("studies",))
    return studies + listed


def _assert_same_pooled(mine: Pooled | None, oracle: Pooled | None) -> None:
    assert (mine is None) == (oracle is None)
    if mine is None or oracle is None:
        return
    assert (mine.k, mine.measure) == (oracle.k, oracle.measure)
    for field in ("value", "ci_low", "ci_high", "i2", "tau2"):
        expected = getattr(oracle, field)
        assert getattr(mine, field) == pytest.approx(expected, rel=1e-9, abs=1e-9), field


def test_pooling_matches_statsmodels_on_random_studies() -> None:
    rng = random.Random(20240611)
    cases = [_random_outcomes(rng) for _ in range(600)]
    heterogeneous = 0
    for outcomes in cases:
        oracle = _pooled_by_statsmodels(outcomes)
        _assert_same_pooled(pooled_estimate(outcomes), oracle)
        heterogeneous += oracle is not None and oracle.tau2 > 0
    assert 100 < heterogeneous < 550  # both the truncated and the random-effects branch ran


def test_pooling_matches_statsmodels_on_curated_studies() -> None:
    groups = _real_outcome_groups()
    pooled = 0
    for outcomes in groups:
        oracle = _pooled_by_statsmodels(outcomes)
        _assert_same_pooled(pooled_estimate(outcomes), oracle)
        pooled += oracle is not None
    assert pooled >= 40


def test_a_zero_width_interval_on_the_pooling_scale_is_not_pooled() -> None:
    point = Outcome(name="x", measure="MD", value=1.0, ci_low=1.0, ci_high=1.0 + 1e-300)
    assert pooled_estimate([point, point]) is None


def test_pooling_imports_neither_statsmodels_nor_numpy() -> None:
    code = (
        "import sys; from evidex.build import pipeline; from evidex.evidence import stats;"
        "print(sorted({'statsmodels', 'scipy', 'numpy'} & set(sys.modules)))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert loaded.strip() == "[]"


@pytest.mark.parametrize(
    ("level", "low", "high", "p", "significant"),
    [
        pytest.param(90.0, 0.70, 0.95, "0.08", False, id="90-excluding-null-p-decides"),
        pytest.param(90.0, 0.70, 1.05, None, False, id="90-including-null-not-significant"),
        pytest.param(99.0, 0.60, 0.95, None, True, id="99-excluding-null-significant"),
        pytest.param(99.0, 0.60, 1.05, "0.03", True, id="99-including-null-p-decides"),
    ],
)
def test_significance_from_an_interval_of_another_level(
    level: float, low: float, high: float, p: str | None, significant: bool
) -> None:
    outcome = Outcome(
        name="x", measure="HR", value=0.8, ci_low=low, ci_high=high, ci_level=level, p=p
    )
    assert derive_significance(outcome) is significant


def test_the_standard_error_of_a_90_percent_interval_uses_its_own_quantile() -> None:
    at_90 = Outcome(name="x", measure="MD", value=0.0, ci_low=-1.645, ci_high=1.645, ci_level=90.0)
    assert standard_error(at_90) == pytest.approx(1.0, rel=1e-3)
