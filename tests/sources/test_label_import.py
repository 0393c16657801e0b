"""Drug labels (SPL XML, openFDA JSON) drafted as profiles: sections by code and title, every
field's source, and a draft the library's own parser reads without errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from evidex.content.profile import parse_profile
from evidex.sources.imports import import_label
from evidex.sources.label import openfda_records, read_openfda, read_spl
from evidex.sources.profile_draft import _table_side_effects, draft_profile, respectively
from evidex.sources.reader import load_source

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SOURCES = Path(__file__).resolve().parents[2] / ".." / "shared" / "sources"
needs_shared = pytest.mark.skipif(not SOURCES.is_dir(), reason="../shared/sources is absent")


def _draft(path: Path, index: int = 0) -> str:
    kind, parsed = load_source(path, ("spl", "openfda"))
    if kind == "spl":
        label = read_spl(parsed, str(path))
    else:
        label = read_openfda(openfda_records(parsed)[index], str(path), index)
    return draft_profile(label).markdown


def _profile(markdown: str):  # type: ignore[no-untyped-def]
    compound, diagnostics = parse_profile(markdown, "draft.md")
    assert compound is not None, [str(d) for d in diagnostics]
    assert not [d for d in diagnostics if d.level == "error"]
    return compound


def test_reused_pregnancy_code_inside_contraindications_is_not_the_pregnancy_section() -> None:
    compound = _profile(_draft(FIXTURES / "label_reused_codes.xml"))
    pregnancy = [s for s in compound.sources if s.field == "pregnancy"]
    assert len(pregnancy) == 1
    assert pregnancy[0].section == "8.1" and pregnancy[0].code == "42228-7"
    assert pregnancy[0].description == "From the label, section 8.1, version 20 (2017-11-07)"
    # the teratogenic-effects subsection (no title) is read as part of 8.1, not as another one
    assert "Limb defects" in (compound.pregnancy or "")
    assert compound.pregnancy_category == "X"
    assert "human milk" in (compound.breastfeeding or "")
    # 4.3 stays where the label put it: a contraindication
    assert any(c.condition == "pregnancy" for c in compound.contraindications)


def test_a_table_coded_as_boxed_warning_inside_dosage_is_dosage() -> None:
    markdown = _draft(FIXTURES / "label_reused_codes.xml")
    compound = _profile(markdown)
    boxed = [line for line in markdown.splitlines() if "Boxed warning" in line]
    assert len(boxed) == 1 and "Lactic acidosis has occurred" in boxed[0]
    children = [r for r in compound.regimens if r.amount_min == 250]
    assert children and children[0].doses_per_week == 7 and children[0].route == "oral"
    adults = [r for r in compound.regimens if r.amount_min == 500]
    assert adults and adults[0].doses_per_week == 14


def test_boxed_warning_comes_first_among_the_precautions() -> None:
    compound = _profile(_draft(FIXTURES / "label_reused_codes.xml"))
    assert compound.precautions[0].startswith("Boxed warning")
    assert any("renal impairment" in p for p in compound.precautions[1:])


def test_fields_read_by_the_library_parser() -> None:
    compound = _profile(_draft(FIXTURES / "label_reused_codes.xml"))
    assert compound.title == "Examplor"
    assert "examplozide" in compound.names.alternate and "Examplor" in compound.names.brand
    assert compound.half_life_hours == 6
    assert compound.time_to_peak_hours == [2, 3]
    assert {c.condition for c in compound.contraindications} >= {
        "renal-impairment",
        "hypersensitivity",
    }
    assert "Diarrhea (incidence ≥5%)" in compound.side_effects.common
    assert "Vomiting (6.5%)" in compound.side_effects.common  # the drug's column, not placebo's
    assert compound.monitoring and "renal function" in " ".join(compound.monitoring)
    fields = {s.field for s in compound.sources}
    assert {"usage", "dosage", "contraindications", "side_effects", "half_life"} <= fields
    assert {"boxed_warning", "monitoring", "breastfeeding"} <= fields


def test_values_given_respectively_are_set_beside_their_subjects() -> None:
    pairs = respectively(
        "Mean Cmax, Tmax and AUC were 12 ng/mL, 2.5 hours and 80 ng·h/mL, respectively."
    )
    assert pairs == ["Mean Cmax: 12 ng/mL.", "Tmax: 2.5 hours.", "AUC: 80 ng·h/mL."]
    assert respectively("Cmax and Tmax were 12 ng/mL respectively.") == []  # unpaired: nothing


def test_openfda_record_without_openfda_names_takes_the_product_name() -> None:
    compound = _profile(_draft(FIXTURES / "label_openfda_no_names.json"))
    assert compound.title == "Restora"
    assert compound.pregnancy and compound.breastfeeding
    assert compound.precautions[0].startswith("Boxed warning")


def test_import_writes_a_draft_into_the_drafts_folder(library: Path) -> None:
    report = import_label(FIXTURES / "label_reused_codes.xml", library / "drafts", library)
    assert [r.status for r in report.results] == ["written"]
    assert (library / "drafts" / "examplor.md").is_file()
    assert not (library / "compounds" / "examplor.md").exists()


@needs_shared
def test_lipitor_has_one_pregnancy_section_and_its_half_life() -> None:
    compound = _profile(_draft(SOURCES / "spl" / "lipitor-atorvastatin_c6e131fe.xml"))
    assert [s.section for s in compound.sources if s.field == "pregnancy"] == ["8.1"]
    assert compound.pregnancy_category == "X"
    assert compound.half_life_hours == 14
    assert compound.regimens and {r.unit for r in compound.regimens} == {"mg"}
    assert any(c.condition == "hepatic-impairment" for c in compound.contraindications)


@needs_shared
def test_humira_spl_boxed_warning_half_life_and_names() -> None:
    markdown = _draft(SOURCES / "spl" / "humira-adalimumab_608d4f0d.xml")
    compound = _profile(markdown)
    assert compound.title == "Humira" and "Adalimumab" in compound.names.alternate
    assert compound.half_life_hours == 14 * 24  # "approximately 2 weeks"
    assert compound.time_to_peak_hours == [131, 131]  # "... and 131 ± 56 hours respectively"
    assert compound.precautions[0].startswith("Boxed warning (Serious infections")
    assert any(r.amount_min == 40 and r.interval_days == 14 for r in compound.regimens)
    version = {s.version for s in compound.sources}
    assert version == {"1560"}


@needs_shared
def test_haloperidol_true_boxed_warning_and_dosage_tables() -> None:
    markdown = _draft(SOURCES / "spl" / "haloperidol-tablets_0027b8a3_no-title.xml")
    compound = _profile(markdown)
    boxed = compound.precautions[0]
    assert boxed.startswith("Boxed warning") and "dementia-related psychosis" in boxed
    # the dosage tables (coded 34066-1 inside Dosage) are read as dosage rows
    assert any(r.text.startswith("Moderate Symptomatology") for r in compound.regimens)
    pregnancy = [s for s in compound.sources if s.field == "pregnancy"]
    assert [s.title for s in pregnancy] == ["Usage in Pregnancy"]


@needs_shared
def test_humira_openfda_matches_its_spl_on_the_same_label() -> None:
    spl = _profile(_draft(SOURCES / "spl" / "humira-adalimumab_608d4f0d.xml"))
    fda = _profile(_draft(SOURCES / "openfda" / "humira_label_search_608d4f0d.json"))
    assert fda.title == spl.title and fda.half_life_hours == spl.half_life_hours
    assert fda.compound_class == "Tumor Necrosis Factor Blocker"
    assert {s.version for s in fda.sources} == {"1893"}
    assert [s.section for s in fda.sources if s.field == "pregnancy"] == ["8.1"]
    assert fda.precautions[0].startswith("Boxed warning")


@needs_shared
def test_raw_openfda_array_drafts_every_record_with_a_name(tmp_path: Path) -> None:
    path = SOURCES / "openfda" / "raw_label_records_first5_by_set_id.json"
    report = import_label(path, tmp_path, None)
    assert len(report.results) == 5 and {r.status for r in report.results} == {"written"}
    for result in report.results:
        _profile(result.path.read_text(encoding="utf-8"))
    ofloxacin = _profile((tmp_path / "ofloxacin.md").read_text(encoding="utf-8"))
    assert any(c.condition == "hypersensitivity" for c in ofloxacin.contraindications)


def test_adverse_reaction_table_rates_in_any_number_notation() -> None:
    table = [
        ["Adverse reaction", "Examplor (n=120)", "Placebo (n=118)"],
        ["Nausea", "12,5%", "3%"],
        ["Headache", "4\u00b72 %", "1\u00b71 %"],
        ["Dizziness", "7", "2"],
    ]
    found: list[tuple[str, str]] = []
    _table_side_effects(table, ["Examplor"], lambda term, rate: found.append((term, rate)))
    assert found == [("Nausea", "12,5%"), ("Headache", "4\u00b72 %"), ("Dizziness", "7%")]
