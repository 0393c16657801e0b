"""Typed content models: the boundary between parsing and everything else.

Every parser returns these; the build stores them as JSON (``model_dump(mode="json")``)
and query functions hand the same dicts to the HTML pages, the JSON API and the CLI.
Field names here ARE the public JSON field names.
"""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, Field, computed_field

from evidex.evidence.models import Study
from evidex.modelbase import LeanModel

Severity = Literal["contraindicated", "caution"]
RegimenKind = Literal["maintenance", "single_dose", "daily_course", "weight_based", "other"]
InteractionSeverity = Literal["contraindicated", "avoid", "monitor", "minor"]


class Model(LeanModel):
    model_config = ConfigDict(extra="forbid", frozen=False)


class Faq(Model):
    q: str
    a: str


class Names(Model):
    alternate: list[str] = Field(default_factory=list)
    brand: list[str] = Field(default_factory=list)


class Regimen(Model):
    """One dosing regimen, parsed from dosage prose (or given in frontmatter `regimens:`)."""

    amount_min: float
    amount_max: float
    unit: str  # "mg", "mcg", "g", "IU", "mcg/kg", "mg/kg"
    route: str | None = None  # "subcutaneous", "intramuscular", "oral", "intravenous", ...
    doses_per_week: float | None = None  # the fewest, when the text gives a range
    doses_per_week_max: float | None = None  # the most, only when the text gives a range
    interval_days: float | None = None
    duration: str | None = None  # human text, e.g. "6-12 months"
    duration_min_days: float | None = None
    duration_max_days: float | None = None
    population: str | None = None  # "adults", "patients <40 kg", "children"
    max_weight_kg: float | None = None  # population bound when weight-limited
    indication: str | None = None
    kind: RegimenKind = "maintenance"
    text: str = ""  # the sentence it came from
    line: int = 0


class Contraindication(Model):
    text: str
    condition: str | None = None  # slug in conditions.yaml, None when unmapped
    severity: Severity = "contraindicated"


class SideEffects(Model):
    common: list[str] = Field(default_factory=list)
    rare_serious: list[str] = Field(default_factory=list)
    long_term: list[str] = Field(default_factory=list)
    adverse_reactions: list[str] = Field(default_factory=list)


class SpecialCase(Model):
    population: str  # "Elderly Patients", "Patients with Renal Impairment"
    text: str
    condition: str | None = None  # mapped condition slug
    severity: Severity | None = None


class Section(Model):
    """A body section kept for display: its heading, its markdown and its rendered HTML."""

    key: str  # canonical key, e.g. "usage", "dosage", "side_effects"
    title: str
    markdown: str
    html: str = ""
    line: int = 0


class FieldSource(Model):
    """Where a drafted field came from: a drug label's section, version and date."""

    model_config = ConfigDict(extra="ignore", populate_by_name=True)

    field: str  # "pregnancy", "dosage", "half_life", ...
    kind: str = Field("label", alias="from")
    set_id: str
    version: str | None = None
    date: str | None = None  # ISO date of the label version
    section: str | None = None  # the label's own number, e.g. "8.1"
    code: str | None = None  # LOINC section code
    title: str | None = None
    file: str | None = None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def description(self) -> str:
        """'From the label, section 8.1, version 20 (2017-11-07)'."""
        parts = [f"From the {self.kind}"]
        if self.section:
            parts.append(f"section {self.section}")
        elif self.title:
            parts.append(f"section “{self.title}”")
        if self.version:
            parts.append(f"version {self.version}" + (f" ({self.date})" if self.date else ""))
        elif self.date:
            parts.append(self.date)
        return ", ".join(parts)


