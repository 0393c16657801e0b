"""Static export: the site as files (HTML pages, JSON API responses, feeds, assets).

Pages are rendered by the real app (in-process, no network) configured for static hosting, so
the export and the server can never drift apart. Every internal link carries the base path of
`base_url`, so the export works from a sub-path such as https://example.org/evidex/.

Exporting into the folder of an earlier export is incremental: `.evidex-export.json` records
each file's fingerprint (a digest of the rows it shows, see export_fingerprints), and only
files whose fingerprint changed are rendered again; files of pages that are gone are deleted.
Pages that show the whole library (lists, goal pages, sitemap, API lists, search index) are
fingerprinted by the columns they list (export_fingerprints.VIEWS), so a change to a profile's
text renders none of them. The few pages that show the build itself (about, API meta, feed,
404) are rendered on every export and written only when their bytes changed, so an untouched
file keeps its mtime. Another Evidex code version or base URL renders everything.

The manifest is trusted: files are not listed or checked on disk. A file removed by hand comes
back with a full export (remove the manifest, or export into an empty folder).
"""

from __future__ import annotations

import gzip
import json
import logging
import multiprocessing
import sqlite3
import warnings
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import urlparse

from evidex.ops.logging import ACCESS_LOGGER
from evidex.storage import queries
from evidex.storage.db import Generation, open_generation, read_meta
from evidex.web import seo
from evidex.web.export_fingerprints import (
    Fingerprints,
    code_version,
    fingerprints,
    join,
    listing_digests,
    some_fingerprints,
    view_digests,
)
from evidex.web.feeds import atom_date
from evidex.web.templating import STATIC_DIR, Site

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

# Text files get a precompressed `.gz` twin (nginx `gzip_static`, Caddy `precompressed`):
# compressed once here instead of on every request. Level 6: on 600 pages of the 10,000-compound
# export it is 0.5% bigger than level 9 and 20% cheaper, on the big lists (7 MB search index)
# 1% bigger and 3.5 times cheaper. Brotli was left out: it saves ~18% (about 700 bytes a file)
# but needs an extra package here and a module in nginx.
GZIP_LEVEL = 6
COMPRESSED_SUFFIXES = frozenset({".html", ".json", ".xml", ".txt", ".css", ".js", ".svg"})


MANIFEST = ".evidex-export.json"
MANIFEST_FORMAT = 1
# Below this many files per process, starting another process costs more than it saves.
FILES_PER_WORKER = 400


class ExportRefused(ValueError):
    """The output folder is neither empty nor an earlier Evidex export."""


class ExportFile(NamedTuple):  # a tuple: 60,000 of them are made in every export
    url: str
    relative: str
    # None: the file shows the build itself and is rendered on every export.
    fingerprint: str | None
    status: int = 200  # what the app answers for it (404.html is its not-found page)


@dataclass(frozen=True)
class Manifest:
    code: str
    base_url: str
    files: dict[str, str | None]
    # Per compound, its own rows' digest and its combination partners (see Fingerprints).
    rows: dict[str, str] = field(default_factory=dict)
    partners: dict[str, list[str]] = field(default_factory=dict)
    cited: dict[str, list[str]] = field(default_factory=dict)
    # The build exported and the digest of the rows every page shows: the next export reads
    # only the rows of what the builds since this one rewrote (the `changes` table). With
    # each compound's rows in the lists (export_fingerprints.listing_digests) and the lists'
    # digests, an edit no list shows reads no list.
    build_id: str = ""
    shared: str = ""
    listing: dict[str, str] = field(default_factory=dict)
    views: dict[str, str] = field(default_factory=dict)

    def dump(self) -> str:
        data = {
            "format": MANIFEST_FORMAT,
            "code": self.code,
            "base_url": self.base_url,
            "files": self.files,
            "rows": self.rows,
            "partners": self.partners,
            "cited": self.cited,
            "build_id": self.build_id,
            "shared": self.shared,
            "listing": self.listing,
            "views": self.views,
        }
        # Compact: json's C encoder, ~0.05 s for 60,000 files (indented, it is Python: ~1 s).
        return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


