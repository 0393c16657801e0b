"""A real `evidex serve` on loopback: forged X-Forwarded-For, Host and oversized headers."""

from __future__ import annotations

import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from ops_helpers import free_port, serve_argv, start_server, wait_healthy

from evidex.web.security import CONTENT_SECURITY_POLICY

BURST = 5
REQUESTS = 40


def _serve(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, **env: str
) -> Iterator[str]:
    monkeypatch.setenv("EVIDEX_RATE_BURST", str(BURST))
    monkeypatch.setenv("EVIDEX_RATE_PER_SECOND", "0.001")
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    port = free_port()
    server = start_server(serve_argv(db_path, port), tmp_path / "server.log")
    base = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(base, timeout=60.0)  # a loaded machine starts slowly
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@pytest.fixture
def server(db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    yield from _serve(db_path, tmp_path, monkeypatch)


@pytest.fixture
def proxied_server(db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    yield from _serve(db_path, tmp_path, monkeypatch, EVIDEX_TRUSTED_PROXIES="127.0.0.1")


def _admitted(base: str, forwarded: list[list[str]]) -> int:
    """How many searches get through, each sent with its own X-Forwarded-For lines."""
    admitted = 0
    with httpx.Client(base_url=base) as client:
        for lines in forwarded:
            headers = [("X-Forwarded-For", line) for line in lines]
            status = client.get("/api/v1/search", params={"q": "tendon"}, headers=headers)
            admitted += status.status_code == 200
    return admitted


def test_forged_forwarded_for_from_loopback_buys_no_requests(server: str) -> None:
    forged = [[f"198.51.100.{n}"] for n in range(REQUESTS)]
    assert _admitted(server, forged) == BURST


def test_behind_a_trusted_proxy_the_client_is_the_hop_the_proxy_wrote(proxied_server: str) -> None:
    # the proxy appends the address it saw (203.0.113.7) after whatever the client sent,
    # possibly on a header line of its own
    forged = [
        [f"198.51.100.{n}, 203.0.113.7"] if n % 2 else [f"198.51.100.{n}", "203.0.113.7"]
        for n in range(REQUESTS)
    ]
    assert _admitted(proxied_server, forged) == BURST
    assert _admitted(proxied_server, [["192.0.2.1"]]) == 1  # another client has its own bucket


def test_a_forged_host_gets_a_relative_redirect(server: str) -> None:
    response = httpx.get(f"{server}/compounds/", headers={"Host": "evil.example"})
    assert response.status_code in (301, 307, 308)
    assert response.headers["location"] == "/compounds"


def test_an_oversized_header_is_refused_with_431_and_the_server_stays_up(server: str) -> None:
    host, port = server.removeprefix("http://").split(":")
    head = b"GET /api/v1/meta HTTP/1.1\r\nHost: x\r\nX-Padding: "
    reply = b""
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(head)
        try:
            for _ in range(16 * 1024):  # up to 16 MB, 1 KiB at a time
                sock.sendall(b"a" * 1024)
        except (BrokenPipeError, ConnectionResetError):
            pass  # refused and closed before the header ended, as it should be
        try:
            while chunk := sock.recv(65536):
                reply += chunk
        except ConnectionResetError:
            pass
    status_line, _, rest = reply.partition(b"\r\n")
    assert status_line == b"HTTP/1.1 431 Request Header Fields Too Large"
    assert f"content-security-policy: {CONTENT_SECURITY_POLICY}".encode() in rest
    assert httpx.get(f"{server}/api/v1/meta").status_code == 200


def test_a_request_uvicorn_cannot_parse_gets_400_with_the_security_headers(server: str) -> None:
    host, port = server.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(b"GET /\x00 HTTP/1.1\r\nHost: x\r\n\r\n")
        reply = b""
        while chunk := sock.recv(65536):
            reply += chunk
    status_line, _, rest = reply.partition(b"\r\n")
    assert status_line == b"HTTP/1.1 400 Bad Request"
    assert f"content-security-policy: {CONTENT_SECURITY_POLICY}".encode() in rest
