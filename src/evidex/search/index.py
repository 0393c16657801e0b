"""The search index, written with the build into the same SQLite artifact.

Two FTS5 tables, chosen by measurement (see docs/search.md):
- `search_fts` holds every document with weighted columns (title and names outrank headings,
  which outrank body text), porter-stemmed, for ranked queries on selective terms;
- rows are inserted in static-rank order (best-evidenced, most-linked first), so a query on a
  very common word can take the first k matches in rowid order instead of ranking thousands.
Names, aliases, goals and conditions are answered from small in-memory tables built from
`search_names` and `search_terms` when the engine opens the database.
"""

from __future__ import annotations

import contextlib
import json
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from itertools import islice
from typing import Any

from evidex.build.library import Library, LibraryPart
from evidex.build.link import compound_names
from evidex.content.models import Article, Compound, Goal
from evidex.content.names import fold_name
from evidex.text.markdown import atx_heading

SCHEMA = """
CREATE TABLE search_docs (
    rowid INTEGER PRIMARY KEY,
    type TEXT NOT NULL,           -- compound | research | goal
    slug TEXT NOT NULL,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    tier INTEGER,                 -- best computed tier (compounds), the article's tier (research)
    is_banned INTEGER NOT NULL,
    goals TEXT NOT NULL,          -- JSON list of goal slugs
    compound_slug TEXT
);
CREATE TABLE search_content (  -- external content of search_fts, read by snippet()
    rowid INTEGER PRIMARY KEY, title TEXT, names TEXT, headings TEXT, body TEXT
);
CREATE VIRTUAL TABLE search_fts USING fts5(
    title, names, headings, body,
    content='search_content', content_rowid='rowid',
    tokenize='porter unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE search_heads USING fts5(  -- titles, names and headings only: small
    title, names, headings,                       -- doclists, so common words rank quickly
    content='search_content', content_rowid='rowid',
    tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TABLE search_names (      -- every name of every compound, for exact, prefix and fuzzy match
    key TEXT NOT NULL,            -- folded name
    name TEXT NOT NULL,
    slug TEXT NOT NULL,
    kind TEXT NOT NULL            -- title | alternate | brand | alias | slug
);
CREATE TABLE search_terms (      -- goal and condition phrases that point at goals
    phrase TEXT NOT NULL,         -- lower-cased phrase as written
    goal TEXT NOT NULL
);
"""

_MARKDOWN_NOISE = re.compile(r"[*_`#>|\[\]]+")
_MARKS_TO_NUL = bytes.maketrans(b"*_`#>|[]", b"\0" * 8)
_BODY_LIMIT = 20_000


def _plain(markdown: str) -> str:
    """Each run of markdown punctuation becomes one space. This runs over every body in the
    library, so it is done in C passes (a byte table marks the punctuation, one split drops it)
    rather than with the regex, which is kept for text that holds NUL itself."""
    if "\0" in markdown:
        return _MARKDOWN_NOISE.sub(" ", markdown)[:_BODY_LIMIT]
    marked = markdown.encode().translate(_MARKS_TO_NUL).decode()
    if "\0" not in marked:
        return marked[:_BODY_LIMIT]
    words = " ".join(filter(None, marked.split("\0")))
    lead = " " if marked[0] == "\0" else ""
    tail = " " if marked[-1] == "\0" and words else ""
    return (lead + words + tail)[:_BODY_LIMIT]


def _headings(markdown: str) -> str:
    if "#" not in markdown:  # most profile sections have no heading of their own inside
        return ""
    marked = (atx_heading(line) for line in markdown.splitlines() if line.startswith("#"))
    return " ".join(heading.title.strip(" *:") for heading in marked if heading)


def _best_tiers(library: Library) -> dict[str, int]:
    best: dict[str, int] = {}
    for tier in library.tiers:
        best[tier.compound_slug] = min(tier.tier, best.get(tier.compound_slug, 6))
    return best


Document = dict[str, Any]
_BATCH = 500


def _documents(library: Library) -> Iterator[Document]:
    """Every document in static-rank order: evidence first (lower tier), then articles and
    goals, then the rest by title. Each is built only when written, so the bodies of the whole
    library are never held at once."""
    return (make() for _, make in _ranked(library))


