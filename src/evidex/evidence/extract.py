"""Proposing study records from article prose or abstracts (unverified, `curated=False`).

An article narrates several studies: a heading closes the study being described, and a
sentence that introduces a study ("A meta-analysis of ...", "One study documented ...") opens
a new one; estimate bullets that follow attach to it. Recap sections (Bottom Line, Summary,
Limitations, ...) restate numbers and never open studies. Abstracts (structured with
BACKGROUND/METHODS/RESULTS labels, or short texts without headings) are one study each.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import chain, pairwise
from pathlib import PurePath
from typing import cast, get_args

from evidex.evidence.design import (
    classify_design_of,
    describes_one_patient,
    explicit_design,
    stated_design,
)
from evidex.evidence.models import Arm, Measure, Outcome, Study
from evidex.evidence.stats import complete_outcome
from evidex.text.abstracts import (
    abstract_starts,
    is_structured,
    opens_with_label,
    split_sections,
    unglue_labels,
)
from evidex.text.cues import CuedPattern, contains_any, fold_case, mentions_any
from evidex.text.estimates import find_estimates, find_group_percentages, unglue_measure_labels
from evidex.text.lines import unwrap_lines
from evidex.text.markdown import atx_heading, list_item, split_at_separators, without_bold
from evidex.text.numbers import COUNT, COUNT_START, WORD_NUMBER, normalise, parse_count
from evidex.text.sentences import split_sentences

MAX_INPUT_CHARS = 200_000
_MAX_LINE_CHARS = 20_000

_RECAP_HEADING = re.compile(
    r"(?i)^(?:the )?(?:bottom line|summary|in summary|conclusions?|limitations|key takeaways|"
    r"takeaways?|key points|verdict|final thoughts|references|faqs?|frequently asked questions)"
    r"\b"
)

_DESIGN_NOUN = (
    r"(?:meta-?analysis|systematic review|trial|study|cohort|case series|case report|"
    r"analysis|experiment|"
    # "a rat Achilles tendon model": a model is a study only when an animal is named in it
    r"(?:rat|mouse|murine|rodent|animal|canine|porcine|rabbit|primate)\s(?:[\w\-]+\s){0,3}model)"
)
# The leading lookahead (every match starts with one of these letters) lets the engine pass over
# most positions without trying each alternative; the same holds for the other such lookaheads.
_INTRODUCER = re.compile(
    r"(?i)(?=[abcdfiopr])(?:^|\b(?:from|in|by|of|conducted|performed|published|reported|described|found)\s)"
    r"(?:a|an|one|another|a second|a third|a further|a later|a recent)\s"
    rf"(?:[\w\-,+()=/.]+\s){{0,6}}?{_DESIGN_NOUN}\b"
)
_DESIGN_WORDS = (
    "trial", "study", "cohort", "case series", "case report", "analysis", "experiment",
    "systematic review", "model",
)  # fmt: skip
_OWN_WORK = re.compile(
    r"(?i)\b(?:we|our|this|these|here|the present|were randomi[sz]ed|were enrolled)\b"
)
_FIRST_PERSON = re.compile(r"(?i)\b(?:we|our)\b")
_OWN_STUDY = re.compile(
    r"(?i)\b(?:this|the present|the current|our) (?:[\w\-,]+ ){0,4}?"
    r"(?:study|trial|meta-?analysis|review|cohort|experiment)\b"
    r"|\bwe (?:conducted|performed|undertook|carried out|enrolled|randomi[sz]ed|recruited|"
    r"searched|studied|investigated|examined|evaluated|assessed|analy[sz]ed|included)\b"
)
_PREDICATE_BEFORE = re.compile(r"(?i)\b(?:was|is|were|be|been|as|not|than|like)\s*$")
# an earlier study named as a source or a yardstick, not introduced: "controls from a previous
# study", "adapted from an earlier trial", "lower than those of a prior study"
_EARLIER_SOURCE = re.compile(r"(?i)\b(?:from|of|by|with|to)\s+an? (?:previous|prior|earlier)\b")

_POPULATION_NOUNS = (
    r"(?:patients|participants|adults|subjects|individuals|people|persons|women|men|children|"
    r"adolescents|infants|volunteers|cases|residents|veterans|survivors|smokers|athletes|"
    r"students|neonates|newborns|outpatients|inpatients|pregnant women|mothers|mice|rats|"
    r"rabbits|animals|dogs|pigs|eyes|pregnancies|respondents|users|workers|employees|members|"
    r"donors|nurses|physicians|boys|girls|males|females|cyclists|runners|players|soldiers|"
    r"recruits|elderly|youths|twins|couples|families|households|pupils|"
    # a total counted in the events that make the sample: "1 456 219 live births were followed"
    r"births|deliveries|admissions|hospitali[sz]ations)"
)
# words between a count and the people it counts ("2614 community-dwelling white and black
# participants", "64 healthy, sedentary adults", "80 10-week-old rats"); never a unit, a time or
# another kind of thing counted; a comma only after an adjective, not a plural ("58 sites, adults")
_QUALIFIER = (
    r"(?:(?!(?:trials?|studies|RCTs|weeks|months|years|days|of|in|on|to|at|by|for|from|per|vs|"
    r"versus|than|the|mg|g|kg|mcg|µg|ml|mL|IU|mmol|doses?|times)\b)(?:(?:\d+-)?[A-Za-z][\w\-+/]*"
    # never a plural, but a word ending in -us, -is or -ss may stand ("continuous ambulatory
    # peritoneal dialysis patients"); an abbreviation in brackets or with dots: "dialysis (CAPD)
    # patients", "U.S. women"
    r"(?:(?<!s)|(?<=us|is|ss)),?|\([A-Z][A-Za-z0-9-]{0,11}\)|(?:[A-Z]\.){2,3})\s){0,5}?"
)
# a number that is part of a name, not a count: "type 2 diabetes", "phase 3", "week 12"
_NAME_WORDS = (
    "[Tt]ype", "[Pp]hase", "[Ss]tage", "[Gg]rade", "[Cc]lass", "[Ss]tep", "[Ww]eek", "[Dd]ay",
    "[Mm]onth", "[Yy]ear", "[Vv]isit", "[Cc]ycle", "[Ll]evel", "[Ww]ave", "[Pp]art",
)  # fmt: skip
# one lookbehind per word length (each alternative of a lookbehind has one width)
_NOT_A_NAME = "".join(
    "(?<!" + "|".join(f"{word} " for word in _NAME_WORDS if len(word) - 3 == length) + ")"
    for length in sorted({len(word) - 3 for word in _NAME_WORDS})
)
_N_EQUALS = re.compile(
    rf"\b[nN] ?= ?(?P<n>{COUNT})(?:(?P<total> total)|(?P<per> (?:per|in each|each) (?:group|arm)"
    r"| ?/ ?(?:group|arm)))?\b"
)
# how many groups a per-group n multiplies: "allocated to 3 groups", "assigned to four diets"
_GROUP_COUNT = re.compile(
    r"(?i)\b(?:assigned|allocated|divided|randomi[sz]ed|split|distributed) (?:\w+ ){0,2}?(?:in)?to "
    rf"(?:one of )?(?P<k>{COUNT}) (?!(?:weeks|months|days|years|hours)\b)[\w-]+"
    rf"|\b(?P<k2>{COUNT}) (?:[\w-]+ ){{0,2}}?(?:groups|arms)\b"
)
# the two sexes that together make the sample: "2,031 men and 2,215 women" (cases and their
# controls are added by _case_control_total)
_COMPLEMENTS = {
    "men": "women", "women": "men", "boys": "girls", "girls": "boys", "males": "females",
    "females": "males", "users": "non-users", "non-users": "users",
}  # fmt: skip
_N_COMPLEMENTS = CuedPattern(
    re.compile(
        rf"(?i){COUNT_START}{_NOT_A_NAME}(?<![\d.,%])(?P<n>{COUNT}) {_QUALIFIER}"
        r"(?P<a>men|women|boys|girls|males|females|users|non-users)\b[^.;:()\d]{0,60}?(?:,? and|[,;]) "
        rf"(?P<m>{COUNT}) {_QUALIFIER}(?P<b>men|women|boys|girls|males|females|users|non-users)\b"
    ),
    (" men", " women", " boys", " girls", " males", " females", " users", " non-users"),
)
# A case-control study's sample is its cases plus its controls: "410 cases ... and 820 matched
# controls", "Cases were 410 patients", "cases (n = 150)", "1,204 case patients"; the controls
# counted outright ("controls (n = 300)", "820 controls"); "each case was matched to four
# controls" counts the controls of one case, and leaves the total unstated.
_CASES_COUNT = re.compile(
    rf"(?i){COUNT_START}(?<![\d.,%])(?P<n>{COUNT}) {_QUALIFIER}(?:cases|case (?:patients|subjects|"
    r"participants|women|men))\b"
    rf"|\bcases (?:\(n ?= ?(?P<n2>{COUNT})\)|(?:were|comprised|included) (?P<n3>{COUNT})\b)"
)
_CONTROLS_PER_CASE = re.compile(
    rf"(?i)(?<!up to )\b(?P<k>{COUNT}) (?:[\w-]+ )?controls? (?:per|for each|for every) case\b"
    r"|\b(?:each|every) (?:case |one )?(?:\w+ ){0,3}?(?:was |were )?(?:matched|paired) "
    rf"(?:with|to) (?P<k2>{COUNT}) (?:[\w-]+ )?controls?\b"
    r"|\b(?:matched|paired) (?:each|every) (?:case|one|patient|participant) (?:with|to) "
    rf"(?P<k3>{COUNT}) (?:[\w-]+ )?controls?\b"
)
# the cases as the people counted right before their controls: "215 patients with gout (cases)
# with 860 controls", "1,530 women with ovarian cancer and 3,060 control women"
_PEOPLE_THEN_CONTROLS = re.compile(
    rf"(?i){COUNT_START}(?<![\d.,%])(?P<n>{COUNT}) {_QUALIFIER}{_POPULATION_NOUNS}\b[^.;\d]{{0,120}}?"
    rf"\b(?:and|with|to|versus|vs\.?) (?P<m>{COUNT}) {_QUALIFIER}(?:(?:matched )?controls?\b"
    # "140 women with endometriosis (cases) and 280 women without it (controls)"
    rf"|{_POPULATION_NOUNS}\b[^.;\d()]{{0,40}}\(controls?\))"
)
# "controls (n = 300)", "controls were 1,024 women"
_CONTROLS_N = re.compile(
    rf"(?i)\bcontrols? (?:\(n ?= ?(?P<m>{COUNT})\)|(?:were|comprised|included) (?P<m2>{COUNT})\b)"
)
_CONTROLS_COUNT = re.compile(
    rf"(?i){COUNT_START}(?<![\d.,%])(?<!up to )(?P<m>{COUNT}) {_QUALIFIER}controls?"
    r"(?: (?:patients|subjects|participants|women|men))?\b"
)
_N_TOTAL = CuedPattern(
    re.compile(
        rf"(?i)\ba total of (?P<n>{COUNT}) {_QUALIFIER}{_POPULATION_NOUNS}\b"
        r"(?P<completed> (?:\w+ ){0,2}?(?:completed|finished|were (?:analy[sz]ed|available)))?"
    ),
    ("a total of",),
)
# "125 participants were assigned to the liraglutide group and 126 to the placebo group"
# "182 patients received placebo and 185 patients received DHA and EPA"
_N_SPLIT = CuedPattern(
    re.compile(
        rf"(?i){COUNT_START}{_NOT_A_NAME}(?<![\d.,%])(?P<n>{COUNT}) {_QUALIFIER}{_POPULATION_NOUNS} "
        r"(?:(?:were|was) "
        r"(?:randomly )?(?:assigned|allocated|randomi[sz]ed) to (?:receive )?|(?P<verb>received|"
        # "82,210 participants receiving the supplement and 80,921 receiving placebo"
        r"receiving|underwent|undergoing|taking|given|treated with) )"
        # a dose's decimal point ("the 0.5% lotion") does not end the clause
        rf"(?:[^.;]|\.(?=\d)){{1,60}}? and (?P<m>{COUNT}) (?:to\b|(?:{_QUALIFIER}{_POPULATION_NOUNS} )?"
        r"(?(verb)(?:not )?(?P=verb)|received)\b"
        # the verb left out: "75 were allocated to the lotion and 77 the vehicle", "98 received
        # the pessary and 97 usual care"
        r"|(?:the|placebo|usual|standard)\b)"
    ),
    # the verb with what stands before it: "randomised" alone is in most trials' first sentence
    (
        *(f"{aux} {verb}" for aux in ("were", "was") for verb in ("randomly", "assigned to",
          "allocated to", "randomized to", "randomised to")),
        *(f" {verb} " for verb in ("received", "receiving", "underwent", "undergoing", "taking",
          "given", "treated with")),
    ),
)  # fmt: skip
# "we compared 6,250 new users of A with 6,250 matched users of B", "we matched 4,210 users
# 1:1 on the propensity score to 4,210 non-users", "Twenty patients given A were compared with
# 20 historical controls"
_N_COMPARED = CuedPattern(
    re.compile(
        rf"(?i)(?:\b(?:compared|matched|paired) (?P<n>{COUNT})|{COUNT_START}{_NOT_A_NAME}(?<![\w.,%\-])(?P<n2>{COUNT}))"
        rf" {_QUALIFIER}{_POPULATION_NOUNS}\b(?(n2)(?:[^.;]{{0,60}}? (?:were|was) compared"
        # matched in the count's own clause, never "each case was matched to four controls"
        r"|(?:(?!\b(?:each|every)\b)[^.;,]){0,60}? (?:were|was) (?:matched|paired))"
        r"[^.;]{0,40}?|[^.;]{0,60}?) "
        rf"(?:with|to|and) (?P<m>{COUNT}) (?:(?:[\w-]+ ){{0,4}}?(?:non-)?(?:{_POPULATION_NOUNS}|controls)\b"
        # the people left unsaid the second time: "60 patients given A with 58 given B"
        r"|(?=(?:given|receiving|treated|taking|assigned|allocated|on|who)\b))"
    ),
    ("compared ", "matched ", "paired "),
)
_ENROLMENT_VERBS = (
    "random", "enrolled", "included", "recruited", "assigned", "allocated", "studied", "analy",
    "followed",
)  # fmt: skip
# Every match has one of the verbs right after its 'were', 'was' or 'had been': the verbs alone
# also turn up in background sentences ("the studied range", "randomized trials").
_ENROLMENT_CUES = tuple(
    f"{auxiliary} {verb}" for auxiliary in ("were", "was", "been") for verb in _ENROLMENT_VERBS
)
# what may stand between the people counted and their verb: a bracket of weights or ages
# ("(220 ± 15 g)", "(aged 18–45 years)") and a clause saying which people ("with fever for less
# than 48 hours", "admitted within 12 hours of onset"), never a comma or a second bracket
_POSTMODIFIER = (
    r"(?:\((?![nN] ?=)[^()]{1,40}\) )?"
    r"(?:(?:with|without|admitted|presenting|having|who had|aged|within|after|lasting|"
    r"hospitali[sz]ed|diagnosed|undergoing|receiving|from|in|at)\b"
    # never a second group of people ("in whom 40", "and 40 controls")
    r"(?:(?!\b(?:whom|which|them|these|and \d))[^.;:,()]){1,70}? |(?:\w+ ){0,2}?)"
)
_N_ENROLLED = CuedPattern(
    re.compile(
        rf"{COUNT_START}{_NOT_A_NAME}(?<![\d.,%/])(?P<n>{COUNT}) {_QUALIFIER}{_POPULATION_NOUNS} "
        rf"{_POSTMODIFIER}(?:(?:were|was|had been) (?:randomi[sz]ed|randomly|enrolled|included|"
        r"recruited|assigned|allocated|studied|analy[sz]ed|followed)|underwent randomi[sz]ation)"
    ),
    (*_ENROLMENT_CUES, "underwent randomi"),
)
# any counted plural the verb makes the sample ("Thirty-six golden hamsters were allocated"),
# never studies, groups or times
_N_ANY_ASSIGNED = CuedPattern(
    re.compile(
        rf"{COUNT_START}{_NOT_A_NAME}(?<![\w.,%/\-])(?P<n>{COUNT}) (?:[A-Za-z][\w\-+/]* ){{0,2}}?"
        r"(?!(?:trials|studies|RCTs|groups|arms|articles|records|doses|weeks|months|years|days|"
        r"hours|minutes|times|cycles|samples|sessions|cases|controls|"
        # clusters randomised are not the participants
        r"practices|schools|hospitals|centres|centers|sites|clinics|wards|villages|clusters|"
        r"communities|homes|facilities|units|regions|districts)\b)"
        r"(?:[A-Za-z][\w-]*s|mice|children|people|(?:zebra)?fish|sheep|cattle|swine|deer|geese) "
        # a clause saying which ones: "80 migraineurs with unilateral symptoms were assigned"
        r"(?:(?:with|without|who had|from)\b[^.;:,()\d]{1,70}? )?"
        r"(?:(?:were|had been) "
        r"(?:randomi[sz]ed|randomly|allocated|assigned|divided)"
        r"|(?:aged [^.;,()]{1,30}? )?(?:took part|participated))"
    ),
    (
        "were randomi", "were randomly", "were allocated", "were assigned", "were divided",
        "been randomi", "been randomly", "been allocated", "been assigned", "been divided",
        "took part", "participated",
    ),
)  # fmt: skip
_N_VERB_FIRST = re.compile(
    rf"(?i)\b(?=[reiacow])(?:randomi[sz]ed|enrolled|included|recruited|assigned|involving|including|"
    rf"comprising|of|with|among|in) (?:the )?(?P<n>{COUNT}) {_QUALIFIER}{_POPULATION_NOUNS}\b"
)
# a bare count that the verb makes the sample: "812 underwent randomization", "1,900 agreed to
# take part"
_N_WERE_RANDOMISED = CuedPattern(
    re.compile(
        rf"{COUNT_START}{_NOT_A_NAME}(?<![\d.,%])(?P<n>{COUNT}) (?:\([^()]{{1,40}}\) )?"
        # "106 of these were enrolled", "of whom 1,004 met the criteria and were randomised",
        # "612 agreed and were enrolled"
        rf"(?:of (?:these|them|those|whom) (?:{_POPULATION_NOUNS} )?)?"
        r"(?:(?:met|agreed|consented) [^.;,]{0,40}?and )?"
        r"(?:(?:were|was|had been) (?:randomi[sz]ed|randomly|enrolled|recruited)"
        rf"|underwent randomi[sz]ation|randomi[sz]ed {_QUALIFIER}{_POPULATION_NOUNS}\b)"
    ),
    (
        "were randomi", "was randomi", "were randomly", "was randomly", "were enrolled",
        "was enrolled", "were recruited", "was recruited", "underwent randomi", " randomized ",
        " randomised ", "been randomi", "been enrolled", "been recruited",
    ),
)  # fmt: skip
# a bare count the study took in, the people unsaid: "we screened 1,250 patients and enrolled
# 310 in the trial", "the trial enrolled 322 before funding ended"
_N_ENROLLED_BARE = CuedPattern(
    re.compile(
        r"(?i)\b(?:we|and|but|then|trial|study) (?:enrolled|enroled|randomi[sz]ed|recruited|included) "
        rf"(?:a total of )?(?P<n>{COUNT})(?=[,;.]| (?:before|in|between|from|at|to|into|over|"
        r"during|who|with|of whom)\b)"
    ),
    tuple(
        f"{who} {verb} "
        for who in ("we", "and", "but", "then", "trial", "study")
        for verb in ("enrolled", "enroled", "randomized", "randomised", "recruited", "included")
    ),
)
# those who agreed or took part, the people unsaid: the sample only when no count is said to be
# enrolled ("640 consented and 600 were enrolled", "Of 2,412 invited, 1,206 (50%) participated")
_N_CONSENTED = CuedPattern(
    re.compile(
        rf"{COUNT_START}{_NOT_A_NAME}(?<![\d.,%])(?P<n>{COUNT}) (?:\([^()]{{1,40}}\) )?"
        r"(?:agreed to (?:take part|participate)|consented\b|participated\b|took part\b)"
    ),
    ("agreed to", "consented", "participated", "took part"),
)
# a count after our verb, the people unsaid: "We randomly assigned 1500 to A or B", "We enrolled
# 220, of whom ..."
_N_WE_COUNTED = CuedPattern(
    re.compile(
        r"(?i)\bwe (?:randomly )?(?:randomi[sz]ed|assigned|allocated|enrolled|recruited|included) "
        rf"(?P<n>{COUNT})(?= (?:to|into|in|at|from|between|across)\b|[,;]| \()"
    ),
    ("we ",),
)
# the people counted before a comma, named by their verb: "Of the 120 randomised, 112
# completed", "Of 1313 enrolled neonates, 277 were cases", "Of 348 randomized, 301 (86.5%)
# ...", and after those who completed: "91 completed out of 110 randomly assigned to D or
# placebo", "82 finished (of 100 randomised)"
_N_OF_THOSE = CuedPattern(
    re.compile(
        rf"(?i)\bof (?:the |all |those )?(?P<n>{COUNT}) (?:{_POPULATION_NOUNS} )?"
        r"(?:randomi[sz]ed|randomly (?:assigned|allocated)|enrolled|recruited|included|allocated)"
        # the people after the verb: "Of 1313 enrolled neonates, 277 were cases"
        rf"(?: {_QUALIFIER}{_POPULATION_NOUNS})?(?= ?[,;.)]| (?:in)?to\b)"
    ),
    ("randomi", "randomly", "enrolled", "recruited", "included", "allocated"),
)
# a count of each group, never the sample: "four groups of 15 animals", "(n = 20 each)", "8 piglets
# in each group"
_GROUPS_OF = CuedPattern(
    re.compile(
        rf"(?i)\b(?P<k>{COUNT}) (?:[\w-]+ ){{0,2}}?(?:groups|arms) of (?P<per>{COUNT})\b"
        # "two groups of 28 and 84 days": the groups' times, not their size
        r"(?! ?(?:and|or|to|[-–]) ?\d)"
    ),
    ("groups of", "arms of"),
)
# a count of those screened, approached or assessed for eligibility: not the sample ("182
# patients were screened and 106 of these were enrolled")
_SCREENING_WORDS = (
    "screened", "approached", "invited", "contacted", "assessed for eligibility",
    "evaluated for eligibility", "considered for",
)  # fmt: skip
_SCREENED_AFTER = re.compile(
    r"(?i)(?:(?:(?!randomi|enrolled|included|recruited|allocated|assigned)[^.;,]){0,60}?"
    rf"\b(?:were|was) (?:\w+ )?|[ ,]*)(?:{'|'.join(_SCREENING_WORDS)})\b"
)


def _screened_after(text: str, end: int, screening: bool) -> bool:
    """Whether the count ending at `end` is of those screened or approached; `screening` says
    whether `text` holds one of _SCREENING_WORDS at all (the pattern, costly where it fails, is
    tried only then)."""
    return screening and _SCREENED_AFTER.match(text, end) is not None


# people the rules have no noun for, known by where they stand: "a cohort of 3,412 Finnish
# conscripts", "we studied 640 collegiate swimmers", "data on 230,114 Norwegians", "812
# community-dwelling older Japanese were enrolled"
_NOT_PEOPLE = (
    r"(?!(?:trials|studies|RCTs|articles|records|reports|publications|cohorts|groups|arms|doses|"
    r"weeks|months|years|days|hours|minutes|times|cycles|samples|specimens|sessions|events|"
    r"deaths|cases|controls|visits|admissions|prescriptions|tablets|capsules|items|questions|"
    r"points|centres|centers|sites|hospitals|practices|clinics|countries|regions|genes|variants|"
    r"cells|measurements|observations|person-years|procedures|operations|injections|SNPs|loci|"
    r"proteins|metabolites|compounds|species|strains|isolates|papers|abstracts|databases|"
    r"sequences|mutations|markers|biomarkers|pathways|outcomes|endpoints|analyses|tests|images|"
    r"scans|documents|claims|charts|notes|cycles|batches|wells|plates)\b)"
)
_ANY_PEOPLE = rf"{_QUALIFIER}{_NOT_PEOPLE}[A-Za-z][\w-]*(?:s|ese|people|children)\b"
_N_BY_CONTEXT = re.compile(
    r"(?i)(?=[cspdrwaiet])(?:\b(?:cohort|sample|population|series|survey|data|records|"
    r"participants|subjects|respondents|(?:cohort |case-control )?study|trial) "
    r"(?:of|on|from|comprised|consisted of|included|were|was) "
    r"|\bwe (?:studied|enrolled|recruited|randomi[sz]ed|included|followed|analy[sz]ed|"
    r"surveyed|examined|interviewed|assessed|invited|identified|(?:randomly )?(?:assigned|"
    r"allocated)) "
    r"|\b(?:among|involving|including|comprising|enrolling|recruiting) )"
    rf"(?:the |all )?(?P<n>{COUNT}) {_ANY_PEOPLE}"
)
# the same people before a study verb: found from the verb, which is rare, back to the count
_STUDY_VERB = CuedPattern(
    re.compile(
        r"(?i)\b(?:(?:were|was|had been) (?:randomi[sz]ed|randomly|enrolled|included|recruited|"
        r"studied|analy[sz]ed|followed|surveyed|interviewed|examined)|took part|participated)\b"
    ),
    (
        "took part", "participated",
        *(f"{auxiliary} {verb}" for auxiliary in ("were", "was", "been") for verb in ("randomi",
          "randomly", "enrolled", "included", "recruited", "studied", "analy", "followed",
          "surveyed", "interviewed", "examined")),
    ),
)  # fmt: skip
_PEOPLE_BEFORE_VERB = re.compile(
    rf"{_NOT_A_NAME}(?<![\w.,%/\-])(?P<n>{COUNT}) {_ANY_PEOPLE} "
    r"(?:\((?![nN] ?=)[^()]{1,40}\) )?(?:aged [^.;,()]{1,30}? )?$"
)


def _people_before_verbs(text: str) -> Iterator[re.Match[str]]:
    """'3,002 postmenopausal Chinese were followed': counts of people the verb makes the sample."""
    for verb in _STUDY_VERB.finditer(text):
        match = _PEOPLE_BEFORE_VERB.search(text, max(0, verb.start() - 120), verb.start())
        if match:
            yield match


# how far past the count a match of the people patterns may run (a qualifier, an age, a verb)
_LONGEST_PEOPLE_MATCH = 200
_PER_GROUP_BEFORE = re.compile(r"(?i)\b(?:groups?|arms?) of $")
_PER_GROUP_AFTER = re.compile(r"(?i),? (?:each|per (?:group|arm)|in each (?:group|arm))\b")
_N_PLAIN = re.compile(
    rf"{COUNT_START}{_NOT_A_NAME}(?<![\w.,%\-/])(?P<n>{COUNT}) {_QUALIFIER}{_POPULATION_NOUNS}\b"
)
_N_STUDIES = CuedPattern(
    re.compile(
        rf"(?i){COUNT_START}{_NOT_A_NAME}(?<![\d.,%])(?P<k>{COUNT}) "
        r"(?:(?:published|eligible|independent|placebo-controlled|double-blind|prospective|"
        r"clinical|individual|randomi[sz]ed|controlled|observational|cohort)"
        r",? ){0,4}(?:trials|studies|RCTs|articles|cohorts|reports)\b"
    ),
    ("trials", "studies", "rcts", "articles", "cohorts", "reports"),
)
_DURATION = CuedPattern(
    re.compile(
        rf"(?i)\b(?=[fol\d])(?:(?<!followed )(?<!follow-up )(?:for|over|lasting) (?:a period of )?"
        rf"(?P<a>{COUNT}|\d+(?:\.\d+)?) ?(?P<unit_a>weeks?|months?|years?|days?)\b"
        rf"|(?P<b>\d+(?:\.\d+)?)-(?P<unit_b>week|month|year|day)\b(?! follow))"
    ),
    ("week", "month", "year", "day"),
)
_FOLLOW_UP = CuedPattern(
    re.compile(
        r"(?i)(?:follow-?up (?:period )?(?:of|was|lasting|for)?(?: a median of| a mean of)? ?"
        r"|followed (?:up )?(?:for )?(?:a (?:median|mean) (?:of )?)?"
        r"|follow-?up assessments? at |assessments? (?:extended )?(?:to|at) |after a (?:median|mean) "
        r"(?:follow-?up )?of |(?:over|for) a (?:median|mean) (?:follow-up |duration )?of )"
        rf"(?P<n>{COUNT}|\d+(?:\.\d+)?) ?(?P<unit>weeks?|months?|years?|days?)\b"
        rf"|(?P<m>\d+(?:\.\d+)?) (?P<unit_m>weeks?|months?|years?) (?:of )?(?:median )?follow-?up"
    ),
    ("follow", "assessment", "median", "mean"),
)
_POPULATION = re.compile(
    rf"(?:\bin|\bof|\bamong|\bincluding|\benrolled|\bincluded) (?:{COUNT} )?"
    rf"(?P<pop>(?:[A-Za-z][\w\-+/]* ){{0,4}}?{_POPULATION_NOUNS}"
    r"(?: (?:with|who|aged|undergoing|receiving|after|at|on|living|without)\b"
    r"(?:(?! (?:found|showed|reported|had|demonstrated|experienced|achieved)\b)[^.;,()]){1,80})?)"
)
_COMPARATOR = re.compile(
    r"(?i)\b(?=[vcdrao])(?:versus|vs\.?|compared (?:directly )?(?:with|to)|directly to|relative to|against|"
    r"or matching|or) (?P<what>(?:an? |the )?[A-Za-z][^.;,()\d]{0,50}?)"
    r"(?=[.;,()]| in | for | on | at | among | alone\b| group| arm| was| were| and |$)"
)
_PLACEBO = CuedPattern(
    re.compile(r"(?i)\b(?:placebo|sham)\b"),
    ("placebo", "sham"),
)
_STANDARD_CARE = CuedPattern(
    re.compile(r"(?i)\b(?:usual care|standard (?:of )?care|standard treatment)\b"),
    ("usual care", "standard"),
)
_INTERVENTION = CuedPattern(
    re.compile(
        r"(?i)\b(?=[rtag])(?:received|receiving|treated with|assigned to(?: receive)?|randomi[sz]ed to(?: receive)?"
        r"|given) (?P<what>[A-Za-z][^.;,()]{1,60}?)(?= or | versus | vs\.? | plus |[.;,(]| for | at |$)"
    ),
    ("received", "receiving", "treated with", "assigned to", "randomized to", "randomised to",
     "given"),
)  # fmt: skip

_DIGIT = re.compile(r"\d")
_NOT_SIGNIFICANT = re.compile(
    r"(?i)\b(?:not (?:statistically )?significant|no (?:statistically )?significant|"
    r"non-?significant|did not (?:differ|reach)|similar)"
)
_SIGNIFICANT = re.compile(r"(?i)\bsignificant(?:ly)?\b")
_LEADING_LABEL = re.compile(r"^(?P<label>[A-Z][^:.;()]{1,60}?): ")
_NAME_CUE = re.compile(
    r"(?i)\b(?:risk|odds|hazard|incidence|rates?|levels?|reduction|change) (?:of|in|for) "
    r"(?P<name>[^,;:()]{2,60})$"
)
_NAME_FOR = re.compile(r"(?i)\b(?:for|on|in) (?P<name>[^,;:()]{2,60})$")


@dataclass
class _Line:
    text: str
    heading: bool = False
    bullet: bool = False
    level: int = 2  # a heading's rank: its number of '#' (a plain-text heading counts as 2)
    label: bool = (
        False  # a plain-text heading that is an abstract's label ("Main outcome measures")
    )


@dataclass
class _Draft:
    intro: str
    lines: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join([self.intro, *self.lines])


def extract_studies(
    text: str, *, source: str = "", compound: str | None = None, goal: str | None = None
) -> list[Study]:
    """Propose study records (curated=False) from article prose or one or more abstracts."""
    text = normalise(text[:MAX_INPUT_CHARS].replace("\r\n", "\n").replace("\r", "\n"))
    text = unglue_measure_labels(unglue_labels(unwrap_lines(text)))
    stem = PurePath(source).stem if source else "extracted"
    drafts: list[_Draft] = []
    for chunk in _split_abstracts(text):
        lines = _classify_lines(chunk)
        abstract = _is_abstract(chunk, lines)
        article_drafts = [] if abstract else _segment_article(lines)
        if article_drafts:
            drafts.extend(article_drafts)
        elif abstract or opens_with_label(chunk):
            # an abstract whose other labels are unknown is still one study, read whole
            drafts.append(_Draft(intro="", lines=[chunk]))
    studies: list[Study] = []
    seen_values: set[tuple[str, float]] = set()
    for draft in drafts:
        study = _build_study(draft, f"{stem}-x{len(studies) + 1}", compound, goal, source)
        values = {(outcome.measure, outcome.value) for outcome in study.outcomes}
        if values and values <= seen_values:
            continue  # a restatement of numbers already attributed to an earlier study
        seen_values |= values
        studies.append(study)
    return studies


def _split_abstracts(text: str) -> list[str]:
    result: list[str] = []
    for chunk in split_at_separators(text):
        if not chunk.strip():
            continue
        cuts = [0, *[start for start in abstract_starts(chunk) if start > 0], len(chunk)]
        result.extend(chunk[a:b] for a, b in pairwise(cuts) if chunk[a:b].strip())
    return result


def _is_abstract(chunk: str, lines: list[_Line]) -> bool:
    if is_structured(chunk):
        return True
    # headings below a title divide an article; an abstract's label lines, the rest of its
    # labels lost, do not
    if any(line.heading and not line.label for line in lines[1:]):
        return False
    introducers = sum(1 for line in lines for _ in _introducers(line.text))
    return introducers <= 1 or _own_study_first(lines)


def _own_study_first(lines: list[_Line]) -> bool:
    """Whether the text names its own study ("This randomized trial evaluated", "We searched")
    before it introduces any study: an abstract, whose later "in a 2-year trial" or "by a
    time-to-event analysis" describe that study."""
    for line in lines:
        for sentence in split_sentences(line.text):
            if _introducers(sentence):
                return False
            if _OWN_STUDY.search(sentence):
                return True
    return False


