"""Speed rewrites of the profile reader's patterns find exactly what the plain forms found."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from evidex.content import profile

# The dose-like pattern as first written: the look-behind before the digit, which the engine
# tried at every character.
_LOOK_BEHIND_FIRST = re.compile(
    r"(?<![\w.,])(?P<number>\d[\dOoIl.,]*)\s?(?P<unit>[A-Za-zµμ]{1,4})(?![\w/])"
)


@given(st.text(alphabet="0123456789OoIl.,_ amgkIUµμ/xé\n", max_size=40))
@settings(max_examples=500)
def test_the_digit_first_dose_pattern_finds_what_the_look_behind_first_one_did(text: str) -> None:
    expected = [(m.span(), m.groupdict()) for m in _LOOK_BEHIND_FIRST.finditer(text)]
    found = [(m.span(), m.groupdict()) for m in profile._DOSE_LIKE.finditer(text)]
    assert found == expected


def test_a_unit_one_letter_off_is_reported_each_time_it_is_written() -> None:
    # the close units are worked out once per spelling: the second profile line must still warn
    problems = profile.unreadable_doses("Take 300 mh daily; later 200 mh twice daily.")
    assert problems == [
        "dose '300 mh' not understood: 'mh' is not a unit (did you mean 'mg' or 'mL'?)",
        "dose '200 mh' not understood: 'mh' is not a unit (did you mean 'mg' or 'mL'?)",
    ]
