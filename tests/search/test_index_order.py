"""Two builds of the same files write the same search rows in the same order, whatever the
interpreter's hash seed (a set's order used to leak into `search_terms`)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

BUNDLED = Path(__file__).resolve().parents[2] / "content"

_DUMP = """
import sqlite3, sys
from pathlib import Path
from evidex.build.pipeline import build
db = Path(sys.argv[2])
build(Path(sys.argv[1]), db, force=True)
with sqlite3.connect(db) as conn:
    for row in conn.execute("SELECT * FROM search_terms ORDER BY rowid"):
        print(row)
"""


def _terms(seed: str, db: Path) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run(
        [sys.executable, "-c", _DUMP, str(BUNDLED), str(db)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    return done.stdout


def test_search_terms_are_written_in_the_same_order_under_any_hash_seed(tmp_path: Path) -> None:
    first = _terms("1", tmp_path / "one.db")
    assert first.count("\n") > 20
    assert _terms("2", tmp_path / "two.db") == first
