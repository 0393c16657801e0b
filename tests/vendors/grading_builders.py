"""Batches and products the grading tests build: a recent HPLC + MS certificate by default."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from evidex.vendors.models import Batch, Product

TODAY = dt.date(2026, 11, 1)


def batch(**fields: Any) -> Batch:
    values: dict[str, Any] = {
        "id": "B1",
        "tested": TODAY - dt.timedelta(days=30),
        "methods": ["HPLC", "MS"],
    }
    values.update(fields)
    return Batch.model_validate(values)


def product(*batches: Batch, amount: str = "5") -> Product:
    return Product(
        compound="TA1",
        compound_slug="thymosin-alpha",
        form="lyophilised vial",
        amount=Decimal(amount),
        unit="mg",
        price=Decimal(40),
        currency="USD",
        batches=list(batches),
    )
