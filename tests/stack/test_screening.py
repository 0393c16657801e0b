"""Screening one compound for one person: who is excluded, who is cautioned, in whose words."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from evidex.content.models import Compound, Condition
from evidex.stack.screening import (
    Screening,
    Situation,
    condition_words,
    is_injection_only,
    screen,
    situation_conditions,
)


def compound(**fields: object) -> Compound:
    return Compound.model_validate({"slug": "x", "title": "X", "description": "", **fields})


def person(*conditions: str, **facts: object) -> Situation:
    return Situation(conditions=frozenset(conditions), **facts)


WORDS = {
    "renal-impairment": ("kidney disease", "renal impairment"),
    "pregnancy": ("pregnancy", "pregnant"),
    "breastfeeding": ("breastfeeding", "lactation"),
    "under-18": ("under 18", "children"),
}


# ---------------------------------------------------------------------- the situation


@pytest.mark.parametrize(
    ("age", "expected"),
    [
        (None, set()),
        (0, {"under-18"}),
        (17, {"under-18"}),
        (18, set()),  # an 18-year-old is an adult
        (64, set()),
        (65, {"elderly"}),  # a 65-year-old is elderly
        (90, {"elderly"}),
    ],
)
def test_an_18_year_old_is_an_adult_and_a_65_year_old_elderly(
    age: int | None, expected: set[str]
) -> None:
    assert situation_conditions([], False, False, age) == expected


def test_pregnancy_and_breastfeeding_are_conditions_of_their_own() -> None:
    assert situation_conditions(["asthma"], True, False, 30) == {"asthma", "pregnancy"}
    assert situation_conditions([], False, True, None) == {"breastfeeding"}
    assert situation_conditions([], True, True, None) == {"pregnancy", "breastfeeding"}


def test_condition_words_are_the_lower_case_names_longer_than_three_letters() -> None:
    conditions = {
        "renal-impairment": Condition(
            slug="renal-impairment",
            name="Kidney Disease",
            synonyms=["CKD", "Renal failure", "ESRD", "ESKD5"],
        ),
        "hiv": Condition(slug="hiv", name="HIV", synonyms=["HIV infection"]),
    }
    assert condition_words(conditions) == {
        "renal-impairment": (
            "eskd5",
            "esrd",
            "kidney disease",
            "renal failure",
            "renal impairment",
        ),
        "hiv": ("hiv infection",),
    }


@pytest.mark.parametrize(
    ("routes", "regimen_routes", "only"),
    [
        (["subcutaneous"], [], True),
        (["Intramuscular", "intravenous"], [], True),
        (["subcutaneous", "oral"], [], False),
        ([], ["injection"], True),
        (["subcutaneous"], ["oral"], False),
        ([], [], False),  # no route written: not known to be injection-only
        (["subcutaneous", "intramuscular", "intravenous", "injection"], [], True),
    ],
)
def test_injection_only_means_every_route_is_an_injection(
    routes: list[str], regimen_routes: list[str], only: bool
) -> None:
    regimens = [
        {"amount_min": 1, "amount_max": 1, "unit": "mg", "route": r} for r in regimen_routes
    ]
    assert is_injection_only(compound(routes=routes, regimens=regimens)) is only


# ------------------------------------------------------------------ sport and injections


def test_a_tested_athlete_is_kept_from_a_banned_compound_with_the_ban_named() -> None:
    banned = compound(is_banned=True, ban_details="WADA S2 peptide hormones")
    result = screen(banned, person(tested_athlete=True))
    assert (result.excluded_reason, result.kind) == (
        "Prohibited in tested sport: WADA S2 peptide hormones",
        "banned",
    )
    assert result.excluded
    bare = screen(compound(is_banned=True), person(tested_athlete=True))
    assert bare.excluded_reason == "Prohibited in tested sport"
    assert not screen(banned, person()).excluded
    assert not screen(compound(), person(tested_athlete=True)).excluded


def test_no_injections_keeps_away_compounds_given_only_by_injection() -> None:
    injected = compound(routes=["subcutaneous", "intramuscular"])
    result = screen(injected, person(no_injections=True))
    assert (result.excluded_reason, result.kind) == (
        "Only given by injection (intramuscular, subcutaneous)",
        "route",
    )
    by_regimen = compound(
        regimens=[{"amount_min": 1, "amount_max": 1, "unit": "mg", "route": "intravenous"}]
    )
    assert screen(by_regimen, person(no_injections=True)).excluded_reason == (
        "Only given by injection (injection)"
    )
    assert not screen(injected, person()).excluded
    assert not screen(
        compound(routes=["oral", "subcutaneous"]), person(no_injections=True)
    ).excluded


def test_a_kept_compound_has_no_reason_and_is_a_plain_screening() -> None:
    result = screen(compound(), person("renal-impairment"))
    assert result == Screening(None, "screening", [])
    assert not result.excluded


# ----------------------------------------------------------------- contraindications


def test_a_mapped_contraindication_excludes_in_the_profiles_words() -> None:
    drug = compound(
        contraindications=[{"text": "Severe eGFR below 30", "condition": "renal-impairment"}]
    )
    # No words name the condition: the mapping alone decides.
    assert screen(drug, person("renal-impairment")).excluded_reason == "Severe eGFR below 30"
    assert not screen(drug, person("asthma")).excluded


def test_an_unmapped_contraindication_is_matched_by_the_conditions_words() -> None:
    drug = compound(contraindications=[{"text": "Known kidney disease", "condition": None}])
    situation = person("renal-impairment", condition_words=WORDS)
    assert screen(drug, situation).excluded_reason == "Known kidney disease"
    # Words start at a word boundary: "nonpregnant" does not name pregnancy.
    other = compound(contraindications=[{"text": "Nonpregnant adults only", "condition": None}])
    assert not screen(other, person("pregnancy", condition_words=WORDS)).excluded


def test_a_contraindication_mapped_elsewhere_still_matches_by_its_words() -> None:
    drug = compound(
        contraindications=[{"text": "Pregnancy and breastfeeding", "condition": "pregnancy"}]
    )
    result = screen(drug, person("breastfeeding", condition_words=WORDS))
    assert result.excluded_reason == "Pregnancy and breastfeeding"


@pytest.mark.parametrize(
    "text",
    [
        "Renal impairment (use caution)",
        "Renal impairment: with caution",
        "Renal impairment - caution advised",
    ],
)
def test_a_contraindication_written_as_a_caution_only_cautions(text: str) -> None:
    drug = compound(contraindications=[{"text": text, "condition": "renal-impairment"}])
    result = screen(drug, person("renal-impairment"))
    assert result.excluded_reason is None
    assert result.cautions == [text]


def test_a_caution_severity_cautions_and_the_next_contraindication_still_excludes() -> None:
    drug = compound(
        contraindications=[
            {
                "text": "Mild renal impairment",
                "condition": "renal-impairment",
                "severity": "caution",
            },
            {"text": "Pregnancy", "condition": "pregnancy"},
        ]
    )
    cautioned = screen(drug, person("renal-impairment"))
    assert (cautioned.excluded_reason, cautioned.cautions) == (None, ["Mild renal impairment"])
    both = screen(drug, person("renal-impairment", "pregnancy"))
    assert both.excluded_reason == "Pregnancy"


# --------------------------------------------------------------------- special cases


def test_a_contraindicated_special_case_excludes_and_others_caution() -> None:
    drug = compound(
        special_cases=[
            {
                "population": "Patients with Renal Impairment",
                "text": "Do not use below eGFR 30.",
                "condition": "renal-impairment",
                "severity": "contraindicated",
            },
            {
                "population": "Elderly Patients",
                "text": "Start at the lower dose.",
                "condition": "elderly",
            },
        ]
    )
    excluded = screen(drug, person("renal-impairment", "elderly"))
    assert excluded.excluded_reason == "Patients with Renal Impairment: Do not use below eGFR 30."
    cautioned = screen(drug, person("elderly"))
    assert cautioned.excluded_reason is None
    assert cautioned.cautions == ["Elderly Patients: Start at the lower dose."]


def test_a_special_case_is_found_by_the_words_of_its_population() -> None:
    drug = compound(
        special_cases=[
            {"population": "Kidney disease", "text": "Halve the dose.", "condition": None}
        ]
    )
    result = screen(drug, person("renal-impairment", condition_words=WORDS))
    assert result.cautions == ["Kidney disease: Halve the dose."]


# ------------------------------------------------------------------------ life stages


def test_pregnancy_category_x_excludes_in_pregnancy() -> None:
    drug = compound(
        pregnancy_category="x (positive evidence of risk)", pregnancy="Causes birth defects."
    )
    assert screen(drug, person("pregnancy")).excluded_reason == (
        "Pregnancy category x (positive evidence of risk): Causes birth defects."
    )
    unworded = compound(pregnancy_category="X")
    assert screen(unworded, person("pregnancy")).excluded_reason == (
        "Pregnancy category X: not to be used in pregnancy"
    )
    assert not screen(unworded, person("breastfeeding")).excluded


def test_pregnancy_advice_that_says_avoid_excludes_in_its_own_words() -> None:
    drug = compound(pregnancy_category="C", pregnancy="Avoid unless clearly needed.")
    result = screen(drug, person("pregnancy"))
    assert result.excluded_reason == "Pregnancy (category C): Avoid unless clearly needed."
    assert not screen(drug, person("breastfeeding")).excluded


def test_pregnancy_advice_is_a_caution_with_its_category() -> None:
    drug = compound(pregnancy_category=" c ", pregnancy="Limited human data; use with caution.")
    assert screen(drug, person("pregnancy")).cautions == [
        "Pregnancy (category C): Limited human data; use with caution."
    ]
    uncategorised = compound(pregnancy="Limited human data; use with caution.")
    assert screen(uncategorised, person("pregnancy")).cautions == [
        "Pregnancy: Limited human data; use with caution."
    ]
    assert screen(compound(pregnancy_category="C"), person("pregnancy")).cautions == []


def test_breastfeeding_without_pregnancy_gets_only_the_breastfeeding_advice() -> None:
    drug = compound(
        pregnancy_category="C",
        pregnancy="Limited human data; use with caution.",
        breastfeeding="Unknown if excreted in breast milk.",
    )
    assert screen(drug, person("breastfeeding")).cautions == [
        "Breastfeeding: Unknown if excreted in breast milk."
    ]
    assert screen(drug, person("pregnancy")).cautions == [
        "Pregnancy (category C): Limited human data; use with caution."
    ]
    assert screen(drug, person()).cautions == []
    assert screen(compound(), person("breastfeeding")).cautions == []


CHILDREN_DOSAGE = """\
## Adults
- 1.6 mg twice weekly
## Paediatric use
- 0.8 mg twice weekly

