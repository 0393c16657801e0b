"""load_yaml builds plain documents itself: the same data as SafeLoader, with key lines."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import yaml

from evidex.content.diagnostics import ContentError
from evidex.content.yamlload import (
    MAX_ALIAS_NODES,
    MAX_DEPTH,
    canonical_keys,
    load_yaml,
    split_frontmatter,
)

DOCUMENTS = {
    "typed scalars": (
        "title: Plain\nn: 12\nhex: 0x1F\nsexagesimal: 1:30\nratio: 1.5e3\n"
        "flag: yes\noff: Off\nnothing: ~\nempty:\nday: 2025-09-22\n"
        "stamp: 2001-12-14t21:59:43.10-05:00\nquoted: '12'\ntagged: !!str 12\n"
        "forced: !!int '7'\nfloat_tag: !!float 3\n"
    ),
    "scalar keys": "1: one\ntrue: yes\n~: null key\n2025-01-01: a date\n3.5: float key\n",
    "nested": "faqs:\n  - q: What?\n    a: This.\n  - q: Why?\n    a: [1, two, 3.0]\n",
    "duplicate keys": "a:\n  x: 1\na:\n  y: 2\nb: 1\nb: 2\n",
    "anchors and merge keys": "base: &b {x: 1, y: 2}\nother:\n  <<: *b\n  z: 3\nref: *b\n",
    "sets and ordered maps": "s: !!set {a, b}\no: !!omap [a: 1, b: 2]\nbin: !!binary aGk=\n",
    "root sequence": "- a\n- 1\n- {k: v}\n",
    "root scalar": "just text\n",
}


def _typed(value: Any) -> Any:
    """`value` with every scalar's type spelled out (1, 1.0 and True compare equal)."""
    if isinstance(value, dict):
        return [(_typed(k), _typed(v)) for k, v in value.items()]
    if isinstance(value, list):
        return [_typed(v) for v in value]
    return (type(value).__name__, value)


@pytest.mark.parametrize("text", DOCUMENTS.values(), ids=DOCUMENTS.keys())
def test_data_is_what_safe_loader_builds(text: str) -> None:
    assert _typed(load_yaml(text, "f.yaml").data) == _typed(yaml.safe_load(text))


def test_every_key_and_item_has_its_line_named_by_the_source_key() -> None:
    located = load_yaml(DOCUMENTS["nested"] + "1: one\n", "f.md", line_offset=1)
    assert located.lines == {
        ("faqs",): 1,
        ("faqs", 0): 2,
        ("faqs", 0, "q"): 2,
        ("faqs", 0, "a"): 3,
        ("faqs", 1): 4,
        ("faqs", 1, "q"): 4,
        ("faqs", 1, "a"): 5,
        ("faqs", 1, "a", 0): 5,
        ("faqs", 1, "a", 1): 5,
        ("faqs", 1, "a", 2): 5,
        ("1",): 6,
    }
    assert located.line("faqs", 1, "a") == 6


def test_a_repeated_key_keeps_the_last_value_and_the_lines_of_both() -> None:
    located = load_yaml(DOCUMENTS["duplicate keys"], "f.yaml")
    assert located.data == {"a": {"y": 2}, "b": 2}
    assert located.lines[("a", "x")] == 2
    assert located.lines[("a", "y")] == 4
    assert located.lines[("a",)] == 3


def test_anchored_documents_get_lines_too() -> None:
    located = load_yaml(DOCUMENTS["anchors and merge keys"], "f.yaml")
    assert located.data["other"] == {"x": 1, "y": 2, "z": 3}
    assert located.lines[("other", "z")] == 4


def test_a_list_as_a_key_is_an_error_as_in_safe_loader() -> None:
    with pytest.raises(ContentError, match="found unhashable key"):
        load_yaml("? [a, b]\n: value\n", "f.yaml")


def test_a_tag_on_the_wrong_kind_of_node_is_still_an_error() -> None:
    with pytest.raises(ContentError, match="expected a scalar node, but found mapping"):
        load_yaml("a: !!str {b: 1}\n", "f.yaml")


def test_an_impossible_date_stays_the_text_it_was_written_as() -> None:
    """SafeLoader raises a bare ValueError here; the field's own check should report it."""
    with pytest.raises(ValueError, match="day is out of range"):
        yaml.safe_load("day: 2025-02-30\n")
    located = load_yaml("title: T\nday: 2025-02-30\nnext: 2025-02-28\n", "f.yaml")
    assert located.data == {"title": "T", "day": "2025-02-30", "next": dt.date(2025, 2, 28)}
    assert located.line("day") == 2
    anchored = load_yaml("a: &x 2025-02-30\nb: *x\n", "f.yaml")  # the general constructor
    assert anchored.data == {"a": "2025-02-30", "b": "2025-02-30"}


