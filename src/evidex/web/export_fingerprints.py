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
import json
import re
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
# files it read (`sources`, what an incremental build compares), what each incremental build
# rewrote (`changes`, see some_fingerprints) and the pages the build
# pre-rendered for the server (evidex.web.prerender), which the export renders itself.
# `meta` is read apart: its build identity is left out, its other keys are shared.
UNSHOWN_TABLES = frozenset({"meta", "diagnostics", "sources", "changes", "pages", "page_deps"})
UNSHOWN_PREFIXES = ("search_", "sqlite_")
# Meta keys only whole-library pages show (about, API meta, home), which are rendered on every
# export anyway: the build's identity and its counts. Every other key is shared.
# `code` (the code that built the database) shows nowhere: a new build's rows tell what changed.
WHOLE_LIBRARY_META_KEYS = frozenset(
    {"build_id", "built_at", "content_hash", "counts", "compounds", "articles", "studies", "code"}
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
    # compound -> the other compounds whose studies its tiers cite (their rows are in its digest)
    cited: dict[str, list[str]] = field(default_factory=dict)

    def compound(self, slug: str) -> str:
        return self.compounds.get(slug, self.shared)

    def research(self, article: str, compound: str | None) -> str:
        """A research page shows its article and its compound's tier, studies and name."""
        return join(self.articles.get(article, self.shared), self.compound(compound or ""))


# The modules the export renders through; with what they import, they shape its bytes.
RENDERERS = ("evidex.web.app", "evidex.web.export")
# An evidex module imported or named in a string (app.py names its optional routers), and the
# names a `from evidex.x import (...)` brings in (which may be modules). Imports inside
# functions are followed only in the app's own packages (web/, and ops/ for the middleware every
# response passes): elsewhere they are the build's (vendors.build imports the build's writer for
# its incremental check). Every module a full export runs is checked to be covered
# (tests/web/test_export_fingerprints.py).
APP_PACKAGES = ("evidex.web", "evidex.ops")
_IMPORT = r"^{indent}from\s+(evidex(?:\.\w+)*)\s+import\s+(\([^)]*\)|[^\n]+)"
_IMPORT += r"|^{indent}import\s+(evidex(?:\.\w+)*)|[\"'](evidex(?:\.\w+)+)[\"']"
_ANY_IMPORT = re.compile(_IMPORT.format(indent=r"\s*"), re.M)
_TOP_LEVEL_IMPORT = re.compile(_IMPORT.format(indent=""), re.M)


def _module_file(package_dir: Path, module: str) -> Path | None:
    relative = "/".join(module.split(".")[1:])
    for path in (package_dir / f"{relative}.py", package_dir / relative / "__init__.py"):
        if path.is_file():
            return path
    return None


def renderer_files(package_dir: Path = _PACKAGE_DIR) -> list[Path]:
    """The source files of the renderer modules and of every evidex module they import, at any
    depth, found by reading the sources (nothing is imported), and every file under web/ that
    is not Python: templates, stylesheets, scripts."""
    found: dict[str, Path] = {}
    waiting = ["evidex", *RENDERERS]
    while waiting:
        module = waiting.pop()
        path = None if module in found else _module_file(package_dir, module)
        if path is None:
            continue
        found[module] = path
        waiting += [module.rsplit(".", depth)[0] for depth in range(1, module.count(".") + 1)]
        in_app = module.startswith(APP_PACKAGES)
        imports = _ANY_IMPORT if in_app else _TOP_LEVEL_IMPORT
        for origin, names, imported, named in imports.findall(path.read_text("utf-8")):
            waiting += [m for m in (origin, imported, named) if m]
            for name in re.findall(r"\w+", names.split("#")[0]) if origin else ():
                waiting.append(f"{origin}.{name}")
    web = package_dir / "web"
    assets = [p for p in web.rglob("*") if p.is_file() and p.suffix not in (".py", ".pyc")]
    return sorted({*found.values(), *(p for p in assets if "__pycache__" not in p.parts)})


def code_version(package_dir: Path = _PACKAGE_DIR) -> str:
    """A digest of the Evidex code that shapes exported files (renderer_files) and its version:
    a change to it can change any page, so it forces a full export. Code the export does not
    run (the build, the extractors, the command line) leaves the export as it is: what the
    build writes differently shows in the rows the files are fingerprinted by."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(evidex.__version__.encode())
    for path in renderer_files(package_dir):
        digest.update(str(path.relative_to(package_dir)).encode() + b"\0")
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


def _cited_studies(
    conn: sqlite3.Connection, compounds: list[str] | None = None
) -> list[tuple[str, str, str]]:
    """(compound, study, its compound) for a study a compound's tier cites that names another
    compound; of every compound, or of `compounds` only."""
    where = "" if compounds is None else " AND t.compound_slug IN (SELECT value FROM json_each(?))"
    rows = conn.execute(
        "SELECT t.compound_slug, s.id, s.compound_slug FROM tiers t,"
        " json_each(t.doc, '$.study_ids') j JOIN studies s ON s.id = j.value"
        f" WHERE s.compound_slug IS NOT t.compound_slug{where}",
        () if compounds is None else (json.dumps(compounds),),
    )
    return [(str(r[0]), str(r[1]), str(r[2])) for r in rows]


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


@dataclass
class _Sums:
    """Row checksums summed per compound, per article and per study, and the shared sum."""

    compounds: defaultdict[str, int] = field(default_factory=lambda: defaultdict(int))
    articles: defaultdict[str, int] = field(default_factory=lambda: defaultdict(int))
    studies: defaultdict[str, int] = field(default_factory=lambda: defaultdict(int))
    shared: int = 0


def _value(data: bytes, table_number: int) -> int:
    return (crc32(data) << 96) | (adler32(data) << 64) | (len(data) << 16) | table_number


def _hex(value: int) -> str:
    return f"{value & _MASK:032x}"


def _some(column: str, number: int) -> str:
    """SQL: `column` is one of the JSON list bound as parameter `number`."""
    return f'"{column}" IN (SELECT value FROM json_each(?{number}))'


def _owned_rows(
    conn: sqlite3.Connection, table: str, some: tuple[list[str], list[str]] | None
) -> sqlite3.Cursor:
    """(compound, article, study id, row bytes) for every row of `table`; with `some`
    (compounds, articles), for the rows naming one of them (a child table's rows: through
    their parent's). Only a studies row has a study id."""
    owners = ", ".join(f'"{c}"' if c else "NULL" for c in _owner_columns(table))
    study_id = '"id"' if table == "studies" else "NULL"
    sql = f'SELECT {owners}, {study_id}, {_row_bytes(_columns(conn, table))} FROM "{table}"'
    if some is None:
        return _plain(conn).execute(sql)
    column, parent, key = CHILDREN.get(table, ("", table, ""))
    compound_column, article_column = OWNERS[parent]
    condition = " OR ".join(
        _some(name, number)
        for number, name in ((1, compound_column), (2, article_column))
        if name is not None
    )
    if table in CHILDREN:
        condition = f'"{column}" IN (SELECT "{key}" FROM "{parent}" WHERE {condition})'
    params = _lists(some)[: 2 if article_column else 1]
    return _plain(conn).execute(f"{sql} WHERE {condition}", params)


def _lists(some: tuple[list[str], list[str]] | None) -> list[str]:
    return [] if some is None else [json.dumps(some[0]), json.dumps(some[1])]


def _owned_studies(some: bool) -> str:
    """SQL: every study's compound and article; with `some`, of the studies naming one of the
    compounds or articles bound as parameters 1 and 2."""
    sql = "SELECT id, compound_slug, article_slug FROM studies"
    return f"{sql} WHERE {_some('compound_slug', 1)} OR {_some('article_slug', 2)}" if some else sql


def _row_sums(conn: sqlite3.Connection, some: tuple[list[str], list[str]] | None) -> _Sums:
    """The sums of every row; with `some` (compounds, articles), of their rows only: their own
    sums are whole, any other is partial, and the shared sum is left out."""
    sums = _Sums()
    if some is None:
        meta = conn.execute(f"SELECT key, {_row_bytes(['key', 'value'])} FROM meta")
        for key, data in meta:
            if key not in WHOLE_LIBRARY_META_KEYS:
                sums.shared += _value(data, 0)
    study_owners = {
        str(row[0]): (row[1], row[2])
        for row in conn.execute(_owned_studies(some is not None), _lists(some))
    }
    for number, table in enumerate(_tables(conn), 1):
        if some is not None and table not in OWNERS and table not in CHILDREN:
            continue  # shows on every page: in the shared sum, which only a full read makes
        for compound, article, study, data in _owned_rows(conn, table, some):
            value = _value(data, number)
            if table in CHILDREN:
                compound, article = study_owners.get(compound, (None, None))
            if study is not None:
                sums.studies[study] += value
            if compound is not None:
                sums.compounds[compound] += value
            if article is not None:
                sums.articles[article] += value
            if compound is None and article is None:
                sums.shared += value
    return sums


def _cited_sums(
    conn: sqlite3.Connection, sums: _Sums, compounds: list[str] | None
) -> dict[str, list[str]]:
    """Add to each compound's sum (of every compound, or of `compounds`) the rows of the other
    compounds' studies its tiers cite; returns compound -> those other compounds."""
    cited = _cited_studies(conn, compounds)
    missing = sorted({study for _, study, _ in cited if study not in sums.studies})
    if missing:  # studies of compounds not read: their rows alone
        number = _tables(conn).index("studies") + 1
        rows = _plain(conn).execute(
            f"SELECT id, {_row_bytes(_columns(conn, 'studies'))} FROM studies"
            " WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(missing),),
        )
        for study, data in rows:
            sums.studies[study] += _value(data, number)
    owners: dict[str, set[str]] = defaultdict(set)
    for compound, study, owner in cited:
        sums.compounds[compound] += sums.studies[study]
        owners[compound].add(owner)
    return {compound: sorted(names) for compound, names in owners.items()}


def _titles(conn: sqlite3.Connection, slugs: list[str] | None = None) -> dict[str, str]:
    if slugs is None:
        rows = conn.execute("SELECT slug, title FROM compounds")
    else:
        rows = conn.execute(
            "SELECT slug, title FROM compounds WHERE slug IN (SELECT value FROM json_each(?))",
            (json.dumps(slugs),),
        )
    return {str(r[0]): str(r[1]) for r in rows}


def _compound_digest(
    shared: str, rows: str, partners: list[str], titles: dict[str, str | None]
) -> str:
    return join(shared, rows, repr([(p, titles.get(p)) for p in partners]))


def fingerprints(
    conn: sqlite3.Connection,
    previous_rows: dict[str, str] | None = None,
    previous_partners: dict[str, list[str]] | None = None,
) -> Fingerprints:
    """The digest of every compound's rows and every article's rows, and the shared one.

    `previous_rows` and `previous_partners` are the last export's `rows` and `partners`."""
    sums = _row_sums(conn, None)
    cited = _cited_sums(conn, sums, None)
    shared = _hex(sums.shared)
    rows = {slug: _hex(value) for slug, value in sums.compounds.items()}
    titles: dict[str, str | None] = dict(_titles(conn))
    partners = _partners(conn, titles, rows, previous_rows or {}, previous_partners or {})
    return Fingerprints(
        compounds={
            slug: _compound_digest(shared, digest, partners.get(slug, []), titles)
            for slug, digest in rows.items()
        },
        articles={slug: join(shared, _hex(value)) for slug, value in sums.articles.items()},
        shared=shared,
        rows=rows,
        partners=partners,
        cited=cited,
    )


def some_fingerprints(
    conn: sqlite3.Connection, compounds: set[str], articles: set[str], shared: str
) -> Fingerprints:
    """The digests of `compounds` and `articles` alone, reading only their rows (and the
    studies their tiers cite), as `fingerprints` would give them when the rows every page
    shows have the digest `shared`. A compound or article with no row is left out."""
    some = (sorted(compounds), sorted(articles))
    sums = _row_sums(conn, some)
    cited = _cited_sums(conn, sums, some[0])
    rows = {slug: _hex(sums.compounds[slug]) for slug in some[0] if slug in sums.compounds}
    partners = _read_partners(conn, sorted(rows))
    shown = sorted({p for names in partners.values() for p in names})
    titles: dict[str, str | None] = dict(_titles(conn, shown))
    return Fingerprints(
        compounds={
            slug: _compound_digest(shared, digest, partners[slug], titles)
            for slug, digest in rows.items()
        },
        articles={
            slug: join(shared, _hex(sums.articles[slug]))
            for slug in some[1]
            if slug in sums.articles
        },
        shared=shared,
        rows=rows,
        partners=partners,
        cited={slug: cited[slug] for slug in rows if slug in cited},
    )


def _partners(
    conn: sqlite3.Connection,
    titles: dict[str, str | None],
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
    # the column naming the compound a row is about (see listing_digests); None for a view of
    # counts, which COMPOUND_SHARES stands in for
    owner: str | None = None


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
        owner="c.slug",
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
        owner="t.compound_slug",
    ),
    # one goal page: the article of each of its compounds
    "goal_articles": View(
        "articles", ("compound_slug", "slug"), "goal, slug", key="goal", owner="compound_slug"
    ),
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
        owner="a.compound_slug",
    ),
    # the counts on the home page
    "counts": View(
        "(SELECT 1)",
        tuple(f"(SELECT count(*) FROM {table})" for table in ("compounds", "articles", "studies")),
        "1",
    ),
    # search-index.json: every name, and the title of its compound
    "names": View("names", ("key", "name", "slug"), "key", owner="slug"),
    "titles": View("compounds", ("slug", "title"), "slug", owner="slug"),
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


# What a compound adds to the views of counts: the goals it has a tier for (the goal list counts
# them) and its numbers of articles and studies (the home page's counts).
COMPOUND_SHARES = {
    "tier goals": View("tiers", ("goal",), "goal", owner="compound_slug"),
    "sizes": View(
        "compounds c",
        (
            "(SELECT count(*) FROM articles a WHERE a.compound_slug = c.slug)",
            "(SELECT count(*) FROM studies s WHERE s.compound_slug = c.slug)",
        ),
        "c.slug",
        owner="c.slug",
    ),
}


def listing_digests(conn: sqlite3.Connection, compounds: list[str] | None) -> dict[str, str]:
    """Per compound (of every one, or of `compounds`), a digest of its rows in every view:
    when an edit leaves it unchanged for every compound the edit rewrote, no view changed, and
    the lists of the whole library need not be read again."""
    parts: dict[str, list[str]] = defaultdict(list)
    for name, view in {**VIEWS, **COMPOUND_SHARES}.items():
        if view.owner is None:
            continue
        row = " || ',' || ".join(f"quote({column})" for column in view.columns)
        where = (
            "" if compounds is None else f" WHERE {view.owner} IN (SELECT value FROM json_each(?))"
        )
        rows = _plain(conn).execute(
            f"SELECT o, group_concat(r, char(10)) FROM (SELECT {view.owner} AS o,"
            f" quote({view.key}) || ':' || {row} AS r FROM {view.source}{where} ORDER BY {view.order})"
            " GROUP BY o",
            () if compounds is None else (json.dumps(compounds),),
        )
        for owner, text in rows:
            if owner is not None:
                parts[str(owner)].append(f"{name}\n{text}")
    return {
        slug: hashlib.blake2b("\n".join(texts).encode(), digest_size=16).hexdigest()
        for slug, texts in parts.items()
    }
