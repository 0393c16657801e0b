"""The whole library in memory after parsing and linking: what every write step receives."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

from evidex.content.diagnostics import Diagnostic
from evidex.content.models import Article, Compound, Condition, Goal, InteractionRule
from evidex.evidence.models import Study


@dataclass
class TierResult:
    compound_slug: str
    goal: str
    tier: int
    tier_name: str
    rationale: str
    study_ids: list[str] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)  # pooled estimates, inputs
    forest_svg: str = ""


class SourceRecord(NamedTuple):
    """One library file as a build read it: an incremental build compares the folder with these
    (the `sources` table) and rewrites only the compounds whose files changed."""

    rel: str
    kind: str
    size: int
    mtime_ns: int
    digest: str
    owner: str | None  # the compound the file is about: its profile, articles and studies


@dataclass
class Library:
    compounds: dict[str, Compound] = field(default_factory=dict)  # by slug
    articles: dict[str, Article] = field(default_factory=dict)  # by slug
    studies: dict[str, Study] = field(default_factory=dict)  # by id (curated + extracted)
    extracted: dict[str, list[Study]] = field(default_factory=dict)  # by article slug
    goals: dict[str, Goal] = field(default_factory=dict)
    conditions: dict[str, Condition] = field(default_factory=dict)
    interactions: list[InteractionRule] = field(default_factory=list)
    interactions_path: str = "interactions.yaml"  # as shown in messages
    vendors: dict[str, Any] = field(default_factory=dict)  # by slug; vendors.models.Vendor
    currency: Any = None  # vendors.models.RateTable
    name_index: dict[str, str] = field(default_factory=dict)  # folded name -> slug
    tiers: list[TierResult] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    content_hash: str = ""
    sources: list[SourceRecord] = field(default_factory=list)


@dataclass
class LibraryPart:
    """What an incremental build rewrites: a few compounds with all of their files, parsed,
    linked against the whole library's names and graded; write hooks update their own rows
    of these (`compounds`, `articles`, before and after the edit) from `library`."""

    library: Library
    compounds: set[str]
    articles: set[str]
    paths: set[str]  # every file of those compounds: their diagnostics are rewritten
