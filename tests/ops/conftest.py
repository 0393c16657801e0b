from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from ops_helpers import REPO_ROOT

from evidex.build.pipeline import build
from evidex.web.app import create_app


@pytest.fixture(scope="session")
def built_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled sample library, built once per session."""
    db = tmp_path_factory.mktemp("template") / "evidex.db"
    build(REPO_ROOT / "content", db)
    return db


@pytest.fixture
def content_dir(tmp_path: Path) -> Path:
    """A private copy of the sample library that a test may edit and rebuild."""
    target = tmp_path / "content"
    shutil.copytree(REPO_ROOT / "content", target)
    return target


@pytest.fixture
def db_path(tmp_path: Path, built_template: Path) -> Path:
    target = tmp_path / "var" / "evidex.db"
    target.parent.mkdir()
    shutil.copy2(built_template, target)
    return target


@pytest.fixture
def client(db_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db_path)) as test_client:
        yield test_client
