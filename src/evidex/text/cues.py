"""Cheap tests before costly patterns: whether text holds one of a few words at all."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass


def any_of(needles: tuple[str, ...] | str) -> re.Pattern[str]:
    """One pattern finding any of the literal `needles` (a string: any of its characters).

    Faster than `contains_any` where the needles are many and the text long (the engine scans
    once for their first characters); slower for two or three needles, or on short texts.
    """
    return re.compile("|".join(re.escape(needle) for needle in needles))


def contains_any(text: str, needles: tuple[str, ...] | str) -> bool:
    """Whether one of `needles` occurs in `text`: a cheap test before a pattern needing one."""
    # A plain loop, not any() over a generator: this runs half a million times in a build of
    # the synthetic library, where the generator's overhead doubled its cost.
    for needle in needles:  # noqa: SIM110
        if needle in text:
            return True
    return False


# `re` matches these case-insensitively with an ASCII letter, which str.lower() does not do
_ODD_CASE_LETTERS = (("İ", "i"), ("ı", "i"), ("ſ", "s"))


def fold_case(text: str) -> str:
    """`text` lower-cased so that `in` finds a lower-case word wherever a case-insensitive
    pattern would (same length, same offsets)."""
    for odd, letter in _ODD_CASE_LETTERS:
        if odd in text:
            text = text.replace(odd, letter)
    return text.lower()


def found_near(pattern: re.Pattern[str], text: str, needles: tuple[str, ...], reach: int) -> bool:
    """Whether `pattern` matches in `text`, for a pattern each of whose matches holds one of
    `needles` and, with what its lookarounds read, stays within `reach` characters of it: the
    pattern is tried only around each needle (str.find passes over text far faster than a
    pattern can be tried at each of its characters)."""
    for needle in needles:
        at = text.find(needle)
        while at != -1:
            if pattern.search(text, max(0, at - reach), at + len(needle) + reach):
                return True
            at = text.find(needle, at + 1)
    return False


def mentions_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether `text` contains one of the lower-case `words` as a case-insensitive pattern would
    find it: a cheap test before a `(?i)` pattern that needs one of them."""
    return contains_any(fold_case(text), words)


@dataclass(frozen=True)
class CuedPattern:
    """A case-insensitive pattern and lower-case words one of which each of its matches
    contains (and one of `also`, when given): looking for the words first is far cheaper than
    the search."""

    pattern: re.Pattern[str]
    cues: tuple[str, ...]
    also: tuple[str, ...] = ()

    def search(self, text: str, folded: str | None = None) -> re.Match[str] | None:
        """The pattern's first match in `text`; `folded` is fold_case(text) if already made."""
        return self.pattern.search(text) if self._cued(text, folded) else None

    def finditer(self, text: str, folded: str | None = None) -> Iterator[re.Match[str]]:
        """The pattern's matches in `text`; `folded` as for `search`."""
        return self.pattern.finditer(text) if self._cued(text, folded) else iter(())

    def _cued(self, text: str, folded: str | None) -> bool:
        folded = fold_case(text) if folded is None else folded
        return contains_any(folded, self.cues) and (
            not self.also or contains_any(folded, self.also)
        )