@dataclass(frozen=True)
class ExportSummary:
    files: int  # every page, response and feed the export holds (assets aside)
    rendered: int  # of those, rendered again because their inputs changed or show everything
    rewritten: int  # files written because their bytes changed (assets included)
    deleted: int  # files of pages that no longer exist
    full: bool  # no usable earlier export: every file was rendered
    # only the rows of what the builds since the last export rewrote were read
    from_changes: bool = False


def _relative(url: str) -> str:
    """Where a URL's file lives in the export: '/compounds/x' -> compounds/x/index.html,
    '/api/v1/compounds/x' -> api/v1/compounds/x.json."""
    relative = url.strip("/")
    if url.startswith("/api/"):
        return relative + ".json"
    if "." in relative.rsplit("/", 1)[-1]:
        return relative
    return f"{relative}/index.html" if relative else "index.html"


def _twin(target: Path) -> Path | None:
    return target.with_name(target.name + ".gz") if target.suffix in COMPRESSED_SUFFIXES else None


def _write(target: Path, body: bytes) -> bool:
    """Write `target`, and beside a text file its gzip twin for servers that send it as is.

    A file that already holds `body` (and its twin) is left alone, mtime included; returns
    whether anything was written."""
    twin = _twin(target)
    if target.is_file() and (twin is None or twin.is_file()) and target.read_bytes() == body:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(body)
    if twin is not None:
        twin.write_bytes(gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0))
    return True


def _delete(out: Path, relative: str) -> None:
    """Remove an exported file, its twin and the folders it leaves empty."""
    target = out / relative
    for path in (target, _twin(target)):
        if path is not None:
            path.unlink(missing_ok=True)
    folder = target.parent
    while folder != out and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def _asset_files() -> dict[str, Path]:
    """The stylesheet and scripts under static/ (Swagger UI is server-only): out path -> source."""
    assets = {}
    for source in sorted(STATIC_DIR.rglob("*")):
        relative = source.relative_to(STATIC_DIR)
        if source.is_file() and relative.parts[0] != "swagger":
            assets[str(Path("static") / relative)] = source
    return assets


def _compound_files(slug: str, fingerprint: str, feed_fingerprint: str) -> list[ExportFile]:
    urls = [
        f"/compounds/{slug}",
        f"/compounds/{slug}/evidence",
        f"/api/v1/compounds/{slug}",
        f"/api/v1/compounds/{slug}/evidence",
    ]
    feed = f"/compounds/{slug}/feed.xml"
    files = [ExportFile(url, _relative(url), fingerprint) for url in urls]
    return [*files, ExportFile(feed, _relative(feed), feed_fingerprint)]


def _undated_feeds(conn: sqlite3.Connection) -> set[str]:
    """Compounds whose feed has no dated entry: it is dated by the build time instead."""
    dated = {
        row[0]
        for row in conn.execute("SELECT compound_slug, updated FROM feed")
        if atom_date(row[1])
    }
    return {row[0] for row in conn.execute("SELECT slug FROM compounds")} - dated


# Pages listing the whole library, with the views (export_fingerprints.VIEWS) they show; goal
# pages show their goal's views too. Pages left out show the build itself (about, API meta,
# feed) or something cheap read apart (methodology, robots.txt): rendered on every export.
LISTING_VIEWS: dict[str, tuple[str, ...]] = {
    "/": ("goals", "compounds", "articles", "counts"),
    "/compounds": ("compounds", "goals"),
    "/research": ("articles", "goals"),
    "/api/v1/research": ("articles", "goals"),
    "/goals": ("goals",),
    "/api/v1/goals": ("goals",),
    "/sitemap.xml": ("compounds", "articles", "goals"),
}
GOAL_PAGES = ("/goals/", "/api/v1/goals/")


