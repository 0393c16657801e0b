"""Markdown to safe HTML: rendered once at build time, sanitised with nh3 every time."""

from __future__ import annotations

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


def markdown_to_html(markdown: str) -> str:
    """CommonMark + GFM tables, raw HTML escaped by the renderer and then sanitised."""
    html = cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_DEFAULT)
    return sanitize(html)
