"""Tier 5 compounds (animal, laboratory or mechanism evidence, or no graded studies) are not
suggested unless the reader asks for them; the bundled library's tissue-repair peptides are
the real case."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from evidex.cli.main import app
from evidex.stack.builder import build_stack
from evidex.stack.catalog import StackCatalog
from evidex.stack.models import StackRequest, StackResult
from evidex.stack.share import encode_query, request_fields

runner = CliRunner()


def _build(catalog: StackCatalog, **fields: object) -> StackResult:
    return build_stack(StackRequest.model_validate(fields), catalog)


def _held_back(result: StackResult) -> dict[str, str]:
    return {e.slug: e.reason for e in result.excluded if e.kind == "preclinical"}


def test_a_goal_with_only_preclinical_evidence_suggests_nothing_and_says_why(
    bundled: StackCatalog,
) -> None:
    result = _build(bundled, goals=["tissue repair"])
    assert result.items == []
    held = _held_back(result)
    assert "only animal, laboratory or mechanism evidence" in held["bpc-157"]
    assert "no graded studies of TB-500 for tissue repair" in held["tb-500"]
    assert result.schedule.entries == []
    [warning] = [w for w in result.warnings if w.kind == "preclinical-only"]
    assert "human evidence for tissue repair" in warning.message
    assert "bpc-157" in warning.slugs


def test_asking_for_preclinical_compounds_offers_them_with_their_tier(
    bundled: StackCatalog,
) -> None:
    result = _build(bundled, goals=["tissue repair"], include_preclinical=True)
    offered = {item.slug: item for item in result.items}
    assert "bpc-157" in offered
    assert offered["bpc-157"].tier == 5
    assert _held_back(result) == {}


def test_a_goal_with_human_evidence_keeps_it_and_lists_the_rest_as_not_suggested(
    bundled: StackCatalog,
) -> None:
    result = _build(bundled, goals=["liver health"])
    assert [item.slug for item in result.items] == ["thymosin-alpha-1"]
    assert all(item.tier < 5 for item in result.items)
    assert "entecavir" in _held_back(result)
    assert not [w for w in result.warnings if w.kind == "preclinical-only"]


def test_a_reason_from_the_persons_situation_wins_over_missing_evidence(
    bundled: StackCatalog,
) -> None:
    result = _build(bundled, goals=["tissue repair"], pregnant=True)
    by_slug = {e.slug: e for e in result.excluded}
    assert by_slug["bpc-157"].kind == "screening"
    assert "regnan" in by_slug["bpc-157"].reason


def test_a_stack_to_check_is_screened_whatever_its_tier(bundled: StackCatalog) -> None:
    result = _build(bundled, check=["BPC-157", "TB-500"])
    assert {item.slug for item in result.items} == {"bpc-157", "tb-500"}


def test_the_choice_travels_in_the_share_link() -> None:
    request = StackRequest(goals=["sleep"], include_preclinical=True)
    assert "include_preclinical=1" in encode_query(request)
    assert (
        StackRequest.model_validate(request_fields([("goal", "sleep")])).include_preclinical
        is False
    )
    again = StackRequest.model_validate(
        request_fields([("goal", "sleep"), ("include_preclinical", "1")])
    )
    assert again.include_preclinical is True


def test_cli_says_nothing_is_suggested_and_lists_what_was_held_back(bundled_db: Path) -> None:
    result = runner.invoke(app, ["stack", "--goal", "tissue repair", "--db", str(bundled_db)])
    assert result.exit_code == 0, result.output
    assert "No compound suggested." in result.output
    assert "not suggested BPC-157" in " ".join(result.output.split())
    with_flag = runner.invoke(
        app, ["stack", "--goal", "tissue repair", "--include-preclinical", "--db", str(bundled_db)]
    )
    assert "BPC-157" in with_flag.output
    assert "No compound suggested." not in with_flag.output
