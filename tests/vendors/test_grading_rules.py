"""Vendor grades as a reader sees them: the reasons, the weights and the letter, exactly."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from evidex.vendors.grading import (
    MASS_SPEC_METHODS,
    Flag,
    Grade,
    assess_batch,
    batch_key,
    cap_for_flags,
    coa_flags,
    grade_products,
    letter_for,
    uses_mass_spec,
)

from .grading_builders import TODAY, batch, product

RECENT = TODAY - dt.timedelta(days=30)
OLD = TODAY - dt.timedelta(days=400)


@pytest.mark.parametrize(
    ("methods", "mass_spec"),
    [
        (["HPLC", " lc-ms "], True),
        (["MALDI-TOF"], True),
        (["HPLC", "UV"], False),
        ([], False),
        (["MS/MS?"], False),
    ],
)
def test_mass_spectrometry_is_recognised_by_its_written_names(
    methods: list[str], mass_spec: bool
) -> None:
    assert uses_mass_spec(methods) is mass_spec


def test_every_listed_mass_spec_method_counts() -> None:
    for method in MASS_SPEC_METHODS:
        assert uses_mass_spec([method.lower()]), method


def test_a_batch_assessment_gives_each_check_and_its_reason() -> None:
    result = assess_batch(
        batch(purity_percent="96.5", measured_amount="5.2", identity="pass", endotoxin="fail"),
        Decimal(5),
        TODAY,
    )
    assert result.checks == {
        "purity": "marginal",
        "amount": "pass",
        "identity": "pass",
        "endotoxin": "fail",
    }
    assert result.reasons == [
        "purity 96.5%: marginal",
        "measured 5.2 of 5 labelled: pass",
        "identity pass",
        "endotoxin fail",
    ]
    assert (result.batch_id, result.verdict, result.weight) == ("B1", "fail", Decimal(1))


def test_a_batch_with_nothing_measured_has_no_verdict() -> None:
    result = assess_batch(batch(), Decimal(5), TODAY)
    assert (result.verdict, result.checks, result.reasons) == (None, {}, [])
    assert result.weight == Decimal(1)
    undated = assess_batch(batch(tested=None, purity_percent="99"), Decimal(5), TODAY)
    assert undated.weight == Decimal("0.5")


def test_a_marginal_check_makes_a_marginal_batch_and_all_passes_a_pass() -> None:
    assert assess_batch(batch(purity_percent="95"), Decimal(5), TODAY).verdict == "marginal"
    passing = assess_batch(batch(purity_percent="98", identity="pass"), Decimal(5), TODAY)
    assert passing.verdict == "pass"
    assert assess_batch(batch(identity="fail"), Decimal(5), TODAY).checks == {"identity": "fail"}


def test_a_purity_of_exactly_100_is_believed_and_above_100_is_not() -> None:
    assert assess_batch(batch(purity_percent="100"), Decimal(5), TODAY).checks == {"purity": "pass"}
    assert assess_batch(batch(purity_percent="100.1"), Decimal(5), TODAY).checks == {}


def test_the_score_weighs_old_results_half_and_the_reasons_say_so() -> None:
    grade = grade_products(
        [
            product(
                batch(id="a", purity_percent="99"),  # pass, weight 1
                batch(id="b", purity_percent="96", tested=OLD),  # marginal, weight 0.5
                batch(id="c"),  # nothing measured: left out
            ),
            product(batch(id="d", purity_percent="90", tested=OLD)),  # fail, weight 0.5
        ],
        TODAY,
    )
    # (100 x 1 + 60 x 0.5 + 0 x 0.5) / 2 = 65.0
    assert (grade.grade, grade.score) == ("C", Decimal("65.0"))
    assert grade.reasons == [
        "3 tested batch(es), weighted score 65.0",
        "2 result(s) older than 12 months count half",
    ]
    assert [b.batch_id for b in grade.batches] == ["a", "b", "c", "d"]


def test_the_score_is_rounded_to_one_decimal() -> None:
    grade = grade_products(
        [
            product(
                batch(id="a", purity_percent="99"),
                batch(id="b", purity_percent="96"),
                batch(id="c", purity_percent="96"),
            )
        ],
        TODAY,
    )
    # (100 + 60 + 60) / 3 = 73.33...
    assert (grade.grade, grade.score) == ("C", Decimal("73.3"))


def test_mass_spec_on_any_batch_lifts_the_b_cap() -> None:
    hplc = batch(id="a", purity_percent="99", methods=["HPLC"])
    ms = batch(id="b", purity_percent="99", methods=["LC-MS"])
    assert grade_products([product(hplc), product(ms)], TODAY).grade == "A"
    capped = grade_products([product(hplc)], TODAY)
    assert capped.reasons == [
        "1 tested batch(es), weighted score 100.0",
        "identity shown by HPLC only (no mass spectrometry): capped at B",
    ]
    # A lower letter is not raised or touched by the cap.
    low = grade_products([product(batch(purity_percent="96", methods=["HPLC"]))], TODAY)
    assert (low.grade, low.reasons) == ("C", ["1 tested batch(es), weighted score 60.0"])


def test_no_measured_batch_says_so() -> None:
    grade = grade_products([product(batch())], TODAY)
    assert (grade.grade, grade.score, grade.reasons) == (
        "untested",
        None,
        ["no batch results reported"],
    )
    assert len(grade.batches) == 1


def test_a_grade_as_data_keeps_the_exact_score_and_every_batch() -> None:
    grade = grade_products([product(batch(purity_percent="99.5", tested=OLD))], TODAY)
    assert grade.as_dict() == {
        "grade": "A",
        "score": "100.0",
        "reasons": [
            "1 tested batch(es), weighted score 100.0",
            "1 result(s) older than 12 months count half",
        ],
        "flags": [],
        "batches": [
            {
                "batch_id": "B1",
                "verdict": "pass",
                "weight": "0.5",
                "checks": {"purity": "pass"},
                "reasons": ["purity 99.5%: pass"],
            }
        ],
    }
    untested = grade_products([], TODAY).as_dict()
    assert (untested["grade"], untested["score"]) == ("untested", None)


def test_a_score_below_every_floor_is_an_f() -> None:
    assert letter_for(Decimal(-1)) == "F"


def test_a_passed_endotoxin_test_is_a_pass() -> None:
    result = assess_batch(batch(endotoxin="pass"), Decimal(5), TODAY)
    assert (result.checks, result.verdict) == ({"endotoxin": "pass"}, "pass")
    assert result.reasons == ["endotoxin pass"]


def test_each_certificate_anomaly_names_its_batch_and_what_is_wrong() -> None:
    made, tested = dt.date(2026, 5, 2), dt.date(2026, 5, 1)
    odd = batch(
        id="LOT-7",
        purity_percent="100.4",
        manufactured=made,
        tested=tested,
        measured_amount="6.5",
    )
    assert coa_flags(odd, Decimal(5)) == [
        Flag("LOT-7", "purity-over-100", "purity 100.4% is above 100%"),
        Flag(
            "LOT-7",
            "tested-before-manufactured",
            "tested 2026-05-01 before it was made (2026-05-02)",
        ),
        Flag("LOT-7", "overfilled", "measured 6.5 is more than 120% of the labelled 5"),
    ]
    assert coa_flags(batch(id="LOT-8", purity_percent="100.00"), Decimal(5)) == [
        Flag(
            "LOT-8",
            "purity-exactly-100",
            "purity reported as exactly 100.00%: no assay is that clean",
        )
    ]


def test_batch_numbers_compare_without_case_spaces_or_dashes() -> None:
    assert batch_key("lot-12 a") == "LOT12A"
    assert batch_key("LOT12A") == batch_key("Lot 12-A")


def test_a_cap_lowers_a_better_letter_only_and_says_why() -> None:
    overfilled = Flag("B1", "overfilled", "measured 6.5 is more than 120% of the labelled 5")
    assert cap_for_flags("A", [overfilled]) == (
        "B",
        ["capped at B: batch B1 measured 6.5 is more than 120% of the labelled 5"],
    )
    assert cap_for_flags("B", [overfilled]) == ("B", [])
    assert cap_for_flags("D", [overfilled]) == ("D", [])


def test_a_certificate_dated_in_the_future_says_which_dates() -> None:
    future = batch(id="B9", tested=dt.date(2026, 12, 1), manufactured=dt.date(2026, 11, 20))
    assert coa_flags(future, Decimal(5), TODAY) == [
        Flag(
            "B9",
            "dated-in-future",
            "certificate dated in the future (tested 2026-12-01, made 2026-11-20; "
            "today is 2026-11-01)",
        )
    ]


def test_flags_as_data_carry_their_label_and_cap() -> None:
    grade = Grade("C", Decimal(50), [], [Flag("B1", "overfilled", "m"), Flag("B2", "odd", "n")])
    assert grade.as_dict()["flags"] == [
        {
            "batch_id": "B1",
            "code": "overfilled",
            "label": "content over 120% of label",
            "cap": "B",
            "message": "m",
        },
        # a code without a label of its own is shown as it is
        {"batch_id": "B2", "code": "odd", "label": "odd", "cap": None, "message": "n"},
    ]