def _classify_lines(chunk: str) -> list[_Line]:
    lines: list[_Line] = []
    raws = [raw[:_MAX_LINE_CHARS] for raw in chunk.split("\n") if raw.strip()]
    for index, raw in enumerate(raws):
        marked = atx_heading(raw)
        cleaned = marked.title if marked else raw
        item = list_item(cleaned)
        bullet = item is not None and marked is None
        if item is not None:
            cleaned = item.text
        cleaned = without_bold(cleaned).strip()
        heading = (
            marked is not None
            or (
                not bullet
                and len(cleaned) <= 80
                and not cleaned.endswith((".", ":", ";", ",", "?", "!", ")"))
                and not cleaned[:1].isdecimal()
                and not cleaned[:1].islower()
                and len(cleaned.split()) <= 12
                # a line wrapped inside a sentence: the next line carries on in lower case
                and not (index + 1 < len(raws) and raws[index + 1].lstrip()[:1].islower())
            )
        )
        level = marked.level if marked else 2
        label = heading and marked is None and opens_with_label(cleaned)
        lines.append(_Line(cleaned, heading=heading, bullet=bullet, level=level, label=label))
    return lines


def _introducers(sentence: str) -> list[re.Match[str]]:
    if not mentions_any(sentence, _DESIGN_WORDS):
        return []
    found = []
    for match in _INTRODUCER.finditer(sentence):
        before = sentence[max(0, match.start() - 12) : match.start()]
        if _PREDICATE_BEFORE.search(before) or _EARLIER_SOURCE.search(before + match.group(0)[:30]):
            continue
        found.append(match)
    return found


