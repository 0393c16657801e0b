"""Dosage and pharmacokinetics sentences of real US drug labels (../shared/sources/spl and
../shared/sources/openfda) through the readers that read profiles: each sentence and the
regimens, half-life and time to peak it gives."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from evidex.content.regimens import parse_regimens
from evidex.text.durations import TimeSpan, find_half_life, find_time_to_peak

SOURCES = Path(__file__).resolve().parents[2] / ".." / "shared" / "sources"
SPL = SOURCES / "spl"
HUMIRA = "humira-adalimumab_608d4f0d.xml"
LIPITOR = "lipitor-atorvastatin_c6e131fe.xml"
HALOPERIDOL = "haloperidol-tablets_0027b8a3_no-title.xml"
HUMIRA_OPENFDA = "humira_label_search_608d4f0d.json"

# (amount_min, amount_max, unit, doses_per_week, interval_days, population, indication, kind)
Row = tuple[float, float, str, float | None, float | None, str | None, str | None, str]

LABEL_SENTENCES: list[tuple[str, str, list[Row]]] = [
    (
        HUMIRA,
        "The recommended dose of HUMIRA for adult patients with rheumatoid arthritis (RA), "
        "psoriatic arthritis (PsA), or ankylosing spondylitis (AS) is 40 mg administered every "
        "other week.",
        [(40, 40, "mg", 0.5, 14, "adults", "rheumatoid arthritis", "maintenance")],
    ),
    (
        HUMIRA,
        "In the treatment of RA, some patients not taking concomitant MTX may derive additional "
        "benefit from increasing the dosing frequency of HUMIRA to 40 mg every week.",
        [(40, 40, "mg", 1, None, None, None, "maintenance")],
    ),
    (
        HUMIRA,
        "The recommended HUMIRA dose regimen for adult patients with Crohn’s disease (CD) is 160 "
        "mg initially on Day 1 (given as four 40 mg injections in one day or as two 40 mg "
        "injections per day for two consecutive days), followed by 80 mg two weeks later (Day "
        "15).",
        # the 40 mg injections in brackets say how the 160 mg dose is given: no regimen
        [
            (160, 160, "mg", None, None, "adults", "Crohn’s disease", "other"),
            (80, 80, "mg", None, None, None, None, "other"),
        ],
    ),
    (
        HUMIRA,
        "Two weeks later (Day 29) begin a maintenance dose of 40 mg every other week.",
        [(40, 40, "mg", 0.5, 14, None, None, "maintenance")],
    ),
    (
        HUMIRA,
        "The recommended dose of HUMIRA for adult patients with plaque psoriasis (Ps) is an "
        "initial dose of 80 mg, followed by 40 mg given every other week starting one week after "
        "the initial dose.",
        [
            (80, 80, "mg", None, None, "adults", "plaque psoriasis", "other"),
            (40, 40, "mg", 0.5, 14, None, None, "maintenance"),
        ],
    ),
    (
        LIPITOR,
        "Dose range: 10 to 80 mg once daily ( 2.1 ).",
        [(10, 80, "mg", 7, None, None, None, "maintenance")],
    ),
    (
        LIPITOR,
        "Recommended start dose: 10 or 20 mg once daily ( 2.1 ).",
        [(10, 20, "mg", 7, None, None, None, "maintenance")],
    ),
    (
        LIPITOR,
        "Pediatric starting dose: 10 mg once daily; maximum recommended dose: 20 mg once daily "
        "( 2.2 ).",
        # a maximum is no regimen of its own
        [(10, 10, "mg", 7, None, "children", None, "maintenance")],
    ),
    (
        LIPITOR,
        "The recommended starting dose of LIPITOR is 10 mg/day; the maximum recommended dose is "
        "20 mg/day (doses greater than 20 mg have not been studied in this patient population).",
        [(10, 10, "mg", 7, None, None, None, "maintenance")],
    ),
    (
        LIPITOR,
        "The dosage of LIPITOR in patients with homozygous FH is 10 to 80 mg daily.",
        [(10, 80, "mg", 7, None, None, None, "maintenance")],
    ),
    (
        LIPITOR,
        "In patients taking the HIV protease inhibitor nelfinavir or the hepatitis C protease "
        "inhibitor boceprevir, therapy with LIPITOR should be limited to 40 mg, and appropriate "
        "clinical assessment is recommended to ensure that the lowest dose necessary of LIPITOR "
        "is employed",
        [],
    ),
    (
        HALOPERIDOL,
        "Moderate Symptomatology - 0.5 mg to 2 mg b.i.d. or t.i.d.",
        # a unit on each bound is one range; "b.i.d. or t.i.d." takes the lower
        [(0.5, 2, "mg", 14, None, None, None, "maintenance")],
    ),
    (
        HALOPERIDOL,
        "Geriatric or Debilitated Patients - 0.5 mg to 2 mg b.i.d. or t.i.d.",
        [(0.5, 2, "mg", 14, None, "elderly", None, "maintenance")],
    ),
    (
        HALOPERIDOL,
        "Therapy should begin at the lowest dose possible (0.5 mg per day).",
        [(0.5, 0.5, "mg", 7, None, None, None, "maintenance")],
    ),
    (
        HALOPERIDOL,
        "If required, the dose should be increased by an increment of 0.5 mg at 5 to 7 day "
        "intervals until the desired therapeutic effect is obtained.",
        [],  # a step, not a dose
    ),
    (
        HALOPERIDOL,
        "Psychotic Disorders - 0.05 mg/kg/day to 0.15 mg/kg/day",
        [(0.05, 0.15, "mg/kg", 7, None, None, None, "weight_based")],
    ),
    (
        HALOPERIDOL,
        "Nonpsychotic Behavior Disorders and Tourette's Disorder - 0.05 mg/kg/day to 0.075 "
        "mg/kg/day",
        [(0.05, 0.075, "mg/kg", 7, None, None, None, "weight_based")],
    ),
    (
        HALOPERIDOL,
        "There is little evidence that behavior improvement is further enhanced in dosages "
        "beyond 6 mg per day.",
        [],  # a dose referred to, not recommended
    ),
    (
        LIPITOR,
        "White, elliptical, film-coated tablets containing 10, 20, 40, and 80 mg atorvastatin "
        "calcium.",
        [],  # the strengths sold, not a dose
    ),
    (
        HUMIRA,
        "Injection: A single-use, 1 mL prefilled glass syringe with a fixed 27 gauge ½ inch "
        "needle, providing 40 mg (0.8 mL) of HUMIRA.",
        [],  # what a syringe holds
    ),
    (
        HUMIRA_OPENFDA,
        "Rheumatoid Arthritis, Psoriatic Arthritis, Ankylosing Spondylitis (2.1): 40 mg every "
        "other week.",
        # the section number in brackets is no dose
        [(40, 40, "mg", 0.5, 14, None, None, "maintenance")],
    ),
    (
        HUMIRA_OPENFDA,
        "2.1 Rheumatoid Arthritis, Psoriatic Arthritis, and Ankylosing Spondylitis The "
        "recommended dose of HUMIRA for adult patients with rheumatoid arthritis (RA), psoriatic "
        "arthritis (PsA), or ankylosing spondylitis (AS) is 40 mg administered every other week.",
        # openFDA glues the section number and title to the first sentence
        [(40, 40, "mg", 0.5, 14, "adults", "rheumatoid arthritis", "maintenance")],
    ),
    (
        HUMIRA_OPENFDA,
        "Adult Crohn's Disease and Ulcerative Colitis (2.3, 2.5): Initial dose (Day 1): 160 mg "
        "(four 40 mg injections in one day or two 40 mg injections per day for two consecutive "
        "days) Second dose two weeks later (Day 15): 80 mg Two weeks later (Day 29): Begin a "
        "maintenance dose of 40 mg every other week.",
        [
            (160, 160, "mg", None, None, "adults", None, "other"),
            (80, 80, "mg", None, None, None, None, "other"),
            (40, 40, "mg", 0.5, 14, None, None, "maintenance"),
        ],
    ),
]

# (half-life, time to peak) as (low, high, typical) hours
Times = tuple[tuple[float, float, float | None] | None, tuple[float, float, float | None] | None]

LABEL_PK_SENTENCES: list[tuple[str, str, Times]] = [
    (
        HUMIRA,
        "The maximum serum concentration (C max ) and the time to reach the maximum "
        "concentration (T max ) were 4.7 ± 1.6 µg/mL and 131 ± 56 hours respectively, following "
        "a single 40 mg subcutaneous administration of HUMIRA to healthy adult subjects.",
        # the values pair with their names in order; the peak concentration is no time
        (None, (131, 131, None)),
    ),
    (
        HUMIRA_OPENFDA,
        "The maximum serum concentration (Cmax) and the time to reach the maximum concentration "
        "(Tmax) were 4.7 ± 1.6 µg/mL and 131 ± 56 hours respectively, following a single 40 mg "
        "subcutaneous administration of HUMIRA to healthy adult subjects.",
        (None, (131, 131, None)),
    ),
    (
        HUMIRA,
        "The mean terminal half-life was approximately 2 weeks, ranging from 10 to 20 days "
        "across studies.",
        ((240, 480, 336), None),
    ),
    (
        LIPITOR,
        "Mean plasma elimination half-life of LIPITOR in humans is approximately 14 hours, but "
        "the half-life of inhibitory activity for HMG-CoA reductase is 20 to 30 hours due to the "
        "contribution of active metabolites.",
        ((14, 14, None), None),  # the drug's own, not its metabolites' activity
    ),
    (
        HUMIRA_OPENFDA,
        "MTX reduced adalimumab apparent clearance after single and multiple dosing by 29% and "
        "44% respectively, in patients with RA.",
        (None, None),
    ),
]


def _rows(sentence: str) -> list[Row]:
    return [
        (
            r.amount_min,
            r.amount_max,
            r.unit,
            r.doses_per_week,
            r.interval_days,
            r.population,
            r.indication,
            r.kind,
        )
        for r in parse_regimens(sentence)
    ]


@pytest.mark.parametrize(
    ("label", "sentence", "expected"),
    LABEL_SENTENCES,
    ids=[f"{label.split('-')[0]}:{sentence[:40]}" for label, sentence, _ in LABEL_SENTENCES],
)
def test_label_dosage_sentence_gives_its_regimens(
    label: str, sentence: str, expected: list[Row]
) -> None:
    assert _rows(sentence) == expected


def _times(span: TimeSpan | None) -> tuple[float, float, float | None] | None:
    return None if span is None else (span.low_hours, span.high_hours, span.typical_hours)


@pytest.mark.parametrize(
    ("label", "sentence", "expected"),
    LABEL_PK_SENTENCES,
    ids=[f"{label.split('-')[0]}:{sentence[:40]}" for label, sentence, _ in LABEL_PK_SENTENCES],
)
def test_label_pharmacokinetic_sentence_gives_its_times(
    label: str, sentence: str, expected: Times
) -> None:
    assert (_times(find_half_life(sentence)), _times(find_time_to_peak(sentence))) == expected


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    return [text for item in value for text in _strings(item)] if isinstance(value, list) else []


def _label_text(name: str) -> str:
    if name.endswith(".json"):
        strings = _strings(json.loads((SOURCES / "openfda" / name).read_text(encoding="utf-8")))
    else:
        strings = list(ElementTree.parse(SPL / name).getroot().itertext())
    return re.sub(r"\s+", " ", " ".join(strings))


@pytest.mark.skipif(not SPL.is_dir(), reason="../shared/sources/spl is not beside this clone")
def test_every_sentence_of_the_tables_is_in_its_label() -> None:
    table = [(label, s) for label, s, _ in [*LABEL_SENTENCES, *LABEL_PK_SENTENCES]]
    texts = {name: _label_text(name) for name in {label for label, _ in table}}
    missing = [s for label, s in table if s not in texts[label]]
    assert missing == []
