"""Compound profiles (frontmatter + markdown body) -> a Compound, with repairs and diagnostics."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from pydantic import ValidationError
from rapidfuzz.distance import Levenshtein

from evidex.content.conditions_map import map_conditions, severity_of
from evidex.content.diagnostics import ContentError, Diagnostic, Diagnostics
from evidex.content.field_sources import parse_field_sources
from evidex.content.models import (
    Combination,
    Compound,
    Condition,
    Contraindication,
    Faq,
    Names,
    Regimen,
    Section,
    SideEffects,
    SpecialCase,
)
from evidex.content.names import fold_name, slug_conflict, slugify
from evidex.content.regimens import fill_missing_routes, find_routes, parse_regimens
from evidex.content.render import markdown_to_html
from evidex.content.repairs import (
    LocatedFaq,
    body_faqs,
    reconcile_faqs,
    repair_description,
    repair_frontmatter_faqs,
    whitespace_report,
)
from evidex.content.sections import (
    Block,
    Bullet,
    block_text,
    clean_inline,
    first_labelled,
    labelled,
    parse_blocks,
    split_sentences,
)
from evidex.content.yamlload import (
    FrontmatterDocument,
    Located,
    canonical_keys,
    date_problem,
    is_calendar_date,
    split_frontmatter,
)
from evidex.text.cues import contains_any
from evidex.text.durations import TimeSpan, find_half_life, find_time_to_peak
from evidex.text.numbers import NUMBER, parse_number

REQUIRED_KEYS = ("title", "description")
# Optional one-line facts shown first on a profile; see content/README.md.
KEY_FACT_KEYS = ("short_name", "prescription", "approved", "boxed_warning")
KNOWN_KEYS = frozenset(
    {
        "title",
        "description",
        "is_banned",
        "lastModified",
        "faqs",
        "slug",
        "class",
        "classes",
        "effects",
        "aliases",
        "brand_names",
        "goals",
        "ban_details",
        "iu_per_mg",
        "regimens",
        "contraindications",
        "sources",
        *KEY_FACT_KEYS,
    }
)
# Other names editors give frontmatter keys (case, '_' and '-' are ignored as well).
_FRONTMATTER_KEY_ALIASES = {
    "banned": "is_banned",
    "last_updated": "lastModified",
    "updated": "lastModified",
    "modified": "lastModified",
    "date_modified": "lastModified",
    "faq": "faqs",
    "brands": "brand_names",
    "alternate_names": "aliases",
    "prohibited_in_sport": "is_banned",
    "prescription_status": "prescription",
    "rx": "prescription",
    "approval": "approved",
    "approvals": "approved",
    "approved_in": "approved",
    "regulatory_status": "approved",
    "black_box_warning": "boxed_warning",
    "blackbox_warning": "boxed_warning",
    "box_warning": "boxed_warning",
    "short": "short_name",
    "abbreviation": "short_name",
}
EXPECTED_SECTIONS: dict[str, str] = {
    "usage": "Usage",
    "alternate_names": "Alternate Names",
    "how_it_works": "How It Works",
    "dosage": "Dosage",
    "side_effects": "Side Effects",
    "contraindications": "Contraindications",
    "interactions": "Drug Interactions",
    "pregnancy": "Pregnancy and Breastfeeding",
    "summary": "Drug Profile Summary",
    "combinations": "Popular Combinations",
    "precautions": "Precautions",
    "faqs": "FAQs",
}

# Normalised class tags, looked up in the class and mechanism text (first column: tag).
# Substrings looked for in the lower-cased class and mechanism text (a leading space marks
# a word start); plain `in` tests are far cheaper than a regex per tag.
CLASS_KEYWORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "immunomodulator",
        ("immunomodulat", "immune modulat", "immune-modulat", "immunostimula", "immune booster"),
    ),
    ("immunosuppressant", ("immunosuppressant", "immunosuppressive agent")),
    ("glp-1-agonist", ("glp-1", "glp1", "glucagon-like peptide")),
    (
        "gh-secretagogue",
        (
            "growth hormone secretagogue",
            " gh secretagogue",
            " ghrh",
            " ghrp",
            "growth hormone-releasing",
            "growth hormone releasing",
            "ghrelin mimetic",
            "ghrelin agonist",
            "ghrelin receptor agonist",
        ),
    ),
    ("peptide", ("peptide",)),
    ("anticoagulant", ("anticoagul", "blood thinner", "vitamin k antagonist", "factor xa")),
    ("antiplatelet", ("antiplatelet", "platelet aggregation inhibitor")),
    (
        "sedative",
        (
            "sedative",
            "hypnotic",
            "benzodiazepine",
            "gaba agonist",
            "gaba-a agonist",
            "gaba receptor agonist",
        ),
    ),
    (
        "hypoglycemic",
        (
            "hypoglycemic",
            "hypoglycaemic",
            "antidiabetic",
            "anti-diabetic",
            "lowers blood glucose",
            "lower blood glucose",
            "insulin secretagogue",
            "sulfonylurea",
            "biguanide",
        ),
    ),
    ("antiviral", ("antiviral",)),
    ("antibiotic", ("antibiotic", "antibacterial")),
    ("corticosteroid", ("corticosteroid", "glucocorticoid")),
    (
        "anabolic-steroid",
        ("anabolic steroid", "anabolic-androgenic steroid", "anabolic androgenic steroid"),
    ),
    ("nsaid", (" nsaid", "non-steroidal anti-inflammatory", "nonsteroidal anti-inflammatory")),
    ("opioid", (" opioid",)),
    ("stimulant", (" stimulant", "sympathomimetic")),
    ("ssri", (" ssri", "selective serotonin reuptake")),
    ("maoi", (" maoi", "monoamine oxidase inhibitor")),
    (
        "antihypertensive",
        (
            "antihypertensive",
            "ace inhibitor",
            "angiotensin receptor blocker",
            "beta-blocker",
            "beta blocker",
        ),
    ),
    ("statin", (" statin", "hmg-coa reductase")),
    ("antioxidant", ("antioxidant",)),
    ("nootropic", ("nootropic",)),
)
CLASS_EFFECTS = {
    "hypoglycemic": "lowers-blood-glucose",
    "sedative": "sedating",
    "anticoagulant": "thins-blood",
    "antiplatelet": "thins-blood",
    "immunosuppressant": "immunosuppressive",
    "stimulant": "stimulating",
}
# Tags that follow from another: every GLP-1 agonist lowers blood glucose.
CLASS_IMPLIES = {"glp-1-agonist": "hypoglycemic"}
INJECTABLE_ROUTES = frozenset({"subcutaneous", "intramuscular", "intravenous"})

_PERCENT_RANGE = rf"({NUMBER})(?:\s*(?:-|–|—|to)\s*({NUMBER}))?"
_PERCENT_URINE = re.compile(
    rf"{_PERCENT_RANGE}\s*%[^.;]{{0,60}}?\b(?:urine|urinary|renal(?:ly)?|kidneys?)\b", re.IGNORECASE
)
_URINE_PERCENT = re.compile(
    rf"\b(?:urine|urinary|renal(?:ly)?)\b[^.;\d]{{0,40}}?{_PERCENT_RANGE}\s*%", re.IGNORECASE
)
_RENDERED_HEADING = re.compile(r"<h([1-6])>")
_PREGNANCY_CATEGORY = re.compile(r"^\s*(?:category\s+)?([ABCDX])\b(?![-'])")
_CATEGORY_IN_TEXT = re.compile(r"(?i:\bcategory)\s*:?\s*([ABCDX])\b")
_LIST_PUNCTUATION = re.compile(r"[()\[\],;]")
_LEADING_AND = re.compile(r"^(?:and|or)\s+", re.IGNORECASE)
# the last 'and' of an item, with no comma after it outside brackets
_AND_SPLIT = re.compile(r",?\s+and\s+(?=(?:[^,()]|\([^)]*\))*$)", re.IGNORECASE)
_COMBINATION_JOIN = re.compile(
    r"\s+(?:for|to|in|with|as|plus)\s+|\s*[:—–]\s+|\s+-\s+", re.IGNORECASE
)
_SIDE_EFFECT_CLASSES = (
    # before "common": "uncommon" and "less common" contain it
    ("rare_serious", ("rare", "serious", "severe", "uncommon", "less common", "infrequent")),
    ("long_term", ("long-term", "long term", "chronic")),
    ("adverse_reactions", ("adverse", "adr")),
    ("common", ("common", "frequent", "mild")),
)


# The words that open a sentence listing side effects and say how often they occur:
# "Common side effects include ...", "Rarely, ...", "Serious but rare: ...".
_FREQUENCY_WORD = (
    r"(?:common|frequent|uncommon|infrequent|rare|occasional|serious|severe|long[- ]term)"
)
_SIDE_EFFECT_LEAD = re.compile(
    rf"^(?:the\s+)?(?:most\s+|very\s+|less\s+|more\s+)?{_FREQUENCY_WORD}(?:ly)?"
    rf"(?:\s+(?:but|and|or)\s+{_FREQUENCY_WORD}(?:ly)?)?"
    r"(?:\s+(?:side\s+effects?|adverse\s+(?:effects?|events?|reactions?)|effects?|reactions?))?"
    r"(?:\s+(?:reported\s+)?(?:include[sd]?|are|were|may\s+include|can\s+include)\s+|\s*[,:]\s*)",
    re.IGNORECASE,
)

_BOOLEAN_WORDS = {
    "true": True,
    "yes": True,
    "y": True,
    "on": True,
    "1": True,
    "banned": True,
    "false": False,
    "no": False,
    "n": False,
    "off": False,
    "0": False,
    "not banned": False,
}
_FAQ_KEY_ALIASES = (("question", "q"), ("Q", "q"), ("answer", "a"), ("A", "a"))


def _from_epoch(value: float) -> str | None:
    """An epoch in seconds or milliseconds (2000-2100) as an ISO UTC timestamp."""
    seconds = value / 1000 if value > 1e11 else value
    if not 946_684_800 <= seconds <= 4_102_444_800:
        return None
    stamp = dt.datetime.fromtimestamp(seconds, tz=dt.UTC)
    return stamp.isoformat().replace("+00:00", "Z")


def _search_lines(
    pattern: re.Pattern[str], lines: list[str], keywords: tuple[str, ...]
) -> re.Match[str] | None:
    """The first match of `pattern` in a line holding one of `keywords` (lower case).

    These patterns open with an alternation or a number, which re cannot find by a literal
    scan; running them only on the few lines that can match keeps them cheap.
    """
    for line in lines:
        lowered = line.lower()
        if any(word in lowered for word in keywords):
            match = pattern.search(line)
            if match:
                return match
    return None


def _percent_range(match: re.Match[str]) -> list[float] | None:
    low, high = parse_number(match.group(1)), parse_number(match.group(2) or match.group(1))
    return None if low is None or high is None else [low, high]


def _first_span(
    find: Callable[[str], TimeSpan | None], lines: list[str], keywords: tuple[str, ...]
) -> TimeSpan | None:
    """The first time span `find` reads in a line holding one of `keywords` (lower case)."""
    for line in lines:
        lowered = line.lower()
        if any(word in lowered for word in keywords):
            span = find(line)
            if span is not None:
                return span
    return None


_PLACEHOLDER = re.compile(
    r"^(?:none|n/?a|nil|not applicable|not known|unknown|no data)\b(?:\s+(?:known|documented|"
    r"established|reported|listed|available))?\W*(?:\(.*\))?\W*$",
    re.IGNORECASE,
)


def _is_placeholder(text: str) -> bool:
    """'None', 'N/A', 'None documented (investigational)': a list entry saying there is none."""
    return bool(_PLACEHOLDER.match(text.strip()))


_BRAND_MARK = re.compile(r"\s*(?:\((?:brand|brand name|trade name|trademark)\)|[®™])\s*$", re.I)


def _brand_marked(name: str) -> tuple[str, bool]:
    """'Circadin (brand)' or 'Circadin®' -> ('Circadin', True): a brand named in a list of
    other names."""
    match = _BRAND_MARK.search(name)
    if match is None:
        return name, False
    return name[: match.start()].strip(), True


def split_items(text: str) -> list[str]:
    """Split a comma / semicolon list, keeping parenthesised lists whole:
    'rash, allergic reactions (itching, rash), increased ALT' -> three items."""
    items: list[str] = []
    depth = 0
    start = 0
    # only brackets and separators matter: visit those, not every character
    for match in _LIST_PUNCTUATION.finditer(text):
        char = match.group()
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(depth - 1, 0)
        elif depth == 0:
            items.append(text[start : match.start()])
            start = match.end()
    items.append(text[start:])
    cleaned = []
    for item in items:
        item = _LEADING_AND.sub("", item.strip()).rstrip(".").strip()
        if item:
            cleaned.append(item)
    return cleaned


def sentences(text: str) -> list[str]:
    return split_sentences(clean_inline(text))


class _Profile:
    """One parse: holds the document, its diagnostics and the section blocks."""

    def __init__(
        self,
        document: FrontmatterDocument,
        path: str,
        conditions: list[Condition] | None,
        diagnostics: Diagnostics,
    ) -> None:
        self.meta: Located = document.meta
        self.data: dict[str, Any] = document.meta.data
        self.path = path
        self.conditions = conditions
        self.diagnostics = diagnostics
        self.body_line = document.body_line
        self.body = document.body
        self._text_routes: list[str] | None = None
        self.blocks = parse_blocks(document.body, document.body_line)
        self.by_key: dict[str, Block] = {}
        self.duplicates: list[tuple[Block, Block]] = []  # (first, repeated)
        for block in self.blocks:
            first = self.by_key.setdefault(block.key, block)
            if first is not block and block.title:
                # a repeated section is read as part of the first one
                first.children.append(block)
                self.duplicates.append((first, block))
        if not any(block.title for block in self.blocks) and self.blocks:
            # a body written with no headings at all is read as the Usage text
            self.by_key["usage"] = self.blocks[0]

    def section(self, key: str) -> Block | None:
        return self.by_key.get(key)

    # --- validation -------------------------------------------------------------------

    def normalise_frontmatter(self) -> None:
        """Repair values whose meaning is unambiguous, with a warning each: 'false' as a
        string, epoch timestamps, `question`/`answer` FAQ keys. Ambiguous values are left
        for validate() to reject."""
        data, meta, diag = self.data, self.meta, self.diagnostics
        for line, message in canonical_keys(meta, KNOWN_KEYS, _FRONTMATTER_KEY_ALIASES):
            diag.warning(line, f"frontmatter {message}", "key-repair")
        banned = data.get("is_banned")
        if isinstance(banned, (str, int)) and not isinstance(banned, bool):
            flag = _BOOLEAN_WORDS.get(str(banned).strip().lower())
            if flag is not None:
                data["is_banned"] = flag
                diag.warning(
                    meta.line("is_banned"),
                    f"'is_banned' written as {banned!r}; read as {str(flag).lower()}",
                    "type-repair",
                )
        modified = data.get("lastModified")
        if isinstance(modified, (int, float)) and not isinstance(modified, bool):
            stamp = _from_epoch(modified)
            if stamp is not None:
                data["lastModified"] = stamp
                diag.warning(
                    meta.line("lastModified"),
                    f"'lastModified' given as a Unix timestamp; read as {stamp}",
                    "type-repair",
                )
        faqs = data.get("faqs")
        if isinstance(faqs, list):
            for index, item in enumerate(faqs):
                if not isinstance(item, dict):
                    continue
                renamed = [
                    (alias, key)
                    for alias, key in _FAQ_KEY_ALIASES
                    if alias in item and key not in item
                ]
                for alias, key in renamed:
                    item[key] = item.pop(alias)
                    meta.lines[("faqs", index, key)] = meta.lines.get(
                        ("faqs", index, alias), meta.lines.get(("faqs", index), 0)
                    )
                if renamed:
                    diag.warning(
                        meta.line("faqs", index),
                        f"faqs[{index}]: read "
                        + ", ".join(f"'{alias}' as '{key}'" for alias, key in renamed),
                        "faq-repair",
                    )

    def validate(self) -> bool:
        data, meta, diag = self.data, self.meta, self.diagnostics
        for key in REQUIRED_KEYS:
            value = data.get(key)
            if value is None:
                diag.error(meta.line(), f"missing required key '{key}'", "missing-key")
            elif not isinstance(value, str) or not value.strip():
                diag.error(meta.line(key), f"'{key}' must be a non-empty string", "type")
        if "is_banned" in data and not isinstance(data["is_banned"], bool):
            diag.error(meta.line("is_banned"), "'is_banned' must be true or false", "type")
        modified = data.get("lastModified")
        if modified is not None and not isinstance(modified, (str, dt.date)):
            diag.error(meta.line("lastModified"), "'lastModified' must be a date string", "type")
        elif isinstance(modified, str) and (problem := date_problem(modified)):
            diag.warning(
                meta.line("lastModified"),
                f"'lastModified' {modified!r} {problem}; it is not published",
                "type",
            )
        faqs = data.get("faqs")
        if faqs is not None:
            if not isinstance(faqs, list):
                diag.error(meta.line("faqs"), "'faqs' must be a list of {q, a}", "type")
            else:
                for index, item in enumerate(faqs):
                    if (
                        not isinstance(item, dict)
                        or not isinstance(item.get("q"), str)
                        or (item.get("a") is not None and not isinstance(item.get("a"), str))
                    ):
                        diag.error(
                            meta.line("faqs", index),
                            f"faqs[{index}] must be a mapping with string 'q' and 'a'",
                            "type",
                        )
        for key in ("slug", "class", "ban_details"):
            if key in data and data[key] is not None and not isinstance(data[key], str):
                diag.error(meta.line(key), f"'{key}' must be a string", "type")
        for key in ("aliases", "brand_names", "goals", "classes", "effects", *KEY_FACT_KEYS):
            value = data.get(key)
            if value is not None and not (
                isinstance(value, str)
                or (isinstance(value, list) and all(isinstance(v, str) for v in value))
            ):
                diag.error(meta.line(key), f"'{key}' must be a list of strings", "type")
        if "iu_per_mg" in data and (
            isinstance(data["iu_per_mg"], bool) or not isinstance(data["iu_per_mg"], (int, float))
        ):
            diag.error(meta.line("iu_per_mg"), "'iu_per_mg' must be a number", "type")
        for key in data:
            if key not in KNOWN_KEYS:
                diag.warning(meta.line(key), f"unknown frontmatter key '{key}'", "unknown-key")
        return not diag.has_errors

    def _string_list(self, key: str) -> list[str]:
        value = self.data.get(key)
        if isinstance(value, str):
            return split_items(value)
        if isinstance(value, list):
            return [clean_inline(v) for v in value if isinstance(v, str) and v.strip()]
        return []

    # --- extraction -------------------------------------------------------------------

    def names(self) -> Names:
        alternate: list[str] = []
        brand: list[str] = self._string_list("brand_names")
        block = self.section("alternate_names")
        if block is not None:
            for label, item in labelled(block):
                target = brand if ("brand" in label or "trade" in label) else alternate
                if item.label is None and "brand" not in label and "trade" not in label:
                    target = alternate
                for name in split_items(item.text):
                    name, marked_brand = _brand_marked(name)
                    listed = brand if marked_brand else target
                    if name and name not in listed and not _is_placeholder(name):
                        listed.append(name)
        title = clean_inline(str(self.data.get("title", "")))
        for name in _derived_names(
            title, [*alternate, *self._string_list("aliases")], self.usage_text() or ""
        ):
            if name not in alternate and name != title:
                alternate.append(name)
        return Names(alternate=alternate, brand=brand)

    def usage_text(self) -> str | None:
        block = self.section("usage")
        if block is None:
            return None
        parts = [item.text for item in block.items() if item.label is None]
        return " ".join(parts) or None

    def compound_class(self, classification: str | None) -> str | None:
        """The frontmatter `class`, else the body's classification text."""
        given = self.data.get("class")
        if isinstance(given, str) and given.strip():
            return clean_inline(given)
        return classification

    def classification_text(self) -> str | None:
        for key in ("usage", "summary", "how_it_works"):
            item = first_labelled(self.section(key), "classification", "drug class", "class")
            if item is not None and item.text:
                return item.text.rstrip(".")
        return None

    def mechanism(self) -> str | None:
        for key, words in (
            ("usage", ("mechanism",)),
            ("how_it_works", ("mode of action", "mechanism")),
            ("summary", ("mechanism",)),
        ):
            item = first_labelled(self.section(key), *words)
            if item is not None and item.text:
                return item.text
        return None

    def pharmacokinetics(self) -> str:
        return "\n".join(
            block_text(self.section(key)) for key in ("how_it_works", "summary", "usage")
        )

    def excretion(self) -> str | None:
        """The 'Elimination Pathways' / 'Excretion' item, else the first sentence about
        excretion, else one about elimination that is not the elimination half-life."""
        item = first_labelled(self.section("how_it_works"), "elimination", "excretion")
        if item is not None and item.text and "half" not in (item.label or "").lower():
            return item.text
        found = sentences(block_text(self.section("how_it_works")))
        for sentence in found:
            if "excret" in sentence.lower():
                return sentence
        for sentence in found:
            lowered = sentence.lower()
            if "eliminat" in lowered and "half-life" not in lowered and "half life" not in lowered:
                return sentence
        return None

    def routes(self, regimens: list[Regimen], faqs: list[Faq]) -> list[str]:
        if self._text_routes is None:
            self._text_routes = self._routes_in_text(faqs)
        found: list[str] = []
        for route in [r.route for r in regimens if r.route] + self._text_routes:
            if route not in found:
                found.append(route)
        return found

    def _routes_in_text(self, faqs: list[Faq]) -> list[str]:
        texts = [block_text(self.section("dosage")), block_text(self.section("how_it_works"))]
        summary_dose = first_labelled(self.section("summary"), "dosage", "route", "administration")
        if summary_dose is not None:
            texts.append(summary_dose.text)
        texts.extend(
            faq.a
            for faq in faqs
            if "administer" in faq.q.lower() or "route" in faq.q.lower() or "taken" in faq.q.lower()
        )
        return find_routes("\n".join(texts))

    def default_route(self, faqs: list[Faq]) -> str | None:
        routes = self.routes([], faqs)
        return routes[0] if len(routes) == 1 else None

    def regimens(self, default_route: str | None) -> tuple[list[Regimen], list[SpecialCase]]:
        block = self.section("dosage")
        if block is None and not any(b.title for b in self.blocks):
            block = self.section("usage")  # a body without headings: doses are in its prose
        found: list[Regimen] = []
        special: list[SpecialCase] = []
        if block is not None:
            for sub in block.walk():
                title = sub.title.lower() if sub is not block else ""
                if "special" in title:
                    special.extend(self._special_cases(sub, default_route, found))
                    continue
                population = _population_of(title)
                paragraph_who: tuple[int, str | None] = (0, None)
                for item in sub.items():
                    text = f"{item.label}: {item.text}" if item.label else item.text
                    who = _population_of(item.label.lower()) if item.label else None
                    if who is None and paragraph_who[0] == item.line:
                        who = paragraph_who[1]  # "Adults: ... Jet lag: ..." in one paragraph
                    paragraph_who = (item.line, who)
                    found.extend(parse_regimens(text, item.line, who or population, default_route))
                    self._report_unreadable_doses(text, item.line)
        merged = self._merge_structured_regimens(fill_missing_routes(found))
        if block is not None and block.title and not merged and block.text().strip():
            self.diagnostics.warning(
                block.line,
                f"no dose could be read from section '{block.title}' "
                "(write each regimen as e.g. '3 mg orally at bedtime')",
                "no-regimen",
            )
        return merged, special

    def _report_unreadable_doses(self, text: str, line: int) -> None:
        for problem in unreadable_doses(text):
            self.diagnostics.warning(line, problem, "unreadable-dose")

    def _special_cases(
        self, block: Block, default_route: str | None, regimens: list[Regimen]
    ) -> list[SpecialCase]:
        cases = []
        for item in block.items():
            population = item.label or "Special case"
            slugs = map_conditions(population, self.conditions) or map_conditions(
                item.text, self.conditions
            )
            cases.append(
                SpecialCase(
                    population=population,
                    text=item.text,
                    condition=slugs[0] if slugs else None,
                    severity=severity_of(item.text, None),
                )
            )
            regimens.extend(parse_regimens(item.text, item.line, population, default_route))
            self._report_unreadable_doses(item.text, item.line)
        return cases

    def _merge_structured_regimens(self, parsed: list[Regimen]) -> list[Regimen]:
        raw = self.data.get("regimens")
        if raw is None:
            return parsed
        if not isinstance(raw, list):
            self.diagnostics.error(self.meta.line("regimens"), "'regimens' must be a list", "type")
            return parsed
        given: list[Regimen] = []
        for index, item in enumerate(raw):
            try:
                regimen = Regimen.model_validate(item)
            except ValidationError as exc:
                first = exc.errors()[0]
                where = "".join(f".{part}" for part in first["loc"])
                self.diagnostics.error(
                    self.meta.line("regimens", index),
                    f"regimens[{index}]{where}: {first['msg']}",
                    "schema",
                )
                continue
            if not regimen.line:
                regimen.line = self.meta.line("regimens", index)
            given.append(regimen)
        keys = {(r.amount_min, r.amount_max, r.unit, r.population) for r in given}
        return given + [
            r for r in parsed if (r.amount_min, r.amount_max, r.unit, r.population) not in keys
        ]

    def side_effects(self) -> SideEffects:
        found = SideEffects()
        block = self.section("side_effects")
        if block is None:
            return found
        for label, item in labelled(block):
            for heading, effects in _side_effect_lists(label, item):
                bucket: list[str] = getattr(found, _side_effect_class(heading) or "common")
                bucket.extend(e for e in effects if e not in bucket)
        return found

    def contraindications(self) -> list[Contraindication]:
        found: list[Contraindication] = []
        block = self.section("contraindications")
        items = labelled(block) if block is not None else []
        for _, item in items:
            text = f"{item.label}: {item.text}" if item.label else item.text
            if len(items) > 1:  # one contraindication per bullet
                whole = [text]
            else:  # a paragraph: each sentence, and each item of a list written in one
                whole = [s.rstrip(".") for s in sentences(text)]
                if item.label is None:
                    whole = [
                        entry for sentence in whole for entry in _short_list_or_whole(sentence)
                    ]
            for part in whole:
                severity = severity_of(part) or "contraindicated"
                slugs: list[str | None] = [*map_conditions(part, self.conditions)] or [None]
                found.extend(
                    Contraindication(text=part, condition=slug, severity=severity) for slug in slugs
                )
        return self._merge_structured_contraindications(found)

    def _merge_structured_contraindications(
        self, parsed: list[Contraindication]
    ) -> list[Contraindication]:
        raw = self.data.get("contraindications")
        if raw is None:
            return parsed
        if not isinstance(raw, list):
            self.diagnostics.error(
                self.meta.line("contraindications"), "'contraindications' must be a list", "type"
            )
            return parsed
        given: list[Contraindication] = []
        for index, item in enumerate(raw):
            if isinstance(item, str):
                slugs = map_conditions(item, self.conditions)
                given.append(
                    Contraindication(
                        text=item,
                        condition=slugs[0] if slugs else None,
                        severity=severity_of(item) or "contraindicated",
                    )
                )
                continue
            try:
                given.append(Contraindication.model_validate(item))
            except ValidationError as exc:
                first = exc.errors()[0]
                where = "".join(f".{part}" for part in first["loc"])
                self.diagnostics.error(
                    self.meta.line("contraindications", index),
                    f"contraindications[{index}]{where}: {first['msg']}",
                    "schema",
                )
        known = {(c.condition, c.text) for c in given}
        return given + [
            c
            for c in parsed
            if (c.condition, c.text) not in known
            and not (c.condition and any(g.condition == c.condition for g in given))
        ]

    def pregnancy(self) -> tuple[str | None, str | None, str | None]:
        block = self.section("pregnancy")
        category: str | None = None
        pregnancy: str | None = None
        breastfeeding: str | None = None
        if block is None:
            return None, None, None
        for label, item in labelled(block):
            if "categor" in label:
                match = _PREGNANCY_CATEGORY.match(item.text)
                category = category or (match.group(1) if match else None)
                pregnancy = pregnancy or item.text
            elif "pregnan" in label and item.label:
                pregnancy = pregnancy or item.text
            elif any(w in label for w in ("breast", "lactat", "nursing")) and item.label:
                breastfeeding = breastfeeding or item.text
            else:
                for sentence in sentences(item.text):
                    lowered = sentence.lower()
                    if "pregnan" in lowered and pregnancy is None:
                        pregnancy = sentence
                    if any(w in lowered for w in ("breast", "lactat", "nursing")):
                        breastfeeding = breastfeeding or sentence
        if category is None:
            match = _CATEGORY_IN_TEXT.search(block_text(block))
            category = match.group(1) if match else None
        return category, pregnancy, breastfeeding

    def monitoring(self, faqs: list[Faq]) -> list[str]:
        own = self.section("monitoring")
        items = labelled(own) if own is not None else []
        if len(items) == 1:  # a section of its own written as one list
            return _list_items(items[0][1].text)
        if items:  # one parameter per bullet
            return [f"{i.label}: {i.text}" if i.label else i.text.rstrip(".") for _, i in items]
        for key in ("summary", "precautions", "dosage"):
            item = first_labelled(self.section(key), "monitoring")
            if item is not None and item.text:
                return _list_items(item.text)
        for faq in faqs:
            if "monitor" in faq.q.lower() and faq.a:
                return _list_items(faq.a)
        return []

    def combinations(self) -> list[Combination]:
        """One record per compound named: 'Quercetin and vitamin D3' is two, each with the
        purpose written after 'for', a dash or in brackets."""
        block = self.section("combinations")
        found: list[Combination] = []
        if block is None:
            return found
        for _, item in labelled(block):
            text = f"{item.label}: {item.text}" if item.label else item.text
            if _is_placeholder(text):  # "None documented", "N/A"
                continue
            if item.label:
                named, purpose = item.label, item.text
            else:
                parts = _COMBINATION_JOIN.split(text, maxsplit=1)
                named, purpose = parts[0], (parts[1] if len(parts) > 1 else "")
            named, aside = _without_brackets(named.strip().rstrip(".:,;"))
            purpose = _LEADING_PURPOSE.sub("", (purpose.strip() or aside).strip()).rstrip(".")
            for name in _list_items(named):
                found.append(
                    Combination(
                        text=text.rstrip("."), name=_capitalised(name), purpose=purpose or None
                    )
                )
        return found

    def list_of_sentences(self, key: str) -> list[str]:
        found: list[str] = []
        block = self.section(key)
        for _, item in labelled(block) if block is not None else []:
            text = f"{item.label}: {item.text}" if item.label else item.text
            found.extend(sentences(text))
        return found

    def faqs(self) -> list[Faq]:
        front: list[LocatedFaq] = []
        raw = self.data.get("faqs")
        if isinstance(raw, list):
            front = repair_frontmatter_faqs(raw, self.meta, self.diagnostics)
        return reconcile_faqs(front, body_faqs(self.section("faqs")), self.diagnostics)

    def sections(self) -> list[Section]:
        titled = [block for block in self.blocks if block.title]
        if not titled:
            usage = self.by_key.get("usage")
            markdown = usage.own_markdown().strip() if usage is not None else ""
            if not markdown:
                return []
            html = markdown_to_html(markdown)
            return [Section(key="usage", title="Usage", markdown=markdown, html=html, line=1)]
        notes: list[tuple[int, str]] = []
        rendered = _split_rendered(markdown_to_html(self.body, notes), len(titled))
        for line, message in notes:
            self.diagnostics.warning(self.body_line + line - 1, message, "nesting")
        html_of = {id(block): rendered[i] for i, block in enumerate(titled)} if rendered else {}
        repeated = {id(block): first for first, block in self.duplicates}
        found = []
        for block in titled:
            if id(block) in repeated:
                continue
            markdown = block.markdown()
            if not markdown.strip():
                continue
            twins = [dup for first, dup in self.duplicates if first is block]
            rendered_part = html_of.get(id(block))
            if rendered_part is None:
                html = markdown_to_html(markdown)
            else:
                html = "\n".join([rendered_part, *(html_of.get(id(dup), "") for dup in twins)])
            found.append(
                Section(
                    key=block.key, title=block.title, markdown=markdown, html=html, line=block.line
                )
            )
        return found

    def report_misspelled_headings(self) -> None:
        for block in self.blocks:
            for sub in block.walk():
                if sub.written_title:
                    self.diagnostics.warning(
                        sub.line,
                        f"unknown section '{sub.written_title}'; did you mean '{sub.title}'? "
                        "Its content is read as that section",
                        "heading-repair",
                    )

    def report_missing_sections(self) -> None:
        for first, repeated in self.duplicates:
            self.diagnostics.warning(
                repeated.line,
                f"section '{repeated.title}' appears again (first at line {first.line}); "
                "its content is read as part of the first",
                "duplicate-section",
            )
        title = fold_name(str(self.data.get("title", "")))
        for block in self.blocks:
            if block.title and block.is_empty() and fold_name(block.title) != title:
                self.diagnostics.warning(
                    block.line, f"section '{block.title}' is empty", "empty-section"
                )
        for key, title in EXPECTED_SECTIONS.items():
            if key not in self.by_key:
                self.diagnostics.warning(
                    self.body_line, f"missing section '{title}'", "missing-section"
                )


