from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from evidex.build.pipeline import build

CONTENT = Path(__file__).resolve().parents[2] / "content"


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled library built once per session."""
    db = tmp_path_factory.mktemp("build") / "evidex.db"
    build(CONTENT, db)
    return db


@pytest.fixture
def db_path(tmp_path: Path, sample_build: Path) -> Path:
    """A private copy of the sample build."""
    target = tmp_path / "evidex.db"
    shutil.copyfile(sample_build, target)
    return target
