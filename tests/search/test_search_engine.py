from __future__ import annotations

import re
import sqlite3

import pytest

from evidex.search.engine import SearchEngine, _first_word_match, engine_for, highlight


def first(engine: SearchEngine, conn: sqlite3.Connection, query: str) -> tuple[str, str]:
    hit = engine.search(conn, query, limit=1).items[0]
    return hit.type, hit.slug


@pytest.mark.parametrize(
    "query", ["Zadaxin", "thymalfasin", "Tα1", "thymosin alpha-1", "Thymosin Alpha 1", "TA1"]
)
def test_every_name_of_a_compound_puts_its_profile_first(
    engine: SearchEngine, sample_conn: sqlite3.Connection, query: str
) -> None:
    assert first(engine, sample_conn, query) == ("compound", "thymosin-alpha-1")


@pytest.mark.parametrize(
    ("typo", "slug"),
    [("thymosine alfa", "thymosin-alpha-1"), ("semaglutid", "semaglutide"),
     ("tirzepitide", "tirzepatide"), ("melatonine", "melatonin"), ("creatin", "creatine")],
)  # fmt: skip
def test_names_within_two_edits_are_found_and_offered(
    engine: SearchEngine, sample_conn: sqlite3.Connection, typo: str, slug: str
) -> None:
    results = engine.search(sample_conn, typo)
    assert (results.items[0].type, results.items[0].slug) == ("compound", slug)


def test_a_misspelt_name_suggests_the_real_one(
    engine: SearchEngine, sample_conn: sqlite3.Connection
) -> None:
    assert engine.search(sample_conn, "tirzepitide").did_you_mean == "Tirzepatide"
    assert engine.search(sample_conn, "tirzepatide").did_you_mean is None


def test_half_typed_names_match_by_prefix(
    engine: SearchEngine, sample_conn: sqlite3.Connection
) -> None:
    assert first(engine, sample_conn, "sema") == ("compound", "semaglutide")
    assert first(engine, sample_conn, "tirz") == ("compound", "tirzepatide")


@pytest.mark.parametrize("query", ["hepatitis B", "liver", "HCC", "liver cancer"])
def test_liver_conditions_lead_to_thymosin_and_its_liver_deep_dive(
    engine: SearchEngine, sample_conn: sqlite3.Connection, query: str
) -> None:
    top = [(h.type, h.slug) for h in engine.search(sample_conn, query, limit=2).items]
    assert top == [
        ("compound", "thymosin-alpha-1"),
        ("research", "thymosin-alpha-1-liver-health"),
    ]


def test_the_goal_page_comes_first_for_its_own_name_and_later_for_a_condition(
    engine: SearchEngine, sample_conn: sqlite3.Connection
) -> None:
    assert first(engine, sample_conn, "Liver health") == ("goal", "liver-health")
    ranked = [(h.type, h.slug) for h in engine.search(sample_conn, "cirrhosis").items]
    assert ("goal", "liver-health") in ranked[1:4]


def test_a_name_plus_a_topic_finds_the_deep_dive(
    engine: SearchEngine, sample_conn: sqlite3.Connection
) -> None:
    assert first(engine, sample_conn, "semaglutide weight loss") == (
        "research",
        "semaglutide-weight-loss",
    )
    assert first(engine, sample_conn, "semaglutide side effects") == ("compound", "semaglutide")


def test_body_text_is_stemmed(engine: SearchEngine, sample_conn: sqlite3.Connection) -> None:
    singular = {h.slug for h in engine.search(sample_conn, "fracture", limit=50).items}
    plural = {h.slug for h in engine.search(sample_conn, "fractures", limit=50).items}
    assert singular and singular == plural


def test_filters_keep_only_matching_documents(
    engine: SearchEngine, sample_conn: sqlite3.Connection
) -> None:
    research = engine.search(sample_conn, "liver", types={"research"}).items
    assert research and all(h.type == "research" for h in research)
    strong = engine.search(sample_conn, "weight", max_tier=2).items
    assert strong and all(h.tier is not None and h.tier <= 2 for h in strong)
    banned = engine.search(sample_conn, "peptide", banned=True).items
    assert banned and all(h.is_banned for h in banned)
    for_sleep = engine.search(sample_conn, "dose", goal="sleep").items
    assert for_sleep and all("sleep" in h.goals for h in for_sleep)


def test_paging_walks_the_same_ranking(
    engine: SearchEngine, sample_conn: sqlite3.Connection
) -> None:
    whole = engine.search(sample_conn, "injection", limit=10)
    second = engine.search(sample_conn, "injection", limit=3, offset=3)
    assert whole.total == second.total > 6
    assert [h.slug for h in second.items] == [h.slug for h in whole.items[3:6]]


