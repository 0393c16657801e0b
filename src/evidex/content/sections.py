"""Markdown body -> a tree of heading blocks, with bullets and labels pulled out.

Profiles are written by hand, so headings come bold or plain, with or without a trailing
colon, and bullets come as `-`, `*` or `+` with labels written `**Label:**`, `**Label**:` or
`Label:`. Everything here is line based (no regex backtracking over the whole body).
"""

from __future__ import annotations

import html
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process

from evidex.text.markdown import ITEM_STARTS, atx_heading, is_fence, list_item

# A whole line in bold ('**Usage**', '__Dosage:__') is a heading in profiles written without
# '#'; bold questions ('**Q: ...?**') stay FAQ lines.
_BOLD_LINE = re.compile(r"^ {0,3}(?:\*\*|__)([^*_]{1,80}?)(?:\*\*|__)\s*$")
_QUESTION_LIKE = re.compile(r"^(?:Q\s*\d*\s*[:.)]|.*\?\s*:?$)", re.IGNORECASE)
_NUMBERING = re.compile(r"^(?:\d{1,2}|[IVX]{1,4})[.)]\s+")
_TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_BOLD_LABEL = re.compile(r"^\*\*([^*]{1,80}?)(?::\s*\*\*|\*\*\s*:)\s*(.*)$")
# '**Label** text', '**Label** - text' and '**Label** – text' (a dash used as the colon)
_BOLD_ONLY_LABEL = re.compile(r"^\*\*([^*]{1,80}?)\*\*(?:\s*[-–—]\s+|\s+)(\S.*)$")
_PLAIN_LABEL = re.compile(r"^([A-Z][A-Za-z0-9 /&'(),<>≤-]{0,60}?):\s+(\S.*)$")

# Canonical keys for top-level sections, checked in order (the first keyword found wins, so
# "Drug Profile Summary" is a summary, not a profile, and "Contraindications" is not "usage").
SECTION_KEYS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("faqs", ("faq", "frequently asked", "questions", "q&a", "q & a")),
    ("summary", ("profile summary", "summary", "at a glance", "key facts")),
    ("contraindications", ("contraindication", "contra-indication")),
    ("interactions", ("interaction",)),
    ("side_effects", ("side effect", "adverse", "safety profile")),
    ("pregnancy", ("pregnan", "breastfeed", "breast-feed", "lactation")),
    ("combinations", ("combination", "stack")),
    ("precautions", ("precaution", "warning")),
    ("monitoring", ("monitoring", "lab tests", "laboratory tests")),
    (
        "alternate_names",
        ("alternate name", "alternative name", "other name", "synonym", "known as", "names"),
    ),
    ("how_it_works", ("how it works", "pharmacolog", "mechanism", "pharmacokinetic", "half-life")),
    ("dosage", ("dosage", "dosing", "dose", "administration", "how to take", "how to use")),
    ("usage", ("usage", "uses", "indication", "overview", "what is")),
)


_SINGLE_STAR = re.compile(r"(?<![\w*])\*(?![\s*])|(?<![\s*])\*(?![\w*])")


def clean_inline(text: str) -> str:
    """Drop emphasis markup and collapse every run of whitespace (incl. NBSP) to one space."""
    if "**" in text or "__" in text or "`" in text:
        text = text.replace("**", "").replace("__", "").replace("`", "")
    if "*" in text:
        text = _SINGLE_STAR.sub("", text)
    if "&" in text:
        text = html.unescape(text)
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


@lru_cache(maxsize=4096)
def section_key(title: str) -> str:
    """The canonical key for a heading title; an unknown title gets a slug-like key."""
    lowered = clean_inline(title).lower()
    for key, words in SECTION_KEYS:
        if any(word in lowered for word in words):
            return key
    key = re.sub(r"[^0-9a-z]+", "_", lowered).strip("_")
    return key or "section"


@lru_cache(maxsize=4096)
def clean_title(raw: str) -> str:
    """'**Adverse Drug Reactions (ADR):**' -> 'Adverse Drug Reactions (ADR)'."""
    return _NUMBERING.sub("", clean_inline(raw).rstrip(":").strip()).rstrip(":").strip()


