"""Study records the tier tests build: a study of a design and size, and its typical outcomes."""

from __future__ import annotations

from evidex.evidence.models import Outcome, Study


def study(
    study_id: str,
    design: str,
    n: int | None,
    *outcomes: Outcome,
    comparator: str | None = "placebo",
    comparator_type: str | None = "placebo",
    **extra: object,
) -> Study:
    return Study.model_validate(
        {
            "id": study_id,
            "design": design,
            "n": n,
            "comparator": comparator,
            "comparator_type": comparator_type,
            "outcomes": list(outcomes),
            **extra,
        }
    )


def benefit() -> Outcome:
    return Outcome(name="All-cause mortality", measure="HR", value=0.7, ci_low=0.55, ci_high=0.88)


def null() -> Outcome:
    return Outcome(name="All-cause mortality", measure="HR", value=0.97, ci_low=0.85, ci_high=1.1)


def harm() -> Outcome:
    return Outcome(name="Serious adverse events", measure="RR", value=1.6, ci_low=1.2, ci_high=2.1)
