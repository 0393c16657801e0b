"""Metamorphic tests over the real corpus: each abstract of ../shared/corpus rewritten in
another notation that journals use for the same thing must be read as well as it is printed.

A rewrite changes how a figure is written (its CI notation, decimal mark, minus sign, p value,
thousands separator) or how the sections are labelled, never the figure, so the expected design,
n and effects stay those annotated. The rewrites are this test's own and do not use the
extractor's grammar: a notation it does not know is then a failure here.
"""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from evidex.evidence.accuracy import CorpusCase, Score, load_corpus, score

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "abstracts"
needs_corpus = pytest.mark.skipif(
    not CORPUS.is_dir(), reason="../shared/corpus is not beside this clone"
)

Rewrite = Callable[[str], str]

# A number as printed, garbled ones ("0.0.93") kept whole; a percent sign may follow.
_NUM = r"[-\u2212\u2013]?\d+(?:[.\u00b7]\d+)*%?"
_CI = re.compile(
    r"(?P<level>9[059]) ?% ?(?:CI|confidence interval)(?: ?\[CI\]| ?\(CI\))?"
    r"(?P<punct> ?[:=,]? ?)(?P<open>[(\[] ?)?"
    rf"(?P<low>{_NUM})(?P<sep> ?(?:to|-|\u2013|\u2014|,|;) ?)(?P<high>{_NUM})"
    r"(?(open) ?[)\]])"
)


def _negative(number: str) -> bool:
    return number[:1] in "-\u2212\u2013"


def _ci_form(form: str) -> Rewrite:
    def rewrite(text: str) -> str:
        def one(match: re.Match[str]) -> str:
            level, low, high = match["level"], match["low"], match["high"]
            dash = "\u2013" if _negative(low) or _negative(high) else "-"
            return form.format(level=level, low=low, high=high, dash=dash)

        return _CI.sub(one, text)

    return rewrite


CI_FORMS: dict[str, Rewrite] = {
    "ci-to": _ci_form("{level}% CI {low} to {high}"),
    "ci-comma-dash": _ci_form("{level}% CI, {low}{dash}{high}"),
    "ci-colon-comma-pair": _ci_form("{level}% CI: {low}, {high}"),
    "ci-square-semicolon": _ci_form("{level}% CI [{low}; {high}]"),
    "ci-unspaced-label": _ci_form("{level}%CI {low} to {high}"),
    "ci-words-bracketed": _ci_form("{level}% confidence interval ({low} to {high})"),
}

# A full stop between digits is a decimal point, except in a count grouped by dots
# ("22.155 patients") which a text with middle-dot decimals would not write so.
_DECIMAL_POINT = re.compile(r"(?<![\d.])(?:[1-9]\d{0,2}\.\d{3}(?= [a-z])|\d+(?:\.\d+)+)")


def _middle_dots(text: str) -> str:
    def one(match: re.Match[str]) -> str:
        number = match.group(0)
        return number if re.fullmatch(r"[1-9]\d{0,2}\.\d{3}", number) else number.replace(".", "·")

    return _DECIMAL_POINT.sub(one, text)


def _points(text: str) -> str:
    return re.sub(r"(?<=\d)\u00b7(?=\d)", ".", text)


def _unicode_minus(text: str) -> str:
    return re.sub(r"(?<![\w)\].%])-(?=\.?\d)", "\u2212", text)


def _hyphen_minus(text: str) -> str:
    return text.replace("\u2212", "-")


_P = re.compile(r"(?<![A-Za-z])[Pp] ?(?P<op>[<>=\u2264]) ?0?(?P<dot>[.\u00b7])(?P<digits>\d+)")


def _p_bare_decimal(text: str) -> str:
    return _P.sub(lambda m: f"P {m['op']} {m['dot']}{m['digits']}", text)


def _p_compact(text: str) -> str:
    return _P.sub(lambda m: f"p{m['op']}0{m['dot']}{m['digits']}", text)


def _thin_space_thousands(text: str) -> str:
    return re.sub(
        r"(?<![\d.,\u00b7])[1-9]\d{0,2}(?:,\d{3})+(?![\d.,\u00b7])",
        lambda m: m.group(0).replace(",", "\u2009"),
        text,
    )


def _comma_thousands(text: str) -> str:
    return re.sub(
        r"(?<![\d.,\u00b7])[1-9]\d{0,2}(?:[ \u2009\u00a0\u202f]\d{3})+(?![\d.,\u00b7])",
        lambda m: re.sub(r"[ \u2009\u00a0\u202f]", ",", m.group(0)),
        text,
    )


# Section labels as abstracts print them, in capitals or with a capital first letter.
_LABEL_WORDS = (
    "Background & aims", "Background and aims", "Background", "Introduction", "Context",
    "Objectives", "Objective", "Aims", "Aim", "Purpose", "Research design and methods",
    "Materials and methods", "Material/Methods", "Methods", "Design", "Setting", "Participants", "Interventions",
    "Main outcome measures", "Results", "Findings", "Discussion", "Conclusions", "Conclusion",
    "Interpretation",
)  # fmt: skip
_LABEL_NAMES = "|".join(re.escape(form) for word in _LABEL_WORDS for form in (word, word.upper()))
_LABEL = re.compile(
    rf"(?:^|(?<=\n)|(?<=[.)] )|(?<=[a-z)]\.))(?P<label>{_LABEL_NAMES})"
    r"(?:\s*:\s*|[ \t]*\n\s*| (?=[A-Z\d]))"
)


