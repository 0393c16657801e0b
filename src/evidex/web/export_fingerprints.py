"""What each exported file shows, as a digest: equal digests mean equal files.

Every row of every table is hashed and credited to the pages that show it: a row naming a
compound (its `slug` or `compound_slug` column) to that compound's pages, a row naming an
article (`article_slug`, or an article's own `slug`) to that article's page, an outcome to its
study's pages. A row naming neither, and every table not listed here, goes into one shared
digest that every page carries, so a table added later makes every page depend on it until it
is credited here: the export can be slower than it needs to be, never stale.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

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
# search index (the export carries its own search-index.json) and the build's lint report.
# `meta` is read apart: its build identity is left out, its other keys are shared.
UNSHOWN_TABLES = frozenset({"meta", "diagnostics"})
UNSHOWN_PREFIXES = ("search_", "sqlite_")
# Meta keys only whole-library pages show (about, API meta, home), which are rendered on every
# export anyway: the build's identity and its counts. Every other key is shared.
WHOLE_LIBRARY_META_KEYS = frozenset(
    {"build_id", "built_at", "content_hash", "counts", "compounds", "articles", "studies"}
)

_PACKAGE_DIR = Path(evidex.__file__).resolve().parent


def _digest() -> hashlib.blake2b:
    return hashlib.blake2b(digest_size=16)


def _row_value(table: str, row: Sequence[object]) -> int:
    # tuple(): the build's connections hand out sqlite3.Row, whose repr is its address.
    data = repr((table, tuple(row))).encode()
    return int.from_bytes(hashlib.blake2b(data, digest_size=16).digest())


@dataclass
class Fingerprints:
    """Per compound and per article, the digest of the rows it shows (shared rows included)."""

    compounds: dict[str, str] = field(default_factory=dict)
    articles: dict[str, str] = field(default_factory=dict)
    shared: str = ""

    def compound(self, slug: str) -> str:
        return self.compounds.get(slug, self.shared)

    def research(self, article: str, compound: str | None) -> str:
        """A research page shows its article and its compound's tier, studies and name."""
        return join(self.articles.get(article, self.shared), self.compound(compound or ""))


def code_version() -> str:
    """A digest of Evidex's own files (code, templates, static assets): any change to them
    can change any page, so it forces a full export."""
    digest = _digest()
    digest.update(evidex.__version__.encode())
    for path in sorted(_PACKAGE_DIR.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            digest.update(str(path.relative_to(_PACKAGE_DIR)).encode() + b"\0")
            digest.update(path.read_bytes())
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


def _cited_studies(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(compound, study) for a study a compound's tier cites that names another compound."""
    rows = conn.execute(
        "SELECT t.compound_slug, s.id FROM tiers t, json_each(t.doc, '$.study_ids') j"
        " JOIN studies s ON s.id = j.value WHERE s.compound_slug IS NOT t.compound_slug"
    )
    return [(str(r[0]), str(r[1])) for r in rows]


def _partner_titles(conn: sqlite3.Connection) -> dict[str, list[tuple[object, object]]]:
    """compound -> (slug, title or None) of each compound its combinations link to."""
    rows = conn.execute(
        "SELECT c.slug, json_extract(j.value, '$.slug') AS partner, p.title"
        " FROM compounds c, json_each(c.doc, '$.combinations') j"
        " LEFT JOIN compounds p ON p.slug = json_extract(j.value, '$.slug')"
        " WHERE partner IS NOT NULL ORDER BY c.slug, j.key"
    )
    partners: dict[str, list[tuple[object, object]]] = defaultdict(list)
    for slug, partner, title in rows:
        partners[str(slug)].append((str(partner), title))
    return partners


def fingerprints(conn: sqlite3.Connection) -> Fingerprints:
    """The digest of every compound's rows and every article's rows, and the shared one.

    Rows are summed (each row's own hash, as an integer), so the table order does not matter.
    """
    by_compound: dict[str, int] = defaultdict(int)
    by_article: dict[str, int] = defaultdict(int)
    shared = 0
    study_owners = {
        str(r[0]): (r[1], r[2])
        for r in conn.execute("SELECT id, compound_slug, article_slug FROM studies")
    }
    study_values: dict[str, int] = defaultdict(int)
    for key, value in conn.execute("SELECT key, value FROM meta"):
        if key not in WHOLE_LIBRARY_META_KEYS:
            shared += _row_value("meta", (key, value))
    for table in _tables(conn):
        columns = _columns(conn, table)
        compound_at, article_at = _owner_positions(table, columns)
        for row in conn.execute(f'SELECT * FROM "{table}"'):
            value = _row_value(table, row)
            if table in CHILDREN:
                compound, article = study_owners.get(str(row[compound_at or 0]), (None, None))
            else:
                compound = row[compound_at] if compound_at is not None else None
                article = row[article_at] if article_at is not None else None
            if table == "studies":
                study_values[str(row[columns.index("id")])] += value
            if compound is not None:
                by_compound[str(compound)] += value
            if article is not None:
                by_article[str(article)] += value
            if compound is None and article is None:
                shared += value
    for compound, study in _cited_studies(conn):
        by_compound[compound] += study_values[study]
    for compound, partners in _partner_titles(conn).items():
        by_compound[compound] += _row_value("partners", tuple(partners))
    shared_hex = f"{shared % (1 << 128):032x}"
    return Fingerprints(
        compounds={
            slug: join(shared_hex, f"{v % (1 << 128):032x}") for slug, v in by_compound.items()
        },
        articles={
            slug: join(shared_hex, f"{v % (1 << 128):032x}") for slug, v in by_article.items()
        },
        shared=shared_hex,
    )


def _owner_positions(table: str, columns: list[str]) -> tuple[int | None, int | None]:
    """Where a table's rows name their compound and article (for a child table: its parent)."""
    if table in CHILDREN:
        return columns.index(CHILDREN[table][0]), None
    compound_column, article_column = OWNERS.get(table, (None, None))
    return (
        columns.index(compound_column) if compound_column else None,
        columns.index(article_column) if article_column else None,
    )


def join(*parts: str) -> str:
    """One digest of several (a page's fingerprint from its inputs' digests)."""
    digest = _digest()
    for part in parts:
        digest.update(part.encode() + b"\0")
    return digest.hexdigest()