def _segment_article(lines: list[_Line]) -> list[_Draft]:
    drafts: list[_Draft] = []
    current: _Draft | None = None
    recap_level: int | None = None  # inside a recap section ('Key Takeaways', 'The Bottom Line')
    for line in lines:
        if line.heading:
            current = None
            if recap_level is None or line.level <= recap_level:  # a recap ends at its peer
                recap_level = line.level if _RECAP_HEADING.match(line.text) else None
            continue
        if recap_level is not None:
            continue
        if line.bullet:
            if current is not None:
                current.lines.append(line.text)
            continue
        # a line naming no design word has no sentence that introduces a study
        may_introduce = mentions_any(line.text, _DESIGN_WORDS)
        for sentence in split_sentences(line.text):
            if may_introduce and _introducers(sentence):
                current = _Draft(intro=sentence)
                drafts.append(current)
            elif current is not None:
                current.lines.append(sentence)
    return drafts


def _build_study(
    draft: _Draft, study_id: str, compound: str | None, goal: str | None, source: str
) -> Study:
    text = draft.text
    folded = fold_case(text)  # for every cue test on the whole text
    design = stated_design(text) or classify_design_of(_design_texts(draft, text), last=text)
    n = _sample_size(draft.intro) or _sample_size(text, folded)
    if n is None and design == "case-series":
        n = _one_person_named(text)
    n_studies = _study_count(text, folded) if design == "meta-analysis" else None
    comparator, comparator_type = _comparator(text, folded)
    return Study(
        id=study_id,
        design=design,
        n=n,
        n_studies=n_studies,
        population=_population(draft.intro) or _population(text),
        intervention=compound or _intervention(text, folded),
        comparator=comparator,
        comparator_type=comparator_type,
        duration=_duration(text, folded),
        follow_up=_follow_up(text, folded),
        human=design not in ("animal", "in-vitro"),
        outcomes=_outcomes(text),
        goal=goal,
        compound=compound,
        curated=False,
        source_path=source,
        summary=(draft.intro or text)[:300].strip(),
    )


