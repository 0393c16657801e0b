"""Classifying a study's design from the words used to describe it."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from evidex.evidence.models import Design
from evidex.text.abstracts import split_sections
from evidex.text.cues import CuedPattern, fold_case
from evidex.text.numbers import COUNT
from evidex.text.sentences import split_sentences

_ANIMAL = CuedPattern(
    re.compile(
        r"(?i)\b(?:mice|mouse|murine|rats?|rodents?|rabbits?|animal models?|zebrafish|piglets?|"
        r"pigs|porcine|canine|dogs|primates|macaques|monkeys|wistar|sprague|c57bl|hamsters?|"
        r"guinea pigs|gerbils|ferrets|sheep|ewes|lambs|cattle|calves|cows|horses|goats|cats|"
        r"chickens|broilers|hens)\b"
    ),
    (
        "mice", "mouse", "murine", "rat", "rodent", "rabbit", "animal model", "zebrafish",
        "piglet", "pigs", "porcine", "canine", "dogs", "primates", "macaques", "monkeys",
        "wistar", "sprague", "c57bl", "hamster", "gerbils", "ferrets", "sheep", "ewes", "lambs",
        "cattle", "calves", "cows", "horses", "goats", "cats", "chickens", "broilers", "hens"
    ),
)  # fmt: skip
# farm animals, nematodes and flies: a pattern of their own, searched only when the common
# animals are not named
_OTHER_ANIMALS = CuedPattern(
    re.compile(
        r"(?i)\b(?:sows|heifers|steers|bulls|foals|mares|ducks|quails?|turkeys|caenorhabditis|"
        r"c\. elegans|drosophila|fruit flies)\b"
    ),
    (
        "sows", "heifers", "steers", "bulls", "foals", "mares", "ducks", "quail", "turkeys",
        "caenorhabditis", "elegans", "drosophila", "fruit flies",
    ),
)  # fmt: skip


def _names_animals(text: str, folded: str) -> bool:
    return (
        _ANIMAL.search(text, folded) is not None or _OTHER_ANIMALS.search(text, folded) is not None
    )


# Cells taken from people or animals and worked on in a dish: "Neutrophils isolated from healthy
# volunteers were incubated", "Primary hepatocytes isolated from C57BL/6 mice were treated"; the
# donors do not make it a study of people or animals (live animals dosed still do).
_CELL_TYPES = (
    r"(?:cells|hepatocytes|neutrophils|macrophages|monocytes|lymphocytes|(?:cardio)?myocytes|"
    r"adipocytes|keratinocytes|fibroblasts|neurons|chondrocytes|osteoblasts|osteoclasts|"
    r"platelets|erythrocytes|PBMCs|islets|myotubes|explants|tenocytes|synoviocytes)"
)
_IN_VITRO = CuedPattern(
    re.compile(
        r"(?i)\b(?:in vitro|cell cultures?|cell lines?|cultured (?:cells|(?:\w+ ){1,3}cells)|"
        r"hepg2|hela|organoids?|fibroblasts|primary (?:\w+ )?cells|(?:cells|monolayers) were "
        r"(?:treated|incubated|exposed|cultured|transfected|infected)|monolayers?"
        # material incubated in a dish, and the preparations only a laboratory holds: "blood
        # samples ... were incubated with", "liver microsomes", "isolated mitochondria", "Franz
        # diffusion cells", "antibacterial activity against"
        r"|(?:was|were) (?:pre-?)?incubated|microsomes|isolated (?:\w+ )?mitochondria|franz (?:diffusion )?cells?"
        r"|anti(?:bacterial|microbial|fungal|viral) activit(?:y|ies)"
        # bacteria or fungi grown and tested in a dish
        r"|minimum inhibitory concentrations?|broth (?:micro)?dilution|(?:agar|disc|disk) "
        r"(?:well )?diffusion|(?:clinical|bacterial|fungal) isolates"
        # tissue kept alive outside the body: "aortic rings mounted in organ baths", "ileal
        # strips", "hippocampal slices", "cartilage explants", "a Langendorff-perfused heart"
        r"|ex vivo|organ baths?|explants|langendorff|(?:aortic|arterial|artery|tracheal|bronchial|"
        r"ileal|ileum|jejunal|colonic|gastric|bladder|detrusor|uterine|myometrial|muscle|vascular|"
        r"mesenteric|hippocampal|brain|cortical|cerebellar|hepatic|liver|lung|renal|kidney|"
        r"tissue|skin|tendon|atrial|papillary) (?:rings|strips|slices)"
        r"|isolated(?:,)? perfused)\b"
    ),
    (
        "in vitro", "cell culture", "cell line", "cultured ", "hepg2", "hela", "organoid",
        "fibroblasts", "primary ", "cells were", "monolayer", "minimum inhibitory", "dilution",
        "diffusion", "isolates", "ex vivo", "organ bath", "explants", "langendorff", "rings",
        "strips", "slices", "perfused", "incubated", "microsomes", "mitochondria", "franz",
        "activit"
    ),
)  # fmt: skip
# cells of a named type worked on in a dish: "SH-SY5Y cells were pretreated", "RAW 264.7
# macrophages were stimulated", "endothelial cells (HUVECs) were exposed"
_CELLS_TREATED = CuedPattern(
    re.compile(
        rf"(?i)\b{_CELL_TYPES}(?: \([^()]{{1,20}}\))? were (?:pre-?treated|treated|incubated|"
        r"exposed|cultured|transfected|stimulated|challenged)\b"
    ),
    (
        "were pre", "were treated", "were incubated", "were exposed", "were cultured",
        "were transfected", "were stimulated", "were challenged",
    ),
)  # fmt: skip


def _names_lab_work(text: str, folded: str) -> bool:
    """Whether `text` names work done in a dish (cells, tissue or microbes)."""
    return (
        _IN_VITRO.search(text, folded) is not None
        or _CELLS_TREATED.search(text, folded) is not None
    )


_CELLS_FROM_DONORS = CuedPattern(
    re.compile(
        rf"(?i)\b{_CELL_TYPES} (?:were )?(?:freshly )?(?:isolated|harvested|derived|obtained|"
        r"collected|taken) from\b"
        rf"|\b(?:isolated|harvested|primary) (?:[\w-]+ ){{0,2}}?{_CELL_TYPES} (?:\w+ ){{0,6}}?"
        r"(?:were|was) (?:incubated|treated|exposed|cultured|stimulated|transfected|pre-?treated)\b"
    ),
    # each alternative's verb with the word after or before it ("primary endpoint" and a lone
    # "isolated" are common elsewhere)
    (
        *(f"{verb} from" for verb in ("isolated", "harvested", "derived", "obtained", "collected",
          "taken")),
        *(f"{auxiliary} {verb}" for auxiliary in ("were", "was") for verb in ("incubated",
          "treated", "exposed", "cultured", "stimulated", "transfected", "pre-treated",
          "pretreated")),
    ),
)  # fmt: skip
# Work on molecules rather than on people or animals: laboratory (in vitro) work.
_LABORATORY = CuedPattern(
    re.compile(
        r"(?i)\b(?:purified|recombinant|proteins?|enzymes?|subunits?|spectroscop\w*|"
        r"paramagnetic|crystal structure|assays?|in silico|molecular docking)\b"
    ),
    (
        "purified", "recombinant", "protein", "enzyme", "subunit", "spectroscop", "paramagnetic",
        "crystal structure", "assay", "in silico", "molecular docking"
    ),
)  # fmt: skip
# Live animals being treated: what makes a study with cells and animals an animal study (cells
# taken from a rat and grown in a dish make it in vitro).
_LIVE_ANIMALS = CuedPattern(
    re.compile(
        r"(?i)\b(?:mice|rats|animals|rabbits|dogs|pigs|piglets|primates|zebrafish|hamsters|"
        r"monkeys|sheep|cattle|cows|horses|goats|cats|chickens|hens) "
        r"(?:\w+ )?(?:were|was) (?:randomly|randomi[sz]ed|divided|assigned|allocated|fed|treated|"
        r"given|injected|administered|housed|subjected|exposed|gavaged|dosed)"
        r"|\b(?:gavage|intraperitoneal(?:ly)?|in vivo)\b"
    ),
    (" were ", " was ", "gavage", "intraperitoneal", "in vivo"),
)
# ... or named by a participle: "rats treated with resveratrol", "mice fed a high-fat diet"
_ANIMALS_DOSED = CuedPattern(
    re.compile(
        r"(?i)\b(?:mice|rats|rabbits|dogs|pigs|piglets|hamsters|monkeys) (?:\w+ )?(?:treated|fed|"
        r"given|injected|dosed|gavaged) (?:with|a|an|the|\d)"
    ),
    ("mice", "rats", "rabbits", "dogs", "pigs", "piglets", "hamsters", "monkeys"),
)


def _live_animals(text: str, folded: str) -> bool:
    return (
        _LIVE_ANIMALS.search(text, folded) is not None
        or _ANIMALS_DOSED.search(text, folded) is not None
    )


# People taking part in the study: counted, or recruited, enrolled or randomised. Without
# them, people are only named (the patients an animal study hopes to help).
_PEOPLE_NOUN = re.compile(
    r"(?i)\b(?:patients|participants|adults|volunteers|subjects|women|men|children|"
    r"individuals|people|persons|infants|adolescents)\b"
)
_COUNT_BEFORE_PEOPLE = re.compile(rf"(?i)(?<![\d.,])(?:{COUNT}) (?:[\w-]+ ){{0,3}}$")
_PEOPLE_ENROLLED_AFTER = re.compile(
    r"(?i) (?:were|was) (?:\w+ )?(?:randomi[sz]ed|enrolled|recruited|included|assigned|allocated)"
)
_WE_ENROLLED = re.compile(r"(?i)\bwe (?:enrolled|recruited|randomi[sz]ed|included)\b")


def _people_studied(text: str) -> bool:
    """Whether people take part in the study: counted, or recruited, enrolled or randomised.
    Without them, people are only named (the patients an animal study hopes to help)."""
    for noun in _PEOPLE_NOUN.finditer(text):
        if _PEOPLE_ENROLLED_AFTER.match(text, noun.end()) or _COUNT_BEFORE_PEOPLE.search(
            text, max(0, noun.start() - 50), noun.start()
        ):
            return True
    return _WE_ENROLLED.search(text) is not None


# One patient's story: "A 52-year-old woman presented", "We report the case of a 34-year-old",
# "A man aged 47 years", "a woman in her sixties". The age is found first, then the article
# before it: a capital "A" opens a sentence, also after a run-in label ("Case presentation A
# 54-year-old").
_ONE_PERSONS_AGE = CuedPattern(
    re.compile(
        # the first hyphen is sometimes a space: "A 20 year-old male"
        r"(?i)\b\d+[- ](?:year|month|week|day)-old\b"
        r"|\b(?:man|woman|boy|girl|patient|male|female|infant|child|adolescent) "
        r"(?:aged \d|in (?:his|her) (?:early |mid-?|late )?(?:\d0s|[a-z]+ties)\b)"
    ),
    (
        "-old", " in his ", " in her ",
        *(f"{person} aged " for person in ("man", "woman", "boy", "girl", "patient", "male",
          "female", "infant", "child", "adolescent")),
    ),
)  # fmt: skip
_ONE_PERSON_BEFORE = re.compile(
    r"(?:\b(?:An?)|(?i:(?:(?m:^)|[.;:]\s+|\b(?:the case of|we (?:herein |here )?"
    r"(?:report|describe|present)) )an?))"
    r" (?i:(?:[\w-]+ ){0,3})$"
)


# ... or with no article, the person aged doing what a patient does: "Case presentation
# 47-year-old female presented with jaundice", "55-year-old diabetic male was admitted"
_ONE_PERSON_PRESENTED = re.compile(
    r"(?i) (?:[\w-]+ ){0,3}?(?:man|woman|male|female|boy|girl|patient|lady|gentleman) "
    r"(?:presented|was (?:admitted|referred|brought|seen)|developed|complained|came)\b"
)


def describes_one_patient(text: str, folded: str | None = None) -> bool:
    """Whether `text` tells one patient's story (a case report); `folded` as for CuedPattern."""
    for match in _ONE_PERSONS_AGE.finditer(text, folded):
        if _ONE_PERSON_BEFORE.search(
            text, max(0, match.start() - 60), match.start()
        ) or _ONE_PERSON_PRESENTED.match(text, match.end()):
            return True
    return False


