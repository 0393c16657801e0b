"""Grading a vendor's batches of one compound A-F, and flagging implausible certificates.

Thresholds and the reasoning behind them are documented in docs/vendor-grading.md; the
constants below are the single place they live in code.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from evidex.vendors.models import Batch, Product, Vendor

Verdict = Literal["pass", "marginal", "fail"]

PURITY_PASS = Decimal("98")
PURITY_MARGINAL = Decimal("95")
AMOUNT_PASS_DEVIATION = Decimal("0.15")
AMOUNT_MARGINAL_DEVIATION = Decimal("0.30")
OVERDOSED_FLAG_RATIO = Decimal("1.20")
RECENT_DAYS = 365  # results older than this count half
OLD_WEIGHT = Decimal("0.5")
VERDICT_SCORE: dict[Verdict, Decimal] = {
    "pass": Decimal(100),
    "marginal": Decimal(60),
    "fail": Decimal(0),
}
# Lowest weighted score for each letter, best first.
LETTER_FLOORS: tuple[tuple[str, Decimal], ...] = (
    ("A", Decimal(90)),
    ("B", Decimal(75)),
    ("C", Decimal(60)),
    ("D", Decimal(40)),
    ("F", Decimal(0)),
)
# Flags cap the grade (docs/vendor-grading.md, "Certificate anomaly flags"): a certificate that
# cannot be true as written caps it at C, one that is implausible at B.
IMPOSSIBLE_FLAG_CAP = "C"
IMPLAUSIBLE_FLAG_CAP = "B"
FLAG_CAPS: dict[str, str] = {
    "purity-over-100": IMPOSSIBLE_FLAG_CAP,
    "tested-before-manufactured": IMPOSSIBLE_FLAG_CAP,
    "dated-in-future": IMPOSSIBLE_FLAG_CAP,
    "batch-number-elsewhere": IMPOSSIBLE_FLAG_CAP,
    "purity-exactly-100": IMPLAUSIBLE_FLAG_CAP,
    "overfilled": IMPLAUSIBLE_FLAG_CAP,
}
LETTERS = "ABCDF"
FLAG_LABELS: dict[str, str] = {
    "purity-over-100": "purity above 100%",
    "purity-exactly-100": "purity exactly 100%",
    "tested-before-manufactured": "tested before it was made",
    "dated-in-future": "dated in the future",
    "batch-number-elsewhere": "batch number on another vendor's certificate",
    "overfilled": "content over 120% of label",
}
MASS_SPEC_METHODS = ("MS", "LC-MS", "LCMS", "LC-MS/MS", "MALDI", "MALDI-TOF", "ESI-MS", "HRMS")
UNTESTED = "untested"


@dataclass(frozen=True)
class Flag:
    batch_id: str
    # purity-over-100 | purity-exactly-100 | tested-before-manufactured | dated-in-future |
    # batch-number-elsewhere | overfilled
    code: str
    message: str


@dataclass
class BatchAssessment:
    batch_id: str
    verdict: Verdict | None  # None: nothing measurable was reported
    weight: Decimal
    checks: dict[str, Verdict] = field(default_factory=dict)
    reasons: list[str] = field(default_factory=list)


@dataclass
class Grade:
    grade: str  # "A".."F" or "untested"
    score: Decimal | None
    reasons: list[str] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    batches: list[BatchAssessment] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "grade": self.grade,
            "score": None if self.score is None else str(self.score),
            "reasons": list(self.reasons),
            "flags": [
                {
                    "batch_id": f.batch_id,
                    "code": f.code,
                    "label": FLAG_LABELS.get(f.code, f.code),
                    "cap": FLAG_CAPS.get(f.code),
                    "message": f.message,
                }
                for f in self.flags
            ],
            "batches": [
                {
                    "batch_id": b.batch_id,
                    "verdict": b.verdict,
                    "weight": str(b.weight),
                    "checks": dict(b.checks),
                    "reasons": list(b.reasons),
                }
                for b in self.batches
            ],
        }


def purity_verdict(purity_percent: Decimal) -> Verdict:
    if purity_percent >= PURITY_PASS:
        return "pass"
    if purity_percent >= PURITY_MARGINAL:
        return "marginal"
    return "fail"


def amount_verdict(measured: Decimal, label: Decimal) -> Verdict:
    """How far the measured content is from the label, either way."""
    deviation = abs(measured - label) / label
    if deviation <= AMOUNT_PASS_DEVIATION:
        return "pass"
    if deviation <= AMOUNT_MARGINAL_DEVIATION:
        return "marginal"
    return "fail"


def result_weight(tested: dt.date | None, today: dt.date) -> Decimal:
    """Full weight for results from the last 12 months, half for older or undated ones."""
    if tested is None or (today - tested).days > RECENT_DAYS:
        return OLD_WEIGHT
    return Decimal(1)


def uses_mass_spec(methods: Iterable[str]) -> bool:
    return any(method.strip().upper() in MASS_SPEC_METHODS for method in methods)


def batch_key(batch_id: str) -> str:
    """A batch number compared across certificates: case, spaces and dashes do not count."""
    return "".join(ch for ch in batch_id.upper() if ch.isalnum())


def batch_numbers_elsewhere(vendors: Iterable[Vendor]) -> dict[str, dict[str, list[str]]]:
    """For each vendor slug, its batch numbers (`batch_key`) that another vendor's
    certificates also carry, with those vendors' names: a copied or invented certificate."""
    listed = list(vendors)
    owners: dict[str, dict[str, str]] = {}
    for vendor in listed:
        for product in vendor.products:
            for batch in product.batches:
                owners.setdefault(batch_key(batch.id), {})[vendor.slug] = vendor.name
    found: dict[str, dict[str, list[str]]] = {}
    for key, by_slug in owners.items():
        for slug in by_slug:
            others = sorted(name for other, name in by_slug.items() if other != slug)
            if others:
                found.setdefault(slug, {})[key] = others
    return found


