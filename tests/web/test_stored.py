"""Stored pages are read in a shared read transaction that never outlives its hold, and every
answer is one build's page (evidex.web.stored). That each answer equals the rendering path's is
tests/web/test_prerender.py's equivalence test."""

from __future__ import annotations

import asyncio
import os
import sqlite3
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

import pytest

from evidex.storage.db import Database
from evidex.web.prerender import SITE_META_KEY, prerender_build
from evidex.web.stored import HOLD_SECONDS, StoredPages

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "storage"))
from sample_db import write_sample_db

T = TypeVar("T")
TOUCH_BUILD = "UPDATE meta SET value = value WHERE key = 'build_id'"


def _prerendered(path: Path, build_id: str) -> Path:
    write_sample_db(path, build_id=build_id)
    with sqlite3.connect(path) as conn:
        prerender_build(conn, path)
    return path


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, Database, StoredPages]]:
    path = _prerendered(tmp_path / "evidex.db", "build-1")
    db = Database(path, check_interval=0)
    yield path, db, StoredPages(db, db.current().meta[SITE_META_KEY])
    db.close()


def _on_a_thread_of_its_own(work: Callable[[], T]) -> T:
    """`work`'s result, run where no event loop is running (a browser test earlier in the same
    worker can leave one running on the main thread)."""
    with ThreadPoolExecutor(1) as thread:
        return thread.submit(work).result()


def _try_write(path: Path) -> bool:
    """Whether a writer that does not wait can commit to `path` now."""
    writer = sqlite3.connect(path, timeout=0)
    try:
        writer.execute(TOUCH_BUILD)
        writer.commit()
        return True
    except sqlite3.OperationalError:
        writer.rollback()
        return False
    finally:
        writer.close()


def test_lookups_share_a_read_transaction_that_ends_within_its_hold(
    served: tuple[Path, Database, StoredPages],
) -> None:
    path, _, pages = served

    async def lookups() -> tuple[bool, bool]:
        assert pages("build-1", "/about", "", True) is not None
        assert pages("build-1", "/goals", "", True) is not None
        during = _try_write(path)
        await asyncio.sleep(HOLD_SECONDS * 3)
        return during, _try_write(path)

    during, after = _on_a_thread_of_its_own(lambda: asyncio.run(lookups()))
    assert not during  # the lookups' snapshot is held ...
    assert after  # ... and let go by its timer, with no request to end it


def test_a_lookup_outside_an_event_loop_holds_nothing(
    served: tuple[Path, Database, StoredPages],
) -> None:
    path, _, pages = served
    found = _on_a_thread_of_its_own(lambda: pages("build-1", "/about", "", True))
    assert found is not None
    assert _try_write(path)


def test_a_swapped_build_s_pages_are_read_from_the_new_file_and_never_mixed(
    served: tuple[Path, Database, StoredPages], tmp_path: Path
) -> None:
    path, db, pages = served

    async def before_and_after() -> tuple[object, object, object]:
        before = pages("build-1", "/compounds/thymosin-alpha", "", True)
        os.replace(_prerendered(tmp_path / "next.db", "build-2"), path)
        db.refresh(force=True)
        old = pages("build-1", "/compounds/thymosin-alpha", "", True)
        new = pages("build-2", "/compounds/thymosin-alpha", "", True)
        return before, old, new

    before, old, new = _on_a_thread_of_its_own(lambda: asyncio.run(before_and_after()))
    assert before is not None and new is not None
    assert (b"x-evidex-build", b"build-1") in before[0]
    assert (b"x-evidex-build", b"build-2") in new[0]
    assert old is None  # the old build's page is not in the new file: the stack answers
