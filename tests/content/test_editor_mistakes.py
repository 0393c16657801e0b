"""A new profile copied from melatonin.md with the mistakes editors make: each is reported at its
own line and nothing the profile says is lost."""

from __future__ import annotations

from pathlib import Path

from evidex.content.profile import parse_profile

MELATONIN = Path(__file__).resolve().parents[2] / "content" / "compounds" / "melatonin.md"


def _melatonin() -> str:
    return MELATONIN.read_text(encoding="utf-8").replace("\r\n", "\n")


def _line_of(text: str, fragment: str) -> int:
    return next(n for n, line in enumerate(text.split("\n"), 1) if fragment in line)


def test_misspelled_headings_are_read_as_their_section_with_a_did_you_mean() -> None:
    text = (
        _melatonin()
        .replace("## **Side Effects**", "## **Side Efects**")
        .replace("## **Contraindications**", "## Contraindicatons")
    )
    written, _ = parse_profile(_melatonin(), "compounds/melatonin.md")
    compound, diagnostics = parse_profile(text, "compounds/melatonin.md")
    assert compound is not None and written is not None
    by_message = {d.message: d for d in diagnostics}
    side = next(d for m, d in by_message.items() if "'Side Efects'" in m)
    assert "did you mean 'Side Effects'?" in side.message
    assert side.line == _line_of(text, "Side Efects")
    contra = next(d for m, d in by_message.items() if "'Contraindicatons'" in m)
    assert "did you mean 'Contraindications'?" in contra.message
    assert contra.line == _line_of(text, "Contraindicatons")
    assert not [d for d in diagnostics if d.code == "missing-section"]
    assert compound.side_effects == written.side_effects
    assert compound.contraindications == written.contraindications
    assert compound.contraindications


def test_a_heading_that_is_not_a_section_is_left_alone() -> None:
    text = _melatonin().replace("## **Precautions**", "## **Research Notes**")
    _, diagnostics = parse_profile(text, "compounds/melatonin.md")
    assert not [d for d in diagnostics if "did you mean" in d.message]
    assert [d.message for d in diagnostics if d.code == "missing-section"] == [
        "missing section 'Precautions'"
    ]


def test_a_date_that_cannot_exist_is_reported_and_not_published() -> None:
    text = _melatonin()
    start = text.index("lastModified:")
    end = text.index("\n", start)
    text = text[:start] + "lastModified: '2026-02-30'" + text[end:]
    compound, diagnostics = parse_profile(text, "compounds/melatonin.md")
    assert compound is not None
    assert compound.last_modified is None
    found = [d for d in diagnostics if "2026-02-30" in d.message]
    assert [(d.line, d.level) for d in found] == [(_line_of(text, "lastModified"), "warning")]
    assert "is not a date that exists" in found[0].message


def test_a_dose_that_cannot_be_read_is_a_warning_at_its_line_naming_it() -> None:
    text = (
        _melatonin()
        .replace("- 2 mg orally once daily 1-2 hours", "- 2OO mg orally once daily 1-2 hours")
        .replace("- 0.5-5 mg orally at local bedtime", "- 300 mh orally at local bedtime")
    )
    compound, diagnostics = parse_profile(text, "compounds/melatonin.md")
    assert compound is not None
    found = {d.line: d.message for d in diagnostics if d.code == "unreadable-dose"}
    assert set(found) == {_line_of(text, "2OO mg"), _line_of(text, "300 mh")}
    assert "'2OO' is not a number" in found[_line_of(text, "2OO mg")]
    assert "'mh' is not a unit (did you mean 'mg'" in found[_line_of(text, "300 mh")]


def test_doses_as_written_in_the_library_raise_no_dose_warning() -> None:
    _, diagnostics = parse_profile(_melatonin(), "compounds/melatonin.md")
    assert not [d for d in diagnostics if d.code in ("unreadable-dose", "no-regimen")]


def test_a_dosage_section_with_no_readable_regimen_is_a_warning() -> None:
    text = _melatonin()
    start, end = text.index("## **Dosage**"), text.index("## **Side Effects**")
    dosage = (
        "## **Dosage**\n\n- Ask a pharmacist: the amount depends on the product and the person.\n\n"
    )
    compound, diagnostics = parse_profile(text[:start] + dosage + text[end:], "c/m.md")
    assert compound is not None and compound.regimens == []
    warned = [(d.line, d.message) for d in diagnostics if d.code == "no-regimen"]
    assert warned == [
        (
            _line_of(text, "## **Dosage**"),
            "no dose could be read from section 'Dosage' "
            "(write each regimen as e.g. '3 mg orally at bedtime')",
        )
    ]


def test_a_misspelled_article_section_is_reported_at_its_line() -> None:
    from evidex.content.article import parse_article

    path = MELATONIN.parents[1] / "research" / "melatonin-sleep.md"
    text = path.read_text(encoding="utf-8").replace(
        "## Side Effects to Consider", "## Side Efects to Consider"
    )
    article, diagnostics = parse_article(text, "research/melatonin-sleep.md")
    assert article is not None
    found = [(d.line, d.message) for d in diagnostics if d.code == "heading-repair"]
    assert found == [
        (
            _line_of(text, "## Side Efects"),
            "unknown section 'Side Efects to Consider'; did you mean 'Side Effects to Consider'?",
        )
    ]


def test_misspelled_article_sections_on_the_body_s_first_and_last_lines_keep_their_lines() -> None:
    from evidex.content.article import report_misspelled_headings
    from evidex.content.diagnostics import Diagnostics

    body = "## Overveiw\ntext\n\n## Overview\n## The Botom Line"
    diagnostics = Diagnostics("research/x.md")
    report_misspelled_headings(body, 5, diagnostics)
    assert [(d.line, d.message) for d in diagnostics.items] == [
        (5, "unknown section 'Overveiw'; did you mean 'Overview'?"),
        (9, "unknown section 'The Botom Line'; did you mean 'The Bottom Line'?"),
    ]


def test_an_unreadable_dose_in_special_cases_is_reported_too() -> None:
    text = _melatonin().replace(
        "- **Elderly Patients:** Use the lowest effective dose;",
        "- **Elderly Patients:** 1 mgg at night; use the lowest effective dose;",
    )
    assert "1 mgg" in text
    _, diagnostics = parse_profile(text, "compounds/melatonin.md")
    found = [(d.line, d.message) for d in diagnostics if d.code == "unreadable-dose"]
    assert found == [
        (
            _line_of(text, "1 mgg"),
            "dose '1 mgg' not understood: 'mgg' is not a unit (did you mean 'mg' or 'mcg'?)",
        )
    ]
