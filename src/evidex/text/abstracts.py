"""The labelled sections of a published abstract (Background / Methods / Results / ...).

Labels are found in the three forms abstracts are printed in: on a line of their own
("Results"), run in with a colon ("RESULTS: A total of ..."), and run in without one
("Results Of 1106 adults ...", "meta-analysis.Methods Randomized ..."), in any case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from evidex.text.cues import any_of

# canonical name -> the kind of section it is
SECTION_KINDS: dict[str, str] = {
    "abstract": "start",
    "summary": "start",
    "background": "background",
    "introduction": "background",
    "context": "background",
    "importance": "background",
    "rationale": "background",
    "objective": "background",
    "objectives": "background",
    "aim": "background",
    "aims": "background",
    "purpose": "background",
    "methods": "methods",
    "method": "methods",
    "methodology": "methods",
    "materials and methods": "methods",
    "material and methods": "methods",
    "material/methods": "methods",
    "materials/methods": "methods",
    "research design and methods": "methods",
    "design": "methods",
    "study design": "methods",
    "design, setting, and participants": "methods",
    "design, setting and participants": "methods",
    "setting": "methods",
    "settings": "methods",
    "participants": "methods",
    "patients": "methods",
    "subjects": "methods",
    "interventions": "methods",
    "intervention": "methods",
    "exposure": "methods",
    "exposures": "methods",
    "measurements": "methods",
    "main outcome measures": "methods",
    "main outcomes and measures": "methods",
    "data sources": "methods",
    "study selection": "methods",
    "data extraction": "methods",
    "review methods": "methods",
    "eligibility criteria": "methods",
    "statistical analysis": "methods",
    "outcome measures": "methods",
    "main outcome": "methods",
    "main outcomes": "methods",
    "experimental design": "methods",
    # a Cochrane review's labels
    "search methods": "methods",
    "selection criteria": "methods",
    "data collection and analysis": "methods",
    "main results": "results",
    "authors' conclusions": "conclusions",
    "authors’ conclusions": "conclusions",
    # PLOS, Annals, case reports and journals' "key" sets
    "methods and findings": "results",
    "data synthesis": "results",
    "evidence synthesis": "results",
    "key findings": "results",
    "main findings": "results",
    "principal findings": "results",
    "case presentation": "results",
    "case report": "results",
    "case description": "results",
    "significance": "conclusions",
    "limitation": "conclusions",
    "meaning": "conclusions",
    "implications": "conclusions",
    "clinical relevance": "conclusions",
    "primary funding source": "other",
    "registration": "other",
    "key points": "other",
    "methods and results": "results",
    "results": "results",
    "findings": "results",
    "conclusion": "conclusions",
    "conclusions": "conclusions",
    "interpretation": "conclusions",
    "discussion": "conclusions",
    "limitations": "conclusions",
    "conclusions and relevance": "conclusions",
    "trial registration": "other",
    "trial registration number": "other",
    "funding": "other",
    "keywords": "other",
}
# Run in without a colon, only the labels that cannot open an ordinary sentence before a
# capitalised word ("Patients Were ..." can).
_BARE_RUN_IN = (
    "background", "objective", "objectives", "aim", "aims", "purpose", "methods", "results",
    "conclusion", "conclusions", "findings", "interpretation", "introduction", "search methods",
    "selection criteria", "main results", "authors' conclusions", "authors’ conclusions",
    "main outcome measures", "main outcomes and measures", "data sources", "study selection",
    "data extraction", "data synthesis", "conclusions and relevance", "methods and findings",
    "key findings", "case presentation",
)  # fmt: skip


def _alternation(names: list[str]) -> str:
    return "|".join(
        re.escape(name).replace(r"\ ", " ") for name in sorted(names, key=len, reverse=True)
    )


_LONGEST_LABEL = max(map(len, SECTION_KINDS))
# The words between a sentence's end (or a line's start) and a colon: a label when they are one.
_BEFORE_COLON = re.compile(r"[.!?)\]\n][ \t]*(?P<label>[A-Za-z][A-Za-z/& ,'’]*?)[ \t]*$")
# run in without a colon: a capitalised label at the start or after a sentence's end, followed
# by a capitalised word or a number
_BARE = re.compile(
    r"(?:^|(?<=[.!?)\]])[ \t]*|(?<=\n)[ \t]*)"
    rf"(?P<label>(?i:{_alternation(list(_BARE_RUN_IN))}))[ \t]+(?=[A-Z\d])",
    re.MULTILINE,
)
# A label without a colon or a line of its own is one of these words, capitalised.
_BARE_CUE = any_of(
    tuple(form for name in _BARE_RUN_IN for form in (name.capitalize(), name.upper()))
)


# An upper-case label glued to the sentence it opens ("RESULTSTwo hundred patients ...")
_UPPER_LABELS = tuple(name.upper() for name in SECTION_KINDS if name.isascii())
_GLUED_CUE = any_of(_UPPER_LABELS)
_GLUED_LABEL = re.compile(
    rf"(?<![A-Z])(?P<label>{_alternation(list(_UPPER_LABELS))})(?=[A-Z][a-z])"
)


# A capitalised label glued to the sentence it opens, where a label stands: at a line's start or
# after a sentence or a markup tag ("asthma.MethodsTwenty-two mice", "</jats:sec>ResultsUnion")
_TITLE_LABELS = tuple(name.capitalize() for name in _BARE_RUN_IN if name.isascii())
_GLUED_TITLE_CUE = any_of(_TITLE_LABELS)
_GLUED_TITLE_LABEL = re.compile(
    rf"(?:^|(?<=[.!?>)\]\n])[ \t]*)(?P<label>{_alternation(list(_TITLE_LABELS))})(?=[A-Z][a-z])",
    re.MULTILINE,
)


# what both glued forms need: one scan rules both out in the common text that has neither
_GLUED_EITHER = re.compile(rf"(?:{_alternation([*_UPPER_LABELS, *_TITLE_LABELS])})(?=[A-Z][a-z])")


def unglue_labels(text: str) -> str:
    """`text` with a space between a label (upper-case, or capitalised where a label stands) and
    the word glued to it."""
    if not _GLUED_EITHER.search(text):
        return text
    if _GLUED_CUE.search(text):
        text = _GLUED_LABEL.sub(r"\g<label> ", text)
    if _GLUED_TITLE_CUE.search(text):
        text = _GLUED_TITLE_LABEL.sub(r"\g<label> ", text)
    return text


@dataclass(frozen=True)
class Section:
    label: str | None  # canonical lower-case label; None for text before the first label
    kind: str  # background, methods, results, conclusions, other, start; "" when unlabelled
    text: str
    start: int  # offset of the section's text in the abstract


@dataclass(frozen=True)
class _Label:
    name: str
    start: int  # where the label begins
    end: int  # where the section's text begins


_JOINED_LABELS = re.compile(r"\s*(?:&|/|,|\band\b)\s*")


def _known_name(name: str) -> str:
    """A label as the table names it: labels printed joined ("Background & aims", "Aims and
    objectives", "Results/Discussion") are the section of the first."""
    if name in SECTION_KINDS or not any(mark in name for mark in ("&", "/", ",", " and ")):
        return name
    parts = [part for part in _JOINED_LABELS.split(name) if part]
    if len(parts) > 1 and all(part in SECTION_KINDS for part in parts):
        return parts[0]
    return name


def find_labels(text: str) -> list[_Label]:
    """Every section label of `text`, in order."""
    return list(_find_labels(text))


# Extraction asks for the labels of one text several times (is it structured, where do its
# abstracts start, which part is the methods): each text is read once.
@lru_cache(maxsize=32)
def _find_labels(text: str) -> tuple[_Label, ...]:
    found: dict[int, _Label] = {}

    def add(name: str, start: int, end: int) -> None:
        name = _known_name(" ".join(name.lower().split()))
        if name in SECTION_KINDS and not any(
            other.start <= start < other.end for other in found.values()
        ):
            found[start] = _Label(name, start, end)

    offset = 0
    for line in text.split("\n"):  # a label on a line of its own, a colon allowed
        stripped = line.strip()
        if stripped and len(stripped) <= _LONGEST_LABEL + 1:
            start = offset + line.index(stripped[0])
            add(stripped.rstrip(":").strip(), start, offset + len(line))
        offset += len(line) + 1
    colon = text.find(":")
    while colon != -1:  # run in with a colon, after a line start or a sentence's end
        window_start = max(0, colon - _LONGEST_LABEL - 2)
        before = ("\n" if window_start == 0 else text[window_start - 1]) + text[window_start:colon]
        match = _BEFORE_COLON.search(before)
        if match and text[colon + 1 : colon + 40].strip():
            start = window_start - 1 + match.start("label")
            add(match["label"], start, colon + 1)
        colon = text.find(":", colon + 1)
    if _BARE_CUE.search(text):
        for match in _BARE.finditer(text):
            if match["label"][0].isupper():
                add(match["label"], match.start("label"), match.end())
    return tuple(found[start] for start in sorted(found))


_FIRST_WORD = re.compile(r"[A-Za-z]+")
_LABEL_FIRST_WORDS = frozenset(re.split(r"[ ,/]", name)[0] for name in SECTION_KINDS)


def opens_with_label(line: str) -> bool:
    """Whether `line` opens with a section label ("Results", "METHODS: We ...")."""
    stripped = line.strip()
    first_word = _FIRST_WORD.match(stripped)
    if first_word is None or first_word.group(0).lower() not in _LABEL_FIRST_WORDS:
        return False  # no label opens with that word
    labels = find_labels(stripped)
    return bool(labels) and labels[0].start == 0


def split_sections(text: str) -> list[Section]:
    """`text` cut at its section labels; one unlabelled section when it has none."""
    labels = find_labels(text)
    sections: list[Section] = []
    if not labels or (labels[0].start > 0 and text[: labels[0].start].strip()):
        head_end = labels[0].start if labels else len(text)
        sections.append(Section(None, "", text[:head_end].strip(), 0))
    for index, label in enumerate(labels):
        end = labels[index + 1].start if index + 1 < len(labels) else len(text)
        body = text[label.end : end]
        sections.append(Section(label.name, SECTION_KINDS[label.name], body.strip(), label.end))
    return sections


# An abstract opens with its first label, after at most a title and a citation line.
_MAX_TEXT_BEFORE_FIRST_LABEL = 400


def is_structured(text: str) -> bool:
    """Whether `text` reads as a structured abstract: it opens with a label, and its labels are
    of two or more kinds, one of them a background or methods label (an article's 'Results'
    and 'Limitations' headings alone do not make it an abstract)."""
    labels = find_labels(text)
    if not labels or len(text[: labels[0].start].strip()) > _MAX_TEXT_BEFORE_FIRST_LABEL:
        return False
    kinds = {SECTION_KINDS[label.name] for label in labels}
    return len(kinds) >= 2 and bool(kinds & {"background", "methods"})


def abstract_starts(text: str) -> list[int]:
    """Where each of several abstracts in `text` begins: at a background-kind label that
    follows a results or conclusions section (a new abstract restarts the sequence). A journal's
    key points (Question / Findings / Meaning) before its abstract summarise the same study."""
    starts: list[int] = []
    seen_results = False
    key_points = False
    for label in find_labels(text):
        kind = SECTION_KINDS[label.name]
        if label.name == "key points":
            key_points = True
        elif kind in ("background", "start") and seen_results and not key_points:
            starts.append(label.start)
            seen_results = False
        elif kind == "start":
            key_points = False
        elif kind in ("results", "conclusions") and not key_points:
            seen_results = True
    return starts
