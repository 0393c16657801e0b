"""Markdown lines: headings, list items, code fences and separator lines.

Profiles, articles, pasted web pages and abstracts are all read line by line through these
few rules, so a heading or a bullet means the same thing to every reader. Headings follow
CommonMark's ATX form (up to three spaces, one to six '#', then a space or the line's end);
list items take the marks that hand-written and pasted text use.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from evidex.text.cues import contains_any

# greedy text, closing '#'s and spaces stripped after: a lazy `(.*?)[ \t#]*$` retries the
# tail at every character
_HEADING = re.compile(r" {0,3}(#{1,6})(?:[ \t]+(.*))?$")
_HEADING_CLOSE = " \t#"
# `*` and `–` need a following space (otherwise bold, or a dash inside prose); `-` and `+` may
# touch a word as hand-written lists do ("-Nausea"), but not a number (a sign: "-0.5 kg") or
# another dash ("---", "--").
_ITEM = re.compile(
    r"[ \t]*(?:(?P<number>[0-9]{1,2})[.)](?=[ \t])|[-+](?![-+\d.])|[•●▪◦·‣∙](?!-)|[*–](?=[ \t]))"
    r"[ \t]*(?P<text>.*)$"
)
# Every list item starts (after spaces) with one of these: a test callers may run first.
ITEM_STARTS = frozenset("-+*–•●▪◦·‣∙0123456789")
_FENCE_MARKS = ("```", "~~~")
SEPARATORS = ("---", "***", "===", "___")
# a line of three or more '-', '*', '=' or '_' alone: a thematic break (or setext underline)
SEPARATOR_LINE = re.compile(r"(?m)^\s*(?:-{3,}|\*{3,}|={3,}|_{3,})\s*$")
_BOLD = re.compile(r"\*\*|__")


# Named tuples, not frozen dataclasses: every line of every profile that looks like a heading
# or an item makes one, and a tuple is made in half the time.
class Heading(NamedTuple):
    level: int
    title: str


class Item(NamedTuple):
    """A list item: its text without the mark, and its number when the list is numbered."""

    text: str
    number: int | None = None


def atx_heading(line: str) -> Heading | None:
    """The ATX heading a line opens ('## Dosage ##' -> level 2, 'Dosage'), else None."""
    if "#" not in line[:4]:
        return None
    return _heading_line(line)


@lru_cache(maxsize=4096)  # a library's profiles repeat the same heading lines ("## Dosage")
def _heading_line(line: str) -> Heading | None:
    match = _HEADING.match(line)
    if match is None:
        return None
    return Heading(len(match.group(1)), (match.group(2) or "").rstrip(_HEADING_CLOSE))


def list_item(line: str) -> Item | None:
    """The list item a line opens ('- 5 mg', '• 5 mg', '2) 5 mg'), else None."""
    first = line.lstrip(" \t")[:1]
    if first not in ITEM_STARTS or not first:
        return None
    match = _ITEM.match(line)
    if match is None:
        return None
    number = match.group("number")
    return Item(match.group("text"), int(number) if number else None)


def is_fence(line: str) -> bool:
    """Whether a line opens or closes a fenced code block."""
    return line.lstrip(" ")[:3] in _FENCE_MARKS


def without_bold(text: str) -> str:
    """Text without '**' and '__' emphasis marks."""
    return _BOLD.sub("", text) if "**" in text or "__" in text else text


def split_at_separators(text: str) -> list[str]:
    """The pieces of a text between its separator lines ('---', '***', '===', '___')."""
    if not contains_any(text, SEPARATORS):
        return [text]
    return SEPARATOR_LINE.split(text)
