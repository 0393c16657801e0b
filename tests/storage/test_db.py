from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path

import pytest
from sample_db import write_sample_db

from evidex.storage.db import Database, DatabaseUnavailable


def _swap_in(db_path: Path, build_id: str) -> None:
    """Build a new file beside the served one and rename it over, as the build does."""
    fresh = write_sample_db(db_path.with_name("next.db"), build_id=build_id)
    os.replace(fresh, db_path)


def test_opens_read_only_and_reports_build_id(sample_db_path: Path) -> None:
    db = Database(sample_db_path)
    assert db.build_id == "build-1"
    with db.connection() as conn, pytest.raises(sqlite3.OperationalError):
        conn.execute("DELETE FROM compounds")


def test_missing_or_foreign_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DatabaseUnavailable):
        Database(tmp_path / "absent.db")
    plain = tmp_path / "plain.db"
    sqlite3.connect(plain).execute("CREATE TABLE meta (key TEXT, value TEXT)").connection.commit()
    with pytest.raises(DatabaseUnavailable, match="build_id"):
        Database(plain)


def test_picks_up_an_atomically_renamed_build(sample_db_path: Path) -> None:
    db = Database(sample_db_path, check_interval=0)
    in_flight = db.current().connection()
    _swap_in(sample_db_path, "build-2")
    assert db.build_id == "build-2"
    # A request that started on the old build still reads it to the end.
    assert in_flight.execute("SELECT value FROM meta WHERE key='build_id'").fetchone()[0] == (
        "build-1"
    )
    with db.connection() as conn:
        assert conn.execute("SELECT value FROM meta WHERE key='build_id'").fetchone()[0] == (
            "build-2"
        )


def test_checks_the_file_at_most_every_interval(sample_db_path: Path) -> None:
    db = Database(sample_db_path, check_interval=3600)
    _swap_in(sample_db_path, "build-2")
    assert db.build_id == "build-1"
    assert db.refresh(force=True)
    assert db.build_id == "build-2"


def test_corrupt_new_file_keeps_the_old_build(
    sample_db_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    db = Database(sample_db_path, check_interval=0)
    truncated = sample_db_path.with_name("broken.db")
    truncated.write_bytes(sample_db_path.read_bytes()[:1000])
    os.replace(truncated, sample_db_path)
    with caplog.at_level(logging.WARNING, logger="evidex.storage.db"):
        assert db.build_id == "build-1"
    assert "rejected" in caplog.text
    with db.connection() as conn:
        assert conn.execute("SELECT count(*) FROM compounds").fetchone()[0] == 4


def test_deleted_file_keeps_serving_the_open_build(sample_db_path: Path) -> None:
    db = Database(sample_db_path, check_interval=0)
    db.current().connection()
    sample_db_path.unlink()
    assert db.build_id == "build-1"
    with db.connection() as conn:
        assert conn.execute("SELECT count(*) FROM compounds").fetchone()[0] == 4
