"""`evidex build` imports what a build needs and nothing of the website or the importers.

Every command module is imported to list the commands, so each keeps its heavy imports inside
the commands that use them; checked on the modules a real build imports, not on timings."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CONTENT = Path(__file__).resolve().parents[2] / "content"
NOT_FOR_A_BUILD = ("fastapi", "starlette", "uvicorn", "httpx", "evidex.web", "evidex.sources")


def _imported(*args: str) -> set[str]:
    """The modules `python -m evidex ARGS` imports (from -X importtime's report)."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "evidex", *args],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    lines = [line for line in done.stderr.splitlines() if line.startswith("import time:")]
    return {line.rsplit("|", 1)[1].strip() for line in lines}


def _unwanted(modules: set[str]) -> list[str]:
    return sorted(
        m for m in modules if m.split(".")[0] in NOT_FOR_A_BUILD or m.startswith(NOT_FOR_A_BUILD)
    )


def test_a_build_imports_nothing_of_the_website_or_the_importers(tmp_path: Path) -> None:
    modules = _imported("build", str(CONTENT), "--db", str(tmp_path / "evidex.db"), "--quiet")
    assert "evidex.build.pipeline" in modules  # the report lists what the build really ran
    assert _unwanted(modules) == []


def test_listing_the_commands_imports_no_command_s_work() -> None:
    modules = _imported("--help")
    assert _unwanted(modules) == []
    assert "evidex.build.pipeline" not in modules
    assert "evidex.content.models" not in modules