def _listing_fingerprint(url: str, shared: str, views: dict[str, str]) -> str | None:
    shown = LISTING_VIEWS.get(url)
    if url.startswith(GOAL_PAGES):
        goal = url.rsplit("/", 1)[1]
        shown = ("goals", f"goal:{goal}", f"goal_articles:{goal}")
    if shown is None:
        return None
    return join(url, shared, *(f"{name}={views.get(name, '')}" for name in shown))


def _site_files(
    conn: sqlite3.Connection, fps: Fingerprints, views: dict[str, str], absolute_urls: bool
) -> list[ExportFile]:
    """Every page, feed and API response, one file each, with what it shows as a fingerprint;
    the sitemap only with absolute URLs (a sitemap of relative ones is invalid)."""
    compounds = [str(row[0]) for row in conn.execute("SELECT slug FROM compounds ORDER BY slug")]
    articles = conn.execute("SELECT slug, compound_slug FROM articles ORDER BY slug").fetchall()
    return [
        *_own_files(conn, fps, compounds, articles),
        *_whole_library_files(conn, fps.shared, views, absolute_urls),
    ]


def _own_files(
    conn: sqlite3.Connection,
    fps: Fingerprints,
    compounds: list[str],
    articles: list[tuple[str, str | None]],
) -> list[ExportFile]:
    """The files of `compounds` and of `articles` ((slug, compound) each)."""
    files: list[ExportFile] = []
    built_at = str(read_meta(conn).get("built_at"))
    undated = _undated_feeds(conn)
    for slug in compounds:
        fingerprint = fps.compound(slug)
        feed = join(fingerprint, built_at) if slug in undated else fingerprint
        files += _compound_files(slug, fingerprint, feed)
    for slug, compound in articles:
        fingerprint = fps.research(slug, compound)
        for url in (f"/research/{slug}", f"/api/v1/research/{slug}"):
            files.append(ExportFile(url, _relative(url), fingerprint))
    return files


def _whole_library_files(
    conn: sqlite3.Connection, shared: str, views: dict[str, str], absolute_urls: bool
) -> list[ExportFile]:
    whole_library = [path for path, _ in seo.site_paths(conn)]
    whole_library = [p for p in whole_library if not p.startswith(("/compounds/", "/research/"))]
    whole_library += ["/feed.xml", "/robots.txt", *(["/sitemap.xml"] if absolute_urls else [])]
    whole_library += ["/api/v1/research", "/api/v1/goals", "/api/v1/meta"]
    whole_library += [f"/api/v1/goals/{slug}" for (slug,) in conn.execute("SELECT slug FROM goals")]
    files = [
        ExportFile(url, _relative(url), _listing_fingerprint(url, shared, views))
        for url in whole_library
    ]
    # any address the export has no file for: the generic not-found page
    files.append(ExportFile("/404", "404.html", None, status=404))
    # The OpenAPI document is made from the code alone (slow: ~0.4 s), which the manifest's
    # code version covers.
    files.append(ExportFile("/openapi.json", "api/v1/openapi.json", "code"))
    return files


def search_index(conn: sqlite3.Connection) -> list[dict[str, str]]:
    """Every folded name with its compound: a small index a static page could search."""
    rows = conn.execute(
        "SELECT n.key, n.name, n.slug, c.title FROM names n JOIN compounds c ON c.slug = n.slug"
        " ORDER BY n.key"
    )
    return [{"key": r[0], "name": r[1], "slug": r[2], "title": r[3]} for r in rows]


def _compounds_json(conn: sqlite3.Connection) -> bytes:
    # The whole list in one file, as the API's pages would give it (without their build id).
    return json.dumps(queries.all_compounds(conn), ensure_ascii=False).encode()


def _search_index_json(conn: sqlite3.Connection) -> bytes:
    return json.dumps(search_index(conn), ensure_ascii=False, separators=(",", ":")).encode()


