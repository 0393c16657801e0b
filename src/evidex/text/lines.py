"""Joining lines broken inside a paragraph (text copied from a PDF, an e-mail or a page with a
fixed width), so that a sentence is read whole wherever its line breaks fell.

A line break is kept where it separates things: a blank line, a heading ('#'), a bullet or
numbered item, a table row or quote, a section label on its own line ('Results'), and a short
line (a title or heading: a wrapped line runs to near the width it was wrapped at).
"""

from __future__ import annotations

import re

from evidex.text.abstracts import opens_with_label

# A wrapped line is at least this long; shorter lines followed by text are titles or headings.
_MIN_WRAPPED_CHARS = 40
# Lines that stand on their own: a heading, a bullet or numbered item, a table row, a quote.
_OWN_LINE = re.compile(r"\s*(?:#|[-*•‣◦▪|>+]\s|\d{1,2}[.)]\s|[-*_=]{3,}\s*$)")


def _stands_alone(line: str) -> bool:
    return not line.strip() or _OWN_LINE.match(line) is not None


def _opens_a_part(line: str) -> bool:
    return _stands_alone(line) or opens_with_label(line)


def unwrap_lines(text: str) -> str:
    """`text` with each line broken inside a paragraph joined to the next by a space."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    joined = [lines[0]]
    for line in lines[1:]:
        previous = joined[-1].rstrip()
        if (
            len(previous) >= _MIN_WRAPPED_CHARS
            and not _stands_alone(previous)
            and (not _opens_a_part(line) or _RANGE_BROKEN.search(f"{previous[-1:]}{line}"))
        ):
            # a word broken after its hyphen ("community-|dwelling") is joined without a space
            glue = "" if _HYPHEN_BROKEN.search(f"{previous[-2:]}{line.lstrip()[:1]}") else " "
            joined[-1] = f"{previous}{glue}{line.lstrip()}"
        else:
            joined.append(line)
    return "\n".join(joined)


_HYPHEN_BROKEN = re.compile(r"^[^\W\d_]-[^\W\d_]$")
# "1.99|- 5.34": a range broken before its dash, not a bullet
_RANGE_BROKEN = re.compile(r"^\d\s*- \d")
