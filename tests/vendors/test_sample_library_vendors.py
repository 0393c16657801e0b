"""The bundled sample library's vendor files must load cleanly with the real compound names."""

from __future__ import annotations

from pathlib import Path

import pytest

from evidex.build.library import Library
from evidex.content.names import build_name_index
from evidex.content.profile import parse_profile
from evidex.vendors.build import load_vendors

CONTENT = Path(__file__).resolve().parents[2] / "content"

pytestmark = pytest.mark.skipif(not (CONTENT / "vendors").is_dir(), reason="no sample library")


def test_sample_vendors_load_without_errors() -> None:
    names = {}
    for path in sorted((CONTENT / "compounds").glob("*.md")):
        compound, _ = parse_profile(path.read_text(encoding="utf-8"), str(path), slug=path.stem)
        if compound is not None:
            names[compound.slug] = [
                compound.title,
                *compound.names.alternate,
                *compound.names.brand,
                *compound.aliases,
            ]
    index, _ = build_name_index(names)
    vendors, rates, diagnostics = load_vendors(CONTENT, Library(name_index=index))
    assert rates is not None
    assert [str(d) for d in diagnostics if d.level == "error"] == []
    assert len(vendors) == len(list((CONTENT / "vendors").glob("*.yaml")))
    assert all(vendor.products for vendor in vendors.values())
