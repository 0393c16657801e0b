"""Page text to article markdown: title, facts, headings, lists and dropped site furniture."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evidex.content.article import parse_article
from evidex.content.importer import (
    goal_slug,
    import_article,
    is_heading_line,
    make_summary,
    parse_date,
)
from evidex.content.models import Goal

FIXTURES = Path(__file__).parent / "fixtures" / "articles"
SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"
SEED_ARTICLE = SEEDS / "004_2870c86781a0922d.txt"


def _fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed_text() -> str:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    return SEED_ARTICLE.read_text(encoding="utf-8")


def test_seed_article_facts(seed_text: str) -> None:
    result = import_article(seed_text, source="seed.txt")
    assert result.title == "Thymosin Alpha-1 for Liver Health: What the Research Says"
    assert (result.compound, result.goal, result.tier) == ("Thymosin Alpha-1", "liver-health", 3)
    assert result.slug == "thymosin-alpha-1-for-liver-health"
    assert result.last_modified is None
    assert result.disclaimer is not None
    assert result.disclaimer.endswith("for liver health or any other condition.")
    assert 0 < len(result.summary) <= 300
    assert result.summary.startswith("Thymosin alpha-1 (Tα1)")


def test_seed_article_round_trips_with_sections_in_order(seed_text: str) -> None:
    result = import_article(seed_text)
    article, diagnostics = parse_article(result.markdown, f"research/{result.slug}.md")
    assert article is not None, diagnostics
    assert [d for d in diagnostics if d.level == "error"] == []
    assert article.headings == [
        "Overview",
        "How Thymosin Alpha-1 Affects Liver Health",
        "What the Research Shows",
        "Dosing for Liver Health",
        "Side Effects to Consider",
        "The Bottom Line",
    ]
    assert "lastModified" not in result.markdown.split("---")[1]
    html = article.body_html
    assert "<h3>Mechanism of Action</h3>" in html
    assert "<h3>Chronic Hepatitis B</h3>" in html
    assert "<strong>Key Results:</strong>" in html
    assert "<li><strong>ALT Normalization:</strong> 36.4% of patients" in html
    assert html.count("<ol>") == 1
    assert "OR=0.62 (95% CI 0.35–1.10)" in html


def test_seed_boilerplate_and_disclaimer_are_not_in_the_body(seed_text: str) -> None:
    result = import_article(seed_text)
    body = result.markdown.split("---\n", 2)[2]
    for furniture in (
        "Research Deep Dives",
        "Interested in",
        "View detailed evidence",
        "Build Your Evidence-Based Stack",
        "stack builder",
        "Disclaimer",
        "Last Updated",
    ):
        assert furniture not in body
    dropped = " ".join(result.warnings)
    assert "Build Your Evidence-Based Stack" in dropped and "Interested in" in dropped


def test_dated_page_with_other_boilerplate() -> None:
    result = import_article(_fixture("page_bpc157_injury_dated.txt"))
    assert (result.compound, result.goal, result.tier) == ("BPC-157", "tissue-repair", 4)
    assert result.last_modified == "2025-03-04"
    assert result.headings == [
        "Overview",
        "How BPC-157 Supports Tendon Repair",
        "What the Research Shows",
        "Dosing for Injury Healing",
        "Safety Profile",
        "Conclusion",
    ]
    body = result.markdown.split("---\n", 2)[2]
    assert "### Proposed Pathways" in body and "### Open Questions" in body
    assert "1. **Human efficacy:** no randomized trial" in body
    assert "Sign up" not in body and "weekly evidence digest" not in body
    assert "Compare vendor prices" not in body


def test_compact_page_without_section_spacing_uses_section_names() -> None:
    result = import_article(_fixture("page_semaglutide_fat_loss_compact.txt"))
    assert (result.compound, result.goal, result.tier) == ("Semaglutide", "weight-loss", 1)
    assert result.last_modified == "2025-06-30"
    assert result.disclaimer is not None and result.disclaimer.startswith("This material")
    assert result.headings[0] == "Introduction"
    assert result.headings[-1] == "Bottom Line"
    assert "### The STEP 1 Trial" in result.markdown
    assert "Related Articles" not in result.markdown.split("---\n", 2)[2]
    article, _ = parse_article(result.markdown, "research/s.md")
    assert article is not None and article.headings == result.headings


def test_markdown_input_keeps_its_headings() -> None:
    result = import_article(_fixture("markdown_ashwagandha_sleep.md"))
    assert result.title == "Ashwagandha for Sleep Quality: What the Research Says"
    assert result.goal == "sleep"
    assert result.headings == ["Overview", "What the Research Shows", "The Bottom Line"]
    assert result.disclaimer == "Informational only; talk to a doctor first."
    assert "# Ashwagandha" not in result.markdown.split("---\n", 2)[2]


def test_text_without_a_title_line_still_imports_with_warnings() -> None:
    result = import_article("Overview\n\nA paragraph about nothing in particular.\n")
    assert result.goal == "general-health"
    assert any("title" in w for w in result.warnings)
    article, _ = parse_article(result.markdown, "research/u.md")
    assert article is not None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Mechanism of Action", True),
        ("Thymosin Alpha-1 vs. Interferon-Alpha", True),
        ("Relevance to Liver Disease", True),
        ("The compound activates immune cells through several specific pathways:", False),
        ("Serious adverse events are rare.", False),
        ("  • Headache: Reported during the initial treatment phase", False),
        ("this line starts in lower case", False),
        ("Is Semaglutide Safe Long Term?", True),
        ("Is it safe to use during pregnancy?", False),
    ],
)
def test_heading_detector(line: str, expected: bool) -> None:
    assert is_heading_line(line) is expected


def test_goal_synonyms_and_slug_form() -> None:
    assert goal_slug("Liver Health") == "liver-health"
    assert goal_slug("Fat Loss") == "weight-loss"
    assert goal_slug("Sleep Quality") == "sleep"
    assert goal_slug("Bone Density") == "bone-health"
    assert goal_slug("Eye Health") == "eye-health"  # unknown phrases keep their slug form


def test_dates_in_common_forms() -> None:
    assert parse_date("March 4, 2025") == "2025-03-04"
    assert parse_date("4 March 2025") == "2025-03-04"
    assert parse_date("2025-09-22T17:21:54.329Z") == "2025-09-22"
    assert parse_date("") is None


def test_summary_stops_at_a_sentence_within_the_limit() -> None:
    long_first = "Word " * 80 + "end."
    assert len(make_summary([long_first])) <= 300
    tail = "Padding sentence number one goes on and on. " * 10
    summary = make_summary(["One short sentence. Then A vs. B follows here. " + tail])
    assert summary.startswith("One short sentence. Then A vs. B follows here. Padding")
    assert len(summary) <= 300 and summary.endswith(".")


def test_existing_frontmatter_values_are_kept() -> None:
    text = (
        "---\ntitle: Creatine for Strength\ncompound: Creatine monohydrate\ngoal: muscle-growth\n"
        "tier: 2\nlastModified: 2024-11-05\n---\n## Overview\n\nCreatine is well studied.\n"
    )
    result = import_article(text)
    assert (result.compound, result.goal, result.tier) == (
        "Creatine monohydrate",
        "muscle-growth",
        2,
    )
    assert result.last_modified == "2024-11-05"
    assert result.markdown.count("---\n") == 2
    article, _ = parse_article(result.markdown, "research/c.md")
    assert article is not None and article.headings == ["Overview"]


def test_date_on_the_line_after_last_updated() -> None:
    page = (
        "Research Deep Dives\n\nNAD+ for Longevity: What the Research Says\n\nLast Updated:\n\n"
        "January 9, 2025\n\nNAD+ for Longevity: What the Research Says\n\n\nOverview\n\n"
        "NAD+ is a coenzyme found in every living cell.\n"
    )
    result = import_article(page)
    assert result.last_modified == "2025-01-09"
    assert (result.compound, result.goal) == ("NAD+", "longevity")


@pytest.mark.parametrize("text", ["", "   \n\n", "---\n", "---\n: [\n---\n", "•\n\n1.\n\n#"])
def test_degenerate_input_never_crashes(text: str) -> None:
    result = import_article(text)
    assert result.markdown.startswith("---\n")
    assert result.warnings


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(max_size=60),
            st.sampled_from(
                [
                    "",
                    "Overview",
                    "  • Label: text",
                    "  1. Item",
                    "Key Results:",
                    "X for Y: What the Research Says",
                    "Disclaimer: careful",
                    "Last Updated:",
                    "**bold**",
                    "# Heading",
                    "---",
                ]
            ),
        ),
        max_size=25,
    )
)
def test_any_page_text_imports_to_a_parseable_article(lines: list[str]) -> None:
    result = import_article("\n".join(lines))
    article, diagnostics = parse_article(result.markdown, f"research/{result.slug}.md")
    assert article is not None, [str(d) for d in diagnostics]


def test_goal_maps_through_the_library_goals_first() -> None:
    goals = [
        Goal(slug="tissue-repair", name="Tissue repair", synonyms=["injury healing", "healing"]),
        Goal(slug="muscle-and-strength", name="Muscle and strength", synonyms=["muscle growth"]),
    ]
    assert goal_slug("Injury Healing", goals) == "tissue-repair"
    assert goal_slug("Muscle and Strength", goals) == "muscle-and-strength"
    page = "Creatine for Muscle Growth: What the Research Says\n\n\nOverview\n\nCreatine helps.\n"
    assert import_article(page, goals=goals).goal == "muscle-and-strength"


_TAXONOMY = [
    Goal(slug="tissue-repair", name="Tissue repair", synonyms=["healing"], conditions=["injury"]),
    Goal(slug="muscle-and-strength", name="Muscle and strength", synonyms=["muscle", "strength"]),
    Goal(slug="heart-health", name="Heart health", synonyms=["cardiovascular health"]),
    Goal(slug="skin-health", name="Skin health", synonyms=["skin"], conditions=["wrinkles"]),
    Goal(slug="sleep", name="Sleep", conditions=["jet lag", "insomnia"]),
    Goal(slug="bone-health", name="Bone health", synonyms=["bone density"]),
    Goal(slug="body-composition", name="Body composition", synonyms=["visceral fat"]),
]


def _page(title: str, header: str = "") -> str:
    return (
        f"Research Deep Dives\n\n{title}\n\n{header}\n\nDisclaimer: For education only; not "
        "medical advice.\n\nOverview\n\nWhat the studies found, briefly.\n\nThe Bottom Line\n\n"
        "It may help.\n"
    )


@pytest.mark.parametrize(
    ("title", "compound", "goal"),
    [
        ("BPC-157 and Tendon Healing: An Evidence Review", "BPC-157", "tissue-repair"),
        ("Creatine and Muscle Strength: What the Research Says", "Creatine", "muscle-and-strength"),
        ("Omega-3 Fatty Acids and Cardiovascular Health", "Omega-3 Fatty Acids", "heart-health"),
        ("Can Tesamorelin Reduce Visceral Fat?", "Tesamorelin", "body-composition"),
        ("Does Melatonin Help With Jet Lag?", "Melatonin", "sleep"),
        ("Effects of Vitamin D3 on Bone Density", "Vitamin D3", "bone-health"),
        ("GHK-Cu for Skin Aging and Wound Healing", "GHK-Cu", "skin-health"),
    ],
)
def test_title_shapes_beyond_x_for_y_name_compound_and_goal(
    title: str, compound: str, goal: str
) -> None:
    result = import_article(_page(title), goals=_TAXONOMY)
    assert (result.title, result.compound, result.goal) == (title, compound, goal)
    assert not [w for w in result.warnings if "goal" in w or "compound" in w]


def test_and_in_a_compound_name_is_not_taken_for_a_goal() -> None:
    result = import_article(_page("GHK-Cu and TB-500: A Stack Review"), goals=_TAXONOMY)
    assert result.goal == "general-health"
    assert any("goal not found" in warning for warning in result.warnings)


def test_the_page_headers_compound_is_used_when_the_title_names_none() -> None:
    page = _page("GHK-Cu and TB-500: A Stack Review", header="Interested in GHK-Cu?")
    assert import_article(page, goals=_TAXONOMY).compound == "GHK-Cu"
    # a title that names one wins over the header
    page = _page("Melatonin for Sleep", header="Interested in Something Else?")
    assert import_article(page, goals=_TAXONOMY).compound == "Melatonin"


def test_a_goal_outside_the_taxonomy_is_written_as_a_slug_with_a_warning() -> None:
    result = import_article(_page("Semaglutide for Hair Loss"), goals=_TAXONOMY)
    assert result.goal == "hair-loss"
    assert any("'Hair Loss' matches no goal in goals.yaml" in w for w in result.warnings)


def test_a_goal_phrase_inside_a_longer_goal_maps_to_it() -> None:
    assert goal_slug("Tendon Healing", _TAXONOMY) == "tissue-repair"
    assert goal_slug("Skin Aging and Wound Healing", _TAXONOMY) == "skin-health"  # earliest
    assert goal_slug("Hair Loss", _TAXONOMY) == "hair-loss"  # 'loss' alone names nothing
    assert goal_slug("Stronger Bones") == "stronger-bones"  # whole words only


def test_the_summary_comes_from_the_first_section_with_prose() -> None:
    page = (
        "TB-500 for Injury Recovery: What the Evidence Shows\n\nKey Takeaways\n\n"
        "  • A fragment of thymosin beta-4\n  • Banned in tested sport\n\nOverview\n\n"
        "TB-500 is a synthetic peptide. Human evidence is thin.\n\nThe Bottom Line\n\nMaybe.\n"
    )
    result = import_article(page, goals=_TAXONOMY)
    assert result.headings[:2] == ["Key Takeaways", "Overview"]
    assert result.summary == "TB-500 is a synthetic peptide. Human evidence is thin."


def test_the_summary_is_plain_text() -> None:
    page = (
        "# Ashwagandha for Sleep\n\n## Overview\n\nAshwagandha (*Withania somnifera*) is an "
        "[adaptogen](https://example.com/a) with **modest** effects.\n\n## The Bottom Line\n\nMaybe.\n"
    )
    summary = import_article(page, goals=_TAXONOMY).summary
    assert summary == "Ashwagandha (Withania somnifera) is an adaptogen with modest effects."