_HUMAN = CuedPattern(
    re.compile(
        r"(?i)\b(?:patients|participants|adults|volunteers|subjects|women|men|children|"
        r"individuals|people|persons|outpatients|inpatients|infants|adolescents|humans?)\b"
    ),
    (
        "patients", "participants", "adults", "volunteers", "subjects", "men", "children",
        "individuals", "people", "persons", "infants", "adolescents", "human"
    ),
)  # fmt: skip
_META = CuedPattern(
    re.compile(
        r"(?i)\b(?:meta-? ?analys[ie]s|meta-?regression|network meta|pooled analys[ie]s of "
        r"(?:[\w-]+ ){0,6}?(?:randomi[sz]ed|trials|studies|RCTs|cohorts)"
        # "We pooled (individual-participant) data from 14 randomised controlled trials",
        # "Data from five trials were pooled": pooling trials is meta-analysis
        r"|(?:pooled|combined) (?:[\w-]+ ){0,3}?(?:from|of) (?:[\w-]+ ){0,4}?(?:trials|studies|RCTs)\b"
        r"|\bpooled (?:the )?(?:[\w-]+ ){0,4}?(?:trials|RCTs)\b"
        r"|\b(?:data|results) (?:from|of) (?:[\w-]+ ){0,4}?(?:trials|studies|RCTs) "
        r"(?:were|was) (?:pooled|combined)\b)"
    ),
    ("meta", "pooled ", "combined "),
)
# A review that says it is narrative may search databases and cite meta-analyses; it pools none.
# So does one that names itself a review without a method ("We review", "This review
# summarises"), whatever trials it describes.
_NARRATIVE_REVIEW = CuedPattern(
    re.compile(
        r"(?i)\b(?<!systematic )(?:narrative|scoping|critical|literature) review"
        r"|\b(?:we|this|our|the present|the current) review(?:s)?\b(?! and meta| (?:of )?(?:the )?"
        r"(?:medical )?(?:records|charts|files|notes))"
        r"|\b(?:this|the present|our) (?:article|paper|chapter) reviews\b"
        r"|\bwe (?:provide|give|present) an? (?:\w+ ){0,2}?overview of (?:the )?(?:[\w-]+ ){0,3}?"
        r"(?:trials|studies|evidence|literature|research)\b"
    ),
    ("review", "overview"),
)
_SYSTEMATIC = CuedPattern(
    re.compile(r"(?i)\bsystematic(?:ally)? (?:review|search|literature search)"),
    ("systematic",),
)
_DATABASES = (
    r"\b(?:medline|pubmed|embase|cochrane|central|web of science|scopus|cinahl|"
    r"(?:bibliographic |electronic )?databases)\b"
)
# "We searched MEDLINE and Embase", or in the passive: "Five electronic databases were searched"
_DATABASE_SEARCH = CuedPattern(
    re.compile(
        r"(?i)\b(?:search(?:ed|es|ing)?|identified (?:through|from|in)|retrieved from)\b[^.]{0,120}?"
        + _DATABASES
        + r"|"
        + _DATABASES
        + r"[^.;]{0,60}?\b(?:were|was) (?:\w+ )?searched\b"
    ),
    ("search", "identified ", "retrieved from"),
)
_POOLED = CuedPattern(
    re.compile(
        r"(?i)\b(?:pooled|pooling (?:of )?(?:the |their )?(?:data|results|estimates|trials|studies)"
        r"|random-effects?|fixed-effects?|weighted mean difference|quantitative synthes[ie]s)"
    ),
    (
        "pooled",
        "pooling",
        "random-effect",
        "fixed-effect",
        "weighted mean difference",
        "quantitative synthes",
    ),
)
# matching on a propensity score makes a matched cohort ("propensity score-matched", "matched
# 1:1 on the propensity score", "matching by propensity scores"); weighting by one does not
_PROPENSITY = CuedPattern(
    re.compile(
        r"(?i)\bpropensity(?:[ -]score)?[ \-–](?:score[ \-–])?match"
        r"|\bmatch(?:ed|ing)\b[^.;]{0,30}?\b(?:on|by|using) (?:the |a |their )?propensity"
        # "using propensity- scores to match", "propensity scores were used to match"
        r"|\bpropensity[\s-]+scores? (?:were |was )?(?:used )?to match"
    ),
    ("propensity",),
)
_NON_RANDOMISED = CuedPattern(
    re.compile(
        r"(?i)\b(?:non-?randomi[sz]ed|not randomi[sz]ed|quasi-?(?:experimental|randomi[sz]ed)|single-arm|"
        r"single arm|uncontrolled (?:\w+ )?(?:trial|study)|single-group|one-group|"
        r"before-and-after|pre-post|historical controls?"
        # "a before–after study", "a pretest–posttest design" (any dash)
        r"|before[-–‐ ](?:and[-– ])?after (?:study|design|comparison)"
        r"|pre-?test[-–‐/ ]+post-?test|pre[–‐]post)"
    ),
    (
        "randomi", "quasi", "single-arm", "single arm", "uncontrolled ", "single-group",
        "one-group", "before-and-after", "pre-post", "historical control", "after stud",
        "after design", "after comparison", "posttest", "post-test", "pre–post", "pre‐post"
    ),
)  # fmt: skip
# allocation by a rule anyone can foresee: quasi-random ("allocated by birth date", "by day of
# admission", "alternately allocated")
_QUASI_ALLOCATION = CuedPattern(
    re.compile(
        r"(?i)\b(?:(?:allocated|assigned|divided) (?:\w+ )?(?:according to|by) (?:(?:their|the) )?"
        r"(?:date of birth|birth ?dates?|day of (?:the week|admission)|alternation|hospital "
        r"(?:record )?number|medical record number|odd (?:and|or) even)|alternate(?:ly)? allocat"
        # ... or by the participants themselves: "according to patient preference"
        r"|\b(?:allocated|assigned|administered|given|treated|received) [^.;]{0,80}?"
        r"(?:according to|by|based on) (?:the |their |own )?(?:patients?['’]? |participants?['’]? |"
        r"parents?['’]? |personal |own )?(?:preference|choice)s?\b)"
    ),
    ("birth", "day of", "alternat", "record number", "odd ", "preference", "choice"),
)
_RANDOMISED = CuedPattern(
    re.compile(
        r"(?i)\b(?:randomi[sz]ed|randomly (?:assigned|allocated|divided)|randomi[sz]ation to|"
        r"double-? ?blind(?:ed)?|placebo-? ?controlled|sham-controlled|cross-? ?over (?:trial|study"
        # conditions given in random order: a randomised crossover
        r"|design)|in (?:a )?random(?:i[sz]ed)? (?:order|sequence)|RCT"
        # the trial's own randomisation named as a step ("Randomization arms were", "after
        # randomization", "stratified randomization"), never a Mendelian one
        r"|(?<!mendelian )randomi[sz]ation (?:arms?|groups?|ratio|schedule|sequence|list)"
        r"|(?:after|before|at|following|stratified|block|central|computer-generated) "
        r"randomi[sz]ation"
        # people assigned to a placebo are randomised, whether or not the text says so
        r"|(?:assigned|allocated)\b[^.;]{0,250}?\bplacebo)\b"
    ),
    ("random", "blind", "placebo", "sham-controlled", "cross", "rct"),
)
# "case-control" as printed: a hyphen (or U+2010, U+2011), an en or em dash, a space or nothing
CASE_CONTROL = r"case[\s\-\u2010\u2011\u2012\u2013\u2014]?controls?"
# also cases counted with the controls matched to them ("410 cases ... and 820 matched controls")
_CASE_CONTROL = CuedPattern(
    re.compile(
        rf"(?i)\b(?:{CASE_CONTROL}|nested case)"
        r"|\bcases\b[^.;]{0,100}?\b(?:matched (?:\w+ )?controls|controls (?:\w+ )?matched)\b"
        # groups labelled so: "140 women with endometriosis (cases) and 280 without (controls)",
        # "served as cases ... as controls", "case patients and control patients"
        r"|(?:\(cases?\b[^()]{0,20}\)|\bas cases\b)[^.;]{0,120}?"
        r"(?:\(controls?\b[^()]{0,20}\)|\bcontrols \(n ?=|\bas controls\b)"
        r"|\bcase (?:patients|subjects|participants)\b[^.;]{0,100}?\bcontrol "
        r"(?:patients|subjects|participants)\b"
        # "60 cases of alopecia and 120 healthy controls", "Cases were 512 women ...; controls
        # were 1,024 women"
        rf"|(?<![\d.,%])(?:{COUNT}) (?:[\w-]+ )?cases\b[^.;]{{0,100}}?\b(?:and|with|versus|vs\.?) "
        rf"{COUNT} (?:[\w-]+ ){{0,3}}?controls\b"
        # "86 consecutive patients with pancreatitis and 172 sex-matched controls"
        rf"|(?<![\d.,%])(?:{COUNT}) (?:[\w-]+ ){{0,2}}?(?:patients|people|adults|children|women|men)\b"
        rf"[^.;]{{0,120}}?\b(?:and|with|versus|vs\.?) {COUNT} (?:healthy|matched|"
        r"(?:\w+- and )?\w+-matched|hospital|population|community)(?:[ -][\w-]+)? controls\b"
        # matched sets compared within: the analysis of a matched case-control study
        r"|\bconditional logistic regression\b"
        r"|\bcases were\b[^.]{0,150}?\bcontrols were\b"
    ),
    ("control", "nested case", "conditional logistic"),
)
_COHORT = CuedPattern(
    re.compile(
        r"(?i)\b(?:cohort|prospective(?:ly)? (?:study|analysis|observational|followed|collected)|"
        r"retrospective(?:ly)?|observational|registry|registers?\b|longitudinal|cross-sectional|"
        r"population-based|claims data|database|biobank|survey\b|we followed|person-years?"
        # genetic variants standing in for an exposure: observational, whatever the word
        r"|mendelian randomi[sz]ation"
        # a questionnaire sent out, and those who answered it: a survey
        r"|questionnaires? (?:\w+ )?(?:sent|mailed|e-?mailed|distributed|circulated)|respondents)"
    ),
    (
        "cohort", "prospective", "retrospective", "observational", "registry", "register",
        "longitudinal", "cross-sectional", "population-based", "claims data", "database",
        "biobank", "survey", "we followed", "person-year", "mendelian", "questionnaire", "respondents"
    ),
)  # fmt: skip
# the authors' own patients: "we present a case of", "we describe three patients", "two cases
# are reported"
# the verb in any tense or mood: "we will present 3 cases", "we would like to report two", "we
# report here a case"
_WE_REPORT = (
    r"we (?:herein |here |will |shall |would like to |wish to )?(?:report|describe|present)"
    r"(?: here(?:in)?)?(?: on)?"
)
_OWN_CASES = CuedPattern(
    re.compile(
        rf"(?i)\b{_WE_REPORT} (?:a|an|the case|\d+|two|three|"
        r"four|five|six|seven|eight|nine|ten)\b"
        r"|\b(?:cases?|patients?) (?:of [\w -]{1,40}? )?(?:is|are|was|were) (?:reported|described|"
        r"presented)\b"
    ),
    ("report", "describ", "present"),
)
_CASE_SERIES = CuedPattern(
    re.compile(
        rf"(?i)\b(?:case series|case reports?|{_WE_REPORT} "
        r"(?:a|an|the case|"
        r"\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b|"
        r"\d+[- ]year-old (?:man|woman|male|female|patient|boy|girl)|chart review|"
        # a review of treated patients' records: a series unless groups are compared
        r"retrospectively reviewed|reviewed (?:the )?(?:medical |clinical )?(?:records|charts)"
        # "Retrospective review of eleven patients seen at a clinic"
        r"|review of (?:[\w-]+ ){0,3}?(?:patients|cases|children|adults|women|men)\b"
        # "Case records of 14 patients treated between 2010 and 2020 were reviewed"
        r"|(?:records|charts|notes) of [^.;]{1,80}? (?:were|was) (?:retrospectively )?reviewed"
        # "Retrospective analysis of 9 consecutive patients": a run of treated patients
        r"|\bconsecutive (?:[\w-]+ ){0,2}?(?:patients|cases|children|adults|women|men)\b)"
    ),
    (
        "case series", "case report", "we report ", "we describe ", "we present ", "we here",
        "we will ", "we shall ", "we would ", "we wish ",
        "year-old ",
        "chart review", "reviewed", "review of ", "consecutive "
    ),
)  # fmt: skip
_CONTROLLED_TRIAL = CuedPattern(
    re.compile(
        r"(?i)\b(?:controlled (?:clinical )?trial|clinical trial|open-label"
        # an early-phase trial that says nothing of randomising: its patients all treated
        r"|phase (?:[12]|I{1,2})[ab]?(?:/(?:[23]|I{1,3}))? (?:trial|study))"
    ),
    ("controlled ", "clinical trial", "open-label", "phase "),
)
# One trial named as where the data came from: a secondary or post hoc analysis of that trial
# ("We used data from the D-Health Trial", "post hoc analysis of data from the ALPHA trial",
# "participants in the VITAL trial"); never trials in the plural, nor trial registries.
_TRIAL_DATA = CuedPattern(
    re.compile(
        r"(?i)\b(?:data|participants|analys[ie]s) (?:from|of|in) (?:data from )?(?:the |a |this )?"
        r"(?:[\w-]+ ){0,4}?trial\b(?! regist)"
    ),
    ("trial",),
)
# a cohort named outright, which an analysis within a trial may be
_COHORT_NAMED = CuedPattern(re.compile(r"(?i)\bcohorts?\b"), ("cohort",))
# a cohort followed inside a trial, not the trial's own comparison: "a prospective cohort nested
# within a randomised trial of vitamin D", "a cohort study embedded in the X trial"
# ... or of people taking part in one: "Cohort study of patients enrolled in a randomized
# clinical trial", "an observational study of 2,204 women taking part in a placebo-controlled
# trial", "cohort study drawn from the participants of a double-blind trial"
_TRIAL_ARTICLE = r"(?:a|an|the|one|two) (?:[\w-]+ ){0,5}?trials?\b"
_COHORT_IN_TRIAL = CuedPattern(
    re.compile(
        r"(?i)\bcohort(?: study| analysis)?,? (?:(?:nested|embedded|followed|conducted) )?"
        rf"(?:with)?in {_TRIAL_ARTICLE}"
        r"|\b(?:cohort|observational) (?:study|analysis) (?:of|drawn from|derived from) "
        r"(?:[\w,-]+ ){0,4}?(?:patients|participants|women|men|adults|children|people|subjects)\b "
        r"(?:\w+ ){0,2}?(?:(?:enrolled|recruited|included|randomi[sz]ed|participating|taking part) "
        rf"(?:in|to|into)|of|in) {_TRIAL_ARTICLE}"
    ),
    ("cohort", "observational"),
    also=("trial",),
)
# Groups compared: in words, or by a ratio estimate or quantiles (a case series compares none)
_COMPARISON = CuedPattern(
    re.compile(
        r"(?i)\b(?:compared (?:with|to)|versus|vs\.?|with or without|control group|controls|hazard ratio|"
        r"odds ratio|risk ratio|rate ratio|relative risk|(?-i:a?I?[HOR]R)|(?:highest|lowest|top|bottom) "
        r"(?:quartile|quintile|tertile|decile))\b"
    ),
    (
        "compared ", "versus", "vs", "with or without", "control group", "controls", "hazard ratio", "odds ratio",
        "risk ratio", "rate ratio", "relative risk", "hr", "or", "rr", "highest", "lowest", "top", "bottom"
    ),
)  # fmt: skip
# an interval printed with an estimate: a review that prints one has pooled its studies; the
# interval's label may be left out ("RR = 1.32 [1.09, 1.59]", "OR 0.62 (0.45-0.85)", "RR 0.71,
# 0.55–0.92")
_SUMMARY_ESTIMATE = CuedPattern(
    re.compile(
        r"(?i)\b9[059] ?% ?(?:CI|confidence intervals?|credible intervals?)\b"
        r"|\b(?-i:RR|OR|HR|MD|SMD|WMD|RD) ?[=:,]? ?[−-]?\d+(?:[.·]\d+)?(?: ?[A-Za-zµ/]{1,6})?"
        r"(?: ?[\[(]|, )[−-]?\d+(?:[.·]\d+)? ?(?:[,;–-]| to) ?[−-]?\d"
    ),
    ("ci", "confidence interval", "credible interval", "rr", "or", "hr", "md", "rd"),
)
# A review's results with no design word: the studies it included counted ("We included 21
# studies involving 3,402 adults", "Thirty-eight trials with 7,800 children were included",
# "Fourteen RCTs (2,310 participants) met the eligibility criteria"); with an estimate and its
# interval, they were pooled.
_STUDY_NOUNS = r"(?:studies|trials|RCTs|cohorts)"
_INCLUDED_STUDIES = CuedPattern(
    re.compile(
        r"(?i)\b(?=[wipastrc])(?:(?:we )?(?:included|identified|pooled|analy[sz]ed) (?:data from )?"
        rf"(?:\w+ ){{1,4}}?{_STUDY_NOUNS} (?:with|involving|including|comprising|of|\()"
        rf"|{_STUDY_NOUNS}\b[^.;]{{0,80}}?\b(?:were included|were eligible|met (?:the |our )?"
        r"(?:inclusion|eligibility|selection) criteria|were (?:analy[sz]ed|pooled)))"
    ),
    ("studies", "trials", "rcts", "cohorts"),
    also=("included", "identified", "pooled", "analyzed", "analysed", "eligible", "criteria"),
)


