"""Page text (a research deep dive copied from a web page) to article markdown.

The page text has no markup: headings are bare short lines, bullets start with '•', the
title and a disclaimer teaser repeat in a page header, and site calls-to-action sit between
sections. This module finds the article's facts (title, compound, goal, tier, date,
summary, disclaimer), drops the site furniture and writes markdown with real headings.
Markdown input (lines starting with '#') keeps its headings.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import yaml

from evidex.content.diagnostics import ContentError
from evidex.content.models import Goal
from evidex.content.names import slugify
from evidex.content.sections import clean_inline
from evidex.content.vocab import match_goal
from evidex.content.yamlload import split_frontmatter
from evidex.text.markdown import Heading, Item, atx_heading, list_item

SUMMARY_LIMIT = 300
_MAX_HEADING_WORDS = 12
_MAX_HEADING_CHARS = 90
_MAX_LABEL_WORDS = 6

DEFAULT_GOAL = "general-health"

_TITLE_TAIL = re.compile(
    r"\s*[:\u2013\u2014|]\s+(?:what|a|an|the|how|evidence|review|research)\b.*$", re.IGNORECASE
)
_DISCLAIMER = re.compile(r"^\W*disclaimer\W*\s*(?P<text>.*)$", re.IGNORECASE | re.DOTALL)
_LAST_UPDATED = re.compile(
    r"^\W*(?:last\s+updated|updated|last\s+modified|published)\s*(?:on)?\s*:?\s*(?P<date>.*)$",
    re.IGNORECASE,
)
_INTERESTED_IN = re.compile(r"^interested in (?P<compound>.{1,80})\?$", re.IGNORECASE)
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_TIER = re.compile(r"\bTier\s+([1-5])\b", re.IGNORECASE)
_LABEL = re.compile(r"^(?P<label>[^:*]{1,60}?)\s*:\s+(?P<rest>\S.*)$")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]?\s+(?=[A-Z0-9\"(])")
_ABBREVIATIONS = ("vs.", "e.g.", "i.e.", "et al.", "approx.", "Dr.", "U.S.", "St.", "no.", "Fig.")
_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "or",
        "the",
        "to",
        "vs",
        "vs.",
        "with",
        "versus",
        "via",
        "per",
    ]
)

# Site furniture: whole lines dropped wherever they appear (matched case-insensitively).
_BOILERPLATE_LINES = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"^research deep dives?$",
        r"^(home|research|articles?|blog|library)(\s*[›>»/|]\s*.+)+$",
        r"^interested in .{1,80}\?$",
        r"^view (detailed )?evidence data.*$",
        r"^(view|see|compare|check) .{0,60}\b(vendors?|prices?|suppliers?)\b.*$",
        r"^find (a|an|trusted|verified) (vendor|supplier|source)s?\b.*$",
        r"^build your .{0,40}stack!?$",
        r"^use our .{0,40}(stack builder|calculator|tool|finder)\b.*$",
        r"^(try|open|launch) (the|our) .{0,40}(builder|calculator|tool|finder)\b.*$",
        r"^(share|print|bookmark|save)( this( article| page)?)?:?$",
        r"^(subscribe|sign up|join)( .{0,60})?$",
        r"^(get|receive) (our|the) .{0,60}(newsletter|digest|updates)\b.*$",
        r"^(related (articles|compounds|research|reading)|you (may|might) also like|read next)$",
        r"^(table of contents|contents|on this page|back to top|jump to section)$",
        r"^(advertisement|sponsored|ad)$",
        r"^(was this (article|page) helpful\??|rate this article)$",
    )
)

# Headings that name a top-level section of a deep dive (used with the blank-line signal).
_MAIN_SECTIONS = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"^(overview|introduction|background|summary|conclusions?|references|sources)$",
        r"^how .+ (affects?|works?|impacts?|influences?|supports?|improves?)( .+)?$",
        r"^what (the )?(research|evidence|science|studies|data) (shows?|says?|suggests?)$",
        r"^(dosing|dosage|dose)( and administration| protocols?)?( for .+)?$",
        r"^(side effects|safety)( to consider| and safety| and side effects| profile)?$",
        r"^(the )?bottom line$",
        r"^key takeaways$",
        r"^(frequently asked questions|faqs?)$",
    )
)


@dataclass
class ImportedArticle:
    slug: str
    markdown: str  # the whole file: frontmatter + body
    title: str
    compound: str
    goal: str  # goal slug
    warnings: list[str] = field(default_factory=list)
    tier: int | None = None
    last_modified: str | None = None
    summary: str = ""
    disclaimer: str | None = None
    headings: list[str] = field(default_factory=list)  # level-2 headings in order


@dataclass
class _Block:
    """A run of non-blank lines, with the number of blank lines before it."""

    lines: list[str]
    gap: int

    @property
    def text(self) -> str:
        return " ".join(line.strip() for line in self.lines)


def _normalise(text: str) -> str:
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\u00a0", " ").replace("\u200b", "")


def _blocks(text: str) -> list[_Block]:
    blocks: list[_Block] = []
    current: list[str] = []
    gap = 0
    for line in text.split("\n"):
        if line.strip():
            current.append(line.rstrip())
            continue
        if current:
            blocks.append(_Block(current, gap))
            current, gap = [], 0
        gap += 1
    if current:
        blocks.append(_Block(current, gap))
    return blocks


def _starts_new_line(previous: str, line: str) -> bool:
    """In page text a line break usually ends a paragraph; join only hard-wrapped prose."""
    prev = previous.strip()
    if _item(line) or prev.endswith((".", "!", "?", ":", '"')):
        return True
    if is_heading_line(prev) or is_boilerplate(prev) or _LAST_UPDATED.match(_plain(prev)):
        return True
    return not line.strip()[:1].islower()


def _split_page_lines(blocks: list[_Block]) -> list[_Block]:
    """Split blocks whose lines are separate paragraphs, headings or list items."""
    result: list[_Block] = []
    for block in blocks:
        current = _Block([block.lines[0]], block.gap)
        for line in block.lines[1:]:
            if _starts_new_line(current.lines[-1], line):
                result.append(current)
                current = _Block([line], 0)
            else:
                current.lines.append(line)
        result.append(current)
    return result


def _plain(text: str) -> str:
    """Text without markdown bold/italic markers and surrounding whitespace."""
    return re.sub(r"\*\*|__", "", text).strip()


def is_boilerplate(line: str) -> bool:
    plain = _plain(line).strip()
    return any(pattern.match(plain) for pattern in _BOILERPLATE_LINES)


def _is_title_like(words: list[str]) -> bool:
    significant = [w for w in words if w.lower() not in _SMALL_WORDS]
    if not significant:
        return False
    capitalised = sum(
        1 for w in significant if w[0].isupper() or w[0].isdigit() or not w[0].isalpha()
    )
    return capitalised / len(significant) >= 0.6 or len(words) <= 3


def is_heading_line(line: str) -> bool:
    """A bare heading: short, title-like, no sentence punctuation at the end, not a bullet."""
    text = _plain(line)
    if not text or len(text) > _MAX_HEADING_CHARS or _item(line):
        return False
    if text[-1] in ".,;!" or text.endswith(":") or not (text[0].isupper() or text[0].isdigit()):
        return False
    words = text.split()
    if text.endswith("?"):  # "Is It Safe?" is a heading; "Is it safe for me?" is a question
        significant = [w for w in words if w.lower().strip("?") not in _SMALL_WORDS]
        return len(words) <= 8 and all(w[0].isupper() or not w[0].isalpha() for w in significant)
    return len(words) <= _MAX_HEADING_WORDS and _is_title_like(words)


def is_label_line(line: str) -> bool:
    """A short lead-in label such as 'Key Results:' that introduces a list."""
    text = _plain(line)
    if not text.endswith(":") or _item(line):
        return False
    words = text[:-1].split()
    return 0 < len(words) <= _MAX_LABEL_WORDS and _is_title_like(words)


def _is_main_section(heading: str) -> bool:
    return any(pattern.match(heading) for pattern in _MAIN_SECTIONS)


def _bold_label(text: str) -> str:
    """'Label: rest' -> '**Label:** rest' when the label is short and title-like."""
    if text.startswith("**"):
        return text
    match = _LABEL.match(text)
    if not match:
        return text
    label = match.group("label").strip()
    words = label.split()
    if len(words) > _MAX_LABEL_WORDS or not _is_title_like(words) or label.endswith((".", ",")):
        return text
    return f"**{label}:** {match.group('rest')}"


def _escape_paragraph(text: str) -> str:
    """Stop paragraph text from being read as markdown structure at the start of a line."""
    if re.match(r"^(#{1,6}\s|>|[-+*]\s|\d{1,9}[.)]\s|={3,}|-{3,})", text):
        return "\\" + text
    return text


# Title shapes that name a compound and a goal, tried in order. The last, looser ones are
# taken only when the goal part is a known goal ("Creatine and Muscle Strength", not
# "GHK-Cu and TB-500").
_TITLE_FORMS = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"^(?P<compound>.+?)\s+for\s+(?P<goal>.+?)$",
        r"^(?:can|does|do|will|could|is|are)\s+(?P<compound>.+?)\s+(?:help(?:\s+with)?|reduce|"
        r"improve|boost|increase|lower|support|treat|prevent|enhance|protect|promote|aid|"
        r"build|fight|slow|reverse|heal|burn|raise|restore|speed\s+up)\s+(?P<goal>.+?)\??$",
        r"^(?:the\s+)?effects?\s+of\s+(?P<compound>.+?)\s+on\s+(?P<goal>.+?)$",
    )
)
_LOOSE_JOIN = re.compile(r"\s+(?:and|&|in|on|against)\s+", re.IGNORECASE)


def _split_title(title: str, goals: Sequence[Goal] = ()) -> tuple[str, str]:
    """'X for Y: What the Research Says' -> ('X', 'Y'), likewise 'Can X Improve Y?',
    'Effects of X on Y' and 'X and Y' where Y is a known goal; ('', '') otherwise."""
    core = _TITLE_TAIL.sub("", _plain(title)).strip()
    core = re.split(r"\s*:\s+", core, maxsplit=1)[0]
    for form in _TITLE_FORMS:
        match = form.match(core)
        if match:
            return match.group("compound").strip(), match.group("goal").strip()
    for join in _LOOSE_JOIN.finditer(core):
        compound, goal = core[: join.start()].strip(), core[join.end() :].strip()
        if compound and match_goal(goal, goals):
            return compound, goal
    return "", ""


def goal_slug(goal_name: str, goals: Sequence[Goal] = ()) -> str:
    """Map a goal as written in a title to a goal slug: a known goal (see `match_goal`), else
    the slug form of the phrase itself."""
    return match_goal(goal_name, goals) or slugify(goal_name)


_MONTH_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%B %d %Y", "%b. %d, %Y")


def parse_date(text: str) -> str | None:
    """An ISO date from common written forms; None when the text holds no date."""
    text = text.strip().rstrip(".")
    iso = re.search(r"\b(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?\b", text)
    if iso:
        try:
            return dt.date(int(iso[1]), int(iso[2]), int(iso[3])).isoformat()
        except ValueError:
            return None
    numeric = re.search(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b", text)
    if numeric:
        try:  # US order, the usual one on English pages
            return dt.date(int(numeric[3]), int(numeric[1]), int(numeric[2])).isoformat()
        except ValueError:
            return None
    candidate = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text)
    for fmt in _MONTH_FORMATS:
        try:
            return dt.datetime.strptime(candidate, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def split_sentences(text: str) -> list[str]:
    parts = _SENTENCE_END.split(text)
    sentences: list[str] = []
    for part in parts:
        if sentences and sentences[-1].endswith(_ABBREVIATIONS):
            sentences[-1] = f"{sentences[-1]} {part}"
        else:
            sentences.append(part)
    return [s.strip() for s in sentences if s.strip()]


_MARKDOWN_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")


def _summary_text(paragraph: str) -> str:
    return clean_inline(_MARKDOWN_LINK.sub(r"\1", paragraph))


def make_summary(paragraphs: list[str], limit: int = SUMMARY_LIMIT) -> str:
    """The first sentence(s) of the opening paragraphs as plain text (no emphasis marks, links
    as their words), at most `limit` characters."""
    sentences = [s for p in paragraphs for s in split_sentences(_summary_text(p))]
    summary = ""
    for sentence in sentences:
        joined = f"{summary} {sentence}".strip()
        if len(joined) > limit:
            break
        summary = joined
    if not summary and sentences:
        cut = sentences[0][: limit - 1].rsplit(" ", 1)[0]
        summary = cut.rstrip(",;:") + "…"
    return summary


@dataclass
class _Page:
    title: str = ""
    disclaimer: str | None = None
    last_modified: str | None = None
    body: list[str] = field(default_factory=list)  # markdown lines
    headings: list[str] = field(default_factory=list)
    opening: list[str] = field(default_factory=list)  # prose of the first section with any
    opening_section: int = 0  # which section (by count of headings) the opening is from
    warnings: list[str] = field(default_factory=list)
    interested_in: str = ""  # the page header's "Interested in X?": the compound's own name


def _find_title(blocks: list[_Block], goals: Sequence[Goal]) -> tuple[str, int]:
    """The article title and the index of its last occurrence (-1 when none is found)."""
    candidates: dict[str, list[int]] = {}
    for index, block in enumerate(blocks):
        if len(block.lines) != 1:
            continue
        text = _plain(block.lines[0].lstrip("# "))
        if len(text) > 160 or text.endswith(".") or is_boilerplate(text):
            continue
        if _split_title(text, goals)[0]:
            candidates.setdefault(text, []).append(index)
    if not candidates:
        return "", -1
    # A title repeated in the page header and above the article beats one seen once.
    best = max(candidates.items(), key=lambda item: (len(item[1]), -item[1][0]))
    return best[0], best[1][-1]


def _interested_in(blocks: list[_Block]) -> str:
    """The compound a page's "Interested in X?" line names, if it has one."""
    for block in blocks:
        match = _INTERESTED_IN.match(_plain(block.text))
        if match:
            return match.group("compound").strip()
    return ""


