"""Compound names: folding for lookup and resolution of any name to a canonical slug."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import lru_cache

GREEK = {
    "α": "alpha",
    "β": "beta",
    "γ": "gamma",
    "δ": "delta",
    "ε": "epsilon",
    "κ": "kappa",
    "λ": "lambda",
    "μ": "mu",
    "ω": "omega",
    "τ": "tau",
    "θ": "theta",
}
# Common spelling variants that should fold together ("alfa" is the INN spelling of "alpha").
_VARIANTS = {"alfa": "alpha"}
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_LETTER_DIGIT = re.compile(r"(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])")


def _tokens(name: str) -> list[str]:
    text = name.strip().lower()
    if not text.isascii():  # ASCII has no Greek letters or accents to fold
        text = "".join(f" {GREEK[ch]} " if ch in GREEK else ch for ch in text)
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _LETTER_DIGIT.sub(" ", text)
    return [_VARIANTS.get(t, t) for t in _NON_ALNUM.split(text) if t]


@lru_cache(maxsize=262_144)
def fold_name(name: str) -> str:
    """Fold case, punctuation, hyphens, spaces and Greek letters: 'Tα-1' -> 'talpha1'."""
    return "".join(_tokens(name))


def slugify(text: str) -> str:
    """A URL slug: 'Thymosin Alpha-1' -> 'thymosin-alpha-1', 'Tα1' -> 'talpha-1'."""
    return "-".join(_tokens(text)) or "item"


def slug_conflict(given: object, file_slug: str | None) -> str | None:
    """The warning for a frontmatter `slug` that the file name overrides (a library page's
    address comes from its file name); None when there is nothing to say."""
    if file_slug is None or not isinstance(given, str) or not given.strip():
        return None
    if given.strip().lower() == file_slug.lower() or slugify(given) == slugify(file_slug):
        return None
    return f"slug '{given.strip()}' differs from the file name '{file_slug}'; the file name is used"


@lru_cache(maxsize=262_144)
def family_key(name: str) -> str:
    """The folded name without a trailing member number: 'Thymosin Alpha-1' -> 'thymosinalpha'."""
    return _family(_tokens(name))


def _family(tokens: list[str]) -> str:
    if len(tokens) > 1 and tokens[-1] == "1":
        tokens = tokens[:-1]
    return "".join(tokens)


def build_name_index(
    names_by_slug: Mapping[str, Iterable[str]],
) -> tuple[dict[str, str], list[tuple[str, str, str]]]:
    """Map every folded name (and its family key) to a slug.

    Returns the index and the conflicts as (name, first owner, second claimant). A trailing-"1"
    family key is added only where no other compound claims that family, so "thymosin alpha 1"
    finds "Thymosin alpha" but would not if a "Thymosin alpha 2" existed.
    """
    index: dict[str, str] = {}
    conflicts: list[tuple[str, str, str]] = []
    families: dict[str, set[str]] = {}
    for slug, names in names_by_slug.items():
        for name in sorted({slug, *names}):
            tokens = _tokens(name)  # once per name: the folded key and the family key both
            families.setdefault(_family(tokens), set()).add(slug)
            key = "".join(tokens)
            if not key:
                continue
            owner = index.get(key)
            if owner is not None and owner != slug:
                conflicts.append((name, owner, slug))
                continue
            index[key] = slug
    for key, slugs in families.items():
        if len(slugs) == 1 and key:
            slug = next(iter(slugs))
            index.setdefault(key, slug)
            index.setdefault(key + "1", slug)
    return index, conflicts


def resolve(name: str, index: dict[str, str]) -> str | None:
    """The canonical slug for any name, or None."""
    key = fold_name(name)
    if key in index:
        return index[key]
    return index.get(family_key(name))
