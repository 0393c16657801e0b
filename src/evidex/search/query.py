"""Turning what a reader typed into safe search inputs: never FTS syntax, never an error."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from evidex.content.names import GREEK, fold_name

MAX_QUERY_CHARS = 500
MAX_TERMS = 12
_WORD = re.compile(r"\w+", re.UNICODE)
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "can",
        "do",
        "does",
        "for",
        "from",
        "how",
        "i",
        "if",
        "in",
        "is",
        "it",
        "of",
        "on",
        "or",
        "safe",
        "should",
        "the",
        "to",
        "what",
        "when",
        "which",
        "who",
        "why",
        "with",
        "you",
        "your",
        "during",
        "much",
        "many",
        "per",
        "often",
        "there",
        "about",
        "best",
        "me",
        "my",
        "get",
        "take",
        "taking",
    ]
)


@dataclass
class ParsedQuery:
    text: str  # the query, trimmed and bounded
    tokens: list[str] = field(default_factory=list)  # every word, lower-cased
    terms: list[str] = field(default_factory=list)  # words worth matching in text
    folded: str = ""  # the whole query folded like a name

    def windows(self, longest: int = 4) -> list[tuple[str, int]]:
        """Folded runs of 1..longest consecutive tokens, longest first: name candidates."""
        found: list[tuple[str, int]] = []
        seen: set[str] = set()
        if self.folded:
            found.append((self.folded, len(self.tokens)))
            seen.add(self.folded)
        for size in range(min(longest, len(self.tokens)), 0, -1):
            for start in range(len(self.tokens) - size + 1):
                run = self.tokens[start : start + size]
                if size == 1 and run[0] in STOPWORDS:
                    continue
                key = fold_name(" ".join(run))
                if key and key not in seen:
                    seen.add(key)
                    found.append((key, size))
        return found


def parse_query(raw: str) -> ParsedQuery:
    text = " ".join(str(raw).split())[:MAX_QUERY_CHARS]
    spelled = "".join(f" {GREEK[ch]} " if ch in GREEK else ch for ch in text.lower())
    tokens = _WORD.findall(spelled)[: MAX_TERMS * 3]
    terms = [t for t in tokens if t not in STOPWORDS and not t.isdigit()][:MAX_TERMS]
    if not terms:
        terms = tokens[:MAX_TERMS]  # a query of only common words still searches them
    return ParsedQuery(text=text, tokens=tokens, terms=terms, folded=fold_name(text[:120]))


def prefix_term(parsed: ParsedQuery) -> str | None:
    """The term matched as a prefix: as-you-type, the last word may be half-typed (not in long
    questions: costly, rarely useful)."""
    if parsed.terms and len(parsed.terms[-1]) >= 3 and len(parsed.terms) < 3:
        return parsed.terms[-1]
    return None


def fts_expression(parsed: ParsedQuery, any_term: bool = False) -> str:
    """An FTS5 MATCH expression built only from quoted word tokens (no operators leak in).

    The last term gets a prefix star so a half-typed word still matches.
    """
    if not parsed.terms:
        return ""
    quoted = [f'"{term}"' for term in parsed.terms]
    if prefix_term(parsed) and not any_term:
        quoted[-1] += "*"
    return (" OR " if any_term else " ").join(quoted)
