"""A short version of `make bench`'s swap run: load, rebuilds, nothing lost or mixed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ops_helpers import free_port, serve_argv, start_server, wait_healthy

from evidex.build.pipeline import build
from evidex.ops.swapload import (
    ContentCheck,
    LoadReport,
    edit_profile,
    pick_urls,
    run_load_with_swaps,
)


def _load_with_rebuilds(
    db_path: Path,
    tmp_path: Path,
    first: str,
    rebuild: Callable[[int], str],
    swaps: int,
    more_urls: tuple[str, ...] = (),
    check: ContentCheck | None = None,
) -> LoadReport:
    """Serve `db_path`, drive it for 10 s while `rebuild` runs `swaps` times, and check that
    nothing failed or mixed two builds and that every new build reached the readers in 1 s."""
    port = free_port()
    server = start_server(serve_argv(db_path, port), tmp_path / "server.log")
    try:
        base = f"http://127.0.0.1:{port}"
        assert wait_healthy(base)["build"] == first
        urls = [*pick_urls(base), *more_urls]
        report = run_load_with_swaps(
            base,
            urls,
            rebuild,
            connections=8,
            seconds=10,
            swaps=swaps,
            check=check,
            unique=bool(check),
        )
    finally:
        server.terminate()
        server.wait(timeout=15)
    summary = report.summary()
    assert report.requests > 100, summary
    assert report.failed == 0, summary
    assert report.mixed == 0, (summary, report.samples)
    assert len(report.swap_visible_s) == swaps
    assert max(report.swap_visible_s) < 1.0, summary
    assert len(report.builds_seen) >= swaps, summary  # the swaps really reached the readers
    return report


def test_rebuilds_under_load_lose_nothing_and_never_mix_builds(
    content_dir: Path, tmp_path: Path
) -> None:
    db_path = tmp_path / "evidex.db"
    first = build(content_dir, db_path).build_id
    profile = content_dir / "compounds" / "creatine.md"

    def rebuild(number: int) -> str:
        edit_profile(profile, f"test-{number}")
        return build(content_dir, db_path, force=True).build_id

    _load_with_rebuilds(db_path, tmp_path, first, rebuild, swaps=3)


def test_incremental_builds_under_load_never_show_a_page_of_two_builds(
    content_dir: Path, tmp_path: Path
) -> None:
    """Each edit is written in place; a response whose header names a build shows that build's
    description of the edited compound and no other's (every request has a query of its own,
    so each is read from the database, none from a memo)."""
    db_path = tmp_path / "evidex.db"
    first = build(content_dir, db_path).build_id
    marks: dict[str, str] = {first: ""}
    profile = content_dir / "compounds" / "creatine.md"
    original = profile.read_text(encoding="utf-8")
    shows_description = ("/compounds/creatine", "/api/v1/compounds/creatine")

    def rebuild(number: int) -> str:
        mark = f"swapmark{number}x"
        profile.write_text(
            original.replace("description: >-\n  ", f"description: >-\n  {mark} ", 1),
            encoding="utf-8",
        )
        report = build(content_dir, db_path)
        assert report.incremental
        marks[report.build_id] = mark
        return report.build_id

    def check(url: str, build_id: str, body: bytes) -> str | None:
        if url not in shows_description or build_id not in marks:
            return None
        shown = {mark for mark in marks.values() if mark and mark.encode() in body}
        wanted = {marks[build_id]} - {""}
        return None if shown == wanted else f"build {build_id} shows {sorted(shown)}"

    _load_with_rebuilds(db_path, tmp_path, first, rebuild, 4, shows_description, check)
