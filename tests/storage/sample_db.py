"""A small build artifact made from the typed models: the schema plus rows the build would write.

It holds a seed-like profile (thymosin alpha with its many names), a second compound linked as a
popular combination, a hostile profile full of script-injection attempts, a banned compound, a
deep dive whose editor claims a tier the evidence does not support, and extracted (unverified)
as well as curated studies.
"""

from __future__ import annotations

import json
import sqlite3
from importlib import resources
from pathlib import Path

from evidex.content.models import (
    Article,
    Combination,
    Compound,
    Contraindication,
    Faq,
    Goal,
    Names,
    Regimen,
    Section,
    SideEffects,
)
from evidex.content.names import build_name_index, fold_name
from evidex.content.render import markdown_to_html
from evidex.evidence.models import Citation, Outcome, Study

HOSTILE_MARKDOWN = """Plain words first.

<script>alert('section')</script>

[click me](javascript:alert(1))

<img src=x onerror="alert(2)">

<div onclick="alert(3)">raw html block</div>
"""

FOREST_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Forest plot" '
    'viewBox="0 0 300 60"><title>Forest plot</title><line x1="150" y1="0" x2="150" y2="60" '
    'stroke="black"/><rect x="90" y="25" width="8" height="8"/></svg>'
)


def _section(key: str, title: str, markdown: str) -> Section:
    return Section(key=key, title=title, markdown=markdown, html=markdown_to_html(markdown))


def thymosin() -> Compound:
    return Compound(
        slug="thymosin-alpha",
        title="Thymosin alpha",
        description="An immune-modulating peptide used for chronic hepatitis B and C.",
        last_modified="2025-04-02T10:00:00Z",
        names=Names(
            alternate=["Thymosin Alpha-1", "Tα1", "TA1", "TA-1", "thymalfasin"], brand=["Zadaxin"]
        ),
        compound_class="Immunomodulatory agent",
        classes=["immunomodulator"],
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
                indication="chronic hepatitis B",
            )
        ],
        side_effects=SideEffects(common=["Injection-site redness"], rare_serious=["Allergy"]),
        contraindications=[
            Contraindication(text="Organ transplant recipients", condition="transplant"),
            Contraindication(text="Autoimmune disease", severity="caution"),
        ],
        monitoring=["Liver enzymes (ALT)"],
        combinations=[
            Combination(
                text="Interferon alpha for hepatitis",
                name="Interferon alpha",
                slug="interferon-alpha",
                purpose="hepatitis B and C",
            ),
            Combination(text="Unknownium for fun", name="Unknownium"),
        ],
        faqs=[Faq(q="Is it a steroid?", a="No, it is a 28-amino-acid peptide.")],
        goals=["liver-health"],
        sections=[
            _section("usage", "Usage", "Used for **chronic hepatitis B**.\n\n- Adults"),
            _section("faqs", "FAQs", "**Is it a steroid?**\n\nNo, it is a peptide."),
        ],
    )


def interferon() -> Compound:
    return Compound(
        slug="interferon-alpha",
        title="Interferon alpha",
        description="A cytokine given by injection for viral hepatitis.",
        last_modified="2024-11-20",
        compound_class="Cytokine",
        routes=["subcutaneous", "intramuscular"],
    )


def hostile() -> Compound:
    return Compound(
        slug="hostile-peptide",
        title="Hostile <script>alert('title')</script> peptide",
        description='Desc "><script>alert("desc")</script>',
        last_modified="2025-01-01",
        names=Names(brand=["<img src=x onerror=alert(4)>"]),
        routes=["oral"],
        faqs=[Faq(q="<script>alert('q')</script>?", a="</script><script>alert('a')</script>")],
        combinations=[Combination(text="x", name='javascript:alert("combo")')],
        sections=[_section("usage", "Usage <b>bold</b>", HOSTILE_MARKDOWN)],
    )


def banned() -> Compound:
    return Compound(
        slug="bpc-157",
        title="BPC-157",
        description="A synthetic peptide studied for tendon healing.",
        is_banned=True,
        ban_details="Prohibited at all times under section S0 (non-approved substances).",
        routes=["subcutaneous", "oral"],
    )


def studies() -> list[Study]:
    return [
        Study(
            id="ta1-hcc-2019",
            citation=Citation(
                title="Adjuvant thymosin after hepatectomy", year=2019, pmid="31000000"
            ),
            design="propensity-matched",
            n=316,
            population="patients with hepatitis B related liver cancer after surgery",
            comparator="no adjuvant therapy",
            outcomes=[
                Outcome(
                    name="overall survival",
                    measure="HR",
                    value=0.308,
                    ci_low=0.175,
                    ci_high=0.541,
                    p="<0.001",
                    significant=True,
                    direction="benefit",
                ),
            ],
            goal="liver-health",
            compound="thymosin-alpha",
        ),
        Study(
            id="ta1-extracted-1",
            citation=Citation(url="javascript:alert('cite')"),
            design="rct",
            n=98,
            outcomes=[
                Outcome(
                    name="ALT normalisation",
                    measure="OR",
                    value=0.62,
                    ci_low=0.35,
                    ci_high=1.10,
                    significant=False,
                    direction="no difference",
                ),
                Outcome(name="HBeAg loss", measure="percent", value=22.80),
            ],
            goal="liver-health",
            compound="thymosin-alpha",
            curated=False,
        ),
    ]


