"""What each exported file shows, as a digest: equal digests mean equal files.

Every row of every table is checksummed and credited to the pages that show it: a row naming a
compound (its `slug` or `compound_slug` column) to that compound's pages, a row naming an
article (`article_slug`, or an article's own `slug`) to that article's page, an outcome to its
study's pages. A row naming neither, and every table not listed here, goes into one shared
digest that every page carries, so a table added later makes every page depend on it until it
is credited here: the export can be slower than it needs to be, never stale.

Rows are read as raw bytes and checksummed in C (CRC-32 and Adler-32 with the length: 10,000
compounds are ~400 MB of rows, too much to parse or hash with a slower digest in the export's
two-second budget), and a page's rows are summed, so table order does not matter.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from zlib import adler32, crc32

import evidex

# table -> (column naming the compound, column naming the article) its rows belong to.
OWNERS: dict[str, tuple[str | None, str | None]] = {
    "compounds": ("slug", None),
    "names": ("slug", None),
    "articles": ("compound_slug", "slug"),
    "studies": ("compound_slug", "article_slug"),
    "tiers": ("compound_slug", None),
    "tier_history": ("compound_slug", None),
    "products": ("compound_slug", None),
    "feed": ("compound_slug", None),
}
# Rows credited to the owners of a row in another table: table -> (column, table, its key).
CHILDREN: dict[str, tuple[str, str, str]] = {"outcomes": ("study_id", "studies", "id")}
# Shown by no exported page but the global ones, which are rendered on every export: the
# search index (the export carries its own search-index.json), the build's lint report and the
# files it read (`sources`, what an incremental build compares) and the pages the build
# pre-rendered for the server (evidex.web.prerender), which the export renders itself.
# `meta` is read apart: its build identity is left out, its other keys are shared.
UNSHOWN_TABLES = frozenset({"meta", "diagnostics", "sources", "pages", "page_deps"})
UNSHOWN_PREFIXES = ("search_", "sqlite_")
# Meta keys only whole-library pages show (about, API meta, home), which are rendered on every
# export anyway: the build's identity and its counts. Every other key is shared.
WHOLE_LIBRARY_META_KEYS = frozenset(
    {"build_id", "built_at", "content_hash", "counts", "compounds", "articles", "studies"}
)

_PACKAGE_DIR = Path(evidex.__file__).resolve().parent
_MASK = (1 << 128) - 1


@dataclass
class Fingerprints:
    """Per compound and per article, the digest of the rows its pages show (shared included).

    `rows` (a compound's own rows) and `partners` (the compounds its combinations link to,
    read from its own document) are kept in the manifest: the next export reads the
    documents only of compounds whose own rows changed, not of all of them."""

    compounds: dict[str, str] = field(default_factory=dict)
    articles: dict[str, str] = field(default_factory=dict)
    shared: str = ""
    rows: dict[str, str] = field(default_factory=dict)
    partners: dict[str, list[str]] = field(default_factory=dict)

    def compound(self, slug: str) -> str:
        return self.compounds.get(slug, self.shared)

    def research(self, article: str, compound: str | None) -> str:
        """A research page shows its article and its compound's tier, studies and name."""
        return join(self.articles.get(article, self.shared), self.compound(compound or ""))


