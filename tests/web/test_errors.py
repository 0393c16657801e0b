"""Error pages: one page per build for an address nothing answers, rendered once."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from evidex.web import errors
from evidex.web.app import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


def test_an_unknown_address_s_page_is_rendered_once_per_build_and_answered_the_same(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with TestClient(create_app(db_path)) as fresh:
        expected = fresh.get("/no/such/page", headers={"Accept-Encoding": "identity"})
    rendered: list[str] = []
    render_text = errors.render_text

    def counted(*args: object, **kwargs: object) -> str:
        rendered.append(str(args[1]))
        return render_text(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(errors, "render_text", counted)
    with TestClient(create_app(db_path)) as client:
        answers = [
            client.get(path, headers={"Accept-Encoding": "identity"})
            for path in ("/no/such/page", "/nor/this-one", "/research/x/y")
        ]
        with_names = client.get("/compounds/no-such-name-at-all")  # names close ones: rendered
    assert rendered == ["error.html", "error.html"]  # the first unknown address, then the names
    for answer in answers:
        assert answer.status_code == 404 == expected.status_code
        assert answer.content == expected.content
        assert answer.headers["content-length"] == expected.headers["content-length"]
    assert with_names.status_code == 404