def test_results_are_grouped_by_type_in_rank_order(
    engine: SearchEngine, sample_conn: sqlite3.Connection
) -> None:
    results = engine.search(sample_conn, "liver")
    assert set(results.groups) <= {"compound", "research", "goal"}
    for hits in results.groups.values():
        assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_snippets_mark_matches_and_escape_everything_else(
    engine: SearchEngine, sample_conn: sqlite3.Connection
) -> None:
    hit = engine.search(sample_conn, "hepatitis", limit=1).items[0]
    assert "<mark>" in hit.snippet
    without_marks = re.sub(r"</?mark>", "", hit.snippet)
    assert "<" not in without_marks and ">" not in without_marks


def test_highlight_escapes_html_around_the_marks() -> None:
    marked = highlight("<b>liver</b> & livers", ["liver"])
    assert marked == "&lt;b&gt;<mark>liver</mark>&lt;/b&gt; &amp; <mark>livers</mark>"


def test_suggest_lists_names_starting_with_the_text(
    engine: SearchEngine, sample_conn: sqlite3.Connection
) -> None:
    names = engine.suggest("ze")
    assert {"name": "Zepbound", "slug": "tirzepatide", "title": "Tirzepatide"} in names
    assert len(engine.suggest("t")) == 8
    assert engine.suggest("") == []
    assert engine.suggest("semaglutid")[0]["slug"] == "semaglutide"


HOSTILE = [
    '"', '""', "*", "NEAR", "NEAR(", "-", "-liver", "(", ")", "()", ":", "^", "title:liver",
    "^liver", '"liver', "liver*", "a OR", "AND", "NOT", "", "   ", "\t\n", "x" * 2000,
    "liver " * 400, "печень", "胸腺肽", "كبد", "🧬💉", "liver 💊", "\x00", "live\x00r",
    "'; DROP TABLE search_docs; --", "<script>alert(1)</script>", "%", "_", "\\", "{title}:x",
]  # fmt: skip


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_are_answered_without_an_error(
    engine: SearchEngine, sample_conn: sqlite3.Connection, query: str
) -> None:
    results = engine.search(sample_conn, query, limit=5)
    assert results.total >= len(results.items)
    for hit in results.items:
        assert "<script" not in hit.snippet
    engine.suggest(query)


def test_empty_queries_return_nothing(
    engine: SearchEngine, sample_conn: sqlite3.Connection
) -> None:
    assert engine.search(sample_conn, "  ").total == 0


def test_engine_is_cached_per_build(sample_conn: sqlite3.Connection) -> None:
    one = engine_for(sample_conn, "build-a")
    assert engine_for(sample_conn, "build-a") is one
    assert engine_for(sample_conn, "build-b") is not one


def test_a_build_without_search_tables_answers_empty() -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE tiers (compound_slug TEXT, goal TEXT, tier INTEGER)")
    assert SearchEngine(conn).search(conn, "liver").total == 0


@pytest.mark.parametrize(
    ("typed", "slug"),
    [
        ("zadaxn", "thymosin-alpha-1"),  # a letter dropped from a brand
        ("melatonn", "melatonin"),
        ("semaglutdie", "semaglutide"),  # two letters swapped
        ("tesamo", "tesamorelin"),  # the start of a name
    ],
)
def test_close_names_offer_the_compound_a_reader_meant(
    engine: SearchEngine, typed: str, slug: str
) -> None:
    suggestions = engine.close_names(typed)
    assert suggestions[0]["slug"] == slug
    assert len({s["slug"] for s in suggestions}) == len(suggestions)  # one per compound


def test_close_names_offer_nothing_for_noise(engine: SearchEngine) -> None:
    assert engine.close_names("!!!") == []
    assert engine.close_names("qqqqqqqqqqqq") == []


@pytest.mark.parametrize(
    ("text", "terms", "prefix", "at"),
    [
        ("unclear, clinical", ["cl"], None, None),  # inside a word, or a longer word: no
        ("unclear, cl 8809", ["cl"], None, 9),
        ("x_liver", ["liver"], None, 2),  # an underscore parts words, as isalnum() has it
        ("liverworts livered", ["liver"], None, 11),  # 4+ letters: up to 3 more
        ("livery", ["liv"], "liv", 0),  # the half-typed last word starts any word
        ("x hep b y, hepatitis", ["hep", "b"], None, 2),  # the phrase as typed
        ("Naïve, LIVER", ["liver"], None, 7),
    ],
)  # fmt: skip
def test_a_snippet_starts_at_the_first_whole_word_a_term_starts(
    text: str, terms: list[str], prefix: str | None, at: int | None
) -> None:
    assert _first_word_match(text, terms, prefix) == at
