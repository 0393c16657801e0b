"""A small library (models, and as a build-artifact file) for the stack builder: a seed-like thymosin alpha-1 profile and a few
compounds chosen to trigger each rule (class conflicts, shared classes, additive effects)."""

from __future__ import annotations

import json
import sqlite3
from importlib import resources
from pathlib import Path

from evidex.content.models import (
    Combination,
    Compound,
    Condition,
    Contraindication,
    Goal,
    InteractionRule,
    Names,
    Regimen,
    SpecialCase,
)
from evidex.stack.catalog import StackCatalog, TierEntry


def thymosin_alpha() -> Compound:
    return Compound(
        slug="thymosin-alpha",
        title="Thymosin alpha",
        description="Immunomodulatory peptide used as adjunct therapy for chronic hepatitis B.",
        names=Names(alternate=["Thymalfasin", "Thymosin Alpha-1"], brand=["Zadaxin"]),
        classes=["immunomodulator", "peptide", "injectable"],
        routes=["subcutaneous"],
        regimens=[
            Regimen(
                amount_min=1.6,
                amount_max=1.6,
                unit="mg",
                route="subcutaneous",
                doses_per_week=2,
                duration="6-12 months",
                population="adults",
                text="1.6 mg subcutaneously twice weekly for 6-12 months for chronic hepatitis B.",
            ),
            Regimen(
                amount_min=1.5,
                amount_max=1.5,
                unit="mg",
                route="subcutaneous",
                interval_days=3,
                population="adults",
                kind="other",
                text="Alternative dosing regimens include 1.5 mg subcutaneously every third day.",
            ),
            Regimen(
                amount_min=40,
                amount_max=40,
                unit="mcg/kg",
                route="subcutaneous",
                doses_per_week=2,
                population="patients <40 kg",
                max_weight_kg=40,
                kind="weight_based",
                text="For patients <40 kg:  40 mcg/kg twice weekly.",
            ),
        ],
        special_cases=[
            SpecialCase(
                population="Children",
                text="Safety and efficacy have not been established in patients below the "
                "age of 18 years.",
                condition="under-18",
                severity="caution",
            ),
            SpecialCase(
                population="Patients with Renal Impairment",
                text="Use with caution; dosage adjustments may be needed.",
                condition="renal-impairment",
                severity="caution",
            ),
        ],
        contraindications=[
            Contraindication(
                text="Hypersensitivity to thymosin alpha 1", condition="hypersensitivity"
            ),
            Contraindication(
                text="Immunosuppressed patients (e.g., organ transplant recipients) unless "
                "benefits outweigh risks",
                condition="immunosuppressed",
            ),
            Contraindication(
                text="Pregnancy and breastfeeding (use caution)",
                condition="pregnancy",
                severity="caution",
            ),
        ],
        pregnancy_category="C",
        pregnancy="Avoid unless clearly needed.",
        breastfeeding="Unknown if excreted in breast milk; use caution.",
        monitoring=["Liver function tests", "HBeAg", "HBsAg", "HBV DNA", "ALT"],
        combinations=[
            Combination(
                text="Interferon alpha for chronic hepatitis B and C", name="Interferon alpha"
            )
        ],
        goals=["liver-health"],
    )


def _compound(slug: str, title: str, **fields: object) -> Compound:
    return Compound.model_validate({"slug": slug, "title": title, "description": "", **fields})


def _weekly(amount: float, unit: str, route: str, per_week: float) -> list[dict[str, object]]:
    return [
        {
            "amount_min": amount,
            "amount_max": amount,
            "unit": unit,
            "route": route,
            "doses_per_week": per_week,
            "text": f"{amount} {unit} {per_week}x weekly",
        }
    ]


