from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from evidex.vendors.grading import (
    amount_verdict,
    assess_batch,
    coa_flags,
    grade_products,
    letter_for,
    purity_verdict,
    result_weight,
)
from evidex.vendors.models import Batch

from .grading_builders import TODAY, batch, product


@pytest.mark.parametrize(
    ("purity", "verdict"),
    [("98", "pass"), ("97.99", "marginal"), ("95", "marginal"), ("94.99", "fail"), ("100", "pass")],
)
def test_purity_thresholds(purity: str, verdict: str) -> None:
    assert purity_verdict(Decimal(purity)) == verdict


@pytest.mark.parametrize(
    ("measured", "verdict"),
    [
        ("5.75", "pass"),  # +15% exactly
        ("4.25", "pass"),  # -15% exactly
        ("5.76", "marginal"),
        ("4.24", "marginal"),
        ("6.5", "marginal"),  # +30% exactly
        ("3.5", "marginal"),
        ("6.51", "fail"),
        ("3.49", "fail"),
    ],
)
def test_content_thresholds_either_way(measured: str, verdict: str) -> None:
    assert amount_verdict(Decimal(measured), Decimal(5)) == verdict


def test_results_older_than_a_year_count_half() -> None:
    assert result_weight(TODAY - dt.timedelta(days=365), TODAY) == 1
    assert result_weight(TODAY - dt.timedelta(days=366), TODAY) == Decimal("0.5")
    assert result_weight(None, TODAY) == Decimal("0.5")


def test_failed_identity_or_endotoxin_fails_the_batch_whatever_the_purity() -> None:
    assert (
        assess_batch(batch(purity_percent="99.5", identity="fail"), Decimal(5), TODAY).verdict
        == "fail"
    )
    assert (
        assess_batch(batch(purity_percent="99.5", endotoxin="fail"), Decimal(5), TODAY).verdict
        == "fail"
    )


def test_worst_check_decides_the_batch() -> None:
    result = assess_batch(batch(purity_percent="99", measured_amount="4.0"), Decimal(5), TODAY)
    assert result.checks == {"purity": "pass", "amount": "marginal"}
    assert result.verdict == "marginal"


def test_clean_recent_mass_spec_batch_is_an_a() -> None:
    grade = grade_products(
        [product(batch(purity_percent="99.2", measured_amount="5.1", identity="pass"))], TODAY
    )
    assert grade.grade == "A" and grade.score == Decimal("100.0")


def test_hplc_only_identity_caps_at_b() -> None:
    clean = batch(purity_percent="99.2", measured_amount="5.1", identity="pass", methods=["HPLC"])
    grade = grade_products([product(clean)], TODAY)
    assert grade.grade == "B"
    assert any("HPLC only" in reason for reason in grade.reasons)


def test_no_results_is_untested_not_a_letter() -> None:
    grade = grade_products([product(batch()), product()], TODAY)
    assert grade.grade == "untested" and grade.score is None
    assert grade_products([], TODAY).grade == "untested"


def test_an_old_failure_weighs_less_than_a_recent_one() -> None:
    old_fail = batch(id="old", purity_percent="90", tested=TODAY - dt.timedelta(days=500))
    recent_pass = batch(id="new", purity_percent="99")
    recent_fail = batch(id="new-fail", purity_percent="90")
    old_pass = batch(id="old-pass", purity_percent="99", tested=TODAY - dt.timedelta(days=500))
    better = grade_products([product(old_fail, recent_pass)], TODAY)
    worse = grade_products([product(recent_fail, old_pass)], TODAY)
    assert better.score is not None and worse.score is not None
    assert better.score > worse.score
    assert (better.grade, worse.grade) == ("C", "F")  # 66.7 vs 33.3


@pytest.mark.parametrize(
    ("score", "letter"),
    [
        ("90", "A"),
        ("89.9", "B"),
        ("75", "B"),
        ("74.9", "C"),
        ("60", "C"),
        ("40", "D"),
        ("39.9", "F"),
        ("0", "F"),
    ],
)
def test_letter_floors(score: str, letter: str) -> None:
    assert letter_for(Decimal(score)) == letter


def codes(b: Batch, label: str = "5") -> list[str]:
    return [flag.code for flag in coa_flags(b, Decimal(label))]


def test_coa_anomalies_are_flagged() -> None:
    assert codes(batch(purity_percent="100.4")) == ["purity-over-100"]
    assert codes(batch(purity_percent="100.000")) == ["purity-exactly-100"]
    assert codes(batch(purity_percent="99.999")) == []
    assert codes(batch(manufactured=TODAY, tested=TODAY - dt.timedelta(days=1))) == [
        "tested-before-manufactured"
    ]
    assert codes(batch(manufactured=TODAY, tested=TODAY)) == []
    assert codes(batch(measured_amount="6.01")) == ["overfilled"]
    assert codes(batch(measured_amount="6.00")) == []


def test_impossible_purity_is_flagged_and_not_believed() -> None:
    grade = grade_products([product(batch(purity_percent="101"))], TODAY)
    assert grade.grade == "untested"
    assert [f.code for f in grade.flags] == ["purity-over-100"]
