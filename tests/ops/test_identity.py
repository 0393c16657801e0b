from __future__ import annotations

import os
import shutil
from pathlib import Path

from fastapi.testclient import TestClient

from evidex.ops.swapload import body_build_id
from evidex.storage.db import Database


def _served_build(db_path: Path) -> str:
    database = Database(db_path)
    try:
        return database.build_id
    finally:
        database.close()


def test_every_kind_of_response_names_the_build(client: TestClient, db_path: Path) -> None:
    expected = _served_build(db_path)
    for url in (
        "/",
        "/compounds/creatine",
        "/compounds/no-such-thing",
        "/api/v1/compounds?limit=2",
        "/api/v1/compounds/not-a-compound",
        "/static/css/evidex.css",
        "/healthz",
        "/metrics",
    ):
        response = client.get(url, follow_redirects=False)
        assert response.headers["x-evidex-build"] == expected, url


def test_pages_and_json_bodies_agree_with_the_header(client: TestClient) -> None:
    for url in ("/compounds/creatine", "/goals", "/api/v1/compounds?limit=1", "/api/v1/meta"):
        response = client.get(url)
        claimed = body_build_id(response.headers["content-type"], response.content)
        assert claimed == response.headers["x-evidex-build"], url


def _swap_in(db_path: Path, source: Path, new_build: str) -> None:
    import sqlite3

    staged = db_path.with_name("staged.db")
    shutil.copy2(source, staged)
    conn = sqlite3.connect(staged)
    conn.execute("UPDATE meta SET value = ? WHERE key = 'build_id'", (new_build,))
    conn.commit()
    conn.close()
    os.replace(staged, db_path)


def test_a_pinned_request_keeps_its_build_across_swaps(db_path: Path, tmp_path: Path) -> None:
    original = tmp_path / "original.db"
    shutil.copy2(db_path, original)
    database = Database(db_path, check_interval=0)
    first = database.build_id
    with database.pinned() as generation:
        conn = database.current().connection()
        for number in range(3):
            _swap_in(db_path, original, f"swap-{number}")
            assert database.refresh(force=True)
            # The request still reads its own build, through a connection that stays open.
            assert database.current().build_id == first
            assert (
                conn.execute("SELECT value FROM meta WHERE key='build_id'").fetchone()[0] == first
            )
        assert generation.build_id == first
    assert database.current().build_id == "swap-2"
    # Once released, the old generation is closed (only the newest retired one stays open).
    assert generation.closed
    database.close()
