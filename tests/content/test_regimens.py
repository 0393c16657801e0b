"""Dosage prose to regimens: the seed's Adults paragraph and the common ways doses are written."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evidex.content.regimens import (
    fill_missing_routes,
    find_routes,
    parse_regimens,
)

ADULTS = (
    "- 1.6 mg subcutaneously twice weekly for 6-12 months for chronic hepatitis B. Alternative "
    "dosing regimens include 1.5 mg subcutaneously every third day.  Dosages may range from "
    "0.8-6.4 mg for single doses, and 1.6-16 mg daily for 5-7 days for multiple doses.\n"
    "- For patients <40 kg:  40 mcg/kg twice weekly.\n"
)


def test_adults_paragraph_gives_five_regimens_with_their_lines() -> None:
    found = parse_regimens(ADULTS, base_line=109, population="adults")
    assert [(r.amount_min, r.amount_max, r.unit, r.kind) for r in found] == [
        (1.6, 1.6, "mg", "maintenance"),
        (1.5, 1.5, "mg", "maintenance"),
        (0.8, 6.4, "mg", "single_dose"),
        (1.6, 16.0, "mg", "daily_course"),
        (40.0, 40.0, "mcg/kg", "weight_based"),
    ]
    assert [r.line for r in found] == [109, 109, 109, 109, 110]
    first, every_third, _, course, weight = found
    assert (first.doses_per_week, first.duration, first.duration_min_days) == (
        2,
        "6-12 months",
        180,
    )
    assert first.duration_max_days == 365 and first.indication == "chronic hepatitis B"
    assert every_third.interval_days == 3 and every_third.route == "subcutaneous"
    assert (course.doses_per_week, course.duration_min_days, course.duration_max_days) == (7, 5, 7)
    assert (weight.population, weight.max_weight_kg, weight.doses_per_week) == (
        "patients <40 kg",
        40,
        2,
    )
    assert first.population == "adults"


def test_default_route_fills_only_regimens_without_one() -> None:
    found = parse_regimens(ADULTS, population="adults", default_route="intramuscular")
    assert [r.route for r in found] == [
        "subcutaneous",
        "subcutaneous",
        "intramuscular",
        "intramuscular",
        "intramuscular",
    ]


def test_route_carries_forward_within_a_sentence_only() -> None:
    found = parse_regimens("Give 2 mg IM weekly, or 4 mg every other week. Also 1 mg daily.")
    assert [r.route for r in found] == ["intramuscular", "intramuscular", None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("250 mcg once daily", (250, 250, "mcg", 7.0, None)),
        ("2.5 mg once weekly", (2.5, 2.5, "mg", 1.0, None)),
        ("100-300 mcg 2-3 times daily", (100, 300, "mcg", 14.0, None)),
        ("3-5 g per day", (3, 5, "g", 7.0, None)),
        ("1,000–4,000 IU daily", (1000, 4000, "IU", 7.0, None)),
        ("500 mg every other day", (500, 500, "mg", 3.5, 2.0)),
        ("2 mg three times a week", (2, 2, "mg", 3.0, None)),
        ("10 mg q12h", (10, 10, "mg", 14.0, None)),
        ("5 mg twice daily", (5, 5, "mg", 14.0, None)),
        ("250 mcg 5 days on, 2 days off", (250, 250, "mcg", 5.0, None)),
        ("3 mg at bedtime", (3, 3, "mg", 7.0, None)),
        ("0.5 mL every 2 weeks", (0.5, 0.5, "mL", 0.5, 14.0)),
        ("200 µg daily", (200, 200, "mcg", 7.0, None)),
        ("2 mg/kg once a week", (2, 2, "mg/kg", 1.0, None)),
        ("15 micrograms per kg every day", (15, 15, "mcg/kg", 7.0, None)),
    ],
)
def test_common_notations(
    text: str, expected: tuple[float, float, str, float, float | None]
) -> None:
    [regimen] = parse_regimens(text)
    got = (
        regimen.amount_min,
        regimen.amount_max,
        regimen.unit,
        regimen.doses_per_week,
        regimen.interval_days,
    )
    assert got == expected


def test_titration_splits_into_two_regimens() -> None:
    first, second = parse_regimens("0.25 mg weekly for 4 weeks, then 0.5 mg weekly")
    assert (first.amount_min, first.duration, first.duration_max_days) == (0.25, "4 weeks", 28)
    assert (second.amount_min, second.duration) == (0.5, None)


def test_cycled_frequency_scales_by_days_on() -> None:
    [regimen] = parse_regimens("200 mcg SC twice daily, 5 days on, 2 days off")
    assert regimen.doses_per_week == 10.0 and regimen.route == "subcutaneous"


@pytest.mark.parametrize(
    ("text", "route"),
    [
        ("2 mg SC", "subcutaneous"),
        ("2 mg s.c.", "subcutaneous"),
        ("2 mg IM", "intramuscular"),
        ("2 mg IV", "intravenous"),
        ("2 mg PO", "oral"),
        ("2 mg by mouth", "oral"),
        ("2 mg intranasally", "intranasal"),
        ("2 mg sublingually", "sublingual"),
        ("2 mg transdermal patch", "transdermal"),
        ("2 mg topically", "topical"),
    ],
)
def test_route_notations(text: str, route: str) -> None:
    assert parse_regimens(text)[0].route == route


@pytest.mark.parametrize(
    ("text", "route"),
    [
        ("100 mcg inhaled twice daily", "inhaled"),
        ("2.5 mg via nebulizer", "inhaled"),
        ("10 mg rectal suppository at night", "rectal"),
        ("one eye drop twice daily", "ophthalmic"),
        ("a 2 mg buccal film", "buccal"),
        ("0.1 mL intradermal", "intradermal"),
    ],
)
def test_less_common_routes(text: str, route: str) -> None:
    assert find_routes(text) == [route]


def test_lowercase_words_are_not_route_abbreviations() -> None:
    assert find_routes("im going to take it iv times") == []


def test_text_without_doses_gives_nothing() -> None:
    assert parse_regimens("") == []
    assert parse_regimens("Safety has not been established below the age of 18 years.") == []
    assert parse_regimens("Peak levels within 1-2 hours; 31-60% excreted in urine.") == []
    assert parse_regimens("A 5 mg/mL solution is supplied.") == []


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_is_safe(text: str) -> None:
    assert isinstance(parse_regimens(text), list)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "1.6",
                "mg",
                "-",
                "–",
                "to",
                " ",
                "twice",
                "weekly",
                "every",
                "third",
                "day",
                "for",
                "6-12",
                "months",
                "kg",
                "<40",
                "mcg/kg",
                ",",
                ".",
                "SC",
                "q",
                "12h",
                "on",
                "off",
                "5 days",
                "\n- ",
            ]
        ),
        max_size=40,
    )
)
def test_dosage_shaped_noise_is_safe(parts: list[str]) -> None:
    for regimen in parse_regimens(" ".join(parts)):
        assert regimen.amount_min <= regimen.amount_max


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 g three times daily for 3 months", (1.0, 1.0, "g", None, 21.0, 90.0)),
        (
            "10 mg/kg IV every 8 hours for 2–4 weeks",
            (10.0, 10.0, "mg/kg", "intravenous", 21.0, 28.0),
        ),
        ("100 IU/kg IV once a week", (100.0, 100.0, "IU/kg", "intravenous", 1.0, None)),
        ("250 to 500 mcg q.d. for up to 12 weeks", (250.0, 500.0, "mcg", None, 7.0, 84.0)),
        ("0.5mg SC nightly", (0.5, 0.5, "mg", "subcutaneous", 7.0, None)),
        ("250–500 mcg/day orally", (250.0, 500.0, "mcg", "oral", 7.0, None)),
        # two to three doses a day: the fewest here, the most in doses_per_week_max
        ("15 mg/kg IV every 8 to 12 hours", (15.0, 15.0, "mg/kg", "intravenous", 14.0, None)),
        (
            "5 million IU subcutaneously three times a week for 16 weeks",
            (5_000_000.0, 5_000_000.0, "IU", "subcutaneous", 3.0, 112.0),
        ),
        ("1 mg SC q7d", (1.0, 1.0, "mg", "subcutaneous", 1.0, None)),
        ("500 mg PO qod", (500.0, 500.0, "mg", "oral", 3.5, None)),
        ("200 mg orally tid for 10 days", (200.0, 200.0, "mg", "oral", 21.0, 10.0)),
        ("50 mcg IV q12h", (50.0, 50.0, "mcg", "intravenous", 14.0, None)),
        ("3 mg by mouth at bedtime for 2 weeks", (3.0, 3.0, "mg", "oral", 7.0, 14.0)),
    ],
)
def test_dose_notations_seen_in_real_profiles(
    text: str, expected: tuple[float, float, str, str | None, float, float | None]
) -> None:
    (regimen,) = parse_regimens(text)
    found = (
        regimen.amount_min,
        regimen.amount_max,
        regimen.unit,
        regimen.route,
        regimen.doses_per_week,
        regimen.duration_max_days,
    )
    assert found == expected


def test_a_single_dose_written_before_its_amount_is_a_single_dose() -> None:
    (regimen,) = parse_regimens("A single 2 mg intranasal dose before the procedure.")
    assert (regimen.amount_min, regimen.route, regimen.kind) == (2.0, "intranasal", "single_dose")


@pytest.mark.parametrize(
    ("text", "per_week", "interval_days"),
    [
        ("2 mg q3d", 2.333, 3.0),
        ("2 mg q.7.d.", 1.0, 7.0),
        ("2 mg SC q14d", 0.5, 14.0),
        ("2 mg q2w", 0.5, 14.0),
        ("0.5 mg qw", 1.0, None),
        ("0.5 mg q week", 1.0, None),
        ("0.5 mg qwk", 1.0, None),
        ("1 mg SC biw", 2.0, None),
        ("1 mg SC tiw", 3.0, None),
        ("3 mg qhs", 7.0, None),
        ("3 mg at local bedtime", 7.0, None),
        ("3 mg at night", 7.0, None),
        ("3 mg before bed", 7.0, None),
        ("3 mg each night", 7.0, None),
    ],
)
def test_q_intervals_latin_weekly_counts_and_night_time_doses(
    text: str, per_week: float, interval_days: float | None
) -> None:
    (regimen,) = parse_regimens(text)
    assert (regimen.doses_per_week, regimen.interval_days) == (per_week, interval_days)


def test_a_range_of_millions_scales_both_ends() -> None:
    (regimen,) = parse_regimens("3-5 million IU SC tiw")
    assert (regimen.amount_min, regimen.amount_max, regimen.unit) == (3e6, 5e6, "IU")


@pytest.mark.parametrize(
    "text",
    [
        "A one-time 2 mg dose.",
        "Once only 2 mg IV.",
        "A one-off 2 mg dose before the flight.",
        "Single dose: 2 mg IV.",
        "A single dose of 2 mg orally.",
        "2 mg IV as a one-off dose.",
    ],
)
def test_single_dose_words_before_or_after_the_amount(text: str) -> None:
    (regimen,) = parse_regimens(text)
    assert (regimen.amount_min, regimen.kind) == (2.0, "single_dose")


def test_single_dose_words_of_an_earlier_clause_stay_with_it() -> None:
    single, course = parse_regimens("0.8-6.4 mg for single doses, and 1.6-16 mg daily for 5 days")
    assert (single.kind, course.kind) == ("single_dose", "daily_course")


@pytest.mark.parametrize(
    ("text", "indication", "kind"),
    [
        ("Common cold: 75 mg per day in divided doses for 5 days.", "common cold", "daily_course"),
        (
            "Jet lag: 0.5-5 mg at local bedtime for 2-5 days after arrival.",
            "jet lag",
            "daily_course",
        ),
        ("Chronic hepatitis B: 1.6 mg SC twice weekly.", "chronic hepatitis B", "maintenance"),
        ("Adults with insomnia: 3 mg at night.", "insomnia", "maintenance"),
        ("Insomnia: 3 mg at bedtime for sleep onset.", "sleep onset", "maintenance"),
    ],
)
def test_a_label_naming_a_condition_is_the_indication(
    text: str, indication: str, kind: str
) -> None:
    (regimen,) = parse_regimens(text)
    assert (regimen.indication, regimen.kind) == (indication, kind)


@pytest.mark.parametrize(
    "label",
    [
        "Dose",
        "Typical research dose",
        "Oral",
        "Adults",
        "Children",
        "Maintenance",
        "Loading",
        "Standard",
        "Renal impairment",
    ],
)
def test_labels_naming_no_condition_are_not_indications(label: str) -> None:
    (regimen,) = parse_regimens(f"{label}: 5 mg daily for 5 days.")
    assert regimen.indication is None


def test_a_labelled_indication_holds_for_the_sentences_after_it() -> None:
    found = parse_regimens(
        "Insomnia: 3 mg at bedtime. Reduce to 1 mg after 4 weeks. Jet lag: 0.5 mg at night."
    )
    assert [r.indication for r in found] == ["insomnia", "insomnia", "jet lag"]


@pytest.mark.parametrize(
    "text",
    [
        "500 mg twice daily with meals, titrated to a maximum of 2,550 mg/day.",
        "500 mg twice daily, up to a maximum of 2 g.",
        "500 mg twice daily; maximum daily dose of 2 g.",
        "500 mg twice daily and do not exceed 2 g per day.",
    ],
)
def test_a_ceiling_is_not_a_regimen_of_its_own(text: str) -> None:
    (regimen,) = parse_regimens(text)
    assert (regimen.amount_max, regimen.doses_per_week) == (500.0, 14.0)


@pytest.mark.parametrize(
    ("text", "duration", "days"),
    [
        ("1.6 mg twice a week for six months", "6 months", (180.0, 180.0)),
        ("1 mg daily for one to two weeks", "1-2 weeks", (7.0, 14.0)),
        ("1 mg three times daily for ten days", "10 days", (10.0, 10.0)),
    ],
)
def test_durations_written_in_words(text: str, duration: str, days: tuple[float, float]) -> None:
    (regimen,) = parse_regimens(text)
    assert regimen.duration == duration
    assert (regimen.duration_min_days, regimen.duration_max_days) == days


def test_steps_listed_together_share_the_frequency_written_after_the_last() -> None:
    found = parse_regimens(
        "0.25 mg subcutaneously once weekly for 4 weeks, then 0.5 mg, 1 mg and 1.7 mg once "
        "weekly at 4-week steps"
    )
    assert [(r.amount_min, r.doses_per_week, r.route) for r in found] == [
        (0.25, 1, "subcutaneous"),
        (0.5, 1, "subcutaneous"),
        (1, 1, "subcutaneous"),
        (1.7, 1, "subcutaneous"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "0.5-2 mg subcutaneously once weekly for type 2 diabetes after the 0.25 mg starting month.",
        "0.5-2 mg subcutaneously once weekly, increasing by 0.25 mg every 4 weeks.",
        "0.5-2 mg subcutaneously once weekly; doses greater than 0.25 mg need titration.",
        "0.5-2 mg subcutaneously once weekly; maximum recommended dose: 0.25 mg once weekly.",
    ],
)
def test_steps_ceilings_and_doses_referred_to_are_not_regimens(text: str) -> None:
    assert [(r.amount_min, r.amount_max) for r in parse_regimens(text)] == [(0.5, 2)]


def test_an_indication_stops_before_when_and_whom() -> None:
    (first,) = parse_regimens("0.5-2 mg once weekly for type 2 diabetes after the first month.")
    (second,) = parse_regimens("2.4 mg weekly for weight management in adolescents aged 12.")
    assert (first.indication, second.indication) == ("type 2 diabetes", "weight management")


def test_a_dose_without_a_route_takes_the_only_route_of_the_same_dose() -> None:
    adults = parse_regimens("2.4 mg subcutaneously once weekly.", population="adults")
    children = parse_regimens("The 2.4 mg weekly dose is approved.", population="children")
    other = parse_regimens("1 mg weekly.")
    filled = fill_missing_routes(adults + children + other)
    assert [r.route for r in filled] == ["subcutaneous", "subcutaneous", None]


@pytest.mark.parametrize(
    ("text", "amount", "unit"),
    [
        ("Take 1 000 mg daily", 1000, "mg"),
        ("Take 1\u2009000 mg daily", 1000, "mg"),
        ("2 500 IU daily", 2500, "IU"),
        ("0,5 mg once weekly", 0.5, "mg"),
        ("2.5 mg to 10 mg once daily", 2.5, "mg"),
    ],
)
def test_doses_in_every_number_notation(text: str, amount: float, unit: str) -> None:
    (regimen,) = parse_regimens(text)
    assert (regimen.amount_min, regimen.unit, regimen.doses_per_week) == (
        amount,
        unit,
        7 if "daily" in text else 1,
    )


@pytest.mark.parametrize(
    ("text", "amounts"),
    [
        ("Titrate in 25 mg increments every week up to 100 mg daily.", [100]),
        ("20 mg once daily (maximum dose 60 mg/day).", [20]),
        ("Start at 10 mg daily; maximum 40 mg daily.", [10]),
        ("1 g every 8 hours; the maximum daily dose is 4 g.", [1]),
        ("Take 10 mg (one 10 mg tablet) once daily with food.", [10]),
    ],
)
def test_increments_maxima_and_bracketed_tablets_leave_the_dose(
    text: str, amounts: list[float]
) -> None:
    found = parse_regimens(text)
    assert [r.amount_min for r in found] == amounts
    assert all(r.doses_per_week for r in found)


@pytest.mark.parametrize(
    "text",
    [
        "400 IU orally daily for infants.",
        "600-1,000 IU daily for older children.",
        "The recommended dose for pediatric patients 6 years of age and older is 80 mg.",
    ],
)
def test_a_population_after_for_is_no_indication(text: str) -> None:
    assert [r.indication for r in parse_regimens(text)] == [None]
