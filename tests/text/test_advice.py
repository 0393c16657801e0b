"""One reading of advice words: the level a sentence gives and the routes it forbids."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from evidex.content.conditions_map import severity_of
from evidex.text.advice import LEVEL_ORDER, read_advice, route_family

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
    "Not for use in pregnancy.",
    "Unsafe during breastfeeding.",
    "Is not considered safe in pregnancy.",
    "Should not be administered to nursing mothers.",
    "Discontinue if pregnancy occurs.",
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


def test_contraindicated_in_so_many_words_is_told_apart_from_avoid() -> None:
    assert read_advice("Contraindicated with MAO inhibitors.").contraindicated
    assert not read_advice("Avoid the combination.").contraindicated
    assert not read_advice("Not contraindicated; monitor.").contraindicated


CLAUSES = [
    "Not recommended during pregnancy",
    "use with caution in renal impairment",
    "generally safe at dietary intakes",
    "Category B in animal studies",
    "avoid unless clearly needed",
    "monitor blood glucose",
    "avoid injectable forms",
]


@given(st.lists(st.sampled_from(CLAUSES), min_size=1, max_size=5), st.randoms())
def test_the_strongest_clause_decides_whatever_the_order(
    clauses: list[str], rng: random.Random
) -> None:
    alone = [read_advice(clause) for clause in clauses]
    ranks = sorted(LEVEL_ORDER[a.level] for a in alone if a.level is not None)
    rng.shuffle(clauses)
    together = read_advice("; ".join(clauses))
    expected = [lv for lv, rank in LEVEL_ORDER.items() if ranks and rank == ranks[0]]
    assert together.level == (expected[0] if expected else None)
    assert together.avoided_routes == frozenset().union(*(a.avoided_routes for a in alone))