_GREEK_SYMBOLS = {
    "alpha": "α",
    "beta": "β",
    "gamma": "γ",
    "delta": "δ",
    "kappa": "κ",
    "omega": "ω",
    "epsilon": "ε",
    "theta": "θ",
    "lambda": "λ",
}
_NAME_WORDS = re.compile(r"[A-Za-z]+|\d+")
_NUMBER_AFTER_TITLE = re.compile(r"[\s-]+(\d{1,2})\b")


# A number next to a short word: where a dose is written ("2OO mg", "300 mh").
# The digit comes first and the character before it is checked after: the engine then skips
# to digits instead of trying the look-behind at every character.
_DOSE_LIKE = re.compile(
    r"(?P<number>\d(?<![\w.,]\d)[\dOoIl.,]*)\s?(?P<unit>[A-Za-zµμ]{1,4})(?![\w/])"
)
_DOSE_UNITS = ("mg", "mcg", "g", "mL", "IU", "units")
# Short words that follow numbers in profiles and are not doses (times, weights, ordinals...).
_NOT_UNITS = frozenset(
    [
        "mg",
        "mcg",
        "µg",
        "μg",
        "ug",
        "g",
        "gm",
        "ng",
        "ml",
        "mL",
        "l",
        "dl",
        "iu",
        "unit",
        "kg",
        "lb",
        "lbs",
        "mm",
        "cm",
        "nm",
        "mmol",
        "mol",
        "h",
        "hr",
        "hrs",
        "min",
        "mins",
        "s",
        "sec",
        "d",
        "day",
        "days",
        "wk",
        "wks",
        "mo",
        "mos",
        "yr",
        "yrs",
        "am",
        "pm",
        "x",
        "to",
        "or",
        "and",
        "in",
        "of",
        "at",
        "on",
        "per",
        "a",
        "an",
        "st",
        "nd",
        "rd",
        "th",
    ]
)


