"""Faults an operator can cause: failed builds, bad files swapped in, deletion, SIGTERM."""

from __future__ import annotations

import errno
import logging
import os
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from ops_helpers import REPO_ROOT, free_port, wait_healthy

from evidex.build.library import Library
from evidex.build.pipeline import BuildWriteFailed, build, write_hooks
from evidex.ops.swapload import edit_profile
from evidex.storage.db import Database
from evidex.web.app import create_app


def _fail_halfway(conn: sqlite3.Connection, library: Library) -> None:
    raise RuntimeError("injected failure after the content tables were written")


def _disk_full(conn: sqlite3.Connection, library: Library) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


def _serve_and_check(client: TestClient, build_id: str) -> None:
    response = client.get("/compounds/creatine")
    assert response.status_code == 200
    assert response.headers["x-evidex-build"] == build_id


@pytest.mark.parametrize(
    ("hook", "error"), [(_fail_halfway, RuntimeError), (_disk_full, BuildWriteFailed)]
)
def test_a_build_that_fails_in_the_writer_leaves_the_old_database_serving(
    content_dir: Path, tmp_path: Path, hook: object, error: type[Exception]
) -> None:
    db_path = tmp_path / "evidex.db"
    first = build(content_dir, db_path).build_id
    before = db_path.read_bytes()
    client = TestClient(create_app(db_path))
    _serve_and_check(client, first)
    edit_profile(content_dir / "compounds" / "creatine.md", "will-not-land")
    with pytest.raises(error):
        build(content_dir, db_path, hooks=[*write_hooks(), hook])  # type: ignore[list-item]
    assert db_path.read_bytes() == before
    assert not [p for p in db_path.parent.iterdir() if ".tmp-" in p.name]
    client.app.state.db.refresh(force=True)  # type: ignore[attr-defined]
    _serve_and_check(client, first)


def _replace_with(db_path: Path, data: bytes) -> None:
    staged = db_path.with_name("incoming.db")
    staged.write_bytes(data)
    os.replace(staged, db_path)


def _corrupt_pages(db_path: Path, table: str) -> bytes:
    """The file with every page of `table` overwritten: header, schema and meta intact, so
    it opens and names its build, but reading the table fails."""
    conn = sqlite3.connect(db_path)
    try:
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = [
            row[0] for row in conn.execute("SELECT pageno FROM dbstat WHERE name = ?", (table,))
        ]
    finally:
        conn.close()
    data = bytearray(db_path.read_bytes())
    for page in pages:
        data[(page - 1) * size : page * size] = b"\xa5" * size
    return bytes(data)


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty", "corrupt pages"])
def test_a_bad_file_renamed_into_place_is_refused_and_logged(
    db_path: Path, damage: str, caplog: pytest.LogCaptureFixture
) -> None:
    client = TestClient(create_app(db_path))
    served = client.get("/healthz").json()["build"]
    good = db_path.read_bytes()
    data = {
        "garbage": b"SQLite format 3\x00" + os.urandom(len(good) - 16),
        "truncated": good[: len(good) // 2],
        "empty": b"",
        "corrupt pages": _corrupt_pages(db_path, "compounds"),
    }[damage]
    _replace_with(db_path, data)
    with caplog.at_level(logging.WARNING, logger="evidex.storage.db"):
        assert client.app.state.db.refresh(force=True) is False  # type: ignore[attr-defined]
    assert any("rejected" in r.getMessage() for r in caplog.records)
    for url in ("/compounds/creatine", "/api/v1/compounds?limit=3", "/goals"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.headers["x-evidex-build"] == served
    # A good build renamed in afterwards is picked up again.
    _replace_with(db_path, good)
    os.utime(db_path, ns=(1, 1))
    assert client.app.state.db.refresh(force=True) is True  # type: ignore[attr-defined]


def test_deleting_the_database_under_the_server_does_not_take_it_down(db_path: Path) -> None:
    client = TestClient(create_app(db_path))
    served = client.get("/healthz").json()["build"]
    db_path.unlink()
    client.app.state.db.refresh(force=True)  # type: ignore[attr-defined]
    for url in ("/compounds/creatine", "/api/v1/compounds/melatonin", "/healthz", "/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.headers["x-evidex-build"] == served


def test_new_threads_can_read_a_deleted_database(db_path: Path) -> None:
    database = Database(db_path)
    db_path.unlink()
    counts: list[int] = []

    def read() -> None:
        counts.append(
            database.current().connection().execute("SELECT COUNT(*) FROM compounds").fetchone()[0]
        )

    workers = [threading.Thread(target=read) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert counts == [15] * 4
    database.close()


SLOW_SERVER = """
import sys, time
from pathlib import Path
import uvicorn
from evidex.web.app import create_app

app = create_app(Path(sys.argv[1]))

@app.get("/slow-for-test")
def slow() -> dict:
    time.sleep(2.0)
    return {"finished": True}

uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[2]), access_log=False)
"""


def test_sigterm_drains_a_request_in_flight(db_path: Path, tmp_path: Path) -> None:
    port = free_port()
    script = tmp_path / "slow_server.py"
    script.write_text(SLOW_SERVER)
    log = (tmp_path / "server.log").open("wb")
    server = subprocess.Popen(
        [sys.executable, str(script), str(db_path), str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
        cwd=REPO_ROOT,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_healthy(base)
        outcome: dict[str, object] = {}

        def slow_request() -> None:
            response = httpx.get(f"{base}/slow-for-test", timeout=10)
            outcome["status"] = response.status_code
            outcome["body"] = response.json()

        caller = threading.Thread(target=slow_request)
        caller.start()
        threading.Event().wait(0.5)
        server.send_signal(signal.SIGTERM)
        caller.join(timeout=10)
        # uvicorn re-raises the signal once drained, so the exit status is -SIGTERM (or 0).
        assert server.wait(timeout=10) in (0, -signal.SIGTERM)
        assert outcome == {"status": 200, "body": {"finished": True}}
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
        log.close()
