"""The content folder is a boundary: one discovery for every kind, nothing read from outside,
no special file read or waited on, nothing taken or skipped without a word."""

from __future__ import annotations

import os
import shutil
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from evidex.build.discover import SourceFile, discover, read_source
from evidex.build.pipeline import BuildFailed, build, load_library
from evidex.content.diagnostics import ContentError, Diagnostic
from evidex.content.yamlload import MAX_FILE_BYTES

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """A private copy of the sample library (it has every kind, vendors included)."""
    target = tmp_path / "content"
    shutil.copytree(REPO / "content", target)
    return target


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder beside the library holding files that must never be published."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    shutil.copy(REPO / "content" / "vendors" / "northwind-peptides.yaml", folder / "leak.yaml")
    shutil.copy(REPO / "content" / "compounds" / "melatonin.md", folder / "leak.md")
    return folder


@pytest.fixture(autouse=True)
def no_hang() -> Iterator[None]:
    """A build that blocks on a pipe fails the test instead of hanging the suite."""

    def give_up(signum: int, frame: object) -> None:
        raise TimeoutError("the build blocked")

    previous = signal.signal(signal.SIGALRM, give_up)
    signal.alarm(30)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _errors(diagnostics: list[Diagnostic], level: str = "error") -> list[tuple[str, int]]:
    return [(d.path, d.line) for d in diagnostics if d.level == level]


@pytest.mark.parametrize("folder", ["compounds", "vendors"])
def test_a_content_folder_linked_outside_the_library_is_refused(
    library: Path, outside: Path, tmp_path: Path, folder: str
) -> None:
    shutil.rmtree(library / folder)
    os.symlink(outside, library / folder)
    with pytest.raises(BuildFailed) as failure:
        build(library, tmp_path / "out.db")
    refused = [d for d in failure.value.diagnostics if d.path == f"content/{folder}"]
    assert [d.level for d in refused] == ["error"]
    assert "outside the library" in refused[0].message
    library_only, _, _ = load_library(library)
    assert "melatonin" not in library_only.compounds or folder != "compounds"
    assert all("leak" not in d.path for d in failure.value.diagnostics)


@pytest.mark.parametrize("target", ["/dev/zero", "fifo"])
@pytest.mark.parametrize("folder", ["vendors", "compounds", "studies"])
def test_a_device_or_a_pipe_is_never_read(
    library: Path, tmp_path: Path, target: str, folder: str
) -> None:
    suffix = ".md" if folder == "compounds" else ".yaml"
    name = library / folder / f"special{suffix}"
    if target == "fifo":
        os.mkfifo(name)
    else:
        os.symlink(target, name)
    with pytest.raises(BuildFailed) as failure:
        build(library, tmp_path / "out.db")
    assert _errors(failure.value.diagnostics) == [(f"content/{folder}/special{suffix}", 1)]
    assert not (tmp_path / "out.db").exists()


def test_currency_yaml_linked_to_a_device_is_refused(library: Path) -> None:
    (library / "currency.yaml").unlink()
    os.symlink("/dev/zero", library / "currency.yaml")
    _, problems = discover(library)
    assert _errors(problems) == [("content/currency.yaml", 1)]


