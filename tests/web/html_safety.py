"""Find anything executable in an HTML page by parsing it as a browser would tokenise it."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_OWN_SCRIPT = re.compile(r"/static/[\w/.-]+\.js")
_FORBIDDEN_TAGS = {"iframe", "img", "object", "embed", "frame", "base", "form-action"}


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=...> event handler")
            if (
                name in ("href", "src", "action", "formaction")
                and value
                and re.match(r"\s*(javascript|data|vbscript):", value, re.I)
            ):
                self.problems.append(f"<{tag} {name}={value!r}> script URL")
            if name == "style":
                self.problems.append(f"<{tag} style=...> inline style")
        if tag == "script":
            src = values.get("src") or ""
            if values.get("type") != "application/ld+json" and not _OWN_SCRIPT.fullmatch(src):
                self.problems.append(f"<script {values}> is neither data nor our own file")
        if tag in _FORBIDDEN_TAGS:
            self.problems.append(f"<{tag}> element")


def executable_parts(html: str) -> list[str]:
    """Every event handler, script URL, inline style, foreign script or embedding element."""
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return collector.problems