@lru_cache(maxsize=1024)  # the words after numbers are few: "weeks", "days", "hours"...
def _one_letter_off(unit: str) -> tuple[str, ...]:
    """The dose units one letter away from `unit` (lower case)."""
    return tuple(u for u in _DOSE_UNITS if Levenshtein.distance(unit, u.lower()) == 1)


def unreadable_doses(text: str) -> list[str]:
    """What in `text` looks like a dose but cannot be read: a letter among the digits
    ('2OO mg') or a unit that is one letter off a dose unit ('300 mh')."""
    problems = []
    for match in _DOSE_LIKE.finditer(text):
        number, unit = match.group("number").rstrip(".,"), match.group("unit")
        written = match.group(0)
        if not number.replace(".", "").replace(",", "").isdigit():
            if unit.lower() in _NOT_UNITS:
                problems.append(
                    f"dose '{written}' not understood: '{number}' is not a number "
                    "(a letter among the digits?)"
                )
            continue
        if unit.lower() in _NOT_UNITS or unit in _NOT_UNITS:
            continue
        close = _one_letter_off(unit.lower())
        if close and len(unit) >= 2:
            options = " or ".join(f"'{u}'" for u in close)
            problems.append(
                f"dose '{written}' not understood: '{unit}' is not a unit (did you mean {options}?)"
            )
    return problems