def _take_disclaimers(blocks: list[_Block], page: _Page) -> list[_Block]:
    """Remove disclaimer paragraphs; keep the longest complete one as the disclaimer."""
    kept: list[_Block] = []
    found: list[str] = []
    carry = 0  # blank lines before a removed paragraph still separate what follows
    for block in blocks:
        match = _DISCLAIMER.match(_plain(block.text))
        if match and match.group("text"):
            found.append(match.group("text").strip())
            carry = max(carry, block.gap)
            continue
        block.gap = max(block.gap, carry)
        carry = 0
        kept.append(block)
    complete = [text for text in found if not text.endswith(("...", "…"))]
    chosen = max(complete or found, key=len, default=None)
    if chosen is not None:
        page.disclaimer = " ".join(chosen.split())
        if len(found) > 1:
            page.warnings.append(
                f"dropped {len(found) - 1} repeated or truncated disclaimer paragraph(s)"
            )
    return kept


def _page_header(blocks: list[_Block], title_index: int, page: _Page) -> list[_Block]:
    """Read the date from, and drop, everything up to the title's last occurrence."""
    for block in blocks[: title_index + 1]:
        text = _plain(block.text)
        date_match = _LAST_UPDATED.match(text)
        if date_match:
            page.last_modified = parse_date(date_match.group("date")) or page.last_modified
            continue
        standalone_date = parse_date(text) if len(text) <= 40 else None
        if standalone_date and page.last_modified is None:  # "Last Updated:" then the date
            page.last_modified = standalone_date
            continue
        if text != page.title:
            page.warnings.append(f"dropped page header text: {text[:80]!r}")
    return blocks[title_index + 1 :]