def _design_texts(draft: _Draft, text: str) -> Iterator[str]:
    """Where to read the design, most specific first: each made only when needed; the
    last is always the whole text."""
    if draft.intro:
        yield draft.intro
    if methods := _methods_text(text):
        yield methods
    sentences = split_sentences(text.replace("\n", " "))
    # what the authors say they did outweighs what they say of other studies
    if first_person := " ".join(filter(_FIRST_PERSON.search, sentences)):
        yield first_person
    if own := " ".join(filter(_OWN_WORK.search, sentences)):
        yield own
    yield text


def _methods_text(text: str) -> str:
    """The methods part of a structured abstract ('' when unlabelled)."""
    return " ".join(section.text for section in split_sections(text) if section.kind == "methods")


def _sample_size(text: str, folded: str | None = None) -> int | None:
    """The number of participants; `folded` is fold_case(text) if already made."""
    if (undated := _without_dates(text)) is not text:
        text, folded = undated, None
    if (plain := _without_restated_digits(text)) is not text:
        text, folded = plain, None
    folded = fold_case(text) if folded is None else folded
    if parts := _PARTS_OF_PEOPLE.search(text, folded):
        return parse_count(parts["n"])
    for arms in (_N_SPLIT, _N_COMPARED):
        split = arms.search(text, folded)
        first = split and (split["n"] or split.groupdict().get("n2"))
        if split and _EVENTS_IN_BEFORE.search(text, max(0, split.start() - 30), split.start()):
            continue  # "cancer was diagnosed in 793 participants given D and 824 given placebo"
        if split and first and (n := parse_count(first)) and (m := parse_count(split["m"])):
            return n + m
    if (groups := _compared_back(text)) is not None:
        return groups
    firsts, randomised = _enrolment_counts(text, folded)
    if randomised is not None:
        return randomised  # the randomised total, over the enrolled or screened one
    if included := _INCLUDED_OF_SCREENED.search(text, folded):
        return parse_count(included["n"])
    if (case_control := _case_control_total(text, folded)) is not None:
        return case_control or None
    # those who completed are the total only when no randomised or enrolled total is written
    completed: int | None = None
    screening = contains_any(folded, _SCREENING_WORDS)
    for match in firsts:
        if (n := _enrolled_count(text, match)) and not _screened_after(
            text, match.end(), screening
        ):
            if match.groupdict().get("completed"):
                completed = n
                continue
            return n
    if (sizes := _allocated_group_sizes(text, folded)) is not None:
        return sizes
    equals = _N_EQUALS.search(text) if "=" in text else None
    # a total stated before counts of its parts wins over them ("23 patients ... (n = 6)")
    if equals and (stated := _people_count(text[: equals.start()])):
        return stated[1]
    return (
        _sample_size_equals(text)
        or _bracketed_total(text)
        or completed
        or _complementary_groups(text, folded)
        or _groups_times_size(text, folded)
        or (_people_count(text) or (0, None))[1]
        or _people_in_millions(text)  # a population figure only when no other count is written
        or _single_patient(text, folded)
    )