def _ranked(library: Library) -> list[tuple[tuple[int, bool, str], Callable[[], Document]]]:
    best = _best_tiers(library)
    goals_of: dict[str, set[str]] = {}
    for tier in library.tiers:
        goals_of.setdefault(tier.compound_slug, set()).add(tier.goal)
    tiers = {(t.compound_slug, t.goal): t.tier for t in library.tiers}
    ranked: list[tuple[tuple[int, bool, str], Callable[[], Document]]] = []
    for compound in library.compounds.values():
        ranked.append(
            (
                _rank(best.get(compound.slug), "compound", compound.title),
                partial(_compound_document, compound, best, goals_of),
            )
        )
    for article in library.articles.values():
        claimed = tiers.get((article.compound_slug or "", article.goal), article.tier)
        ranked.append(
            (
                _rank(claimed, "research", article.title),
                partial(_article_document, article, claimed, library),
            )
        )
    for goal in library.goals.values():
        ranked.append((_rank(None, "goal", goal.name), partial(_goal_document, goal)))
    ranked.sort(key=lambda item: item[0])
    return ranked


def _rank(tier: int | None, kind: str, title: str) -> tuple[int, bool, str]:
    return (tier if tier is not None else 9, kind != "goal", title)


def _compound_document(
    compound: Compound, best: dict[str, int], goals_of: dict[str, set[str]]
) -> Document:
    body_parts = [section.markdown for section in compound.sections]
    body_parts += [f"{faq.q} {faq.a}" for faq in compound.faqs]
    markdown = "\n".join(body_parts)
    names = [*compound.names.alternate, *compound.names.brand, *compound.aliases]
    return {
        "type": "compound",
        "slug": compound.slug,
        "title": compound.title,
        "summary": compound.description,
        "tier": best.get(compound.slug),
        "is_banned": int(compound.is_banned),
        "goals": sorted(goals_of.get(compound.slug, set()) | set(compound.goals)),
        "compound_slug": compound.slug,
        "names": " ".join(names),
        "headings": " ".join(s.title for s in compound.sections) + " " + _headings(markdown),
        "body": _plain(markdown),
    }


def _article_document(article: Article, tier: int | None, library: Library) -> Document:
    subject = library.compounds.get(article.compound_slug or "")
    return {
        "type": "research",
        "slug": article.slug,
        "title": article.title,
        "summary": article.summary,
        "tier": tier,
        "is_banned": int(bool(subject and subject.is_banned)),
        "goals": [article.goal],
        "compound_slug": article.compound_slug,
        "names": " ".join(compound_names(subject)) if subject else article.compound,
        "headings": " ".join(article.headings),
        "body": _plain(article.body_markdown),
    }


def _goal_document(goal: Goal) -> Document:
    return {
        "type": "goal",
        "slug": goal.slug,
        "title": goal.name,
        "summary": goal.description,
        "tier": None,
        "is_banned": 0,
        "goals": [goal.slug],
        "compound_slug": None,
        "names": " ".join([*goal.synonyms, *goal.conditions]),
        "headings": "",
        "body": goal.description,
    }


_PENDING_TERMS_BYTES = 16 * 1024 * 1024


def _larger_pending_terms(conn: sqlite3.Connection) -> None:
    """Let FTS5 gather 16 MB of terms before writing a segment (1 MB by default): fewer, larger
    segments to merge, a quarter less time indexing a large library. SQLite builds without the
    option simply index with the default."""
    for table in ("search_fts", "search_heads"):
        with contextlib.suppress(sqlite3.OperationalError):
            conn.execute(
                f"INSERT INTO {table}({table}, rank) VALUES ('hashsize', ?)",
                (_PENDING_TERMS_BYTES,),
            )


def _name_rows(compounds: Iterable[Compound]) -> list[tuple[str, str, str, str]]:
    rows = []
    for compound in compounds:
        kinds = [("title", compound.title), ("slug", compound.slug)]
        kinds += [("alternate", n) for n in compound.names.alternate]
        kinds += [("brand", n) for n in compound.names.brand]
        kinds += [("alias", n) for n in compound.aliases]
        for kind, name in kinds:
            key = fold_name(name)
            if key:
                rows.append((key, name, compound.slug, kind))
    return rows


