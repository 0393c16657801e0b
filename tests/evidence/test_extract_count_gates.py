"""Every sample-size pattern opening with COUNT_START finds exactly what it finds without it,
on the real abstracts of the fixtures and on phrases counting people in digits and in words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from evidex.evidence import extract
from evidex.text.cues import CuedPattern
from evidex.text.numbers import COUNT_START, normalise

_FIXTURES = Path(__file__).parent / "fixtures"
_PHRASES = [
    "Fifty-two women and forty men were randomized; One hundred seventeen adults were enrolled.",
    "A total of 1,204 patients; 22.155 patients; 51 145 adults took part; ten cases and 20 controls.",
    "Twenty patients given A were compared with 20 historical controls; we compared 6,250 users.",
    "five groups of eight rats; Three hundred and six participants were randomised to drug or "
    "placebo; eleven trials; twelve studies; a hundred mice were allocated; zero events.",
    "125 participants were assigned to the liraglutide group and 126 to the placebo group.",
    "812 underwent randomization; Forty were randomized; 1,900 agreed to take part.",
]


def _texts() -> list[str]:
    cases = yaml.safe_load((_FIXTURES / "abstracts" / "cases.yaml").read_text(encoding="utf-8"))
    texts = [case["text"] for case in cases]
    texts += [path.read_text(encoding="utf-8") for path in sorted(_FIXTURES.glob("*.txt"))]
    return [normalise(text) for text in [*texts, *_PHRASES]]


def _count_patterns() -> list[tuple[str, re.Pattern[str]]]:
    found = []
    for name, value in vars(extract).items():
        pattern = value.pattern if isinstance(value, CuedPattern) else value
        if isinstance(pattern, re.Pattern) and COUNT_START in pattern.pattern:
            found.append((name, pattern))
    return found


def test_the_sample_size_patterns_open_with_the_count_lookahead() -> None:
    assert len(_count_patterns()) >= 5


@pytest.mark.parametrize(("name", "pattern"), _count_patterns(), ids=lambda value: str(value)[:30])
def test_the_count_lookahead_changes_no_match(name: str, pattern: re.Pattern[str]) -> None:
    ungated = re.compile(pattern.pattern.replace(COUNT_START, ""), pattern.flags)
    matched = 0
    for text in _texts():
        gated_spans = [match.span() for match in pattern.finditer(text)]
        assert gated_spans == [match.span() for match in ungated.finditer(text)], name
        matched += len(gated_spans)
    assert matched, f"{name} matched nothing: the texts do not exercise it"
