from __future__ import annotations

import csv
import gzip
import json
import re
from pathlib import Path
from urllib.parse import urlparse

from fastapi.testclient import TestClient
from markupsafe import escape
from sample_db import write_sample_db
from typer.testing import CliRunner

from evidex.cli.main import app as cli
from evidex.web.data_export import export_data
from evidex.web.export import export_site
from evidex.web.security import META_CONTENT_SECURITY_POLICY, SECURITY_HEADERS

BASE_URL = "https://example.org/sub/evidex"


def _internal_links(html: str) -> list[str]:
    return re.findall(r'(?:href|src)="(/[^"#]*)', html)


def test_static_site_links_resolve_under_a_sub_path(db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    export_site(db_path, out, BASE_URL)
    pages = sorted(out.rglob("*.html"))
    assert out / "compounds/thymosin-alpha/index.html" in pages
    assert out / "research/thymosin-alpha-liver-health/index.html" in pages
    checked = 0
    for page in pages:
        for link in _internal_links(page.read_text("utf-8")):
            path = urlparse(link).path
            assert path.startswith("/sub/evidex/"), f"{page}: {link}"
            target = out / path.removeprefix("/sub/evidex/")
            if path.endswith("/"):
                target = target / "index.html"
            assert target.is_file(), f"{page.relative_to(out)} links to missing {link}"
            checked += 1
    assert checked > 100
    profile = (out / "compounds/thymosin-alpha/index.html").read_text("utf-8")
    assert f'rel="canonical" href="{BASE_URL}/compounds/thymosin-alpha/"' in profile
    assert 'action="' not in profile  # the server-only search form is left out
    sitemap = (out / "sitemap.xml").read_text("utf-8")
    assert f"<loc>{BASE_URL}/goals/liver-health/</loc>" in sitemap
    assert f'href="{BASE_URL}/compounds/thymosin-alpha/"' in (out / "feed.xml").read_text()


def test_static_site_carries_the_json_api(db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    export_site(db_path, out)
    compounds = json.loads((out / "api/v1/compounds.json").read_text("utf-8"))
    assert compounds["total"] == 4 == len(compounds["items"])
    one = json.loads((out / "api/v1/compounds/thymosin-alpha.json").read_text("utf-8"))
    assert one["names"]["brand"] == ["Zadaxin"]
    evidence = json.loads((out / "api/v1/compounds/thymosin-alpha/evidence.json").read_text())
    assert evidence["goals"][0]["tier"] == 3
    index = json.loads((out / "search-index.json").read_text("utf-8"))
    assert {
        "key": "zadaxin",
        "name": "Zadaxin",
        "slug": "thymosin-alpha",
        "title": "Thymosin alpha",
    } in index
    assert (out / "static/css/evidex.css").is_file()
    assert not (out / "static/swagger").exists()


def test_data_export_has_tables_and_a_dictionary(db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "data"
    export_data(db_path, out)
    with (out / "outcomes.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    hr = next(r for r in rows if r["measure"] == "HR")
    assert (hr["value"], hr["ci_low"], hr["ci_high"], hr["significant"]) == (
        "0.308",
        "0.175",
        "0.541",
        "True",
    )
    studies = json.loads((out / "studies.json").read_text("utf-8"))
    assert {s["id"]: s["curated"] for s in studies} == {
        "ta1-extracted-1": False,
        "ta1-hcc-2019": True,
    }
    cited = next(s for s in studies if s["id"] == "ta1-hcc-2019")
    assert (cited["title"], cited["year"], cited["pmid"]) == (
        "Adjuvant thymosin after hepatectomy",
        2019,
        "31000000",
    )
    with (out / "studies.csv").open(encoding="utf-8") as handle:
        header = next(csv.reader(handle))
    for column in ("citation", "trial", "authors", "journal", "year", "pmid", "doi", "summary"):
        assert column in header, column
    package = json.loads((out / "datapackage.json").read_text("utf-8"))
    names = [r["name"] for r in package["resources"]]
    assert names == ["compounds", "studies", "outcomes", "tiers"]
    for resource in package["resources"]:
        with (out / resource["path"]).open(encoding="utf-8") as handle:
            header = next(csv.reader(handle))
        assert header == [f["name"] for f in resource["schema"]["fields"]]
    assert "| ci_low | number |" in (out / "README.md").read_text("utf-8")


def test_cli_export_commands(tmp_path: Path) -> None:
    db = write_sample_db(tmp_path / "evidex.db")
    runner = CliRunner()
    site = runner.invoke(cli, ["export", "site", str(tmp_path / "s"), "--db", str(db)])
    assert site.exit_code == 0, site.output
    assert (tmp_path / "s/index.html").is_file()
    data = runner.invoke(cli, ["export", "data", str(tmp_path / "d"), "--db", str(db)])
    assert data.exit_code == 0 and (tmp_path / "d/tiers.csv").is_file()
    missing = runner.invoke(cli, ["export", "data", str(tmp_path / "x"), "--db", "/nope.db"])
    assert missing.exit_code == 2


def test_parallel_export_writes_the_same_files_as_a_serial_one(
    db_path: Path, tmp_path: Path
) -> None:
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    assert export_site(db_path, serial, BASE_URL) == export_site(db_path, parallel, BASE_URL, 2)
    files = sorted(p.relative_to(serial) for p in serial.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(parallel) for p in parallel.rglob("*") if p.is_file())
    assert all((serial / f).read_bytes() == (parallel / f).read_bytes() for f in files)


def test_every_exported_page_carries_its_content_security_policy(
    db_path: Path, tmp_path: Path, client: TestClient
) -> None:
    out = tmp_path / "site"
    export_site(db_path, out)
    pages = sorted(out.rglob("*.html"))
    assert len(pages) > 10
    policy = escape(META_CONTENT_SECURITY_POLICY)  # as an attribute: quotes escaped
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    for page in pages:
        head = page.read_text("utf-8").split("</head>", 1)[0]
        assert meta in head, page.relative_to(out)
    assert "script-src 'self'" in META_CONTENT_SECURITY_POLICY
    assert "frame-ancestors" not in META_CONTENT_SECURITY_POLICY  # ignored in a meta tag
    assert "http-equiv" not in client.get("/").text  # the server sends it as a header


def test_the_deploy_guide_sends_the_servers_security_headers_from_nginx() -> None:
    guide = (Path(__file__).resolve().parents[2] / "docs" / "deploy.md").read_text("utf-8")
    for name, value in SECURITY_HEADERS:
        assert f'add_header {name.decode().title()} "{value.decode()}" always;'.lower() in (
            guide.lower()
        ), name


def test_export_prints_no_access_lines_and_without_a_base_url_says_why_there_is_no_sitemap(
    db_path: Path, tmp_path: Path, capfd: object
) -> None:
    out = tmp_path / "site"
    result = CliRunner().invoke(cli, ["export", "site", str(out), "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    captured = capfd.readouterr()  # type: ignore[attr-defined]
    assert '"method":"GET"' not in captured.err + result.output
    assert "--base-url" in result.stderr
    assert not (out / "sitemap.xml").exists()
    assert "Sitemap:" not in (out / "robots.txt").read_text("utf-8")


def test_the_static_404_page_is_a_generic_not_found_page(db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    export_site(db_path, out, BASE_URL)
    page = (out / "404.html").read_text("utf-8")
    assert "<h1>Page not found</h1>" in page
    assert "The address may be mistyped" in page
    assert "__missing__" not in page and "No compound is called" not in page
    assert 'rel="canonical"' not in page


def test_every_text_file_has_a_gzip_twin_with_the_same_bytes(db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    export_site(db_path, out, BASE_URL)
    text_files = [
        p for p in out.rglob("*") if p.suffix in {".html", ".json", ".xml", ".txt", ".css", ".js"}
    ]
    assert len(text_files) > 20
    for path in text_files:
        twin = path.with_name(path.name + ".gz")
        assert twin.is_file(), f"{path.relative_to(out)} has no .gz twin"
        assert gzip.decompress(twin.read_bytes()) == path.read_bytes()
    assert not list(out.rglob("*.gz.gz"))
    assert not list((out / "static").rglob("*.png.gz"))  # images are not recompressed