def _sections(text: str) -> tuple[str, list[tuple[str, str]]] | None:
    """The text before the first label and each (label, body); None with fewer than 2 labels."""
    matches = list(_LABEL.finditer(text))
    if len(matches) < 2:
        return None
    head = text[: matches[0].start()].strip()
    sections = []
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        sections.append((match["label"], text[match.end() : end].strip()))
    return head, sections


def _ended(body: str) -> str:
    return body if body.endswith((".", "!", "?")) else body + "."


def _relabel(join: Callable[[str, str], str], separator: str) -> Rewrite:
    def rewrite(text: str) -> str:
        found = _sections(text)
        if found is None:
            return text
        head, sections = found
        parts = [_ended(head)] if head else []
        parts.extend(join(label, _ended(body)) for label, body in sections)
        return separator.join(parts)

    return rewrite


# Other names journals give the same sections (The Lancet's Findings and Interpretation).
_OTHER_NAMES = {
    "background": "Introduction", "methods": "Patients and methods", "results": "Findings",
    "conclusions": "Interpretation", "conclusion": "Interpretation", "objective": "Purpose",
}  # fmt: skip

LABEL_FORMS: dict[str, Rewrite] = {
    "labels-other-names": _relabel(
        lambda label, body: f"{_OTHER_NAMES.get(label.lower(), label)}\n{body}", "\n"
    ),
    "labels-own-lines": _relabel(lambda label, body: f"{label}\n{body}", "\n"),
    "labels-run-in-colon": _relabel(lambda label, body: f"{label.upper()}: {body}", " "),
    "labels-run-in-bare": _relabel(lambda label, body: f"{label.title()} {body}", " "),
    "labels-none": _relabel(lambda label, body: body, " "),
}


def _hard_wrapped(text: str) -> str:
    """Each line broken at 70 columns, as text copied from a PDF or an e-mail is."""
    return "\n".join(textwrap.fill(line, 70) if line.strip() else line for line in text.split("\n"))


GLYPH_FORMS: dict[str, Rewrite] = {
    "hard-wrapped-lines": _hard_wrapped,
    "middle-dot-decimals": _middle_dots,
    "point-decimals": _points,
    "unicode-minus": _unicode_minus,
    "hyphen-minus": _hyphen_minus,
    "p-bare-decimal": _p_bare_decimal,
    "p-compact": _p_compact,
    "thin-space-thousands": _thin_space_thousands,
    "comma-thousands": _comma_thousands,
}

VARIANTS: dict[str, Rewrite] = {**CI_FORMS, **GLYPH_FORMS, **LABEL_FORMS}


def _per_case(cases: list[CorpusCase]) -> dict[str, Score]:
    return {case.name: score([case]) for case in cases}


def _losses(before: dict[str, Score], after: dict[str, Score]) -> list[str]:
    """The new misses of every abstract read worse than printed (a design, n or effect lost,
    or a spurious estimate gained)."""
    losses: list[str] = []
    for name, was in before.items():
        now = after[name]
        if (
            now.designs_right < was.designs_right
            or now.n_right < was.n_right
            or now.effects_found < was.effects_found
            or now.spurious > was.spurious
        ):
            losses.extend(f"{name}: {miss}" for miss in now.misses if miss not in was.misses)
    return losses


@pytest.fixture(scope="module")
def corpus() -> tuple[list[CorpusCase], dict[str, Score]]:
    cases = load_corpus(CORPUS)
    return cases, _per_case(cases)


@needs_corpus
@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_a_rewritten_abstract_reads_as_well_as_the_printed_one(
    variant: str, corpus: tuple[list[CorpusCase], dict[str, Score]]
) -> None:
    cases, before = corpus
    rewritten = [replace(case, text=VARIANTS[variant](case.text)) for case in cases]
    assert _losses(before, _per_case(rewritten)) == []


@needs_corpus
@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_each_rewrite_changes_some_abstract(variant: str) -> None:
    """A rewrite that finds nothing to rewrite would pass without testing anything."""
    cases = load_corpus(CORPUS)
    assert any(VARIANTS[variant](case.text) != case.text for case in cases)


# What is copied with an abstract from a journal or PubMed page: its title, a citation line.
HEADED_FORMS = {
    "title-line": "{title}\n{text}",
    "title-blank-line": "{title}\n\n{text}",
    "title-and-citation": "{title}\nJ Clin Med. 2019 Mar 4;8(3):312. doi: 10.3390/jcm8030312.\n\n{text}",
}


@needs_corpus
@pytest.mark.parametrize("form", sorted(HEADED_FORMS))
def test_an_abstract_copied_with_its_title_reads_as_well(
    form: str, corpus: tuple[list[CorpusCase], dict[str, Score]]
) -> None:
    cases, before = corpus
    titles = {
        case.name: json.loads((CORPUS / f"{case.name}.json").read_text(encoding="utf-8"))["title"]
        for case in cases
    }
    headed = [
        replace(case, text=HEADED_FORMS[form].format(title=titles[case.name], text=case.text))
        for case in cases
        if titles[case.name]
    ]
    assert len(headed) >= 30
    printed = {case.name: before[case.name] for case in headed}
    assert _losses(printed, _per_case(headed)) == []