def test_an_oversized_file_is_refused_before_it_is_read(library: Path) -> None:
    big = library / "vendors" / "huge.yaml"
    with open(big, "wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: costs no disk
    sources, problems = discover(library)
    assert [d.message for d in problems] == [
        f"file is {MAX_FILE_BYTES + 1} bytes; the limit is {MAX_FILE_BYTES}"
    ]
    assert all(source.rel != "content/vendors/huge.yaml" for source in sources)


def test_vendor_files_come_from_discovery(library: Path) -> None:
    """A vendor file linked in from outside was globbed and published by the vendor step."""
    os.symlink(library.parent / "elsewhere.yaml", library / "vendors" / "linked.yaml")
    shutil.copy(library / "vendors" / "northwind-peptides.yaml", library.parent / "elsewhere.yaml")
    loaded, _, _ = load_library(library)
    assert sorted(loaded.vendors) == [
        "albion-compounding",
        "northwind-peptides",
        "rheinland-peptide-labor",
        "southern-cross-nutrition",
    ]
    assert any(
        d.path == "content/vendors/linked.yaml" and d.level == "error" for d in loaded.diagnostics
    )


def test_a_hidden_content_file_is_a_warning_not_silently_skipped(library: Path) -> None:
    shutil.copy(library / "compounds" / "melatonin.md", library / "compounds" / ".draft.md")
    (library / "vendors" / ".DS_Store").write_bytes(b"\x00\x01")
    sources, problems = discover(library)
    assert _errors(problems, "warning") == [("content/compounds/.draft.md", 1)]
    assert "hidden" in problems[0].message
    assert all(".draft" not in source.rel for source in sources)


def test_a_frontmatter_slug_that_differs_from_the_file_name_is_a_warning_at_its_line(
    library: Path,
) -> None:
    profile = library / "compounds" / "melatonin.md"
    text = profile.read_text(encoding="utf-8")
    line = text.split("\n").index("slug: melatonin") + 1
    profile.write_text(text.replace("slug: melatonin", "slug: sleep-hormone"), encoding="utf-8")
    article = library / "research" / "melatonin-sleep.md"
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("---\n", "---\nslug: other-page\n", 1), encoding="utf-8")
    loaded, _, _ = load_library(library)
    warned = [
        (d.path, d.line) for d in loaded.diagnostics if "differs from the file name" in d.message
    ]
    assert warned == [
        ("content/compounds/melatonin.md", line),
        ("content/research/melatonin-sleep.md", 2),
    ]
    assert "melatonin" in loaded.compounds and "sleep-hormone" not in loaded.compounds


def test_a_study_id_shaped_like_a_path_is_an_error_at_its_line(
    library: Path, tmp_path: Path
) -> None:
    study = library / "studies" / "step-1-semaglutide-2021.yaml"
    text = study.read_text(encoding="utf-8")
    line = text.split("\n").index("id: step-1-semaglutide-2021") + 1
    study.write_text(text.replace("id: step-1-semaglutide-2021", "id: ../../tmp/x"))
    with pytest.raises(BuildFailed) as failure:
        build(library, tmp_path / "out.db")
    refused = [d for d in failure.value.diagnostics if d.level == "error"]
    assert [(d.path, d.line) for d in refused] == [
        ("content/studies/step-1-semaglutide-2021.yaml", line)
    ]
    assert "not a path" in refused[0].message


def _stale_size(monkeypatch: pytest.MonkeyPatch, size: int) -> None:
    """fstat reports `size`: the file grew between the size being read and its bytes."""
    real_fstat = os.fstat

    def stale(descriptor: int) -> os.stat_result:
        fields = list(real_fstat(descriptor))
        fields[6] = size  # st_size
        return os.stat_result(fields)

    monkeypatch.setattr(os, "fstat", stale)


def test_a_file_that_grew_after_its_size_was_read_is_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    grown = tmp_path / "grown.md"
    grown.write_bytes(b"line\n" * 2000)
    _stale_size(monkeypatch, 100)
    assert read_source(SourceFile(grown, "content/grown.md", "compound")) == b"line\n" * 2000


def test_a_file_that_grew_past_the_limit_after_its_size_was_read_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    grown = tmp_path / "grown.md"
    with open(grown, "wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: costs no disk
    _stale_size(monkeypatch, 100)
    with pytest.raises(ContentError) as refused:
        read_source(SourceFile(grown, "content/grown.md", "compound"))
    assert refused.value.diagnostic.message == (
        f"file is {MAX_FILE_BYTES + 1} bytes; the limit is {MAX_FILE_BYTES}"
    )