def abbreviations(name: str) -> list[str]:
    """Short forms of a numbered Greek-letter name: 'Thymosin alpha 1' -> ['Tα1', 'TA1'].

    Only names of 2-4 words with one Greek letter word (not first) followed by a number.
    """
    words = _NAME_WORDS.findall(name)
    greek = [i for i, word in enumerate(words) if word.lower() in _GREEK_SYMBOLS]
    if not 3 <= len(words) <= 4 or len(greek) != 1 or greek[0] == 0:
        return []
    at = greek[0]
    number = "".join(words[at + 1 :])
    if not number.isdigit():
        return []
    head = "".join(word[0].upper() for word in words[:at])
    letter = words[at].lower()
    return [f"{head}{_GREEK_SYMBOLS[letter]}{number}", f"{head}{letter[0].upper()}{number}"]


def _derived_names(title: str, names: list[str], usage: str) -> list[str]:
    """The numbered form of the title when the Usage text opens with it ('Thymosin alpha 1'
    for a profile titled 'Thymosin alpha'), and the abbreviations of every numbered name."""
    found: list[str] = []
    # a string prefix test, not a regex built from the title (one compile per profile)
    if title and usage and usage[: len(title)].lower() == title.lower():
        numbered = _NUMBER_AFTER_TITLE.match(usage, len(title))
        if numbered:
            found.append(f"{title} {numbered.group(1)}")
    for name in [title, *names, *found]:
        found.extend(abbreviations(name))
    return list(dict.fromkeys(found))