def coa_flags(
    batch: Batch,
    label_amount: Decimal,
    today: dt.date | None = None,
    elsewhere: Mapping[str, list[str]] | None = None,
) -> list[Flag]:
    """Things on a certificate that are implausible or impossible as written.

    `today` finds certificates dated in the future; `elsewhere` (batch key -> other vendors)
    finds a batch number that another vendor's certificate also carries.
    """
    flags: list[Flag] = []
    purity = batch.purity_percent
    if purity is not None and purity > 100:
        flags.append(Flag(batch.id, "purity-over-100", f"purity {purity}% is above 100%"))
    elif purity is not None and purity == 100:
        flags.append(
            Flag(
                batch.id,
                "purity-exactly-100",
                f"purity reported as exactly {purity}%: no assay is that clean",
            )
        )
    if batch.tested and batch.manufactured and batch.tested < batch.manufactured:
        flags.append(
            Flag(
                batch.id,
                "tested-before-manufactured",
                f"tested {batch.tested.isoformat()} before it was made ({batch.manufactured.isoformat()})",
            )
        )
    future = [
        f"{what} {day.isoformat()}"
        for what, day in (("tested", batch.tested), ("made", batch.manufactured))
        if today is not None and day is not None and day > today
    ]
    if future:
        flags.append(
            Flag(
                batch.id,
                "dated-in-future",
                f"certificate dated in the future ({', '.join(future)}; today is "
                f"{today.isoformat() if today else ''})",
            )
        )
    others = (elsewhere or {}).get(batch_key(batch.id))
    if others:
        flags.append(
            Flag(
                batch.id,
                "batch-number-elsewhere",
                f"batch number {batch.id} also appears on a certificate from {', '.join(others)}",
            )
        )
    measured = batch.measured_amount
    if measured is not None and measured > label_amount * OVERDOSED_FLAG_RATIO:
        flags.append(
            Flag(
                batch.id,
                "overfilled",
                f"measured {measured} is more than 120% of the labelled {label_amount}",
            )
        )
    return flags


