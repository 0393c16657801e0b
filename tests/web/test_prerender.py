"""Pages stored by the build are served as the rendering path would answer them."""

from __future__ import annotations

import gzip
import json
import shutil
import sqlite3
import warnings
from pathlib import Path
from typing import Any

import pytest

from evidex.build.pipeline import build
from evidex.web import prerender
from evidex.web.app import create_app
from evidex.web.memo import ResponseMemoMiddleware
from evidex.web.prerender import (
    SITE_META_KEY,
    dependencies,
    page_paths,
    prerender_build,
    rerender,
    stored_page,
)

SAMPLE_LIBRARY = Path(__file__).resolve().parents[2] / "content"

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

# Every header the rendering path sends that a stored page must repeat (date and server are
# the HTTP server's own).
COMPARED = (
    "content-type",
    "content-encoding",
    "content-length",
    "vary",
    "etag",
    "cache-control",
    "last-modified",
    "x-evidex-build",
    "content-security-policy",
    "x-content-type-options",
    "referrer-policy",
    "x-frame-options",
)


@pytest.fixture
def prerendered(db_path: Path) -> Path:
    with sqlite3.connect(db_path) as conn:
        prerender_build(conn, db_path)
    return db_path


def _without_pages(db_path: Path, tmp_path: Path) -> Path:
    """The same build (same id and time) whose stored pages the server does not use."""
    plain = tmp_path / "rendered.db"
    shutil.copyfile(db_path, plain)
    with sqlite3.connect(plain) as conn:
        conn.execute("DELETE FROM meta WHERE key = ?", (SITE_META_KEY,))
    return plain


def _answer(client: TestClient, path: str, encoding: str) -> tuple[int, dict[str, str], bytes]:
    response = client.get(path, headers={"Accept-Encoding": encoding})
    headers = {k: v for k, v in response.headers.items() if k in COMPARED}
    if headers.get("content-encoding") == "gzip":
        del headers["content-length"]  # the compressed size depends on the gzip level
    return response.status_code, headers, response.content


def test_every_stored_page_answers_as_the_rendering_path(prerendered: Path, tmp_path: Path) -> None:
    with sqlite3.connect(prerendered) as conn:
        paths = page_paths(conn)
        stored = {r[0] for r in conn.execute("SELECT path FROM pages")}
    kinds = {p.removeprefix("/api/v1").split("/")[1] or "/" for p in paths}
    assert kinds >= {"/", "compounds", "research", "goals", "methodology", "about"}
    assert stored == set(paths)
    with (
        TestClient(create_app(prerendered)) as fast,
        TestClient(create_app(_without_pages(prerendered, tmp_path))) as rendered,
    ):
        for path in sorted(stored):
            # a query string the page reads nothing of (a stored page answers it, with the
            # query's ETag), or one it does read (the rendering path answers it)
            for asked in (path, path + "?utm_source=mail&ref=a%20b", path + "?goal=sleep&page=2"):
                for encoding in ("gzip", "identity"):
                    assert _answer(fast, asked, encoding) == _answer(rendered, asked, encoding), (
                        asked,
                        encoding,
                    )


def test_an_article_on_its_compounds_second_goal_is_stored_as_it_renders_alone(
    tmp_path: Path,
) -> None:
    """A compound's article takes its goal's evidence from the compound's evidence for every
    goal, which the evidence page rendered before it loaded: here the article's goal is the
    second of two."""
    db_path = tmp_path / "evidex.db"
    build(SAMPLE_LIBRARY, db_path)
    with sqlite3.connect(db_path) as conn:
        columns = [r[1] for r in conn.execute("PRAGMA table_info(tiers)")]
        graded = conn.execute(
            "SELECT * FROM tiers WHERE compound_slug = 'semaglutide' AND goal = 'weight-loss'"
        ).fetchone()
        first = {**dict(zip(columns, graded, strict=True)), "goal": "sleep", "tier": 1}
        first["rationale"] = "Graded for sleep before weight loss."
        conn.execute(
            f"INSERT INTO tiers ({', '.join(first)}) VALUES ({', '.join('?' * len(first))})",
            list(first.values()),
        )
        conn.commit()
        prerender_build(conn, db_path)
    article = ("/research/semaglutide-weight-loss", "/api/v1/research/semaglutide-weight-loss")
    with (
        TestClient(create_app(db_path)) as fast,
        TestClient(create_app(_without_pages(db_path, tmp_path))) as rendered,
    ):
        evidence = rendered.get("/api/v1/compounds/semaglutide/evidence").json()
        assert [g["goal"] for g in evidence["goals"]] == ["sleep", "weight-loss"]
        for path in article:
            assert _answer(fast, path, "identity") == _answer(rendered, path, "identity")
        assert "Graded for sleep" not in rendered.get(article[0]).text