class Compound(Model):
    slug: str
    title: str
    description: str
    is_banned: bool = False
    ban_details: str | None = None
    last_modified: str | None = None  # ISO 8601 as written
    names: Names = Field(default_factory=Names)
    compound_class: str | None = None  # "Immunomodulatory agent"
    classes: list[str] = Field(
        default_factory=list
    )  # normalised class tags, e.g. "immunomodulator"
    mechanism: str | None = None
    usage: str | None = None
    half_life_hours: float | None = None
    time_to_peak_hours: list[float] | None = None  # [min, max]
    excretion: str | None = None
    excretion_percent: list[float] | None = None  # [min, max] share excreted in urine
    routes: list[str] = Field(default_factory=list)
    regimens: list[Regimen] = Field(default_factory=list)
    special_cases: list[SpecialCase] = Field(default_factory=list)
    side_effects: SideEffects = Field(default_factory=SideEffects)
    contraindications: list[Contraindication] = Field(default_factory=list)
    interactions: list[str] = Field(default_factory=list)
    pregnancy_category: str | None = None
    pregnancy: str | None = None
    breastfeeding: str | None = None
    monitoring: list[str] = Field(default_factory=list)
    combinations: list[Combination] = Field(default_factory=list)
    precautions: list[str] = Field(default_factory=list)
    faqs: list[Faq] = Field(default_factory=list)
    goals: list[str] = Field(default_factory=list)  # goal slugs from frontmatter `goals:`
    effects: list[str] = Field(default_factory=list)  # e.g. "lowers-blood-glucose", "sedating"
    aliases: list[str] = Field(default_factory=list)  # extra names from frontmatter `aliases:`
    iu_per_mg: float | None = None  # conversion for vendor price normalisation
    # Key facts, as the editor wrote them (None: not stated)
    short_name: str | None = None  # "Tα1": how evidence labels name it
    prescription: str | None = None  # "Prescription only in the US, EU and UK"
    approved: str | None = None  # "US (FDA) and EU (EMA) for type 2 diabetes"
    boxed_warning: str | None = None  # the regulator's boxed warning, in brief
    sections: list[Section] = Field(default_factory=list)
    sources: list[FieldSource] = Field(default_factory=list)  # drafted fields' sources
    source_path: str = ""
    warnings: list[str] = Field(default_factory=list)  # repairs made, "path:line: message"


class Combination(Model):
    text: str  # "Interferon alpha for chronic hepatitis B and C"
    name: str  # "Interferon alpha"
    slug: str | None = None  # resolved at link time, None when the library lacks it
    purpose: str | None = None


class Article(Model):
    slug: str
    title: str
    compound: str  # as written in frontmatter
    compound_slug: str | None = None  # resolved at link time
    goal: str  # goal slug
    tier: int | None = None  # editor's tier (a claim; the computed tier wins)
    last_modified: str | None = None
    summary: str = ""
    disclaimer: str | None = None
    body_markdown: str = ""
    body_line: int = 1  # file line where body_markdown starts, for diagnostics
    # line of each frontmatter key, for messages found after parsing (not published)
    key_lines: dict[str, int] = Field(default_factory=dict, exclude=True)
    body_html: str = ""
    headings: list[str] = Field(default_factory=list)
    studies: list[Study] = Field(default_factory=list)  # curated, from frontmatter
    source_path: str = ""
    warnings: list[str] = Field(default_factory=list)


class Goal(Model):
    slug: str
    name: str
    description: str = ""
    synonyms: list[str] = Field(default_factory=list)
    conditions: list[str] = Field(default_factory=list)  # related condition phrases


class Condition(Model):
    slug: str
    name: str
    synonyms: list[str] = Field(default_factory=list)
    category: str = "condition"  # "life-stage", "condition", "age"


class InteractionRule(Model):
    """A row of interactions.yaml `rules:`. Exactly one form:
    - pairwise: `a` and `b` are compound names (any name; resolved at build time);
    - class-based: `a_class` / `b_class` are class tags (Compound.classes); a rule with
      a_class == b_class applies to any two members of that class (class conflict); a compound
      name may be paired with a class (`a` + `b_class`);
    - additive: `effect` is an effect tag (Compound.effects) and the rule fires when
      `min_count` or more compounds in a stack share it."""

    id: str
    a: str | None = None
    b: str | None = None
    a_class: str | None = None
    b_class: str | None = None
    effect: str | None = None
    min_count: int = 2
    severity: InteractionSeverity
    advice: str
    mechanism: str = ""
    evidence: str = ""
    source: str = ""
    line: int = 0  # where the rule starts in interactions.yaml, for messages


Compound.model_rebuild()
