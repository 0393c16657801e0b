from __future__ import annotations

import os
import signal
import socket
import sys
import time
from pathlib import Path

import httpx
import pytest
from ops_helpers import free_port, serve_argv, start_server, wait_healthy


def test_several_workers_each_listen_and_all_stop_on_sigterm(db_path: Path, tmp_path: Path) -> None:
    port = free_port()
    server = start_server([*serve_argv(db_path, port), "--workers", "2"], tmp_path / "serve.log")
    try:
        wait_healthy(f"http://127.0.0.1:{port}", timeout=60)
        statuses = {
            httpx.get(
                f"http://127.0.0.1:{port}/healthz", headers={"Connection": "close"}
            ).status_code
            for _ in range(20)
        }
        assert statuses == {200}  # every fresh connection is answered, whichever worker takes it
        log = (tmp_path / "serve.log").read_text()
        assert log.count("Application startup complete") == 2
    finally:
        server.send_signal(signal.SIGTERM)
        assert server.wait(timeout=60) == 0
    assert (tmp_path / "serve.log").read_text().count("Finished server process") == 2


def test_a_port_taken_by_another_program_fails_the_start(db_path: Path, tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        server = start_server(
            [*serve_argv(db_path, port), "--workers", "2"], tmp_path / "serve.log"
        )
        assert server.wait(timeout=60) == 2
    log = (tmp_path / "serve.log").read_text().strip().splitlines()
    assert log == [
        f"error: cannot listen on 127.0.0.1:{port}: the port is already in use; "
        "choose another with --port (or PORT=8001 make run)"
    ]


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                found.append(int(entry.name))
    return found


def _running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_die_with_a_killed_supervisor(db_path: Path, tmp_path: Path) -> None:
    port = free_port()
    server = start_server([*serve_argv(db_path, port), "--workers", "2"], tmp_path / "serve.log")
    try:
        wait_healthy(f"http://127.0.0.1:{port}", timeout=60)
        workers = [pid for pid in _children(server.pid) if _running(pid)]
        assert len(workers) >= 2
    finally:
        server.kill()
        server.wait()
    deadline = time.monotonic() + 20
    while any(_running(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    survivors = [pid for pid in workers if _running(pid)]
    for pid in survivors:
        os.kill(pid, signal.SIGKILL)
    assert survivors == []
    with pytest.raises(httpx.HTTPError):
        httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2)