def article() -> Article:
    return Article(
        slug="thymosin-alpha-liver-health",
        title="Thymosin alpha for liver health",
        compound="Thymosin Alpha-1",
        compound_slug="thymosin-alpha",
        goal="liver-health",
        tier=2,
        last_modified="2025-05-01",
        summary="What trials show about thymosin alpha in chronic liver disease.",
        body_markdown="## Findings\n\nSurvival improved (HR=0.308).",
        body_html=markdown_to_html("## Findings\n\nSurvival improved (HR=0.308)."),
    )


def goals() -> list[Goal]:
    return [
        Goal(
            slug="liver-health",
            name="Liver health",
            description="Liver function and disease.",
            synonyms=["hepatic health"],
        ),
        Goal(slug="immune-support", name="Immune support"),
    ]


def _dump(model: object) -> str:
    return json.dumps(model.model_dump(mode="json"))  # type: ignore[attr-defined]


def write_sample_db(path: Path, build_id: str = "build-1") -> Path:
    """Write the sample artifact to `path` (replacing it atomically) and return the path."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.unlink(missing_ok=True)
    conn = sqlite3.connect(tmp)
    schema = resources.files("evidex.storage").joinpath("schema.sql").read_text("utf-8")
    conn.executescript(schema)
    compounds = [thymosin(), interferon(), hostile(), banned()]
    tiers = {"thymosin-alpha": 3, "interferon-alpha": 2}
    for c in compounds:
        graded = ["liver-health"] if c.slug in tiers else []
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
                json.dumps(sorted({*graded, *c.goals})),
                _dump(c),
            ),
        )
    names = {c.slug: [c.title, *c.names.alternate, *c.names.brand, *c.aliases] for c in compounds}
    index, _ = build_name_index(names)
    shown = {fold_name(n): n for ns in names.values() for n in ns}
    conn.executemany(
        "INSERT INTO names VALUES (?, ?, ?, ?)",
        [(k, s, shown.get(k, k), "name") for k, s in index.items()],
    )
    a = article()
    conn.execute(
        "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (a.slug, a.title, a.compound_slug, a.goal, a.tier, a.last_modified, a.summary, _dump(a)),
    )
    for s in studies():
        conn.execute(
            "INSERT INTO studies VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (s.id, s.compound, s.goal, a.slug, int(s.curated), s.design, s.n, _dump(s)),
        )
        conn.executemany(
            "INSERT INTO outcomes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    s.id,
                    i,
                    o.name,
                    o.measure,
                    o.value,
                    o.ci_low,
                    o.ci_high,
                    o.p,
                    None if o.significant is None else int(o.significant),
                    o.direction,
                )
                for i, o in enumerate(s.outcomes)
            ],
        )
    for g in goals():
        conn.execute("INSERT INTO goals VALUES (?, ?, ?)", (g.slug, g.name, _dump(g)))
    rationale = {
        3: "Probable efficacy: one propensity-matched study of 316 patients found a survival "
        "benefit. The only randomised data were not significant.",
        2: "Strong evidence: a large randomised trial showed benefit.",
    }
    names_by_tier = {2: "strong evidence", 3: "probable efficacy"}
    for slug, tier in tiers.items():
        ids = [s.id for s in studies()] if slug == "thymosin-alpha" else []
        conn.execute(
            "INSERT INTO tiers VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                slug,
                "liver-health",
                tier,
                names_by_tier[tier],
                rationale[tier],
                json.dumps({"study_ids": ids}),
                FOREST_SVG,
            ),
        )
    conn.execute(
        "INSERT INTO tier_history VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            "thymosin-alpha",
            "liver-health",
            4,
            3,
            "ta1-hcc-2019",
            "Tier 4 -> Tier 3",
            "2025-04-03T00:00:00+00:00",
            "build-0",
        ),
    )
    conn.executemany(
        "INSERT INTO feed VALUES (?, ?, ?, ?, ?, ?)",
        [
            (c.slug, "profile", c.slug, c.title, c.description, c.last_modified or "")
            for c in compounds
        ]
        + [(a.compound_slug, "article", a.slug, a.title, a.summary, a.last_modified or "")],
    )
    meta = {
        "build_id": build_id,
        "built_at": "2025-06-01T12:00:00+00:00",
        "schema_version": "1",
        "content_hash": "abc",
        "methodology_html": markdown_to_html("## The rubric\n\nFive tiers, computed."),
    }
    conn.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
    conn.commit()
    conn.close()
    tmp.replace(path)
    return path
