"""One reading of advice words: the level a sentence gives and the routes it forbids."""

from __future__ import annotations

import pytest

from evidex.content.conditions_map import severity_of
from evidex.text.advice import read_advice, route_family

FORBIDS = [
    "Not recommended during pregnancy.",
    "Contraindicated in pregnancy.",
    "Avoid unless clearly needed during pregnancy.",
    "Not assigned; human data are insufficient. Avoid.",
    "Passes into breast milk; not recommended.",
    "Must not be used by nursing mothers.",
    "Use only if clearly needed.",
    "Do not use while breastfeeding.",
    "Should not be given unless the potential benefit justifies the risk to the fetus.",
    "Contraindicated (active disease); use caution after treatment.",
]
CAUTIONS = [
    "Use with caution in renal impairment.",
    "Kidney disease: use caution, and only with medical supervision.",
    "Monitor blood glucose.",
    "Safety data are lacking.",
    "Not contraindicated, but monitor kidney function.",
]


@pytest.mark.parametrize("text", FORBIDS)
def test_avoid_words_forbid_the_compound(text: str) -> None:
    advice = read_advice(text)
    assert advice.level == "avoid"
    assert advice.forbids
    assert severity_of(text, None) == "contraindicated"


@pytest.mark.parametrize("text", CAUTIONS)
def test_caution_words_stay_a_caution(text: str) -> None:
    assert read_advice(text).level == "caution"
    assert severity_of(text, None) == "caution"


@pytest.mark.parametrize(
    ("text", "routes"),
    [
        ("Avoid injectable forms while breastfeeding.", {"injection"}),
        ("Use caution; avoid injectable forms.", {"injection"}),
        ("Do not inject during pregnancy.", {"injection"}),
        ("Topical use is unlikely to matter; avoid oral capsules.", {"oral"}),
    ],
)
def test_an_avoid_naming_a_route_forbids_only_that_route(text: str, routes: set[str]) -> None:
    advice = read_advice(text)
    assert advice.avoided_routes == routes
    assert advice.level == "caution"  # the compound itself stays, with a warning
    assert severity_of(text, None) == "caution"


def test_a_route_named_beside_an_avoid_does_not_limit_it() -> None:
    advice = read_advice("Known hypersensitivity to the tablet: contraindicated.")
    assert advice.level == "avoid"
    assert advice.avoided_routes == frozenset()


def test_avoiding_an_activity_is_not_advice_about_the_compound() -> None:
    assert read_advice("Avoid driving for several hours after a dose.").level is None


def test_silence_keeps_the_default() -> None:
    assert read_advice("Category B in animal studies.").level is None
    assert severity_of("Category B in animal studies.") == "contraindicated"
    assert severity_of("Category B in animal studies.", None) is None


def test_safe_words() -> None:
    assert read_advice("Generally safe at dietary intakes.").level == "safe"


def test_the_strongest_clause_wins_in_any_order() -> None:
    assert read_advice("Use caution. Not recommended in the first trimester.").level == "avoid"
    assert read_advice("Not recommended in the first trimester; use caution.").level == "avoid"


def test_route_families() -> None:
    assert route_family("Subcutaneous") == "injection"
    assert route_family("injectable") == "injection"
    assert route_family("oral") == "oral"