def _pools_included_studies(text: str, folded: str) -> bool:
    """Studies counted as included, and an estimate with its interval: a meta-analysis."""
    return (
        _SUMMARY_ESTIMATE.search(text, folded) is not None
        and _INCLUDED_STUDIES.search(text, folded) is not None
    )


# Sentences about other or future work should not set the design of the study at hand.
_ASIDE = CuedPattern(
    re.compile(
        r"(?i)\b(?:are needed|is needed|warranted|future|further (?:studies|research|trials)|"
        r"should be|rather than|(?:previous|prior|earlier) (?:\w+ )?(?:studies|trials|research|"
        r"reports|work|meta-analys[ie]s|reviews)|remains? unclear"
        # a review another team wrote, named for what it found: "A Cochrane Systematic Review
        # that concluded ...", "A 2019 systematic review reported ..."
        r"|(?<!\bthis )\b(?:an?|one) (?:[\w-]+ ){0,3}?(?:systematic review|meta-?analys[ie]s|review)"
        r"(?: (?:that|which))? (?:concluded|found|reported|suggested|showed|demonstrated|"
        r"indicated))\b"
    ),
    (
        "needed", "warranted", "future", "further ", "should be", "rather than", "previous",
        "prior", "earlier ", "unclear", "concluded", "found", "reported", "suggested", "showed",
        "demonstrated", "indicated",
    ),
)  # fmt: skip

