"""A small build artifact made from the typed models: the schema plus rows the build would write.

It holds a seed-like profile (thymosin alpha with its many names), a second compound linked as a
popular combination, a hostile profile full of script-injection attempts, a banned compound, a
deep dive whose editor claims a tier the evidence does not support, and extracted (unverified)
as well as curated studies.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from evidex.build.library import Library, TierResult
from evidex.build.link import compound_names
from evidex.build.write import write_database
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
from evidex.content.names import build_name_index
from evidex.content.render import markdown_to_html
from evidex.evidence.models import Citation, Outcome, Study
from evidex.search.index import write_search_index

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


_RATIONALE = {
    3: "Probable efficacy: one propensity-matched study of 316 patients found a survival "
    "benefit. The only randomised data were not significant.",
    2: "Strong evidence: a large randomised trial showed benefit.",
}
_TIER_NAMES = {2: "strong evidence", 3: "probable efficacy"}


def sample_library() -> Library:
    """The sample content linked as the build would link it (names resolved, tiers given)."""
    compounds = [thymosin(), interferon(), hostile(), banned()]
    names = {c.slug: compound_names(c) for c in compounds}
    index, _ = build_name_index(names)
    a = article()
    tiers = [
        TierResult(
            compound_slug=slug,
            goal="liver-health",
            tier=tier,
            tier_name=_TIER_NAMES[tier],
            rationale=_RATIONALE[tier],
            study_ids=[s.id for s in studies()] if slug == "thymosin-alpha" else [],
            forest_svg=FOREST_SVG,
        )
        for slug, tier in {"thymosin-alpha": 3, "interferon-alpha": 2}.items()
    ]
    return Library(
        compounds={c.slug: c for c in compounds},
        articles={a.slug: a},
        studies={s.id: s for s in studies()},
        goals={g.slug: g for g in goals()},
        name_index=index,
        tiers=tiers,
        content_hash="abc",
    )


def write_sample_db(path: Path, build_id: str = "build-1") -> Path:
    """Write the sample artifact to `path` with the build's own writer and return the path."""
    meta = {
        "built_at": "2025-06-01T12:00:00+00:00",
        "methodology_html": markdown_to_html("## The rubric\n\nFive tiers, computed."),
    }
    # The search tables are part of every real build: 404 pages suggest names from them.
    write_database(sample_library(), path, build_id, meta, hooks=[write_search_index])
    conn = sqlite3.connect(path)
    try:  # a tier change from an earlier build (kept once when the file is rewritten)
        conn.execute(
            "INSERT INTO tier_history SELECT ?, ?, ?, ?, ?, ?, ?, ? "
            "WHERE NOT EXISTS (SELECT 1 FROM tier_history WHERE build_id = 'build-0')",
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
        conn.commit()
    finally:
        conn.close()
    return path