def code_version() -> str:
    """A digest of Evidex's own files (code, templates, static assets): any change to them
    can change any page, so it forces a full export."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(evidex.__version__.encode())
    for path in sorted(_PACKAGE_DIR.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            digest.update(str(path.relative_to(_PACKAGE_DIR)).encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()


def join(*parts: str) -> str:
    """One digest of several (a page's fingerprint from its inputs' digests)."""
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        digest.update(part.encode() + b"\0")
    return digest.hexdigest()


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [str(row[1]) for row in conn.execute(f'PRAGMA table_info("{table}")')]


def _tables(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    return [
        str(name)
        for (name,) in rows
        if name not in UNSHOWN_TABLES and not str(name).startswith(UNSHOWN_PREFIXES)
    ]


def _plain(conn: sqlite3.Connection) -> sqlite3.Cursor:
    """A cursor giving plain tuples (cheaper per row than the server's sqlite3.Row)."""
    cursor = conn.cursor()
    cursor.row_factory = None
    return cursor


def _row_bytes(columns: list[str]) -> str:
    """SQL for a row's raw column bytes, joined in SQLite: a NULL and an empty text differ."""
    values = " || x'1f' || ".join(f"ifnull(x'01' || \"{column}\", x'00')" for column in columns)
    return f"CAST({values} AS BLOB)"


def _owner_columns(table: str) -> tuple[str | None, str | None]:
    """The columns naming a table's compound and article (for a child table: its parent)."""
    if table in CHILDREN:
        return CHILDREN[table][0], None
    return OWNERS.get(table, (None, None))


def _cited_studies(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(compound, study) for a study a compound's tier cites that names another compound."""
    rows = conn.execute(
        "SELECT t.compound_slug, s.id FROM tiers t, json_each(t.doc, '$.study_ids') j"
        " JOIN studies s ON s.id = j.value WHERE s.compound_slug IS NOT t.compound_slug"
    )
    return [(str(r[0]), str(r[1])) for r in rows]


def _read_partners(conn: sqlite3.Connection, slugs: list[str]) -> dict[str, list[str]]:
    """compound -> slugs its Popular Combinations link to, read from its document."""
    partners: dict[str, list[str]] = {slug: [] for slug in slugs}
    for start in range(0, len(slugs), 500):
        chunk = slugs[start : start + 500]
        rows = conn.execute(
            "SELECT c.slug, json_extract(j.value, '$.slug') AS partner"
            " FROM compounds c, json_each(c.doc, '$.combinations') j"
            f" WHERE c.slug IN ({','.join('?' * len(chunk))}) AND partner IS NOT NULL"
            " ORDER BY c.slug, j.key",
            chunk,
        )
        for slug, partner in rows:
            partners[str(slug)].append(str(partner))
    return partners


def fingerprints(
    conn: sqlite3.Connection,
    previous_rows: dict[str, str] | None = None,
    previous_partners: dict[str, list[str]] | None = None,
) -> Fingerprints:
    """The digest of every compound's rows and every article's rows, and the shared one.

    `previous_rows` and `previous_partners` are the last export's `rows` and `partners`."""
    by_compound: dict[str, int] = defaultdict(int)
    by_article: dict[str, int] = defaultdict(int)
    shared = 0
    study_owners = {
        str(r[0]): (r[1], r[2])
        for r in conn.execute("SELECT id, compound_slug, article_slug FROM studies")
    }
    study_values: dict[str, int] = defaultdict(int)
    meta = conn.execute(f"SELECT key, {_row_bytes(['key', 'value'])} FROM meta")
    for key, data in meta:
        if key not in WHOLE_LIBRARY_META_KEYS:
            shared += (crc32(data) << 96) | (adler32(data) << 64) | (len(data) << 16)
    for number, table in enumerate(_tables(conn), 1):
        owners = ", ".join(f'"{c}"' if c else "NULL" for c in _owner_columns(table))
        study_id = '"id"' if table == "studies" else "NULL"
        table_rows = _plain(conn).execute(
            f'SELECT {owners}, {study_id}, {_row_bytes(_columns(conn, table))} FROM "{table}"'
        )
        for compound, article, study, data in table_rows:
            value = (crc32(data) << 96) | (adler32(data) << 64) | (len(data) << 16) | number
            if table in CHILDREN:
                compound, article = study_owners.get(compound, (None, None))
            if study is not None:
                study_values[study] += value
            if compound is not None:
                by_compound[compound] += value
            if article is not None:
                by_article[article] += value
            if compound is None and article is None:
                shared += value
    for compound, study in _cited_studies(conn):
        by_compound[compound] += study_values[study]
    shared_hex = f"{shared & _MASK:032x}"
    rows = {slug: f"{value & _MASK:032x}" for slug, value in by_compound.items()}
    titles = {str(r[0]): str(r[1]) for r in conn.execute("SELECT slug, title FROM compounds")}
    partners = _partners(conn, titles, rows, previous_rows or {}, previous_partners or {})
    return Fingerprints(
        compounds={
            slug: join(
                shared_hex, digest, repr([(p, titles.get(p)) for p in partners.get(slug, [])])
            )
            for slug, digest in rows.items()
        },
        articles={slug: join(shared_hex, f"{v & _MASK:032x}") for slug, v in by_article.items()},
        shared=shared_hex,
        rows=rows,
        partners=partners,
    )


def _partners(
    conn: sqlite3.Connection,
    titles: dict[str, str],
    rows: dict[str, str],
    previous_rows: dict[str, str],
    previous_partners: dict[str, list[str]],
) -> dict[str, list[str]]:
    """Each compound's combination partners: as last time when its own rows are unchanged
    (they come from its document), read again otherwise."""
    kept = {
        slug: previous_partners[slug]
        for slug in titles
        if slug in previous_partners and previous_rows.get(slug) == rows.get(slug)
    }
    return {**kept, **_read_partners(conn, sorted(set(titles) - set(kept)))}


@dataclass(frozen=True)
class View:
    """Data a page showing the whole library lists: `columns` of the rows of `source`, in
    `order`; with `key`, one digest per value of it (a goal page shows its goal's rows)."""

    source: str
    columns: tuple[str, ...]
    order: str
    key: str = "NULL"


# What the pages listing the whole library show, read as the queries behind them read it
# (storage.queries); each such file's fingerprint is the digests of the views it shows.
VIEWS: dict[str, View] = {
    # compound list, compounds.json, home's recent updates, sitemap
    "compounds": View(
        "compounds c",
        (
            "c.slug",
            "c.title",
            "c.description",
            "c.is_banned",
            "c.compound_class",
            "c.last_modified",
            "c.routes",
            "c.goals",
            "(SELECT min(tier) FROM tiers t WHERE t.compound_slug = c.slug)",
        ),
        "c.slug",
    ),
    # goal list (names, descriptions, counts), goal names on every list
    "goals": View(
        "goals g",
        ("g.slug", "g.name", "g.doc", "(SELECT count(*) FROM tiers t WHERE t.goal = g.slug)"),
        "g.slug",
    ),
    # one goal page: its compounds with their tier, reason and number of studies
    "goal": View(
        "tiers t JOIN compounds c ON c.slug = t.compound_slug",
        (
            "c.slug",
            "c.title",
            "c.is_banned",
            "t.tier",
            "t.tier_name",
            "t.rationale",
            "(SELECT count(*) FROM studies s WHERE s.compound_slug = c.slug AND s.goal = t.goal)",
        ),
        "t.goal, c.slug",
        key="t.goal",
    ),
    # one goal page: the article of each of its compounds
    "goal_articles": View("articles", ("compound_slug", "slug"), "goal, slug", key="goal"),
    # research list, home's recent updates, sitemap
    "articles": View(
        "articles a LEFT JOIN tiers t ON t.compound_slug = a.compound_slug AND t.goal = a.goal",
        (
            "a.slug",
            "a.title",
            "a.compound_slug",
            "a.goal",
            "a.tier_claimed",
            "a.last_modified",
            "a.summary",
            "t.tier",
            "t.tier_name",
        ),
        "a.slug",
    ),
    # the counts on the home page
    "counts": View(
        "(SELECT 1)",
        tuple(f"(SELECT count(*) FROM {table})" for table in ("compounds", "articles", "studies")),
        "1",
    ),
    # search-index.json: every name, and the title of its compound
    "names": View("names", ("key", "name", "slug"), "key"),
    "titles": View("compounds", ("slug", "title"), "slug"),
}


def view_digests(conn: sqlite3.Connection) -> dict[str, str]:
    """Each view's digest: 'name' for a whole view, 'name:key' for a keyed one. SQLite joins
    the rows (quoted, so every value reads one way) and Python hashes one text per digest."""
    digests: dict[str, str] = {}
    for name, view in VIEWS.items():
        row = " || ',' || ".join(f"quote({column})" for column in view.columns)
        rows = _plain(conn).execute(
            f"SELECT k, group_concat(r, char(10)) FROM (SELECT {view.key} AS k, {row} AS r"
            f" FROM {view.source} ORDER BY {view.order}) GROUP BY k"
        )
        for key, text in rows:
            digest = hashlib.blake2b(text.encode(), digest_size=16).hexdigest()
            digests[name if key is None else f"{name}:{key}"] = digest
    return digests