def _emit_list(items: list[tuple[str, str]], page: _Page) -> None:
    """Write list items as a tight markdown list; a number marks an ordered item."""
    if page.body and page.body[-1] != "":
        page.body.append("")
    for number, item in items:
        text = _bold_label(" ".join(item.split()))
        page.body.append(f"{number}. {text}" if number else f"- {text}")
    page.body.append("")


def _collect_list(blocks: list[_Block], index: int) -> tuple[list[tuple[str, str]], int]:
    """Gather consecutive list blocks of one kind; returns (number, text) items and next index."""
    numbered = _list_kind(blocks[index])
    items: list[tuple[str, str]] = []
    while index < len(blocks) and _list_kind(blocks[index]) == numbered:
        for line in blocks[index].lines:
            item = _item(line)
            if item is not None and (item.number is not None) == numbered:
                items.append((str(item.number) if numbered else "", item.text))
            elif items:  # a wrapped continuation of the previous item
                number, prior = items[-1]
                items[-1] = (number, f"{prior} {line.strip()}")
        index += 1
    return items, index


def _convert_body(blocks: list[_Block], page: _Page) -> None:
    has_gap_structure = any(block.gap >= 2 for block in blocks)
    pending_gap = 0
    index = 0
    while index < len(blocks):
        block = blocks[index]
        gap = max(block.gap, pending_gap)
        pending_gap = 0
        first = block.lines[0]
        single = len(block.lines) == 1
        text = _plain(block.text)

        if single and is_boilerplate(text):
            page.warnings.append(f"dropped site boilerplate: {text[:80]!r}")
            pending_gap = gap
            index += 1
            continue
        date_match = _LAST_UPDATED.match(text) if single and len(text) < 80 else None
        if date_match:
            page.last_modified = parse_date(date_match.group("date")) or page.last_modified
            pending_gap = gap
            index += 1
            continue
        if _item(first):
            items, index = _collect_list(blocks, index)
            _emit_list(items, page)
            continue
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if single and is_heading_line(first) and following is not None:
            level = _heading_level(text, gap, has_gap_structure, page)
            page.body.extend([f"{'#' * level} {text}", ""])
            if level == 2:
                page.headings.append(text)
            index += 1
            continue
        if single and is_label_line(first):
            page.body.extend([f"**{text}**", ""])
            index += 1
            continue
        paragraph = " ".join(line.strip() for line in block.lines)
        _add_to_opening(page, paragraph)
        page.body.extend([_escape_paragraph(paragraph), ""])
        index += 1


