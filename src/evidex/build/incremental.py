"""An edit to a few profiles, articles or study files, rebuilt without the rest of the library.

The database records every file it was built from (the `sources` table: size, mtime, digest and
the compound the file is about). The folder is compared with it; when only profiles, articles
or study files changed, and no compound was renamed, only the compounds those files are about
are parsed (from the parse cache where unchanged), linked against the database's name index,
and graded with all of their studies. Anything else raises NotIncremental and the caller builds
in full: a vocabulary, vendor or currency file, a file added or removed, a name changed, a study
id shared with another compound, a database built by other code.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from evidex.build.discover import SourceFile, read_source
from evidex.build.grade import grade
from evidex.build.library import Library, LibraryPart, SourceRecord
from evidex.build.link import compound_names, link_part
from evidex.build.parse import ParseCache, ParsedFile, digest_bytes, parse_some
from evidex.build.vocabularies import read_vocabularies
from evidex.build.write import NotIncremental
from evidex.content.diagnostics import ContentError
from evidex.content.models import Article, Compound
from evidex.content.names import fold_name, resolve
from evidex.evidence.models import Study

DOCUMENT_KINDS = ("compound", "article", "study")


@dataclass
class Comparison:
    """The library folder against the files the database was built from."""

    changed: list[SourceFile]  # bytes differ
    touched: list[SourceRecord]  # size or mtime differ, bytes the same: new stamps only
    digests: dict[str, str]  # every file's digest now, by rel


def compare(sources: list[SourceFile], recorded: dict[str, SourceRecord]) -> Comparison:
    if {s.rel for s in sources} != recorded.keys():
        raise NotIncremental("files were added, removed or renamed")
    found = Comparison([], [], {})
    for source in sources:
        record = recorded[source.rel]
        if record.kind != source.kind:
            raise NotIncremental(f"{source.rel} changed kind")
        if (source.size, source.mtime_ns) == (record.size, record.mtime_ns):
            found.digests[source.rel] = record.digest
            continue
        try:
            digest = digest_bytes(read_source(source))
        except ContentError as exc:
            raise NotIncremental(f"{source.rel} cannot be read") from exc
        found.digests[source.rel] = digest
        if digest == record.digest:
            found.touched.append(_stamped(source, digest, record.owner))
        else:
            found.changed.append(source)
    kinds = {source.kind for source in found.changed} - set(DOCUMENT_KINDS)
    if kinds:
        raise NotIncremental(f"a {', '.join(sorted(kinds))} file changed")
    return found


def _stamped(source: SourceFile, digest: str, owner: str | None) -> SourceRecord:
    return SourceRecord(source.rel, source.kind, source.size, source.mtime_ns, digest, owner)


def source_records(
    sources: list[SourceFile], digests: dict[str, str], library: Library
) -> list[SourceRecord]:
    """The `sources` rows of `sources` (stamped as discovered), each with the compound it is
    about in `library`."""
    owners: dict[str, str | None] = {c.source_path: c.slug for c in library.compounds.values()}
    for article in library.articles.values():
        owners.setdefault(article.source_path, article.compound_slug)
    for study in library.studies.values():
        owners.setdefault(study.source_path, study.compound)
    return [
        _stamped(source, digests.get(source.rel, ""), owners.get(source.rel)) for source in sources
    ]


def load_part(
    conn: sqlite3.Connection,
    sources: list[SourceFile],
    comparison: Comparison,
    recorded: dict[str, SourceRecord],
    cache_path: Path,
) -> LibraryPart:
    """The compounds the changed files are about, with all of their files, linked and graded
    against the whole library in `conn`. Its library's diagnostics include errors, if any."""
    library = Library()
    vocabulary_digest = read_vocabularies(sources, library)
    library.diagnostics = []  # the vocabularies' own messages are the database's already
    library.name_index = {str(k): str(s) for k, s in conn.execute("SELECT key, slug FROM names")}
    conditions = list(library.conditions.values())
    cache = ParseCache(cache_path, vocabulary_digest)
    changed = parse_some(comparison.changed, conditions, cache)
    owners = _owners(conn, changed, recorded, library.name_index)
    by_rel = {item.rel: item for item in changed}
    wanted = [s for s in sources if recorded[s.rel].owner in owners or s.rel in by_rel]
    unchanged = [s for s in wanted if s.rel not in by_rel]
    cache = ParseCache(cache_path, vocabulary_digest)
    by_rel.update((item.rel, item) for item in parse_some(unchanged, conditions, cache))
    parsed = [by_rel[source.rel] for source in wanted]  # in the order of a full build
    titles = {
        str(slug): str(title) for slug, title in conn.execute("SELECT slug, title FROM compounds")
    }
    titles.update(
        (item.model.slug, item.model.title) for item in changed if isinstance(item.model, Compound)
    )
    link_part(parsed, library, titles)
    if any(d.level == "error" for d in library.diagnostics):
        return LibraryPart(library, owners, set(), {item.rel for item in parsed})
    missing = owners - library.compounds.keys()
    if missing:
        raise NotIncremental(f"no profile found for {', '.join(sorted(missing))}")
    grade(library)
    _check_study_ids(conn, library, owners)
    old_articles = {
        str(row[0])
        for row in conn.execute(
            f"SELECT slug FROM articles WHERE compound_slug IN ({', '.join('?' * len(owners))})",
            sorted(owners),
        )
    }
    paths = {item.rel for item in parsed}
    library.diagnostics.sort(key=lambda d: (d.path, d.line, d.level, d.message))
    return LibraryPart(library, owners, old_articles | library.articles.keys(), paths)


def _owners(
    conn: sqlite3.Connection,
    changed: list[ParsedFile],
    recorded: dict[str, SourceRecord],
    name_index: dict[str, str],
) -> set[str]:
    """The compounds the changed files were and are about. A changed profile keeps its slug and
    every name (other files link to compounds by name)."""
    owners: set[str] = set()
    for item in changed:
        before = recorded[item.rel].owner
        if before is None:
            raise NotIncremental(f"{item.rel} was about no compound")
        owners.add(before)
        model = item.model
        if isinstance(model, Compound):
            if model.slug != before or _names(model) != _stored_names(conn, before):
                raise NotIncremental(f"{item.rel} changed the compound's slug or names")
        elif isinstance(model, Article | Study) and model.compound:
            now = resolve(model.compound, name_index)
            if now is not None:
                owners.add(now)
    return owners


def _names(compound: Compound) -> set[str]:
    return {key for key in map(fold_name, compound_names(compound)) if key}


def _stored_names(conn: sqlite3.Connection, slug: str) -> set[str]:
    rows = conn.execute("SELECT key FROM names WHERE slug = ? AND kind = 'name'", (slug,))
    return {str(row[0]) for row in rows}


def _check_study_ids(conn: sqlite3.Connection, library: Library, owners: set[str]) -> None:
    """A study id also used by another compound's file: which one wins depends on the order a
    full build reads the whole library in."""
    ids = list(library.studies)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows = conn.execute(
            f"SELECT id, compound_slug FROM studies WHERE id IN ({', '.join('?' * len(chunk))})",
            chunk,
        )
        for study_id, compound in rows:
            if compound not in owners:
                raise NotIncremental(f"study id {study_id!r} is also {compound}'s")
