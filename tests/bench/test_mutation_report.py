"""The mutation report counts each module's mutants by what mutmut recorded for them."""

from __future__ import annotations

import json
from pathlib import Path

from bench.mutation_report import read_exit_codes, table, tally

# mutmut's meaning of the exit codes this test writes.
STATUS = {1: "killed", 0: "survived", 33: "no tests", None: "not checked", 36: "timeout"}


def write_meta(root: Path, relative: str, codes: dict[str, int | None]) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"exit_code_by_key": codes, "hash_by_function_name": {}}))


def test_each_module_is_named_by_its_dotted_path_and_counted(tmp_path: Path) -> None:
    write_meta(
        tmp_path,
        "src/evidex/vendors/pricing.py.meta",
        {"p.x_a__mutmut_1": 1, "p.x_a__mutmut_2": 0, "p.x_b__mutmut_1": 1, "p.x_b__mutmut_2": 33},
    )
    write_meta(tmp_path, "src/evidex/evidence/stats.py.meta", {"s.x__mutmut_1": None, "s.y": 36})
    results = read_exit_codes(tmp_path)
    assert sorted(results) == ["evidex.evidence.stats", "evidex.vendors.pricing"]
    pricing = tally("evidex.vendors.pricing", results["evidex.vendors.pricing"], STATUS.__getitem__)
    assert (pricing.mutants, pricing.killed, pricing.survived, pricing.no_tests) == (4, 2, 1, 1)
    assert (pricing.not_checked, pricing.other, pricing.killed_percent) == (0, 0, 50.0)
    assert pricing.survivors == ("p.x_a__mutmut_2",)
    stats = tally("evidex.evidence.stats", results["evidex.evidence.stats"], STATUS.__getitem__)
    assert (stats.mutants, stats.killed, stats.not_checked, stats.other) == (2, 0, 1, 1)


def test_the_table_gives_one_row_per_module_with_the_killed_share(tmp_path: Path) -> None:
    write_meta(tmp_path, "src/evidex/stack/screening.py.meta", {"a": 1, "b": 1, "c": 0})
    results = read_exit_codes(tmp_path)
    figures = [tally(m, codes, STATUS.__getitem__) for m, codes in results.items()]
    assert table(figures).splitlines()[2] == (
        "| `evidex.stack.screening` | 3 | 2 | 1 | 0 | 0 | 0 | 66.7% |"
    )


def test_no_results_is_an_empty_report(tmp_path: Path) -> None:
    assert read_exit_codes(tmp_path) == {}