# Other studies, named in the plural ("randomized studies have shown", "in line with small
# randomised controlled trials", "RCTs found"): what they were does not make this study one.
_OTHER_STUDY_NOUN = CuedPattern(
    re.compile(r"(?i)\b(?:trials|studies|RCTs|evidence)\b"),
    ("trials", "studies", "rcts", "evidence"),
)
_OTHER_STUDY_WORDS = re.compile(
    r"(?i)\b(?:(?:small|large|previous|prior|earlier|recent|several|many|some|other|"
    r"randomi[sz]ed|double-? ?blind(?:ed)?|placebo-? ?controlled|controlled|clinical|"
    r"observational|prospective|retrospective|cohort|case[-–‐]? ?control|cross-? ?over|"
    r"interventional|experimental)[ ,]+(?:and |or )?){1,5}$"
)


def _without_other_studies(text: str, folded: str) -> str:
    """`text` without the designs of other studies named in the plural."""
    kept: list[str] = []
    end = 0
    for noun in _OTHER_STUDY_NOUN.finditer(text, folded):
        words = _OTHER_STUDY_WORDS.search(text, max(end, noun.start() - 90), noun.start())
        if words is None and noun.group(0).lower() != "rcts":
            continue
        kept.append(text[end : words.start() if words else noun.start()])
        end = noun.end()
    return "".join(kept) + text[end:] if kept else text


