"""Hostile and broken source files: each is one line naming the file (and the element or key
where it applies), exit status 1, and nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from evidex.cli.main import app
from evidex.sources.reader import MAX_SOURCE_BYTES

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _import(kind: str, path: Path, out: Path) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["import", kind, str(path), "--out", str(out)])
    return result.exit_code, result.output


@pytest.mark.parametrize(
    ("kind", "name", "says"),
    [
        ("pubmed", "billion_laughs.xml", "declares an XML entity 'lol'"),
        ("label", "external_entity.xml", "declares an XML entity 'secret'"),
        ("pubmed", "network_dtd.xml", "declares an XML entity 'remote'"),
        ("label", "truncated_label.xml", "line 28, column 6: not well-formed XML"),
        ("trial", "trial_missing_nct.json", "protocolSection.identificationModule.nctId"),
        (
            "label",
            "pubmed_three_records.xml",
            "this is a PubMed record set (XML), not an SPL drug label",
        ),
        (
            "pubmed",
            "trial_90ci_string_values.json",
            "ClinicalTrials.gov study (JSON), not a PubMed",
        ),
    ],
)
def test_refused_with_one_line_and_nothing_written(
    tmp_path: Path, kind: str, name: str, says: str
) -> None:
    out = tmp_path / "out"
    code, output = _import(kind, FIXTURES / name, out)
    assert code == 1
    lines = output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {FIXTURES / name}: ")
    assert says in lines[0]
    assert not out.exists()


def test_oversized_file_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "huge.xml"
    with big.open("wb") as handle:  # sparse: 100 MB without writing them
        handle.truncate(100 * 1024 * 1024)
    assert big.stat().st_size > MAX_SOURCE_BYTES
    code, output = _import("pubmed", big, tmp_path / "out")
    assert code == 1 and "over the" in output and str(big) in output
    assert len(output.strip().splitlines()) == 1


def test_file_of_no_known_format(tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("PMID 12345 was a good paper\n", encoding="utf-8")
    code, output = _import("pubmed", text, tmp_path / "out")
    assert code == 1 and output.strip() == f"error: {text}: neither XML nor JSON"


def test_json_of_an_unknown_shape_names_it(tmp_path: Path) -> None:
    odd = tmp_path / "odd.json"
    odd.write_text('{"studies": []}', encoding="utf-8")
    code, output = _import("trial", odd, tmp_path / "out")
    assert code == 1 and "unrecognised JSON" in output


def test_label_record_without_set_id_names_the_record(tmp_path: Path) -> None:
    record = tmp_path / "label.json"
    record.write_text('{"meta": {}, "results": [{"version": "1"}]}', encoding="utf-8")
    code, output = _import("label", record, tmp_path / "out")
    assert code == 1
    assert output.strip() == f"error: {record}: results[0]: required key 'set_id' is missing"


def test_json_nested_past_any_record_is_refused(tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    code, output = _import("trial", deep, tmp_path / "out")
    assert code == 1 and "nested too deeply" in output


def _key_paths(data: object, prefix: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    if isinstance(data, dict):
        items: list[tuple[object, object]] = list(data.items())
    elif isinstance(data, list) and data:
        items = [(0, data[0])]
    else:
        return []
    paths = []
    for key, value in items:
        paths.append((*prefix, key))
        paths.extend(_key_paths(value, (*prefix, key)))
    return paths


@pytest.mark.parametrize("replacement", ["<deleted>", None, "text", 7, [1]])
def test_any_registry_key_of_the_wrong_shape_is_never_a_traceback(replacement: object) -> None:
    import copy
    import json

    from evidex.sources.reader import SourceError
    from evidex.sources.trial import read_trial
    from evidex.sources.vocabulary import Vocabulary

    original = json.loads((FIXTURES / "trial_90ci_string_values.json").read_text("utf-8"))
    broken = "broken.json"
    for path in _key_paths(original):
        document = copy.deepcopy(original)
        parent = document
        for key in path[:-1]:
            parent = parent[key]
        if replacement == "<deleted>":
            del parent[path[-1]]
        else:
            parent[path[-1]] = replacement
        try:
            read_trial(document, broken, Vocabulary())
        except SourceError as exc:
            assert str(exc).startswith(f"{broken}: ") and "\n" not in str(exc)
