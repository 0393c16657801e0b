"""Lean pickling of the typed records: same values back, still usable as pydantic models."""

from __future__ import annotations

import pickle

from evidex.content.models import Combination, Compound, Faq, Section
from evidex.evidence.models import Outcome, Study


def _compound() -> Compound:
    return Compound(
        slug="nightcap",
        title="Nightcap",
        description="An oral sleep aid.",
        faqs=[Faq(q="Is it habit-forming?", a="Not in the trials.")],
        sections=[
            Section(key="usage", title="Usage", markdown="Taken *at night*.", html="<p>x</p>")
        ],
        combinations=[Combination(text="Melatonin for jet lag", name="Melatonin")],
    )


def test_a_pickled_compound_comes_back_equal_and_dumps_the_same() -> None:
    compound = _compound()
    again = pickle.loads(pickle.dumps(compound, pickle.HIGHEST_PROTOCOL))
    assert again == compound
    assert again.model_dump_json() == compound.model_dump_json()


def test_fields_can_be_assigned_after_unpickling() -> None:
    again = pickle.loads(pickle.dumps(_compound()))
    again.combinations[0].slug = "melatonin"
    again.description = "Changed."
    assert again.model_dump()["combinations"][0]["slug"] == "melatonin"
    assert again.description == "Changed."


def test_the_pickle_does_not_carry_which_fields_were_given() -> None:
    compound = _compound()
    assert compound.model_fields_set  # pydantic records them on construction
    assert b"__pydantic_fields_set__" not in pickle.dumps(compound)


def test_studies_round_trip_with_their_outcomes() -> None:
    study = Study(
        id="s1",
        design="rct",
        n=40,
        outcomes=[
            Outcome(name="sleep latency", measure="MD", value=-9.0, ci_low=-13.4, ci_high=-4.6)
        ],
    )
    assert pickle.loads(pickle.dumps(study)) == study
