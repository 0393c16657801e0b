"""The vocabularies (goals, conditions, interactions), read before anything else: profiles
are mapped onto them, and their digest keys the parse cache."""

from __future__ import annotations

import hashlib

from evidex.build.discover import SourceFile, read_source
from evidex.build.library import Library
from evidex.build.parse import digest_bytes
from evidex.content.diagnostics import ContentError
from evidex.content.vocab import parse_conditions, parse_goals, parse_interactions
from evidex.content.yamlload import decode_text

VOCABULARY_KINDS = ("goals", "conditions", "interactions")


def read_vocabularies(sources: list[SourceFile], library: Library) -> str:
    """Parse goals, conditions and interactions into `library`; returns their digest."""
    digests = []
    for source in sources:
        if source.kind not in VOCABULARY_KINDS:
            continue
        try:
            raw = read_source(source)
            digests.append(digest_bytes(raw))
            text = decode_text(raw, source.rel)
        except ContentError as exc:
            library.diagnostics.append(exc.diagnostic)
            continue
        if source.kind == "goals":
            goals, problems = parse_goals(text, source.rel)
            library.goals = {goal.slug: goal for goal in goals}
        elif source.kind == "conditions":
            conditions, problems = parse_conditions(text, source.rel)
            library.conditions = {condition.slug: condition for condition in conditions}
        else:
            library.interactions, problems = parse_interactions(text, source.rel)
            library.interactions_path = source.rel
        library.diagnostics.extend(problems)
    return hashlib.blake2b("".join(digests).encode(), digest_size=16).hexdigest()