def test_a_stored_page_is_sent_without_rendering(prerendered: Path) -> None:
    marker = b"<html>stored, not rendered</html>" * 40
    with sqlite3.connect(prerendered) as conn:
        conn.execute(
            "UPDATE pages SET body = ?, length = ? WHERE path = ?",
            (gzip.compress(marker), len(marker), "/compounds/thymosin-alpha"),
        )
    with TestClient(create_app(prerendered)) as client:
        zipped = client.get("/compounds/thymosin-alpha", headers={"Accept-Encoding": "gzip"})
        plain = client.get("/compounds/thymosin-alpha", headers={"Accept-Encoding": "identity"})
        etag = zipped.headers["etag"]
        again = client.get("/compounds/thymosin-alpha", headers={"If-None-Match": etag})
        head = client.head("/compounds/thymosin-alpha", headers={"Accept-Encoding": "gzip"})
    assert zipped.content == marker and zipped.headers["content-encoding"] == "gzip"
    assert plain.content == marker and "content-encoding" not in plain.headers
    assert plain.headers["content-length"] == str(len(marker))
    assert again.status_code == 304 and again.content == b""
    assert head.status_code == 200 and head.content == b""
    assert head.headers["etag"] == etag


def test_a_query_string_or_another_site_is_rendered_as_before(prerendered: Path) -> None:
    with sqlite3.connect(prerendered) as conn:
        conn.execute("UPDATE pages SET body = ?", (gzip.compress(b"stale" * 400),))
        conn.execute("UPDATE meta SET value = ? WHERE key = ?", ("|/sub|0", SITE_META_KEY))
    with TestClient(create_app(prerendered)) as client:
        assert b"stale" not in client.get("/compounds/thymosin-alpha").content
        assert b"stale" not in client.get("/goals?x=1").content


def test_a_page_that_reads_its_query_is_rendered_for_one(prerendered: Path) -> None:
    with sqlite3.connect(prerendered) as conn:
        conn.execute("UPDATE pages SET body = ?", (gzip.compress(b"stale" * 400),))
    with TestClient(create_app(prerendered)) as client:
        assert client.get("/goals?x=1").content == b"stale" * 400  # reads no query: stored
        for path in ("/compounds?tier=1", "/compounds/thymosin-alpha/evidence?goal=immunity"):
            assert b"stale" not in client.get(path).content


def test_a_page_of_another_build_is_not_served(prerendered: Path) -> None:
    with sqlite3.connect(prerendered) as conn:
        conn.execute("UPDATE pages SET body = ?, build_id = 'older'", (gzip.compress(b"x" * 900),))
    with TestClient(create_app(prerendered)) as client:
        assert client.get("/compounds/thymosin-alpha").content != b"x" * 900


def test_pages_depend_on_what_they_link_to_and_lists_on_everything() -> None:
    body = b'<a href="/compounds/bpc-157">BPC</a> <a href="/research/tb-500-for-x/">'
    assert dependencies("/compounds/tb-500", body) == {
        "compound:tb-500",
        "compound:bpc-157",
        "article:tb-500-for-x",
    }
    article = json.dumps({"compound_slug": "tb-500"}).encode()
    assert "compound:tb-500" in dependencies("/api/v1/research/tb-500-for-x", article)
    assert dependencies("/goals/sleep", body) == {"*"}
    assert dependencies("/", body) == {"*"}