def update_search_index(conn: sqlite3.Connection, part: LibraryPart) -> None:
    """The incremental counterpart of write_search_index: the documents of the part's compounds
    and of their articles are replaced where they stand. A document keeps its row, so its place
    in the static rank is the last full build's until the next full build (a tier or title an
    edit changes moves it there)."""
    for _, make in _ranked(part.library):
        document = make()
        if document["type"] == "goal":  # goals are not part of an edit
            continue
        found = conn.execute(
            "SELECT rowid FROM search_docs WHERE type = ? AND slug = ?",
            (document["type"], document["slug"]),
        ).fetchone()
        if found is None:
            rowid = conn.execute("SELECT COALESCE(MAX(rowid), 0) + 1 FROM search_docs").fetchone()[
                0
            ]
        else:
            rowid = found[0]
            _forget(conn, rowid)
        _insert(conn, rowid, document)
    slugs = sorted(part.compounds)
    conn.execute(f"DELETE FROM search_names WHERE slug IN ({', '.join('?' * len(slugs))})", slugs)
    conn.executemany(
        "INSERT INTO search_names VALUES (?, ?, ?, ?)", _name_rows(part.library.compounds.values())
    )


def _forget(conn: sqlite3.Connection, rowid: int) -> None:
    old = conn.execute(
        "SELECT title, names, headings, body FROM search_content WHERE rowid = ?", (rowid,)
    ).fetchone()
    if old is not None:
        conn.execute(
            "INSERT INTO search_fts(search_fts, rowid, title, names, headings, body) "
            "VALUES ('delete', ?, ?, ?, ?, ?)",
            (rowid, *old),
        )
        conn.execute(
            "INSERT INTO search_heads(search_heads, rowid, title, names, headings) "
            "VALUES ('delete', ?, ?, ?, ?)",
            (rowid, *old[:3]),
        )
    conn.execute("DELETE FROM search_content WHERE rowid = ?", (rowid,))
    conn.execute("DELETE FROM search_docs WHERE rowid = ?", (rowid,))


def _insert(conn: sqlite3.Connection, rowid: int, d: Document) -> None:
    conn.execute("INSERT INTO search_docs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", _doc_row(rowid, d))
    content = (rowid, d["title"], d["names"], d["headings"], d["body"])
    conn.execute("INSERT INTO search_content VALUES (?, ?, ?, ?, ?)", content)
    conn.execute(
        "INSERT INTO search_fts(rowid, title, names, headings, body) VALUES (?, ?, ?, ?, ?)",
        content,
    )
    conn.execute(
        "INSERT INTO search_heads(rowid, title, names, headings) VALUES (?, ?, ?, ?)",
        content[:4],
    )


def _doc_row(rowid: int, d: Document) -> tuple[Any, ...]:
    return (
        rowid,
        d["type"],
        d["slug"],
        d["title"],
        d["summary"],
        d["tier"],
        d["is_banned"],
        json.dumps(d["goals"]),
        d["compound_slug"],
    )


def write_search_index(conn: sqlite3.Connection, library: Library) -> None:
    """Create and fill the search tables inside the build being written."""
    conn.executescript(SCHEMA)
    rows = enumerate(_documents(library), start=1)
    while batch := list(islice(rows, _BATCH)):
        conn.executemany(
            "INSERT INTO search_docs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [_doc_row(rowid, d) for rowid, d in batch],
        )
        conn.executemany(
            "INSERT INTO search_content VALUES (?, ?, ?, ?, ?)",
            [(rowid, d["title"], d["names"], d["headings"], d["body"]) for rowid, d in batch],
        )
    _larger_pending_terms(conn)
    conn.execute("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")
    conn.execute("INSERT INTO search_heads(search_heads) VALUES ('rebuild')")
    conn.executemany(
        "INSERT INTO search_names VALUES (?, ?, ?, ?)", _name_rows(library.compounds.values())
    )
    conn.executemany("INSERT INTO search_terms VALUES (?, ?)", _term_rows(library))
    conn.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
    conn.execute("INSERT INTO search_heads(search_heads) VALUES ('optimize')")


def _term_rows(library: Library) -> list[tuple[str, str]]:
    """Each goal's phrases, once each, in the order the goal lists them (not a set's order,
    which changes with the hash seed and would make two builds of the same files differ)."""
    rows = []
    for goal in library.goals.values():
        phrases = [goal.name, goal.slug.replace("-", " "), *goal.synonyms, *goal.conditions]
        for phrase in dict.fromkeys(phrases):
            if phrase.strip():
                rows.append((phrase.strip().lower(), goal.slug))
    return rows
