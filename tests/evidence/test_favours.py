"""Which side an outcome favours, with the names of both sides."""

from __future__ import annotations

from evidex.evidence.favours import better_side, comparator_name, sides, verdict
from evidex.evidence.models import Outcome, Study
from evidex.evidence.stats import complete_outcome


def _ratio(name: str, value: float, low: float, high: float, better: str | None) -> Outcome:
    return complete_outcome(
        Outcome(name=name, measure="OR", value=value, ci_low=low, ci_high=high, better=better)  # type: ignore[arg-type]
    )


def test_a_ratio_below_one_is_benefit_for_deaths_and_the_comparator_s_win_for_responses() -> None:
    death = _ratio("Death", 0.31, 0.18, 0.54, "lower")
    response = _ratio("Complete response", 0.54, 0.30, 0.97, "higher")
    assert verdict(death, "Tα1", "interferon-alpha") == "favours Tα1"
    assert verdict(response, "Tα1", "interferon-alpha") == "favours interferon-alpha"
    assert sides(death) == ("compound", "comparator")
    assert sides(response) == ("comparator", "compound")


def test_no_clear_difference_and_an_unknown_direction_are_said_as_such() -> None:
    null = _ratio("Virologic response", 0.62, 0.35, 1.10, "higher")
    assert verdict(null, "Tα1", "interferon-alpha") == "no clear difference"
    latency = complete_outcome(
        Outcome(name="Sleep onset latency", measure="MD", value=-7.06, ci_low=-9.75, ci_high=-4.37)
    )
    assert sides(latency) is None
    assert "not recorded" in verdict(latency, "melatonin", "placebo")


def test_comparator_names_are_short_and_keep_abbreviations() -> None:
    assert comparator_name(Study(id="a", design="rct", comparator="Placebo plus diet")) == "placebo"
    assert comparator_name(Study(id="b", design="rct", comparator_type="none")) == "no treatment"
    active = Study(
        id="c", design="rct", comparator="Interferon-alpha (3 MU)", comparator_type="active"
    )
    assert comparator_name(active) == "interferon-alpha"
    assert comparator_name(Study(id="d", design="rct", comparator="TACE alone")) == "TACE alone"


def test_a_direction_the_editor_gave_tells_which_side_is_better() -> None:
    given = Outcome(
        name="Symptom score",
        measure="MD",
        value=-3.0,
        ci_low=-5.0,
        ci_high=-1.0,
        direction="benefit",
    )
    assert better_side(given) == "lower"
    assert sides(given) == ("compound", "comparator")
    unknown = Outcome(name="Symptom score", measure="MD", value=-3.0, ci_low=-5.0, ci_high=-1.0)
    assert better_side(unknown) is None
