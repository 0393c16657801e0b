"""`evidex fetch` against a real HTTP server on 127.0.0.1 serving source files: the same import
as from a file, a cache, retries on 429/5xx, a rate per service and the NCBI API key."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from source_server import STALL, SourceFiles, serve
from typer.testing import CliRunner

from evidex.cli.main import app
from evidex.sources.fetch import Fetcher, FetchSettings
from evidex.sources.reader import SourceError

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SOURCES = Path(__file__).resolve().parents[2] / ".." / "shared" / "sources"
needs_shared = pytest.mark.skipif(not SOURCES.is_dir(), reason="../shared/sources is absent")


def _env(base: str, **extra: str) -> dict[str, str]:
    return {
        "EVIDEX_PUBMED_URL": f"{base}/entrez/eutils",
        "EVIDEX_TRIAL_URL": f"{base}/api/v2",
        "EVIDEX_LABEL_URL": f"{base}/drug/label.json",
        "EVIDEX_DAILYMED_URL": f"{base}/dailymed/services/v2",
        "EVIDEX_FETCH_BACKOFF": "0.01",
        "EVIDEX_PUBMED_RATE": "1000",
        "EVIDEX_TRIAL_RATE": "1000",
        "EVIDEX_LABEL_RATE": "1000",
        **extra,
    }


def _fetch(env: dict[str, str], *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["fetch", *args], env=env)
    return result.exit_code, result.stdout + (result.stderr if result.exit_code else "")


def test_fetch_pubmed_imports_what_the_file_import_would(library: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    with serve(SourceFiles([FIXTURES])) as (base, hits, queries):
        env = _env(base, EVIDEX_NCBI_API_KEY="test-key")
        args = ["pubmed", "40000001", "40000003", "--content", str(library), "--cache", str(cache)]
        code, output = _fetch(env, *args)
        assert code == 0, output
        assert hits["/entrez/eutils/efetch.fcgi"] == 1  # one batch for both ids
        assert queries[0]["api_key"] == ["test-key"] and queries[0]["db"] == ["pubmed"]
        record = yaml.safe_load((library / "studies" / "pmid-40000001.yaml").read_text("utf-8"))
        assert record["design"] == "rct" and record["goal"] == "weight-loss"
        code, output = _fetch(env, *args)  # cached: no request, and nothing changed
        assert hits["/entrez/eutils/efetch.fcgi"] == 1
        assert output.count("unchanged:") == 2
        _fetch(env, *args, "--refresh")
        assert hits["/entrez/eutils/efetch.fcgi"] == 2


def test_fetch_trial_retries_on_429_and_503(library: Path, tmp_path: Path) -> None:
    failures = {"/api/v2/studies/NCT09999991": [429, 503]}
    with serve(SourceFiles([FIXTURES]), failures) as (base, hits, _):
        code, output = _fetch(
            _env(base), "trial", "NCT09999991", "--content", str(library), "--cache", str(tmp_path)
        )
        assert code == 0, output
        assert hits["/api/v2/studies/NCT09999991"] == 3
    record = yaml.safe_load((library / "studies" / "nct09999991.yaml").read_text("utf-8"))
    assert record["provenance"] == "registry" and record["outcomes"][0]["ci_level"] == 90


def test_a_request_that_times_out_is_retried(library: Path, tmp_path: Path) -> None:
    with serve(SourceFiles([FIXTURES]), {"/api/v2/studies/": [STALL]}) as (base, hits, _):
        env = _env(base, EVIDEX_FETCH_TIMEOUT="0.2")
        code, output = _fetch(
            env, "trial", "NCT09999991", "--content", str(library), "--cache", str(tmp_path)
        )
        assert code == 0, output
        assert hits["/api/v2/studies/NCT09999991"] == 2
    assert (library / "studies" / "nct09999991.yaml").is_file()


def test_a_service_that_stays_down_is_one_line_and_nothing_written(
    library: Path, tmp_path: Path
) -> None:
    failures = {"/api/v2/studies/": [503] * 10}
    with serve(SourceFiles([FIXTURES]), failures) as (base, hits, _):
        env = _env(base, EVIDEX_FETCH_RETRIES="2")
        code, output = _fetch(env, "trial", "NCT09999991", "--cache", str(tmp_path / "c"))
        assert code == 1 and "HTTP 503 from trial" in output
        assert hits["/api/v2/studies/NCT09999991"] == 3
    assert not (tmp_path / "c").exists()
    assert not (library / "studies" / "nct09999991.yaml").exists()


def test_fetch_label_from_dailymed_drafts_the_spl(library: Path, tmp_path: Path) -> None:
    with serve(SourceFiles([FIXTURES])) as (base, hits, _):
        env = _env(base, EVIDEX_LABEL_SERVICE="dailymed")
        set_id = "0a1b2c3d-0000-4000-8000-00000000abcd"
        code, output = _fetch(
            env, "label", set_id, "--content", str(library), "--cache", str(tmp_path)
        )
        assert code == 0, output
        assert hits[f"/dailymed/services/v2/spls/{set_id}.xml"] == 1
    draft = (library / "drafts" / "examplor.md").read_text("utf-8")
    assert "section: '8.1'" in draft and "version: '20'" in draft


def test_ids_are_checked_before_any_request(tmp_path: Path) -> None:
    with serve(SourceFiles([])) as (base, hits, _):
        code, output = _fetch(_env(base), "trial", "NCT123", "--cache", str(tmp_path))
        assert code == 1 and "error: NCT123: not an NCT id" in output
        assert not hits


def test_requests_to_one_service_are_spaced_by_its_rate(tmp_path: Path) -> None:
    waits: list[float] = []
    settings = FetchSettings.from_env({})
    settings.rates["label"] = 2.0
    with serve(SourceFiles([FIXTURES])) as (base, _, _):
        settings.label_url = f"{base}/drug/label.json"
        fetcher = Fetcher(settings, tmp_path, sleep=waits.append)
        try:
            with pytest.raises(SourceError, match="HTTP 404"):
                fetcher.fetch("label", ["00000000-0000-4000-8000-000000000000"])
            for _ in range(2):
                fetcher.fetch("label", ["0a1b2c3d-0000-4000-8000-0000000000ef"], refresh=True)
        finally:
            fetcher.close()
    assert len(waits) == 2 and all(0.3 < wait <= 0.5 for wait in waits)


@needs_shared
def test_fetch_real_samples_from_the_local_service(library: Path, tmp_path: Path) -> None:
    cache = str(tmp_path / "cache")
    with serve(SourceFiles([SOURCES])) as (base, _, _):
        env = _env(base)
        code, output = _fetch(
            env,
            "pubmed",
            "29768149",
            "9997",
            "--out",
            str(tmp_path / "s"),
            "--content",
            str(library),
            "--cache",
            cache,
        )
        assert code == 0, output
        assert {p.name for p in (tmp_path / "s").iterdir()} == {
            "pmid-29768149.yaml",
            "pmid-9997.yaml",
        }
        code, output = _fetch(
            env, "trial", "NCT02552212", "--out", str(tmp_path / "s"), "--cache", cache
        )
        assert code == 0, output
        code, output = _fetch(
            env,
            "label",
            "608d4f0d-b19f-46d3-749a-7159aa5f933d",
            "--out",
            str(tmp_path / "d"),
            "--cache",
            cache,
        )
        assert code == 0, output
        draft = (tmp_path / "d" / "humira.md").read_text("utf-8")
        assert "version: '1893'" in draft