def test_rerender_redoes_exactly_the_pages_that_show_a_changed_compound(
    prerendered: Path,
) -> None:
    with sqlite3.connect(prerendered) as conn:
        before = {r[0]: r[1] for r in conn.execute("SELECT path, body FROM pages")}
        doc = json.loads(
            conn.execute("SELECT doc FROM compounds WHERE slug = 'interferon-alpha'").fetchone()[0]
        )
        doc["title"] = "Interferon Renamed"
        conn.execute(
            "UPDATE compounds SET doc = ?, title = ? WHERE slug = 'interferon-alpha'",
            (json.dumps(doc), doc["title"]),
        )
        conn.commit()
        redone = set(rerender(conn, prerendered, compounds=["interferon-alpha"]))
        after = {r[0]: r[1] for r in conn.execute("SELECT path, body FROM pages")}
        own = stored_page(conn, "/compounds/interferon-alpha")
        partner = stored_page(conn, "/compounds/thymosin-alpha")
    assert own is not None and b"Interferon Renamed" in gzip.decompress(own.body)
    assert {"/compounds/interferon-alpha", "/api/v1/compounds/interferon-alpha", "/"} <= redone
    # thymosin alpha names interferon alpha as a combination partner, with its title
    assert partner is not None and b"Interferon Renamed" in gzip.decompress(partner.body)
    assert "/compounds/bpc-157" not in redone
    untouched = set(before) - redone
    assert untouched and all(after[p] == before[p] for p in untouched)
    assert set(after) == set(before)