def _list_kind(block: _Block) -> bool | None:
    """True for a numbered list block, False for bullets, None for anything else."""
    item = _item(block.lines[0])
    return None if item is None else item.number is not None


def _heading(line: str) -> Heading | None:
    """The markdown heading a line opens, when it has a title."""
    heading = atx_heading(line)
    return heading if heading is not None and heading.title.strip() else None


def _item(line: str) -> Item | None:
    """The list item a line opens, when it has any text."""
    item = list_item(line)
    return item if item is not None and item.text.strip() else None


def _add_to_opening(page: _Page, paragraph: str) -> None:
    """Keep `paragraph` for the summary when it is prose of the first section that has any
    (a 'Key Takeaways' list may come before the Overview), before any sub-heading."""
    if not page.headings or _has_subheading(page):
        return
    if not page.opening:
        page.opening_section = len(page.headings)
    if page.opening_section == len(page.headings):
        page.opening.append(paragraph)


def _has_subheading(page: _Page) -> bool:
    return any(line.startswith("### ") for line in page.body)


def _heading_level(text: str, gap: int, has_gap_structure: bool, page: _Page) -> int:
    if not page.headings:
        return 2  # nothing to nest under yet
    if has_gap_structure:  # pages separate top-level sections with an extra blank line
        return 2 if gap >= 2 else 3
    return 2 if _is_main_section(text) else 3


