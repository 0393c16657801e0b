from __future__ import annotations

import warnings
from pathlib import Path

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from evidex.web.app import create_app
from evidex.web.templating import Site


def test_pages_under_evidex_dev_load_the_reload_script(db_path: Path) -> None:
    with TestClient(create_app(db_path, Site(live_reload=True))) as client:
        page = client.get("/compounds/thymosin-alpha")
        script = client.get("/static/js/live-reload.js")
    assert 'src="/static/js/live-reload.js"' in page.text
    assert 'data-health="/healthz"' in page.text
    assert script.status_code == 200
    assert "location.reload" in script.text


def test_served_and_exported_pages_carry_no_reload_script(client: TestClient) -> None:
    assert "live-reload" not in client.get("/compounds/thymosin-alpha").text
