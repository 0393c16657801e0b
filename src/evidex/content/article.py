"""Research articles (content/research/<slug>.md): frontmatter + markdown body to an Article."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import PurePath
from typing import Any

from evidex.content.diagnostics import ContentError, Diagnostic, Diagnostics
from evidex.content.models import Article
from evidex.content.names import slug_conflict, slugify
from evidex.content.render import markdown_to_html
from evidex.content.sections import misspelled_title
from evidex.content.yamlload import (
    Located,
    canonical_keys,
    date_problem,
    split_frontmatter,
)
from evidex.evidence.models import Study
from evidex.evidence.studyfile import parse_study_list
from evidex.text.markdown import atx_heading, is_fence

KNOWN_KEYS = frozenset(
    {
        "title",
        "compound",
        "goal",
        "tier",
        "lastModified",
        "summary",
        "disclaimer",
        "studies",
        "slug",
    }
)
_KEY_ALIASES = {"last_updated": "lastModified", "updated": "lastModified", "health_goal": "goal"}
_REQUIRED_TEXT_KEYS = ("title", "compound", "goal")
_WRITTEN_TIER = re.compile(r"^\s*(?:tier\s*)?([1-5])(?:\s*\(.*\))?\s*$", re.IGNORECASE)
_GOAL_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_DISCLAIMER = re.compile(
    r"^\s*\*\*\s*Disclaimer\s*:?\s*\*\*\s*:?\s*(.*)$", re.IGNORECASE | re.DOTALL
)


_EMPHASIS_ENDS = re.compile(r"^[*_]+|[*_]+$")


def _strip_emphasis(text: str) -> str:
    """Heading text without wrapping bold/italic markers: '**Usage**' -> 'Usage'."""
    return _EMPHASIS_ENDS.sub("", text.strip()).strip()


def level2_headings(markdown: str) -> list[str]:
    """The `##` headings of a markdown body, in order, outside code fences."""
    found: list[str] = []
    in_fence = False
    # a heading starts its line with '#'; only a body with a fence marker needs other lines
    may_fence = "```" in markdown or "~~~" in markdown
    for line in markdown.split("\n"):
        if may_fence and is_fence(line):
            in_fence = not in_fence
            continue
        if "##" not in line[:5] or in_fence:
            continue  # only '##' opens a level-2 heading
        marked = atx_heading(line)
        if marked and marked.level == 2:
            found.append(_strip_emphasis(marked.title))
    return found


# The level-2 sections of a deep dive (the dosing one is titled freely: "Dosing in ...").
ARTICLE_SECTIONS = (
    "Overview",
    "What the Research Shows",
    "Side Effects to Consider",
    "The Bottom Line",
)


def report_misspelled_headings(body: str, first_line: int, diags: Diagnostics) -> None:
    """A `##` heading one or two letters off an article section, at its line."""
    # Only the heading lines are read: found with str.find and numbered by the newlines
    # before them, which costs far less than splitting a whole deep dive into lines.
    text = "\n" + body  # every line, the first too, follows a newline
    number, counted = first_line - 1, 0
    at = text.find("\n## ")
    while at != -1:
        number += text.count("\n", counted, at + 1)
        counted = at + 1
        end = text.find("\n", counted)
        line = text[counted:] if end == -1 else text[counted:end]
        written = _strip_emphasis(line[3:].strip().rstrip("#").strip())
        meant = _meant_section(written)
        if meant:
            diags.warning(
                number, f"unknown section '{written}'; did you mean '{meant}'?", "heading-repair"
            )
        at = text.find("\n## ", counted)


@lru_cache(maxsize=4096)  # deep dives share their headings ("Overview", "The Bottom Line")
def _meant_section(written: str) -> str | None:
    return misspelled_title(written, ARTICLE_SECTIONS)


def split_leading_disclaimer(body: str) -> tuple[str | None, str]:
    """Take a first paragraph starting '**Disclaimer:**' off the body: (disclaimer, rest)."""
    stripped = body.lstrip("\n")
    paragraph, _, rest = stripped.partition("\n\n")
    match = _DISCLAIMER.match(paragraph)
    if not match:
        return None, body
    text = " ".join(match.group(1).split())
    return (text or None), rest.lstrip("\n")


def _text_field(
    meta: dict[str, Any], key: str, located: Located, diags: Diagnostics, required: bool
) -> str | None:
    value = meta.get(key)
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        diags.error(located.line(key), f"{key!r} must be text, got {type(value).__name__}", "type")
        return None
    text = " ".join(value.split())
    if not text and required:
        diags.error(located.line(key), f"{key!r} is empty", "missing-key")
        return None
    return text or None


def _tier(meta: dict[str, Any], located: Located, diags: Diagnostics) -> int | None:
    value = meta.get("tier")
    if value is None:
        return None
    if isinstance(value, str):
        written = _WRITTEN_TIER.match(value)
        if written is not None:
            if not value.strip().isdigit():
                diags.warning(
                    located.line("tier"),
                    f"'tier' written as {value!r}; read as {written[1]}",
                    "type",
                )
            value = int(written[1])
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        diags.error(
            located.line("tier"), f"'tier' must be a whole number 1-5, got {value!r}", "type"
        )
        return None
    return value


def _last_modified(meta: dict[str, Any], located: Located, diags: Diagnostics) -> str | None:
    value = meta.get("lastModified")
    if value is None:
        return None
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    if isinstance(value, str) and value.strip():
        problem = date_problem(value)
        if problem:
            diags.warning(
                located.line("lastModified"),
                f"'lastModified' {value!r} {problem}; it is not published",
                "type",
            )
            return None
        return value.strip()
    diags.error(located.line("lastModified"), "'lastModified' must be a date or text", "type")
    return None


def _studies(items: Any, path: str, located: Located, diags: Diagnostics) -> list[Study]:
    studies, problems = parse_study_list(items, path, located, ("studies",))
    diags.items.extend(problems)
    return studies


def parse_article(
    text: str, path: str, slug: str | None = None
) -> tuple[Article | None, list[Diagnostic]]:
    """Parse one research article. Returns (None, diagnostics) when a required key is bad."""
    diags = Diagnostics(path)
    try:
        document = split_frontmatter(text, path)
    except ContentError as exc:
        return None, [exc.diagnostic]
    meta: dict[str, Any] = document.meta.data
    located = document.meta
    first_line = located.offset  # the '---' line; missing keys are reported there

    for line, message in canonical_keys(located, KNOWN_KEYS, _KEY_ALIASES):
        diags.warning(line, f"frontmatter {message}", "key-repair")
    for key in meta:
        if key not in KNOWN_KEYS:
            diags.warning(located.line(key), f"unknown key {key!r} ignored", "unknown-key")

    values: dict[str, str | None] = {}
    for key in _REQUIRED_TEXT_KEYS:
        if key not in meta or meta[key] is None:
            diags.error(max(first_line, 1), f"missing required key {key!r}", "missing-key")
            values[key] = None
        else:
            values[key] = _text_field(meta, key, located, diags, required=True)
    goal = values["goal"]
    if goal is not None and not _GOAL_SLUG.match(goal):
        written, goal = goal, slugify(goal) or None
        if goal is None:
            diags.error(located.line("goal"), f"'goal' {written!r} is not a goal slug", "goal-slug")
        else:  # checked against goals.yaml when the library is linked
            diags.warning(
                located.line("goal"),
                f"'goal' written as {written!r}; read as {goal!r}",
                "goal-slug",
            )
    summary = _text_field(meta, "summary", located, diags, required=False) or ""
    disclaimer = _text_field(meta, "disclaimer", located, diags, required=False)
    tier = _tier(meta, located, diags)
    last_modified = _last_modified(meta, located, diags)

    body = document.body
    report_misspelled_headings(body, document.body_line, diags)
    body_disclaimer, stripped_body = split_leading_disclaimer(body)
    if body_disclaimer is not None:
        disclaimer = disclaimer or body_disclaimer
        body = stripped_body
    body = body.strip("\n") + "\n" if body.strip() else ""

    studies: list[Study] = []
    if "studies" in meta and meta["studies"] is not None:
        studies = _studies(meta["studies"], path, located, diags)

    title, compound = values["title"], values["compound"]
    if title is None or compound is None or goal is None or diags.has_errors:
        return None, diags.items
    article_slug = slug or _slug_from(meta, path)
    conflict = slug_conflict(meta.get("slug"), slug)
    if conflict:
        diags.warning(located.line("slug"), conflict, "slug")
    body_line = _first_body_line(document.body, body, document.body_line)
    notes: list[tuple[int, str]] = []
    body_html = markdown_to_html(body, notes)
    for line, message in notes:
        diags.warning(body_line + line - 1, message, "nesting")
    article = Article(
        body_line=body_line,
        key_lines={str(key): located.line(key) for key in meta},
        slug=article_slug,
        title=title,
        compound=compound,
        goal=goal,
        tier=tier,
        last_modified=last_modified,
        summary=summary,
        disclaimer=disclaimer,
        body_markdown=body,
        body_html=body_html,
        headings=level2_headings(body),
        studies=studies,
        source_path=path,
        warnings=[str(d) for d in diags.items if d.level == "warning"],
    )
    return article, diags.items


def _first_body_line(original: str, kept: str, original_line: int) -> int:
    """File line where the kept body starts (a leading disclaimer may have been lifted out)."""
    head = kept.lstrip("\n")[:80]
    at = original.find(head) if head else -1
    return original_line + (original[:at].count("\n") if at > 0 else 0)


def _slug_from(meta: dict[str, Any], path: str) -> str:
    given = meta.get("slug")
    if isinstance(given, str) and given.strip():
        return slugify(given)
    stem = PurePath(path).stem
    if stem:
        return slugify(stem)
    return slugify(str(meta.get("title", "article")))