def _split_rendered(html: str, sections: int) -> list[str] | None:
    """The body rendered once, cut at its top-level headings (one render instead of one per
    section is ~4x cheaper). None when the headings cannot be matched one-to-one to the parsed
    sections, e.g. a heading inside a blockquote; callers then render each section alone."""
    levels = [int(level) for level in _RENDERED_HEADING.findall(html)]
    if not levels:
        return None if sections else []
    top = 2 if 2 in levels else min(levels)
    parts = re.split(rf"<h[1-{top}]>.*?</h[1-{top}]>\n?", html, flags=re.DOTALL)
    if len(parts) - 1 != sections:
        return None
    return [part.strip() for part in parts[1:]]


def _population_of(title: str) -> str | None:
    if "adult" in title:
        return "adults"
    if any(word in title for word in ("child", "pediatric", "paediatric", "adolescent")):
        return "children"
    if "elderly" in title or "geriatric" in title:
        return "elderly"
    return None


_LEADING_PURPOSE = re.compile(r"^(?:for|to|in)\s+", re.IGNORECASE)
_BRACKETED = re.compile(r"\s*\(([^()]*)\)\s*")


def _without_brackets(text: str) -> tuple[str, str]:
    """'Metformin (type 2 diabetes)' -> ('Metformin', 'type 2 diabetes')."""
    asides = _BRACKETED.findall(text)
    if not asides:
        return text, ""
    return " ".join(_BRACKETED.sub(" ", text).split()), "; ".join(a.strip() for a in asides)


