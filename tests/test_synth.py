"""The synthetic library: formats the parsers accept, determinism, variety and scale shape."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from evidex.cli import import_cmds
from evidex.content.article import parse_article
from evidex.content.names import fold_name, slugify
from evidex.content.profile import parse_profile
from evidex.content.vocab import parse_conditions, parse_goals, parse_interactions
from evidex.content.yamlload import decode_text, split_frontmatter
from evidex.synth import generate_library
from evidex.vendors.parse import parse_vendor

EXPECTED_CONDITIONS = {
    "pregnancy",
    "breastfeeding",
    "immunosuppressed",
    "autoimmune-disease",
    "renal-impairment",
    "hepatic-impairment",
    "under-18",
    "hypersensitivity",
    "elderly",
    "cancer-history",
    "diabetes",
    "cardiovascular-disease",
    "bleeding-disorder",
}


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synth")
    generate_library(out, compounds=200, articles=120, seed=7)
    return out


def _digest(folder: Path) -> str:
    hasher = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            hasher.update(str(path.relative_to(folder)).encode())
            hasher.update(path.read_bytes())
    return hasher.hexdigest()


def test_counts_and_layout(library: Path) -> None:
    assert len(list((library / "compounds").glob("*.md"))) == 200
    assert len(list((library / "research").glob("*.md"))) == 120
    assert len(list((library / "vendors").glob("*.yaml"))) >= 2
    for name in ("goals.yaml", "conditions.yaml", "interactions.yaml"):
        assert (library / name).is_file()


def test_same_seed_same_library_other_seed_differs(library: Path, tmp_path: Path) -> None:
    generate_library(tmp_path / "again", compounds=200, articles=120, seed=7)
    generate_library(tmp_path / "other", compounds=200, articles=120, seed=8)
    assert _digest(tmp_path / "again") == _digest(library)
    assert _digest(tmp_path / "other") != _digest(library)


def test_vocabularies_parse_cleanly(library: Path) -> None:
    goals, goal_problems = parse_goals((library / "goals.yaml").read_text(), "goals.yaml")
    conditions, cond_problems = parse_conditions(
        (library / "conditions.yaml").read_text(), "conditions.yaml"
    )
    rules, rule_problems = parse_interactions(
        (library / "interactions.yaml").read_text(), "interactions.yaml"
    )
    assert goal_problems == cond_problems == rule_problems == []
    assert {c.slug for c in conditions} == EXPECTED_CONDITIONS
    assert len(goals) >= 10
    assert any(r.a_class for r in rules) and any(r.a and r.b for r in rules)


def test_every_article_parses_and_some_carry_curated_studies(library: Path) -> None:
    with_studies = 0
    for path in sorted((library / "research").glob("*.md")):
        text = decode_text(path.read_bytes(), str(path))
        article, diagnostics = parse_article(text, str(path))
        assert article is not None, [str(d) for d in diagnostics]
        assert [d for d in diagnostics if d.level == "error"] == []
        assert article.headings[0] == "Overview"
        with_studies += bool(article.studies)
    assert 0 < with_studies < 120


def test_profiles_have_frontmatter_names_and_seed_like_defects(library: Path) -> None:
    titles: set[str] = set()
    crlf = bom = truncated = broken_faq = receptor = 0
    sizes = []
    for path in sorted((library / "compounds").glob("*.md")):
        raw = path.read_bytes()
        crlf += b"\r\n" in raw
        bom += raw.startswith(b"\xef\xbb\xbf")
        sizes.append(len(raw))
        document = split_frontmatter(decode_text(raw, str(path)), str(path))
        meta = document.meta.data
        assert {"title", "description", "is_banned", "lastModified", "faqs"} <= set(meta)
        titles.add(fold_name(meta["title"]))
        truncated += meta["description"].endswith("...")
        broken_faq += any("**A:**" in faq["q"] for faq in meta["faqs"])
        receptor += "receptor" in document.body
        assert "Usage" in document.body and "FAQs" in document.body
    assert len(titles) == 200
    assert crlf and bom and truncated and broken_faq
    assert 0.8 <= receptor / 200 < 1.0
    assert 6000 <= sum(sizes) / len(sizes) <= 11000


def test_profiles_written_as_paragraphs_parse_into_the_same_fields(library: Path) -> None:
    conditions_path = library / "conditions.yaml"
    conditions, _ = parse_conditions(conditions_path.read_text(encoding="utf-8"), "c.yaml")
    prose = 0
    for path in sorted((library / "compounds").glob("*.md")):
        text = decode_text(path.read_bytes(), str(path))
        if "Common side effects include" not in text:
            continue
        prose += 1
        compound, diagnostics = parse_profile(text, str(path), conditions)
        assert compound is not None, [str(d) for d in diagnostics]
        assert len(compound.side_effects.common) == 3
        assert len(compound.side_effects.rare_serious) == 2
        if "Contraindications" in text:  # a section some profiles lack
            assert len(compound.contraindications) >= 2
            assert all(c.condition for c in compound.contraindications), compound.contraindications
        if "Pregnancy and Breastfeeding" in text:
            assert compound.pregnancy_category and compound.breastfeeding
        assert len(compound.faqs) >= 2 and all(f.a for f in compound.faqs)
        # the body's one-line FAQs are read and agree with the frontmatter's
        assert not [d for d in diagnostics if d.code == "faq-mismatch"], diagnostics
        assert not [n for n in compound.names.alternate if "(brand)" in n]
        if "(brand)" in text:
            assert compound.names.brand
    assert 10 <= prose <= 60


def test_article_bodies_hold_study_notation(library: Path) -> None:
    texts = [p.read_text(encoding="utf-8-sig") for p in (library / "research").glob("*.md")]
    joined = "\n".join(texts)
    assert "(95% CI " in joined and "(n=" in joined
    assert any(design in joined for design in ("randomized", "meta-analysis", "cohort"))


def test_progress_reports_every_file(tmp_path: Path) -> None:
    seen: list[int] = []
    generate_library(tmp_path, compounds=300, articles=40, seed=1, progress=seen.append)
    assert sum(seen) == 340


def _cli() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def root() -> None:
        """Test root so sub-commands keep their names."""

    import_cmds.register(app)
    return app


def test_synth_and_import_commands(tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "lib"
    result = runner.invoke(
        _cli(), ["synth", "--compounds", "5", "--articles", "3", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert len(list((out / "compounds").glob("*.md"))) == 5
    page = tmp_path / "page.txt"
    page.write_text(
        "Taurine for Sleep: What the Research Says\n\n\nOverview\n\nTaurine is an amino acid.\n",
        encoding="utf-8",
    )
    args = ["import", "article", str(page), "--out", str(tmp_path / "research")]
    first = runner.invoke(_cli(), args)
    assert first.exit_code == 0, first.output
    written = tmp_path / "research" / "taurine-for-sleep.md"
    assert "goal: sleep" in written.read_text(encoding="utf-8")
    assert runner.invoke(_cli(), args).exit_code == 1  # refuses to overwrite without --force
    assert runner.invoke(_cli(), [*args, "--force"]).exit_code == 0


def test_vendor_files_parse_with_the_vendor_parser(library: Path) -> None:
    for path in sorted((library / "vendors").glob("*.yaml")):
        vendor, problems = parse_vendor(path.read_text(encoding="utf-8"), str(path), slugify)
        assert vendor is not None, [str(p) for p in problems]
        assert [p for p in problems if p.level == "error"] == []
        assert vendor.products
