from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """A copy of the sample library's vocabulary and compounds (the import links to them)."""
    content = tmp_path / "content"
    for name in ("goals.yaml", "conditions.yaml", "interactions.yaml", "currency.yaml"):
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        (content / name).write_bytes((REPO / "content" / name).read_bytes())
    for folder in ("compounds", "research", "studies"):
        (content / folder).mkdir()
        for path in (REPO / "content" / folder).iterdir():
            (content / folder / path.name).write_bytes(path.read_bytes())
    return content
