"""Markdown to safe HTML: rendered once at build time, sanitised with nh3 every time."""

from __future__ import annotations

import re

import cmarkgfm
import nh3
from cmarkgfm.cmark import Options

_ALLOWED_TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "code",
    "dd",
    "del",
    "div",
    "dl",
    "dt",
    "em",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "li",
    "ol",
    "p",
    "pre",
    "span",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
}
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "td": {"align"}, "th": {"align"}}
_URL_SCHEMES = {"http", "https", "mailto"}
# built once: nh3.clean would convert the same allow-lists on every call
_CLEANER = nh3.Cleaner(
    tags=_ALLOWED_TAGS,
    attributes=_ALLOWED_ATTRIBUTES,
    url_schemes=_URL_SCHEMES,
    link_rel="nofollow noopener noreferrer",
)


def sanitize(html: str) -> str:
    """Strip anything that could run script: tags, attributes and URL schemes outside a list."""
    return _CLEANER.clean(html)


# The sanitiser's HTML parser takes time quadratic in element depth, and cmark nests
# blockquotes without limit (lists it stops at 100 itself): 40,000 '>' took 5 s.
MAX_QUOTE_DEPTH = 32
_LIST_MARKER = re.compile(r"(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)")


def _cap_quote_line(line: str) -> str:
    """`line` with the blockquote markers of its container prefix past MAX_QUOTE_DEPTH dropped."""
    kept: list[str] = []
    depth = 0
    at = 0
    while at < len(line):
        char = line[at]
        if char in " \t":
            kept.append(char)
            at += 1
        elif char == ">":
            depth += 1
            if depth <= MAX_QUOTE_DEPTH:
                kept.append(char)
            elif line.startswith(" ", at + 1):
                at += 1  # the marker's own space goes with it
            at += 1
        else:
            marker = _LIST_MARKER.match(line, at)
            if marker is None:
                break
            kept.append(marker.group())
            at = marker.end()
    return "".join(kept) + line[at:]


def cap_quote_depth(markdown: str) -> tuple[str, list[int]]:
    """The markdown with blockquotes nested at most MAX_QUOTE_DEPTH deep, and the 1-based
    lines that were cut back."""
    if markdown.count(">") <= MAX_QUOTE_DEPTH:
        return markdown, []
    lines = markdown.split("\n")
    capped: list[int] = []
    for index, line in enumerate(lines):
        if line.count(">") > MAX_QUOTE_DEPTH:
            shorter = _cap_quote_line(line)
            if shorter != line:
                lines[index] = shorter
                capped.append(index + 1)
    return ("\n".join(lines), capped) if capped else (markdown, [])


def markdown_to_html(markdown: str, notes: list[tuple[int, str]] | None = None) -> str:
    """CommonMark + GFM tables, raw HTML escaped by the renderer and then sanitised.

    Blockquotes nested past MAX_QUOTE_DEPTH are flattened to that depth; `notes`, when given,
    receives (line in `markdown`, message) for each line cut back."""
    markdown, capped = cap_quote_depth(markdown)
    if notes is not None:
        notes.extend(
            (line, f"blockquote nested deeper than {MAX_QUOTE_DEPTH} levels; shown at that depth")
            for line in capped
        )
    html = cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_DEFAULT)
    return sanitize(html)
