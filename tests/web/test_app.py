"""The app as a server worker starts it."""

from __future__ import annotations

import gc
from pathlib import Path

from evidex.search import engine
from evidex.web.app import create_app, ready_for_traffic


def test_a_worker_has_its_search_engine_and_a_frozen_heap_before_its_first_request(
    db_path: Path,
) -> None:
    engine._engines.clear()
    app = create_app(db_path)
    try:
        ready_for_traffic(app)
        assert list(engine._engines) == [app.state.db.current().build_id]
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        app.state.db.close()
