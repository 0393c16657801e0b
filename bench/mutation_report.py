"""Killed / survived / no-tests per module from the results `mutmut run` leaves in mutants/.

Run with `python -m bench.mutation_report` after `mutmut run` (`make mutate` does both);
`--survivors` also lists each surviving mutant by name, for `mutmut show <name>`.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

MUTANTS = Path("mutants")


@dataclass(frozen=True)
class ModuleFigures:
    module: str  # dotted name, e.g. evidex.vendors.pricing
    mutants: int
    killed: int
    survived: int
    no_tests: int
    not_checked: int
    other: int  # timeouts, suspicious, segfaults, ...
    survivors: tuple[str, ...]

    @property
    def killed_percent(self) -> float:
        return 100.0 * self.killed / self.mutants if self.mutants else 0.0


def read_exit_codes(mutants_dir: Path = MUTANTS) -> dict[str, dict[str, int | None]]:
    """Each mutated module's mutant names and test exit codes, from mutmut's .meta files."""
    results: dict[str, dict[str, int | None]] = {}
    for meta in sorted(mutants_dir.rglob("*.py.meta")):
        relative = meta.relative_to(mutants_dir).with_suffix("").with_suffix("")
        parts = relative.parts[1:] if relative.parts[0] == "src" else relative.parts
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        results[".".join(parts)] = dict(codes)
    return results


def tally(
    module: str, codes: Mapping[str, int | None], status_of: Callable[[int | None], str]
) -> ModuleFigures:
    statuses = {name: status_of(code) for name, code in codes.items()}
    counted = [statuses[name] for name in sorted(statuses)]
    killed, survived = counted.count("killed"), counted.count("survived")
    no_tests, not_checked = counted.count("no tests"), counted.count("not checked")
    survivors = tuple(sorted(n for n, s in statuses.items() if s == "survived"))
    other = len(counted) - killed - survived - no_tests - not_checked
    return ModuleFigures(
        module, len(counted), killed, survived, no_tests, not_checked, other, survivors
    )


def table(figures: list[ModuleFigures]) -> str:
    rows = [
        "| module | mutants | killed | survived | no tests | not checked | other | killed % |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for f in figures:
        rows.append(
            f"| `{f.module}` | {f.mutants} | {f.killed} | {f.survived} | {f.no_tests} "
            f"| {f.not_checked} | {f.other} | {f.killed_percent:.1f}% |"
        )
    return "\n".join(rows)


def main(argv: list[str]) -> int:
    from mutmut.stats import status_by_exit_code  # installed by the `mutate` extra

    results = read_exit_codes()
    if not results:
        print("no mutmut results in mutants/: run `make mutate` first", file=sys.stderr)
        return 1
    figures = [tally(m, codes, status_by_exit_code.__getitem__) for m, codes in results.items()]
    print(table(figures))
    if "--survivors" in argv:
        for f in figures:
            for name in f.survivors:
                print(f"survived: {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
