"""Repairs for the defects real profiles carry; every repair is reported as a warning.

(a) frontmatter FAQs whose question swallowed the answer and whose answer starts `A:**`;
(b) frontmatter FAQs and the body's FAQ section disagreeing;
(c) a description cut off with '...' or written as a bullet;
(d) stray whitespace (double spaces, trailing spaces, indented bullets, NBSP).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from evidex.content.diagnostics import Diagnostics
from evidex.content.models import Faq
from evidex.content.sections import Block, clean_inline, split_sentences
from evidex.content.yamlload import Located
from evidex.text.markdown import list_item

_ANSWER_MARK = re.compile(r"A\s*[:.]")  # literal first: re scans for 'A' quickly
_LEADING_ANSWER = re.compile(r"^\s*\*{0,2}\s*(?:A|[Aa]nswer|ANSWER)\s*\d*\s*[:.]\s*\*{0,2}\s*")
_LEADING_QUESTION = re.compile(
    r"^\s*\*{0,2}\s*(?:Q|Question)\s*\d*\s*[:.)]\s*\*{0,2}\s*", re.IGNORECASE
)
_NORMALISE = re.compile(r"[^0-9a-z]+")
_ELLIPSIS = ("...", "…")
DESCRIPTION_LIMIT = 300


@dataclass
class LocatedFaq:
    faq: Faq
    line: int


def _answer_mark(text: str) -> tuple[int, int] | None:
    """Span of an 'A:' answer mark that follows a question ('...?**\n\n**A:**'), if any."""
    for match in _ANSWER_MARK.finditer(text):
        before = text[: match.start()].rstrip(" \t*")
        if (before and before[-1] in "?\n.!") or (before and text[: match.start()].endswith("**")):
            end = match.end()
            while end < len(text) and text[end] in "* \t":
                end += 1
            return len(before), end
    return None


def _clean_question(text: str) -> str:
    question = clean_inline(_LEADING_QUESTION.sub("", text)).strip(" *")
    if question and not question.endswith("?"):
        question = question.rstrip(".:") + "?"
    return question


def _clean_answer(text: str) -> str:
    return clean_inline(_LEADING_ANSWER.sub("", text)).strip(" *")


def question_key(question: str) -> str:
    """Questions compare without case, punctuation, spacing or a 'Q3:' prefix."""
    return _NORMALISE.sub("", _LEADING_QUESTION.sub("", question).lower())


def repair_frontmatter_faqs(
    raw: list[Any], meta: Located, diagnostics: Diagnostics
) -> list[LocatedFaq]:
    """Clean `faqs:` items (already checked to be mappings with string q and a).

    A question that carries its answer ('What ...?**\\n\\n**A:** ...') is cut at the answer
    mark; an answer starting 'A:**' loses the mark; '**' goes everywhere. One warning per
    repaired item, at the line of its `q`.
    """
    repaired: list[LocatedFaq] = []
    for index, item in enumerate(raw):
        q_raw, a_raw = str(item.get("q", "")), str(item.get("a", ""))
        line = meta.line("faqs", index, "q")
        fixes: list[str] = []
        question_part, answer_part = q_raw, ""
        mark = _answer_mark(q_raw)
        if mark is not None:
            question_part, answer_part = q_raw[: mark[0]], q_raw[mark[1] :]
            fixes.append("question contained its answer")
        question = _clean_question(question_part)
        answer = _clean_answer(a_raw) or _clean_answer(answer_part)
        if "**" in q_raw and not fixes:
            fixes.append("question carried bold markup")
        if _LEADING_ANSWER.match(a_raw) or "**" in a_raw:
            fixes.append("answer started with an 'A:' mark or carried bold markup")
        if question and question != clean_inline(q_raw) and not fixes:
            if _LEADING_QUESTION.match(q_raw):
                fixes.append("removed a 'Q:' prefix from the question")
            if not clean_inline(q_raw).rstrip(" *").endswith("?"):
                fixes.append("added the missing '?' to the question")
        if fixes:
            diagnostics.warning(line, f"repaired FAQ {index + 1}: {'; '.join(fixes)}", "faq-repair")
        if question:
            repaired.append(LocatedFaq(Faq(q=question, a=answer), line))
    return repaired


def body_faqs(block: Block | None) -> list[LocatedFaq]:
    """Questions and answers of the body's FAQ section.

    A question is a sub-heading (`### **Q1: ...?**`) or a line that asks one: bold
    (`**Q: ...?**`, `**What is it?** answer`), marked (`Q:`, `Question:`, `**Q:** ... **A:** ...`)
    or a list item ending in '?'. The answer is the prose that follows, its `A:` mark removed.
    """
    if block is None:
        return []
    found: list[LocatedFaq] = []
    pending: tuple[str, int, list[str]] | None = None

    def close() -> None:
        if pending is not None:
            question = _clean_question(pending[0])
            if question:
                found.append(
                    LocatedFaq(Faq(q=question, a=_clean_answer(" ".join(pending[2]))), pending[1])
                )

    for sub in block.walk():
        if sub is not block:
            close()
            pending = (sub.title, sub.line, [])
        for number, line in enumerate(sub.texts, sub.first_line):
            asked = _question_in_line(line)
            if asked is not None:
                close()
                question, answer = asked
                pending = (question, number, [answer] if answer else [])
            elif pending is not None and line.strip():
                pending[2].append(line.strip())
    close()
    return found


_BOLD_QUESTION = re.compile(r"^\*\*(?P<question>[^*]+?\?)\s*\*\*\s*(?P<answer>.*)$")
_MARKED_QUESTION = re.compile(r"^\*{0,2}\s*(?:Q|Question)\s*\d*\s*[:.)]", re.IGNORECASE)


def _question_in_line(line: str) -> tuple[str, str] | None:
    """(question, answer on the same line) when `line` asks an FAQ question, else None."""
    text = line.strip()
    if not text or _LEADING_ANSWER.match(text):
        return None
    listed = list_item(text)
    if listed:
        text = listed.text
    if _MARKED_QUESTION.match(text):
        text = _LEADING_QUESTION.sub("", text)
    elif not (listed or text.startswith("**")) or "?" not in text:
        return None  # a plain paragraph is an answer, even when it asks something
    bold = _BOLD_QUESTION.match(text)
    if bold:
        return bold.group("question"), _LEADING_ANSWER.sub("", bold.group("answer"))
    mark = _answer_mark(text)
    if mark is not None:
        return text[: mark[0]], text[mark[1] :]
    question, asked, rest = text.partition("?")
    if not asked:
        return None if listed else (question, "")
    return question + "?", rest.strip(" *")


def reconcile_faqs(
    front: list[LocatedFaq], body: list[LocatedFaq], diagnostics: Diagnostics
) -> list[Faq]:
    """Union of both lists by normalised question, frontmatter first and its answer winning.

    Warns for each question found on one side only and for each answer that differs after
    whitespace normalisation. When one side is empty nothing is reported: a profile may keep
    its FAQs in one place only.
    """
    merged: list[Faq] = [item.faq for item in front]
    front_keys = [question_key(item.faq.q) for item in front]
    by_key = dict(zip(front_keys, front, strict=True))
    body_keys = set()
    for item in body:
        key = question_key(item.faq.q)
        body_keys.add(key)
        twin = by_key.get(key)
        if twin is None:
            merged.append(item.faq)
            by_key[key] = item
            if front:
                diagnostics.warning(
                    item.line,
                    f"FAQ {item.faq.q!r} is in the body but not in the frontmatter",
                    "faq-mismatch",
                )
        elif not twin.faq.a and item.faq.a:
            twin.faq.a = item.faq.a
            diagnostics.warning(
                twin.line,
                f"FAQ {item.faq.q!r} has no answer in the frontmatter; "
                f"the body's answer (line {item.line}) is used",
                "faq-repair",
            )
        elif clean_inline(twin.faq.a) != clean_inline(item.faq.a):
            diagnostics.warning(
                item.line,
                f"FAQ {item.faq.q!r}: body answer differs from the frontmatter answer "
                f"(line {twin.line}); the frontmatter answer is kept",
                "faq-mismatch",
            )
    for item in front:
        if not item.faq.a:
            diagnostics.warning(item.line, f"FAQ {item.faq.q!r} has no answer", "faq-repair")
    if body:
        for key, item in zip(front_keys, front, strict=True):
            if key not in body_keys:
                diagnostics.warning(
                    item.line,
                    f"FAQ {item.faq.q!r} is in the frontmatter but not in the body",
                    "faq-mismatch",
                )
    return merged


def summarise(text: str, limit: int = DESCRIPTION_LIMIT) -> str:
    """Whole sentences from the start of `text`, as many as fit in `limit` characters."""
    text = clean_inline(text)
    if len(text) <= limit:
        return text
    kept = ""
    for sentence in split_sentences(text):
        candidate = f"{kept} {sentence}".strip()
        if len(candidate) > limit:
            break
        kept = candidate
    if kept:
        return kept
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


_SENTENCE_END = (".", "!", "?", ")", '"', "'", "”", "’")


def _cut_off(description: str, usage: str) -> bool:
    """A description with no closing punctuation that is the start of the Usage text (or
    whose last word is a fragment of the Usage word there) was cut off by a length limit."""
    if not description or description.endswith(_SENTENCE_END):
        return False
    folded = " ".join(description.lower().split())
    text = " ".join(clean_inline(usage).lower().split())
    if len(folded) < 40 or len(folded) >= len(text):
        return False
    return text.startswith(folded)


def repair_description(
    description: str, usage: str | None, line: int, diagnostics: Diagnostics
) -> str:
    """Drop a leading bullet and rebuild a '...'-truncated description from the Usage text."""
    cleaned = clean_inline(description)
    fixes: list[str] = []
    if cleaned.startswith(("- ", "* ", "+ ")):
        cleaned = cleaned[2:].strip()
        fixes.append("removed a leading bullet")
    if cleaned.endswith(_ELLIPSIS) and usage:
        cleaned = summarise(usage)
        fixes.append("rebuilt a truncated description from the Usage section")
    elif usage and _cut_off(cleaned, usage):
        cleaned = summarise(usage)
        fixes.append("rebuilt a description that stops mid-sentence from the Usage section")
    elif cleaned.endswith(_ELLIPSIS):
        fixes.append("description is truncated and there is no Usage section to rebuild it from")
    if fixes:
        diagnostics.warning(line, f"description: {'; '.join(fixes)}", "description-repair")
    return cleaned


_BAD_BULLET = re.compile(r"(?: +[-*+] |[-+] {2,}|\* {2,}|[-+](?=[^\s+-]))")
# the same at the start of every line but the first: one scan instead of a match per line
_BAD_BULLET_LINE = re.compile(r"\n(?: +[-*+] |[-+] {2,}|\* {2,}|[-+](?=[^\s+-]))")


def _double_spaces(text: str) -> list[int]:
    """Offsets of runs of 2+ spaces between two characters of one line (not indentation)."""
    spots = []
    at = text.find("  ")
    while at != -1:
        end = at + 2
        while text[end : end + 1] == " ":
            end += 1
        if at and text[at - 1] not in " \n" and text[end : end + 1] not in ("", "\n"):
            spots.append(at)
        at = text.find("  ", end)
    return spots


def _misplaced_bullets(text: str, body_line: int) -> list[int]:
    """Offsets of the lines from `body_line` on whose bullet mark is spaced wrongly."""
    before = -1  # offset of the newline that ends the line before the first judged one
    for _ in range(max(body_line - 1, 0)):
        before = text.find("\n", before + 1)
        if before == -1:
            return []
    spots = []
    if before == -1 and _BAD_BULLET.match(text) and not text.startswith("---"):
        spots.append(0)
    for match in _BAD_BULLET_LINE.finditer(text, max(before, 0)):
        if not text.startswith("---", match.start() + 1):
            spots.append(match.start() + 1)
    return spots


def whitespace_report(text: str, diagnostics: Diagnostics, body_line: int = 1) -> None:
    """One warning summarising stray whitespace in the file `text` (counts and first line).

    Bullet spacing is judged only from `body_line` on: YAML indents its lists on purpose.
    """
    found: dict[str, list[int]] = {
        "double spaces": _double_spaces(text),
        "trailing spaces": [],
        "misplaced bullet spacing": _misplaced_bullets(text, body_line),
        "non-breaking spaces": [],
    }
    at = text.find(" \n")
    while at != -1:
        begin = at
        while begin and text[begin - 1] in " \t":
            begin -= 1
        if begin and text[begin - 1] != "\n":
            found["trailing spaces"].append(at)
        at = text.find(" \n", at + 1)
    if text.endswith(" ") and text.strip():
        found["trailing spaces"].append(len(text) - 1)
    if "\u00a0" in text:
        found["non-breaking spaces"] = [
            index
            for index, line in enumerate(text.split("\n"))
            for _ in range(line.count("\u00a0"))
        ]
    # the first spot of these is a character offset, of the others a line index
    for name in ("double spaces", "trailing spaces", "misplaced bullet spacing"):
        spots = found[name]
        if spots:
            spots[0] = text.count("\n", 0, spots[0])
    firsts = [spots[0] for spots in found.values() if spots]
    if not firsts:
        return
    summary = ", ".join(f"{len(spots)} {name}" for name, spots in found.items() if spots)
    diagnostics.warning(min(firsts) + 1, f"normalised stray whitespace ({summary})", "whitespace")