# Another study this one is set against: "Unlike a recent meta-analysis, our cohort ...",
# "consistent with earlier trials"
_CONTRASTED_STUDY = CuedPattern(
    re.compile(
        r"(?i)\b(?:unlike|contrary to|in contrast (?:to|with)|consistent with|in line with|"
        r"in keeping with|in agreement with) (?:[\w-]+ ){0,3}?"
        r"(?:meta-?analys[ie]s|trials?|RCTs?|studies|study|reviews?|cohorts?)\b"
    ),
    ("unlike", "contrary to", "in contrast", "consistent with", "in line with", "keeping with",
     "agreement with"),
)  # fmt: skip
# After the pooled and animal/in-vitro readings, the first design named wins, in this order.
_NAMED_DESIGNS: tuple[tuple[CuedPattern, Design], ...] = (
    (_PROPENSITY, "propensity-matched"),
    (_NON_RANDOMISED, "non-randomised-controlled"),
    (_QUASI_ALLOCATION, "non-randomised-controlled"),
    (_RANDOMISED, "rct"),
    (_CASE_CONTROL, "case-control"),
    (_TRIAL_DATA, "rct"),
    (_COHORT, "cohort"),
    (_CASE_SERIES, "case-series"),
    (_CONTROLLED_TRIAL, "non-randomised-controlled"),
)


