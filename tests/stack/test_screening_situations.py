"""Screening a person against profiles written in other styles than the bundled ones.

The profiles in fixtures/profiles/ are parsed by the real profile parser; each test is one
person's situation and checks what they are (and are not) offered, in the profile's words.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from evidex.content.conditions_map import DEFAULT_CONDITIONS
from evidex.content.models import Compound, Goal
from evidex.content.profile import parse_profile
from evidex.stack.builder import UnknownGoalsError, build_stack
from evidex.stack.catalog import StackCatalog
from evidex.stack.models import StackRequest, StackResult

PROFILES = Path(__file__).parent / "fixtures" / "profiles"


def _profile(path: Path) -> Compound:
    compound, diagnostics = parse_profile(path.read_text(encoding="utf-8"), str(path))
    assert compound is not None, diagnostics
    return compound


@pytest.fixture(scope="module")
def catalog() -> StackCatalog:
    return StackCatalog.from_models(
        [_profile(path) for path in sorted(PROFILES.glob("*.md"))],
        [],
        [],
        DEFAULT_CONDITIONS,
        [Goal(slug="sleep", name="Sleep"), Goal(slug="skin-health", name="Skin health")],
    )


def _build(catalog: StackCatalog, **fields: object) -> StackResult:
    # These compounds have no graded studies (Tier 5); the rules under test are the screening
    # ones, so the reader here asked to see Tier 5 compounds too.
    request = {"goals": ["sleep"], "include_preclinical": True, **fields}
    return build_stack(StackRequest.model_validate(request), catalog)


def _excluded(result: StackResult) -> dict[str, str]:
    return {e.slug: e.reason for e in result.excluded}


def _offered(result: StackResult) -> list[str]:
    return [item.slug for item in result.items]


def test_contraindicated_in_pregnancy_excludes_with_the_profiles_sentence(
    catalog: StackCatalog,
) -> None:
    result = _build(catalog, pregnant=True)
    assert "nightcalm" not in _offered(result)
    assert _excluded(result)["nightcalm"] == "Contraindicated in pregnancy."


def test_breastfeeding_without_pregnancy_applies_only_the_breastfeeding_advice(
    catalog: StackCatalog,
) -> None:
    result = _build(catalog, breastfeeding=True)
    # "Avoid unless clearly needed": nobody building their own stack can judge the need.
    assert _excluded(result)["nightcalm"] == "Breastfeeding: Avoid unless clearly needed."
    assert "pregnan" not in _excluded(result)["nightcalm"].lower()


def test_an_adult_without_conditions_is_offered_the_compound(catalog: StackCatalog) -> None:
    result = _build(catalog, age=40)
    assert "nightcalm" in _offered(result)
    assert result.items[0].cautions == []


def test_seventeen_is_a_child_and_eighteen_is_not(catalog: StackCatalog) -> None:
    child = _build(catalog, age=17)
    assert _excluded(child)["nightcalm"] == (
        "Not recommended for children and adolescents below the age of 18."
    )
    assert "nightcalm" in _offered(_build(catalog, age=18))


def test_sixty_five_gets_the_elderly_caution_and_sixty_four_does_not(
    catalog: StackCatalog,
) -> None:
    elderly = "Elderly Patients: Use with caution; start at 1 mg because clearance is slower."
    older = _build(catalog, age=65)
    assert older.items[0].slug == "nightcalm"
    assert elderly in older.items[0].cautions
    assert "Over 65: use caution." in next(i for i in older.items if i.slug == "slimtide").cautions
    younger = _build(catalog, age=64)
    assert all(elderly not in item.cautions for item in younger.items)


def test_use_with_caution_stays_a_caution(catalog: StackCatalog) -> None:
    result = _build(catalog, conditions=["renal impairment"])
    nightcalm = next(item for item in result.items if item.slug == "nightcalm")
    assert nightcalm.cautions == [
        "Patients with Renal Impairment: Use with caution in renal impairment."
    ]


def test_not_recommended_during_pregnancy_excludes(catalog: StackCatalog) -> None:
    result = _build(catalog, goals=["skin-health"], pregnant=True)
    assert _excluded(result)["dermapep"] == "Pregnancy: Not recommended during pregnancy."


def test_avoid_injectable_forms_removes_the_injection_and_keeps_the_cream(
    catalog: StackCatalog,
) -> None:
    result = _build(catalog, goals=["skin-health"], breastfeeding=True)
    (item,) = result.items
    sentence = "Breastfeeding: Avoid injectable forms while breastfeeding; the cream may be used."
    assert item.avoided_routes == {"injection": sentence}
    assert item.regimen is None  # the only dosed regimen is the injection
    assert item.route == "topical"
    assert sentence in item.cautions


def test_injections_are_offered_to_someone_not_breastfeeding(catalog: StackCatalog) -> None:
    (item,) = _build(catalog, goals=["skin-health"]).items
    assert item.regimen is not None and item.regimen.route == "subcutaneous"
    assert item.avoided_routes == {}


def test_the_reason_quoted_is_the_line_for_the_persons_situation(catalog: StackCatalog) -> None:
    result = _build(catalog, conditions=["cancer"])
    assert _excluded(result)["slimtide"] == (
        "Cancer, current or treated: contraindicated while active; use caution after remission."
    )


def test_a_request_whose_goals_are_all_unknown_is_an_error(catalog: StackCatalog) -> None:
    with pytest.raises(UnknownGoalsError) as raised:
        _build(catalog, goals=["levitation", "telepathy"])
    assert raised.value.names == ["levitation", "telepathy"]
    assert "sleep" in str(raised.value)


def test_one_known_goal_among_unknown_ones_still_builds(catalog: StackCatalog) -> None:
    result = _build(catalog, goals=["sleep", "levitation"])
    assert "nightcalm" in _offered(result)
    assert result.unknown_names == ["levitation"]


def test_a_medicine_a_profile_names_in_its_interactions_is_recognised(
    catalog: StackCatalog,
) -> None:
    result = _build(catalog, taking=["Ketoconazole"])
    assert result.unknown_names == []
    (found,) = [i for i in result.interactions if i.a == "nightcalm"]
    assert found.severity == "monitor"
    assert found.advice == "Ketoconazole raises levels; monitor for drowsiness."


def test_a_medicine_named_only_in_the_monitoring_is_recognised_and_paired(
    catalog: StackCatalog,
) -> None:
    for field in ("taking", "check"):
        names = ["lithium"] if field == "taking" else ["nightcalm", "lithium"]
        result = _build(catalog, **{field: names})
        assert result.unknown_names == []
        (found,) = [i for i in result.interactions if i.a == "nightcalm"]
        assert (found.b, found.severity) == ("lithium", "monitor")
        assert found.advice == "Monitor lithium levels when taken with lithium"


def test_a_precaution_about_the_persons_situation_is_shown(catalog: StackCatalog) -> None:
    (item,) = _build(catalog, goals=["skin-health"], age=70).items
    assert item.cautions == ["Use cautiously in older adults; skin heals more slowly."]
    (younger,) = _build(catalog, goals=["skin-health"], age=40).items
    assert younger.cautions == []


def test_an_age_limited_childrens_warning_applies_below_its_age_only(
    catalog: StackCatalog,
) -> None:
    for age, kept in ((1, False), (11, False), (12, True), (16, True)):
        result = _build(catalog, goals=["skin-health"], age=age)
        assert ("dermapep" in _offered(result)) is kept, age


def test_a_compound_given_only_by_a_route_ruled_out_is_excluded_for_that_route(
    catalog: StackCatalog,
) -> None:
    result = _build(catalog, breastfeeding=True)
    (excluded,) = [e for e in result.excluded if e.slug == "slimtide"]
    assert excluded.kind == "route"
    assert excluded.reason == (
        "Only given by injection: Breastfeeding: Do not inject while breastfeeding."
    )
    assert "slimtide" in _offered(_build(catalog, pregnant=False))