@dataclass(slots=True)
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
    # the heading as written when it was a misspelled section name read as `title`
    written_title: str | None = field(default=None, kw_only=True)
    # own body lines (a slice of the body: most readers want only the text); the first of
    # them is line `first_line`
    texts: list[str] = field(default_factory=list)
    first_line: int = 0
    children: list[Block] = field(default_factory=list)
    _items: list[Bullet] | None = field(default=None, repr=False, compare=False)

    def items(self) -> list[Bullet]:
        """The bullets / paragraphs of this block's own lines (parsed once)."""
        if self._items is None:
            self._items = bullets(self.texts, self.first_line)
        return self._items

    _key: str | None = field(default=None, repr=False, compare=False)
    _text: str | None = field(default=None, repr=False, compare=False)

    @property
    def key(self) -> str:
        if self._key is None:
            self._key = section_key(self.title)
        return self._key

    def text(self) -> str:
        """All the prose under this block (sub-blocks included), cleaned, one item per line;
        joined once, as several fields read the same section's text."""
        if self._text is None:
            self._text = "\n".join(
                f"{item.label}: {item.text}" if item.label else item.text
                for sub in self.walk()
                for item in sub.items()
            )
        return self._text

    def own_markdown(self) -> str:
        return "\n".join(self.texts).strip("\n")

    def markdown(self) -> str:
        """This block's body and its sub-blocks, heading of this block excluded."""
        parts = list(self.texts)
        for child in self.children:
            child.add_source_lines(parts)
        return "\n".join(parts).strip("\n")

    def is_empty(self) -> bool:
        """No text under this heading, in its own lines or any sub-block."""
        return not self.children and not any(text.strip() for text in self.texts)

    def add_source_lines(self, out: list[str]) -> None:
        """Append this block's heading, body and sub-blocks to `out` (one list for a whole
        section, not one per sub-block)."""
        out.append(f"{'#' * self.level} {self.title}")
        out.extend(self.texts)
        for child in self.children:
            child.add_source_lines(out)

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


KNOWN_SECTION_TITLES = frozenset(
    {
        "usage",
        "uses",
        "overview",
        "indications",
        "alternate names",
        "alternative names",
        "other names",
        "also known as",
        "synonyms",
        "names",
        "how it works",
        "pharmacology",
        "dosage",
        "dosing",
        "dosage and administration",
        "side effects",
        "adverse effects",
        "contraindications",
        "drug interactions",
        "interactions",
        "pregnancy and breastfeeding",
        "pregnancy and lactation",
        "pregnancy",
        "drug profile summary",
        "profile summary",
        "summary",
        "popular combinations",
        "combinations",
        "precautions",
        "warnings and precautions",
        "monitoring",
        "faqs",
        "faq",
        "frequently asked questions",
    }
)
_PARENTHESISED = re.compile(r"\s*\([^)]*\)")


@lru_cache(maxsize=4096)
def is_section_title(title: str) -> bool:
    """True for the title of a top-level profile section ('FAQs (Frequently Asked
    Questions)', 'Pregnancy & Breastfeeding'), however it is numbered or decorated."""
    lowered = _PARENTHESISED.sub("", title.lower().replace("&", "and"))
    return " ".join(lowered.split()) in KNOWN_SECTION_TITLES


_SECTION_SPELLING_CUTOFF = 85  # rapidfuzz ratio: one or two letters wrong in a section name
_KNOWN_SECTION_KEYS = frozenset(key for key, _ in SECTION_KEYS)


def _display_title(lowered: str) -> str:
    words = lowered.split()
    shown = [
        "FAQs" if w == "faqs" else "FAQ" if w == "faq" else w if w == "and" else w.capitalize()
        for w in words
    ]
    return " ".join(shown)


# fuzz.ratio is at most 200 * shorter / (both lengths): a title longer than this is not within
# the cutoff of any section name (an FAQ's question, a compound's own sub-heading), so it is
# told apart without the fuzzy search.
_LONGEST_MISSPELLING = (
    max(map(len, KNOWN_SECTION_TITLES))
    * (200 - _SECTION_SPELLING_CUTOFF)
    // _SECTION_SPELLING_CUTOFF
)


