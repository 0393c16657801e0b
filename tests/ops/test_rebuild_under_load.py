"""A short version of `make bench`'s swap run: load, three rebuilds, nothing lost or mixed."""

from __future__ import annotations

from pathlib import Path

from ops_helpers import free_port, serve_argv, start_server, wait_healthy

from evidex.build.pipeline import build
from evidex.ops.swapload import edit_profile, pick_urls, run_load_with_swaps


def test_rebuilds_under_load_lose_nothing_and_never_mix_builds(
    content_dir: Path, tmp_path: Path
) -> None:
    db_path = tmp_path / "evidex.db"
    first = build(content_dir, db_path).build_id
    port = free_port()
    server = start_server(serve_argv(db_path, port), tmp_path / "server.log")
    try:
        base = f"http://127.0.0.1:{port}"
        assert wait_healthy(base)["build"] == first
        profile = content_dir / "compounds" / "creatine.md"

        def rebuild(number: int) -> str:
            edit_profile(profile, f"test-{number}")
            return build(content_dir, db_path, force=True).build_id

        report = run_load_with_swaps(
            base, pick_urls(base), rebuild, connections=8, seconds=10, swaps=3
        )
    finally:
        server.terminate()
        server.wait(timeout=15)
    summary = report.summary()
    assert report.requests > 100, summary
    assert report.failed == 0, summary
    assert report.mixed == 0, summary
    assert len(report.swap_visible_s) == 3
    assert max(report.swap_visible_s) < 1.0, summary
    assert len(report.builds_seen) >= 3, summary  # the swaps really reached the readers
