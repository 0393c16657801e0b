"""A name in a combination or an interaction rule that misspells a library compound is a
warning with "did you mean"; a compound the library simply lacks is information."""

from __future__ import annotations

import shutil
from pathlib import Path

from evidex.build.pipeline import load_library

CONTENT = Path(__file__).resolve().parents[2] / "content"


def test_misspelt_partners_are_warnings_and_absent_ones_information(tmp_path: Path) -> None:
    library = tmp_path / "content"
    shutil.copytree(CONTENT, library)
    rules = library / "interactions.yaml"
    rules.write_text(
        rules.read_text(encoding="utf-8").replace("    a: melatonin\n", "    a: melatonn\n", 1),
        encoding="utf-8",
    )
    profile = library / "compounds" / "vitamin-d3.md"
    profile.write_text(
        profile.read_text(encoding="utf-8").replace("Calcium", "Creatne", 1), encoding="utf-8"
    )
    found, _, _ = load_library(library)
    warnings = [d for d in found.diagnostics if d.level == "warning"]
    assert [(d.path, d.message) for d in warnings if "melatonn" in d.message] == [
        (
            "content/interactions.yaml",
            "interaction 'melatonin-sedatives' names 'melatonn', which is not in the library; "
            "did you mean 'Melatonin'?",
        )
    ]
    assert [d.message for d in warnings if "Creatne" in d.message] == [
        "popular combination 'Creatne' is not in the library; did you mean 'Creatine'?"
    ]
    absent = {d.message for d in found.diagnostics if d.level == "info"}
    assert (
        "popular combination 'Vitamin K2' is not in the library yet (it will be linked when it is added)"
        in absent
    )