def _convert_markdown(blocks: list[_Block], page: _Page) -> None:
    """Markdown input: keep lines as written, minus title heading and furniture."""
    for block in blocks:
        text = _plain(block.text)
        if len(block.lines) == 1 and is_boilerplate(text):
            page.warnings.append(f"dropped site boilerplate: {text[:80]!r}")
            continue
        date_match = _LAST_UPDATED.match(text) if len(block.lines) == 1 else None
        if date_match:
            page.last_modified = parse_date(date_match.group("date")) or page.last_modified
            continue
        heading = _heading(block.lines[0])
        if heading and heading.level == 1 and len(block.lines) == 1:
            page.title = page.title or _plain(heading.title)
            continue
        if heading and heading.level == 2:
            page.headings.append(_plain(heading.title))
        elif not heading and _list_kind(block) is None:
            _add_to_opening(page, block.text)
        page.body.extend([*block.lines, ""])


def _frontmatter(fields: dict[str, object]) -> str:
    present = {key: value for key, value in fields.items() if value not in (None, "")}
    dumped = yaml.safe_dump(present, sort_keys=False, allow_unicode=True, width=100)
    return f"---\n{dumped}---\n"


def _existing_frontmatter(text: str) -> tuple[str, dict[str, object]]:
    """Markdown that already has YAML frontmatter: (body, its keys); else (text, {})."""
    if not text.lstrip().startswith("---"):
        return text, {}
    try:
        document = split_frontmatter(text, "<import>")
    except ContentError:
        return text, {}
    return document.body, dict(document.meta.data)


