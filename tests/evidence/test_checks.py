"""Consistency checks: prose against ratios, p against CI, profile against article."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evidex.content.models import Compound, Contraindication, Regimen, SideEffects
from evidex.evidence import checks
from evidex.evidence.checks import (
    check_p_against_ci,
    check_prose_restatements,
    compare_profile_and_article,
)
from evidex.evidence.models import Outcome, Study
from evidex.text.markdown import list_item

FIXTURES = Path(__file__).parent / "fixtures" / "checks"
SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def test_restatements_are_checked_against_the_nearest_ratio() -> None:
    messages = check_prose_restatements(fixture("deep_dive_restatements.txt"), [])
    assert messages == [
        (5, "prose says 45% reduction but HR 0.45 implies 55.0% reduction"),
        (10, "prose says 20% reduction but HR 0.5 implies 50.0% reduction"),
    ]


def test_base_line_shifts_messages_to_file_lines() -> None:
    messages = check_prose_restatements(fixture("deep_dive_restatements.txt"), [], base_line=12)
    assert [line for line, _ in messages] == [17, 22]


@pytest.mark.parametrize(
    ("sentence", "complaint"),
    [
        ("Overall survival improved (HR=0.308, 95% CI 0.175–0.541)—a 69% reduction.", None),
        (
            "Survival improved (HR=0.308, 95% CI 0.175–0.541), a 50% reduction in mortality risk.",
            "prose says 50% reduction but HR 0.308 implies 69.2% reduction",
        ),
        ("Recurrence-free survival (HR=0.381, 95% CI 0.229–0.633): 62% lower risk.", None),
        (
            "Survival improved (HR 0\u00b7308, 95% CI 0\u00b7175–0\u00b7541), a 50% reduction.",
            "prose says 50% reduction but HR 0.308 implies 69.2% reduction",
        ),
        (
            "Survival improved (HR 0.308, 95% CI 0.175–0.541); deaths fell by 50,5 %.",
            "prose says 50.5% reduction but HR 0.308 implies 69.2% reduction",
        ),
        ("Falls were cut by 40% (RR 0.61).", None),
        (
            "Falls were cut by 25% (RR 0.61).",
            "prose says 25% reduction but RR 0.61 implies 39.0% reduction",
        ),
        ("The odds ratio of 1.3 means a 30% increase in response.", None),
        (
            "A 30% reduction in events (HR 1.2).",
            "prose says 30% reduction but HR 1.2 implies 20.0% increase",
        ),
    ],
)
def test_single_sentences(sentence: str, complaint: str | None) -> None:
    messages = check_prose_restatements(sentence, [])
    assert [m for _, m in messages] == ([complaint] if complaint else [])


def test_known_outcomes_stand_in_when_the_text_gives_no_ratio_label() -> None:
    death = Outcome(name="Death", measure="HR", value=0.308, ci_low=0.175, ci_high=0.541)
    text = "Deaths: 0.308 of the control hazard, so a 50% reduction in mortality."
    assert check_prose_restatements(text, [death]) == [
        (1, "prose says 50% reduction but HR 0.308 implies 69.2% reduction")
    ]
    assert check_prose_restatements("A 50% reduction in mortality.", [death]) == []
    middle_dot = "Deaths: 0\u00b7308 of the control hazard, so a 50% reduction in mortality."
    assert check_prose_restatements(middle_dot, [death]) == [
        (1, "prose says 50% reduction but HR 0.308 implies 69.2% reduction")
    ]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared seeds folder is absent")
def test_seed_deep_dive_restatements_hold() -> None:
    text = (SEEDS / "004_2870c86781a0922d.txt").read_text(encoding="utf-8")
    assert check_prose_restatements(text, []) == []
    altered = text.replace("a 69% reduction in mortality risk", "a 50% reduction in mortality risk")
    messages = check_prose_restatements(altered, [])
    assert len(messages) == 1
    line, message = messages[0]
    assert "a 50% reduction" in altered.split("\n")[line - 1]
    assert message == "prose says 50% reduction but HR 0.308 implies 69.2% reduction"


def test_p_against_ci() -> None:
    crossing = Outcome(name="Relapse", measure="RR", value=0.8, ci_low=0.6, ci_high=1.07, p="0.01")
    assert (
        check_p_against_ci(crossing) == "p 0.01 says significant but the CI [0.6, 1.07] crosses 1"
    )
    excluding = Outcome(name="MD", measure="MD", value=2, ci_low=0.5, ci_high=3.5, p="NS")
    assert (
        check_p_against_ci(excluding)
        == "p NS says not significant but the CI [0.5, 3.5] excludes 0"
    )
    agreeing = Outcome(
        name="OS", measure="HR", value=0.308, ci_low=0.175, ci_high=0.541, p="<0.001"
    )
    assert check_p_against_ci(agreeing) is None
    vague = Outcome(name="OS", measure="HR", value=0.9, ci_low=0.7, ci_high=1.1, p="<0.5")
    assert check_p_against_ci(vague) is None


def profile(**changes: object) -> Compound:
    base: dict[str, object] = {
        "slug": "example-peptide",
        "title": "Example peptide",
        "description": "A peptide.",
        "routes": ["subcutaneous"],
        "regimens": [
            Regimen(amount_min=1.6, amount_max=1.6, unit="mg", doses_per_week=2),
            Regimen(amount_min=1.5, amount_max=1.5, unit="mg", interval_days=3),
        ],
        "pregnancy": "Use with caution; safety data are limited.",
        "side_effects": SideEffects(common=["Injection site reactions", "Fatigue", "Nausea"]),
    }
    return Compound.model_validate({**base, **changes})


CAUTIOUS = "Use with caution; safety data are limited."


def test_profile_and_article_differences_are_listed_as_facts() -> None:
    facts = compare_profile_and_article(
        profile(pregnancy=CAUTIOUS), fixture("deep_dive_profile_mismatch.txt"), []
    )
    assert facts == [
        "article names intramuscular route; profile lists subcutaneous only",
        "article doses 3.2 mg twice weekly; profile regimens: 1.6 mg twice weekly;"
        " 1.5 mg every third day",
        "article advises not recommended in pregnancy; profile says use caution",
        "article names side effect 'headache'; profile does not list it",
    ]


def test_each_difference_carries_the_line_of_the_article_that_shows_it() -> None:
    text = fixture("deep_dive_profile_mismatch.txt")
    lines = text.split("\n")
    cautious = profile(pregnancy=CAUTIOUS)
    found = checks.profile_differences(cautious, text, [])
    assert [fact for _, fact in found] == compare_profile_and_article(cautious, text, [])
    words = ("intramuscular", "3.2 mg", "pregnan", "headache")
    for (line, fact), word in zip(found, words, strict=True):
        assert word in lines[line - 1].lower(), (fact, line, lines[line - 1])


def test_only_if_clearly_needed_is_the_same_advice_as_not_recommended() -> None:
    # Nobody building their own stack has a clinician to judge "clearly needed".
    for words in ("Avoid unless clearly needed during pregnancy.", "Use only if clearly needed."):
        article = "Dosing\n\nNot recommended in pregnancy."
        assert compare_profile_and_article(profile(pregnancy=words), article, []) == []
        cautious = compare_profile_and_article(profile(pregnancy=CAUTIOUS), article, [])
        assert cautious == [
            "article advises not recommended in pregnancy; profile says use caution"
        ]


def test_a_dose_only_in_a_study_record_has_no_article_line() -> None:
    trial = Study(id="t", design="rct", n=40, intervention="3.2 mg twice weekly")
    (only,) = checks.profile_differences(profile(), "No doses in the prose.", [trial])
    assert only[0] == 0 and "3.2 mg" in only[1]


def test_an_article_that_agrees_with_the_profile_yields_nothing() -> None:
    article = (
        "Dosing\n\nPatients injected 1.6 mg twice weekly subcutaneously, or 1500 mcg every third"
        " day.\n\nSide Effects\n\n- Nausea: mild\n- Injection site reactions\n\n"
        "Use with caution during pregnancy.\n\n"
        "Other drugs cause side effects such as hair loss."
    )
    assert compare_profile_and_article(profile(), article, []) == []


def test_checks_stay_silent_when_the_profile_has_nothing_to_compare() -> None:
    bare = profile(routes=[], regimens=[], pregnancy=None, side_effects=SideEffects())
    assert compare_profile_and_article(bare, fixture("deep_dive_profile_mismatch.txt"), []) == []


def test_study_interventions_and_contraindications_take_part() -> None:
    trial = Study(id="t", design="rct", n=100, intervention="3.2 mg twice weekly for 12 weeks")
    strict = profile(
        pregnancy=None,
        contraindications=[
            Contraindication(text="Pregnancy", condition="pregnancy", severity="contraindicated")
        ],
    )
    article = "Pregnant women may use it with caution."
    assert compare_profile_and_article(strict, article, [trial]) == [
        "article doses 3.2 mg twice weekly; profile regimens: 1.6 mg twice weekly;"
        " 1.5 mg every third day",
        "article advises use caution in pregnancy; profile says not recommended",
    ]


def vitamin_d_profile() -> Compound:
    return profile(
        slug="vitamin-d3",
        title="Vitamin D3",
        routes=["oral"],
        regimens=[
            Regimen(amount_min=1000, amount_max=4000, unit="IU", doses_per_week=7),
            Regimen(amount_min=50000, amount_max=50000, unit="IU", doses_per_week=1),
        ],
    )


def test_doses_with_thousands_separators_and_ranges_are_read_whole() -> None:
    article = (
        "Maintenance doses of 1,000-4,000 IU daily are common; deficiency is often treated"
        " with 50,000 IU weekly for 8 weeks."
    )
    assert compare_profile_and_article(vitamin_d_profile(), article, []) == []


def test_a_range_reaching_beyond_every_regimen_is_reported_as_written() -> None:
    article = "Some clinics give 2,000 to 10,000 IU daily by mouth."
    assert compare_profile_and_article(vitamin_d_profile(), article, []) == [
        "article doses 2,000-10,000 IU daily; profile regimens: 1,000-4,000 IU daily;"
        " 50,000 IU once weekly"
    ]


# ---------------------------------------------------------------- the cheap tests before regexes

# Words the checks' patterns look for, and text around them, in any case, with the letters
# re.IGNORECASE also matches to ASCII ones (ſ for s, ı and İ for i, the Kelvin sign for k).
_VOCABULARY = (
    "subcutaneously|sub-cutaneous|subQ|S.C.|SC,|sc)|intramuscular|intra-venously|orally|by mouth"
    "|oral dose|oral tablets|intranasal|nasal spray|topically|sublingual|transdermal|reduced"
    "|reduces|lowered|cut|fell|dropped|declined|increased|raised|by|about|nearly|relative"
    "|reduction|decrease|lower|fewer|drop|decline|less|increase|higher|greater|more|pregnancy"
    "|pregnant|1,000|50|2.5|0.5|1.6|mg|mcg|µg|μg|g|IU|to|-|–|—|%|.|,|;|(|)|twice|daily|weekly"
    "|cut deaths by about 30%|lowers risk by|fell by nearly|declines by|raises it by|30% more"
    "|40 % relative reduction|12% fewer"
)
_CHECK_WORDS = _VOCABULARY.split("|")
_LOOKALIKES = {"s": "ſ", "i": "ı", "I": "İ", "k": "\u212a", "µ": "μ"}


@st.composite
def _written_like_an_article(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(_CHECK_WORDS), min_size=1, max_size=12))
    written = []
    for word in words:
        case = draw(st.sampled_from([str.lower, str.upper, str.title, str]))
        word = case(word)
        if draw(st.booleans()):
            word = "".join(_LOOKALIKES.get(char, char) for char in word)
        written.append(word)
    spaces = draw(st.lists(st.sampled_from([" ", "", "\n", "  ", "\u00a0"]), min_size=len(words)))
    return "".join(w + s for w, s in zip(written, spaces, strict=False))


@settings(max_examples=400, deadline=None)
@given(_written_like_an_article())
def test_no_route_or_claim_is_found_without_the_words_its_gate_looks_for(text: str) -> None:
    folded = checks._folded(text)
    for route, pattern in checks._ROUTES.items():
        if pattern.search(text):
            assert any(word in folded for word in checks._ROUTE_WORDS[route]), (route, text)
    for kind, gate, pattern in checks._CLAIMS:
        if pattern.search(text):
            assert "%" in text and gate.search(folded), (kind, text)


@pytest.mark.parametrize(
    "text",
    [
        "Given ſubcutaneouſly twice weekly.",
        "İNTRAVENOUS infusion, then ORALLY.",
        "S.C. or SC, never subQ; by mouth; oral tablets; nasal spray",
        "TOPİCALLY, sublıngually or transdermally",
    ],
)
def test_routes_in_odd_cases_and_lookalike_letters_are_still_named(text: str) -> None:
    expected = [route for route, pattern in checks._ROUTES.items() if pattern.search(text)]
    assert expected  # the patterns do match these, so the gates must let them through
    article = checks._Article.of(text)
    assert [r for r in checks._ROUTES if checks._names_route(article, r)] == expected


@pytest.mark.parametrize(
    ("text", "doses"),
    [
        (
            "1,000-4,000 IU daily; 1,23 mg daily; 1.5,2 mg daily; x2.5mg daily; 10 to 20 mcg weekly",
            ["1,000-4,000 IU daily", "1.23 mg daily", "10-20 mcg once weekly"],
        ),
        (
            "3.2 mg twice weekly, 5 — 10 µg daily, 7–9 μg daily and 95% CI 0.4-0.65",
            ["3.2 mg twice weekly", "5-10 mcg daily", "7-9 mcg daily"],
        ),
        (
            "Take 1 000 mg daily; 2 500 IU daily; 0,5 mg weekly; 500 milligrams daily",
            ["1,000 mg daily", "2,500 IU daily", "0.5 mg once weekly", "500 mg daily"],
        ),
        ("10 mg/kg daily and 5 mg/day", []),
    ],
)
def test_article_doses_read_every_notation_and_skip_glued_or_per_kg_amounts(
    text: str, doses: list[str]
) -> None:
    assert [written for *_, written in checks._article_doses(text)] == doses


def test_pregnancy_advice_in_capitals_is_still_read_from_the_article() -> None:
    article = "PREGNANCY: NOT RECOMMENDED."
    facts = compare_profile_and_article(profile(), article, [])
    assert facts == ["article advises not recommended in pregnancy; profile says use caution"]


@settings(max_examples=400, deadline=None)
@given(_written_like_an_article())
def test_routes_searched_line_by_line_are_those_a_whole_text_search_names(text: str) -> None:
    article = checks._Article.of(text)
    expected = [route for route, pattern in checks._ROUTES.items() if pattern.search(text)]
    assert [route for route in checks._ROUTES if checks._names_route(article, route)] == expected


@settings(max_examples=400, deadline=None)
@given(_written_like_an_article())
def test_folded_lines_are_the_text_lines_folded(text: str) -> None:
    article = checks._Article.of(text)
    lines = text.split("\n")
    assert article.folded.split("\n") == [checks._folded(line) for line in lines]
    for number, line in enumerate(lines):
        start, end = article.line_starts[number], article.line_starts[number + 1]
        assert text[start:end] == line + ("\n" if number < len(lines) - 1 else "")


def _every_block(text: str) -> list[checks._Block]:
    """Paragraphs and bullets read line by line: the definition `_blocks_holding` must meet."""
    blocks: list[checks._Block] = []
    offset = 0
    current: list[str] = []
    current_start = current_line = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        blank = raw.isspace() or not raw
        if blank or list_item(raw):
            if current:
                blocks.append(checks._Block("\n".join(current), current_start, current_line))
            current = []
        if not blank:
            if not current:
                current_start, current_line = offset, number
            current.append(raw)
        offset += len(raw) + 1
    if current:
        blocks.append(checks._Block("\n".join(current), current_start, current_line))
    return blocks


_PARAGRAPHS = st.lists(
    st.sampled_from(["text", "50%", "% and %", "- bullet", "* 5% item", "2) x%", "  ", "", "\t%"]),
    max_size=14,
).map("\n".join)


@settings(max_examples=500, deadline=None)
@given(_PARAGRAPHS)
def test_blocks_holding_a_mark_are_the_blocks_a_line_by_line_reading_finds(text: str) -> None:
    expected = [block for block in _every_block(text) if "%" in block.text]
    assert list(checks._blocks_holding(checks._Article.of(text), "%")) == expected
    for block in expected:
        assert text[block.start :].startswith(block.text)


def _every_safety_line(text: str) -> str:
    """The safety section read line by line: the definition `_safety_section` must meet."""
    keep: list[str] = []
    inside = False
    for raw in text.split("\n"):
        heading = None if "." in raw or len(raw.split()) > 8 else checks._HEADING.match(raw)
        if heading and not list_item(raw):
            inside = bool(checks._SAFETY_HEADING.search(heading.group(1)))
            continue
        if inside:
            keep.append(raw)
    return "\n".join(keep)


_SECTIONS = st.lists(
    st.sampled_from(
        [
            "## Side Effects to Consider",
            "SAFETY",
            "**Adverse events**",
            "Tolerability and ſafety",
            "## Dosing",
            "Overview",
            "- Nausea: mild",
            "- Safety: fine",
            "safety is discussed here.",
            "A side effect of note",
            "",
            "  ",
        ]
    ),
    max_size=14,
).map("\n".join)


@settings(max_examples=500, deadline=None)
@given(_SECTIONS)
def test_safety_sections_read_from_their_headings_are_those_a_full_reading_finds(
    text: str,
) -> None:
    assert checks._safety_section(checks._Article.of(text)) == _every_safety_line(text)


_CLAIM_VERBS = ["Reduced", "reducing", "CUT", "Falls", "LOWERED", "declineſ", "drops", "ıncreases"]
_CLAIM_GAPS = [
    "",
    " risk",
    " by",
    " the. ",
    " 5%",
    "\n",
    " ſo",
    " x" * 30,
    " a, b;",
    " İ",
    "\u0307",
]
_CLAIM_TAILS = [
    " by 40%",
    " BY about 3.5 %",
    " by\n12%",
    " by nearly  7%",
    " by 5",
    " bY 2.5%",
    " BY\u00a0٣%",
    " 12 % \u00a0RELATİVE\nLESS",
    " 3%  ReductIon",
    " 3% relatıve fewer",
    " 4%\nmore",
    " 5% HİGHER",
    " 5% leſſ",
    " 6%\u2003decline",
]


@settings(max_examples=500, deadline=None)
@given(
    st.sampled_from(["", "x ", "by ", ". "]),
    st.sampled_from(_CLAIM_VERBS),
    st.lists(st.sampled_from(_CLAIM_GAPS), max_size=3).map("".join),
    st.sampled_from(_CLAIM_TAILS),
)
def test_a_claim_found_by_its_pattern_passes_its_gate(
    before: str, verb: str, gap: str, tail: str
) -> None:
    text = before + verb + gap + tail
    folded = checks._folded(text)
    for kind, gate, pattern in checks._CLAIMS:
        if pattern.search(text):
            assert gate.search(folded), (kind, text)
