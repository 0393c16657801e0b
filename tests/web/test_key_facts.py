"""The key facts of a profile read as a person says them."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

from evidex.build.pipeline import build
from evidex.web.app import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

CONTENT = Path(__file__).resolve().parents[2] / "content"


def test_half_life_under_an_hour_is_in_minutes_and_an_equal_range_is_one_value(
    tmp_path: Path,
) -> None:
    db = tmp_path / "evidex.db"
    build(CONTENT, db)
    with TestClient(create_app(db)) as client:
        page = client.get("/compounds/melatonin").text
    facts = dict(re.findall(r"<dt>([^<]+)</dt><dd>([^<]+)</dd>", page))
    assert facts["Half-life"] == "45 minutes"
    assert facts["Time to peak"] == "1 hour"