@lru_cache(maxsize=4096)
def corrected_section_title(title: str) -> str | None:
    """The section name a misspelled heading means ('Side Efects' -> 'Side Effects'), or None
    when the heading already names a section or is not close to any."""
    if not title:
        return None
    lowered = " ".join(_PARENTHESISED.sub("", title.lower().replace("&", "and")).split())
    if len(lowered) > _LONGEST_MISSPELLING:
        return None
    if is_section_title(title) or section_key(title) in _KNOWN_SECTION_KEYS:
        return None
    found = misspelled_title(lowered, KNOWN_SECTION_TITLES)
    return _display_title(found) if found else None


def misspelled_title(title: str, known: Collection[str]) -> str | None:
    """The one of `known` titles that `title` misspells by a letter or two, or None (also when
    it is one of them, in any case)."""
    if any(title.lower() == name.lower() for name in known):
        return None
    found = process.extractOne(
        title, known, scorer=fuzz.ratio, processor=str.lower, score_cutoff=_SECTION_SPELLING_CUTOFF
    )
    return str(found[0]) if found else None


_SUB_LEVEL = 6  # bold-line sub-headings nest under whatever heading precedes them


_HEADING_FIRST_CHARS = frozenset("# `~*_")


_Heading = tuple[int, int, str, bool, str | None]


