"""Interaction rules on a stack: which pairs fire, in what order, and which effects add up."""

from __future__ import annotations

from evidex.content.models import Compound, InteractionRule
from evidex.stack.catalog import StackCatalog
from evidex.stack.interactions import (
    BLOCKING,
    DEFAULT_ADDITIVE_ADVICE,
    Member,
    RuleBook,
    all_pairs,
    member_for,
    outside_member,
)


def compound(slug: str, title: str, **fields: object) -> Compound:
    return Compound.model_validate({"slug": slug, "title": title, "description": "", **fields})


def rule(rule_id: str, severity: str, advice: str, **fields: object) -> InteractionRule:
    return InteractionRule.model_validate(
        {"id": rule_id, "severity": severity, "advice": advice, **fields}
    )


COMPOUNDS = [
    compound("semaglutide", "Semaglutide", classes=["glp1"], effects=["lowers-blood-glucose"]),
    compound("tirzepatide", "Tirzepatide", classes=["glp1"], effects=["lowers-blood-glucose"]),
    compound("metformin", "Metformin", effects=["lowers-blood-glucose"]),
    compound("fish-oil", "Fish oil", names={"alternate": ["Omega-3"]}, effects=["thins-blood"]),
    compound("melatonin", "Melatonin", effects=["sedating"]),
    compound("zinc", "Zinc"),
]
RULES = [
    rule(
        "glp1-duplicate",
        "avoid",
        "do not combine two GLP-1 agonists",
        a_class="glp1",
        b_class="glp1",
    ),
    rule(
        "fish-oil-warfarin",
        "monitor",
        "watch for bleeding",
        a="Omega-3",
        b="Warfarin",
        source="label",
    ),
    rule(
        "fish-oil-warfarin-strong",
        "contraindicated",
        "not with warfarin",
        a="fish oil",
        b="warfarin",
    ),
    rule("zinc-fish", "minor", "take apart", a="Zinc", b="Fish oil", evidence="case reports"),
    rule("half", "monitor", "never fires", a="Zinc"),
    rule("glucose", "monitor", "check glucose", effect="lowers-blood-glucose", min_count=3),
]


def catalog(rules: list[InteractionRule] = RULES) -> StackCatalog:
    return StackCatalog.from_models(COMPOUNDS, [], rules, [], [])


def members(*slugs: str) -> list[Member]:
    cat = catalog()
    return [member_for(cat, slug) for slug in slugs]


def test_a_member_carries_the_profiles_classes_and_effects() -> None:
    sema = member_for(catalog(), "semaglutide", current=True)
    assert sema == Member(
        "semaglutide",
        "Semaglutide",
        frozenset({"glp1"}),
        frozenset({"lowers-blood-glucose"}),
        True,
    )
    assert outside_member("  Warfarin ") == Member("warfarin", "  Warfarin ", current=True)


def test_a_name_rule_matches_either_order_and_says_it_involves_a_current_medicine() -> None:
    book = RuleBook(catalog())
    fish = member_for(catalog(), "fish-oil")
    warfarin = outside_member("Warfarin")
    found = book.between(warfarin, fish)
    assert [(i.rule, i.severity) for i in found] == [
        ("fish-oil-warfarin-strong", "contraindicated"),  # most severe first
        ("fish-oil-warfarin", "monitor"),
    ]
    assert (found[1].a, found[1].b, found[1].source) == ("warfarin", "fish-oil", "label")
    assert all(i.with_current_medicine for i in found)
    assert [i.advice for i in book.between(fish, warfarin)] == [
        "not with warfarin",
        "watch for bleeding",
    ]


def test_severities_are_ordered_contraindicated_avoid_monitor_minor() -> None:
    rules = [
        rule("m", "minor", "1", a="Zinc", b="Melatonin"),
        rule("o", "monitor", "2", a="Zinc", b="Melatonin"),
        rule("c", "contraindicated", "3", a="Zinc", b="Melatonin"),
        rule("a", "avoid", "4", a="Zinc", b="Melatonin"),
    ]
    book = RuleBook(catalog(rules))
    zinc, melatonin = members("zinc", "melatonin")
    assert [i.severity for i in book.between(zinc, melatonin)] == [
        "contraindicated",
        "avoid",
        "monitor",
        "minor",
    ]
    assert {"contraindicated", "avoid"} == BLOCKING


