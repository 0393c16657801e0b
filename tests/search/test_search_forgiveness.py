"""Misspelt and shortened goals and conditions find their goal, with a "did you mean"; marks
fall on whole words the query matched."""

from __future__ import annotations

import sqlite3

import pytest

from evidex.search.engine import SearchEngine, _phrase_edits, highlight


@pytest.mark.parametrize(
    ("query", "goal", "meant"),
    [
        ("slepe", "sleep", "sleep"),
        ("sleap", "sleep", "sleep"),
        ("insomnai", "sleep", "insomnia"),
        ("hepatitus", "liver-health", "hepatitis"),
        ("hep b", "liver-health", "hepatitis b"),
        ("hepatits b", "liver-health", "hepatitis b"),
    ],
)
def test_a_misspelt_goal_or_condition_finds_the_goal_and_says_what_it_read(
    engine: SearchEngine, sample_conn: sqlite3.Connection, query: str, goal: str, meant: str
) -> None:
    results = engine.search(sample_conn, query, limit=10)
    assert ("goal", goal) in [(hit.type, hit.slug) for hit in results.items]
    assert results.did_you_mean == meant
    first_compound = next(hit for hit in results.items if hit.type == "compound")
    assert goal in first_compound.goals


def test_a_goal_spelled_right_offers_no_correction(
    engine: SearchEngine, sample_conn: sqlite3.Connection
) -> None:
    assert engine.search(sample_conn, "hepatitis b").did_you_mean is None
    assert engine.search(sample_conn, "sleep").did_you_mean is None


def test_only_a_word_the_library_does_not_contain_is_read_as_a_typo() -> None:
    assert _phrase_edits(["sheep"], ("sleep",), unknown=set()) is None
    assert _phrase_edits(["sheep"], ("sleep",), unknown={"sheep"}) == 1
    assert _phrase_edits(["hep"], ("hepatitis", "b"), unknown=set()) is None  # nothing written out


def test_highlighting_marks_whole_matched_words_only() -> None:
    text = "Given by injection for hepatitis B; livers and hepatic cells."
    marked = highlight(text, ["hepatitis", "b"])
    assert "<mark>by</mark>" not in marked and "<mark>b</mark>y" not in marked
    assert "<mark>hepatitis</mark>" in marked and "<mark>B</mark>" in marked
    assert "<mark>livers</mark>" in highlight(text, ["liver"])
    assert "<mark>hepatic</mark>" in highlight(text, ["hep"], prefix="hep")
    assert "<mark>" not in highlight(text, ["hep"])


def test_snippets_of_hepatitis_b_never_mark_a_word_starting_with_b(
    engine: SearchEngine, sample_conn: sqlite3.Connection
) -> None:
    for hit in engine.search(sample_conn, "hepatitis b", limit=20).items:
        for word in hit.snippet.split("<mark>")[1:]:
            assert word.split("</mark>")[0].lower() in {"hepatitis", "b"}, hit.snippet
