"""The plain text indexed for a body: markdown punctuation out, one space per run of it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from evidex.search.index import _MARKDOWN_NOISE, _plain


def test_runs_of_markdown_marks_become_one_space() -> None:
    assert _plain("## Dosage\n**1.6 mg** twice [weekly](#x) `SC` > note | cell") == (
        "  Dosage\n 1.6 mg  twice  weekly ( x)  SC    note   cell"
    )


def test_text_without_marks_is_unchanged() -> None:
    assert _plain("Thymosin α1, 1.6 mg — twice weekly.") == "Thymosin α1, 1.6 mg — twice weekly."


@given(st.text(alphabet=st.sampled_from(list("*_`#>|[] aZ9\nαé—\0")), max_size=80))
def test_the_fast_path_agrees_with_the_pattern(text: str) -> None:
    assert _plain(text) == _MARKDOWN_NOISE.sub(" ", text)
