"""Splitting prose into sentences, as published text writes them.

A sentence ends at '.', '!' or '?' followed by a space and a capital, digit or bracket; not
after an abbreviation ("vs.", "e.g.", "et al.", "Fig."), not inside a decimal. Two forms that
copied abstracts hold are ends too: a full stop glued to the next sentence ("meta-analysis.Methods
Randomized") and a reference number glued to the full stop ("knee pain.1 The use").

pysbd 0.3.4 and syntok 1.4.4 were measured against these rules on the 40 real abstracts of
the corpus and six forms from them (glued full stop, glued reference, "vs.", "et al.", a sentence
opening with a number, a CI before a p value): pysbd 5.6 ms per abstract and 4 of the 6 forms
right (not the glued full stop nor "et al."), syntok 1.3 ms and 4 of 6 (not the glued reference
nor "et al."), these rules (written for those forms) 0.017 ms and 6 of 6. So the rules stay
here and no package is added.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Words that end with a full stop inside a sentence (compared lower-case, without the stop).
ABBREVIATIONS = frozenset(
    {
        "vs", "e.g", "i.e", "al", "etc", "fig", "figs", "approx", "dr", "mr", "mrs", "prof",
        "ca", "cf", "resp", "incl", "vol", "ref", "refs", "spp", "ltd", "jr", "eq", "viz", "u.s",
        "u.k", "n.s", "pp", "c.i",
    }
)  # fmt: skip
# A full stop (or ! ?), any reference numbers glued to it, spaces, then what opens a sentence;
# or a full stop after a lower-case word glued to a capitalised word. Written stop-first so the
# engine jumps from stop to stop.
_BREAK = re.compile(
    r"[.!?](?:(?:(?<=[^\W\d_)\]][.!?])\d{1,3}(?:[,\u2013-]\d{1,3}){0,4})?[\"'”’)]?\s+"
    r"(?=[A-Z(\[“\"'\d])|(?<=[a-z)\]][.!?])(?=[A-Z][a-z]))"
)


def split_sentences(text: str) -> list[str]:
    """The sentences of `text`, each stripped; line breaks inside a sentence are kept."""
    return list(_split_sentences(text))


# Extraction splits an article's lines into sentences, then the sentences of each study's text
# again: each text is split once.
@lru_cache(maxsize=4096)
def _split_sentences(text: str) -> tuple[str, ...]:
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
    return tuple(sentences)


def _is_abbreviation(text: str, stop: int) -> bool:
    if text[stop] != "." or not text[stop - 1 : stop].isalpha():
        return False
    start = max(text.rfind(" ", 0, stop), text.rfind("(", 0, stop), text.rfind("\n", 0, stop)) + 1
    word = text[start:stop].lower().lstrip(".")
    return word in ABBREVIATIONS or word.rsplit(".", 1)[-1] in ("vs", "al")
