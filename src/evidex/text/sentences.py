"""Splitting prose into sentences, as published text writes them.

A sentence ends at '.', '!' or '?' followed by a space and a capital, digit or bracket; not
after an abbreviation ("vs.", "e.g.", "et al.", "Fig."), not inside a decimal. Two forms that
copied abstracts hold are ends too: a full stop glued to the next sentence ("meta-analysis.Methods
Randomized") and a reference number glued to the full stop ("knee pain.1 The use").

pysbd and syntok were measured against this on the real-abstract corpus: both split the glued
forms wrongly or not at all and cost 20-200 times as much per abstract (see the report in the
tests), so the rules stay here.
"""

from __future__ import annotations

import re

# Words that end with a full stop inside a sentence (compared lower-case, without the stop).
ABBREVIATIONS = frozenset(
    {
        "vs", "e.g", "i.e", "al", "etc", "fig", "figs", "approx", "dr", "mr", "mrs", "prof",
        "ca", "cf", "resp", "incl", "vol", "ref", "refs", "spp", "ltd", "jr", "eq", "viz", "u.s",
        "u.k", "n.s", "pp",
    }
)  # fmt: skip
# A full stop (or ! ?), any reference numbers glued to it, spaces, then what opens a sentence;
# or a full stop after a lower-case word glued to a capitalised word. Written stop-first so the
# engine jumps from stop to stop.
_BREAK = re.compile(
    r"[.!?](?:(?:(?<=[^\W\d_)\]][.!?])\d{1,3}(?:[,\u2013-]\d{1,3}){0,4})?[\"'”’)]?\s+"
    r"(?=[A-Z(\[“\"'\d])|(?<=[a-z)\]][.!?])(?=[A-Z][a-z]))"
)
_WORD_BEFORE = re.compile(r"([\w.]+)$")


def split_sentences(text: str) -> list[str]:
    """The sentences of `text`, each stripped; line breaks inside a sentence are kept."""
    sentences: list[str] = []
    start = 0
    for match in _BREAK.finditer(text):
        stop = match.start()
        if _is_abbreviation(text, stop):
            continue
        piece = text[start : stop + 1].strip()
        if piece:
            sentences.append(piece)
        start = match.end()
    rest = text[start:].strip()
    if rest:
        sentences.append(rest)
    return sentences


def _is_abbreviation(text: str, stop: int) -> bool:
    if text[stop] != ".":
        return False
    word = _WORD_BEFORE.search(text[max(0, stop - 12) : stop])
    if word is None:
        return False
    lowered = word.group(1).lower().lstrip(".")
    return lowered in ABBREVIATIONS or lowered.rsplit(".", 1)[-1] in ("vs", "al")