# those included of people screened or recruited, in one sentence: "Of 3,005 patients assessed
# for eligibility, 842 were included", "From 1597 patients recruited, 11.7% (187 patients)
# fulfilled the criteria" (a review's "of 3,005 records screened, 42 were included" names no
# people, so it is not read here; nor are those included in an analysis)
_SCREENING_VERBS = (
    "assessed", "screened", "evaluated", "approached", "invited", "considered", "recruited",
)  # fmt: skip
_INCLUDED_OF_SCREENED = CuedPattern(
    re.compile(
        rf"(?i)\b(?:of|from) (?:the |all )?{COUNT} (?:[\w-]+ ){{0,2}}?{_POPULATION_NOUNS} "
        rf"(?:who (?:were|was) )?(?:{'|'.join(_SCREENING_VERBS)})\b[^.;]{{0,60}}?, "
        rf"(?:a total of )?(?:\d+(?:\.\d+)? ?% \()?(?P<n>{COUNT})(?: [\w-]+){{0,2}}?\)? "
        r"(?:(?:were|was) (?:included|enrolled|eligible|recruited)\b(?! in (?:the )?(?:final )?"
        r"analys)|(?:met|fulfilled) (?:the |all )?(?:[\w-]+ ){0,3}?criteria\b)"
    ),
    _SCREENING_VERBS,
)


# a second group compared with people counted before: "75 patients were treated with A ... We
# compared them with the 51 patients from the control group", "these were compared with 39
# children"
_COMPARED_BACK = CuedPattern(
    re.compile(
        r"(?i)\b(?:we compared (?:them|these|those|this group)|(?:these|they|this group) were "
        rf"compared) (?:with|to) (?:the )?(?P<m>{COUNT}) {_QUALIFIER}{_POPULATION_NOUNS}\b"
    ),
    ("compared them", "compared these", "compared those", "compared this", "were compared"),
)
_PEOPLE_BEFORE = re.compile(
    rf"{COUNT_START}{_NOT_A_NAME}(?<![\w.,%\-/])(?P<n>{COUNT}) {_QUALIFIER}{_POPULATION_NOUNS}\b"
)


# Each group's size in brackets after its name, in the sentence that allocates them: "randomly
# divided into a sham group (10 rats), a vehicle group (12 rats) and a treated group (12 rats)",
# "assigned to receive A (118 patients) or placebo (121 patients)"; no total is written.
_ALLOCATION = CuedPattern(
    re.compile(
        r"(?i)\b(?:assigned|allocated|allotted|divided|randomi[sz]ed|distributed|split)\b[^.;]*"
    ),
    ("assigned", "allocated", "allotted", "divided", "randomi", "distributed", "split"),
)
_GROUP_SIZE = re.compile(rf"\((?P<n>{COUNT}) {_ANY_PEOPLE}\)")
_LIST_JOIN = re.compile(r"(?i)\b(?:and|or|versus|vs)\b")


def _allocated_group_sizes(text: str, folded: str) -> int | None:
    """The sum of the groups' sizes in brackets, two or more listed in one allocating sentence."""
    if ")" not in text:
        return None
    for sentence in _ALLOCATION.finditer(text, folded):
        sizes = list(_GROUP_SIZE.finditer(sentence.group(0)))
        if len(sizes) < 2:
            continue
        between = sentence.group(0)[sizes[0].end() : sizes[-1].start()]
        counts = [parse_count(size["n"]) for size in sizes]
        if _LIST_JOIN.search(between) and all(counts):
            return sum(count or 0 for count in counts)
    return None


def _compared_back(text: str) -> int | None:
    """The two groups' counts when the second is compared with the first by a pronoun."""
    back = _COMPARED_BACK.search(text)
    if back is None:
        return None
    before = list(_PEOPLE_BEFORE.finditer(text, max(0, back.start() - 300), back.start()))
    if not before:
        return None
    n, m = parse_count(before[-1]["n"]), parse_count(back["m"])
    return n + m if n and m else None


# a count in words restated in digits: "Two hundred forty-six (246) patients were randomized"
_BRACKETED_DIGITS = re.compile(r" \((\d[\d,]{0,9})\)")
_WORDS_BEFORE = re.compile(rf"(?:{WORD_NUMBER})$")


def _without_restated_digits(text: str) -> str:
    """`text` without the digits that restate a count in words (the same text when none do)."""
    cuts: list[tuple[int, int]] = []
    for digits in _BRACKETED_DIGITS.finditer(text):
        words = _WORDS_BEFORE.search(text, max(0, digits.start() - 40), digits.start())
        if words and parse_count(words.group(0)) == parse_count(digits[1]):
            cuts.append(digits.span())
    if not cuts:
        return text
    kept, last = [], 0
    for start, end in cuts:
        kept.append(text[last:start])
        last = end
    return "".join(kept) + text[last:]


# Years and dates are never n: "from January 2019 to December 2020", "in 2017–2018", "Between
# 2008 and 2016", "In 2015, 2,016 nurses"; their digits are hidden before counts are read.
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_DATE_BEFORE = re.compile(
    r"(?i)(?:\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? (?:\d{1,2},? )?"
    r"|\b(?:19|20)\d\d ?(?:[-–—/]|to|and|through|until) ?)$"
)
_RANGE_AFTER = re.compile(r"(?i) ?(?:[-–—/]|to|and|through|until) ?(?:19|20)\d\d\b")
# the second year of a span written short: "2015-16", "2019/20"
_SHORT_YEAR_AFTER = re.compile(r"[-–/]\d\d\b(?![.,:]?\d)")
_PREPOSITION_BEFORE = re.compile(r"(?i)\b(?:in|since|during|until|by|before|after|from|through) $")
# what follows a year after its preposition: a mark, a conjunction or a verb's -ing form ("in
# 2012 enrolling neonates"), never the people a number before them counts ("in 2012 patients")
_PUNCTUATION_AFTER = re.compile(r"[,.;)]| and\b| to\b| [a-z]+ing\b")


# A planned enrolment is never n: "we planned to recruit 300", "aimed to enrol 400 children",
# "Our goal was to enrol 600", "a target sample size of 240"; its digits are hidden with the dates.
_PLANNED_COUNT = CuedPattern(
    re.compile(
        r"(?i)\b(?:(?:aim(?:ed|s|ing)?|plan(?:ned|s|ning)?|intend(?:ed|s)?|goal (?:was|is)|"
        r"target(?:ed)?|sought|expected|hoped) to (?:recruit|enrol|enroll|include|randomi[sz]e|"
        r"screen|study)|(?:planned|target|projected|intended|anticipated|expected|required) "
        r"(?:sample(?: size)?|enrol?ment|recruitment|number of (?:participants|patients))"
        r"(?: (?:was|of|is))?:?) (?:a total of |approximately |about |up to |at least )?"
        rf"(?P<n>{COUNT})"
    ),
    ("aim", "plan", "intend", "goal", "target", "sought", "expected", "hoped", "projected",
     "anticipated", "required"),
)  # fmt: skip


def _without_dates(text: str) -> str:
    """`text` with the digits of its years, dates and planned enrolments hidden (the same text
    when it has none)."""
    spans: list[tuple[int, int]] = [planned.span("n") for planned in _PLANNED_COUNT.finditer(text)]
    for year in _YEAR.finditer(text):
        start, end = year.span()
        if short := _SHORT_YEAR_AFTER.match(text, end):
            spans.append((start, short.end()))  # "in 2015-16": both years
        elif (
            _DATE_BEFORE.search(text, max(0, start - 20), start)
            or _RANGE_AFTER.match(text, end)
            or (
                _PREPOSITION_BEFORE.search(text, max(0, start - 8), start)
                and _PUNCTUATION_AFTER.match(text, end)
            )
        ):
            spans.append((start, end))
    if not spans:
        return text
    spans.sort()
    pieces: list[str] = []
    last = 0
    for start, end in spans:
        if start >= last:  # a planned count that is also a year is hidden once
            pieces += [text[last:start], "YYYY"]
            last = end
    return "".join(pieces) + text[last:]