# the order of the design named by "open-label" or "controlled trial" alone
_LAST_RESORT_TRIAL = next(
    order for order, (pattern, _) in enumerate(_NAMED_DESIGNS) if pattern is _CONTROLLED_TRIAL
)


def _without_asides(text: str) -> str:
    sentences = split_sentences(text)
    if not _ASIDE.search(text):
        return " ".join(sentences)  # no sentence is an aside
    return " ".join(sentence for sentence in sentences if not _ASIDE.search(sentence))


# A meta-analysis said not to have been done: "a meta-analysis was not possible", "systematic
# review without meta-analysis", "heterogeneity precluded meta-analysis"
_NO_META_ANALYSIS = CuedPattern(
    re.compile(
        r"(?i)\b(?:without|no|precluded|prevented|preclude|prevent) (?:a |any |formal )?"
        r"meta-? ?analys[ie]s\b"
        r"|\bmeta-? ?analys[ie]s (?:was|were|could|would) (?:not|n['’]t)(?: be)? (?:\w+ )?"
        r"(?:possible|feasible|appropriate|performed|conducted|undertaken|done|carried out)\b"
    ),
    ("meta",),
    also=("without", "no ", "preclude", "prevent", "not", "n't", "n’t"),
)


def _without_meta_analysis_denied(text: str, folded: str) -> str:
    """`text` without the words saying no meta-analysis was done (the same text when none)."""
    if _NO_META_ANALYSIS.search(text, folded) is None:
        return text
    return _NO_META_ANALYSIS.pattern.sub("", text)


def explicit_design(text: str) -> Design | None:
    """The design named in `text`, or None when no design word is present."""
    text = _without_asides(text)
    folded = fold_case(text)
    if (undenied := _without_meta_analysis_denied(text, folded)) is not text:
        text, folded = undenied, fold_case(undenied)
    if _CONTRASTED_STUDY.search(text, folded):
        text = _CONTRASTED_STUDY.pattern.sub("", text)
        folded = fold_case(text)

    def names(pattern: CuedPattern) -> bool:
        return pattern.search(text, folded) is not None

    # the authors' own cases with a review of the literature are a case series, not a review
    if names(_NARRATIVE_REVIEW) and not names(_POOLED) and not names(_OWN_CASES):
        return "mechanistic"
    if names(_META):
        return "meta-analysis"
    if names(_SYSTEMATIC) or names(_DATABASE_SEARCH):
        return "meta-analysis" if names(_POOLED) else "mechanistic"
    animal = _names_animals(text, folded)
    human = names(_HUMAN)
    if describes_one_patient(text, folded):
        return "case-series"  # one patient's story, whatever animal or cell it mentions
    if (animal or human) and names(_CELLS_FROM_DONORS) and not _dosed_animals(text):
        return "in-vitro"
    if animal and not human:
        in_vitro = _names_lab_work(text, folded)
        return "in-vitro" if in_vitro and not _live_animals(text, folded) else "animal"
    if animal and _live_animals(text, folded) and not _people_studied(text):
        return "animal"  # animals dosed; people only named ("memory loss in elderly patients")
    if not human and not animal and _names_lab_work(text, folded):
        return "in-vitro"
    if (without_others := _without_other_studies(text, folded)) is not text:
        text, folded = without_others, fold_case(without_others)
    if names(_COHORT_IN_TRIAL):
        return "cohort"
    for pattern, design in _NAMED_DESIGNS:
        if names(pattern):
            if pattern is _TRIAL_DATA and names(_COHORT_NAMED):
                continue  # "a cohort analysis of participants in the GAMMA trial"
            if design == "cohort" and _uncontrolled_series(text, folded):
                return "case-series"
            return design
    return None


