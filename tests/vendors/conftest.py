from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from evidex.content.names import build_name_index, resolve

FIXTURES = Path(__file__).parent / "fixtures"

# A small library of compounds with several names each, as a profile would give them.
NAMES = {
    "thymosin-alpha": [
        "Thymosin alpha",
        "Thymosin Alpha-1",
        "Tα1",
        "TA1",
        "thymalfasin",
        "Zadaxin",
    ],
    "somatropin": ["Somatropin", "HGH"],
}


@pytest.fixture
def name_index() -> dict[str, str]:
    index, conflicts = build_name_index(NAMES)
    assert not conflicts
    return index


@pytest.fixture
def resolve_name(name_index: dict[str, str]) -> Callable[[str], str | None]:
    return lambda name: resolve(name, name_index)