def test_a_class_rule_fires_within_the_class_and_is_a_class_conflict() -> None:
    book = RuleBook(catalog())
    sema, tirz, metformin = members("semaglutide", "tirzepatide", "metformin")
    found = book.between(sema, tirz)
    assert [(i.rule, i.severity, i.with_current_medicine) for i in found] == [
        ("glp1-duplicate", "avoid", False)
    ]
    assert book.is_class_conflict(found[0])
    assert book.between(sema, metformin) == []
    zinc, fish = members("zinc", "fish-oil")
    named = book.between(zinc, fish)
    assert [(i.rule, i.evidence) for i in named] == [("zinc-fish", "case reports")]
    assert not book.is_class_conflict(named[0])
    unknown = named[0].model_copy(update={"rule": "not-in-this-library"})
    assert not book.is_class_conflict(unknown)


def test_a_rule_missing_one_side_never_fires() -> None:
    book = RuleBook(catalog())
    zinc, fish, melatonin = members("zinc", "fish-oil", "melatonin")
    assert [i.rule for i in book.between(zinc, melatonin)] == []
    assert [i.rule for i in book.between(melatonin, zinc)] == []
    assert [i.rule for i in book.between(fish, zinc)] == ["zinc-fish"]
    no_first = RuleBook(catalog([rule("b-only", "monitor", "x", b="Zinc")]))
    assert no_first.between(melatonin, zinc) == [] and no_first.between(zinc, melatonin) == []


def test_current_medicines_are_not_checked_against_each_other() -> None:
    book = RuleBook(catalog())
    stack = [
        member_for(catalog(), "fish-oil", current=True),
        outside_member("warfarin"),
        member_for(catalog(), "zinc"),
    ]
    assert [i.rule for i in all_pairs(book, stack)] == ["zinc-fish"]
    stack[0] = member_for(catalog(), "fish-oil")
    assert [i.rule for i in all_pairs(book, stack)] == [
        "fish-oil-warfarin-strong",
        "fish-oil-warfarin",
        "zinc-fish",
    ]


def test_an_additive_rule_fires_from_its_minimum_count() -> None:
    book = RuleBook(catalog())
    two = members("semaglutide", "metformin")
    assert book.additive(two) == []
    three = members("semaglutide", "metformin", "tirzepatide")
    [warning] = book.additive(three)
    assert warning.kind == "additive-effect"
    assert warning.message == (
        "3 items lowers blood glucose (Semaglutide, Metformin, Tirzepatide): check glucose"
    )
    assert warning.slugs == ["semaglutide", "metformin", "tirzepatide"]


def test_without_a_library_rule_two_sharing_an_effect_get_the_default_advice() -> None:
    book = RuleBook(catalog([]))
    assert book.additive(members("fish-oil", "melatonin")) == []
    [glucose] = book.additive(members("semaglutide", "metformin", "zinc"))
    assert glucose.message == (
        "2 items lowers blood glucose (Semaglutide, Metformin): "
        + DEFAULT_ADDITIVE_ADVICE["lowers-blood-glucose"]
    )
    assert glucose.slugs == ["semaglutide", "metformin"]
    thin = [
        member_for(catalog(), "fish-oil"),
        Member("aspirin", "Aspirin", effects=frozenset({"thins-blood"})),
    ]
    [bleeding] = book.additive(thin)
    assert bleeding.message.startswith("2 items thins blood (Fish oil, Aspirin): ")
    assert "bleeding" in bleeding.message


def test_an_effect_without_advice_adds_no_warning() -> None:
    book = RuleBook(catalog([]))
    odd = [Member(s, s, effects=frozenset({"tastes-odd"})) for s in ("a", "b", "c")]
    assert book.additive(odd) == []


def test_a_profiles_own_lines_warn_about_a_medicine_the_library_lacks() -> None:
    zinc = compound(
        "zinc",
        "Zinc",
        interactions=[
            "Warfarin: considered safe at usual doses.",
            "Warfarin: contraindicated with high-dose zinc.",
            "Warfarin: monitor INR.",
            "Fish oil: take apart.",
        ],
    )
    cat = StackCatalog.from_models([zinc, *COMPOUNDS[3:4]], [], [], [], [])
    book = RuleBook(cat)
    found = book.between(member_for(cat, "zinc"), outside_member("Warfarin"))
    assert [(i.severity, i.advice) for i in found] == [
        ("contraindicated", "Warfarin: contraindicated with high-dose zinc."),
        ("monitor", "Warfarin: monitor INR."),
    ]
    assert {(i.a, i.b, i.evidence, i.rule, i.with_current_medicine) for i in found} == {
        ("zinc", "warfarin", "profile", "profile:zinc", True)
    }
    # Between two profiled compounds only the library's rules speak.
    assert book.between(member_for(cat, "zinc"), member_for(cat, "fish-oil")) == []