def library_compounds() -> list[Compound]:
    return [
        thymosin_alpha(),
        _compound(
            "interferon-alpha",
            "Interferon alpha",
            classes=["immunomodulator", "injectable"],
            routes=["subcutaneous"],
            regimens=_weekly(3, "MIU", "subcutaneous", 3),
            monitoring=["Complete blood count", "liver function tests"],
        ),
        _compound(
            "tenofovir",
            "Tenofovir",
            classes=["antiviral"],
            routes=["oral"],
            regimens=_weekly(300, "mg", "oral", 7),
            monitoring=["Renal function"],
        ),
        _compound(
            "semaglutide",
            "Semaglutide",
            classes=["glp-1-agonist", "injectable"],
            routes=["subcutaneous"],
            effects=["lowers-blood-glucose"],
            regimens=_weekly(1, "mg", "subcutaneous", 1),
        ),
        _compound(
            "liraglutide",
            "Liraglutide",
            classes=["glp-1-agonist", "injectable"],
            routes=["subcutaneous"],
            effects=["lowers-blood-glucose"],
            regimens=_weekly(1.8, "mg", "subcutaneous", 7),
        ),
        _compound(
            "metformin",
            "Metformin",
            classes=["biguanide"],
            routes=["oral"],
            effects=["lowers-blood-glucose"],
            regimens=_weekly(500, "mg", "oral", 7),
            contraindications=[
                {"text": "Severe renal impairment (eGFR below 30)", "condition": "renal-impairment"}
            ],
        ),
        _compound(
            "ipamorelin",
            "Ipamorelin",
            classes=["gh-secretagogue", "peptide", "injectable"],
            routes=["subcutaneous"],
            is_banned=True,
            ban_details="WADA S2 peptide hormone",
            contraindications=[
                {"text": "Active or past malignancy", "condition": "cancer-history"}
            ],
        ),
        _compound(
            "mk-677",
            "Ibutamoren",
            classes=["gh-secretagogue"],
            routes=["oral"],
            is_banned=True,
            names={"alternate": ["MK-677"], "brand": []},
        ),
        _compound(
            "retinol-high-dose",
            "Retinol (high dose)",
            classes=["supplement"],
            routes=["oral"],
            pregnancy_category="X",
            pregnancy="High-dose vitamin A causes birth defects.",
        ),
    ]


def tiers() -> list[TierEntry]:
    return [
        TierEntry(
            "tenofovir",
            "liver-health",
            1,
            "proven efficacy",
            "several large RCTs with sustained viral suppression",
            1.2,
            1.0,
            641,
        ),
        TierEntry(
            "thymosin-alpha",
            "liver-health",
            3,
            "probable efficacy",
            "RCT n=316 and propensity-matched cohort n=468; not superior to interferon-alpha",
            0.5,
            0.7,
            468,
        ),
        TierEntry(
            "interferon-alpha",
            "liver-health",
            2,
            "strong evidence",
            "large RCT with significant benefit",
            0.8,
            0.9,
            500,
        ),
        TierEntry(
            "semaglutide", "weight-loss", 1, "proven efficacy", "RCT meta-analysis", 0.9, 1.0, 1961
        ),
        TierEntry(
            "liraglutide", "weight-loss", 1, "proven efficacy", "several RCTs", 0.6, 1.0, 3731
        ),
        TierEntry(
            "metformin", "blood-sugar", 1, "proven efficacy", "RCT meta-analysis", 0.7, 1.0, 4000
        ),
        TierEntry(
            "semaglutide", "blood-sugar", 1, "proven efficacy", "RCT meta-analysis", 0.9, 1.0, 3297
        ),
        TierEntry("ipamorelin", "muscle", 4, "possible efficacy", "small trials", 0.3, 0.5, 40),
        TierEntry("mk-677", "muscle", 4, "possible efficacy", "small trials", 0.2, 0.5, 30),
        TierEntry("retinol-high-dose", "skin", 4, "possible efficacy", "small trials"),
    ]


