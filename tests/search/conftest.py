from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from evidex.build.pipeline import build
from evidex.search.engine import SearchEngine

SAMPLE_LIBRARY = Path(__file__).resolve().parents[2] / "content"


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled sample library built once, the way `evidex build` writes it."""
    db_path = tmp_path_factory.mktemp("search") / "sample.db"
    build(SAMPLE_LIBRARY, db_path)
    return db_path


@pytest.fixture(scope="session")
def sample_conn(sample_db: Path) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(f"file:{sample_db}?mode=ro", uri=True, check_same_thread=False)
    yield conn
    conn.close()


@pytest.fixture(scope="session")
def engine(sample_conn: sqlite3.Connection) -> SearchEngine:
    return SearchEngine(sample_conn)