# what happened in some of each group, not the groups: "was diagnosed in", "occurred in"
_EVENTS_IN_BEFORE = re.compile(r"(?i)\b(?:[a-z]+(?:ed|en|rred)|found|seen) (?:in|among) $")

# those left after exclusions, when no count before is said to be enrolled: "48,112 adults were
# identified ...; after exclusions, 41,205 were included", "leaving 980 patients for analysis"
_N_AFTER_EXCLUSIONS = CuedPattern(
    re.compile(
        r"(?i)\b(?:after (?:the )?exclusions?|after exclu(?:ding|sion of) [^.;,]{1,60}|leaving),? "
        rf"(?P<n>{COUNT}) (?:{_QUALIFIER}{_POPULATION_NOUNS} )?(?:(?:were|was) (?:included|"
        r"analy[sz]ed|eligible|enrolled)|remained|(?:for|in) (?:the )?(?:final )?analys[ie]s)\b"
    ),
    ("exclu", "leaving"),
)
# the questionnaires answered of those sent out: "Of 3,000 questionnaires distributed, 2,214
# were returned"
_N_RETURNED = CuedPattern(
    re.compile(
        r"(?i)\b(?:questionnaires|surveys)\b[^.;]{0,60}?,? "
        rf"(?P<n>{COUNT}) (?:\([^()]{{1,40}}\) )?(?:were|was) (?:returned|completed)\b"
    ),
    ("questionnaires", "surveys"),
)
_ENROLMENT_PHRASES = (
    _N_TOTAL, _N_ENROLLED, _N_WERE_RANDOMISED, _N_ANY_ASSIGNED, _N_OF_THOSE, _N_WE_COUNTED,
    _N_CONSENTED, _N_AFTER_EXCLUSIONS, _N_RETURNED, _N_ENROLLED_BARE,
)  # fmt: skip
# parts of people counted, then the people: "57 eyes of 31 patients" (the people are n)
_BODY_PARTS = (
    "eyes", "knees", "hips", "shoulders", "teeth", "limbs", "feet", "hands", "ears", "lesions",
    "implants", "wounds", "ulcers", "joints",
)  # fmt: skip
_PARTS_OF_PEOPLE = CuedPattern(
    re.compile(
        # the count of parts in digits only: a lookbehind of one width, far cheaper than a COUNT
        rf"(?i)(?<=\d )(?:{'|'.join(_BODY_PARTS)}) (?:of|in|from) (?P<n>{COUNT}) "
        rf"{_QUALIFIER}{_POPULATION_NOUNS}\b"
    ),
    _BODY_PARTS,
)


# the other arm after a count randomised to one ("of whom 9525 were randomly assigned to receive
# aspirin and 9589 to receive placebo"); no number between, so never the arms of a total
# ("700 were randomised: 350 to A and 350 to B")
_SECOND_ARM = re.compile(rf"[^.;\d]{{1,60}}? and (?P<m>{COUNT}) (?:to|into)\b")


def _enrolment_counts(text: str, folded: str) -> tuple[list[re.Match[str]], int | None]:
    """The first match of each enrolment phrase, in the phrases' order, and the first count of
    those randomised ("700 were randomly assigned", "A total of 3849 patients underwent
    randomization"), in reading order."""
    firsts: list[re.Match[str]] = []
    randomised: tuple[int, int] | None = None
    any_random = "random" in folded
    for phrase in _ENROLMENT_PHRASES:
        matches = (match for match in phrase.finditer(text, folded) if not _added(text, match))
        for index, match in enumerate(matches):
            if index == 0:
                firsts.append(match)
            if not any_random:
                break
            # the match and the rest of its clause ("A total of 1,234 adults | were randomised")
            clause = re.split(r"[,;.]", folded[match.end() : match.end() + 30], maxsplit=1)[0]
            said = folded[match.start() : match.end()] + clause
            if "random" in said and not match.groupdict().get("completed"):
                n = _enrolled_count(text, match)
                if n and (second := _SECOND_ARM.match(text, match.end())):
                    n += parse_count(second["m"]) or 0  # "of whom 9525 ... and 9589 to placebo"
                if n and (randomised is None or match.start() < randomised[0]):
                    randomised = (match.start(), n)
                break
    return firsts, randomised[1] if randomised else None


# the part of a planned or eligible count that the verb applies to: "after 214 of 400 planned
# participants had been randomised", "58 of 72 eligible women were randomly assigned"; not when
# the verb describes the whole ("Ten of 100 randomised patients were excluded")
_PART_OF_BEFORE = re.compile(rf"(?<![\d.,])(?P<part>{COUNT}) of (?:the |all )?$")
_PREDICATE = re.compile(r" (?:were|was|been) ")


def _enrolled_count(text: str, match: re.Match[str]) -> int | None:
    """The count an enrolment phrase gives: its own, or the part of it named just before."""
    start = match.start("n")
    if "of " not in text[max(0, start - 8) : start] or not _PREDICATE.search(match.group(0)):
        return parse_count(match["n"])
    part = _PART_OF_BEFORE.search(text, max(0, start - 30), start)
    return parse_count(part["part"] if part else match["n"])


# a count added to others counted before it: "an additional 200 women", "another 64", "120
# further patients", "72 more volunteers"; the total is said of all of them
_ADDED_BEFORE = re.compile(r"(?i)\b(?:further|additional|another)\s+$")
_ADDED_AFTER = re.compile(r"(?i) (?:further|additional|more)\b")


def _added(text: str, match: re.Match[str]) -> bool:
    start, end = match.span("n")
    return bool(
        _ADDED_AFTER.match(text, end) or _ADDED_BEFORE.search(text, max(0, start - 12), start)
    )


def _sample_size_equals(text: str) -> int | None:
    """n from 'n = ' counts: a total, a count per group times the groups, or the arms of one
    sentence added up."""
    equals = list(_N_EQUALS.finditer(text)) if "=" in text else []
    for match in equals:
        if match["total"]:
            return parse_count(match["n"])
    if equals and equals[0]["per"]:
        groups = _GROUP_COUNT.search(text)
        per_group = parse_count(equals[0]["n"])
        k = parse_count(groups["k"] or groups["k2"]) if groups else None
        return per_group * k if per_group and k else None
    if equals:
        first_sentence_end = text.find(". ", equals[0].end())
        same_sentence = [
            match
            for match in equals
            if first_sentence_end < 0 or match.start() < first_sentence_end
        ]
        counts = [parse_count(match["n"]) or 0 for match in same_sentence]
        if len(counts) > 1 and re.search(
            r"(?i)\b(?:or|and|vs|versus)\b", text[equals[0].end() : same_sentence[-1].start()]
        ):
            return sum(counts)
        return counts[0] or None
    return None


def _case_control_total(text: str, folded: str) -> int | None:
    """Cases plus their controls; 0 when the cases are counted and the controls only per case
    (no total is written); None when the text counts no cases."""
    if "controls" not in folded and "control " not in folded:
        return None
    per_case = _CONTROLS_PER_CASE.search(text)

    def per_one_case(match: re.Match[str]) -> bool:
        """'matched to two controls': the controls of one case, not their number."""
        return per_case is not None and per_case.start() <= match.start("m") < per_case.end()

    pair = _PEOPLE_THEN_CONTROLS.search(text)
    if pair and not per_one_case(pair) and (n := parse_count(pair["n"])):
        return n + (parse_count(pair["m"]) or 0)
    cases_match = _CASES_COUNT.search(text)
    cases = (
        parse_count(next(filter(None, cases_match.group("n", "n2", "n3")))) if cases_match else None
    )
    if not cases:
        return None
    for match in chain(_CONTROLS_N.finditer(text), _CONTROLS_COUNT.finditer(text)):
        count = match["m"] or match.groupdict().get("m2")
        if not per_one_case(match) and count and (controls := parse_count(count)):
            return cases + controls
    return 0 if per_case else None


# each group of a _N_COMPLEMENTS match, after the space or the qualifier's whitespace before it
_GROUP_WORD = re.compile(r"\s(?:men|women|boys|girls|males|females|users|non-users)")


def _complementary_groups(text: str, folded: str) -> int | None:
    """Men and women, boys and girls, written as two counts that make the sample."""
    if len(_GROUP_WORD.findall(folded)) < 2:
        return None  # a match names two groups: most texts name one at most
    for match in _N_COMPLEMENTS.finditer(text, folded):
        if _COMPLEMENTS[match["a"].lower()] == match["b"].lower():
            n, m = parse_count(match["n"]), parse_count(match["m"])
            if n and m:
                return n + m
    return None


