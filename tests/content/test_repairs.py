"""Repairs of the defects real profiles carry, each reported as a warning with its line."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evidex.content.diagnostics import Diagnostics
from evidex.content.models import Faq
from evidex.content.repairs import (
    _BAD_BULLET,
    LocatedFaq,
    body_faqs,
    reconcile_faqs,
    repair_description,
    repair_frontmatter_faqs,
    summarise,
    whitespace_report,
)
from evidex.content.sections import parse_blocks
from evidex.content.yamlload import load_yaml

ANSWER_IN_QUESTION = """faqs:
  - q: >-
      What is the usual dose?**


      **A:** Two  milligrams a day.
    a: >-
      A:** Two  milligrams a day.
  - q: |-
      Who should avoid it?**

      **A:** Pregnant women.
    a: ''
  - q: Is it legal
    a: Yes.
"""


def test_question_carrying_its_answer_is_split_and_cleaned() -> None:
    meta = load_yaml(ANSWER_IN_QUESTION, "c.md", line_offset=1)
    diagnostics = Diagnostics("c.md")
    faqs = repair_frontmatter_faqs(meta.data["faqs"], meta, diagnostics)
    assert [(f.faq.q, f.faq.a) for f in faqs] == [
        ("What is the usual dose?", "Two milligrams a day."),
        ("Who should avoid it?", "Pregnant women."),  # empty `a` filled from the question
        ("Is it legal?", "Yes."),
    ]
    assert [d.line for d in diagnostics.items] == [3, 10, 15]
    assert all(d.level == "warning" for d in diagnostics.items)
    assert "question contained its answer" in diagnostics.items[0].message


def test_body_faq_headings_and_bold_question_lines() -> None:
    body = (
        "## FAQs\n\n### **Q1: What is it?**\n\n**A:** A peptide.\n\n"
        "**Q2: How is it stored?**\n\nA: In a fridge,\nout of light.\n"
    )
    faqs = body_faqs(parse_blocks(body, first_line=20)[0])
    assert [(f.faq.q, f.faq.a, f.line) for f in faqs] == [
        ("What is it?", "A peptide.", 22),
        ("How is it stored?", "In a fridge, out of light.", 26),
    ]


@pytest.mark.parametrize(
    "written",
    [
        "**What is it?**\nA peptide.\n\n**How is it stored?**\nIn a fridge.\n",
        "**Q:** What is it? **A:** A peptide.\n\n**Q:** How is it stored? **A:** In a fridge.\n",
        "1. **What is it?** A peptide.\n2. **How is it stored?** In a fridge.\n",
        "- **Q: What is it?**\n  A: A peptide.\n- **Q: How is it stored?**\n  A: In a fridge.\n",
        "Question: What is it?\nAnswer: A peptide.\n\nQuestion: How is it stored?\nAnswer: In a fridge.\n",
        "Q: What is it?\nA: A peptide.\n\n2) How is it stored?\nIn a fridge.\n",
    ],
    ids=[
        "bold-lines",
        "q-and-a-on-one-line",
        "numbered-bold",
        "bullets",
        "question-answer",
        "plain",
    ],
)
def test_body_faqs_written_in_other_styles(written: str) -> None:
    faqs = body_faqs(parse_blocks(f"## FAQs\n\n{written}")[0])
    assert [(f.faq.q, f.faq.a) for f in faqs] == [
        ("What is it?", "A peptide."),
        ("How is it stored?", "In a fridge."),
    ]


def test_an_answer_that_asks_a_question_or_lists_items_stays_an_answer() -> None:
    body = "## FAQs\n\n**Is it safe?**\nMostly. Is anything risk-free? No.\n- Nausea\n- Headache\n"
    (faq,) = body_faqs(parse_blocks(body)[0])
    assert faq.faq.q == "Is it safe?"
    assert faq.faq.a.startswith("Mostly. Is anything risk-free? No.")
    assert "Nausea" in faq.faq.a and "Headache" in faq.faq.a


def test_reconcile_unions_and_warns_about_every_difference() -> None:
    front = [
        LocatedFaq(Faq(q="What is it?", a="A  peptide."), 3),
        LocatedFaq(Faq(q="Is it banned?", a="No."), 5),
    ]
    body = [
        LocatedFaq(Faq(q="Q1: what is it", a="A peptide."), 30),
        LocatedFaq(Faq(q="How is it stored?", a="Cold."), 33),
        LocatedFaq(Faq(q="Is it banned?", a="Yes."), 36),
    ]
    diagnostics = Diagnostics("c.md")
    merged = reconcile_faqs(front, body, diagnostics)
    assert [f.q for f in merged] == ["What is it?", "Is it banned?", "How is it stored?"]
    assert merged[1].a == "No."  # the frontmatter answer wins
    lines = sorted(d.line for d in diagnostics.items)
    assert lines == [33, 36]  # whitespace-only difference on line 3/30 is not a conflict


def test_reconcile_reports_frontmatter_only_questions() -> None:
    front = [LocatedFaq(Faq(q="Only here?", a="Yes."), 4)]
    body = [LocatedFaq(Faq(q="Only there?", a="Yes."), 40)]
    diagnostics = Diagnostics("c.md")
    assert len(reconcile_faqs(front, body, diagnostics)) == 2
    assert sorted(d.line for d in diagnostics.items) == [4, 40]


def test_faqs_kept_in_one_place_are_not_a_conflict() -> None:
    diagnostics = Diagnostics("c.md")
    reconcile_faqs([], [LocatedFaq(Faq(q="A?", a="B."), 9)], diagnostics)
    assert diagnostics.items == []


def test_truncated_description_is_rebuilt_at_a_sentence_boundary() -> None:
    usage = ("First sentence is here. " * 15) + "Tail."
    diagnostics = Diagnostics("c.md")
    rebuilt = repair_description("- Cut off in the middle and ...", usage, 3, diagnostics)
    assert rebuilt.endswith("here.") and len(rebuilt) <= 300
    assert diagnostics.items[0].line == 3 and "leading bullet" in diagnostics.items[0].message


def test_complete_description_is_left_alone() -> None:
    diagnostics = Diagnostics("c.md")
    assert repair_description("Fine as it is.", "Usage.", 3, diagnostics) == "Fine as it is."
    assert diagnostics.items == []


def test_summarise_cuts_a_single_long_sentence_at_a_word() -> None:
    text = "word " * 100
    cut = summarise(text, limit=50)
    assert len(cut) <= 51 and cut.endswith("…") and " wor…" not in cut


def test_whitespace_is_summarised_once_with_the_first_line() -> None:
    text = "---\ntitle: x\n  - yaml list\n---\nok line\n-  two spaces\n a  b \n - indented\n\u00a0nbsp\n"
    diagnostics = Diagnostics("c.md")
    whitespace_report(text, diagnostics, body_line=5)
    [warning] = diagnostics.items
    assert warning.line == 6
    assert "2 misplaced bullet spacing" in warning.message
    assert "1 trailing spaces" in warning.message and "1 non-breaking spaces" in warning.message


def test_clean_text_gets_no_whitespace_warning() -> None:
    diagnostics = Diagnostics("c.md")
    whitespace_report("---\na: b\n---\n- fine\n", diagnostics, body_line=4)
    assert diagnostics.items == []


def _misplaced_bullet_lines(text: str, body_line: int) -> list[int]:
    """The plain form of the scan: the bullet pattern matched at the start of each line."""
    lines = text.split("\n")
    return [
        index
        for index in range(max(body_line - 1, 0), len(lines))
        if _BAD_BULLET.match(lines[index]) and lines[index][:3] != "---"
    ]


_WHITESPACE_PIECES = ["a", " ", "  ", "\n", "\t", "-", "+", "*", "- ", "-  ", " - ", "* ", "---"]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(_WHITESPACE_PIECES), max_size=14).map("".join),
    st.integers(min_value=-1, max_value=6),
)
def test_bullet_spacing_scan_agrees_with_matching_every_line(text: str, body_line: int) -> None:
    diagnostics = Diagnostics("p.md")
    whitespace_report(text, diagnostics, body_line)
    expected = _misplaced_bullet_lines(text, body_line)
    messages = [d.message for d in diagnostics.items]
    if expected:
        assert f"{len(expected)} misplaced bullet spacing" in messages[0]
        assert diagnostics.items[0].line <= expected[0] + 1
    else:
        assert not any("misplaced bullet spacing" in message for message in messages)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_WHITESPACE_PIECES), max_size=14).map("".join))
def test_double_space_scan_agrees_with_the_pattern(text: str) -> None:
    expected = [
        m.start()
        for m in re.finditer("  +", text)
        if m.start()
        and text[m.start() - 1] not in " \n"
        and text[m.end() : m.end() + 1] not in ("", "\n")
    ]
    diagnostics = Diagnostics("p.md")
    whitespace_report(text, diagnostics, body_line=99)
    messages = [d.message for d in diagnostics.items]
    if expected:
        assert f"({len(expected)} double spaces" in messages[0]
    else:
        assert not any("double spaces" in message for message in messages)
