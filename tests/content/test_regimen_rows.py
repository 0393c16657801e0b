"""The dosing table: one row per regimen, each with a route and a frequency."""

from __future__ import annotations

from evidex.content.models import Regimen
from evidex.content.regimen_rows import clean_indication, how_often, regimen_rows

ESCALATION = "0.25 mg subcutaneously once weekly for 4 weeks, then 0.5 mg and 1 mg once weekly."


def _regimen(amount: float, **kw: object) -> Regimen:
    return Regimen.model_validate({"amount_min": amount, "amount_max": amount, "unit": "mg", **kw})


def test_escalation_steps_take_route_and_frequency_from_their_sentence() -> None:
    steps = [
        _regimen(0.25, route="subcutaneous", doses_per_week=1, duration="4 weeks", text=ESCALATION),
        _regimen(0.5, route=None, kind="other", text=ESCALATION),
        _regimen(1, route=None, kind="other", text=ESCALATION),
    ]
    rows = regimen_rows(steps)
    assert [(r.dose, r.route, r.how_often) for r in rows] == [
        ("0.25 mg", "subcutaneous", "once weekly"),
        ("0.5 mg", "subcutaneous", "once weekly"),
        ("1 mg", "subcutaneous", "once weekly"),
    ]


def test_a_dose_without_a_route_takes_the_route_given_for_the_same_dose() -> None:
    rows = regimen_rows(
        [
            _regimen(2.4, route="subcutaneous", doses_per_week=1, population="adults", text="a"),
            _regimen(3, route="oral", doses_per_week=7, text="b"),
            _regimen(2.4, route=None, doses_per_week=1, population="children", text="c"),
        ]
    )
    assert (rows[2].who, rows[2].route) == ("children", "subcutaneous")


def test_a_repeated_regimen_is_one_row_keeping_both_uses() -> None:
    rows = regimen_rows(
        [
            _regimen(2, route="oral", doses_per_week=14, indication="high triglycerides", text="a"),
            _regimen(2, route="oral", doses_per_week=14, indication="heart risk", text="b"),
        ]
    )
    assert len(rows) == 1
    assert rows[0].indication == "high triglycerides; heart risk"
    assert rows[0].how_often == "twice daily"


def test_indications_lose_words_a_sentence_break_left_dangling() -> None:
    assert clean_indication("type 2 diabetes after the") == "type 2 diabetes"
    assert (
        clean_indication("weight management in adolescents") == "weight management in adolescents"
    )
    assert how_often(_regimen(4, kind="single_dose")) == "single dose"
    assert how_often(_regimen(4, kind="single_dose", doses_per_week=7)) == "daily"
