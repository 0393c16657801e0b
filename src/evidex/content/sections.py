"""Markdown body -> a tree of heading blocks, with bullets and labels pulled out.

Profiles are written by hand, so headings come bold or plain, with or without a trailing
colon, and bullets come as `-`, `*` or `+` with labels written `**Label:**`, `**Label**:` or
`Label:`. Everything here is line based (no regex backtracking over the whole body).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
# `*` needs a following space (otherwise it is bold); `-` and `+` may touch the text.
_BULLET = re.compile(r"^[ \t]*(?:[-+](?!-)|\*(?=[ \t]))[ \t]*(.*)$")
_BOLD_LABEL = re.compile(r"^\*\*([^*]{1,80}?)(?::\s*\*\*|\*\*\s*:)\s*(.*)$")
_BOLD_ONLY_LABEL = re.compile(r"^\*\*([^*]{1,80}?)\*\*\s+(\S.*)$")
_PLAIN_LABEL = re.compile(r"^([A-Z][A-Za-z0-9 /&'(),<>≤-]{0,60}?):\s+(\S.*)$")

# Canonical keys for top-level sections, checked in order (the first keyword found wins, so
# "Drug Profile Summary" is a summary, not a profile, and "Contraindications" is not "usage").
SECTION_KEYS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("faqs", ("faq", "frequently asked", "questions")),
    ("summary", ("profile summary", "summary", "at a glance")),
    ("contraindications", ("contraindication",)),
    ("interactions", ("interaction",)),
    ("side_effects", ("side effect", "adverse", "safety profile")),
    ("pregnancy", ("pregnan", "breastfeed", "breast-feed", "lactation")),
    ("combinations", ("combination", "stack")),
    ("precautions", ("precaution", "warning")),
    ("alternate_names", ("alternate name", "alternative name", "other name", "synonym", "names")),
    ("how_it_works", ("how it works", "pharmacolog", "mechanism")),
    ("dosage", ("dosage", "dosing", "dose", "administration")),
    ("usage", ("usage", "uses", "indication", "overview", "what is")),
)


_SINGLE_STAR = re.compile(r"(?<![\w*])\*(?![\s*])|(?<![\s*])\*(?![\w*])")


def clean_inline(text: str) -> str:
    """Drop emphasis markup and collapse every run of whitespace (incl. NBSP) to one space."""
    if "**" in text or "__" in text or "`" in text:
        text = text.replace("**", "").replace("__", "").replace("`", "")
    if "*" in text:
        text = _SINGLE_STAR.sub("", text)
    return " ".join(text.split())


_SENTENCE_BREAK = re.compile(r"[.!?]\s+(?=[A-Z(\"'])")
_SENTENCE_OR_CLAUSE_BREAK = re.compile(r"[.!?;]\s+(?=[A-Z(\"'])")


def split_sentences(text: str, semicolons: bool = False) -> list[str]:
    """Sentences of `text` (a break is '.', '!' or '?' - and ';' when asked - followed by
    space and a capital). The punctuation stays with its sentence."""
    pattern = _SENTENCE_OR_CLAUSE_BREAK if semicolons else _SENTENCE_BREAK
    parts: list[str] = []
    start = 0
    for match in pattern.finditer(text):
        parts.append(text[start : match.start() + 1])
        start = match.end()
    parts.append(text[start:])
    return [part.strip() for part in parts if part.strip()]


def section_key(title: str) -> str:
    """The canonical key for a heading title; an unknown title gets a slug-like key."""
    lowered = clean_inline(title).lower()
    for key, words in SECTION_KEYS:
        if any(word in lowered for word in words):
            return key
    key = re.sub(r"[^0-9a-z]+", "_", lowered).strip("_")
    return key or "section"


def clean_title(raw: str) -> str:
    """'**Adverse Drug Reactions (ADR):**' -> 'Adverse Drug Reactions (ADR)'."""
    return clean_inline(raw).rstrip(":").strip()


@dataclass
class Bullet:
    text: str  # cleaned text, label removed
    label: str | None
    line: int
    raw: str = ""  # the source text after the bullet marker, markup kept


@dataclass
class Block:
    """A heading and everything under it until the next heading of the same or higher level."""

    title: str
    level: int
    line: int  # 1-based line of the heading (0 for the preamble before any heading)
    lines: list[tuple[int, str]] = field(default_factory=list)  # own body lines (line, text)
    children: list[Block] = field(default_factory=list)
    _items: list[Bullet] | None = field(default=None, repr=False, compare=False)

    def items(self) -> list[Bullet]:
        """The bullets / paragraphs of this block's own lines (parsed once)."""
        if self._items is None:
            self._items = bullets(self.lines)
        return self._items

    _key: str | None = field(default=None, repr=False, compare=False)

    @property
    def key(self) -> str:
        if self._key is None:
            self._key = section_key(self.title)
        return self._key

    def own_markdown(self) -> str:
        return "\n".join(text for _, text in self.lines).strip("\n")

    def markdown(self) -> str:
        """This block's body and its sub-blocks, heading of this block excluded."""
        parts = [text for _, text in self.lines]
        for child in self.children:
            parts.extend(child.source_lines())
        return "\n".join(parts).strip("\n")

    def source_lines(self) -> list[str]:
        out = [f"{'#' * self.level} {self.title}"]
        out.extend(text for _, text in self.lines)
        for child in self.children:
            out.extend(child.source_lines())
        return out

    def walk(self) -> list[Block]:
        """This block and every descendant, in file order."""
        found = [self]
        for child in self.children:
            found.extend(child.walk())
        return found

    def find(self, *words: str) -> Block | None:
        """The first descendant (not self) whose title contains one of `words` (lower case)."""
        for block in self.walk()[1:]:
            lowered = block.title.lower()
            if any(word in lowered for word in words):
                return block
        return None


