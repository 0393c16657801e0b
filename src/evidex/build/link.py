"""Step 3 of the build: resolve names and links across the whole library."""

from __future__ import annotations

from collections import defaultdict
from itertools import pairwise

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from evidex.build.library import Library
from evidex.build.parse import ParsedFile
from evidex.content.diagnostics import Diagnostic
from evidex.content.models import Article, Compound
from evidex.content.names import build_name_index, fold_name, resolve
from evidex.content.vocab import match_goal
from evidex.evidence.models import Study


def compound_names(compound: Compound) -> list[str]:
    """Every name a reader may use for a compound."""
    return [
        compound.title,
        compound.slug,
        *compound.names.alternate,
        *compound.names.brand,
        *compound.aliases,
    ]


def link(parsed: list[ParsedFile], library: Library) -> None:
    """Fill `library` from parsed files and resolve every cross-reference, adding diagnostics."""
    for item in parsed:
        library.diagnostics.extend(item.diagnostics)
    _collect_compounds(parsed, library)
    _index_names(library)
    misspellings = _link_documents(parsed, library, _titles(library))
    _check_interactions(library, misspellings)


def link_part(parsed: list[ParsedFile], library: Library, titles: dict[str, str]) -> None:
    """Link the files of a few compounds (all of their profiles, articles and studies) against
    a whole library's name index, already in `library.name_index`, and its titles by slug.
    The interactions file is not checked: it links to names, which are the whole library's."""
    for item in parsed:
        library.diagnostics.extend(item.diagnostics)
    _collect_compounds(parsed, library)
    _link_documents(parsed, library, titles)


def _titles(library: Library) -> dict[str, str]:
    return {slug: compound.title for slug, compound in library.compounds.items()}


def _link_documents(
    parsed: list[ParsedFile], library: Library, titles: dict[str, str]
) -> _Misspellings:
    _collect_articles(parsed, library)
    _collect_studies(parsed, library)
    misspellings = _Misspellings(library.name_index, titles)
    _link_combinations(library, misspellings)
    _check_goals(library)
    return misspellings


def _collect_compounds(parsed: list[ParsedFile], library: Library) -> None:
    first_seen: dict[str, str] = {}
    for item in parsed:
        if item.kind != "compound" or not isinstance(item.model, Compound):
            continue
        compound = item.model
        if compound.slug in library.compounds:
            library.diagnostics.append(
                Diagnostic(
                    item.rel,
                    1,
                    "error",
                    f"duplicate slug {compound.slug!r} (already used by {first_seen[compound.slug]})",
                )
            )
            continue
        compound.source_path = item.rel
        first_seen[compound.slug] = item.rel
        library.compounds[compound.slug] = compound


def _index_names(library: Library) -> None:
    names = {slug: compound_names(c) for slug, c in library.compounds.items()}
    library.name_index, conflicts = build_name_index(names)
    for name, owner, claimant in conflicts:
        message = f"name {name!r} is claimed by both {owner!r} and {claimant!r}"
        path = library.compounds[claimant].source_path
        library.diagnostics.append(Diagnostic(path, 1, "error", message, "name-conflict"))


def _collect_articles(parsed: list[ParsedFile], library: Library) -> None:
    by_topic: dict[tuple[str, str], Article] = {}  # (compound, goal) -> the first article
    for item in parsed:
        if item.kind != "article" or not isinstance(item.model, Article):
            continue
        article = item.model
        article.source_path = item.rel
        article.compound_slug = resolve(article.compound, library.name_index)
        if article.compound_slug is None:
            library.diagnostics.append(
                Diagnostic(
                    item.rel,
                    article.key_lines.get("compound", 1),
                    "error",
                    f"compound {article.compound!r} names no compound in the library",
                )
            )
        if library.goals and article.goal not in library.goals:
            _resolve_goal(article, library)
        for study in article.studies:
            study.compound = article.compound_slug or study.compound
            study.goal = study.goal or article.goal
            study.source_path = item.rel
            _add_study(study, library, item.rel)
        if article.compound_slug is not None:
            topic = (article.compound_slug, article.goal)
            if topic in by_topic:
                _report_repeated_article(article, by_topic[topic], library)
            else:
                by_topic[topic] = article
        library.articles[article.slug] = article
        library.extracted[article.slug] = list(item.extracted)


