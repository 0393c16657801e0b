"""Every name a reader might type finds the seed's profile."""

from __future__ import annotations

from pathlib import Path

import pytest

from evidex.content.models import Compound
from evidex.content.names import build_name_index, resolve
from evidex.content.profile import parse_profile

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"
FIXTURES = Path(__file__).parent / "fixtures" / "profiles"


def _names(compound: Compound) -> list[str]:
    return [compound.title, *compound.names.alternate, *compound.names.brand, *compound.aliases]


def _load(path: Path) -> Compound:
    compound, diagnostics = parse_profile(path.read_text(encoding="utf-8-sig"), str(path))
    assert compound is not None, [str(d) for d in diagnostics]
    return compound


@pytest.mark.parametrize(
    "typed",
    [
        "Thymosin alpha",
        "Thymosin Alpha-1",
        "thymosin alpha 1",
        "Tα1",
        "thymalfasin",
        "ZADAXIN",
        "Imualfa",
        "thymosin-alpha",
        "TA1",
    ],
)
def test_seed_resolves_by_any_name(typed: str) -> None:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    seed = _load(SEEDS / "000_3d83a7180f1d8b26.txt")
    other = _load(FIXTURES / "crlf_bom_star_bullets_unbolded.md")
    index, conflicts = build_name_index({seed.slug: _names(seed), other.slug: _names(other)})
    assert conflicts == []
    assert resolve(typed, index) == "thymosin-alpha"


def test_fixture_profiles_resolve_by_brand_alias_and_alternate_name() -> None:
    compounds = [_load(path) for path in sorted(FIXTURES.glob("*.md"))]
    index, conflicts = build_name_index({c.slug: _names(c) for c in compounds})
    assert conflicts == []
    assert resolve("ozempic", index) == "semaglutide"
    assert resolve("SEMA", index) == "semaglutide"
    assert resolve("circadin", index) == "melatonin"
    assert resolve("TP 7", index) == "selank"
    assert resolve("Selanc", index) == "selank"
    assert resolve("aspirin", index) is None


def test_abbreviations_of_numbered_greek_names() -> None:
    from evidex.content.profile import abbreviations

    assert abbreviations("Thymosin beta 4") == ["Tβ4", "TB4"]
    assert abbreviations("Thymosin alpha") == []  # no member number, no abbreviation
    assert abbreviations("Alpha lipoic acid 1") == []  # Greek word first
