from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given
from hypothesis import strategies as st

from evidex.search.query import MAX_TERMS, fts_expression, parse_query


def test_greek_letters_are_spelled_out_like_names() -> None:
    parsed = parse_query("Tα1")
    assert parsed.tokens == ["t", "alpha", "1"]
    assert parsed.folded == parse_query("talpha1").folded


def test_question_words_are_not_search_terms() -> None:
    assert parse_query("is thymosin safe in pregnancy").terms == ["thymosin", "pregnancy"]


def test_a_query_of_only_stopwords_still_searches_its_words() -> None:
    assert parse_query("what is it").terms == ["what", "is", "it"]


def test_whitespace_is_collapsed_and_length_bounded() -> None:
    parsed = parse_query("  semaglutide \n\t weekly  " + "x " * 3000)
    assert parsed.text.startswith("semaglutide weekly x")
    assert len(parsed.text) <= 500
    assert len(parsed.terms) <= MAX_TERMS


def test_expression_quotes_every_term_and_stars_the_last_for_prefixes() -> None:
    assert fts_expression(parse_query("liver canc")) == '"liver" "canc"*'
    assert fts_expression(parse_query("bone d3"), any_term=True) == '"bone" OR "d3"'


def test_expression_of_an_empty_query_is_empty() -> None:
    assert fts_expression(parse_query("   ")) == ""
    assert fts_expression(parse_query('"*()^:-')) == ""


@pytest.fixture(scope="module")
def fts() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='porter unicode61')")
    conn.execute("INSERT INTO t VALUES ('near the liver, not or and')")
    return conn


@given(st.text(max_size=300))
def test_any_text_becomes_an_expression_fts5_accepts(text: str) -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='porter unicode61')")
    parsed = parse_query(text)
    for any_term in (False, True):
        expression = fts_expression(parsed, any_term=any_term)
        if expression:
            conn.execute("SELECT rowid FROM t WHERE t MATCH ?", (expression,)).fetchall()


@pytest.mark.parametrize("operator", ["NEAR", "AND", "OR", "NOT"])
def test_fts_operators_typed_by_a_reader_are_plain_words(
    fts: sqlite3.Connection, operator: str
) -> None:
    expression = fts_expression(parse_query(f"liver {operator}"))
    rows = fts.execute("SELECT rowid FROM t WHERE t MATCH ?", (expression,)).fetchall()
    assert rows == [(1,)]