def test_keys_in_another_case_or_spelling_take_the_known_name_and_keep_their_lines() -> None:
    located = load_yaml(
        "Title: T\nlast_modified: 2025-01-01\nFAQ:\n  - q: Why?\ntitle_extra: kept\n", "f.yaml"
    )
    notes = canonical_keys(located, ["title", "lastModified", "faqs"], {"faq": "faqs"})
    assert located.data == {
        "title": "T",
        "lastModified": dt.date(2025, 1, 1),
        "faqs": [{"q": "Why?"}],
        "title_extra": "kept",
    }
    assert located.line("faqs", 0, "q") == 4
    assert notes == [
        (1, "key 'Title' read as 'title'"),
        (2, "key 'last_modified' read as 'lastModified'"),
        (3, "key 'FAQ' read as 'faqs'"),
    ]


def test_a_variant_of_a_key_already_given_is_ignored_with_a_note() -> None:
    located = load_yaml("title: Kept\nTITLE: Dropped\n", "f.yaml")
    assert canonical_keys(located, ["title"]) == [
        (2, "key 'TITLE' repeats 'title' (line 1); ignored")
    ]
    assert located.data == {"title": "Kept"}


def _laughs(levels: int) -> str:
    """Each anchor is a list of nine aliases of the one before: 9**levels strings."""
    lines = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, levels):
        lines.append(f"l{level}: &l{level} [{', '.join([f'*l{level - 1}'] * 9)}]")
    return "\n".join(lines) + "\n"


def test_a_billion_laughs_is_refused_at_the_anchor_that_multiplies_it() -> None:
    text = _laughs(9)
    assert len(text) < 1100
    with pytest.raises(ContentError) as refused:
        load_yaml(text, "vendors/laughs.yaml")
    diagnostic = refused.value.diagnostic
    assert (diagnostic.path, diagnostic.line) == ("vendors/laughs.yaml", 8)
    assert f"at most {MAX_ALIAS_NODES}" in diagnostic.message


def test_aliases_that_add_a_little_are_still_built() -> None:
    located = load_yaml(_laughs(3), "f.yaml")  # 9 * 9 * 9 strings: under the bound
    assert sum(len(inner) for inner in located.data["l2"]) == 81


@pytest.mark.parametrize("text", ["loop: &a [*a]\n", "a: 1\nloop: &a {b: [1, *a]}\n"])
def test_an_alias_inside_its_own_anchor_is_an_error_at_its_line(text: str) -> None:
    with pytest.raises(ContentError, match="refers to the anchor that contains it") as refused:
        load_yaml(text, "f.yaml", line_offset=1)
    assert refused.value.diagnostic.line == text.count("\n") + 1


@pytest.mark.parametrize(
    "text", ["x: " + "[" * 500 + "]" * 500 + "\n", "x: &a " + "{a: " * 500 + "1" + "}" * 500]
)
def test_nesting_past_the_limit_is_an_error_not_a_recursion_error(text: str) -> None:
    with pytest.raises(ContentError, match=f"nested deeper than {MAX_DEPTH} levels"):
        load_yaml(text, "f.yaml")


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("title: T\nn: " + "9" * 5000 + "\n", 2),
        ("title: T\noutcomes:\n  - n: " + "1" * 30 + "\n", 3),
        ("a: &x " + "9" * 30 + "\nb: *x\n", 1),
    ],
)
def test_an_integer_past_what_sqlite_holds_is_an_error_naming_the_range(
    text: str, line: int
) -> None:
    with pytest.raises(ContentError, match="between -9223372036854775808 and") as refused:
        load_yaml(text, "f.yaml")
    assert refused.value.diagnostic.line == line


@pytest.mark.parametrize("written", ["1.0e+400", "-.inf", ".nan"])
def test_a_number_that_is_not_finite_is_an_error(written: str) -> None:
    with pytest.raises(ContentError, match="not finite; numbers must lie between") as refused:
        load_yaml(f"title: T\nprice: {written}\n", "f.yaml")
    assert refused.value.diagnostic.line == 2


def test_a_tab_used_for_indentation_is_named_at_its_line() -> None:
    for text, line in (("rules:\n\t- id: x\n", 2), ("name: V\n\tproducts: []\n", 2)):
        with pytest.raises(ContentError) as caught:
            load_yaml(text, "content/interactions.yaml")
        assert caught.value.diagnostic.line == line
        assert "a tab indents this line" in caught.value.diagnostic.message


def test_an_empty_profile_is_reported_at_line_1() -> None:
    for text in ("", "\n\n\n"):
        with pytest.raises(ContentError) as caught:
            split_frontmatter(text, "content/compounds/new.md")
        assert caught.value.diagnostic.line == 1
        assert "empty file" in caught.value.diagnostic.message
