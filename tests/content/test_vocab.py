"""The vocabulary files: each record keeps the line it starts on, for messages about it."""

from __future__ import annotations

from evidex.content.vocab import parse_interactions

_RULES = """\
rules:
  - id: broken
    a: one
    severity: not-a-severity
    advice: x
  - id: pair
    a: melatonin
    b: fluvoxamine
    severity: monitor
    advice: Fluvoxamine raises melatonin levels.
  - id: both-forms
    a: melatonin
    b: fluvoxamine
    effect: sedation
    severity: monitor
    advice: x
"""


def test_rules_keep_their_own_line_after_an_invalid_rule() -> None:
    rules, problems = parse_interactions(_RULES, "interactions.yaml")
    assert [rule.id for rule in rules] == ["pair"]
    assert rules[0].line == 6
    by_line = {problem.line: problem.message for problem in problems}
    assert "must be exactly one of" in by_line[11]  # not the line of the rule before it
    assert "severity" in by_line[4]  # the invalid value itself
