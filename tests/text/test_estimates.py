"""Effect estimates, intervals, p values and counts as they are written in real abstracts."""

from __future__ import annotations

import pytest

from evidex.evidence.extract import extract_studies
from evidex.text.estimates import find_estimates
from evidex.text.numbers import normalise, parse_count


@pytest.mark.parametrize(
    ("written", "measure", "value", "low", "high"),
    [
        ("OR=0.62 (95% CI 0.35–1.10)", "OR", 0.62, 0.35, 1.10),
        ("hazard ratio [HR]=0.308, 95% CI 0.175–0.541, p<0.001", "HR", 0.308, 0.175, 0.541),
        ("HR 0.31 (95% CI, 0.18 to 0.54)", "HR", 0.31, 0.18, 0.54),
        ("RR: 1.2 [1.05; 1.37]", "RR", 1.2, 1.05, 1.37),
        ("WMD −2.1 kg (95% CI −3.0 to −1.2)", "MD", -2.1, -3.0, -1.2),
        ("SMD 0.45; 95% CI: 0.12, 0.78", "SMD", 0.45, 0.12, 0.78),
        ("MD -7.06 (95% CI -9.75, -4.37)", "MD", -7.06, -9.75, -4.37),
        ("aOR 1.45 (1.10-1.91)", "OR", 1.45, 1.10, 1.91),
        ("relative risk 0.85 (95% confidence interval 0.77 to 0.94)", "RR", 0.85, 0.77, 0.94),
        ("IRR 0.79; 95%CI 0.70-0.89", "IRR", 0.79, 0.70, 0.89),
        ("mean difference –1.2 points (95% CI –2.1 to –0.3)", "MD", -1.2, -2.1, -0.3),
        ("odds ratio 1.64 (95% CrI 1.25–2.14)", "OR", 1.64, 1.25, 2.14),
        ("HR = 1.34, CI95% 1.12–1.61", "HR", 1.34, 1.12, 1.61),
        (
            "(hazard ratio, 0.80; 95% confidence interval [CI], 0.72 to 0.90)",
            "HR",
            0.80,
            0.72,
            0.90,
        ),
        ("HR 0·80, 95% CI 0·73–0·87", "HR", 0.80, 0.73, 0.87),
        ("hazard ratio, 0.86; 95.02% CI, 0.74 to 0.99", "HR", 0.86, 0.74, 0.99),
        ("a hazard ratio of 0.75 (95% CI, 0.68 to 0.83)", "HR", 0.75, 0.68, 0.83),
        ("ETD −12.4 percentage points (95% CI, −13.4 to −11.5)", "MD", -12.4, -13.4, -11.5),
    ],
)
def test_reads_each_written_form(
    written: str, measure: str, value: float, low: float, high: float
) -> None:
    [estimate] = find_estimates(normalise(written))
    assert (estimate.measure, estimate.value, estimate.ci_low, estimate.ci_high) == (
        measure,
        pytest.approx(value),
        pytest.approx(low),
        pytest.approx(high),
    )


@pytest.mark.parametrize(
    ("written", "p"),
    [
        ("HR 0.7 (95% CI 0.5-0.9), P < .001", "<0.001"),
        ("HR 0.7 (95% CI 0.5-0.9); P = 0.03", "0.03"),
        ("HR 0.7 (95% CI 0.5-0.9), p=.04", "0.04"),
        ("HR 0.7 (95% CI 0.5-0.9; P<0.0001)", "<0.0001"),
    ],
)
def test_p_value_is_kept_as_written(written: str, p: str) -> None:
    [estimate] = find_estimates(normalise(written))
    assert estimate.p == p


def test_p_value_belongs_to_the_estimate_before_it() -> None:
    text = normalise("OR 0.5 (95% CI 0.3-0.8), and OR 1.1 (95% CI 0.9-1.4), P = 0.2")
    first, second = find_estimates(text)
    assert first.p is None
    assert second.p == "0.2"


@pytest.mark.parametrize(
    "text",
    [
        "Patients aged 18-65 or older were eligible",
        "OR 0.62 (1.35-2.10)",  # outside an unlabelled pair: not this value's interval
        "HR -0.5 (95% CI -0.9 to -0.1)",  # a ratio cannot be negative
        "the cohort or (0.5-0.9) group",
        # a ratio restated as a relative change is not an effect of its own (corpus README)
        "reduced incidence by 58% (95% CI, 48 to 66) and metformin by 31% (95% CI, 17 to 43)",
        "had a 38% [95% confidence interval (CI) 9-74%] increased risk of hip fracture",
    ],
)
def test_rejects_what_is_not_an_estimate(text: str) -> None:
    assert find_estimates(normalise(text)) == []


@pytest.mark.parametrize(
    ("raw", "count"),
    [("2,345", 2345), ("four", 4), ("Twenty-three", 23), ("199", 199), ("1.5", None)],
)
def test_counts_in_digits_and_words(raw: str, count: int | None) -> None:
    assert parse_count(raw) == count


def test_counts_grouped_by_thin_or_plain_spaces_are_one_number() -> None:
    text = "Thirty-two trials with 51 145 participants were included; a further 2019 120 were not."
    studies = extract_studies(text)
    assert studies and studies[0].n == 51145
    assert parse_count("12\u2009345") == 12345
