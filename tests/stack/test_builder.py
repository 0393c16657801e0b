"""build_stack on a small library: screening, interactions, dosing and conflicts."""

from __future__ import annotations

import datetime as dt

from evidex.stack.builder import build_stack
from evidex.stack.catalog import StackCatalog
from evidex.stack.models import StackRequest

MONDAY = dt.date(2025, 3, 3)


def _build(catalog: StackCatalog, **fields: object) -> object:
    return build_stack(StackRequest.model_validate({"start": MONDAY, **fields}), catalog)


def test_liver_health_ranks_by_tier_and_explains_with_the_rationale(catalog: StackCatalog) -> None:
    result = build_stack(StackRequest(goals=["liver-health"], start=MONDAY), catalog)
    assert [i.slug for i in result.items] == ["tenofovir", "interferon-alpha", "thymosin-alpha"]
    thymosin = result.items[2]
    assert thymosin.reason == (
        "Tier 3 for liver health: RCT n=316 and propensity-matched cohort n=468; "
        "not superior to interferon-alpha"
    )
    assert thymosin.rank_inputs.tier == 3
    assert thymosin.regimen is not None
    assert thymosin.regimen.text == "1.6 mg subcutaneous twice weekly for 6-12 months"


def test_goal_found_by_synonym(catalog: StackCatalog) -> None:
    result = build_stack(StackRequest(goals=["Hepatitis B"]), catalog)
    assert result.items and result.items[0].goal == "liver-health"


def test_immunosuppressed_excludes_thymosin_in_the_profiles_words(catalog: StackCatalog) -> None:
    request = StackRequest(goals=["liver-health"], conditions=["organ transplant"])
    result = build_stack(request, catalog)
    assert "thymosin-alpha" not in [i.slug for i in result.items]
    excluded = {e.slug: e.reason for e in result.excluded}
    assert excluded["thymosin-alpha"] == (
        "Immunosuppressed patients (e.g., organ transplant recipients) unless benefits "
        "outweigh risks"
    )


def test_pregnancy_avoid_unless_clearly_needed_excludes_and_category_x_too(
    catalog: StackCatalog,
) -> None:
    # Someone building their own stack has no clinician to judge "clearly needed".
    result = build_stack(StackRequest(goals=["liver-health", "skin"], pregnant=True), catalog)
    assert "thymosin-alpha" not in [i.slug for i in result.items]
    excluded = {e.slug: e.reason for e in result.excluded}
    assert excluded["thymosin-alpha"] == "Pregnancy (category C): Avoid unless clearly needed."
    assert "birth defects" in excluded["retinol-high-dose"]


def test_breastfeeding_matches_a_statement_mapped_only_to_pregnancy(
    catalog: StackCatalog,
) -> None:
    result = build_stack(StackRequest(goals=["liver-health"], breastfeeding=True), catalog)
    thymosin = next(i for i in result.items if i.slug == "thymosin-alpha")
    assert "Pregnancy and breastfeeding (use caution)" in thymosin.cautions
    assert "Breastfeeding: Unknown if excreted in breast milk; use caution." in thymosin.cautions


def test_under_18_gets_the_profiles_children_special_case_and_18_does_not(
    catalog: StackCatalog,
) -> None:
    # The children's section fallback (dosage headings) is covered in test_screening.py.
    result = build_stack(StackRequest(goals=["liver-health"], age=17), catalog)
    thymosin = next(i for i in result.items if i.slug == "thymosin-alpha")
    assert thymosin.cautions == [
        "Children: Safety and efficacy have not been established in patients below the age "
        "of 18 years."
    ]
    adult = build_stack(StackRequest(goals=["liver-health"], age=18), catalog)
    assert next(i for i in adult.items if i.slug == "thymosin-alpha").cautions == []


def test_renal_impairment_shows_the_special_case_and_excludes_metformin(
    catalog: StackCatalog,
) -> None:
    request = StackRequest(
        goals=["liver-health", "blood-sugar"], conditions=["kidney disease"], max_items=6
    )
    result = build_stack(request, catalog)
    thymosin = next(i for i in result.items if i.slug == "thymosin-alpha")
    assert (
        "Patients with Renal Impairment: Use with caution; dosage adjustments may be needed."
        in thymosin.cautions
    )
    assert {e.slug: e.reason for e in result.excluded}["metformin"] == (
        "Severe renal impairment (eGFR below 30)"
    )


def test_tested_athlete_never_gets_a_banned_compound(catalog: StackCatalog) -> None:
    result = build_stack(StackRequest(goals=["muscle"], tested_athlete=True), catalog)
    assert result.items == []
    assert {e.slug for e in result.excluded} == {"ipamorelin", "mk-677"}
    assert all(e.kind == "banned" for e in result.excluded)
    assert any(w.kind == "no-candidates" for w in result.warnings)


def test_cancer_history_blocks_the_secretagogue_whose_profile_says_so(
    catalog: StackCatalog,
) -> None:
    result = build_stack(StackRequest(goals=["muscle"], conditions=["cancer-history"]), catalog)
    assert {e.slug: e.reason for e in result.excluded}["ipamorelin"] == "Active or past malignancy"
    assert [i.slug for i in result.items] == ["mk-677"]