def _people_count(text: str) -> tuple[int, int] | None:
    """Where the first count of people in reading order is, and the count ('involving 600
    patients', '45 adults', 'a cohort of 3,412 conscripts'); a part ('14 of 93 patients'), an
    event count with its percentage, a count of each group ('groups of 15 animals', '8 piglets in
    each group'), a count screened and a count of cases whose controls are not counted are not
    the sample."""
    controls = "control" in text
    screening = mentions_any(text, _SCREENING_WORDS)
    first: tuple[int, int] | None = None  # (where, count): the earliest of the patterns
    for pattern in (_N_VERB_FIRST, _N_PLAIN, _N_BY_CONTEXT, None):
        # a later pattern's count matters only before the first found: read no further
        end = len(text) if first is None else first[0] + _LONGEST_PEOPLE_MATCH
        found = pattern.finditer(text, 0, end) if pattern else _people_before_verbs(text[:end])
        for match in found:
            if first is not None and match.start("n") >= first[0]:
                break
            n = parse_count(match["n"])
            if (
                n
                and not _screened_after(text, match.end(), screening)
                and not (
                    controls
                    and match.group(0).endswith("cases")
                    and not _COMPLETED_AFTER.match(text, match.end())
                )
                and not _AMONG_TOTAL_AFTER.match(text, match.end())
                and not _PART_BEFORE.search(text, max(0, match.start("n") - 12), match.start("n"))
                and not _PERCENT_AFTER.match(text, match.end())
                and not _PER_GROUP_BEFORE.search(
                    text, max(0, match.start("n") - 12), match.start("n")
                )
                and not _PER_GROUP_AFTER.match(text, match.end())
                and not _TREATED_FOR_ONE_BEFORE.search(
                    text, max(0, match.start("n") - 12), match.start("n")
                )
                and not _TREATED_FOR_ONE_AFTER.match(text, match.end())
            ):
                first = (match.start("n"), n)
                break
    return first


# the patients treated for one event prevented (a number needed to treat): "treating 255
# patients", "for every 91 women treated", "40 patients would need to be treated"
_TREATED_FOR_ONE_BEFORE = re.compile(r"(?i)\b(?:treating|for every|for each|in every) $")
_TREATED_FOR_ONE_AFTER = re.compile(
    r"(?i) (?:would |will )?(?:need(?:ed)? to|must|had to|have to) be treated\b"
)
# cases who finished a trial are its participants, whatever controls it had ("64 cases finished
# the protocol")
_COMPLETED_AFTER = re.compile(r" (?:completed|finished)\b")
# a count of some among a total counted after it: "129 538 cases of death among the 973 904
# participants" (the total is n)
_AMONG_TOTAL_AFTER = re.compile(
    rf"(?i)[^.;]{{0,60}}?\bamong (?:the |all |a total of )?{COUNT} {_QUALIFIER}{_POPULATION_NOUNS}\b"
)
# "14 of 93 patients", "41 patients (70.7%)": a part of the sample, an event count
_PART_BEFORE = re.compile(r"\d of (?:the )?$")
_PERCENT_AFTER = re.compile(r" ?\(\d+(?:\.\d+)? ?%\)")


# a total in brackets after the people it counts, with or without an n label:
# "adults (6,794)", "a cohort (N 1 204)", "participants (n: 452)"
_BRACKETED_COUNT = re.compile(rf"\((?:[nN] ?:? ?)?(?P<n>{COUNT})\)")
_COUNTED_NOUN_BEFORE = re.compile(rf"(?i)\b(?:{_POPULATION_NOUNS}|sample|cohort|population) $")


def _bracketed_total(text: str) -> int | None:
    """The first count in brackets that directly follows a noun for people or a sample."""
    for match in _BRACKETED_COUNT.finditer(text):
        if _COUNTED_NOUN_BEFORE.search(text, max(0, match.start() - 40), match.start()):
            return parse_count(match["n"])
    return None


# "1.2 million adults", "2.3 million people"
_N_MILLIONS = re.compile(
    rf"(?i)(?<![\d.,])(?P<n>\d+(?:\.\d+)?) million {_QUALIFIER}{_POPULATION_NOUNS}\b"
)


def _people_in_millions(text: str) -> int | None:
    if "million" not in text:
        return None
    match = _N_MILLIONS.search(text)
    return round(float(match["n"]) * 1_000_000) if match else None


def _groups_times_size(text: str, folded: str) -> int | None:
    """'five groups of eight rats': the groups times their size."""
    match = _GROUPS_OF.search(text, folded)
    if match is None:
        return None
    k, per = parse_count(match["k"]), parse_count(match["per"])
    return k * per if k and per else None


# one case or one patient named as the report's subject, with no age given: "We present a case
# of ...", "We report here a case", "Herein we describe a patient with ...", "This case report
# describes ..."
_ONE_CASE = CuedPattern(
    re.compile(
        r"(?i)\bwe (?:here(?:in)? )?(?:report|describe|present)(?: here(?:in)?)? (?:a|an|the|one) "
        r"(?:[\w-]+ ){0,3}?(?:case\b(?! series)|(?:patient|man|woman|boy|girl|child|infant)\b)"
        r"|\bthis case report\b"
    ),
    ("we ", "this case report"),
)
# one person named with an indefinite article ("administered the diet in a patient with ...",
# "A child with ... suffered"): in a case series with no count written, a case report
_ONE_PERSON_NAMED = re.compile(
    r"(?i)\b(?:an?|one) (?:[\w-]+ ){0,2}?(?:patient|man|woman|boy|girl|child|infant|neonate)\b"
)


def _one_person_named(text: str) -> int | None:
    """1 when a case series with no count names one person with an indefinite article."""
    return 1 if _ONE_PERSON_NAMED.search(text) else None


def _single_patient(text: str, folded: str) -> int | None:
    """1 when the text describes one patient (a case report)."""
    if describes_one_patient(text, folded) or _ONE_CASE.search(text, folded):
        return 1
    return None


def _study_count(text: str, folded: str) -> int | None:
    match = _N_STUDIES.search(text, folded)
    return parse_count(match["k"]) if match else None


def _duration(text: str, folded: str) -> str | None:
    for match in _DURATION.finditer(text, folded):
        before = text[max(0, match.start() - 20) : match.start()].lower()
        if "follow" in before or "median" in text[match.start() : match.start() + 18].lower():
            continue
        if match["a"]:
            count = parse_count(match["a"]) if not re.fullmatch(r"\d+\.\d+", match["a"]) else None
            amount = str(count) if count is not None else match["a"]
            return f"{amount} {_plural(match['unit_a'].lower())}"
        return f"{match['b']} {_plural(match['unit_b'].lower())}"
    return None


def _follow_up(text: str, folded: str) -> str | None:
    match = _FOLLOW_UP.search(text, folded)
    if match is None:
        return None
    if match["n"]:
        count = parse_count(match["n"]) if not re.fullmatch(r"\d+\.\d+", match["n"]) else None
        return f"{count if count is not None else match['n']} {_plural(match['unit'].lower())}"
    return f"{match['m']} {_plural(match['unit_m'].lower())}"


def _plural(unit: str) -> str:
    return unit if unit.endswith("s") else unit + "s"


def _population(text: str) -> str | None:
    match = _POPULATION.search(text)
    if match is None:
        return None
    population = match["pop"].strip()
    if len(population.split()) < 2:
        return None  # a bare "patients" tells the reader nothing
    return population[:120]


def _intervention(text: str, folded: str) -> str | None:
    match = _INTERVENTION.search(text, folded)
    return match["what"].strip() if match else None


def _comparator(text: str, folded: str) -> tuple[str | None, str | None]:
    for match in _COMPARATOR.finditer(text):
        what = _LEADING_ARTICLE.sub("", match["what"].strip())
        if not what or what[0].isdigit():
            continue
        if _PLACEBO.search(what):
            return "placebo", "placebo"
        if _STANDARD_CARE.search(what):
            return what, "standard-care"
        if match.group(0).lower().startswith("or") and not _PLACEBO.search(what):
            continue
        return what, "active"
    if _PLACEBO.search(text, folded):
        return "placebo", "placebo"
    if standard_care := _STANDARD_CARE.search(text, folded):
        return standard_care.group(0), "standard-care"
    return None, None


def _outcomes(text: str) -> list[Outcome]:
    outcomes: list[Outcome] = []
    seen: set[tuple[object, ...]] = set()
    carried: str | None = None  # the measure an unlabelled estimate inherits
    sections = split_sections(text)
    # without a results section the results are under a label not known: read every section
    skipped = "background" if any(section.kind == "results" for section in sections) else None
    for section in sections:
        if section.kind == skipped:
            continue  # the background's numbers are other studies'
        for raw_line in section.text.split("\n"):
            if _DIGIT.search(raw_line) is None and "treated" not in raw_line:
                continue  # every outcome needs a number (in digits, but for an NNT in words)
            label_match = _LEADING_LABEL.match(raw_line)
            label = _tidy_label(label_match["label"]) if label_match else None
            if label and (
                (label.isupper() and len(label.split()) <= 3)
                or label.lower().strip(" .") in _ABSTRACT_SECTIONS
            ):
                label = None  # an abstract section label such as RESULTS or "Results"
            for sentence in split_sentences(raw_line):
                found, carried = _sentence_outcomes(sentence, label, carried)
                keys = [_outcome_key(outcome) for outcome in found]
                for outcome, key in zip(found, keys, strict=True):
                    if key in seen:
                        continue  # a restatement (a conclusion repeating a result)
                    if section.kind == "conclusions" and _restates_a_share(outcome, outcomes):
                        continue
                    if outcome.measure == "percent":
                        seen.add(key)  # a share two readers of one sentence found is one
                    outcomes.append(complete_outcome(outcome))
                # one sentence giving the same figures for two comparisons reports two estimates
                seen.update(keys)
    return outcomes


def _restates_a_share(outcome: Outcome, earlier: list[Outcome]) -> bool:
    """A conclusion's share, without its interval, that a result has already given ('the
    prevalence of obesity was 42.8%' after '42.8% (95% CI 39.5% to 46.1%)')."""
    return (
        outcome.measure == "percent"
        and outcome.ci_low is None
        and not outcome.arms
        and any(
            before.measure == "percent" and before.value == outcome.value and not before.arms
            for before in earlier
        )
    )


def _outcome_key(outcome: Outcome) -> tuple[object, ...]:
    if outcome.arms:
        return ("arms", *[arm.value for arm in outcome.arms], outcome.name)
    if outcome.ci_low is None:
        return (outcome.measure, outcome.value, outcome.p, outcome.name)
    return (outcome.measure, outcome.value, outcome.ci_low, outcome.ci_high)


