"""Markdown rendering stays bounded on hostile nesting and says where it cut back."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from evidex.content.article import parse_article
from evidex.content.render import MAX_QUOTE_DEPTH, markdown_to_html

ARTICLES = Path(__file__).parent / "fixtures" / "articles"


def _deepest_quote(html: str) -> int:
    depth = deepest = 0
    for tag in re.findall(r"</?blockquote>", html):
        depth += -1 if tag.startswith("</") else 1
        deepest = max(deepest, depth)
    return deepest


@pytest.mark.parametrize(
    "line",
    ["> " * 40_000 + "deep words", ">" * 40_000 + " deep words", "- " + ">" * 5_000 + "deep words"],
    ids=["spaced", "packed", "inside a list item"],
)
def test_blockquotes_nested_past_the_limit_are_flattened_with_a_note(line: str) -> None:
    notes: list[tuple[int, str]] = []
    html = markdown_to_html(f"Intro.\n\n{line}\n", notes)
    assert _deepest_quote(html) == MAX_QUOTE_DEPTH
    assert "deep words" in html
    assert notes == [(3, f"blockquote nested deeper than {MAX_QUOTE_DEPTH} levels; "
                         "shown at that depth")]  # fmt: skip


def test_ordinary_quotes_and_greater_than_signs_are_untouched() -> None:
    markdown = "> quoted\n> > twice\n\nA dose > 5 mg " + ">" * 40 + " arrows.\n"
    notes: list[tuple[int, str]] = []
    html = markdown_to_html(markdown, notes)
    assert notes == []
    assert _deepest_quote(html) == 2
    assert "&gt;" * 40 in html


def test_an_article_warns_at_the_file_line_of_the_deep_quote() -> None:
    text = (ARTICLES / "article_valid.md").read_text(encoding="utf-8")
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("## ")) + 1
    lines.insert(at, ">" * 10_000 + " nested")
    article, diagnostics = parse_article("\n".join(lines), "research/deep.md")
    assert article is not None
    warnings = [d for d in diagnostics if "blockquote nested deeper" in d.message]
    assert [(d.level, d.line) for d in warnings] == [("warning", at + 1)]
