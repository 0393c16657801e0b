"""One table of number, dose, interval and p-value notations, each row read through every
reader it applies to: `evidex extract --json` on an abstract sentence, `evidex build` then
`evidex show --json` on a profile's dosage line, and `evidex dose` on a typed amount."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from typer.testing import CliRunner

from evidex.cli.main import app

_TRIAL = "In a randomised controlled trial of 316 adults with type 2 diabetes, "


def _draw(dose: str) -> tuple[str, ...]:
    """`evidex dose reconstitute` drawing `dose` from a 1000 mg vial."""
    return ("reconstitute", "--vial-mg", "1000", "--diluent-ml", "10", "--dose-mg", dose)


def _per_kg(dose: str, unit: str) -> tuple[str, ...]:
    """`evidex dose weight` for `dose` per kg and a 70 kg reader."""
    return ("weight", "--per-kg", dose, "--unit", unit, "--weight-kg", "70")


@dataclass(frozen=True)
class Row:
    name: str
    # (a) an abstract holding the notation, and what its one study must give: study keys
    # ('n', 'design') and, under 'outcome', the keys of the one outcome read from it
    abstract: str | None = None
    study: dict[str, object] = field(default_factory=dict)
    outcome: dict[str, object] | None = None
    # (b) a dosage bullet, and the regimen's (amount_min, amount_max, unit, doses_per_week)
    dosage: str | None = None
    regimen: tuple[float, float, str, float | None] | None = None
    # (c) `evidex dose` arguments, and keys of its JSON answer
    dose: tuple[str, ...] | None = None
    dosed: dict[str, str] = field(default_factory=dict)


ROWS = [
    # signs
    Row(
        "hyphen minus",
        abstract=_TRIAL + "HbA1c fell (MD -0.5%, 95% CI -0.9 to -0.1).",
        outcome={"measure": "MD", "value": -0.5, "ci_low": -0.9, "ci_high": -0.1},
    ),
    Row(
        "U+2212 minus",
        abstract=_TRIAL + "HbA1c fell (MD \u22120.5%, 95% CI \u22120.9 to \u22120.1).",
        outcome={"measure": "MD", "value": -0.5, "ci_low": -0.9, "ci_high": -0.1},
    ),
    Row(
        "en dash used as minus",
        abstract=_TRIAL + "HbA1c fell (MD \u20130.5%, 95% CI \u20130.9 to \u20130.1).",
        outcome={"measure": "MD", "value": -0.5, "ci_low": -0.9, "ci_high": -0.1},
    ),
    Row(
        "minus then a space",
        abstract=_TRIAL + "HbA1c fell (MD - 0.5%, 95% CI - 0.9 to - 0.1).",
        outcome={"measure": "MD", "value": -0.5, "ci_low": -0.9, "ci_high": -0.1},
    ),
    # decimal marks
    Row(
        "decimal point",
        abstract=_TRIAL + "the hazard ratio for death was 0.54 (95% CI 0.38 to 0.77).",
        outcome={"measure": "HR", "value": 0.54, "ci_low": 0.38, "ci_high": 0.77},
        dosage="- 0.5 mg subcutaneously once weekly.",
        regimen=(0.5, 0.5, "mg", 1),
        dose=_draw("0.5 mg"),
        dosed={"dose_mg": "0.5"},
    ),
    Row(
        "middle dot decimal",
        abstract=_TRIAL
        + "the hazard ratio for death was 0\u00b754 (95% CI 0\u00b738 to 0\u00b777).",
        outcome={"measure": "HR", "value": 0.54, "ci_low": 0.38, "ci_high": 0.77},
        dosage="- 0\u00b75 mg subcutaneously once weekly.",
        regimen=(0.5, 0.5, "mg", 1),
        dose=_draw("0\u00b75 mg"),
        dosed={"dose_mg": "0.5"},
    ),
    # thousands
    Row(
        "thousands with commas",
        abstract="In a randomised controlled trial of 1,204 adults, mortality fell "
        "(HR 0.80, 95% CI 0.70 to 0.91).",
        study={"n": 1204},
        dosage="- 1,000 mg orally once daily.",
        regimen=(1000, 1000, "mg", 7),
        dose=_draw("1,000 mg"),
        dosed={"dose_mg": "1000"},
    ),
    Row(
        "thousands with dots",
        abstract="In a cohort of 22.155 patients, mortality was lower (HR 0.80, 95% CI 0.70 to 0.91).",
        study={"n": 22155},
    ),
    Row(
        "thousands with a space",
        abstract="In a randomised controlled trial of 1 204 adults, mortality fell "
        "(HR 0.80, 95% CI 0.70 to 0.91).",
        study={"n": 1204},
        dosage="- Take 1 000 mg orally daily.",
        regimen=(1000, 1000, "mg", 7),
        dose=_draw("1 000 mg"),
        dosed={"dose_mg": "1000"},
    ),
    Row(
        "thousands with a space in IU",
        dosage="- 2 500 IU orally once weekly.",
        regimen=(2500, 2500, "IU", 1),
    ),
    Row(
        "thousands with dots in IU",
        dosage="- 50.000 IU orally once weekly.",
        regimen=(50000, 50000, "IU", 1),
    ),
    Row(
        "thousands with a thin space",
        abstract="In a randomised controlled trial of 1\u2009204 adults, mortality fell "
        "(HR 0.80, 95% CI 0.70 to 0.91).",
        study={"n": 1204},
        dosage="- Take 1\u2009000 mg orally daily.",
        regimen=(1000, 1000, "mg", 7),
        dose=_draw("1\u2009000 mg"),
        dosed={"dose_mg": "1000"},
    ),
    Row(
        "thousands with a narrow no-break space",
        abstract="In a randomised controlled trial of 1\u202f204 adults, mortality fell "
        "(HR 0.80, 95% CI 0.70 to 0.91).",
        study={"n": 1204},
        dosage="- 2\u202f500 IU orally once weekly.",
        regimen=(2500, 2500, "IU", 1),
        dose=_per_kg("2\u202f500 mcg/kg", "mcg/kg"),
        dosed={"per_kg": "2500"},
    ),
    Row(
        "decimal comma before a unit",
        dosage="- 0,5 mg subcutaneously twice weekly.",
        regimen=(0.5, 0.5, "mg", 2),
        dose=_draw("0,5 mg"),
        dosed={"dose_mg": "0.5"},
    ),
    Row(
        "decimal comma in an estimate and its interval",
        abstract=_TRIAL + "mortality fell (OR 1,74; 95% CI 1,54\u20132,02).",
        outcome={"measure": "OR", "value": 1.74, "ci_low": 1.54, "ci_high": 2.02},
    ),
    Row(
        "decimal comma after a minus",
        abstract=_TRIAL + "HbA1c fell (MD -0,5 %; 95% CI -0,9 to -0,1 %).",
        outcome={"measure": "MD", "value": -0.5, "ci_low": -0.9, "ci_high": -0.1},
    ),
    Row(
        "decimal comma before a range dash",
        dosage="- 2,5\u201310 mg orally once daily.",
        regimen=(2.5, 10, "mg", 7),
    ),
    # numbers in words
    Row(
        "count in hyphenated words",
        abstract="Fifty-two women were randomised to the drug or placebo; pain fell "
        "(MD -1.2, 95% CI -2.0 to -0.4).",
        study={"n": 52},
    ),
    Row(
        "count in words with hundred",
        abstract="One hundred seventeen adults were enrolled in a randomised controlled trial; "
        "pain fell (MD -1.2, 95% CI -2.0 to -0.4).",
        study={"n": 117},
    ),
    Row(
        "count in words with hundreds of a teen",
        abstract="Twelve hundred adults were randomised to the drug or placebo; mortality fell "
        "(HR 0.80, 95% CI 0.70 to 0.91).",
        study={"n": 1200},
    ),
    # percent
    Row(
        "percent",
        abstract=_TRIAL + "weight fell by 12.5% (95% CI 8.1% to 16.9%) with the drug.",
        outcome={"value": 12.5, "ci_low": 8.1, "ci_high": 16.9},
    ),
    Row(
        "percent typed twice",
        abstract=_TRIAL + "weight fell by 12.5%% (95% CI 8.1%% to 16.9%%) with the drug.",
        outcome={"value": 12.5, "ci_low": 8.1, "ci_high": 16.9},
    ),
    # units
    Row(
        "micro sign µg",
        dosage="- 250 \u00b5g subcutaneously once daily.",
        regimen=(250, 250, "mcg", 7),
        dose=_draw("250 \u00b5g"),
        dosed={"dose_mg": "0.25"},
    ),
    Row(
        "Greek mu μg",
        dosage="- 250 \u03bcg subcutaneously once daily.",
        regimen=(250, 250, "mcg", 7),
        dose=_draw("250 \u03bcg"),
        dosed={"dose_mg": "0.25"},
    ),
    Row(
        "mcg",
        dosage="- 250 mcg subcutaneously once daily.",
        regimen=(250, 250, "mcg", 7),
        dose=_draw("250 mcg"),
        dosed={"dose_mg": "0.25"},
    ),
    Row(
        "IU",
        dosage="- 5000 IU orally once daily.",
        regimen=(5000, 5000, "IU", 7),
    ),
    Row(
        "mg per kg",
        dosage="- 2 mg/kg intravenously once weekly.",
        regimen=(2, 2, "mg/kg", 1),
        dose=_per_kg("2 mg/kg", "mg/kg"),
        dosed={"per_kg": "2", "total": "140"},
    ),
    Row(
        "per day",
        dosage="- 3 g per day orally.",
        regimen=(3, 3, "g", 7),
    ),
    Row(
        "every other week",
        dosage="- 40 mg subcutaneously every other week.",
        regimen=(40, 40, "mg", 0.5),
    ),
    Row(
        "fortnightly",
        dosage="- 40 mg subcutaneously fortnightly.",
        regimen=(40, 40, "mg", 0.5),
    ),
    Row(
        "every 12 hours",
        dosage="- 5 mg orally every 12 hours.",
        regimen=(5, 5, "mg", 14),
    ),
    Row(
        "b.i.d.",
        dosage="- 5 mg orally b.i.d.",
        regimen=(5, 5, "mg", 14),
    ),
    # ranges
    Row(
        "range a to b",
        abstract=_TRIAL + "the odds ratio was 0.60 (95% CI 0.40 to 0.90).",
        outcome={"measure": "OR", "value": 0.6, "ci_low": 0.4, "ci_high": 0.9},
        dosage="- 2.5 mg to 10 mg orally once daily.",
        regimen=(2.5, 10, "mg", 7),
    ),
    Row(
        "range with an en dash",
        abstract=_TRIAL + "the odds ratio was 0.60 (95% CI 0.40\u20130.90).",
        outcome={"measure": "OR", "value": 0.6, "ci_low": 0.4, "ci_high": 0.9},
        dosage="- 2.5\u201310 mg orally once daily.",
        regimen=(2.5, 10, "mg", 7),
    ),
    Row(
        "range with a spaced hyphen",
        abstract=_TRIAL + "the odds ratio was 0.60 (95% CI 0.40 - 0.90).",
        outcome={"measure": "OR", "value": 0.6, "ci_low": 0.4, "ci_high": 0.9},
        dosage="- 2.5 - 10 mg orally once daily.",
        regimen=(2.5, 10, "mg", 7),
    ),
    Row(
        "interval in brackets with a comma",
        abstract=_TRIAL + "the odds ratio was 0.60 (0.40, 0.90).",
        outcome={"measure": "OR", "value": 0.6, "ci_low": 0.4, "ci_high": 0.9},
    ),
    Row(
        "interval in square brackets with a semicolon",
        abstract=_TRIAL + "the odds ratio was 0.60 [0.40; 0.90].",
        outcome={"measure": "OR", "value": 0.6, "ci_low": 0.4, "ci_high": 0.9},
    ),
    Row(
        "negative bounds joined by a minus sign",
        abstract=_TRIAL + "HbA1c fell (MD \u22120.78, 95% CI \u22120.97\u2212\u22120.60).",
        outcome={"measure": "MD", "value": -0.78, "ci_low": -0.97, "ci_high": -0.6},
    ),
    Row(
        "a unit on each bound",
        abstract=_TRIAL + "HbA1c fell by a mean difference of -0.78% (-0.97%, -0.60%).",
        outcome={"measure": "MD", "value": -0.78, "ci_low": -0.97, "ci_high": -0.6},
    ),
    # CI labels
    Row(
        "95% CI",
        abstract=_TRIAL + "mortality fell (RR 0.74, 95% CI 0.54 to 1.02).",
        outcome={"measure": "RR", "value": 0.74, "ci_low": 0.54, "ci_high": 1.02},
    ),
    Row(
        "95%CI without a space",
        abstract=_TRIAL + "mortality fell (RR 0.74, 95%CI 0.54 to 1.02).",
        outcome={"measure": "RR", "value": 0.74, "ci_low": 0.54, "ci_high": 1.02},
    ),
    Row(
        "95 % CI with a space",
        abstract=_TRIAL + "mortality fell (RR 0.74, 95 % CI 0.54 to 1.02).",
        outcome={"measure": "RR", "value": 0.74, "ci_low": 0.54, "ci_high": 1.02},
    ),
    Row(
        "95·5% CI with a middle dot",
        abstract=_TRIAL + "mortality fell (RR 0.74, 95\u00b75% CI 0.54 to 1.02).",
        outcome={"measure": "RR", "value": 0.74, "ci_low": 0.54, "ci_high": 1.02, "ci_level": 95.5},
    ),
    Row(
        "95%-CI with a hyphen",
        abstract=_TRIAL + "mortality fell (RR 0.74, 95%-CI 0.54\u20131.02).",
        outcome={"measure": "RR", "value": 0.74, "ci_low": 0.54, "ci_high": 1.02},
    ),
    Row(
        "90% CI",
        abstract=_TRIAL + "mortality fell (RR 0.74, 90% CI 0.58 to 0.94).",
        outcome={"measure": "RR", "value": 0.74, "ci_low": 0.58, "ci_high": 0.94, "ci_level": 90},
    ),
    Row(
        "confidence interval written out with [CI]",
        abstract=_TRIAL + "mortality fell (relative risk 0.74; 95% confidence interval [CI], "
        "0.54 to 1.02).",
        outcome={"measure": "RR", "value": 0.74, "ci_low": 0.54, "ci_high": 1.02},
    ),
    # p values
    Row(
        "P < .001 without a leading zero",
        abstract=_TRIAL + "mortality fell (HR 0.70, 95% CI 0.60 to 0.82; P < .001).",
        outcome={"measure": "HR", "value": 0.7, "p": "<0.001"},
    ),
    Row(
        "p‹0·0001 with an angle quote and a middle dot",
        abstract=_TRIAL + "mortality fell (HR 0\u00b770, 95% CI 0\u00b760\u20130\u00b782; "
        "p\u20390\u00b70001).",
        outcome={"measure": "HR", "value": 0.7, "p": "<0.0001"},
    ),
    Row(
        "P=0.93 with log-rank test",
        abstract=_TRIAL + "survival did not differ (HR 0.98, 95% CI 0.70 to 1.37; "
        "P=0.93 with log-rank test).",
        outcome={"measure": "HR", "value": 0.98, "p": "0.93"},
    ),
    Row(
        "P for interaction belongs to no estimate",
        abstract=_TRIAL + "mortality fell (HR 0.70, 95% CI 0.60 to 0.82). The effect did not "
        "differ by sex (P for interaction = 0.62).",
        outcome={"measure": "HR", "value": 0.7, "p": None},
    ),
    Row(
        "P for heterogeneity after the estimate's own p",
        abstract=_TRIAL + "mortality fell (HR 0.80, 95% CI 0.70 to 0.91; P < 0.001). "
        "P for heterogeneity = 0.21.",
        outcome={"measure": "HR", "value": 0.8, "p": "<0.001"},
    ),
    Row(
        "P-interaction inside the estimate's brackets",
        abstract=_TRIAL + "mortality fell (HR 0.80, 95% CI 0.70 to 0.91; P-interaction = 0.03).",
        outcome={"measure": "HR", "value": 0.8, "p": None},
    ),
]


def _ids(rows: list[Row]) -> list[str]:
    return [row.name for row in rows]


_EXTRACT_ROWS = [row for row in ROWS if row.abstract is not None]
_DOSAGE_ROWS = [row for row in ROWS if row.dosage is not None]
_DOSE_ROWS = [row for row in ROWS if row.dose is not None]


@pytest.mark.parametrize("row", _EXTRACT_ROWS, ids=_ids(_EXTRACT_ROWS))
def test_extract_reads_the_notation(tmp_path: Path, row: Row) -> None:
    assert row.abstract is not None
    path = tmp_path / "abstract.txt"
    path.write_text(row.abstract + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(path), "--json"])
    assert result.exit_code == 0, result.output
    studies = json.loads(result.stdout)
    assert len(studies) == 1, studies
    study = studies[0]
    assert {key: study[key] for key in row.study} == row.study
    if row.outcome is not None:
        assert len(study["outcomes"]) == 1, study["outcomes"]
        outcome = study["outcomes"][0]
        assert {key: outcome.get(key) for key in row.outcome} == row.outcome


def _profile(slug: str, dosage: str) -> str:
    return (
        f"---\ntitle: {slug}\ndescription: A compound.\n---\n## Dosage\n\n### Adults\n\n{dosage}\n"
    )


@pytest.fixture(scope="module")
def dosage_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One library holding a compound per dosage row, built once through the CLI."""
    content = tmp_path_factory.mktemp("content")
    (content / "compounds").mkdir()
    for index, row in enumerate(_DOSAGE_ROWS):
        assert row.dosage is not None
        slug = f"notation-{index}"
        (content / "compounds" / f"{slug}.md").write_text(_profile(slug, row.dosage), "utf-8")
    db = content.parent / "notation.db"
    result = CliRunner().invoke(app, ["build", str(content), "--db", str(db), "--quiet"])
    assert result.exit_code == 0, result.output
    return db


@pytest.mark.parametrize("row", _DOSAGE_ROWS, ids=_ids(_DOSAGE_ROWS))
def test_build_and_show_read_the_dose(dosage_build: Path, row: Row) -> None:
    slug = f"notation-{_DOSAGE_ROWS.index(row)}"
    result = CliRunner().invoke(app, ["show", slug, "--json", "--db", str(dosage_build)])
    assert result.exit_code == 0, result.output
    regimens = json.loads(result.stdout)["regimens"]
    assert [
        (r["amount_min"], r["amount_max"], r["unit"], r["doses_per_week"]) for r in regimens
    ] == [row.regimen]


@pytest.mark.parametrize("row", _DOSE_ROWS, ids=_ids(_DOSE_ROWS))
def test_dose_reads_the_amount(row: Row) -> None:
    assert row.dose is not None
    result = CliRunner().invoke(app, ["dose", *row.dose, "--json"])
    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout)
    assert {key: answer[key] for key in row.dosed} == row.dosed
