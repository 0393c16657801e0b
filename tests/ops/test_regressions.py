"""Replay every input that once crashed or stalled a parser (tests/ops/regressions/)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from evidex.content.article import parse_article
from evidex.content.importer import import_article
from evidex.content.profile import parse_profile
from evidex.content.regimens import parse_regimens
from evidex.evidence.extract import extract_studies
from evidex.evidence.studyfile import parse_study_file
from evidex.search.query import fts_expression, parse_query
from evidex.vendors.parse import parse_vendor

REGRESSIONS = Path(__file__).resolve().parent / "regressions"
CASES = sorted(REGRESSIONS.glob("*__*.txt"))
# File names start with the parser's name as bench/fuzz.py calls it.
PARSERS: dict[str, Callable[[str], object]] = {
    "parse_profile": lambda text: parse_profile(text, "compounds/fuzz.md"),
    "import_article": lambda text: import_article(text, source="fuzz.txt"),
    "extract_studies": lambda text: extract_studies(text, source="fuzz.txt"),
    "parse_regimens": parse_regimens,
    "parse_query": lambda text: fts_expression(parse_query(text)),
    "parse_article": lambda text: parse_article(text, "research/fuzz.md", "fuzz"),
    "parse_study_file": lambda text: parse_study_file(text, "studies/fuzz.yaml"),
    "parse_vendor": lambda text: parse_vendor(
        text, "vendors/fuzz.yaml", lambda name: name.lower(), None
    ),
}


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_a_once_crashing_input_is_handled(case: Path) -> None:
    parser_name = case.name.split("__")[0]
    PARSERS[parser_name](case.read_text(encoding="utf-8", errors="surrogatepass"))
