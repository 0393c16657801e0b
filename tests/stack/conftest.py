"""Fixtures for the stack builder tests: the small library in tests/stack/library.py and the
bundled sample library."""

from __future__ import annotations

from pathlib import Path

import pytest

from evidex.build.pipeline import build
from evidex.stack.catalog import StackCatalog, catalog_for_file

from .library import stack_catalog


@pytest.fixture(scope="session")
def catalog() -> StackCatalog:
    return stack_catalog()


@pytest.fixture(scope="session")
def bundled_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled sample library in content/, built once per session."""
    db = tmp_path_factory.mktemp("bundled") / "evidex.db"
    build(Path(__file__).resolve().parents[2] / "content", db)
    return db


@pytest.fixture(scope="session")
def bundled(bundled_db: Path) -> StackCatalog:
    return catalog_for_file(bundled_db)