# Patients whose samples had a laboratory test ("six patients ...; in vitro testing of their
# lymphocytes"), unless cells were grown or treated in a dish
_PATIENTS = CuedPattern(
    re.compile(r"(?i)\b(?:patients|cases|women|men|children|adults|infants|boys|girls)\b"),
    ("patients", "cases", "men", "children", "adults", "infants", "boys", "girls"),
)
_CELL_WORK = CuedPattern(
    re.compile(
        r"(?i)\b(?:cell lines?|cultured|cultures|incubated|transfected|cells were (?:treated|exposed))"
    ),
    ("cell line", "cultur", "incubated", "transfected", "cells were"),
)


def _patients_tested(text: str, folded: str) -> bool:
    return _PATIENTS.search(text, folded) is not None and not _CELL_WORK.search(text, folded)


# the donors named after the cells: in "isolated from C57BL/6 mice were treated" the cells were
_DONORS = re.compile(
    r"(?i)\b(?:isolated|harvested|derived|obtained|collected|taken) from (?:[\w/-]+ ){0,3}?"
    r"(?:mice|rats|animals|rabbits|dogs|pigs|piglets|primates|hamsters|monkeys|sheep|cattle|cows|"
    r"horses|goats|cats|chickens|donors|volunteers)\b"
)


def _dosed_animals(text: str) -> bool:
    """Live animals treated, outside the words naming the donors of cells."""
    undonated = _DONORS.sub("", text)
    return _live_animals(undonated, fold_case(undonated))


# A design line of a structured abstract: "Design: Prospective cohort study.", "Design
# Systematic review and meta-analysis.", "STUDY DESIGN: ...", "Design, Setting, and
# Participants: This cross-sectional study ..."; the label starts a line or follows a sentence.
_DESIGN_LINE = re.compile(
    r"(?=[SRD])(?:^|(?<=\n)|(?<=[.!?] ))(?:(?:Study|Research|STUDY|RESEARCH) )?(?:Design|DESIGN|design)"
    r"(?:,? (?:and )?(?:[Ss]etting|SETTING|[Pp]articipants|PARTICIPANTS)){0,3}"
    r"(?: ?[:.\-–]| )\s*(?P<what>[A-Za-z][^.\n]{2,150})"
)


def stated_design(text: str) -> Design | None:
    """The design a structured abstract's design line states, which wins over designs the text
    names later (the trials a review searched for, the trial a cohort emulated). Of the designs
    the line names, the one it names first is the study's ("Nested case-control study within a
    randomised trial")."""
    if "Design" not in text and "DESIGN" not in text and "y design" not in text:
        return None  # every label has one of these ("Study design", "Research design")
    line = _DESIGN_LINE.search(text)
    if line is None:
        return None
    what = line["what"]
    folded = fold_case(what)
    if (undenied := _without_meta_analysis_denied(what, folded)) is not what:
        what, folded = undenied, fold_case(undenied)
    if _names_animals(what, folded) and not _HUMAN.search(what, folded):
        return "animal"
    if _META.search(what, folded) or _SYSTEMATIC.search(what, folded):
        return "meta-analysis" if _names_own_meta_analysis(text) else explicit_design(what)
    named = [
        (match.start(), order, design)
        for order, (pattern, design) in enumerate(_NAMED_DESIGNS)
        if (match := pattern.search(what, folded))
    ]
    if not named:
        return None
    # "open-label" and "controlled trial" describe a trial without saying how its groups were
    # made: beside another design word of the line ("open-label, randomized clinical trial")
    # that word says it, wherever it stands
    named = [entry for entry in named if entry[1] != _LAST_RESORT_TRIAL] or named
    design = min(named)[2]
    if design == "cohort" and _PROPENSITY.search(text):
        return "propensity-matched"
    return design


# The investigators gave everyone a regimen (a dose, a schedule or a course): "The patients
# received supplementation with 2 g of sodium bicarbonate daily for three months", "Patients
# received four cycles of ...", "were asked to consume 300 mg ... for one month"
_GIVEN_REGIMEN = CuedPattern(
    re.compile(
        r"(?i)\b(?:received|(?:were|and) (?:given|administered|prescribed|supplemented|asked to "
        r"(?:take|consume|drink|eat))|(?:administration|supplementation) (?:of|with))\b"
        r"[^.;]{0,80}?(?:\b\d+(?:\.\d+)? ?(?:mg|g|µg|μg|mcg|IU|mL|ml)\b"
        rf"|{COUNT} (?:cycles|courses|sessions) of\b|\bfor {COUNT} (?:days|weeks|months)\b)"
    ),
    ("received", "were given", "administered", "prescribed", "supplement", "asked to"),
)
# the words that make a cohort of "prospective study" stronger than a study's own word for itself
_COHORT_OUTRIGHT = CuedPattern(
    re.compile(
        r"(?i)\b(?:cohort|retrospective(?:ly)?|observational|registry|registers?|database|biobank|"
        r"claims data|population-based|cross-sectional|person-years?|survey|associat\w*|"
        r"risk factors?|exposures?)\b"
    ),
    ("cohort", "retrospective", "observational", "registr", "register", "database", "biobank",
     "claims data", "population-based", "cross-sectional", "person-year", "survey", "associat",
     "risk factor", "exposure"),
)  # fmt: skip


def _gave_a_regimen(text: str, folded: str) -> bool:
    """Whether the authors gave their participants a regimen, in a text that names no cohort of
    its own: an uncontrolled (or self-selected) trial, not a cohort followed up."""
    return _GIVEN_REGIMEN.search(text, folded) is not None and not _COHORT_OUTRIGHT.search(
        text, folded
    )


