"""Static export: the site as files (HTML pages, JSON API responses, feeds, assets).

Pages are rendered by the real app (in-process, no network) configured for static hosting, so
the export and the server can never drift apart. Every internal link carries the base path of
`base_url`, so the export works from a sub-path such as https://example.org/evidex/.
"""

from __future__ import annotations

import gzip
import json
import logging
import multiprocessing
import shutil
import sqlite3
import warnings
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

with warnings.catch_warnings():
    # Starlette nags about its httpx-based client; it is the in-process renderer we want.
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from evidex.ops.logging import ACCESS_LOGGER
from evidex.storage import queries
from evidex.storage.db import open_generation
from evidex.web import seo
from evidex.web.app import create_app
from evidex.web.templating import STATIC_DIR, Site

# Text files get a precompressed `.gz` twin (nginx `gzip_static`, Caddy `precompressed`):
# compressed once here at level 9 instead of on every request. Brotli was left out: it saves
# ~18% (about 700 bytes a file) but needs an extra package here and a module in nginx.
COMPRESSED_SUFFIXES = frozenset({".html", ".json", ".xml", ".txt", ".css", ".js", ".svg"})


def _page_file(out: Path, path: str) -> Path:
    """Where a URL path lives on disk: '/compounds/x' -> compounds/x/index.html."""
    relative = path.strip("/")
    if "." in relative.rsplit("/", 1)[-1]:
        return out / relative
    return out / relative / "index.html" if relative else out / "index.html"


def _write(target: Path, body: bytes) -> None:
    """Write `target`, and beside a text file its gzip twin for servers that send it as is."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(body)
    if target.suffix in COMPRESSED_SUFFIXES:
        compressed = target.with_name(target.name + ".gz")
        compressed.write_bytes(gzip.compress(body, compresslevel=9, mtime=0))


def _compress_tree(folder: Path) -> None:
    text_files = [p for p in folder.rglob("*") if p.is_file() and p.suffix in COMPRESSED_SUFFIXES]
    for path in text_files:
        _write(path, path.read_bytes())


def _api_files(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(API URL, file path under out/) for every JSON response the export carries."""
    files = [
        ("/api/v1/research", "api/v1/research.json"),
        ("/api/v1/goals", "api/v1/goals.json"),
        ("/api/v1/meta", "api/v1/meta.json"),
    ]
    for (slug,) in conn.execute("SELECT slug FROM compounds ORDER BY slug"):
        files.append((f"/api/v1/compounds/{slug}", f"api/v1/compounds/{slug}.json"))
        files.append(
            (f"/api/v1/compounds/{slug}/evidence", f"api/v1/compounds/{slug}/evidence.json")
        )
    for (slug,) in conn.execute("SELECT slug FROM articles ORDER BY slug"):
        files.append((f"/api/v1/research/{slug}", f"api/v1/research/{slug}.json"))
    for (slug,) in conn.execute("SELECT slug FROM goals ORDER BY slug"):
        files.append((f"/api/v1/goals/{slug}", f"api/v1/goals/{slug}.json"))
    return files


def _all_compounds(client: TestClient) -> dict[str, Any]:
    items: list[Any] = []
    while True:
        page = client.get(
            "/api/v1/compounds", params={"limit": queries.MAX_LIMIT, "offset": len(items)}
        ).json()
        items += page["items"]
        if not page["items"] or len(items) >= page["total"]:
            return {"items": items, "total": len(items)}


def search_index(conn: sqlite3.Connection) -> list[dict[str, str]]:
    """Every folded name with its compound: a small index a static page could search."""
    rows = conn.execute(
        "SELECT n.key, n.name, n.slug, c.title FROM names n JOIN compounds c ON c.slug = n.slug"
        " ORDER BY n.key"
    )
    return [{"key": r[0], "name": r[1], "slug": r[2], "title": r[3]} for r in rows]


def _site_files(conn: sqlite3.Connection, absolute_urls: bool) -> list[tuple[str, str]]:
    """(URL, file path under out/) for every page, feed and API response, one file each; the
    sitemap only with absolute URLs (a sitemap of relative ones is invalid)."""
    paths = [path for path, _ in seo.site_paths(conn)]
    paths += ["/feed.xml", "/robots.txt", *(["/sitemap.xml"] if absolute_urls else [])]
    paths += [
        f"/compounds/{slug}/feed.xml"
        for (slug,) in conn.execute("SELECT slug FROM compounds ORDER BY slug")
    ]
    pages = [(path, str(_page_file(Path(), path))) for path in paths]
    return [*pages, *_api_files(conn)]


@contextmanager
def _quiet_access_log() -> Iterator[None]:
    """The export renders through the app; its files are not requests worth a log line each."""
    logger = logging.getLogger(ACCESS_LOGGER)
    was = logger.disabled
    logger.disabled = True
    try:
        yield
    finally:
        logger.disabled = was


def _client(db_path: Path, site: Site) -> TestClient:
    # Plain bodies: compressing each file only for the client to decompress it is waste.
    app = create_app(db_path, site)
    return TestClient(app, raise_server_exceptions=True, headers={"Accept-Encoding": "identity"})


def _render_files(db_path: Path, site: Site, out: Path, files: list[tuple[str, str]]) -> int:
    """Render each URL through the app and write it; in a worker process when run in parallel."""
    with _quiet_access_log(), _client(db_path, site) as client:
        for url, relative in files:
            response = client.get(url, follow_redirects=False)
            if response.status_code != 200:
                raise RuntimeError(f"export: {url} answered {response.status_code}")
            _write(out / relative, response.content)
    return len(files)


def _render_all(
    db_path: Path, site: Site, out: Path, files: list[tuple[str, str]], jobs: int
) -> int:
    if jobs <= 1:
        return _render_files(db_path, site, out, files)
    shares = [files[i::jobs] for i in range(jobs)]
    # spawn, not fork: each worker builds its own app, threads and SQLite connections.
    with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("spawn")) as pool:
        futures = [pool.submit(_render_files, db_path, site, out, share) for share in shares]
        return sum(future.result() for future in futures)


def export_site(db_path: Path, out: Path, base_url: str = "", jobs: int = 1) -> int:
    """Write every page, API response, feed and asset under `out`; returns the file count.

    `jobs` processes render the pages in parallel. Server-only features (search form, stack
    builder, filters, /docs) are left out of the export; `search-index.json` lists every name
    for a client-side search.
    """
    base_path = urlparse(base_url).path.rstrip("/") if base_url else ""
    site = Site(base_path=base_path, base_url=base_url.rstrip("/"), static_export=True)
    out.mkdir(parents=True, exist_ok=True)
    generation = open_generation(db_path)
    try:
        conn = generation.connection()
        files = _site_files(conn, bool(site.base_url))
        index = json.dumps(search_index(conn), ensure_ascii=False, separators=(",", ":"))
    finally:
        generation.close()
    written = _render_all(db_path, site, out, files, jobs)
    with _quiet_access_log(), _client(db_path, site) as client:
        # any address the export has no file for: the generic not-found page
        missing = client.get("/404", follow_redirects=False)
        _write(out / "404.html", missing.content)
        compounds = json.dumps(_all_compounds(client), ensure_ascii=False)
        _write(out / "api/v1/compounds.json", compounds.encode())
        _write(out / "api/v1/openapi.json", client.get("/openapi.json").content)
    _write(out / "search-index.json", index.encode())
    written += 4
    static_out = out / "static"
    if static_out.exists():
        shutil.rmtree(static_out)
    shutil.copytree(STATIC_DIR, static_out, ignore=shutil.ignore_patterns("swagger"))
    _compress_tree(static_out)
    return written