def _capitalised(name: str) -> str:
    """'vitamin D3' from a running list is shown as 'Vitamin D3'; 'mTOR' is left alone."""
    first_word = name.split(" ", 1)[0]
    if any(char.isupper() for char in first_word):
        return name
    return name[:1].upper() + name[1:]


_SHORT_ITEM_WORDS = 8


_CLAUSE_START = re.compile(
    r"^(?:and|or|but|because|as|since|given|only|which|who|if|unless|when|while|so|use|avoid)\b",
    re.IGNORECASE,
)


def _short_list_or_whole(text: str) -> list[str]:
    """'Hypersensitivity, renal impairment (caution), pregnancy' is three items; a sentence
    whose commas join clauses ('use caution, and only with supervision') stays whole."""
    items = split_items(text)
    if len(items) < 2 or ":" in text or ";" in text:  # a semicolon joins a reason on
        return [text]
    if all(len(item.split()) <= _SHORT_ITEM_WORDS for item in items) and not any(
        _CLAUSE_START.match(item) for item in items[1:]
    ):
        return items
    return [text]


@lru_cache(maxsize=1024)  # headings repeat: "common side effects:", "rare but serious ..."
def _side_effect_class(heading: str) -> str | None:
    """The frequency class a heading or lead-in names, or None when it names none."""
    for name, words in _SIDE_EFFECT_CLASSES:
        if any(word in heading for word in words):
            return name
    return None


