"""Classifying a study's design from the words used to describe it."""

from __future__ import annotations

import re

from evidex.evidence.models import Design

_ANIMAL = re.compile(
    r"(?i)\b(?:mice|mouse|murine|rats?|rodents?|rabbits?|animal models?|zebrafish|piglets?|"
    r"pigs|porcine|canine|dogs|primates|macaques|wistar|sprague|c57bl)\b"
)
_IN_VITRO = re.compile(
    r"(?i)\b(?:in vitro|cell cultures?|cell lines?|cultured (?:cells|\w+ cells)|"
    r"hepg2|hela|organoids?)\b"
)
_HUMAN = re.compile(
    r"(?i)\b(?:patients|participants|adults|volunteers|subjects|women|men|children|"
    r"individuals|people|persons|outpatients|inpatients|infants|adolescents|humans?)\b"
)
_META = re.compile(
    r"(?i)\b(?:meta-? ?analys[ie]s|meta-?regression|network meta|pooled analysis of "
    r"(?:\w+ )?(?:randomi[sz]ed|trials|studies))"
)
_SYSTEMATIC = re.compile(r"(?i)\bsystematic(?:ally)? review")
_DATABASE_SEARCH = re.compile(
    r"(?i)\b(?:searched|search of|literature search)\b[^.]{0,120}?"
    r"\b(?:medline|pubmed|embase|cochrane|central|web of science|scopus|cinahl)\b"
)
_POOLED = re.compile(r"(?i)\b(?:pooled|random-effects?|fixed-effects?|weighted mean difference)")
_PROPENSITY = re.compile(r"(?i)\bpropensity[ -]?(?:score)?")
_NON_RANDOMISED = re.compile(
    r"(?i)\b(?:non-?randomi[sz]ed|not randomi[sz]ed|quasi-?experimental|single-arm|"
    r"single arm|uncontrolled trial|open-label,? (?:single|non)|historical controls?)"
)
_RANDOMISED = re.compile(
    r"(?i)\b(?:randomi[sz]ed|randomly (?:assigned|allocated|divided)|randomi[sz]ation to|"
    r"double-? ?blind(?:ed)?|placebo-? ?controlled|sham-controlled|cross-? ?over (?:trial|study)"
    r"|RCT)\b"
)
_CASE_CONTROL = re.compile(r"(?i)\b(?:case-? ?control|nested case)")
_COHORT = re.compile(
    r"(?i)\b(?:cohort|prospective(?:ly)? (?:study|analysis|observational|followed|collected)|"
    r"retrospective(?:ly)?|observational|registry|longitudinal|cross-sectional|"
    r"population-based|claims data|database)"
)
_CASE_SERIES = re.compile(
    r"(?i)\b(?:case series|case reports?|we (?:report|describe|present) (?:a|an|the case|two|"
    r"three)|\d+-year-old (?:man|woman|male|female|patient|boy|girl)|chart review)"
)
_CONTROLLED_TRIAL = re.compile(
    r"(?i)\b(?:controlled (?:clinical )?trial|clinical trial|open-label)"
)
_COMPARISON = re.compile(r"(?i)\b(?:compared (?:with|to)|versus|vs\.?|control group|controls)\b")
# Sentences about other or future work should not set the design of the study at hand.
_ASIDE = re.compile(
    r"(?i)\b(?:are needed|is needed|warranted|future|further (?:studies|research|trials)|"
    r"should be|rather than|previous|prior|earlier (?:studies|trials)|remains? unclear)\b"
)


def _without_asides(text: str) -> str:
    sentences = re.split(r"(?<=[.!?])\s+", text)
    return " ".join(sentence for sentence in sentences if not _ASIDE.search(sentence))


def explicit_design(text: str) -> Design | None:
    """The design named in `text`, or None when no design word is present."""
    text = _without_asides(text)
    animal = bool(_ANIMAL.search(text))
    human = bool(_HUMAN.search(text))
    if _META.search(text):
        return "meta-analysis"
    if _SYSTEMATIC.search(text) or _DATABASE_SEARCH.search(text):
        return "meta-analysis" if _POOLED.search(text) else "mechanistic"
    if animal and not human:
        return "animal"
    if _IN_VITRO.search(text) and not human and not animal:
        return "in-vitro"
    if _PROPENSITY.search(text):
        return "propensity-matched"
    if _NON_RANDOMISED.search(text):
        return "non-randomised-controlled"
    if _RANDOMISED.search(text):
        return "rct"
    if _CASE_CONTROL.search(text):
        return "case-control"
    if _COHORT.search(text):
        return "cohort"
    if _CASE_SERIES.search(text):
        return "case-series"
    if _CONTROLLED_TRIAL.search(text):
        return "non-randomised-controlled"
    return None


def classify_design(*texts: str) -> Design:
    """The design of a study, trying each text in turn (most specific first).

    Without any design word the most defensible reading is an uncontrolled human report
    (case series), or a cohort when the text compares groups.
    """
    for text in texts:
        design = explicit_design(text)
        if design is not None:
            return design
    whole = " ".join(texts)
    if _ANIMAL.search(whole) and not _HUMAN.search(whole):
        return "animal"
    if _IN_VITRO.search(whole):
        return "in-vitro"
    if _COMPARISON.search(whole):
        return "cohort"
    return "case-series"
