"""Profiles written the ways real ones go wrong (other heading styles, list marks, FAQ keys,
value types, dose notations) load into the right Compound, with each repair reported at
its line."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from evidex.content.models import Compound, Condition
from evidex.content.profile import parse_profile
from evidex.content.vocab import parse_conditions
from evidex.content.yamlload import decode_text

UNSEEN = Path(__file__).parent / "fixtures" / "profiles" / "unseen_style"
INVALID = Path(__file__).parent / "fixtures" / "profiles" / "unseen_style_invalid"
CONTENT = Path(__file__).resolve().parents[2] / "content"


@pytest.fixture(scope="module")
def conditions() -> list[Condition]:
    path = CONTENT / "conditions.yaml"
    found, diagnostics = parse_conditions(path.read_text(encoding="utf-8"), str(path))
    assert not diagnostics
    return found


def _load(name: str, conditions: list[Condition]) -> tuple[Compound, list[str]]:
    text = (UNSEEN / name).read_text(encoding="utf-8")
    compound, diagnostics = parse_profile(text, f"compounds/{name}", conditions)
    messages = [str(d) for d in diagnostics]
    assert compound is not None, messages
    assert not [d for d in diagnostics if d.level == "error"], messages
    return compound, messages


def _regimen(compound: Compound, amount: float, unit: str):  # type: ignore[no-untyped-def]
    found = [r for r in compound.regimens if r.amount_min == amount and r.unit == unit]
    assert found, [(r.amount_min, r.unit) for r in compound.regimens]
    return found[0]


def test_every_unseen_fixture_loads_without_errors(conditions: list[Condition]) -> None:
    names = sorted(path.name for path in UNSEEN.glob("*.md"))
    assert len(names) >= 8
    for name in names:
        compound, _ = _load(name, conditions)
        assert compound.title and compound.description


def test_numbered_hash_headings_bullet_dots_and_faq_key_aliases(
    conditions: list[Condition],
) -> None:
    compound, messages = _load("berberine.md", conditions)
    assert compound.is_banned is False
    assert "compounds/berberine.md:4: warning: 'is_banned' written as 'false'; read as false" in (
        messages
    )
    assert any(
        m.startswith("compounds/berberine.md:7: warning: faqs[0]: read 'question'")
        for m in messages
    )
    assert compound.last_modified == "2025-08-14"
    assert compound.names.alternate[:2] == ["Berberine hydrochloride", "Berberine HCl"]
    assert compound.names.brand == ["Berberine Gold", "Dihydroberberine"]
    assert compound.compound_class == "Plant alkaloid; antidiabetic supplement"
    assert compound.time_to_peak_hours == [4.0, 4.0]
    tid = _regimen(compound, 500.0, "mg")
    assert (tid.route, tid.doses_per_week, tid.duration_max_days) == ("oral", 21.0, 84.0)
    assert tid.population == "adults"
    bid = _regimen(compound, 0.5, "g")
    assert bid.doses_per_week == 14.0
    assert compound.side_effects.rare_serious == ["Jaundice in newborns (displaces bilirubin)"]
    by_condition = {c.condition: c.severity for c in compound.contraindications}
    assert by_condition["pregnancy"] == "contraindicated"
    assert by_condition["diabetes"] == "caution"
    assert compound.faqs[1].q == "Can it be combined with metformin?"
    assert compound.monitoring == ["Fasting glucose", "HbA1c", "lipid panel"]


def test_bold_line_headings_table_dosage_and_yes_as_banned(conditions: list[Condition]) -> None:
    compound, messages = _load("epoetin-alfa.md", conditions)
    assert compound.is_banned is True
    assert not [m for m in messages if "missing section 'Usage'" in m]
    assert [m for m in messages if "missing section 'Drug Interactions'" in m]
    assert compound.names.brand == ["Epogen", "Procrit", "Eprex"]
    assert compound.names.alternate[:2] == ["EPO", "rHuEPO"]
    assert compound.half_life_hours == 8.5  # midpoint of 4 to 13 hours
    adults = _regimen(compound, 50.0, "IU/kg")
    assert adults.amount_max == 100.0 and adults.doses_per_week == 3.0
    assert adults.population == "adults" and adults.kind == "weight_based"
    surgery = _regimen(compound, 300.0, "IU/kg")
    assert surgery.route == "subcutaneous" and surgery.duration_max_days == 15.0
    assert compound.side_effects.common[0] == "Hypertension"
    assert "Seizures".lower() in [e.lower() for e in compound.side_effects.rare_serious]
    assert compound.pregnancy_category == "C"
    assert compound.monitoring == ["Haemoglobin", "blood pressure", "iron stores"]
    assert compound.faqs[0].a.startswith("It raises haemoglobin")
    assert not any(f.a.startswith(("A:", "**")) for f in compound.faqs)


def test_level_three_sections_numbered_lists_epoch_and_faq_without_answer(
    conditions: list[Condition],
) -> None:
    compound, messages = _load("vancomycin.md", conditions)
    assert compound.last_modified == "2025-09-22T17:21:54Z"
    assert any(m.startswith("compounds/vancomycin.md:5: warning: 'lastModified'") for m in messages)
    assert compound.names.alternate[0] == "Vancomycin hydrochloride"
    assert compound.half_life_hours == 5.0
    assert compound.excretion_percent == [75.0, 75.0]
    adults = _regimen(compound, 15.0, "mg/kg")
    # "every 8 to 12 hours": two to three doses a day, both ends kept
    assert (adults.amount_max, adults.route) == (20.0, "intravenous")
    assert (adults.doses_per_week, adults.doses_per_week_max) == (14.0, 21.0)
    oral = _regimen(compound, 125.0, "mg")
    assert (oral.route, oral.doses_per_week, oral.duration_max_days) == ("oral", 28.0, 10.0)
    assert _regimen(compound, 10.0, "mg/kg").population == "children"
    assert [f.q for f in compound.faqs] == [
        "Why are blood levels checked?",
        "Does the oral form treat bloodstream infections?",
        "What is red man syndrome?",
    ]
    assert compound.faqs[1].a.startswith("No. Oral vancomycin")
    assert compound.faqs[0].a.startswith("Trough or AUC")
    assert any(
        m.startswith("compounds/vancomycin.md:9: warning:") and "body's answer (line 81)" in m
        for m in messages
    )
    by_condition = {c.condition: c.severity for c in compound.contraindications}
    assert by_condition == {"hypersensitivity": "contraindicated", "renal-impairment": "caution"}


def test_anchors_entities_duplicates_empty_sections_and_per_day_doses(
    conditions: list[Condition],
) -> None:
    compound, messages = _load("sermorelin.md", conditions)
    assert compound.half_life_hours == 0.25
    assert compound.names.brand == ["Geref"]
    adults = _regimen(compound, 200.0, "mcg")
    assert (adults.amount_max, adults.doses_per_week, adults.duration) == (300.0, 7.0, "3 months")
    assert _regimen(compound, 30.0, "mcg/kg").population == "children"
    assert compound.side_effects.rare_serious == ["Hypothyroidism unmasked during treatment"]
    assert "compounds/sermorelin.md:48: warning: section 'Side Effects' appears again" in " ".join(
        messages
    )
    assert "compounds/sermorelin.md:61: warning: section 'Precautions' is empty" in messages
    assert any("&amp;" not in c.text and "&" in c.text for c in compound.contraindications)
    assert compound.pregnancy_category == "C"
    # the YAML alias and merge key resolve to the anchored values
    answers = {f.q: f.a for f in compound.faqs}
    assert answers["Can it be bought legally without a prescription?"].startswith("The US brand")
    assert answers["How should I dose it?"].startswith("Ask a prescriber")


def test_description_cut_mid_word_is_rebuilt_and_numbered_parenthesis_lists(
    conditions: list[Condition],
) -> None:
    compound, messages = _load("acetylcysteine.md", conditions)
    assert compound.description.endswith("glutathione in the liver.")
    assert any(
        m.startswith("compounds/acetylcysteine.md:3: warning: description") for m in messages
    )
    assert compound.is_banned is False
    assert compound.half_life_hours == 5.6
    loading = _regimen(compound, 150.0, "mg/kg")
    assert loading.route == "intravenous" and loading.line == 34
    assert _regimen(compound, 600.0, "mg").doses_per_week == 14.0
    course = _regimen(compound, 1200.0, "mg")
    assert course.doses_per_week == 7.0 and course.duration == "8-12 weeks" and course.line == 36
    assert compound.pregnancy_category == "B"
    assert compound.combinations[0].name == "Glycine"


def test_body_without_sections_is_read_as_usage(conditions: list[Condition]) -> None:
    compound, messages = _load("ashwagandha.md", conditions)
    assert sum("missing section" in m for m in messages) == 11  # all but Usage
    assert compound.usage is not None and compound.usage.startswith("Ashwagandha")
    dose = _regimen(compound, 300.0, "mg")
    assert dose.amount_max == 600.0 and dose.doses_per_week == 7.0 and dose.duration == "8 weeks"
    assert [s.key for s in compound.sections] == ["usage"]


def test_ellipsis_character_nested_bullets_and_long_lines(conditions: list[Condition]) -> None:
    compound, _ = _load("enoxaparin.md", conditions)
    assert not compound.description.endswith("…")
    assert len(compound.description) <= 300
    assert compound.half_life_hours == 5.75 and compound.time_to_peak_hours == [3.0, 5.0]
    assert _regimen(compound, 1.5, "mg/kg").doses_per_week == 7.0
    nested = _regimen(compound, 40.0, "mg")
    assert nested.duration_max_days == 14.0 and nested.line == 33
    assert compound.combinations[0].name == "Warfarin"
    assert compound.pregnancy_category == "B"
    assert "anticoagulant" in compound.classes


def test_plain_labels_numbered_hash_headings_and_q_prefixes(conditions: list[Condition]) -> None:
    compound, messages = _load("cyanocobalamin.md", conditions)
    assert compound.names.alternate[:2] == ["Vitamin B12", "Cobalamin"]
    assert compound.names.brand == ["Nascobal", "Cyomin"]
    assert compound.half_life_hours == 144.0
    weekly, monthly = [r for r in compound.regimens if r.unit == "mcg" and r.amount_min == 1000][:2]
    assert weekly.doses_per_week == 1.0 and weekly.duration == "4 weeks"
    assert monthly.population == "adults"
    assert _regimen(compound, 500.0, "mcg").route == "intranasal"
    assert compound.faqs[0].q == "Do tablets work in pernicious anaemia?"
    assert "compounds/cyanocobalamin.md:7: warning: repaired FAQ 1: removed a 'Q:' prefix" in (
        " ".join(messages)
    )
    assert [m for m in messages if "missing section 'Popular Combinations'" in m]


def test_bold_colon_headings_and_faq_answer_inside_question(conditions: list[Condition]) -> None:
    compound, _ = _load("testosterone-cypionate.md", conditions)
    assert compound.is_banned is True
    assert compound.half_life_hours == 192.0
    depot = _regimen(compound, 50.0, "mg")
    assert (depot.amount_max, depot.route, depot.interval_days) == (400.0, "intramuscular", 14.0)
    assert _regimen(compound, 100.0, "mg").doses_per_week == 1.0
    assert compound.side_effects.long_term == ["Testicular atrophy", "infertility"]
    assert compound.pregnancy_category == "X"
    assert compound.faqs[0].q == "How often is it injected?"
    assert compound.faqs[0].a == "Every 1 to 4 weeks, depending on the dose."


@pytest.mark.parametrize(
    ("name", "line", "key"),
    [("is_banned_maybe.md", 4, "is_banned"), ("last_modified_nonsense.md", 5, "lastModified")],
)
def test_untrustworthy_values_are_errors_at_their_line(name: str, line: int, key: str) -> None:
    compound, diagnostics = parse_profile((INVALID / name).read_text(), f"compounds/{name}")
    assert compound is None
    errors = [d for d in diagnostics if d.level == "error"]
    assert [(d.line, key in d.message) for d in errors] == [(line, True)]


def test_a_very_long_line_parses_quickly(conditions: list[Condition]) -> None:
    text = (UNSEEN / "enoxaparin.md").read_text()
    filler = "Dose 1 mg/kg SC every 12 hours in trials, adjusted for weight; " * 4000
    huge = text.replace("* **Pharmacological", f"* {filler}\n* **Pharmacological", 1)
    started = time.process_time()
    compound, _ = parse_profile(huge, "compounds/enoxaparin.md", conditions)
    assert compound is not None and compound.usage is not None
    assert len(compound.usage) > 250_000
    assert time.process_time() - started < 2.0


@pytest.mark.parametrize(
    ("written", "hours"),
    [
        ("Half-life: 30 to 60 minutes.", 0.75),
        ("Elimination half-life ~5 h in adults.", 5.0),
        ("t½ 7 days.", 168.0),
        ("Its t1/2 is about 12 hrs.", 12.0),
        ("Plasma half-life roughly two hours.", 2.0),
        ("A half-life of about a week allows weekly dosing.", 168.0),
        ("The half-life is two to three days.", 60.0),
    ],
)
def test_half_life_notations(written: str, hours: float) -> None:
    text = (
        "---\ntitle: Example\ndescription: An example.\n---\n## How It Works\n\n"
        f"- **Pharmacokinetics:** {written}\n"
    )
    compound, _ = parse_profile(text, "compounds/example.md")
    assert compound is not None and compound.half_life_hours == hours


@pytest.mark.parametrize(
    ("written", "is_a_date"),
    [
        ("2025-02-30", False),  # YAML reads it as a timestamp that cannot exist
        ("'2025-13-45'", False),
        ("'2024-02-29T10:00:00Z'", True),
        ("2025-02-28", True),
    ],
)
def test_last_modified_must_be_a_date_that_exists(written: str, is_a_date: bool) -> None:
    text = (
        f"---\ntitle: Selank\ndescription: A heptapeptide.\nis_banned: false\n"
        f"lastModified: {written}\n---\n## Usage\n- Anxiety.\n"
    )
    compound, diagnostics = parse_profile(text, "compounds/selank.md")
    assert compound is not None
    warned = [(d.line, d.level) for d in diagnostics if "is not a date" in d.message]
    assert warned == ([] if is_a_date else [(5, "warning")])


def test_frontmatter_keys_in_another_case_or_spelling_are_read_with_a_warning() -> None:
    text = (
        "---\nTitle: Selank\nDescription: A heptapeptide.\nisBanned: false\n"
        "last_modified: 2025-01-01\nFAQs:\n  - q: What is it?\n    a: A peptide.\n---\n"
        "## Usage\n- Anxiety.\n"
    )
    compound, diagnostics = parse_profile(text, "compounds/selank.md")
    assert compound is not None, [str(d) for d in diagnostics]
    assert (compound.title, compound.description, compound.last_modified) == (
        "Selank",
        "A heptapeptide.",
        "2025-01-01",
    )
    assert [(faq.q, faq.a) for faq in compound.faqs] == [("What is it?", "A peptide.")]
    repaired = {d.line: d.message for d in diagnostics if d.code == "key-repair"}
    assert repaired[2] == "frontmatter key 'Title' read as 'title'"
    assert repaired[5] == "frontmatter key 'last_modified' read as 'lastModified'"
    assert not [d for d in diagnostics if d.level == "error" or "unknown" in d.message]


def test_entries_saying_there_are_none_are_not_names_or_combinations() -> None:
    text = (
        "---\ntitle: Retatrutide\ndescription: An investigational triple agonist.\n---\n"
        "## Alternate Names\n- LY3437943\n- **Brand Names:** None (investigational)\n\n"
        "## Popular Combinations\n- None documented\n\n## Usage\n- Obesity.\n"
    )
    compound, _ = parse_profile(text, "compounds/retatrutide.md")
    assert compound is not None
    assert (compound.names.alternate, compound.names.brand) == (["LY3437943"], [])
    assert compound.combinations == []


def test_zero_width_characters_and_soft_hyphens_do_not_split_names() -> None:
    """They are dropped when the file is decoded, before anything reads it."""
    text = (
        "---\ntitle: Thymosin alpha\ndescription: A peptide.\n---\n## Usage\n- Immune\u200b support.\n"
        "\n## Alternate Names\n- Thymal\u00adfasin\n- **Brand Names:** Zada\u200bxin\n"
    )
    decoded = decode_text(text.encode("utf-8"), "compounds/thymosin-alpha.md")
    compound, _ = parse_profile(decoded, "compounds/thymosin-alpha.md")
    assert compound is not None
    assert compound.usage == "Immune support."
    assert (compound.names.alternate[0], compound.names.brand[0]) == ("Thymalfasin", "Zadaxin")