def _side_effect_lists(label: str, item: Bullet) -> list[tuple[str, list[str]]]:
    """(what says how often, effects) for a side-effects item: its label or heading, or, in
    prose, each sentence's opening words ("Rarely, copper deficiency and anaemia")."""
    if item.label is None and _side_effect_class(label) is None:
        found = []
        for sentence in split_sentences(item.text):
            lead = _SIDE_EFFECT_LEAD.match(sentence)
            if lead is not None:
                found.append((lead.group(0).lower(), _list_items(sentence[lead.end() :])))
        if found:
            return found
    return [(label, split_items(item.text))]


def _list_items(text: str) -> list[str]:
    """A list written in running text: 'a, b and c' -> ['a', 'b', 'c']."""
    items: list[str] = []
    for item in split_items(text):
        for part in _AND_SPLIT.split(item):
            part = _LEADING_AND.sub("", part.strip()).rstrip(".")
            if part and part not in items:
                items.append(part)
    return items


def _classes(texts: list[str], routes: list[str]) -> list[str]:
    joined = " " + " ".join(texts).lower().replace("(", " ").replace("/", " ")
    tags = [tag for tag, words in CLASS_KEYWORDS if contains_any(joined, words)]
    for tag, implied in CLASS_IMPLIES.items():
        if tag in tags and implied not in tags:
            tags.append(implied)
    if INJECTABLE_ROUTES.intersection(routes):
        tags.append("injectable")
    return tags