def _uncontrolled_series(text: str, folded: str, *, whole: bool = False) -> bool:
    """A retrospective chart review of treated patients only, with no group compared; in the
    `whole` text also patients given one treatment and looked back on (a part, such as the
    methods, may leave out the groups the results compare)."""
    if _COMPARISON.search(text, folded):
        return False
    return _CASE_SERIES.search(text, folded) is not None or (
        whole and _treated_series(text, folded)
    )


# people given a treatment, looked back on: "113 patients with 114 aneurysms were treated with
# the device ... we retrospectively collected", "64 patients who underwent arthroscopic repair"
_TREATED_PEOPLE = CuedPattern(
    re.compile(
        r"(?i)\b(?:patients|children|adults|women|men|cases|participants|subjects)\b "
        r"(?:[\w-]+ ){0,6}?(?:(?:were|was|who (?:had )?)\s)?(?:treated|underwent|received|operated)\b"
    ),
    ("treated", "underwent", "received", "operated"),
)
_LOOKED_BACK = CuedPattern(re.compile(r"(?i)\bretrospective(?:ly)?\b"), ("retrospective",))
# what a study of exposures or risks in a population says, which a series of one clinic's
# patients does not (a feature "associated with" an outcome within the series does not make
# it a cohort); and a cohort named outright
_ASSOCIATION = CuedPattern(
    re.compile(
        r"(?i)\b(?:risk factors?|predictors?|exposures?|exposed|cohort|databases?|registry|"
        r"registers?|claims|population-based|nationwide|incidence|prevalence|health records|"
        # an exposure set against an outcome: "to relate metformin dose to B12 deficiency",
        # "found lower mortality"
        r"relat(?:e|ed|ing) [^.;]{1,60}? to|(?:lower|higher|reduced|increased) (?:mortality|"
        r"risks?|rates?|odds))\b"
    ),
    (
        "risk factor", "predictor", "expos", "cohort", "database", "registry", "register",
        "claims", "population-based", "nationwide", "incidence", "prevalence", "health records",
        "relat", "lower ", "higher ", "reduced ", "increased ",
    ),
)  # fmt: skip


def _treated_series(text: str, folded: str) -> bool:
    """One group of patients looked back on (treated, or included for a condition), no group
    compared and no population's risks or exposures studied (what the background says of
    prevalence or registries is not what this study did)."""
    if _LOOKED_BACK.search(text, folded) is None or (
        _TREATED_PEOPLE.search(text, folded) is None and _PEOPLE_NOUN.search(text) is None
    ):
        return False
    studied = " ".join(
        section.text for section in split_sections(text) if section.kind != "background"
    )
    return _ASSOCIATION.search(studied) is None


def _names_own_meta_analysis(text: str) -> bool:
    """Outside asides: a meta-analysis named beside a search or a pooled estimate, or a
    literature search whose results are pooled (a review that never writes "meta-analysis")."""
    text = _without_asides(text)
    folded = fold_case(text)
    if (undenied := _without_meta_analysis_denied(text, folded)) is not text:
        text, folded = undenied, fold_case(undenied)
    searched = (
        _DATABASE_SEARCH.search(text, folded) is not None
        or _SYSTEMATIC.search(text, folded) is not None
    )
    pooled = _POOLED.search(text, folded) is not None
    # "we performed this review" names no method; studies counted as included and an estimate
    # with its interval say it pooled them
    if (
        not pooled
        and _NARRATIVE_REVIEW.search(text, folded)
        and not _pools_included_studies(text, folded)
    ):
        return False
    pooled = pooled or (searched and _SUMMARY_ESTIMATE.search(text, folded) is not None)
    return (
        (_META.search(text, folded) is not None and (searched or pooled))
        or (searched and pooled)
        or _pools_included_studies(text, folded)
    )


def classify_design(*texts: str) -> Design:
    """The design of a study, trying each text in turn (most specific first).

    Without any design word the most defensible reading is an uncontrolled human report
    (case series), or a cohort when the text compares groups.
    """
    return classify_design_of(texts)


def _last_of(read: list[str], rest: Iterator[str]) -> str:
    """The last text: of those still to come, else the last one read."""
    return read[-1] if not (remaining := list(rest)) else remaining[-1]


def classify_design_of(texts: Iterable[str], last: str | None = None) -> Design:
    """`classify_design` over texts that may be made lazily: a text is only made (and read)
    when the ones before it name no design. `last` is the last of `texts` when the caller
    knows it (the whole text), so that the texts between need not be made."""
    read: list[str] = []
    iterator = iter(texts)
    for text in iterator:
        read.append(text)
        design = explicit_design(text)
        if design == "cohort":
            # a cohort matched on a propensity score may say so only in its results, and a
            # chart review of treated patients only may say so only in its methods
            whole = _last_of(read, iterator) if last is None else last
            if _PROPENSITY.search(whole):
                return "propensity-matched"
            if _pools_included_studies(whole, fold_case(whole)):
                return "meta-analysis"  # "Twelve cohort studies ... were included" (RR ...)
            if _gave_a_regimen(whole, fold_case(whole)):
                return "non-randomised-controlled"  # "a prospective study"; all given 2 g daily
            series = _uncontrolled_series(whole, fold_case(whole), whole=True)
            return "case-series" if series else design
        if design in ("rct", "mechanistic", "non-randomised-controlled"):
            # a review's methods name the trials it pooled; its aim names the meta-analysis
            whole = _last_of(read, iterator) if last is None else last
            if (
                design == "non-randomised-controlled"
                and not _NON_RANDOMISED.search(text)
                and explicit_design(whole) == "rct"
            ):
                design = "rct"  # "We did an open-label trial. ... were randomly assigned"
            return "meta-analysis" if _names_own_meta_analysis(whole) else design
        if design is not None:
            return design
    whole = " ".join(read)
    folded = fold_case(whole)
    if _names_animals(whole, folded) and not _HUMAN.search(whole, folded):
        return "animal"
    if _pools_included_studies(whole, folded):
        return "meta-analysis"
    if (_names_lab_work(whole, folded) and not _patients_tested(whole, folded)) or (
        _LABORATORY.search(whole, folded) and not _HUMAN.search(whole, folded)
    ):
        return "in-vitro"
    if _gave_a_regimen(whole, folded):
        return "non-randomised-controlled"
    if _COMPARISON.search(whole, folded):
        return "cohort"
    return "case-series"