Not studied below the age of 2.
- under 2: not studied
### Elderly
- no adjustment
"""


def test_under_18_gets_every_statement_about_children_from_the_profile() -> None:
    drug = compound(
        regimens=[
            {"amount_min": 1, "amount_max": 1, "unit": "mg", "text": "1 mg daily in adults"},
            {
                "amount_min": 0.5,
                "amount_max": 0.5,
                "unit": "mg",
                "population": "children 6-12",
                "text": "0.5 mg daily for children",
            },
            {"amount_min": 2, "amount_max": 2, "unit": "mg", "population": "children"},
        ],
        special_cases=[{"population": "Pediatric patients", "text": "Safety not established."}],
        precautions=["Monitor liver tests. Not for adolescents; growth may slow.\nTake with food."],
        sections=[
            {"key": "usage", "title": "Usage", "markdown": "## Children\n- never in usage"},
            {"key": "dosage", "title": "Dosage", "markdown": CHILDREN_DOSAGE},
        ],
    )
    result = screen(drug, person("under-18"))
    assert result.cautions == [
        "Children: 0.5 mg daily for children",
        "Children: Safety not established.",
        "Children: Not for adolescents;",
        "Children: 0.8 mg twice weekly",
        "Children: under 2: not studied",
    ]
    assert screen(drug, person()).cautions == []


def test_a_childrens_heading_in_the_dosage_section_alone_is_found() -> None:
    # The fallback when the profile has no child regimen, special case or precaution.
    drug = compound(
        sections=[
            {
                "key": "dosage",
                "title": "Dosage",
                "markdown": (
                    "Intro line\n- adult bullet\n  #### Children (under 12)\n-   5 mg once\n"
                    "- -2 mg if vomiting\n"
                ),
            }
        ]
    )
    assert screen(drug, person("under-18")).cautions == [
        "Children: 5 mg once",
        "Children: -2 mg if vomiting",
    ]


def test_under_18_already_covered_by_a_contraindication_is_not_repeated() -> None:
    drug = compound(
        contraindications=[
            {"text": "Children under 18 (use caution)", "condition": "under-18"},
        ],
        special_cases=[{"population": "Children", "text": "Not studied."}],
    )
    # The profile's own under-18 statement stands for the children's section.
    assert screen(drug, person("under-18")).cautions == ["Children under 18 (use caution)"]
    assert screen(
        drug.model_copy(update={"contraindications": []}), person("under-18")
    ).cautions == ["Children: Not studied."]


def test_the_same_advice_is_given_once_with_its_spacing_tidied() -> None:
    drug = compound(
        contraindications=[
            {"text": "Renal  impairment\n(use caution)", "condition": "renal-impairment"},
            {"text": "Renal impairment (use caution)", "condition": "renal-impairment"},
        ]
    )
    assert screen(drug, person("renal-impairment")).cautions == ["Renal impairment (use caution)"]


# ------------------------------------------------------------------------- property

CONDITIONS = ["renal-impairment", "pregnancy", "breastfeeding", "under-18", "elderly", "asthma"]
PROFILE = compound(
    contraindications=[
        {"text": "Severe renal impairment", "condition": "renal-impairment"},
        {"text": "Asthma (use caution)", "condition": "asthma"},
    ],
    special_cases=[
        {
            "population": "Elderly",
            "text": "Do not use.",
            "condition": "elderly",
            "severity": "contraindicated",
        },
    ],
    pregnancy_category="X",
    breastfeeding="Avoid.",
)


@given(
    before=st.sets(st.sampled_from(CONDITIONS)),
    added=st.sampled_from(CONDITIONS),
)
def test_adding_a_condition_never_brings_back_an_excluded_compound(
    before: set[str], added: str
) -> None:
    first = screen(PROFILE, person(*before, condition_words=WORDS))
    then = screen(PROFILE, person(*before, added, condition_words=WORDS))
    if first.excluded:
        assert then.excluded
    assert set(first.cautions) <= set(then.cautions) or then.excluded


def test_a_special_case_about_children_stands_for_the_childrens_section() -> None:
    drug = compound(
        special_cases=[
            {
                "population": "Children",
                "text": "Not established below 18.",
                "condition": "under-18",
                "severity": "caution",
            }
        ],
        precautions=["Not for children under 12."],
    )
    assert screen(drug, person("under-18")).cautions == ["Children: Not established below 18."]


# ------------------------------------------------ which words decide, and which are quoted


def test_the_most_direct_forbidding_statement_is_quoted() -> None:
    words = {"renal-impairment": ("renal impairment",)}
    tail = {"text": "Dialysis: do not use; worse with renal impairment", "condition": None}
    mapped = {"text": "Severe disease: do not use", "condition": "renal-impairment"}
    lead = {"text": "Renal impairment (stage 4): do not use", "condition": None}
    situation = person("renal-impairment", condition_words=words)
    all_three = compound(contraindications=[tail, mapped, lead])
    assert screen(all_three, situation).excluded_reason == "Renal impairment (stage 4): do not use"
    assert screen(compound(contraindications=[tail, mapped]), situation).excluded_reason == (
        "Severe disease: do not use"
    )
    # Words inside the lead's parentheses are an example, not who it is about.
    example = {"text": "Kidney axis (e.g. renal impairment): do not use", "condition": None}
    both = compound(contraindications=[tail, example])
    assert screen(both, situation).excluded_reason == (
        "Dialysis: do not use; worse with renal impairment"
    )


def test_a_contraindication_naming_pregnancy_is_quoted_before_the_pregnancy_field() -> None:
    drug = compound(
        contraindications=[{"text": "Pregnancy: do not use", "condition": "pregnancy"}],
        pregnancy="Avoid.",
        breastfeeding="Avoid.",
    )
    situation = person("pregnancy", condition_words=WORDS)
    assert screen(drug, situation).excluded_reason == "Pregnancy: do not use"
    nursing = compound(
        contraindications=[{"text": "Breastfeeding: do not use", "condition": "breastfeeding"}],
        breastfeeding="Avoid.",
    )
    nursing_mother = person("breastfeeding", condition_words=WORDS)
    assert screen(nursing, nursing_mother).excluded_reason == "Breastfeeding: do not use"


def test_a_pregnancy_category_is_its_letter() -> None:
    drug = compound(pregnancy_category="B (no human data)", pregnancy="Limited human data.")
    assert screen(drug, person("pregnancy")).cautions == [
        "Pregnancy (category B): Limited human data."
    ]


def test_a_special_case_without_advice_words_follows_its_severity() -> None:
    drug = compound(
        special_cases=[
            {
                "population": "Renal impairment",
                "text": "eGFR below 30",
                "condition": "renal-impairment",
                "severity": "contraindicated",
            }
        ]
    )
    assert screen(drug, person("renal-impairment")).excluded_reason == (
        "Renal impairment: eGFR below 30"
    )


def test_a_childrens_warning_limited_to_an_age_excludes_only_below_it() -> None:
    drug = compound(precautions=["Monitor liver tests. Contraindicated in children under 2."])
    teen = screen(drug, person("under-18", age=16))
    assert (teen.excluded_reason, teen.cautions) == (
        None,
        ["Children: Contraindicated in children under 2."],
    )
    assert screen(drug, person("under-18", age=1)).excluded_reason == (
        "Children: Contraindicated in children under 2."
    )
    # Without an age the limit cannot be checked: the warning stands.
    assert screen(drug, person("under-18")).excluded_reason == (
        "Children: Contraindicated in children under 2."
    )


def test_routes_ruled_out_one_by_one_exclude_a_compound_given_only_by_them() -> None:
    drug = compound(
        routes=["subcutaneous", "oral"],
        contraindications=[{"text": "Kidney disease: avoid oral forms", "condition": None}],
    )
    situation = person("renal-impairment", no_injections=True, condition_words=WORDS)
    result = screen(drug, situation)
    assert (result.excluded_reason, result.kind) == (
        "Only given by injection, oral: You asked for no injections; Kidney disease: avoid "
        "oral forms",
        "route",
    )
    kept = screen(drug, person("renal-impairment", condition_words=WORDS))
    assert (kept.excluded_reason, kept.avoided_routes) == (
        None,
        {"oral": "Kidney disease: avoid oral forms"},
    )


@pytest.mark.parametrize(
    "limit", ["under twelve", "younger than twelve years", "below the age of 12"]
)
def test_an_age_limit_in_words_or_digits_excludes_only_below_it(limit: str) -> None:
    warning = f"Contraindicated in children {limit}."
    drug = compound(precautions=[f"Monitor liver tests. {warning}"])
    assert screen(drug, person("under-18", age=16)).excluded_reason is None
    assert screen(drug, person("under-18", age=11)).excluded_reason == f"Children: {warning}"
