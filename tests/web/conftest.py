from __future__ import annotations

import shutil
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

# The sample build artifact is shared with the storage tests.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "storage"))
from sample_db import write_sample_db

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from evidex.web.app import create_app


@pytest.fixture(scope="session")
def sample_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_sample_db(tmp_path_factory.mktemp("sample") / "evidex.db")


@pytest.fixture
def db_path(tmp_path: Path, sample_template: Path) -> Path:
    """A private copy of the sample build, so a test may swap or delete it."""
    target = tmp_path / "evidex.db"
    shutil.copyfile(sample_template, target)
    return target


@pytest.fixture
def client(db_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db_path), raise_server_exceptions=True) as test_client:
        yield test_client
