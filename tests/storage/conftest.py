from __future__ import annotations

from pathlib import Path

import pytest
from sample_db import write_sample_db


@pytest.fixture
def sample_db_path(tmp_path: Path) -> Path:
    return write_sample_db(tmp_path / "evidex.db")
