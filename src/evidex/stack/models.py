"""Stack builder request and result: the public JSON of the CLI, the API and the page."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

MAX_GOALS = 5
DEFAULT_MAX_ITEMS = 5

DISCLAIMER = (
    "Evidex summarises published evidence for education. It is not medical advice: a stack "
    "built here has not been reviewed by a clinician who knows you. Talk to a qualified "
    "health professional before starting, stopping or combining any medicine or supplement."
)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class StackRequest(_Model):
    """Everything a reader tells the builder; the share URL encodes exactly these fields."""

    goals: list[str] = Field(default_factory=list, max_length=MAX_GOALS)
    age: int | None = Field(default=None, ge=0, le=130)
    pregnant: bool = False
    breastfeeding: bool = False
    weight_kg: float | None = Field(default=None, gt=0, le=500)
    conditions: list[str] = Field(default_factory=list)
    taking: list[str] = Field(default_factory=list)
    tested_athlete: bool = False
    no_injections: bool = False
    # Tier 5 (animal, laboratory or mechanism evidence only) is listed as not suggested unless
    # the reader asks for it: a stack is something a person may act on.
    include_preclinical: bool = False
    max_items: int = Field(default=DEFAULT_MAX_ITEMS, ge=1, le=20)
    check: list[str] = Field(default_factory=list)
    start: dt.date | None = None

    @model_validator(mode="after")
    def _goal_or_check(self) -> StackRequest:
        self.goals = _clean(self.goals)
        self.conditions = _clean(self.conditions)
        self.taking = _clean(self.taking)
        self.check = _clean(self.check)
        if not self.goals and not self.check:
            raise ValueError("give at least one goal (up to 5) or a stack to check")
        return self


def _clean(values: list[str]) -> list[str]:
    seen: dict[str, None] = {}
    for value in values:
        text = " ".join(value.split())
        if text:
            seen.setdefault(text, None)
    return list(seen)


class RankInputs(_Model):
    tier: int
    effect: float | None = None  # effect strength from the tier details (|log ratio| or |MD|)
    safety_flags: int = 0  # cautions raised for this person
    interaction_penalty: int = 0  # interactions with the rest of the stack or current medicines


class RegimenAdvice(_Model):
    text: str  # one line: "1.6 mg subcutaneous twice weekly for 6-12 months"
    amount: str  # "1.6 mg", "0.8-6.4 mg", or the computed weight-based dose "1.4 mg"
    unit: str
    frequency: str | None = None
    doses_per_week: float | None = None
    doses_per_week_max: float | None = None  # when the profile gives a range
    interval_days: float | None = None
    route: str | None = None
    duration: str | None = None
    population: str | None = None
    calculation: str | None = None  # "40 mcg/kg × 35 kg = 1.4 mg"
    source: str = ""  # the profile's sentence


class StackItem(_Model):
    slug: str
    title: str
    goal: str
    goals: list[str] = Field(default_factory=list)
    tier: int
    tier_name: str
    reason: str
    rank_inputs: RankInputs
    regimen: RegimenAdvice | None = None
    route: str | None = None
    duration: str | None = None
    monitoring: list[str] = Field(default_factory=list)
    cautions: list[str] = Field(default_factory=list)
    # Route family ("injection") -> the profile's sentence that rules it out for this person.
    avoided_routes: dict[str, str] = Field(default_factory=dict)
    is_banned: bool = False


class Excluded(_Model):
    slug: str
    title: str = ""
    reason: str
    kind: Literal[
        "screening", "interaction", "class-conflict", "banned", "route", "preclinical"
    ] = "screening"


class Interaction(_Model):
    a: str
    b: str
    severity: Literal["contraindicated", "avoid", "monitor", "minor"]
    advice: str
    evidence: str = ""
    source: str = ""
    rule: str = ""
    with_current_medicine: bool = False


class StackWarning(_Model):
    kind: Literal[
        "class-conflict", "additive-effect", "unknown-goal", "no-candidates", "preclinical-only"
    ]
    message: str
    slugs: list[str] = Field(default_factory=list)


class ScheduleEntry(_Model):
    slug: str
    title: str
    pattern: Literal["daily", "weekly", "rolling", "unscheduled"]
    text: str
    weekdays: list[str] = Field(default_factory=list)  # "Mon", "Thu" for weekly patterns
    interval_days: int | None = None
    times_per_day: int = 1
    dates: list[dt.date] = Field(default_factory=list)  # occurrences in the first 4 weeks


class Schedule(_Model):
    start: dt.date
    days: int = 28
    entries: list[ScheduleEntry] = Field(default_factory=list)
    week: dict[str, list[str]] = Field(default_factory=dict)  # weekday -> titles (fixed days)
    calendar: list[CalendarDay] = Field(default_factory=list)


class CalendarDay(_Model):
    date: dt.date
    weekday: str
    items: list[str]


class CombinationFit(_Model):
    compound: str  # slug of the stack item whose profile lists it
    name: str
    slug: str | None = None
    text: str = ""
    status: Literal["in-stack", "suggestable", "unavailable", "excluded"]


class StackResult(_Model):
    request: StackRequest
    items: list[StackItem] = Field(default_factory=list)
    excluded: list[Excluded] = Field(default_factory=list)
    interactions: list[Interaction] = Field(default_factory=list)
    warnings: list[StackWarning] = Field(default_factory=list)
    schedule: Schedule
    monitoring: list[str] = Field(default_factory=list)
    combinations: list[CombinationFit] = Field(default_factory=list)
    unknown_names: list[str] = Field(default_factory=list)
    current_medicines: list[str] = Field(default_factory=list)  # resolved slugs or names
    disclaimer: str = DISCLAIMER
    share_query: str = ""


Schedule.model_rebuild()
