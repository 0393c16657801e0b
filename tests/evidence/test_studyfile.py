"""Curated study files and frontmatter study lists: parsed to Study, errors at the right line."""

from __future__ import annotations

from pathlib import Path

import pytest

from evidex.content.yamlload import load_yaml, split_frontmatter
from evidex.evidence.studyfile import parse_study_file, parse_study_list

FIXTURES = Path(__file__).parent / "fixtures"


def parse_fixture(name: str):  # type: ignore[no-untyped-def]
    path = FIXTURES / "studies" / name
    return parse_study_file(path.read_text(encoding="utf-8"), str(path))


def test_valid_rct_becomes_a_study_with_every_field() -> None:
    study, diagnostics = parse_fixture("valid_rct.yaml")
    assert diagnostics == []
    assert study is not None
    assert study.id == "hcc-adjuvant-rct"
    assert study.design == "rct" and study.n == 412 and study.comparator_type == "placebo"
    assert study.citation.year == 2021 and study.citation.pmid == "12345678"
    assert [o.measure for o in study.outcomes] == ["HR", "percent"]
    assert study.outcomes[1].arms[1].name == "placebo"
    assert study.line == 1 and study.source_path.endswith("valid_rct.yaml")


def test_estimate_outside_its_interval_is_an_error_on_the_value_line() -> None:
    study, diagnostics = parse_fixture("estimate_outside_ci.yaml")
    assert study is None
    assert [(d.line, d.level) for d in diagnostics] == [(7, "error")]
    assert "0.3 lies outside its CI [0.4, 0.9]" in diagnostics[0].message


def test_wrong_types_point_at_their_own_lines() -> None:
    study, diagnostics = parse_fixture("wrong_types.yaml")
    assert study is None
    lines = sorted(d.line for d in diagnostics)
    assert lines == [3, 12]
    assert all(d.level == "error" for d in diagnostics)
    assert any("outcomes.1.value" in d.message for d in diagnostics)


def test_p_that_contradicts_the_interval_is_a_warning_both_ways() -> None:
    study, diagnostics = parse_fixture("p_disagrees_with_ci.yaml")
    assert study is not None
    assert [(d.line, d.level) for d in diagnostics] == [(10, "warning"), (16, "warning")]
    assert "crosses 1" in diagnostics[0].message
    assert "excludes 1" in diagnostics[1].message


def test_animal_design_marked_human_warns_and_is_kept_preclinical() -> None:
    study, diagnostics = parse_fixture("rat_study_marked_human.yaml")
    assert study is not None and study.human is False
    assert [(d.line, d.level) for d in diagnostics] == [(3, "warning")]


@pytest.mark.parametrize(
    ("yaml_text", "line", "fragment"),
    [
        ("id: a\ndesign: survey\n", 2, "valid designs: meta-analysis, rct"),
        ("id: a\ndesign: rct\nn: 0\n", 3, "must be a positive number"),
        ("id: a\ndesign: rct\nn: -12\n", 3, "must be a positive number"),
        ("design: rct\nn: 10\n", 1, "no `id`"),
        ("id: [a, b]\ndesign: rct\n", 1, "`id` must be"),
        (
            "id: a\ndesign: rct\noutcomes:\n  - name: x\n    measure: HR\n    value: 1\n"
            "    arms: 7\n",
            7,
            "arms",
        ),
        (
            "id: a\ndesign: rct\noutcomes:\n  - name: x\n    measure: QALY\n    value: 3\n",
            5,
            "unknown measure 'QALY'",
        ),
        (
            "id: a\ndesign: rct\noutcomes:\n  - name: x\n    measure: OR\n    value: 0\n",
            6,
            "must be above 0",
        ),
        (
            "id: a\ndesign: rct\noutcomes:\n  - name: x\n    measure: RR\n    value: 1.2\n"
            "    ci_low: -0.1\n    ci_high: 2\n",
            7,
            "must be above 0",
        ),
        (
            "id: a\ndesign: rct\noutcomes:\n  - name: x\n    measure: MD\n    value: 2\n"
            "    ci_low: 3\n    ci_high: 1\n",
            7,
            "low bound 3.0 is above the high bound 1.0",
        ),
        ("- just\n- a list\n", 1, "mapping"),
    ],
)
def test_each_defect_is_an_error_with_its_line(yaml_text: str, line: int, fragment: str) -> None:
    study, diagnostics = parse_study_file(yaml_text, "s.yaml")
    assert study is None
    errors = [d for d in diagnostics if d.level == "error"]
    assert errors and errors[0].line == line
    assert fragment in errors[0].message


def test_frontmatter_study_list_reports_file_lines() -> None:
    text = (
        "---\n"
        "title: Example\n"
        "studies:\n"
        "  - id: good\n"
        "    design: cohort\n"
        "    n: 120\n"
        "  - id: bad\n"
        "    design: rct\n"
        "    outcomes:\n"
        "      - {name: Death, measure: HR, value: 1.5, ci_low: 0.5, ci_high: 1.2}\n"
        "  - id: good\n"
        "    design: rct\n"
        "---\nbody\n"
    )
    document = split_frontmatter(text, "article.md")
    studies, diagnostics = parse_study_list(
        document.meta.data["studies"], "article.md", document.meta, ("studies",)
    )
    assert [s.id for s in studies] == ["good"]
    assert studies[0].line == 4
    assert [(d.line, d.level) for d in diagnostics] == [(10, "error"), (11, "error")]
    assert "duplicate study id 'good'" in diagnostics[1].message


def test_study_list_that_is_not_a_list_is_one_error() -> None:
    located = load_yaml("studies: twelve\n", "a.md", line_offset=1)
    studies, diagnostics = parse_study_list(located.data["studies"], "a.md", located, ("studies",))
    assert studies == []
    assert [(d.line, d.level) for d in diagnostics] == [(2, "error")]


def test_seed_study_list_fixture_parses_cleanly() -> None:
    located = load_yaml((FIXTURES / "liver_health_article_studies.yaml").read_text(), "f.yaml")
    studies, diagnostics = parse_study_list(
        located.data["studies"], "f.yaml", located, ("studies",)
    )
    assert diagnostics == []
    assert [s.design for s in studies] == [
        "rct",
        "meta-analysis",
        "rct",
        "propensity-matched",
        "case-series",
    ]


def test_broken_yaml_is_one_error_near_the_broken_line() -> None:
    study, diagnostics = parse_study_file("id: a\ndesign: [unclosed\n", "s.yaml")
    assert study is None
    assert len(diagnostics) == 1 and diagnostics[0].level == "error"
    assert diagnostics[0].line in (2, 3)  # the opening bracket or where the parser gave up
    assert "invalid YAML" in diagnostics[0].message