def assess_batch(batch: Batch, label_amount: Decimal, today: dt.date) -> BatchAssessment:
    """One batch's verdict: the worst of its reported checks (purity, content, identity, endotoxin)."""
    checks: dict[str, Verdict] = {}
    reasons: list[str] = []
    purity = batch.purity_percent
    if purity is not None and purity <= 100:  # an impossible purity is flagged, not believed
        checks["purity"] = purity_verdict(purity)
        reasons.append(f"purity {purity}%: {checks['purity']}")
    if batch.measured_amount is not None:
        checks["amount"] = amount_verdict(batch.measured_amount, label_amount)
        reasons.append(
            f"measured {batch.measured_amount} of {label_amount} labelled: {checks['amount']}"
        )
    if batch.identity != "not-tested":
        checks["identity"] = "pass" if batch.identity == "pass" else "fail"
        reasons.append(f"identity {batch.identity}")
    if batch.endotoxin != "not-tested":
        checks["endotoxin"] = "pass" if batch.endotoxin == "pass" else "fail"
        reasons.append(f"endotoxin {batch.endotoxin}")
    verdict: Verdict | None = None
    if checks:
        values = set(checks.values())
        verdict = "fail" if "fail" in values else "marginal" if "marginal" in values else "pass"
    return BatchAssessment(batch.id, verdict, result_weight(batch.tested, today), checks, reasons)


def letter_for(score: Decimal) -> str:
    for letter, floor in LETTER_FLOORS:
        if score >= floor:
            return letter
    return "F"


def cap_for_flags(letter: str, flags: Iterable[Flag]) -> tuple[str, list[str]]:
    """The letter after the flags' caps, and a reason for each cap that lowered it."""
    reasons: list[str] = []
    for flag in flags:
        cap = FLAG_CAPS.get(flag.code)
        if cap is not None and LETTERS.index(letter) < LETTERS.index(cap):
            letter = cap
            reasons.append(f"capped at {cap}: batch {flag.batch_id} {flag.message}")
    return letter, reasons


def grade_products(
    products: Iterable[Product],
    today: dt.date,
    elsewhere: Mapping[str, list[str]] | None = None,
) -> Grade:
    """Grade every batch of one vendor's products of one compound together.

    `elsewhere` maps this vendor's batch numbers that other vendors' certificates also carry
    to those vendors (`batch_numbers_elsewhere`).
    """
    assessments: list[BatchAssessment] = []
    flags: list[Flag] = []
    mass_spec = False
    for product in products:
        for batch in product.batches:
            assessments.append(assess_batch(batch, product.amount, today))
            flags.extend(coa_flags(batch, product.amount, today, elsewhere))
            mass_spec = mass_spec or uses_mass_spec(batch.methods)
    measured = [a for a in assessments if a.verdict is not None]
    if not measured:
        return Grade(UNTESTED, None, ["no batch results reported"], flags, assessments)
    total_weight = sum((a.weight for a in measured), Decimal(0))
    weighted = sum((VERDICT_SCORE[a.verdict] * a.weight for a in measured if a.verdict), Decimal(0))
    score = (weighted / total_weight).quantize(Decimal("0.1"))
    letter = letter_for(score)
    reasons = [f"{len(measured)} tested batch(es), weighted score {score}"]
    if not mass_spec and letter == "A":
        letter = "B"
        reasons.append("identity shown by HPLC only (no mass spectrometry): capped at B")
    old = sum(1 for a in measured if a.weight < 1)
    if old:
        reasons.append(f"{old} result(s) older than 12 months count half")
    letter, capped = cap_for_flags(letter, flags)
    reasons.extend(capped)
    return Grade(letter, score, reasons, flags, assessments)
