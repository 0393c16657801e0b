"""The bundled sample library: every file parses and follows the formats the parsers expect."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from evidex.content.conditions_map import map_conditions
from evidex.content.vocab import parse_conditions
from evidex.content.yamlload import decode_text

CONTENT = Path(__file__).resolve().parents[1] / "content"

PROFILE_SECTIONS = (
    "Usage",
    "Alternate Names",
    "How It Works",
    "Dosage",
    "Side Effects",
    "Contraindications",
    "Drug Interactions",
    "Pregnancy and Breastfeeding",
    "Drug Profile Summary",
    "Popular Combinations",
    "Precautions",
    "FAQs (Frequently Asked Questions)",
)
ARTICLE_SECTIONS = (
    "Overview",
    "What the Research Shows",
    "Dosing",
    "Side Effects to Consider",
    "The Bottom Line",
)
REQUIRED_CONDITIONS = {
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

PROFILES = sorted((CONTENT / "compounds").glob("*.md"))
ARTICLES = sorted((CONTENT / "research").glob("*.md"))
YAML_FILES = sorted(CONTENT.rglob("*.yaml"))


def _split(path: Path) -> tuple[dict[str, Any], str]:
    text = decode_text(path.read_bytes(), str(path))
    match = re.match(r"---\n(.*?)\n---\n(.*)", text, re.DOTALL)
    assert match, f"{path.name}: no YAML frontmatter"
    meta = yaml.safe_load(match.group(1))
    assert isinstance(meta, dict), f"{path.name}: frontmatter is not a mapping"
    return meta, match.group(2)


def _headings(body: str, level: int) -> list[str]:
    pattern = rf"^{'#' * level} +(?:\*\*)?(.+?)(?:\*\*)?\s*$"
    return [m.group(1) for m in re.finditer(pattern, body, re.MULTILINE)]


def _slugs(name: str) -> set[str]:
    data = yaml.safe_load((CONTENT / name).read_text(encoding="utf-8"))
    return {item["slug"] for item in data}


def test_library_has_the_promised_size() -> None:
    assert len(PROFILES) >= 14
    assert len(ARTICLES) >= 5
    assert len(list((CONTENT / "studies").glob("*.yaml"))) >= 3
    assert len(list((CONTENT / "vendors").glob("*.yaml"))) == 4


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: p.name)
def test_every_yaml_file_parses(path: Path) -> None:
    assert yaml.safe_load(path.read_text(encoding="utf-8")) is not None


@pytest.mark.parametrize("path", PROFILES, ids=lambda p: p.name)
def test_profile_has_frontmatter_and_seed_sections_in_order(path: Path) -> None:
    meta, body = _split(path)
    assert {"title", "description", "is_banned", "lastModified", "faqs"} <= set(meta)
    assert isinstance(meta["is_banned"], bool)
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT[\d:.]+Z", meta["lastModified"])
    assert _headings(body, 2) == list(PROFILE_SECTIONS)
    assert 4_000 <= path.stat().st_size <= 9_500


@pytest.mark.parametrize("path", PROFILES, ids=lambda p: p.name)
def test_profile_faqs_match_the_body(path: Path) -> None:
    meta, body = _split(path)
    questions = [re.sub(r"^Q\d+:\s*", "", h) for h in _headings(body, 3) if re.match(r"Q\d+:", h)]
    answers = re.findall(r"^\*\*A:\*\* (.+)$", body, re.MULTILINE)
    assert questions == [faq["q"] for faq in meta["faqs"]]
    assert answers == [faq["a"] for faq in meta["faqs"]]


def test_profiles_refer_to_known_goals() -> None:
    goals = _slugs("goals.yaml")
    for path in PROFILES:
        meta, _ = _split(path)
        assert set(meta.get("goals", [])) <= goals, path.name


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_article_frontmatter_and_sections(path: Path) -> None:
    meta, body = _split(path)
    assert {"title", "compound", "goal", "tier", "lastModified", "summary"} <= set(meta)
    assert meta["goal"] in _slugs("goals.yaml")
    assert meta["tier"] in range(1, 6)
    assert body.lstrip().startswith("**Disclaimer:**")
    found = _headings(body, 2)
    positions = [next(i for i, h in enumerate(found) if h.startswith(s)) for s in ARTICLE_SECTIONS]
    assert positions == sorted(positions)


def test_conditions_use_the_fixed_slugs() -> None:
    data = yaml.safe_load((CONTENT / "conditions.yaml").read_text(encoding="utf-8"))
    assert {item["slug"] for item in data} == REQUIRED_CONDITIONS
    assert {item["category"] for item in data} <= {"life-stage", "condition", "age"}


@pytest.mark.parametrize(
    ("contraindication", "condition"),
    [
        ("Uncontrolled hypertension", "cardiovascular-disease"),
        ("Patients on warfarin or with a bleeding tendency", "bleeding-disorder"),
        ("Not for use in children under 12", "under-18"),
        ("Nursing mothers", "breastfeeding"),
        ("Organ transplant recipients", "immunosuppressed"),
        ("Avoid in severe kidney disease", "renal-impairment"),
    ],
)
def test_the_condition_vocabulary_names_contraindications_as_written(
    contraindication: str, condition: str
) -> None:
    path = CONTENT / "conditions.yaml"
    conditions, problems = parse_conditions(path.read_text(encoding="utf-8"), str(path))
    assert not problems
    assert map_conditions(contraindication, conditions) == [condition]


def test_every_interaction_rule_has_exactly_one_form() -> None:
    rules = yaml.safe_load((CONTENT / "interactions.yaml").read_text(encoding="utf-8"))["rules"]
    for rule in rules:
        forms = [
            "a" in rule and "b" in rule,
            "a_class" in rule and "b_class" in rule,
            "a" in rule and "b_class" in rule,
            "effect" in rule,
        ]
        assert sum(forms) == 1, rule["id"]
        assert rule["severity"] in {"contraindicated", "avoid", "monitor", "minor"}


def test_vendors_are_fictional_and_priced_in_known_currencies() -> None:
    rates = yaml.safe_load((CONTENT / "currency.yaml").read_text(encoding="utf-8"))["rates"]
    for path in (CONTENT / "vendors").glob("*.yaml"):
        vendor = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert vendor["website"].split("/")[2].endswith("example.com"), path.name
        for product in vendor["products"]:
            assert product["currency"] in rates, (path.name, product["compound"])
            assert product["url"].split("/")[2].endswith("example.com"), path.name


def test_the_library_builds_clean_with_strict(tmp_path: Path) -> None:
    from evidex.build.pipeline import build

    report = build(CONTENT, tmp_path / "evidex.db", strict=True)
    problems = [str(d) for d in report.diagnostics if d.level != "info"]
    assert problems == []