def _report_repeated_article(article: Article, other: Article, library: Library) -> None:
    """A second article for one compound and goal: the evidence page links only one."""
    library.diagnostics.append(
        Diagnostic(
            article.source_path,
            article.key_lines.get("goal", 1),
            "warning",
            f"another article covers {article.compound_slug} for {article.goal} "
            f"({other.source_path}); merge them, as the evidence page links only one",
            "repeated-article",
        )
    )


def _resolve_goal(article: Article, library: Library) -> None:
    """A goal given by one of its synonyms or conditions ('weight-management', 'insomnia')
    becomes that goal, with a warning; one goals.yaml does not know is an error."""
    path, line = article.source_path, article.key_lines.get("goal", 1)
    known = match_goal(article.goal, list(library.goals.values()))
    if known not in library.goals:
        message = f"goal {article.goal!r} is not in goals.yaml"
        library.diagnostics.append(Diagnostic(path, line, "error", message))
        return
    message = f"goal {article.goal!r} read as {known!r}, the goal in goals.yaml that names it"
    library.diagnostics.append(Diagnostic(path, line, "warning", message, "goal-synonym"))
    article.goal = str(known)


def _collect_studies(parsed: list[ParsedFile], library: Library) -> None:
    for item in parsed:
        if item.kind != "study" or not isinstance(item.model, Study):
            continue
        study = item.model
        study.source_path = item.rel
        if study.compound:
            slug = resolve(study.compound, library.name_index)
            if slug is None:
                library.diagnostics.append(
                    Diagnostic(
                        item.rel,
                        study.line or 1,
                        "error",
                        f"compound {study.compound!r} names no compound in the library",
                    )
                )
            study.compound = slug or study.compound
        _add_study(study, library, item.rel)


def _add_study(study: Study, library: Library, rel: str) -> None:
    if study.id in library.studies:
        other = library.studies[study.id].source_path
        library.diagnostics.append(
            Diagnostic(
                rel, study.line or 1, "error", f"duplicate study id {study.id!r} (also in {other})"
            )
        )
        return
    library.studies[study.id] = study


_LINKED_LATER = " yet (it will be linked when it is added)"


