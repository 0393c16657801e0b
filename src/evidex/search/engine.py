"""Answering a search: names first, then goals and conditions, then ranked text.

The query plan (measured in bench/search_bench.py, explained in docs/search.md):
1. names and aliases from an in-memory table: exact (folded), prefix, then edit distance <= 2
   against names of similar length only;
2. goal and condition phrases found in the query point at the goal, its deep dives and the
   compounds graded for it (by tier);
3. full text through FTS5: a term set matching few documents is ranked by weighted bm25; one
   matching very many (a common word) takes the first matches in static-rank order plus a
   ranked query restricted to the title, names and headings columns, so no query ranks
   thousands of bodies.
"""

from __future__ import annotations

import bisect
import functools
import html
import json
import re
import sqlite3
import threading
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import OSA, Levenshtein

from evidex.content.names import GREEK, family_key, fold_name
from evidex.search.query import ParsedQuery, fts_expression, parse_query, prefix_term

COMMON_TERM_DOCS = 200  # a match set larger than this is not ranked by bm25 over bodies
SNIPPET_SCAN_CHARS = 6000
# words that ask for the evidence rather than the profile ("thymosin alpha 1 research")
RESEARCH_WORDS = frozenset(
    ["research", "evidence", "study", "studies", "trial", "trials", "deep", "dive", "review"]
)
GOAL_FANOUT = 50  # compounds and deep dives a goal or condition points at, best tier first
BM25_WEIGHTS = (10.0, 8.0, 3.0, 1.0)  # title, names, headings, body
_WEIGHTS = {
    "search_fts": ", ".join(str(w) for w in BM25_WEIGHTS),
    "search_heads": ", ".join(str(w) for w in BM25_WEIGHTS[:3]),
}
_MARK_OPEN, _MARK_CLOSE = "\x02", "\x03"


@dataclass
class Hit:
    type: str
    slug: str
    title: str
    summary: str
    tier: int | None
    is_banned: bool
    goals: list[str]
    compound_slug: str | None
    score: float = 0.0
    matched: list[str] = field(default_factory=list)
    snippet: str = ""

    def as_dict(self) -> dict[str, Any]:
        # by hand: dataclasses.asdict deep-copies field by field, a third of a JSON search's CPU
        return {
            "type": self.type, "slug": self.slug, "title": self.title, "summary": self.summary,
            "tier": self.tier, "is_banned": self.is_banned, "goals": list(self.goals),
            "compound_slug": self.compound_slug, "score": self.score,
            "matched": list(self.matched), "snippet": self.snippet,
        }  # fmt: skip


@dataclass
class SearchResults:
    query: str
    total: int
    items: list[Hit]
    groups: dict[str, list[Hit]]
    did_you_mean: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "total": self.total,
            "items": [hit.as_dict() for hit in self.items],
            "groups": {k: [h.as_dict() for h in v] for k, v in self.groups.items()},
            "did_you_mean": self.did_you_mean,
        }


@dataclass
class _Doc:
    rowid: int
    type: str
    slug: str
    title: str
    summary: str
    tier: int | None
    is_banned: bool
    goals: list[str]
    compound_slug: str | None


