"""A profile whose sections are written as paragraphs rather than bullets: inline labels,
lists in running text, names marked '(brand)', side effects by the words that introduce them."""

from __future__ import annotations

from pathlib import Path

import pytest

from evidex.content.models import Compound, Condition
from evidex.content.profile import parse_profile
from evidex.content.vocab import parse_conditions

PROSE = Path(__file__).parent / "fixtures" / "profiles" / "prose_style"
CONDITIONS = """\
- slug: pregnancy
  name: Pregnancy
  synonyms: [pregnant]
- slug: renal-impairment
  name: Renal impairment
  synonyms: [kidney disease, renal impairment]
- slug: hypersensitivity
  name: Hypersensitivity
  synonyms: [allergy, hypersensitivity]
"""


@pytest.fixture(scope="module")
def zinc() -> tuple[Compound, list[str]]:
    conditions: list[Condition]
    conditions, problems = parse_conditions(CONDITIONS, "conditions.yaml")
    assert not problems
    text = (PROSE / "zinc-picolinate.md").read_text(encoding="utf-8")
    compound, diagnostics = parse_profile(text, "compounds/zinc-picolinate.md", conditions)
    assert compound is not None, [str(d) for d in diagnostics]
    return compound, [str(d) for d in diagnostics]


def test_names_marked_brand_in_running_text_are_brand_names(
    zinc: tuple[Compound, list[str]],
) -> None:
    compound, _ = zinc
    assert compound.names.alternate == ["Zinc 2-pyridinecarboxylate"]
    assert compound.names.brand == ["Zinpico", "Picozin"]


def test_a_label_followed_by_a_dash_reads_like_one_followed_by_a_colon(
    zinc: tuple[Compound, list[str]],
) -> None:
    compound, _ = zinc
    assert compound.compound_class == "Essential trace mineral"
    assert compound.mechanism is not None
    assert compound.mechanism.startswith("Cofactor for more than 300 enzymes")


def test_excretion_is_the_sentence_about_excretion_not_the_elimination_half_life(
    zinc: tuple[Compound, list[str]],
) -> None:
    compound, _ = zinc
    assert compound.excretion == "Excreted mainly in faeces, with a small fraction in urine."
    assert compound.half_life_hours == 12
    assert list(compound.time_to_peak_hours or []) == [2, 2]


def test_side_effects_in_prose_are_classed_by_the_words_that_introduce_them(
    zinc: tuple[Compound, list[str]],
) -> None:
    compound, _ = zinc
    assert compound.side_effects.common == ["nausea", "metallic taste", "stomach upset"]
    assert compound.side_effects.rare_serious == [
        "copper deficiency",
        "anaemia with long-term high doses",
        "headache",
        "mouth irritation with lozenges",
    ]


def test_a_list_of_contraindications_in_one_line_is_one_per_item(
    zinc: tuple[Compound, list[str]],
) -> None:
    compound, _ = zinc
    assert [(c.text, c.condition, c.severity) for c in compound.contraindications] == [
        ("Hypersensitivity", "hypersensitivity", "contraindicated"),
        ("renal impairment (caution)", "renal-impairment", "caution"),
        ("pregnancy above 40 mg/day", "pregnancy", "contraindicated"),
    ]


def test_inline_pregnancy_and_breastfeeding_labels_in_one_paragraph(
    zinc: tuple[Compound, list[str]],
) -> None:
    compound, _ = zinc
    assert compound.pregnancy_category == "A"
    assert compound.breastfeeding == "safe at recommended intakes."
    assert compound.pregnancy is not None and "Breastfeeding" not in compound.pregnancy


def test_combinations_split_into_compounds_with_their_purpose(
    zinc: tuple[Compound, list[str]],
) -> None:
    compound, _ = zinc
    assert [(c.name, c.purpose) for c in compound.combinations] == [
        ("Vitamin C", "immune support"),
        ("Copper", "prevent deficiency"),
        ("Quercetin", None),
        ("Vitamin D3", None),
    ]


def test_a_title_heading_above_the_sections_is_not_an_empty_section(
    zinc: tuple[Compound, list[str]],
) -> None:
    _, messages = zinc
    assert not [m for m in messages if "is empty" in m], messages


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        (
            "- Serum zinc\n- Copper, with long-term use\n- **Liver function:** ALT every 3 months\n",
            ["Serum zinc", "Copper, with long-term use", "Liver function: ALT every 3 months"],
        ),
        (
            "Serum zinc, serum copper and blood count.\n",
            ["Serum zinc", "serum copper", "blood count"],
        ),
        (
            "Serum zinc, copper and blood count (CBC, differential).\n",
            ["Serum zinc", "copper", "blood count (CBC, differential)"],
        ),
    ],
    ids=["one-per-bullet", "one-paragraph-list", "bracketed-comma-after-and"],
)
def test_a_monitoring_section_of_its_own_gives_the_parameters(
    written: str, expected: list[str]
) -> None:
    text = f"---\ntitle: X\ndescription: Y.\n---\n## Usage\n- Test.\n\n## Monitoring\n\n{written}"
    compound, _ = parse_profile(text, "compounds/x.md")
    assert compound is not None and compound.monitoring == expected


def test_a_labelled_dose_paragraph_names_its_indication(zinc: tuple[Compound, list[str]]) -> None:
    compound, _ = zinc
    daily, cold = compound.regimens
    assert (daily.amount_min, daily.amount_max, daily.unit, daily.route) == (15, 30, "mg", "oral")
    assert (daily.doses_per_week, daily.population, daily.kind) == (7, "adults", "maintenance")
    assert (cold.amount_min, cold.unit, cold.doses_per_week) == (75, "mg", 7)
    assert (cold.duration_min_days, cold.kind, cold.indication) == (
        5,
        "daily_course",
        "common cold",
    )


def test_labels_split_from_one_paragraph_keep_its_population() -> None:
    text = (
        "---\ntitle: Melatonin\ndescription: A hormone.\n---\n## Dosage\n\n"
        "Adults: 0.5-5 mg by mouth at bedtime. Jet lag: 0.5-5 mg at local bedtime for 2-5 days.\n\n"
        "Children: 1-3 mg under specialist care.\n"
    )
    compound, _ = parse_profile(text, "compounds/melatonin.md")
    assert compound is not None
    assert [(r.population, r.indication, r.kind) for r in compound.regimens] == [
        ("adults", None, "maintenance"),
        ("adults", "jet lag", "daily_course"),
        ("children", None, "other"),
    ]
