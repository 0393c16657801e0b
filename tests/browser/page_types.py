"""The page types every browser check visits: where they are and what a reader should see."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class PageType:
    name: str
    path: str
    title: str  # a fragment of <title>
    heading: str  # a fragment of the visible <h1>
    status: int = 200
    subheadings: tuple[str, ...] = field(default_factory=tuple)  # visible <h2> fragments


PAGE_TYPES = [
    PageType("home", "/", "Evidex", "studies", subheadings=("Health goals", "Evidence tiers")),
    PageType("compounds", "/compounds", "Compounds", "Compounds"),
    PageType(
        "compound",
        "/compounds/thymosin-alpha-1",
        "Thymosin Alpha-1",
        "Thymosin Alpha-1",
        subheadings=("Evidence by goal", "Usage", "Dosage", "Side Effects"),
    ),
    PageType(
        "evidence",
        "/compounds/thymosin-alpha-1/evidence",
        "Thymosin Alpha-1",
        "Evidence",
        subheadings=("Liver health",),
    ),
    PageType(
        "research",
        "/research/thymosin-alpha-1-liver-health",
        "Thymosin Alpha-1",
        "Thymosin Alpha-1",
        subheadings=("What the Research Shows", "Studies"),
    ),
    PageType("goals", "/goals", "Health goals", "Health goals", subheadings=("Liver health",)),
    PageType("goal", "/goals/liver-health", "Liver health", "Liver health"),
    PageType("methodology", "/methodology", "Methodology", "Methodology"),
    PageType("about", "/about", "About", "About", subheadings=("Disclaimer",)),
    PageType("search", "/search?q=liver", "liver", "Search"),
    PageType("search-name", "/search?q=zadaxin", "Thymosin Alpha-1", "Thymosin Alpha-1"),
    PageType("stack", "/stack?goal=liver-health", "Stack builder", "Stack builder"),
    PageType("vendors", "/vendors", "Vendors", "Vendors"),
    PageType(
        "compound-vendors",
        "/compounds/thymosin-alpha-1/vendors",
        "Thymosin Alpha-1",
        "Thymosin Alpha-1",
    ),
    PageType("reconstitution", "/tools/reconstitution", "calculator", "calculator", subheadings=()),
    PageType("not-found", "/compounds/no-such-compound", "not found", "not found", status=404),
    PageType("no-such-page", "/no/such/page", "Page not found", "Page not found", status=404),
]
