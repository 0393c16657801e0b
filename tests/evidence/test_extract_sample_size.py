"""n (the sample size) on phrasings the rules were not written from: the table in
fixtures/sample_sizes.yaml, each row a pattern of how studies of one kind report their total."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from evidex.evidence.extract import extract_studies

ROWS: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "fixtures" / "sample_sizes.yaml").read_text(encoding="utf-8")
)


def test_the_table_covers_enough_patterns() -> None:
    assert len(ROWS) >= 40
    assert len({row["name"] for row in ROWS}) == len(ROWS)


@pytest.mark.parametrize("row", ROWS, ids=[row["name"] for row in ROWS])
def test_n_is_read_as_annotated(row: dict[str, Any]) -> None:
    [study] = extract_studies(row["text"])
    assert study.n == row["n"]