class SearchEngine:
    """In-memory name and goal tables over one build; FTS5 in the same connection's file."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._local = threading.local()
        self.docs: dict[int, _Doc] = {}
        self.doc_by_key: dict[tuple[str, str], int] = {}
        for row in _rows(
            conn,
            "SELECT rowid, type, slug, title, summary, tier, is_banned, goals, compound_slug "
            "FROM search_docs",
        ):
            doc = _Doc(
                int(row[0]), str(row[1]), str(row[2]), str(row[3]), str(row[4]),
                None if row[5] is None else int(row[5]), bool(row[6]), json.loads(row[7]),
                None if row[8] is None else str(row[8]),
            )  # fmt: skip
            self.docs[doc.rowid] = doc
            self.doc_by_key[(doc.type, doc.slug)] = doc.rowid
        self.names: dict[str, set[str]] = defaultdict(set)  # folded name -> slugs
        self.display: dict[str, str] = {}  # folded name -> name as written
        self.name_words: dict[str, set[str]] = defaultdict(set)  # slug -> words of its names
        for key, name, slug, _kind in _rows(
            conn,
            "SELECT key, name, slug, kind FROM search_names",
        ):
            self.names[key].add(slug)
            self.display.setdefault(key, name)
            self.name_words[slug].update(_words(str(name)))
            family = family_key(name)
            if family and family != key:
                self.names[family].add(slug)
        self.sorted_keys = sorted(self.names)
        # Fuzzy candidates: same length +-2 and the same first two or last two letters. A typo
        # rarely touches both ends, and the buckets are a few hundred times smaller than
        # "all names", which keeps a fuzzy lookup under a millisecond at 80,000 names.
        self.fuzzy_buckets: dict[tuple[int, str, str], list[str]] = defaultdict(list)
        for key in self.sorted_keys:
            self.fuzzy_buckets[(len(key), "head", key[:2])].append(key)
            self.fuzzy_buckets[(len(key), "tail", key[-2:])].append(key)
        self.goal_phrases: list[tuple[tuple[str, ...], str]] = []
        for phrase, goal in _rows(conn, "SELECT phrase, goal FROM search_terms"):
            tokens = tuple(re.findall(r"\w+", str(phrase).lower()))
            if tokens:
                self.goal_phrases.append((tokens, str(goal)))
        # a shortened phrase ('hep b') writes one of its words out: look up only those phrases
        self.phrases_by_word: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
        for tokens, goal in self.goal_phrases:
            for word in set(tokens):
                self.phrases_by_word[word].append((tokens, goal))
        self.goal_titles: dict[str, str] = {}  # folded goal name or slug -> goal slug
        for doc in self.docs.values():
            if doc.type == "goal":
                self.goal_titles[fold_name(doc.title)] = doc.slug
                self.goal_titles[fold_name(doc.slug)] = doc.slug
        self.research_by_compound: dict[str, list[int]] = defaultdict(list)
        self.research_by_goal: dict[str, list[int]] = defaultdict(list)
        for doc in self.docs.values():
            if doc.type == "research":
                if doc.compound_slug:
                    self.research_by_compound[doc.compound_slug].append(doc.rowid)
                for goal_slug in doc.goals:
                    self.research_by_goal[goal_slug].append(doc.rowid)
        self.compounds_by_goal: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for row in _rows(conn, "SELECT compound_slug, goal, tier FROM tiers"):
            rowid = self.doc_by_key.get(("compound", str(row[0])))
            if rowid is not None:
                self.compounds_by_goal[str(row[1])].append((int(row[2]), rowid))
        for ranked in self.compounds_by_goal.values():
            ranked.sort()
        self.goal_article_compounds: dict[str, set[str | None]] = {}
        for goal_slug, research in self.research_by_goal.items():
            research.sort(key=lambda r: (self.docs[r].tier or 9, r))
            self.goal_article_compounds[goal_slug] = {self.docs[r].compound_slug for r in research}

    # -- names -------------------------------------------------------------------------------

    def _name_slugs(self, parsed: ParsedQuery, explained: set[str]) -> dict[str, tuple[float, str]]:
        """slug -> (score, how) from exact, prefix and fuzzy name matches."""
        found: dict[str, tuple[float, str]] = {}

        def add(slug: str, score: float, how: str) -> None:
            if score > found.get(slug, (0.0, ""))[0]:
                found[slug] = (score, how)

        windows = parsed.windows()
        for folded, size in windows:
            for key in (folded, family_key(folded)):
                for slug in self.names.get(key, ()):
                    add(slug, 1000.0 + 10 * size, "name")
        if not found:
            # typos: the whole query, and single words no goal or condition phrase explains
            fuzzy_windows = [(parsed.folded, len(parsed.tokens))] if not explained else []
            fuzzy_windows += [
                (fold_name(t), 1)
                for t in parsed.terms
                if t not in explained and len(parsed.terms) > 1
            ]
            for folded, size in dict.fromkeys(fuzzy_windows):
                if len(folded) < 5:
                    continue
                budget = _typo_budget(folded)
                for key, distance in self._fuzzy(folded, budget):
                    for slug in self.names[key]:
                        add(slug, 800.0 - 100 * distance + 5 * size, "fuzzy")
        prefix = parsed.folded
        if len(prefix) >= 3:
            for key in self._prefixed(prefix, 8):
                for slug in self.names[key]:
                    add(slug, 700.0 - min(len(key) - len(prefix), 50), "prefix")
        if len(parsed.tokens) > 1:
            # a name's first word inside a longer question ("is thymosin safe ...")
            for token in parsed.terms:
                if len(token) < 5:
                    continue
                for key in self._prefixed(fold_name(token), 4):
                    for slug in self.names[key]:
                        add(slug, 600.0 - min(len(key) - len(token), 50), "prefix")
        return found

    def _fuzzy(self, folded: str, budget: int) -> list[tuple[str, int]]:
        best: dict[str, int] = {}
        for length in range(len(folded) - budget, len(folded) + budget + 1):
            for end, letters in (("head", folded[:2]), ("tail", folded[-2:])):
                candidates = self.fuzzy_buckets.get((length, end, letters))
                if not candidates:
                    continue
                for key, distance, _ in process.extract(
                    folded, candidates, scorer=Levenshtein.distance, score_cutoff=budget, limit=5
                ):
                    best[str(key)] = int(distance)
        return sorted(best.items(), key=lambda m: (m[1], m[0]))[:5]

    def _prefixed(self, prefix: str, limit: int) -> list[str]:
        start = bisect.bisect_left(self.sorted_keys, prefix)
        found = []
        for key in self.sorted_keys[start : start + 200]:
            if not key.startswith(prefix):
                break
            found.append(key)
        found.sort(key=len)
        return found[:limit]

    def suggest(self, text: str, limit: int = 8) -> list[dict[str, str]]:
        """Up to `limit` names starting with what was typed (folded), shortest first."""
        prefix = fold_name(text[:200])
        if not prefix:
            return []
        keys = self._prefixed(prefix, limit * 3)
        if not keys and len(prefix) >= 5:
            keys = [key for key, _ in self._fuzzy(prefix, _typo_budget(prefix))]
        return self._named(keys, one_per_compound=False)[:limit]

    def close_names(self, text: str, limit: int = 5) -> list[dict[str, str]]:
        """Compounds whose names are close to `text` (a typo, or the start of a name), best
        first and one per compound: the "did you mean" of a 404. Looked up in the fuzzy buckets
        and the sorted names, so an unknown URL costs well under a millisecond."""
        folded = fold_name(text[:200])
        if len(folded) < 3:
            return []
        # A URL of 3-4 letters still gets one edit of leeway (search allows none there).
        keys = [key for key, _ in self._fuzzy(folded, max(1, _typo_budget(folded)))]
        keys += self._prefixed(folded, limit)
        return self._named(keys, one_per_compound=True)[:limit]

    def _named(self, keys: list[str], one_per_compound: bool) -> list[dict[str, str]]:
        """{name, slug, title} for each compound of each folded name, in the order given; once
        per compound, or once per name and compound."""
        found: list[dict[str, str]] = []
        seen: set[tuple[str, str]] = set()
        for key in keys:
            name = self.display.get(key, key)
            for slug in sorted(self.names[key]):
                seen_as = ("", slug) if one_per_compound else (name, slug)
                if seen_as in seen:
                    continue
                seen.add(seen_as)
                rowid = self.doc_by_key.get(("compound", slug))
                title = self.docs[rowid].title if rowid else slug
                found.append({"name": name, "slug": slug, "title": title})
        return found

    # -- goals -------------------------------------------------------------------------------

    def _goals(self, parsed: ParsedQuery) -> tuple[dict[str, int], set[str]]:
        """goal -> number of query tokens its matched phrase covers; and the words covered."""
        tokens = parsed.tokens
        found: dict[str, int] = {}
        explained: set[str] = set()
        for phrase, goal in self.goal_phrases:
            size = len(phrase)
            for start in range(len(tokens) - size + 1):
                if tuple(tokens[start : start + size]) == phrase:
                    found[goal] = max(found.get(goal, 0), size)
                    explained.update(phrase)
                    break
        return found, explained

    def _misspelt_goals(
        self, conn: sqlite3.Connection, parsed: ParsedQuery
    ) -> tuple[dict[str, int], set[str], str | None]:
        """Goals whose phrase the query spells wrongly or shortens ('slepe', 'hepatitus', 'hep
        b'): (goal -> tokens covered, the query words explained, the phrase it meant). A word
        the library's text contains is never taken for a misspelling."""
        tokens = parsed.tokens
        if not self.goal_phrases:
            return {}, set(), None
        unknown = {t for t in tokens if len(t) >= 5 and not self._in_text(conn, t)}
        if unknown:
            candidates = self.goal_phrases
        else:  # no typo possible: only shortened phrases, which write one word out
            candidates = [pair for t in set(tokens) for pair in self.phrases_by_word.get(t, [])]
        # (-words covered, edits, start, phrase, goal): the longest, closest reading wins
        best: tuple[int, int, int, tuple[str, ...], str] | None = None
        for phrase, goal in candidates:
            for start in range(len(tokens)):
                edits = _phrase_edits(tokens[start:], phrase, unknown)
                if edits is None:
                    continue
                found = (-min(len(phrase), len(tokens) - start), edits, start, phrase, goal)
                if best is None or found[:3] < best[:3]:
                    best = found
        if best is None:
            return {}, set(), None
        covered, start, phrase, goal = -best[0], best[2], best[3], best[4]
        return {goal: covered}, set(tokens[start : start + covered]), " ".join(phrase[:covered])

    @staticmethod
    def _in_text(conn: sqlite3.Connection, word: str) -> bool:
        found = conn.execute(
            "SELECT 1 FROM search_fts WHERE search_fts MATCH ? LIMIT 1", (f'"{word}"',)
        ).fetchone()
        return found is not None

    # -- text --------------------------------------------------------------------------------

    @staticmethod
    def _bounded(conn: sqlite3.Connection, table: str, expression: str, limit: int) -> list[int]:
        # table is one of our two FTS5 tables (never user input); weights follow its columns
        """Matches ranked by weighted bm25 when there are few; when there are many, the first
        ones in static-rank (rowid) order, so no query ranks thousands of documents."""
        sample = [
            int(r[0])
            for r in conn.execute(
                f"SELECT rowid FROM {table} WHERE {table} MATCH ? LIMIT ?",
                (expression, COMMON_TERM_DOCS + 1),
            )
        ]
        if len(sample) > COMMON_TERM_DOCS:
            return sample[:limit]
        return [
            int(r[0])
            for r in conn.execute(
                f"SELECT rowid FROM {table} WHERE {table} MATCH ? "
                f"ORDER BY bm25({table}, {_WEIGHTS[table]}) LIMIT ?",
                (expression, limit),
            )
        ]

    def _text(self, conn: sqlite3.Connection, expression: str, limit: int) -> list[int]:
        ranked = self._bounded(conn, "search_fts", expression, limit)
        if len(ranked) < limit:
            return ranked
        # Possibly a common word: put first where it is a title, a name or a heading (a small
        # index of its own), then body matches.
        try:
            focused = self._bounded(conn, "search_heads", expression, limit)
        except sqlite3.OperationalError:
            focused = []  # a build written before search_heads existed
        return list(dict.fromkeys(focused + ranked))[:limit]

    def _covers_topic(self, doc: _Doc, terms: list[str], own_words: set[str]) -> bool:
        """Whether most of `terms` start words of the article's topic: its title and goal
        without the compound's own names (crude stemming)."""
        words = [
            word
            for word in re.findall(r"\w+", f"{doc.title} {' '.join(doc.goals)}".lower())
            if not any(_same_stem(word, own) for own in own_words)
        ]
        hits = sum(
            1
            for term in terms
            if term in RESEARCH_WORDS or any(_same_stem(term, word) for word in words)
        )
        return hits * 2 >= len(terms)

    def _text_hits(
        self, conn: sqlite3.Connection, parsed: ParsedQuery, expression: str
    ) -> list[int]:
        """Exact-phrase matches first, then documents with every term, then with any term."""
        if not expression:
            return []
        plans = []
        if len(parsed.terms) > 1:
            plans.append('"' + " ".join(parsed.terms) + '"')
        plans.append(expression)
        hits: list[int] = []
        for plan in plans:
            try:
                hits += self._text(conn, plan, 50)
            except sqlite3.OperationalError:
                continue
        if not hits and len(parsed.terms) > 1:
            try:
                hits = self._text(conn, fts_expression(parsed, any_term=True), 50)
            except sqlite3.OperationalError:
                hits = []
        return list(dict.fromkeys(hits))[:50]

    def search(
        self,
        conn: sqlite3.Connection,
        query: str,
        *,
        types: set[str] | None = None,
        goal: str | None = None,
        max_tier: int | None = None,
        banned: bool | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> SearchResults:
        parsed = parse_query(query)
        if not parsed.tokens:
            return SearchResults(query=parsed.text, total=0, items=[], groups={})
        scores: dict[int, float] = defaultdict(float)
        matched: dict[int, list[str]] = defaultdict(list)

        goals, explained = self._goals(parsed)
        meant_phrase = None
        if not goals and not any(key in self.names for key, _ in parsed.windows()):
            goals, explained, meant_phrase = self._misspelt_goals(conn, parsed)
        names = self._name_slugs(parsed, explained)
        for slug, (score, how) in names.items():
            rowid = self.doc_by_key.get(("compound", slug))
            if rowid is not None:
                scores[rowid] += score
                matched[rowid].append(how)
            own_words = self.name_words.get(slug, set())
            extra = [t for t in parsed.terms if not any(_same_stem(t, w) for w in own_words)]
            for research in self.research_by_compound.get(slug, []):
                # "semaglutide weight loss": the rest of the query names this deep dive's topic
                if extra and self._covers_topic(self.docs[research], extra, own_words):
                    scores[research] += score + 400
                else:
                    scores[research] += score * 0.5
                matched[research].append("compound")

        exact_goal = self.goal_titles.get(parsed.folded)
        follow_goal: dict[int, str] = {}  # goal doc -> goal, placed after what treats it
        for goal_slug, size in goals.items():
            rowid = self.doc_by_key.get(("goal", goal_slug))
            if rowid is not None:
                scores[rowid] += (1500 if goal_slug == exact_goal else 420) + 10 * size
                matched[rowid].append("goal")
                if goal_slug != exact_goal:
                    follow_goal[rowid] = goal_slug
            with_article = self.goal_article_compounds.get(goal_slug, set())
            for tier, compound_rowid in self.compounds_by_goal.get(goal_slug, [])[:GOAL_FANOUT]:
                bonus = 500 - 40 * tier + 10 * size
                if self.docs[compound_rowid].slug in with_article:
                    bonus += 15  # an evidence deep dive on this goal breaks ties in tier
                scores[compound_rowid] += bonus
                matched[compound_rowid].append("goal")
            for research in self.research_by_goal.get(goal_slug, [])[:GOAL_FANOUT]:
                doc = self.docs[research]
                bonus = 470 - 40 * (doc.tier or 5) + 10 * size
                if doc.compound_slug in names:
                    bonus += 200
                scores[research] += bonus
                matched[research].append("goal")

        expression = fts_expression(parsed)
        for position, rowid in enumerate(self._text_hits(conn, parsed, expression)):
            scores[rowid] += 300.0 - 5 * position
            matched[rowid].append("text")
        for rowid, goal_slug in follow_goal.items():
            near = [r for _, r in self.compounds_by_goal.get(goal_slug, [])[:GOAL_FANOUT]]
            near += self.research_by_goal.get(goal_slug, [])[:GOAL_FANOUT]
            treating = [scores[r] for r in near if r in scores]
            if treating:
                # after the best compound and its deep dive, which answer the question directly
                treating.sort(reverse=True)
                scores[rowid] = min(scores[rowid], treating[:2][-1] - 1)

        ranked = sorted(scores, key=lambda r: (-scores[r], r))
        if types or goal or max_tier is not None or banned is not None:
            ranked = [
                r for r in ranked if self._passes(self.docs[r], types, goal, max_tier, banned)
            ]
        page = ranked[offset : offset + limit]
        snippets = self._snippets(conn, expression, page, parsed)
        items = [
            Hit(
                **self._fields(self.docs[rowid]),
                score=round(scores[rowid], 2),
                matched=sorted(set(matched[rowid])),
                snippet=snippets.get(rowid, ""),
            )
            for rowid in page
        ]
        groups: dict[str, list[Hit]] = {}
        for hit in items:
            groups.setdefault(hit.type, []).append(hit)
        did_you_mean = meant_phrase
        fuzzy = [slug for slug, (_, how) in names.items() if how == "fuzzy"]
        if fuzzy and not did_you_mean:
            rowid = self.doc_by_key.get(("compound", fuzzy[0]))
            did_you_mean = self.docs[rowid].title if rowid else None
        return SearchResults(parsed.text, len(ranked), items, groups, did_you_mean)

    @staticmethod
    def _passes(
        doc: _Doc,
        types: set[str] | None,
        goal: str | None,
        max_tier: int | None,
        banned: bool | None,
    ) -> bool:
        if types and doc.type not in types:
            return False
        if goal and goal not in doc.goals:
            return False
        if max_tier is not None and (doc.tier is None or doc.tier > max_tier):
            return False
        return banned is None or doc.is_banned == banned

    @staticmethod
    def _fields(doc: _Doc) -> dict[str, Any]:
        return {
            "type": doc.type, "slug": doc.slug, "title": doc.title, "summary": doc.summary,
            "tier": doc.tier, "is_banned": doc.is_banned, "goals": list(doc.goals),
            "compound_slug": doc.compound_slug,
        }  # fmt: skip

    def _snippets(
        self, conn: sqlite3.Connection, expression: str, rowids: list[int], parsed: ParsedQuery
    ) -> dict[int, str]:
        """The summary when it holds a query word, else a window of body text around the first
        one; marked in Python because FTS5 snippet() re-tokenises whole bodies (slow)."""
        found: dict[int, str] = {}
        terms = [t for t in parsed.terms if t]
        prefix = prefix_term(parsed)
        if not terms or not rowids:
            return {rowid: html.escape(self.docs[rowid].summary[:240]) for rowid in rowids}
        need_body = []
        for rowid in rowids:
            summary = self.docs[rowid].summary
            if _first_word_match(summary, terms, prefix) is not None:
                found[rowid] = highlight(summary[:300], terms, prefix)
            else:
                need_body.append(rowid)
        if need_body and expression:
            marks = ",".join("?" * len(need_body))
            for rowid, body in conn.execute(
                # The opening of the body is enough for a snippet. Cut here, not by SQL substr():
                # SQLite reads the whole value either way and substr() counts its characters
                # too (twice the time of fetching 20 bodies of 7 KB as they are).
                f"SELECT rowid, body FROM search_content WHERE rowid IN ({marks})",
                need_body,
            ):
                text = str(body or "")[:SNIPPET_SCAN_CHARS]
                at = _first_word_match(text, terms, prefix)
                if at is not None:
                    found[int(rowid)] = highlight(_window(text, at), terms, prefix)
        for rowid in rowids:
            if rowid not in found:
                found[rowid] = html.escape(self.docs[rowid].summary[:240])
        return found


def _typo_budget(word: str) -> int:
    """Edits a misspelling of `word` may carry: none under 5 letters, one, two from 8."""
    return 0 if len(word) < 5 else 1 if len(word) < 8 else 2


def _phrase_edits(tokens: list[str], phrase: tuple[str, ...], unknown: set[str]) -> int | None:
    """Edits that turn the leading `tokens` into `phrase` (or its first word, for a one-word
    query of 5+ letters); None when they do not spell it. Only `unknown` words may be typos;
    a word of 3+ letters may shorten a phrase word when another word of the phrase is written
    out ('hep b')."""
    if not tokens:
        return None
    words = phrase[: len(tokens)]
    if len(words) < len(phrase) and (len(tokens) > len(words) or len(tokens[0]) < 5):
        return None
    total, exact, shortened = 0, 0, 0
    for typed, word in zip(tokens, words, strict=False):
        if typed == word:
            exact += 1
            continue
        distance = OSA.distance(typed, word)
        if typed in unknown and distance <= _typo_budget(word):
            total += distance
        elif len(typed) >= 3 and word.startswith(typed):
            shortened += 1
        else:
            return None
    if shortened and not exact:
        return None
    if total == 0 and not shortened:
        return None  # spelled right: the exact goal match handles it
    return total + shortened


@functools.lru_cache(maxsize=4096)
def _word_start(term: str, prefix: bool) -> re.Pattern[str]:
    """A word starting with `term`, words drawn as str.isalnum() draws them ([^\\W_]): the
    term itself or, for a term of 4+ letters, the term with an ending of up to 3 (porter-stemmed
    matches: 'livers', 'treated'); any word a half-typed `prefix` starts."""
    ending = "" if prefix else r"(?![^\W_]{4})" if len(term) >= 4 else r"(?![^\W_])"
    # the term first, so the search skips ahead to its next occurrence (a literal prefix)
    escaped = re.escape(term)
    return re.compile(escaped + r"(?<![^\W_]" + escaped + ")" + ending)


def _first_word_match(text: str, terms: list[str], prefix: str | None = None) -> int | None:
    """Where the first word starting with a term begins (one compiled search a term: a loop
    over str.find's hits cost most of a search where a short term is inside many words)."""
    lowered = text.lower()
    if len(terms) > 1:
        phrase = lowered.find(" ".join(terms))
        if phrase != -1:
            return phrase
    best: int | None = None
    for term in terms:
        found = _word_start(term, term == prefix).search(lowered)
        if found is not None and (best is None or found.start() < best):
            best = found.start()
    return best


@functools.lru_cache(maxsize=4096)
def _word_pattern(term: str, prefix: bool) -> re.Pattern[str]:
    """Whole words only: the term itself, or a 4+ letter term with a short ending (the words
    the stemmed full-text search matched), or any word a half-typed prefix starts; 'b' never
    marks 'by'. Kept by word, not by query: a new query of known words compiles nothing."""
    ending = r"\w*" if prefix else r"\w{0,3}" if len(term) >= 4 else ""
    return re.compile(r"\b" + re.escape(term) + ending + r"\b", re.I)


def _marked(text: str, terms: list[str], prefix: str | None) -> str | None:
    """`text` with each word a term matches between the mark characters; None when no term is
    usable. Where several terms match at one place, the longest wins, as in one alternation."""
    patterns = [
        _word_pattern(term, term == prefix) for term in reversed(sorted(terms, key=len)) if term
    ]
    if not patterns:
        return None
    found: list[re.Match[str] | None] = [pattern.search(text) for pattern in patterns]
    pieces: list[str] = []
    at = 0
    while True:
        best: re.Match[str] | None = None
        for index, match in enumerate(found):
            if match is not None and match.start() < at:  # overlapped by the last mark
                match = found[index] = patterns[index].search(text, at)
            if match is not None and (best is None or match.start() < best.start()):
                best = match
        if best is None:
            break
        pieces += [text[at : best.start()], _MARK_OPEN, best.group(0), _MARK_CLOSE]
        at = best.end()
    pieces.append(text[at:])
    return "".join(pieces)


def _window(text: str, at: int, width: int = 220) -> str:
    """About `width` characters around position `at`, cut at spaces, with ellipses."""
    start = max(0, at - width // 3)
    end = min(len(text), start + width)
    if start > 0:
        start = text.find(" ", start) + 1 or start
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end
    piece = " ".join(text[start:end].split())
    return ("…" if start > 0 else "") + piece + ("…" if end < len(text) else "")


def _rows(conn: sqlite3.Connection, sql: str) -> list[tuple[Any, ...]]:
    """All rows, or none from a build written before the search tables existed."""
    try:
        return list(conn.execute(sql))
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):
            return []
        raise


def _words(text: str) -> list[str]:
    spelled = "".join(f" {GREEK[ch]} " if ch in GREEK else ch for ch in text.lower())
    return [w for w in re.findall(r"\w+", spelled) if len(w) >= 2 and not w.isdigit()]


def _same_stem(term: str, word: str) -> bool:
    stem = term[:5]
    return word.startswith(stem) or (len(word) >= 4 and term.startswith(word))


def _safe_marked(text: str) -> str:
    escaped = html.escape(text, quote=True)
    return escaped.replace(_MARK_OPEN, "<mark>").replace(_MARK_CLOSE, "</mark>")


def highlight(text: str, terms: list[str], prefix: str | None = None) -> str:
    """Escape `text` and wrap the words a query term matched in <mark> (whole words)."""
    marked = _marked(text, terms, prefix)
    return html.escape(text) if marked is None else _safe_marked(marked)


_engines: dict[str, SearchEngine] = {}
_engines_lock = threading.Lock()


def engine_for(conn: sqlite3.Connection, build_id: str) -> SearchEngine:
    """One engine per build, created on first use and dropped when the build changes."""
    with _engines_lock:
        engine = _engines.get(build_id)
        if engine is None:
            _engines.clear()
            engine = _engines[build_id] = SearchEngine(conn)
        return engine
