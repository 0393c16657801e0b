"""Study and outcome records: curated in YAML or proposed by the extractor."""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, Field

from evidex.modelbase import LeanModel

Design = Literal[
    "meta-analysis",
    "rct",
    "non-randomised-controlled",
    "propensity-matched",
    "cohort",
    "case-control",
    "case-series",
    "animal",
    "in-vitro",
    "mechanistic",
]

# Strongest first; index is the design's rank.
DESIGNS: tuple[str, ...] = (
    "meta-analysis",
    "rct",
    "non-randomised-controlled",
    "propensity-matched",
    "cohort",
    "case-control",
    "case-series",
    "animal",
    "in-vitro",
    "mechanistic",
)

DESIGN_LABELS: dict[str, str] = {
    "meta-analysis": "Meta-analysis of RCTs",
    "rct": "Randomised controlled trial",
    "non-randomised-controlled": "Non-randomised controlled trial",
    "propensity-matched": "Propensity-matched observational",
    "cohort": "Cohort study",
    "case-control": "Case-control study",
    "case-series": "Case series / report",
    "animal": "Animal study",
    "in-vitro": "In vitro study",
    "mechanistic": "Mechanistic / expert opinion",
}

# g is Hedges' g, r a correlation coefficient, RD a risk (or rate) difference.
Measure = Literal[
    "OR", "RR", "HR", "IRR", "MD", "SMD", "g", "RD", "NNT", "r", "percent", "count"
]  # fmt: skip
RATIO_MEASURES = frozenset({"OR", "RR", "HR", "IRR"})
Direction = Literal["benefit", "harm", "no difference"]
# Where a record's numbers come from: an editor's YAML, a trial registry's posted results (both
# verified), or read from prose or an abstract (unverified until an editor confirms it).
Provenance = Literal["curated", "registry", "extracted"]


class _Model(LeanModel):
    model_config = ConfigDict(extra="forbid")


class Citation(_Model):
    title: str | None = None
    authors: str | None = None
    journal: str | None = None
    year: int | None = None
    pmid: str | None = None
    doi: str | None = None
    url: str | None = None
    nct: str | None = None  # trial registry id, e.g. "NCT02552212"
    trial: str | None = None  # the trial's name when it has one, e.g. "STEP 1"


class Arm(_Model):
    name: str
    value: float
    n: int | None = None


class Outcome(_Model):
    name: str
    measure: Measure
    value: float
    ci_low: float | None = None
    ci_high: float | None = None
    ci_level: float | None = None  # the interval's level in percent, when it is not 95
    p: str | None = None  # as written: "<0.001", "0.03"
    arms: list[Arm] = Field(default_factory=list)
    # Which way is better for this outcome: "lower" for mortality/recurrence HRs, "higher"
    # for response rates. Used to derive direction; None means infer from the measure.
    better: Literal["lower", "higher"] | None = None
    direction: Direction | None = None  # derived when absent
    significant: bool | None = None  # derived from the CI when absent
    timepoint: str | None = None
    unit: str | None = None  # of a mean difference: "percentage points", "minutes", "kg"
    text: str = ""  # sentence it came from (extracted records)


class Study(_Model):
    id: str
    citation: Citation = Field(default_factory=Citation)
    design: Design
    n: int | None = None
    n_studies: int | None = None  # for meta-analyses: number of pooled trials
    population: str | None = None
    intervention: str | None = None
    comparator: str | None = None
    comparator_type: Literal["placebo", "active", "none", "standard-care"] | None = None
    duration: str | None = None
    follow_up: str | None = None
    human: bool = True
    outcomes: list[Outcome] = Field(default_factory=list)
    goal: str | None = None  # goal slug
    compound: str | None = None  # compound name or slug
    curated: bool = True  # False for extractor output ("unverified")
    provenance: Provenance | None = None  # None: "curated" or "extracted" as `curated` says
    phase: str | None = None  # registry phase as written, e.g. "Phase 3"
    conditions: list[str] = Field(default_factory=list)  # condition slugs (from MeSH terms)
    primary_outcomes: list[str] = Field(default_factory=list)  # as registered
    secondary_outcomes: list[str] = Field(default_factory=list)
    abstract: str = ""  # the abstract as imported (PubMed), kept for the editor
    source_path: str = ""
    line: int = 0
    summary: str = ""

    @property
    def source_kind(self) -> Provenance:
        if self.provenance is not None:
            return self.provenance
        return "curated" if self.curated else "extracted"
