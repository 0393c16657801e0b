"""Research article parsing: frontmatter rules, disclaimer handling, headings and studies."""

from __future__ import annotations

from pathlib import Path

import pytest

from evidex.content.article import level2_headings, parse_article, split_leading_disclaimer

FIXTURES = Path(__file__).parent / "fixtures" / "articles"


def _read(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def test_valid_article_becomes_a_model_with_rendered_body() -> None:
    article, diagnostics = parse_article(_read("article_valid.md"), "research/t-liver.md")
    assert diagnostics == []
    assert article is not None
    assert article.slug == "t-liver"
    assert article.compound == "Thymosin Alpha-1"
    assert article.goal == "liver-health"
    assert article.tier == 3
    assert article.last_modified == "2025-09-22"
    assert article.headings == ["Overview", "What the Research Shows", "The Bottom Line"]
    assert "<h3>Chronic Hepatitis B</h3>" in article.body_html


def test_leading_disclaimer_paragraph_moves_out_of_the_body() -> None:
    article, _ = parse_article(_read("article_valid.md"), "research/x.md")
    assert article is not None
    assert article.disclaimer == "Educational content only. Ask a qualified clinician before use."
    assert "Disclaimer" not in article.body_markdown
    assert article.body_markdown.startswith("## Overview")


def test_frontmatter_disclaimer_wins_and_body_has_none() -> None:
    article, _ = parse_article(_read("article_with_studies.md"), "research/e.md")
    assert article is not None
    assert article.disclaimer == "Not medical advice."


def test_broken_keys_are_errors_with_lines_and_unknown_keys_warn() -> None:
    article, diagnostics = parse_article(_read("article_broken_keys.md"), "research/b.md")
    assert article is None
    found = {(d.level, d.line, d.message.split(":")[0]) for d in diagnostics}
    assert ("error", 1, "missing required key 'compound'") in found
    messages = {d.line: (d.level, d.message) for d in diagnostics}
    assert messages[3] == ("warning", "'goal' written as 'Liver Health'; read as 'liver-health'")
    assert messages[4][0] == "error" and "tier" in messages[4][1]
    assert any(d.level == "warning" and d.line == 5 and "colour" in d.message for d in diagnostics)


def test_tier_outside_one_to_five_is_rejected() -> None:
    text = "---\ntitle: T\ncompound: C\ngoal: sleep\ntier: 6\n---\nBody.\n"
    article, diagnostics = parse_article(text, "research/t.md")
    assert article is None
    assert [(d.line, d.level) for d in diagnostics] == [(5, "error")]


def test_non_text_compound_is_a_type_error() -> None:
    text = "---\ntitle: T\ncompound: [a, b]\ngoal: sleep\n---\nBody.\n"
    article, diagnostics = parse_article(text, "research/t.md")
    assert article is None
    assert diagnostics[0].line == 3 and "must be text" in diagnostics[0].message


def test_file_without_frontmatter_is_one_error() -> None:
    article, diagnostics = parse_article("## Overview\n\nNo frontmatter.\n", "research/n.md")
    assert article is None
    assert len(diagnostics) == 1 and diagnostics[0].level == "error"


def test_curated_studies_in_frontmatter_are_parsed() -> None:
    article, diagnostics = parse_article(_read("article_with_studies.md"), "research/e.md")
    assert article is not None, diagnostics
    assert [s.id for s in article.studies] == ["examplotide-sleep-rct"]
    assert article.studies[0].outcomes[0].ci_high == -4.0


def test_bad_study_entry_is_reported_at_its_line() -> None:
    text = (
        "---\ntitle: T\ncompound: C\ngoal: sleep\nstudies:\n"
        "  - id: s1\n    design: not-a-design\n---\nBody.\n"
    )
    _, diagnostics = parse_article(text, "research/t.md")
    assert any(d.level == "error" and 6 <= d.line <= 7 for d in diagnostics)


def test_level2_headings_ignore_code_fences_and_strip_bold() -> None:
    body = "## **Overview**\n\n```\n## not a heading\n```\n\n### Sub\n\n## End ##\n"
    assert level2_headings(body) == ["Overview", "End"]


def test_disclaimer_split_only_takes_a_leading_paragraph() -> None:
    text, rest = split_leading_disclaimer("**Disclaimer:** Be careful.\n\n## A\n")
    assert (text, rest) == ("Be careful.", "## A\n")
    none, same = split_leading_disclaimer("## A\n\n**Disclaimer:** later\n")
    assert none is None and same.startswith("## A")


def test_level2_headings_take_only_two_hashes_then_a_space_or_the_end() -> None:
    # CommonMark: '##' alone is an empty heading; '##Tight' is a paragraph
    body = "## Two ##\n### Three\n##Tight\n#One\n##\tTab\n## \n##\n"
    assert level2_headings(body) == ["Two", "Tab", "", ""]


@pytest.mark.parametrize(
    ("written", "tier", "warned"),
    [
        ("3", 3, False),
        ("'Tier 4'", 4, True),
        ("'3 (probable efficacy)'", 3, True),
        ("tier 2", 2, True),
    ],
)
def test_a_tier_written_with_its_name_is_read_as_its_number(
    written: str, tier: int, warned: bool
) -> None:
    text = f"---\ntitle: T\ncompound: C\ngoal: sleep\ntier: {written}\n---\nBody.\n"
    article, diagnostics = parse_article(text, "research/t.md")
    assert article is not None and article.tier == tier
    assert [(d.line, d.level) for d in diagnostics] == ([(5, "warning")] if warned else [])


def test_keys_in_another_spelling_and_a_date_that_is_not_one() -> None:
    text = "---\nTitle: T\nCompound: C\nGoal: Weight Loss\nlast_updated: March 2025\n---\nBody.\n"
    article, diagnostics = parse_article(text, "research/t.md")
    assert article is not None
    assert (article.title, article.compound, article.goal) == ("T", "C", "weight-loss")
    assert article.last_modified is None  # not published as a date
    found = {(d.line, d.message) for d in diagnostics}
    assert (2, "frontmatter key 'Title' read as 'title'") in found
    assert (5, "frontmatter key 'last_updated' read as 'lastModified'") in found
    assert (
        5,
        "'lastModified' 'March 2025' is not a date (write YYYY-MM-DD); it is not published",
    ) in found
    assert (4, "'goal' written as 'Weight Loss'; read as 'weight-loss'") in found
    assert all(d.level == "warning" for d in diagnostics)