def parse_blocks(body: str, first_line: int = 1) -> list[Block]:
    """Split a markdown body into top-level blocks.

    The top level is `##` when the body has any `##` heading (a lone `#` document title is
    then a block of its own), otherwise the shallowest level present. Text before the first
    heading becomes a block titled '' at line 0 only when it is not blank.
    """
    raw_lines = body.split("\n")
    headings: list[tuple[int, int, str]] = []  # (index, level, title)
    in_fence = False
    for index, line in enumerate(raw_lines):
        head = line[:4]
        if ("`" in head or "~" in head) and _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence or "#" not in head:
            continue
        match = _HEADING.match(line)
        if match:
            headings.append((index, len(match.group(1)), clean_title(match.group(2))))
    levels = {level for _, level, _ in headings}
    top = 2 if 2 in levels else min(levels, default=2)

    preamble = Block(title="", level=0, line=0)
    roots: list[Block] = []
    stack: list[Block] = []
    heading_at = {index: (level, title) for index, level, title in headings}
    current: Block = preamble
    for index, line in enumerate(raw_lines):
        found = heading_at.get(index)
        if found is None:
            current.lines.append((first_line + index, line))
            continue
        level, title = found
        block = Block(title=title, level=max(level, top), line=first_line + index)
        while stack and stack[-1].level >= block.level:
            stack.pop()
        if stack:
            stack[-1].children.append(block)
        else:
            roots.append(block)
        stack.append(block)
        current = block
    if preamble.own_markdown().strip():
        roots.insert(0, preamble)
    return roots


def _split_label(text: str) -> tuple[str | None, str]:
    for pattern in (_BOLD_LABEL, _BOLD_ONLY_LABEL):
        match = pattern.match(text)
        if match:
            return clean_title(match.group(1)), match.group(2)
    match = _PLAIN_LABEL.match(text)
    if match:
        return clean_title(match.group(1)), match.group(2)
    return None, text


def _starts_label(text: str) -> bool:
    """A line opening with a label ('**Breastfeeding:** ...') begins a new item."""
    return bool(_BOLD_LABEL.match(text) or _PLAIN_LABEL.match(text))


def bullets(lines: list[tuple[int, str]]) -> list[Bullet]:
    """Bullets and paragraphs of a block's own lines; continuation lines join their item.

    A paragraph outside any list is returned as an item too (label None unless it starts
    with one), so callers treat `- X` and a plain `X` paragraph the same way.
    """
    items: list[tuple[int, list[str]]] = []
    open_item = False
    for number, line in lines:
        stripped = line.strip()
        if not stripped:
            open_item = False
            continue
        match = _BULLET.match(line)
        if match:
            items.append((number, [match.group(1)]))
            open_item = True
        elif open_item and items and not _starts_label(stripped):
            items[-1][1].append(stripped)
        else:
            items.append((number, [stripped]))
            open_item = True
    found: list[Bullet] = []
    for number, parts in items:
        raw = " ".join(part.strip() for part in parts)
        label, rest = _split_label(raw)
        text = clean_inline(rest)
        if text or label:
            found.append(Bullet(text=text, label=label, line=number, raw=raw))
    return found


def labelled(block: Block) -> list[tuple[str, Bullet]]:
    """Every bullet under `block` (recursively) with the label it answers to.

    The label is the bullet's own label, else the title of the block it sits in, so
    `#### Adults:` + `- 1.6 mg ...` and `- **Adults:** 1.6 mg ...` read the same.
    """
    found: list[tuple[str, Bullet]] = []
    for sub in block.walk():
        for item in sub.items():
            found.append(((item.label or sub.title).lower(), item))
    return found


def first_labelled(block: Block | None, *words: str) -> Bullet | None:
    """The first bullet whose own label contains one of `words` (lower case), then the first
    bullet of the first sub-block titled so."""
    if block is None:
        return None
    for sub in block.walk():
        for item in sub.items():
            if item.label and any(word in item.label.lower() for word in words):
                return item
    titled = block.find(*words)
    if titled is not None:
        items = titled.items()
        if items:
            return items[0]
    return None


def block_text(block: Block | None) -> str:
    """All the prose under a block (sub-blocks included), cleaned, one item per line."""
    if block is None:
        return ""
    parts: list[str] = []
    for sub in block.walk():
        for item in sub.items():
            parts.append(f"{item.label}: {item.text}" if item.label else item.text)
    return "\n".join(parts)