class _Misspellings:
    """Which library compound a name misspells by a letter or two. Each name is looked up once
    (a library names the same missing partner from many profiles), and only among the names
    that share a piece with it (`_close_keys`): scoring every name of a near length cost 2 s of
    a 10,000-compound build."""

    def __init__(self, name_index: dict[str, str], titles: dict[str, str]) -> None:
        self.name_index = name_index
        self.titles = titles
        self._by_length: dict[int, list[str]] | None = None  # made at the first lookup
        # (length, budget) -> for each piece number, {piece: names of that length}, made when
        # asked
        self.pieces: dict[tuple[int, int], list[dict[str, list[str]]]] = {}
        self.found: dict[str, str | None] = {}

    @property
    def by_length(self) -> dict[int, list[str]]:
        if self._by_length is None:
            self._by_length = defaultdict(list)
            for key in self.name_index:
                self._by_length[len(key)].append(key)
        return self._by_length

    def title_meant(self, name: str) -> str | None:
        folded = fold_name(name)
        if folded not in self.found:
            self.found[folded] = self._look_up(folded)
        return self.found[folded]

    def _look_up(self, folded: str) -> str | None:
        if len(folded) < 5:
            return None
        budget = 1 if len(folded) < 10 else 2
        digits = [c for c in folded if c.isdigit()]
        matches = process.extract(
            folded,
            self._close_keys(folded, budget),
            scorer=Levenshtein.distance,
            score_cutoff=budget,
            limit=None,
        )
        for key, _, _ in sorted(matches, key=lambda m: (m[1], m[0])):
            # 'Vitamin K2' is not a misspelling of 'Vitamin D3': numbers must agree
            if [c for c in str(key) if c.isdigit()] == digits:
                return self.titles.get(self.name_index[str(key)])
        return None

    def _close_keys(self, folded: str, budget: int) -> list[str]:
        """Every name within `budget` edits of `folded`, and a few more. A name cut into
        budget + 1 pieces keeps at least one piece untouched by `budget` edits, and that piece
        stands in `folded` at most `budget` places from where it stands in the name."""
        close: set[str] = set()
        for length in range(len(folded) - budget, len(folded) + budget + 1):
            if length not in self.by_length:
                continue
            indexes = self._pieces(length, budget)
            for (start, end), index in zip(_piece_bounds(length, budget), indexes, strict=True):
                for at in range(max(0, start - budget), min(start + budget, len(folded)) + 1):
                    names = index.get(folded[at : at + end - start])
                    if names:
                        close.update(names)
        # in no particular order: the caller ranks the matches by distance, then name
        return list(close)

    def _pieces(self, length: int, budget: int) -> list[dict[str, list[str]]]:
        indexes = self.pieces.get((length, budget))
        if indexes is None:
            names = self.by_length[length]
            indexes = []
            for start, end in _piece_bounds(length, budget):
                index: dict[str, list[str]] = defaultdict(list)
                for key in names:
                    index[key[start:end]].append(key)
                indexes.append(index)
            self.pieces[(length, budget)] = indexes
        return indexes


def _piece_bounds(length: int, budget: int) -> list[tuple[int, int]]:
    """`length` characters cut into budget + 1 pieces of near-equal length."""
    cuts = [length * piece // (budget + 1) for piece in range(budget + 2)]
    return list(pairwise(cuts))


def _unknown_name(
    path: str, line: int, name: str, misspellings: _Misspellings, missing: str, code: str
) -> Diagnostic:
    """A name the library lacks: a warning with "did you mean" when it misspells a compound
    of the library, else information (`missing`) for `lint --verbose`."""
    meant = misspellings.title_meant(name)
    if meant:
        message = f"{missing.removesuffix(_LINKED_LATER)}; did you mean {meant!r}?"
        return Diagnostic(path, line, "warning", message, code)
    return Diagnostic(path, line, "info", missing, code)


def _link_combinations(library: Library, misspellings: _Misspellings) -> None:
    for compound in library.compounds.values():
        for combination in compound.combinations:
            combination.slug = resolve(combination.name, library.name_index)
            if combination.slug is None:
                line = next((s.line for s in compound.sections if s.key == "combinations"), 1)
                library.diagnostics.append(
                    _unknown_name(
                        compound.source_path,
                        line,
                        combination.name,
                        misspellings,
                        f"popular combination {combination.name!r} is not in the library"
                        + _LINKED_LATER,
                        "missing-combination",
                    )
                )


def _check_interactions(library: Library, misspellings: _Misspellings) -> None:
    for rule in library.interactions:
        for name in (rule.a, rule.b):
            if name and resolve(name, library.name_index) is None:
                library.diagnostics.append(
                    _unknown_name(
                        library.interactions_path,
                        rule.line or 1,
                        name,
                        misspellings,
                        f"interaction {rule.id!r} names {name!r}, which is not in the library",
                        "missing-interaction-compound",
                    )
                )


def _check_goals(library: Library) -> None:
    if not library.goals:
        return
    for compound in library.compounds.values():
        for goal in compound.goals:
            if goal not in library.goals:
                library.diagnostics.append(
                    Diagnostic(
                        compound.source_path, 1, "warning", f"goal {goal!r} is not in goals.yaml"
                    )
                )