def rules() -> list[InteractionRule]:
    return [
        InteractionRule(
            id="immunomodulators",
            a_class="immunomodulator",
            b_class="immunomodulator",
            severity="monitor",
            advice="caution with other immunomodulating agents",
            evidence="limited data",
            source="Thymosin alpha profile",
        ),
        InteractionRule(
            id="same-syringe",
            a_class="injectable",
            b_class="injectable",
            severity="minor",
            advice="do not mix in the same syringe",
            source="Thymosin alpha profile",
        ),
        InteractionRule(
            id="two-glp1",
            a_class="glp-1-agonist",
            b_class="glp-1-agonist",
            severity="avoid",
            advice="two GLP-1 agonists duplicate one mechanism",
            evidence="labelling",
        ),
        InteractionRule(
            id="two-ghs",
            a_class="gh-secretagogue",
            b_class="gh-secretagogue",
            severity="avoid",
            advice="two GH secretagogues stack the same axis",
        ),
        InteractionRule(
            id="metformin-contrast",
            a="Metformin",
            b="Iodinated contrast",
            severity="avoid",
            advice="pause metformin around iodinated contrast",
        ),
    ]


def conditions() -> list[Condition]:
    names = {
        "pregnancy": ["pregnant"],
        "breastfeeding": ["lactation"],
        "immunosuppressed": ["organ transplant", "immunosuppression"],
        "renal-impairment": ["kidney disease"],
        "hepatic-impairment": ["liver disease"],
        "under-18": ["child"],
        "hypersensitivity": ["allergy"],
        "elderly": [],
        "cancer-history": ["malignancy", "history of cancer"],
        "autoimmune-disease": [],
    }
    return [
        Condition(slug=slug, name=slug.replace("-", " ").capitalize(), synonyms=syn)
        for slug, syn in names.items()
    ]


def goals() -> list[Goal]:
    return [
        Goal(slug="liver-health", name="Liver health", synonyms=["hepatitis B"]),
        Goal(slug="weight-loss", name="Weight loss"),
        Goal(slug="blood-sugar", name="Blood sugar"),
        Goal(slug="muscle", name="Muscle"),
        Goal(slug="skin", name="Skin"),
    ]


def stack_catalog() -> StackCatalog:
    return StackCatalog.from_models(library_compounds(), tiers(), rules(), conditions(), goals())


def write_stack_db(path: Path) -> Path:
    """The same library as a build artifact, as `evidex build` lays out the tables."""
    schema = resources.files("evidex.storage").joinpath("schema.sql").read_text()
    conn = sqlite3.connect(path)
    conn.executescript(schema)
    conn.executemany(
        "INSERT INTO meta VALUES (?, ?)", [("build_id", "stack-test"), ("schema_version", "1")]
    )
    for c in library_compounds():
        conn.execute(
            "INSERT INTO compounds VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                c.slug,
                c.title,
                c.description,
                int(c.is_banned),
                c.compound_class,
                c.last_modified,
                json.dumps(c.routes),
                json.dumps(c.goals),
                json.dumps(c.model_dump(mode="json")),
            ),
        )
    for t in tiers():
        details = {
            "details": {
                "effect_size": t.effect,
                "consistency": t.consistency,
                "largest_n": t.largest_n,
            }
        }
        conn.execute(
            "INSERT INTO tiers VALUES (?, ?, ?, ?, ?, ?, ?)",
            (t.compound_slug, t.goal, t.tier, t.tier_name, t.rationale, json.dumps(details), ""),
        )
    for g in goals():
        conn.execute("INSERT INTO goals VALUES (?, ?, ?)", (g.slug, g.name, g.model_dump_json()))
    for k in conditions():
        conn.execute(
            "INSERT INTO conditions VALUES (?, ?, ?)", (k.slug, k.name, k.model_dump_json())
        )
    for r in rules():
        conn.execute("INSERT INTO interactions VALUES (?, ?)", (r.id, r.model_dump_json()))
    conn.commit()
    conn.close()
    return path
