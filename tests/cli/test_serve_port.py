from __future__ import annotations

import socket
from pathlib import Path

from typer.testing import CliRunner

from evidex.cli.main import app


def test_a_busy_port_is_one_line_naming_it(db_path: Path) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = CliRunner().invoke(app, ["serve", "--db", str(db_path), "--port", str(port)])
    assert result.exit_code == 2
    assert result.output.strip() == (
        f"error: cannot listen on 127.0.0.1:{port}: the port is already in use; "
        "choose another with --port (or PORT=8001 make run)"
    )
