"""Fixtures for the stack builder tests: the small library in tests/stack/library.py."""

from __future__ import annotations

import pytest

from evidex.stack.catalog import StackCatalog

from .library import stack_catalog


@pytest.fixture(scope="session")
def catalog() -> StackCatalog:
    return stack_catalog()
