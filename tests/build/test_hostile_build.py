"""Hostile content fails the build with `path:line` errors, never a traceback, a hang or a
database that answers 500 later."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from evidex.build.pipeline import BuildFailed, build

REPO = Path(__file__).resolve().parents[2]
LAUGHS = "\n".join(
    ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    + [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, 9)]
)


@pytest.fixture
def library(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(REPO / "content", target)
    return target


def _edit(path: Path, change: str, to: str) -> int:
    """Replace the first line matching `change` (a regex) and return its line number."""
    text = path.read_text(encoding="utf-8")
    match = re.search(change, text, re.M)
    assert match is not None, change
    path.write_text(text[: match.start()] + to + text[match.end() :], encoding="utf-8")
    return text[: match.start()].count("\n") + 1


CASES = {
    "billion laughs in a vendor file": (
        "vendors/northwind-peptides.yaml",
        r"^name: .*$",
        LAUGHS + "\nname: Northwind Peptides",
        "at most 10000",
        7,  # the anchor l7, whose nine aliases multiply the document
    ),
    "a thirty-digit study n": (
        "studies/step-1-semaglutide-2021.yaml",
        r"^n: \d+$",
        "n: " + "9" * 30,
        "between -9223372036854775808 and 9223372036854775807",
        0,
    ),
    "price 1e400": (
        "vendors/northwind-peptides.yaml",
        r"price: 49\.00$",
        "price: 1e400",
        "between 0.000001 and 1,000,000,000",
        0,
    ),
    "a study estimate of 1e300": (
        "studies/step-1-semaglutide-2021.yaml",
        r"^    value: -12\.4$",
        "    value: -1.0e+300",
        "must lie between -1,000,000,000 and 1,000,000,000",
        0,
    ),
    "an alias loop in a study": (
        "studies/step-1-semaglutide-2021.yaml",
        r"^n: \d+$",
        "n: &n [*n]",
        "refers to the anchor that contains it",
        0,
    ),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_hostile_content_fails_the_build_at_its_line(
    library: Path, tmp_path: Path, case: tuple[str, str, str, str, int]
) -> None:
    relative, change, to, message, line_in_insert = case
    line = _edit(library / relative, change, to) + line_in_insert
    with pytest.raises(BuildFailed) as failure:
        build(library, tmp_path / "out.db")
    errors = [d for d in failure.value.diagnostics if d.level == "error"]
    assert [(d.path, d.line) for d in errors] == [(f"content/{relative}", line)]
    assert message in errors[0].message
    assert not (tmp_path / "out.db").exists()