def test_no_injections_drops_injection_only_compounds(catalog: StackCatalog) -> None:
    result = build_stack(StackRequest(goals=["liver-health"], no_injections=True), catalog)
    assert [i.slug for i in result.items] == ["tenofovir"]
    assert {e.slug for e in result.excluded if e.kind == "route"} == {
        "interferon-alpha",
        "thymosin-alpha",
    }


def test_class_based_interactions_fire_for_two_immunomodulators(catalog: StackCatalog) -> None:
    result = build_stack(StackRequest(goals=["liver-health"]), catalog)
    pair = {"interferon-alpha", "thymosin-alpha"}
    found = {i.rule: i for i in result.interactions if {i.a, i.b} == pair}
    assert found["immunomodulators"].advice == "caution with other immunomodulating agents"
    assert found["immunomodulators"].severity == "monitor"
    assert found["same-syringe"].advice == "do not mix in the same syringe"
    thymosin = next(i for i in result.items if i.slug == "thymosin-alpha")
    assert thymosin.rank_inputs.interaction_penalty == 2


def test_class_conflict_keeps_the_better_ranked_glp1(catalog: StackCatalog) -> None:
    result = build_stack(StackRequest(goals=["weight-loss"]), catalog)
    assert [i.slug for i in result.items] == ["semaglutide"]
    excluded = {e.slug: e for e in result.excluded}
    assert excluded["liraglutide"].kind == "class-conflict"
    assert "Semaglutide" in excluded["liraglutide"].reason
    assert any(w.kind == "class-conflict" for w in result.warnings)


def test_additive_glucose_lowering_is_a_warning(catalog: StackCatalog) -> None:
    result = build_stack(StackRequest(goals=["blood-sugar"]), catalog)
    assert {i.slug for i in result.items} == {"metformin", "semaglutide"}
    additive = [w for w in result.warnings if w.kind == "additive-effect"]
    assert len(additive) == 1
    assert set(additive[0].slugs) == {"metformin", "semaglutide"}
    assert "lowers blood glucose" in additive[0].message


def test_current_medicine_counts_toward_additive_effects_and_conflicts(
    catalog: StackCatalog,
) -> None:
    request = StackRequest(goals=["weight-loss"], taking=["Liraglutide", "metformin"])
    result = build_stack(request, catalog)
    assert result.current_medicines == ["liraglutide", "metformin"]
    assert "semaglutide" in {e.slug for e in result.excluded}
    assert result.items == []


def test_unknown_names_are_reported_and_rule_names_are_not(catalog: StackCatalog) -> None:
    request = StackRequest(
        goals=["liver-health", "longevity"],
        taking=["Zadaxin", "Iodinated contrast", "Frobnicol"],
        conditions=["gout"],
    )
    result = build_stack(request, catalog)
    assert result.unknown_names == ["longevity", "gout", "Frobnicol"]
    assert "thymosin-alpha" in result.current_medicines
    assert "thymosin-alpha" not in [i.slug for i in result.items]


def test_weight_under_40_kg_uses_the_per_kg_regimen_with_exact_arithmetic(
    catalog: StackCatalog,
) -> None:
    result = build_stack(StackRequest(goals=["liver-health"], weight_kg=35), catalog)
    thymosin = next(i for i in result.items if i.slug == "thymosin-alpha")
    assert thymosin.regimen is not None
    assert thymosin.regimen.amount == "1.4 mg"
    assert thymosin.regimen.calculation == "40 mcg/kg × 35 kg = 1.4 mg"
    assert thymosin.duration == "6-12 months"


def test_weight_above_the_bound_keeps_the_adult_regimen(catalog: StackCatalog) -> None:
    result = build_stack(StackRequest(goals=["liver-health"], weight_kg=72.5), catalog)
    thymosin = next(i for i in result.items if i.slug == "thymosin-alpha")
    assert thymosin.regimen is not None and thymosin.regimen.amount == "1.6 mg"


def test_check_mode_screens_a_given_stack(catalog: StackCatalog) -> None:
    request = StackRequest(check=["Zadaxin", "interferon alpha", "Mystery peptide"])
    result = build_stack(request, catalog)
    assert [i.slug for i in result.items] == ["thymosin-alpha", "interferon-alpha"]
    assert result.unknown_names == ["Mystery peptide"]
    assert any(i.rule == "immunomodulators" for i in result.interactions)


def test_monitoring_union_and_combinations(catalog: StackCatalog) -> None:
    result = build_stack(StackRequest(goals=["liver-health"]), catalog)
    assert result.monitoring[:2] == ["Renal function", "Complete blood count"]
    assert "HBV DNA" in result.monitoring
    # "liver function tests" and "Liver function tests" fold to one parameter.
    assert sum(m.lower() == "liver function tests" for m in result.monitoring) == 1
    combo = next(c for c in result.combinations if c.compound == "thymosin-alpha")
    assert (combo.slug, combo.status) == ("interferon-alpha", "in-stack")


def test_max_items_limits_the_stack(catalog: StackCatalog) -> None:
    result = build_stack(StackRequest(goals=["liver-health"], max_items=1), catalog)
    assert [i.slug for i in result.items] == ["tenofovir"]