def _last_modified(value: Any) -> str | None:
    """The date to publish; one that cannot exist (reported by validate) is not published."""
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value.strip() if isinstance(value, str) and is_calendar_date(value) else None


def parse_profile(
    text: str, path: str, conditions: list[Condition] | None = None, slug: str | None = None
) -> tuple[Compound | None, list[Diagnostic]]:
    """Parse, repair and validate one compound profile.

    Returns the Compound (None when the file has errors) and every diagnostic; repairs are
    warnings and are also listed in `Compound.warnings`. `slug` (the file name stem in a
    library) wins over the frontmatter `slug` and the slugified title.
    """
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    diagnostics = Diagnostics(path)
    try:
        document = split_frontmatter(text, path)
    except ContentError as exc:
        return None, [exc.diagnostic]
    profile = _Profile(document, path, conditions, diagnostics)
    profile.normalise_frontmatter()
    if not profile.validate():
        return None, diagnostics.items
    data = profile.data
    conflict = slug_conflict(data.get("slug"), slug)
    if conflict:
        diagnostics.warning(profile.meta.line("slug"), conflict, "slug")
    whitespace_report(text, diagnostics, document.body_line)
    profile.report_misspelled_headings()
    profile.report_missing_sections()

    faqs = profile.faqs()
    default_route = profile.default_route(faqs)
    regimens, special_cases = profile.regimens(default_route)
    routes = profile.routes(regimens, faqs)
    classification = profile.classification_text()
    compound_class = profile.compound_class(classification)
    mechanism = profile.mechanism()
    pk = profile.pharmacokinetics()
    pk_lines = pk.split("\n")
    half_life = _first_span(find_half_life, pk_lines, ("half", "t1/2", "t½", "t 1/2"))
    peak = _first_span(find_time_to_peak, pk_lines, ("peak", "max"))
    urine = _search_lines(_PERCENT_URINE, pk_lines, ("%",)) or _search_lines(
        _URINE_PERCENT, pk_lines, ("%",)
    )
    category, pregnancy, breastfeeding = profile.pregnancy()
    usage = profile.usage_text()
    description = repair_description(
        str(data["description"]), usage, profile.meta.line("description"), diagnostics
    )
    class_texts = (compound_class, classification, mechanism)
    # editors' explicit tags add to what the class and mechanism text implies
    classes = sorted(
        {*_classes([t for t in class_texts if t], routes), *profile._string_list("classes")}
    )
    contraindications = profile.contraindications()
    if diagnostics.has_errors:
        return None, diagnostics.items

    title = clean_inline(str(data["title"]))
    given_slug = data.get("slug") if isinstance(data.get("slug"), str) else None
    ban_details = data.get("ban_details")
    iu_per_mg = data.get("iu_per_mg")
    compound = Compound(
        slug=slug or given_slug or slugify(title),
        title=title,
        description=description,
        is_banned=bool(data.get("is_banned", False)),
        ban_details=clean_inline(ban_details) if isinstance(ban_details, str) else None,
        last_modified=_last_modified(data.get("lastModified")),
        names=profile.names(),
        compound_class=compound_class,
        classes=classes,
        mechanism=mechanism,
        usage=usage,
        half_life_hours=round(half_life.hours, 4) if half_life else None,
        time_to_peak_hours=[peak.low_hours, peak.high_hours] if peak else None,
        excretion=profile.excretion(),
        excretion_percent=_percent_range(urine) if urine else None,
        routes=routes,
        regimens=regimens,
        special_cases=special_cases,
        side_effects=profile.side_effects(),
        contraindications=contraindications,
        interactions=profile.list_of_sentences("interactions"),
        pregnancy_category=category,
        pregnancy=pregnancy,
        breastfeeding=breastfeeding,
        monitoring=profile.monitoring(faqs),
        combinations=profile.combinations(),
        precautions=profile.list_of_sentences("precautions"),
        faqs=faqs,
        goals=profile._string_list("goals"),
        effects=sorted(
            {CLASS_EFFECTS[tag] for tag in classes if tag in CLASS_EFFECTS}
            | set(profile._string_list("effects"))
        ),
        aliases=profile._string_list("aliases"),
        iu_per_mg=float(iu_per_mg) if isinstance(iu_per_mg, (int, float)) else None,
        **{key: fact for key in KEY_FACT_KEYS if (fact := _key_fact(data.get(key)))},
        sections=profile.sections(),
        sources=parse_field_sources(data.get("sources"), diagnostics, 1),
        source_path=path,
        warnings=[
            f"{d.path}:{d.line}: {d.message}"
            for d in diagnostics.items
            if d.level == "warning" and d.code not in ("missing-section", "unknown-key")
        ],
    )
    return compound, diagnostics.items


def _key_fact(value: object) -> str | None:
    """A key fact as one line: a list ("US (FDA)", "EU (EMA)") is joined with semicolons."""
    items = value if isinstance(value, list) else [value]
    texts = [clean_inline(item) for item in items if isinstance(item, str) and item.strip()]
    return "; ".join(texts) or None


__all__ = ["abbreviations", "parse_profile", "sentences", "split_items"]