def _given_text(given: dict[str, object], key: str) -> str | None:
    value = given.get(key)
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    return None


def _apply_given(given: dict[str, object], page: _Page) -> None:
    """Values an editor already wrote in frontmatter win over what the text suggests."""
    title, disclaimer, modified = (
        given.get("title"),
        given.get("disclaimer"),
        given.get("lastModified"),
    )
    if isinstance(title, str) and title.strip():
        page.title = " ".join(title.split())
    if isinstance(disclaimer, str) and disclaimer.strip():
        page.disclaimer = " ".join(disclaimer.split())
    if isinstance(modified, (dt.date, dt.datetime)):
        page.last_modified = modified.isoformat()
    elif isinstance(modified, str) and modified.strip():
        page.last_modified = parse_date(modified) or modified.strip()


def import_article(text: str, *, source: str = "", goals: Sequence[Goal] = ()) -> ImportedArticle:
    """Turn page text (or rough markdown) of a research deep dive into article markdown.

    `goals` (the library's goals.yaml) lets the goal in the title map to its slug.
    """
    page = _Page()
    text, given = _existing_frontmatter(_normalise(text))
    blocks = _blocks(text)
    is_markdown = any(_heading(block.lines[0]) for block in blocks)
    if not is_markdown:
        blocks = _split_page_lines(blocks)
    blocks = _take_disclaimers(blocks, page)
    page.interested_in = _interested_in(blocks)
    title, title_index = _find_title(blocks, goals)
    page.title = title
    if is_markdown:
        _convert_markdown(blocks[title_index + 1 :] if title_index >= 0 else blocks, page)
    else:
        if title_index >= 0:
            blocks = _page_header(blocks, title_index, page)
        _convert_body(blocks, page)
    where = f"{source}: " if source else ""
    _apply_given(given, page)
    if not page.title:
        page.title = page.headings[0] if page.headings else "Untitled article"
        page.warnings.append("no 'X for Y' title line found; title and goal need checking")

    compound, goal_name = _split_title(page.title, goals)
    compound = _given_text(given, "compound") or compound or page.interested_in
    goal_name = _given_text(given, "goal") or goal_name
    if not compound:
        compound = re.split(r"\s*:\s+", page.title, maxsplit=1)[0].strip() or "Unknown compound"
        page.warnings.append("compound not found in the title; set 'compound' by hand")
    given_goal = _given_text(given, "goal")
    if given_goal and _SLUG.match(given_goal):  # an editor's slug is kept as written
        goal = given_goal
    else:
        goal = goal_slug(goal_name, goals) if goal_name else DEFAULT_GOAL
    if goals and goal_name and goal not in {known.slug for known in goals}:
        page.warnings.append(
            f"goal {goal_name!r} matches no goal in goals.yaml; written as {goal!r}: "
            "add it there or set 'goal' by hand"
        )
    if not goal_name:
        page.warnings.append(f"goal not found in the title; using {DEFAULT_GOAL!r}")
    if page.last_modified is None:
        page.warnings.append("no date given for 'Last Updated'; lastModified omitted")
    if page.disclaimer is None:
        page.warnings.append("no disclaimer found")

    body_text = "\n".join(page.body)
    tier_match = _TIER.search(body_text)
    tier = int(tier_match.group(1)) if tier_match else None
    given_tier = given.get("tier")
    if isinstance(given_tier, int) and not isinstance(given_tier, bool):
        tier = given_tier
    summary = _given_text(given, "summary") or make_summary(page.opening[:2])
    body = re.sub(r"\n{3,}", "\n\n", body_text).strip() + "\n"
    frontmatter = _frontmatter(
        {
            "title": page.title,
            "compound": compound,
            "goal": goal,
            "tier": tier,
            "lastModified": page.last_modified,
            "summary": summary,
            "disclaimer": page.disclaimer,
        }
    )
    return ImportedArticle(
        slug=slugify(f"{compound} for {goal_name or goal}"),
        markdown=f"{frontmatter}\n{body}",
        title=page.title,
        compound=compound,
        goal=goal,
        warnings=[f"{where}{warning}" for warning in page.warnings],
        tier=tier,
        last_modified=page.last_modified,
        summary=summary,
        disclaimer=page.disclaimer,
        headings=page.headings,
    )