# Files made from the database, not from one URL of the app: the views each shows, its maker.
DATA_FILES: dict[str, tuple[tuple[str, ...], Callable[[sqlite3.Connection], bytes]]] = {
    "api/v1/compounds.json": (("compounds",), _compounds_json),
    "search-index.json": (("names", "titles"), _search_index_json),
}


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


def _import_renderer() -> None:
    """Import the app and its in-process client (a third of a second), done while the row
    fingerprints are read."""
    with warnings.catch_warnings():
        # Starlette nags about its httpx-based client; it is the in-process renderer we want.
        warnings.simplefilter("ignore")
        import fastapi.testclient  # noqa: F401

    import evidex.web.app  # noqa: F401


def _client(db_path: Path, site: Site) -> TestClient:
    _import_renderer()
    from fastapi.testclient import TestClient

    from evidex.web.app import create_app

    # Plain bodies: compressing each file only for the client to decompress it is waste.
    app = create_app(db_path, site)
    return TestClient(app, raise_server_exceptions=True, headers={"Accept-Encoding": "identity"})


def _render_files(db_path: Path, site: Site, out: Path, files: list[ExportFile]) -> int:
    """Render each URL through the app and write what changed; in a worker process when run
    in parallel. Returns the number of files written."""
    written = 0
    with _quiet_access_log(), _client(db_path, site) as client:
        for file in files:
            response = client.get(file.url, follow_redirects=False)
            if response.status_code != file.status:
                raise RuntimeError(f"export: {file.url} answered {response.status_code}")
            written += _write(out / file.relative, response.content)
    return written