def test_pages_rendered_on_every_core_equal_those_rendered_in_one_process(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parallel = tmp_path / "parallel.db"
    shutil.copyfile(db_path, parallel)
    with sqlite3.connect(db_path) as conn:
        prerender_build(conn, db_path)
    monkeypatch.setattr(prerender, "_CHUNK", 4)  # the sample's ~100 pages in many chunks
    monkeypatch.setattr(prerender, "worker_count", lambda: 2)
    with sqlite3.connect(parallel) as conn:
        prerender_build(conn, parallel)

    def pages(path: Path) -> dict[str, tuple[bytes, set[str]]]:
        with sqlite3.connect(path) as conn:
            deps: dict[str, set[str]] = {}
            for dep, page in conn.execute("SELECT dep, path FROM page_deps"):
                deps.setdefault(page, set()).add(dep)
            return {
                p: (gzip.decompress(b) if e else b, deps[p])
                for p, e, b in conn.execute("SELECT path, encoding, body FROM pages")
            }

    assert pages(parallel) == pages(db_path)
    assert not list(tmp_path.glob("*.pages-*"))  # the workers' side files are gone


def test_pages_are_rendered_from_inside_a_running_event_loop(db_path: Path) -> None:
    """A build called from async code (a server, a test) still pre-renders: the routes run on
    a loop of their own. The loop runs in a fresh thread, whatever this thread runs."""
    import asyncio
    import threading

    async def render_from_a_loop() -> int:
        with sqlite3.connect(db_path) as conn:
            return prerender_build(conn, db_path)

    stored: list[int] = []
    worker = threading.Thread(target=lambda: stored.append(asyncio.run(render_from_a_loop())))
    worker.start()
    worker.join()
    assert stored and stored[0] > 0


# Answers the memo keeps beside the stored pages: the first view runs the whole stack, the
# second comes from the memo, before any layer, and must be the same response.
KEPT_KINDS = (
    "/compounds/no-such-compound",  # 404 page (with its close-name suggestions)
    "/api/v1/compounds/no-such-compound",  # 404 JSON
    "/compounds/zadaxin",  # 301 to the canonical profile
    "/compounds/zadaxin/evidence",  # 301 to the canonical evidence page
    "/search?q=liver",  # results page
    "/search?q=Zadaxin",  # 303: an exact name goes to its profile
    "/api/v1/search?q=liver",
    "/api/v1/suggest?q=thy",
    "/compounds?tier=1",  # a page that reads its query string (never stored)
)


@pytest.mark.parametrize("path", KEPT_KINDS)
@pytest.mark.parametrize("method", ["GET", "HEAD"])
def test_every_kept_kind_answers_from_the_memo_as_the_whole_stack(
    prerendered: Path, path: str, method: str
) -> None:
    app = create_app(prerendered)
    with TestClient(app) as client:
        for encoding in ("gzip", "identity"):
            first = client.request(
                "GET", path, headers={"Accept-Encoding": encoding}, follow_redirects=False
            )
            kept = client.request(
                method, path, headers={"Accept-Encoding": encoding}, follow_redirects=False
            )
            headers = {k: v for k, v in first.headers.items() if k != "date"}
            assert {k: v for k, v in kept.headers.items() if k != "date"} == headers, path
            assert kept.status_code == first.status_code
            assert kept.content == (first.content if method == "GET" else b"")
        assert len(_memo(app).entries) == 2  # both encodings kept, so the second was a hit


def _memo(app: Any) -> ResponseMemoMiddleware:
    layer = app.middleware_stack
    while not isinstance(layer, ResponseMemoMiddleware):
        layer = layer.app
    return layer


REDIRECTS = (
    "/compounds/zadaxin",
    "/compounds/Zadaxin/evidence",
    "/compounds/TA-1/feed.xml",
    "/compounds/thymalfasin/vendors",
)


@pytest.mark.parametrize("path", REDIRECTS)
@pytest.mark.parametrize("method", ["GET", "HEAD"])
def test_a_compound_s_other_name_is_redirected_before_routing_as_its_handler_does(
    db_path: Path, path: str, method: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    routed_app = create_app(db_path)
    with TestClient(routed_app) as routed:
        routed.get("/about")  # builds the stack, so its memo can be told to route redirects
        _memo(routed_app).redirect = None
        expected = routed.request(method, path, follow_redirects=False)

    def no_handler(*args: object) -> None:
        raise AssertionError("the handler ran")

    for module in ("pages", "vendor_views"):
        monkeypatch.setattr(f"evidex.web.{module}.canonical_redirect", no_handler)
    with TestClient(create_app(db_path)) as fast:
        answer = fast.request(method, path, follow_redirects=False)
    assert answer.status_code == expected.status_code == 301
    assert {k: v for k, v in answer.headers.items() if k != "date"} == {
        k: v for k, v in expected.headers.items() if k != "date"
    }
    assert answer.content == expected.content == b""


def test_only_another_name_of_a_compound_is_redirected_before_routing(db_path: Path) -> None:
    from evidex.storage.db import Database
    from evidex.web.deps import compound_redirect
    from evidex.web.templating import Site

    db, site = Database(db_path), Site(base_url="")
    try:
        assert compound_redirect(db, site, "/compounds/thymosin-alpha") is None  # canonical
        assert compound_redirect(db, site, "/compounds/no-such-name") is None
        assert compound_redirect(db, site, "/research/zadaxin") is None
        assert compound_redirect(db, site, "/compounds/zadaxin/other") is None
        headers, route = compound_redirect(db, site, "/compounds/Zadaxin/evidence") or ([], "")
        assert (b"location", b"/compounds/thymosin-alpha/evidence") in headers
        assert route == "/compounds/{name}/evidence"
    finally:
        db.close()


def test_a_compounds_articles_are_rendered_right_after_its_own_pages(tmp_path: Path) -> None:
    """The renderer shares one compound's evidence and plots across the pages rendered
    together, so its articles must follow its pages, before the next compound's."""
    db = tmp_path / "evidex.db"
    build(SAMPLE_LIBRARY, db)
    with sqlite3.connect(db) as conn:
        paths = page_paths(conn)
        owned = conn.execute(
            "SELECT slug, compound_slug FROM articles WHERE compound_slug IN "
            "(SELECT slug FROM compounds)"
        ).fetchall()
    assert len(owned) > 1
    for article, compound in owned:
        profile = paths.index(f"/compounds/{compound}")
        following = paths[profile + 1 : paths.index(f"/research/{article}")]
        assert not [p for p in following if p.count("/") == 2 and p.startswith("/compounds/")]