def _headings(body: str, raw_lines: list[str]) -> list[_Heading]:
    """(line index, level, title, written with '#', title as written when it was a misspelled
    section name) of every heading; a bold line gets level 0 when its title names a profile
    section (it is then top level) and _SUB_LEVEL otherwise."""
    found: list[_Heading] = []
    if "#" not in body and "**" not in body and "__" not in body:
        return found
    in_fence = False
    # a first-character test per line is far cheaper than a MULTILINE regex scan
    for index, line in enumerate(raw_lines):
        if line[:1] not in _HEADING_FIRST_CHARS or not line:
            continue
        head = line.lstrip(" ")[:3]
        if is_fence(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        if head[:1] == "#":
            marked = atx_heading(line)
            if marked:
                title = clean_title(marked.title)
                corrected = corrected_section_title(title)
                if corrected:
                    found.append((index, marked.level, corrected, True, title))
                else:
                    found.append((index, marked.level, title, True, None))
        elif head[:2] in ("**", "__"):
            bold = _BOLD_LINE.match(line)
            if bold is None:
                continue
            title = clean_title(bold.group(1))
            if (
                not title
                or title.endswith(".")
                or len(title.split()) > 8
                or _QUESTION_LIKE.match(title)
            ):
                continue
            corrected = corrected_section_title(title)
            if corrected:
                found.append((index, 0, corrected, False, title))
            else:
                level = 0 if is_section_title(title) else _SUB_LEVEL
                found.append((index, level, title, False, None))
    return found


def parse_blocks(body: str, first_line: int = 1) -> list[Block]:
    """Split a markdown body into top-level blocks.

    The top level is the shallowest level of a heading that names a profile section (else
    `##` when the body has any `##` heading, else the shallowest level present); a deeper
    heading that names a section is lifted to the top level. Whole bold lines count as
    headings. Text before the first heading becomes a block titled '' at line 0 only when
    it is not blank.
    """
    raw_lines = body.split("\n")
    headings = _headings(body, raw_lines)
    known = [level for _, level, title, hashed, _ in headings if hashed and is_section_title(title)]
    levels = {level for _, level, _, hashed, _ in headings if hashed}
    top = min(known) if known else 2 if 2 in levels else min(levels, default=2)

    # each block owns the lines between its heading and the next one (sliced, not looped)
    ends = [heading[0] for heading in headings] + [len(raw_lines)]
    preamble = Block(title="", level=0, line=0, texts=raw_lines[: ends[0]], first_line=first_line)
    roots: list[Block] = []
    stack: list[Block] = []
    for position, (index, level, title, _, written) in enumerate(headings):
        if level == 0 or (
            level > top
            and is_section_title(title)
            and not (stack and section_key(stack[0].title) == section_key(title))
        ):
            level = top
        line = first_line + index
        block = Block(
            title=title,
            level=max(level, top),
            line=line,
            texts=raw_lines[index + 1 : ends[position + 1]],
            first_line=line + 1,
            written_title=written,
        )
        while stack and stack[-1].level >= block.level:
            stack.pop()
        if stack:
            stack[-1].children.append(block)
        else:
            roots.append(block)
        stack.append(block)
    if preamble.own_markdown().strip():
        roots.insert(0, preamble)
    return roots


def _split_label(text: str) -> tuple[str | None, str]:
    # cheap first-character tests decide which (if any) label pattern can match
    if text.startswith("**"):
        for pattern in (_BOLD_LABEL, _BOLD_ONLY_LABEL):
            match = pattern.match(text)
            if match:
                return clean_title(match.group(1)), match.group(2)
    elif text[:1].isupper() and ":" in text[:64]:
        match = _PLAIN_LABEL.match(text)
        if match:
            return clean_title(match.group(1)), match.group(2)
    return None, text


def _starts_label(text: str) -> bool:
    """A line opening with a label ('**Breastfeeding:** ...') begins a new item."""
    if text.startswith("**"):
        return bool(_BOLD_LABEL.match(text))
    return text[:1].isupper() and ":" in text[:64] and bool(_PLAIN_LABEL.match(text))


def _table_row(line: str) -> str | None:
    """A markdown table row as 'First cell: other cells' (a labelled item); None for the
    separator row. A header row comes back too: callers find nothing to parse in it."""
    if _TABLE_SEPARATOR.match(line):
        return None
    cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
    cells = [cell for cell in cells if cell]
    if not cells:
        return None
    if len(cells) == 1:
        return cells[0]
    return f"{cells[0]}: {' '.join(cells[1:])}"


def bullets(lines: list[str], first_line: int = 1) -> list[Bullet]:
    """Bullets and paragraphs of a block's own lines (the first is line `first_line`);
    continuation lines join their item.

    A paragraph outside any list is returned as an item too (label None unless it starts
    with one), so callers treat `- X` and a plain `X` paragraph the same way.
    """
    items: list[tuple[int, list[str]]] = []
    open_item = False
    for number, line in enumerate(lines, first_line):
        stripped = line.strip()
        if not stripped:
            open_item = False
            continue
        if stripped[0] == "|":
            row = _table_row(stripped)
            if row is not None:
                items.append((number, [row]))
            open_item = False
            continue
        item = list_item(line) if stripped[0] in ITEM_STARTS else None
        if item:
            items.append((number, [item.text]))
            open_item = True
        elif open_item and items and not _starts_label(stripped):
            items[-1][1].append(stripped)
        else:
            items.append((number, [stripped]))
            open_item = True
    found: list[Bullet] = []
    for number, parts in items:
        joined = parts[0].strip() if len(parts) == 1 else " ".join(part.strip() for part in parts)
        for raw in _at_inline_labels(joined):
            label, rest = _split_label(raw)
            text = clean_inline(rest)
            if text or label:
                found.append(Bullet(text=text, label=label, line=number, raw=raw))
    return found


# A sentence that opens with a short label inside a paragraph: "... intakes. Breastfeeding: ..."
_INLINE_LABEL = re.compile(
    r"(?<=\.)\s+(?=(?:\*\*)?[A-Z][A-Za-z0-9/&'-]*(?: [A-Za-z0-9/&'-]+){0,3}:)"
)


def _at_inline_labels(text: str) -> list[str]:
    """A paragraph of labelled sentences ("Pregnancy Category: C. Breastfeeding: avoid.")
    as one item per label."""
    first_stop = text.find(". ")
    if first_stop < 0 or text.find(":", first_stop) < 0 or not _INLINE_LABEL.search(text):
        return [text]
    return [part for part in _INLINE_LABEL.split(text) if part]


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
    return block.text() if block is not None else ""
