from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from evidex.cli.main import app

CONTENT = Path(__file__).resolve().parents[2] / "content"
runner = CliRunner()


def test_vendors_without_a_compound_lists_every_vendor(db_path: Path) -> None:
    result = runner.invoke(app, ["vendors", "--db", str(db_path), "--json"])
    assert result.exit_code == 0, result.output
    listed = {vendor["slug"] for vendor in json.loads(result.stdout)["vendors"]}
    assert listed == {path.stem for path in (CONTENT / "vendors").glob("*.yaml")}
    table = runner.invoke(app, ["vendors", "--db", str(db_path)])
    assert table.exit_code == 0
    assert "Northwind" in table.stdout and "does not sell" in table.stdout
