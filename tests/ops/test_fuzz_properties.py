"""Property tests: every parser takes any text and answers with data or diagnostics, never
an exception, and what it returns is well formed."""

from __future__ import annotations

import math
import sqlite3
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evidex.content.article import parse_article
from evidex.content.importer import import_article
from evidex.content.profile import parse_profile
from evidex.content.regimens import parse_regimens
from evidex.evidence.extract import extract_studies
from evidex.search.query import MAX_TERMS, fts_expression, parse_query

FIXTURES = Path(__file__).resolve().parent / "fixtures"
PROFILE = (FIXTURES / "profile_with_defects.md").read_text(encoding="utf-8")
PAGE = (FIXTURES / "deep_dive_page_text.txt").read_text(encoding="utf-8")
REGIMEN_LINES = [
    "250-500 mcg subcutaneously once daily for 4-6 weeks",
    "Adults: 1.6 mg once weekly (titrate from 0.4 mg/week); children <40 kg 0.05 mg/kg",
    "0.5 mg q.d. x 12 wk, then 1 g every 3 days IM",
    "3–5 g/day oral; loading 20 g/day ×5–7 d",
    "5000 IU weekly",
]
ABSTRACT = (
    "Background: We ran a randomized, double-blind, placebo-controlled trial in 120 adults. "
    "Results: The mean difference was -2.1 kg (95% CI -3.0 to -1.2; p<0.001) at 12 weeks. "
    "Conclusions: It helped."
)

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def mutated(draw: st.DrawFn, seed: str) -> str:
    """The seed cut, spliced with random text, or with a line repeated or dropped."""
    lines = seed.split("\n")
    for _ in range(draw(st.integers(0, 4))):
        if not lines:
            break
        at = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["drop", "repeat", "insert", "cut"]))
        if action == "drop":
            del lines[at]
        elif action == "repeat":
            lines.insert(at, lines[at])
        elif action == "insert":
            lines.insert(at, draw(st.text(max_size=80)))
        else:
            lines[at] = lines[at][: draw(st.integers(0, len(lines[at])))]
    text = "\n".join(lines)
    if draw(st.booleans()):
        text = text[: draw(st.integers(0, len(text)))]
    return text


def any_text(seed: str) -> st.SearchStrategy[str]:
    return st.one_of(st.text(max_size=400), mutated(seed))


@SETTINGS
@given(any_text(PROFILE))
def test_parse_profile_answers_with_a_compound_or_errors(text: str) -> None:
    compound, diagnostics = parse_profile(text, "compounds/fuzz.md")
    assert all(d.path == "compounds/fuzz.md" and d.line >= 0 for d in diagnostics)
    if compound is None:
        assert any(d.level == "error" for d in diagnostics)
    else:
        assert compound.slug and compound.title
        for regimen in compound.regimens:
            assert regimen.amount_min <= regimen.amount_max


@SETTINGS
@given(any_text(PAGE))
def test_import_article_writes_a_file_the_article_parser_reads(text: str) -> None:
    imported = import_article(text, source="fuzz.txt")
    assert imported.markdown.startswith("---\n")
    assert imported.slug == imported.slug.strip()
    article, diagnostics = parse_article(imported.markdown, "research/fuzz.md")
    # A page the importer could not make sense of must say why, not fail silently.
    assert article is not None or diagnostics or imported.warnings


@SETTINGS
@given(st.one_of(any_text(ABSTRACT), any_text(PAGE)))
def test_extract_studies_proposes_only_unverified_well_formed_records(text: str) -> None:
    for study in extract_studies(text, source="fuzz.txt"):
        assert study.curated is False
        assert study.id
        if study.n is not None:
            assert study.n > 0


@SETTINGS
@given(st.one_of(st.sampled_from(REGIMEN_LINES), any_text("\n".join(REGIMEN_LINES))))
def test_parse_regimens_gives_finite_ordered_amounts(text: str) -> None:
    for regimen in parse_regimens(text):
        assert math.isfinite(regimen.amount_min) and math.isfinite(regimen.amount_max)
        assert 0 <= regimen.amount_min <= regimen.amount_max
        assert regimen.unit


def _fts_table() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE docs USING fts5(body)")
    conn.execute("INSERT INTO docs VALUES ('bpc 157 tissue repair and melatonin sleep')")
    return conn


FTS = _fts_table()


@SETTINGS
@given(st.text(max_size=700), st.booleans())
def test_search_queries_always_make_a_valid_fts_expression(raw: str, any_term: bool) -> None:
    parsed = parse_query(raw)
    assert len(parsed.terms) <= MAX_TERMS
    expression = fts_expression(parsed, any_term)
    if expression:
        FTS.execute("SELECT count(*) FROM docs WHERE docs MATCH ?", (expression,)).fetchone()
    else:
        assert not parsed.terms
