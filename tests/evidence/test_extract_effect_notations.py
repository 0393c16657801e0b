"""Effect estimates in the notations of fixtures/effect_notations.yaml: each row's effects are
found with their measure, value and interval, and nothing else is reported."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from evidex.evidence.accuracy import CorpusCase, score

ROWS: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "fixtures" / "effect_notations.yaml").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("row", ROWS, ids=[row["name"] for row in ROWS])
def test_each_notation_gives_its_effects(row: dict[str, Any]) -> None:
    effects = [
        {"measure": m, "value": v, "ci_low": lo, "ci_high": hi, "as_written": row["text"]}
        for m, v, lo, hi in row["effects"]
    ]
    case = CorpusCase(row["name"], row["text"], "randomized controlled trial", None, effects)
    result = score([case])
    assert (result.effects_found, result.spurious) == (len(effects), 0), result.misses