_ABSTRACT_SECTIONS = frozenset(
    {
        "abstract", "aim", "aims", "background", "conclusion", "conclusions", "context",
        "design", "design, setting, and participants", "discussion", "exposure", "exposures",
        "findings", "funding", "importance", "interpretation", "intervention", "interventions",
        "introduction", "limitations", "main outcome measures", "main outcomes and measures",
        "material and methods", "materials and methods", "methods", "methods and results",
        "objective", "objectives", "participants", "purpose", "results", "setting",
        "study design", "trial registration",
    }
)  # fmt: skip


# a sample size worked out: "a power of 80% to detect a relative risk of 0.67", "powered to
# detect a hazard ratio of 0.75", "the sample size was calculated to detect a difference of 5"
_POWER_CALCULATION = CuedPattern(
    re.compile(
        r"(?i)\b(?:(?:statistical )?power of\b[^.;]{0,60}?\bto (?:detect|show|demonstrate)|"
        r"powered (?:\w+ )?to (?:detect|show|demonstrate)|sample sizes? (?:of \d[\d,]* )?"
        r"(?:was |were )?(?:calculat|estimat|determin|needed|required)\w*)"
    ),
    ("power", "sample size"),
)


def _sentence_outcomes(
    sentence: str, label: str | None, carried: str | None
) -> tuple[list[Outcome], str | None]:
    """The outcomes of one sentence and the measure the next sentence's estimates inherit."""
    if _POWER_CALCULATION.search(sentence):
        return [], carried  # the effect a trial was sized to detect is no result of it
    found: list[Outcome] = []
    previous_end = 0
    percentages = find_group_percentages(sentence)
    # a share is read once: with the interval a pair prints after it, else as an estimate
    own_interval = {share.start for share in percentages if share.ci_low is not None}
    estimates = [
        estimate
        for estimate in find_estimates(sentence, carried)
        if estimate.value_start not in own_interval
    ]
    read = {estimate.value_start for estimate in estimates}
    percentages = [share for share in percentages if share.start not in read]
    listed = (
        _respectively_names(sentence, estimates[0].value_start, len(estimates)) if estimates else []
    )
    for index, estimate in enumerate(estimates):
        name = label or (
            listed[index] if listed else _name_before(sentence[previous_end : estimate.start])
        )
        previous_end = estimate.end
        carried = estimate.measure
        found.append(
            Outcome(
                name=name,
                measure=_measure(estimate.measure),
                value=estimate.value,
                ci_low=estimate.ci_low,
                ci_high=estimate.ci_high,
                ci_level=estimate.ci_level,
                p=estimate.p,
                text=sentence.strip()[:500],
            )
        )
    for share in percentages:
        if share.ci_low is not None:
            found.append(
                Outcome(
                    name=label or _name_for_arms(sentence),
                    measure="percent",
                    value=share.value,
                    ci_low=share.ci_low,
                    ci_high=share.ci_high,
                    text=sentence.strip()[:500],
                )
            )
    percentages = [share for share in percentages if share.ci_low is None]
    if not percentages:
        return found, carried
    significance = _significance_words(sentence)
    groups: dict[object, list[Arm]] = {}
    for index, percentage in enumerate(percentages):
        key = ("pair", percentage.pair) if percentage.pair is not None else "groups"
        arms = groups.setdefault(key, [])
        if percentage.pair is not None:
            name = "intervention" if not arms else "comparator"
        else:
            name = percentage.group or f"group {index + 1}"
        arms.append(Arm(name=name, value=percentage.value))
    what = next((percentage.what for percentage in percentages if percentage.what), None)
    for arms in groups.values():
        found.append(
            Outcome(
                name=label or (what if len(arms) == 1 and what else _name_for_arms(sentence)),
                measure="percent",
                value=arms[0].value,
                arms=arms if len(arms) >= 2 else [],
                significant=significance,
                direction="no difference" if significance is False and len(arms) >= 2 else None,
                text=sentence.strip()[:500],
            )
        )
    return found, carried


_BRACKETED = re.compile(r"\s*[(\[][^()\[\]]*[)\]]")
_LIST_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_LIST_TAIL = re.compile(r"(?i)\s+(?:were|was|are|is)\s*:?\s*$")
_FIRST_ITEM_START = re.compile(r"(?i).*\b(?:at|for|in|among|on|with)\s+(?:the\s+)?")


def _respectively_names(sentence: str, first_start: int, count: int) -> list[str]:
    """'... at the end of treatment, 6 months and 12 months were 0.56 (...), 1.67 (...) and
    2.67 (...), respectively': the names of a list of estimates, in order ([] when the sentence
    does not list them so)."""
    if count < 2 or "respectively" not in sentence:
        return []
    before = _BRACKETED.sub("", sentence[:first_start])
    tail = _LIST_TAIL.search(before)
    if tail is None:
        return []  # the names must be listed right before "were" and the values
    before = before[: tail.start()].strip(" ,;:")
    items = [item.strip() for item in _LIST_SEPARATOR.split(before) if item.strip()]
    if len(items) < count:
        return []
    names = items[-count:]
    names[0] = _FIRST_ITEM_START.sub("", names[0]) or names[0]
    if any(len(name) > 80 or not name[:1].isalnum() for name in names):
        return []
    return names


_MEASURES = frozenset(get_args(Measure))


def _measure(name: str) -> Measure:
    """The model's name for a measure the estimate reader found (the same names)."""
    if name not in _MEASURES:
        raise ValueError(f"unknown measure {name!r}")
    return cast(Measure, name)


def _significance_words(sentence: str) -> bool | None:
    if _NOT_SIGNIFICANT.search(sentence):
        return False
    if _SIGNIFICANT.search(sentence):
        return True
    return None


def _tidy_label(label: str) -> str:
    """'HBV DNA Clearance' -> 'HBV DNA clearance': keep acronyms, lower later Title words."""
    words = label.strip().split()
    tidy = [words[0]] + ["-".join(map(_lower_title_word, word.split("-"))) for word in words[1:]]
    first_parts = words[0].split("-")
    tidy[0] = "-".join([first_parts[0], *map(_lower_title_word, first_parts[1:])])
    return " ".join(tidy)


def _lower_title_word(word: str) -> str:
    return word.lower() if word[:1].isupper() and word[1:].islower() else word


_TRAILING_MARKS = re.compile(r"[\s(\[,;:]+$")


def _name_before(clause: str) -> str:
    clause = _TRAILING_MARKS.sub("", clause.strip())
    for pattern in (_NAME_CUE, _NAME_FOR):
        match = pattern.search(clause)
        if match:
            return _trim_name(match["name"])
    words = clause.split()[-8:]
    return _trim_name(" ".join(words)) or "effect"


_LEAD_IN = re.compile(
    r"(?i)^(?:for|in|on)\s+(?:the\s+)?(?P<name>[^,]{2,60})(?:,\s+the(?:\s+(?:adjusted|pooled))?"
    r"(?:\s+(?:estimate|effect|result|(?:hazard|odds|risk|rate)\s+ratio|relative\s+risk|"
    r"(?:mean\s+)?difference))?)?$"
)


# the last words of a name that link it to its value ("... was", "... with an"), and the words
# each of them ends with (a cheap test before the pattern, which is tried at every position)
_LINK_WORDS = ("was", "were", "is", "with an?", "with", "had an?", "showed an?", "an?", "the")
_LINK_WORD_ENDINGS = ("was", "were", "is", "with", "a", "an", "the")
_TRAILING_LINK = re.compile(rf"(?i)\b(?:{'|'.join(_LINK_WORDS)})$")
_LEADING_ARTICLE = re.compile(r"(?i)^(?:the|an?) ")
_SECTION_LABEL_BEFORE = re.compile(r"\s*([A-Za-z ,]+):\s+")


def _trim_name(name: str) -> str:
    name = name.strip()
    if fold_case(name).endswith(_LINK_WORD_ENDINGS):
        name = _TRAILING_LINK.sub("", name)
    lead_in = _LEAD_IN.match(name.strip(" ,;:"))
    if lead_in:  # "For overall survival, the hazard ratio" names overall survival
        name = lead_in["name"]
    name = _LEADING_ARTICLE.sub("", name.strip())
    section = _SECTION_LABEL_BEFORE.match(name)
    if section and section[1].lower().strip() in _ABSTRACT_SECTIONS:
        name = name[section.end() :]  # "Results: Sleep onset latency ..." names the outcome
    return name.strip(" ,;:-)(")[:80] or "effect"


_TRAILING_FILLER = re.compile(
    r"(?i)(?:\s+(?:occurred|was|were|reported|seen|observed|developed|noted|in|of|the|among|by|"
    r"with|rates?|an?|at|for))+\s*$"
)


def _name_for_arms(sentence: str) -> str:
    """The subject before the first percentage ('Atrial fibrillation occurred in 5.3% vs ...')."""
    first = _DIGIT.search(sentence)
    before = sentence[: first.start()] if first else ""
    subject = _TRAILING_FILLER.sub("", " " + before.strip(" ,;:(")).strip()
    if 2 <= len(subject) <= 80:
        return _trim_name(subject.split(", ")[-1])
    match = re.search(r"% (?P<name>[A-Za-z][\w\- ]{2,50})", sentence)
    return match["name"].strip() if match else "proportion"


def study_introducers(text: str) -> list[str]:
    """The sentences of `text` that read as introducing a new study (for diagnostics)."""
    return [
        sentence
        for line in _classify_lines(normalise(text[:MAX_INPUT_CHARS]))
        for sentence in split_sentences(line.text)
        if _introducers(sentence)
    ]


__all__ = ["explicit_design", "extract_studies", "study_introducers"]
