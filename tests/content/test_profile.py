"""Compound profiles: the seed and our own defect fixtures load into complete Compounds."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evidex.content.models import Compound, Condition
from evidex.content.profile import parse_profile, split_items
from evidex.content.yamlload import decode_text

FIXTURES = Path(__file__).parent / "fixtures" / "profiles"
SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"
SEED_PROFILE = SEEDS / "000_3d83a7180f1d8b26.txt"


def _fixture(name: str) -> tuple[Compound, list[str]]:
    raw = (FIXTURES / name).read_bytes()
    compound, diagnostics = parse_profile(raw.decode("utf-8"), f"compounds/{name}")
    assert compound is not None, [str(d) for d in diagnostics]
    return compound, [str(d) for d in diagnostics]


@pytest.fixture(scope="module")
def seed() -> Compound:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    text = decode_text(SEED_PROFILE.read_bytes(), "compounds/thymosin-alpha.md")
    compound, diagnostics = parse_profile(text, "compounds/thymosin-alpha.md")
    assert compound is not None, [str(d) for d in diagnostics]
    assert not [d for d in diagnostics if d.level == "error"]
    return compound


def test_seed_identity_names_and_class(seed: Compound) -> None:
    assert seed.slug == "thymosin-alpha"
    assert seed.title == "Thymosin alpha"
    assert seed.is_banned is False
    assert seed.last_modified == "2025-09-22T17:21:54.329Z"
    assert "Thymalfasin" in seed.names.alternate
    assert seed.names.brand == ["Zadaxin", "Immunocin Alpha Plus", "Imualfa"]
    assert seed.compound_class == "Immunomodulatory agent"
    assert {"immunomodulator", "injectable"} <= set(seed.classes)
    assert seed.mechanism is not None and "T-cell maturation" in seed.mechanism
    assert seed.usage is not None and seed.usage.startswith("Thymosin alpha 1 (thymalfasin)")


def test_seed_pharmacokinetics(seed: Compound) -> None:
    assert seed.half_life_hours == 2.0
    assert seed.time_to_peak_hours == [1.0, 2.0]
    assert seed.excretion_percent == [31.0, 60.0]
    assert seed.excretion is not None and "renal" in seed.excretion.lower()
    assert seed.routes == ["subcutaneous"]


def test_seed_regimens(seed: Compound) -> None:
    by_amount = {(r.amount_min, r.amount_max, r.unit): r for r in seed.regimens}
    twice_weekly = by_amount[(1.6, 1.6, "mg")]
    assert twice_weekly.route == "subcutaneous"
    assert twice_weekly.doses_per_week == 2
    assert (twice_weekly.duration, twice_weekly.duration_min_days) == ("6-12 months", 180)
    assert twice_weekly.duration_max_days == 365
    assert twice_weekly.population == "adults"
    assert twice_weekly.indication == "chronic hepatitis B"
    assert twice_weekly.kind == "maintenance"
    assert by_amount[(1.5, 1.5, "mg")].interval_days == 3
    assert by_amount[(0.8, 6.4, "mg")].kind == "single_dose"
    course = by_amount[(1.6, 16.0, "mg")]
    assert (course.kind, course.doses_per_week, course.duration_max_days) == ("daily_course", 7, 7)
    weight = by_amount[(40.0, 40.0, "mcg/kg")]
    assert (weight.kind, weight.population, weight.max_weight_kg) == (
        "weight_based",
        "patients <40 kg",
        40,
    )
    assert all(r.line > 100 for r in seed.regimens)  # body lines, not frontmatter


def test_seed_safety_fields(seed: Compound) -> None:
    contraindications = {(c.condition, c.severity) for c in seed.contraindications}
    assert contraindications == {
        ("hypersensitivity", "contraindicated"),
        ("immunosuppressed", "contraindicated"),
        ("pregnancy", "caution"),
        ("breastfeeding", "caution"),
    }
    assert [case.condition for case in seed.special_cases] == [
        "elderly",
        "renal-impairment",
        "hepatic-impairment",
        "autoimmune-disease",
    ]
    assert all(case.severity == "caution" for case in seed.special_cases)
    assert seed.pregnancy_category == "C"
    assert seed.breastfeeding is not None and "breast milk" in seed.breastfeeding
    assert seed.monitoring == ["Liver function tests", "HBeAg", "HBsAg", "HBV DNA", "ALT"]
    assert (
        "allergic reactions (itching, rash, difficulty breathing)" in seed.side_effects.rare_serious
    )
    assert seed.side_effects.common == [
        "Local injection site reactions (redness, discomfort, pain)"
    ]
    assert seed.side_effects.long_term == ["Unknown"]
    assert len(seed.side_effects.adverse_reactions) == 2
    assert len(seed.interactions) == 2
    assert len(seed.precautions) == 4


def test_seed_combinations_and_sections(seed: Compound) -> None:
    [combination] = seed.combinations
    assert combination.name == "Interferon alpha"
    assert combination.purpose == "chronic hepatitis B and C"
    assert combination.slug is None
    keys = [section.key for section in seed.sections]
    assert keys == [
        "usage",
        "alternate_names",
        "how_it_works",
        "dosage",
        "side_effects",
        "contraindications",
        "interactions",
        "pregnancy",
        "summary",
        "combinations",
        "precautions",
        "faqs",
    ]
    dosage = seed.sections[3]
    assert "<h4>" in dosage.html and "Adults" in dosage.html and "<h2>" not in dosage.html
    assert "1.6 mg" in dosage.markdown and "1.6 mg" in dosage.html
    assert all(section.line > 80 for section in seed.sections)


def test_seed_repairs(seed: Compound) -> None:
    assert len(seed.faqs) == 9
    for faq in seed.faqs:
        assert faq.q.endswith("?") and "**" not in faq.q
        assert not faq.a.startswith("A:") and "**" not in faq.a and faq.a
    assert not seed.description.startswith("-")
    assert not seed.description.endswith(("...", "…"))
    assert seed.description.endswith(".") and len(seed.description) <= 300
    assert "  " not in seed.description
    assert any("compounds/thymosin-alpha.md:11: repaired FAQ 1" in w for w in seed.warnings)
    assert sum("whitespace" in w for w in seed.warnings) == 1


def test_crlf_bom_star_bullets_and_plain_headings() -> None:
    compound, diagnostics = _fixture("crlf_bom_star_bullets_unbolded.md")
    assert compound.title == "Semaglutide"
    assert compound.last_modified == "2025-06-01"  # an unquoted YAML date
    assert compound.aliases == ["Sema"] and compound.goals == ["weight-loss", "blood-sugar"]
    assert compound.names.brand == ["Ozempic", "Wegovy", "Rybelsus"]
    assert {"glp-1-agonist", "hypoglycemic", "peptide", "injectable"} <= set(compound.classes)
    assert "lowers-blood-glucose" in compound.effects
    assert compound.half_life_hours == 168.0
    assert compound.time_to_peak_hours == [24.0, 72.0]
    titration = [(r.amount_min, r.doses_per_week, r.duration) for r in compound.regimens]
    assert titration[:2] == [(0.25, 1.0, "4 weeks"), (0.5, 1.0, None)]
    assert compound.regimens[0].line == 28
    assert (
        compound.side_effects.rare_serious[1]
        == "gallbladder disease (cholelithiasis, cholecystitis)"
    )
    assert compound.monitoring == ["HbA1c", "body weight", "signs of pancreatitis"]
    assert not [d for d in diagnostics if "missing-section" in d or "missing section" in d]


def test_sections_out_of_order_and_missing_are_warnings() -> None:
    compound, diagnostics = _fixture("reordered_missing_sections_no_frontmatter_faqs.md")
    missing = [d for d in diagnostics if "missing section" in d]
    assert len(missing) == 6
    assert any("'Precautions'" in d for d in missing)
    assert [s.key for s in compound.sections][:2] == ["dosage", "side_effects"]
    assert compound.routes == ["oral"]
    assert compound.compound_class == "Hormone supplement with sedative effects"
    assert "sedative" in compound.classes
    assert compound.regimens[0].indication == "insomnia"
    assert compound.regimens[1].indication == "jet lag"
    assert [f.q for f in compound.faqs] == [
        "Does it cause dependence?",
        "What should be monitored?",
    ]
    assert compound.monitoring == ["Daytime sleepiness", "blood pressure"]  # from the FAQ
    assert [(c.condition, c.severity) for c in compound.contraindications] == [
        ("autoimmune-disease", "caution"),
        ("pregnancy", "contraindicated"),
    ]
    assert compound.half_life_hours == pytest.approx(50 / 60, abs=1e-3)  # 40-60 min midpoint


def test_validation_errors_name_the_line() -> None:
    text = "---\ntitle: X\nis_banned: 'maybe'\nfaqs: nope\n---\n## Usage\n\n- x\n"
    compound, diagnostics = parse_profile(text, "compounds/x.md")
    assert compound is None
    messages = [str(d) for d in diagnostics]
    assert "compounds/x.md:2: error: missing required key 'description'" in messages
    assert any(m.startswith("compounds/x.md:3: error:") and "is_banned" in m for m in messages)
    assert any(m.startswith("compounds/x.md:4: error:") and "faqs" in m for m in messages)


def test_broken_frontmatter_and_bad_items_are_errors_not_crashes() -> None:
    compound, diagnostics = parse_profile("no frontmatter here", "c.md")
    assert compound is None and diagnostics[0].level == "error"
    compound, diagnostics = parse_profile("---\ntitle: [unclosed\n---\n", "c.md")
    assert compound is None and diagnostics[0].level == "error"
    assert diagnostics[0].line in (2, 3)  # inside the frontmatter, not line 1
    text = "---\ntitle: X\ndescription: Y\nlastModified: 5\nfaqs:\n  - just text\n---\n"
    compound, diagnostics = parse_profile(text, "c.md")
    assert compound is None
    assert {d.line for d in diagnostics if d.level == "error"} == {4, 6}


def test_unknown_key_warns_and_slug_argument_wins() -> None:
    compound, diagnostics = _fixture("faq_mismatch_truncated_description.md")
    assert (
        "compounds/faq_mismatch_truncated_description.md:12: warning: unknown frontmatter key 'unknown_field'"
        in diagnostics
    )
    assert compound.is_banned and compound.ban_details == "Prohibited at all times under WADA S2."
    text = (FIXTURES / "faq_mismatch_truncated_description.md").read_text(encoding="utf-8")
    named, _ = parse_profile(text, "compounds/ipa.md", slug="ipa")
    assert named is not None and named.slug == "ipa"


def test_structured_frontmatter_regimens_and_contraindications_override() -> None:
    text = (
        "---\ntitle: Demo\ndescription: A demo.\nregimens:\n"
        "  - {amount_min: 2, amount_max: 2, unit: mg, route: oral, doses_per_week: 7}\n"
        "contraindications:\n  - {text: Kidney failure, condition: renal-impairment}\n"
        "  - Avoid in diabetes\n---\n## Dosage\n\n- 2 mg orally daily.\n- 5 mg orally weekly.\n"
    )
    compound, _ = parse_profile(text, "c.md")
    assert compound is not None
    assert [(r.amount_min, r.line) for r in compound.regimens] == [(2.0, 5), (5.0, 13)]
    assert [(c.condition, c.severity) for c in compound.contraindications] == [
        ("renal-impairment", "contraindicated"),
        ("diabetes", "contraindicated"),
    ]


def test_custom_condition_vocabulary_is_used() -> None:
    conditions = [Condition(slug="pregnant", name="Pregnant", synonyms=["expecting a baby"])]
    text = "---\ntitle: D\ndescription: D.\n---\n## Contraindications\n\n- Expecting a baby\n"
    compound, _ = parse_profile(text, "c.md", conditions=conditions)
    assert compound is not None
    assert compound.contraindications[0].condition == "pregnant"


def test_split_items_keeps_parenthesised_lists_whole() -> None:
    assert split_items("a, b (c, d; e), and f.") == ["a", "b (c, d; e)", "f"]


def test_parse_time_per_profile_is_small() -> None:
    text = (FIXTURES / "seed_format_faq_answer_in_question.md").read_text(encoding="utf-8")
    runs = 50
    start = time.perf_counter()
    for _ in range(runs):
        parse_profile(text, "c.md")
    per_call = (time.perf_counter() - start) / runs
    assert per_call < 0.05  # generous bound for a shared machine; see the report for figures


_BODY_PIECES = st.sampled_from(
    [
        "## **Usage**\n",
        "## Dosage\n",
        "### Adults:\n",
        "#### **Special Cases:**\n",
        "## FAQs\n",
        "### **Q1: What?**\n",
        "**A:** yes\n",
        "- **Brand Names:** A, B\n",
        "* x (a, b), c\n",
        " -  1.6 mg SC twice weekly for 6-12 months\n",
        "- For patients <40 kg: 40 mcg/kg\n",
        "Half-life approximately 2 hours.\n",
        "```\n",
        "\n",
        "\u00a0",
        "**",
        ":",
        "(",
        "% in urine",
        "- Pregnancy (use caution)\n",
        "## Contraindications\n",
        "Category X\n",
        "#",
        "\r\n",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_BODY_PIECES, max_size=30), st.text(max_size=40))
def test_any_body_parses_without_crashing(pieces: list[str], noise: str) -> None:
    text = "---\ntitle: T\ndescription: D...\n---\n" + "".join(pieces) + noise
    compound, diagnostics = parse_profile(text, "c.md")
    assert compound is not None or any(d.level == "error" for d in diagnostics)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_any_text_returns_diagnostics_not_exceptions(text: str) -> None:
    compound, diagnostics = parse_profile(text, "c.md")
    assert compound is not None or diagnostics


def test_bad_structured_items_are_errors_with_their_line() -> None:
    text = (
        "---\ntitle: A\ndescription: B\nregimens:\n  - 5\n"
        "contraindications:\n  - {severity: caution}\n---\n"
    )
    compound, diagnostics = parse_profile(text, "c.md")
    assert compound is None
    errors = {(d.line, d.message.split(":")[0]) for d in diagnostics if d.level == "error"}
    assert errors == {(5, "regimens[0]"), (7, "contraindications[0].text")}
    compound, diagnostics = parse_profile("---\ntitle: A\ndescription: B\nclass: 7\n---\n", "c.md")
    assert compound is None
    assert "c.md:4: error: 'class' must be a string" in [str(d) for d in diagnostics]


def test_key_facts_are_read_in_other_spellings_and_as_lists() -> None:
    text = (
        "---\ntitle: Examplin\ndescription: An example.\nis_banned: false\n"
        "lastModified: '2026-01-01'\nfaqs: []\nRx: Prescription only\n"
        "approved_in:\n- US (FDA)\n- EU (EMA)\nBlack-Box-Warning: Can stop breathing\n---\n"
        "## Usage\nExample.\n"
    )
    compound, diagnostics = parse_profile(text, "examplin.md")
    assert compound is not None
    assert compound.prescription == "Prescription only"
    assert compound.approved == "US (FDA); EU (EMA)"
    assert compound.boxed_warning == "Can stop breathing"
    assert compound.short_name is None
    assert not [d for d in diagnostics if d.code == "unknown-key"]
