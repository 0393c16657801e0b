"""Map contraindication and special-case prose to the personal-condition vocabulary.

The build passes the parsed conditions.yaml; without it a built-in vocabulary with the same
slugs is used. Synonyms match on word boundaries, longest first, case-insensitively.
"""

from __future__ import annotations

import re
from functools import lru_cache

from evidex.content.models import Condition, Severity
from evidex.text.advice import advice_level

DEFAULT_CONDITIONS: tuple[Condition, ...] = (
    Condition(
        slug="pregnancy",
        name="Pregnancy",
        category="life-stage",
        synonyms=["pregnant", "pregnancy", "pregnant women", "gestation", "expecting"],
    ),
    Condition(
        slug="breastfeeding",
        name="Breastfeeding",
        category="life-stage",
        synonyms=[
            "breastfeeding",
            "breast-feeding",
            "breast feeding",
            "lactation",
            "lactating",
            "nursing mothers",
            "breast milk",
        ],
    ),
    Condition(
        slug="immunosuppressed",
        name="Immunosuppressed / transplant",
        synonyms=[
            "immunosuppressed",
            "immunosuppression",
            "immunocompromised",
            "immune-compromised",
            "organ transplant",
            "transplant recipients",
            "transplant recipient",
            "transplant",
        ],
    ),
    Condition(
        slug="autoimmune-disease",
        name="Autoimmune disease",
        synonyms=[
            "autoimmune",
            "autoimmune disease",
            "autoimmune diseases",
            "autoimmune disorder",
            "autoimmune disorders",
            "lupus",
            "rheumatoid arthritis",
            "multiple sclerosis",
        ],
    ),
    Condition(
        slug="renal-impairment",
        name="Renal impairment",
        synonyms=[
            "renal impairment",
            "renal insufficiency",
            "renal failure",
            "renal dysfunction",
            "renal disease",
            "kidney disease",
            "kidney impairment",
            "kidney failure",
            "impaired renal function",
        ],
    ),
    Condition(
        slug="hepatic-impairment",
        name="Hepatic impairment",
        synonyms=[
            "hepatic impairment",
            "hepatic dysfunction",
            "hepatic insufficiency",
            "hepatic failure",
            "liver disease",
            "liver failure",
            "liver impairment",
            "liver dysfunction",
            "cirrhosis",
            "impaired hepatic function",
        ],
    ),
    Condition(
        slug="under-18",
        name="Under 18",
        category="age",
        synonyms=[
            "children",
            "child",
            "pediatric",
            "paediatric",
            "adolescents",
            "under 18",
            "under the age of 18",
            "below the age of 18",
            "minors",
        ],
    ),
    Condition(
        slug="hypersensitivity",
        name="Hypersensitivity",
        synonyms=["hypersensitivity", "hypersensitive", "allergy", "allergic to", "known allergy"],
    ),
    Condition(
        slug="elderly",
        name="Elderly",
        category="age",
        synonyms=["elderly", "geriatric", "older adults", "over 65", "aged 65"],
    ),
    Condition(
        slug="cancer-history",
        name="History of cancer",
        synonyms=[
            "cancer",
            "malignancy",
            "malignancies",
            "tumor",
            "tumour",
            "tumors",
            "tumours",
            "neoplasm",
            "neoplasia",
        ],
    ),
    Condition(slug="diabetes", name="Diabetes", synonyms=["diabetes", "diabetic", "diabetics"]),
    Condition(
        slug="cardiovascular-disease",
        name="Cardiovascular disease",
        synonyms=[
            "cardiovascular disease",
            "heart disease",
            "heart failure",
            "arrhythmia",
            "arrhythmias",
            "coronary artery disease",
            "myocardial infarction",
            "cardiac disease",
        ],
    ),
    Condition(
        slug="bleeding-disorder",
        name="Bleeding disorder",
        synonyms=[
            "bleeding disorder",
            "bleeding disorders",
            "hemophilia",
            "haemophilia",
            "coagulopathy",
            "bleeding risk",
        ],
    ),
)


@lru_cache(maxsize=32)
def _matcher(
    vocabulary: tuple[tuple[str, tuple[str, ...]], ...],
) -> tuple[re.Pattern[str], dict[str, str]]:
    owner: dict[str, str] = {}
    for slug, words in vocabulary:
        for word in words:
            owner.setdefault(word.lower(), slug)
    ordered = sorted(owner, key=len, reverse=True)
    pattern = (
        re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(word) for word in ordered) + r")(?![\w-])")
        if ordered
        else re.compile(r"(?!x)x")
    )
    return pattern, owner


def _vocabulary(conditions: list[Condition] | None) -> tuple[tuple[str, tuple[str, ...]], ...]:
    defaults = {condition.slug: condition for condition in DEFAULT_CONDITIONS}
    chosen = conditions if conditions else list(DEFAULT_CONDITIONS)
    entries = []
    for condition in chosen:
        words = [condition.name, condition.slug.replace("-", " "), *condition.synonyms]
        builtin = defaults.get(condition.slug)
        if builtin is not None and builtin is not condition:
            words.extend(builtin.synonyms)
        entries.append((condition.slug, tuple(word for word in words if word.strip())))
    return tuple(entries)


_last_vocabulary: list[tuple[list[Condition] | None, tuple[tuple[str, tuple[str, ...]], ...]]] = []


def _cached_vocabulary(
    conditions: list[Condition] | None,
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    # The build passes the same list for every file; rebuilding the tuple per call is waste.
    if _last_vocabulary and _last_vocabulary[0][0] is conditions:
        return _last_vocabulary[0][1]
    vocabulary = _vocabulary(conditions)
    _last_vocabulary[:] = [(conditions, vocabulary)]
    return vocabulary


def map_conditions(text: str, conditions: list[Condition] | None = None) -> list[str]:
    """Condition slugs named in `text`, in order of first mention, without repeats."""
    pattern, owner = _matcher(_cached_vocabulary(conditions))
    found: list[str] = []
    for match in pattern.finditer(text.lower()):
        slug = owner.get(match.group().lower())
        if slug is not None and slug not in found:
            found.append(slug)
    return found


def severity_of(text: str, default: Severity | None = "contraindicated") -> Severity | None:
    """'contraindicated' when the text forbids the compound (avoid, not recommended, 'unless
    benefits outweigh risks'), 'caution' when it softens the warning or forbids only a route,
    else default."""
    level = advice_level(text)
    if level == "avoid":
        return "contraindicated"
    if level == "caution":
        return "caution"
    return default