def _render_all(db_path: Path, site: Site, out: Path, files: list[ExportFile], jobs: int) -> int:
    jobs = max(1, min(jobs, len(files) // FILES_PER_WORKER))
    if jobs == 1:
        return _render_files(db_path, site, out, files)
    shares = [files[i::jobs] for i in range(jobs)]
    # spawn, not fork: each worker builds its own app, threads and SQLite connections.
    with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("spawn")) as pool:
        futures = [pool.submit(_render_files, db_path, site, out, share) for share in shares]
        return sum(future.result() for future in futures)


def _outside(relative: str) -> bool:
    return relative.startswith("/") or ".." in relative.split("/")


def read_manifest(out: Path) -> Manifest | None:
    """The manifest of the export in `out`; None for an empty or missing folder.

    Raises ExportRefused for a file, or a folder holding anything but an Evidex export."""
    if out.exists() and not out.is_dir():
        raise ExportRefused(f"{out} exists and is not a folder; choose another output path")
    path = out / MANIFEST
    if not path.is_file():
        if out.is_dir() and any(out.iterdir()):
            raise ExportRefused(
                f"{out} is not empty and holds no Evidex export ({MANIFEST} is missing);"
                " choose an empty or new folder"
            )
        return None
    try:
        data = json.loads(path.read_text("utf-8"))
        if data.get("format") != MANIFEST_FORMAT:
            raise ValueError(f"format {data.get('format')!r}")
        manifest = Manifest(
            str(data["code"]),
            str(data["base_url"]),
            dict(data["files"]),
            dict(data.get("rows", {})),
            dict(data.get("partners", {})),
            dict(data.get("cited", {})),
            str(data.get("build_id", "")),
            str(data.get("shared", "")),
            dict(data.get("listing", {})),
            dict(data.get("views", {})),
        )
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ExportRefused(f"{path}: not a manifest this Evidex can read ({exc})") from None
    for relative in manifest.files:
        # The manifest says which files to delete: never one outside the export.
        if _outside(relative):
            raise ExportRefused(f"{path} lists {relative!r}, outside the export")
    return manifest


def _save_manifest(out: Path, manifest: Manifest) -> None:
    """Written whole then renamed, so a crash leaves the old manifest or the new one."""
    temporary = out / (MANIFEST + ".tmp")
    temporary.write_text(manifest.dump(), "utf-8")
    temporary.replace(out / MANIFEST)


def changed_since(conn: sqlite3.Connection, exported: str) -> tuple[set[str], set[str]] | None:
    """The compounds and articles whose rows the builds since build `exported` rewrote; None
    unless this database is that build's, written over by incremental builds alone (a full
    build starts a database with no record of earlier builds)."""
    if not exported:  # a manifest from before the record
        return None
    try:
        record = {
            str(row[0]): (str(row[1]), json.loads(row[2]), json.loads(row[3]))
            for row in conn.execute("SELECT build_id, previous, compounds, articles FROM changes")
        }
    except sqlite3.OperationalError:  # a database from before the record
        return None
    compounds: set[str] = set()
    articles: set[str] = set()
    build = str(read_meta(conn).get("build_id", ""))
    while build != exported:
        if build not in record:
            return None
        build, rewritten, rewritten_articles = record.pop(build)  # popped: no build twice
        compounds.update(rewritten)
        articles.update(rewritten_articles)
    return compounds, articles


@dataclass
class _Plan:
    """What an export reads: the files it may render (each with its fingerprint), the files
    it lists without looking at them, and the fingerprints it keeps in the manifest."""

    files: list[ExportFile]
    kept: dict[str, str | None]
    fps: Fingerprints
    views: dict[str, str]
    listing: dict[str, str]
    gone: set[str] = field(default_factory=set)


def _read_everything(generation: Generation, old: Manifest | None) -> _Plan:
    """Every compound's and article's fingerprint, from every row of the database."""
    conn = generation.connection()
    fps = fingerprints(conn, old.rows, old.partners) if old else fingerprints(conn)
    return _Plan([], {}, fps, view_digests(conn), listing_digests(conn, None))


def _read_changes(
    generation: Generation, old: Manifest, changed: tuple[set[str], set[str]]
) -> _Plan:
    """The fingerprints of what the builds since the last export rewrote, and of the pages
    that show it: a compound whose combinations name a rewritten one, or whose tiers cite its
    studies; every article of a rewritten compound. Every other file is as the manifest says."""
    conn = generation.connection()
    compounds, articles = set(changed[0]), set(changed[1])
    compounds |= {
        slug
        for shows in (old.partners, old.cited)
        for slug, others in shows.items()
        if not compounds.isdisjoint(others)
    }
    article_rows = conn.execute(
        "SELECT slug, compound_slug FROM articles WHERE compound_slug IN"
        " (SELECT value FROM json_each(?1)) OR slug IN (SELECT value FROM json_each(?2))"
        " ORDER BY slug",
        (json.dumps(sorted(compounds)), json.dumps(sorted(articles))),
    ).fetchall()
    compounds |= {str(compound) for _, compound in article_rows if compound}
    fps = some_fingerprints(conn, compounds, {str(slug) for slug, _ in article_rows}, old.shared)
    present = sorted(
        str(row[0])
        for row in conn.execute(
            "SELECT slug FROM compounds WHERE slug IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted(compounds)),),
        )
    )
    files = _own_files(conn, fps, present, article_rows)
    files += _undated_feeds_of_others(conn, old, compounds)
    gone = {f.relative for slug in compounds - set(present) for f in _compound_files(slug, "", "")}
    gone |= {
        _relative(url)
        for slug in articles - {str(slug) for slug, _ in article_rows}
        for url in (f"/research/{slug}", f"/api/v1/research/{slug}")
    }
    fps.rows = {**old.rows, **fps.rows}
    fps.partners = {**old.partners, **fps.partners}
    fps.cited = {
        **{slug: names for slug, names in old.cited.items() if slug not in compounds},
        **fps.cited,
    }
    listing = listing_digests(conn, sorted(compounds))
    listed_alike = all(old.listing.get(slug) == listing.get(slug) for slug in compounds)
    views = old.views if old.views and listed_alike else view_digests(conn)
    return _Plan(files, old.files, fps, views, {**old.listing, **listing}, gone)


def _undated_feeds_of_others(
    conn: sqlite3.Connection, old: Manifest, rewritten: set[str]
) -> list[ExportFile]:
    """The feeds dated by the build time (no dated entry) of compounds not rewritten."""
    built_at = str(read_meta(conn).get("built_at"))
    files = []
    for slug in sorted(_undated_feeds(conn) - rewritten):
        page, *_, feed = _compound_files(slug, "", "")
        fingerprint = old.files.get(page.relative) or ""
        files.append(feed._replace(fingerprint=join(fingerprint, built_at)))
    return files


def export_site(db_path: Path, out: Path, base_url: str = "", jobs: int = 1) -> ExportSummary:
    """Write every page, API response, feed and asset under `out`, rendering only files whose
    inputs changed since the export already there. `jobs` processes render in parallel.

    Server-only features (search form, stack builder, filters, /docs) are left out of the
    export; `search-index.json` lists every name for a client-side search.
    """
    base_path = urlparse(base_url).path.rstrip("/") if base_url else ""
    site = Site(base_path=base_path, base_url=base_url.rstrip("/"), static_export=True)
    old = read_manifest(out)
    code = code_version()
    reusable = old is not None and old.code == code and old.base_url == base_url
    before: dict[str, str | None] = old.files if old is not None and reusable else {}
    out.mkdir(parents=True, exist_ok=True)
    if old is not None and not reusable:
        # Still listed, so files of pages gone since are deleted even if this export fails.
        _save_manifest(out, Manifest(code, base_url, dict.fromkeys(old.files)))
    elif old is None:
        _save_manifest(out, Manifest(code, base_url, {}))
    rewritten = 0
    generation = open_generation(db_path)
    try:
        conn = generation.connection()
        build_id = str(read_meta(conn).get("build_id", ""))
        changed = changed_since(conn, old.build_id) if old is not None and reusable else None
        with ThreadPoolExecutor(1) as thread:
            # Reading rows is mostly SQLite's work, which lets go of the GIL: the app is
            # imported meanwhile.
            if old is not None and changed is not None:
                reading = thread.submit(_read_changes, generation, old, changed)
            else:
                reading = thread.submit(_read_everything, generation, old if reusable else None)
            _import_renderer()
            plan = reading.result()
        fps, views = plan.fps, plan.views
        if changed is None:
            plan.files = _site_files(conn, fps, views, bool(site.base_url))
        else:
            plan.files += _whole_library_files(conn, fps.shared, views, bool(site.base_url))
        listed = {name: plan.kept[name] for name in plan.kept.keys() - plan.gone}
        made = 0
        for relative, (shown, make) in DATA_FILES.items():
            listed[relative] = join(relative, fps.shared, *(views.get(v, "") for v in shown))
            if before.get(relative) != listed[relative]:
                made += 1
                rewritten += _write(out / relative, make(conn))
    finally:
        generation.close()
    files = plan.files
    # The manifest is believed: a file it lists with an unchanged fingerprint is not looked at.
    stale = [f for f in files if f.fingerprint is None or before.get(f.relative) != f.fingerprint]
    rewritten += _render_all(db_path, site, out, stale, jobs)
    # Assets come with the code: written again only by an export of another code version.
    assets = _asset_files()
    rewritten += sum(
        _write(out / relative, source.read_bytes())
        for relative, source in assets.items()
        if before.get(relative) != "code"
    )
    listed.update({f.relative: f.fingerprint for f in files})
    listed.update(dict.fromkeys(assets, "code"))
    gone = sorted(set(old.files if old is not None else ()) - set(listed))
    for relative in gone:
        _delete(out, relative)
    manifest = Manifest(
        code,
        base_url,
        listed,
        fps.rows,
        fps.partners,
        fps.cited,
        build_id,
        fps.shared,
        plan.listing,
        views,
    )
    _save_manifest(out, manifest)
    return ExportSummary(
        files=len(listed) - len(assets),
        rendered=len(stale) + made,
        rewritten=rewritten,
        deleted=len(gone),
        full=not before,
        from_changes=changed is not None,
    )
