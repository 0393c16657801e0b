from __future__ import annotations

import sqlite3
from pathlib import Path

from typer.testing import CliRunner

from evidex.cli.main import app
from evidex.ops.doctor import check_server, run_doctor


def _by_name(db: Path, **options: object) -> dict[str, bool]:
    return {c.name: c.ok for c in run_doctor(db, **options)}  # type: ignore[arg-type]


def test_a_fresh_sample_build_passes(db_path: Path) -> None:
    result = CliRunner().invoke(app, ["doctor", "--db", str(db_path), "--max-age-hours", "24"])
    assert result.exit_code == 0, result.output
    assert "5/5 checks passed" in result.output
    assert "counts: the build holds 15 compounds, " in result.output
    assert "('" not in result.output, "sentences, not Python tuples"


def test_an_old_build_fails_the_age_check(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE meta SET value = '2001-01-01T00:00:00+00:00' WHERE key = 'built_at'")
    conn.commit()
    conn.close()
    assert _by_name(db_path, max_age_hours=48)["build age"] is False
    assert _by_name(db_path)["build age"] is True  # no limit given


def test_a_wrong_schema_and_a_garbage_file_fail(db_path: Path, tmp_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    assert _by_name(db_path)["schema version"] is False
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"this is not sqlite" * 100)
    assert _by_name(garbage)["readable"] is False
    result = CliRunner().invoke(app, ["doctor", "--db", str(garbage)])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        f"error: {garbage}: not an Evidex build (file is not a database)"
    ]


def test_a_corrupted_page_fails_the_integrity_check(db_path: Path) -> None:
    data = bytearray(db_path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    # Scribble over the middle pages, leaving the header and meta table's first page alone.
    start = page_size * (len(data) // page_size // 2)
    data[start : start + page_size * 3] = b"\xa5" * (page_size * 3)
    db_path.write_bytes(bytes(data))
    checks = _by_name(db_path)
    assert checks["readable"] is True
    assert checks["integrity"] is False


def test_server_check_reports_an_unreachable_server() -> None:
    checks = check_server("http://127.0.0.1:9", "x", timeout=1)
    assert [c.ok for c in checks] == [False]
