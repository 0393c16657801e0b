"""What a reader sees on a profile: its sections, FAQs, tier badge, banned badge, redirects."""

from __future__ import annotations

import re

from browser_env import SAMPLE_CONTENT, Site
from playwright.sync_api import Page, expect

from evidex.content.yamlload import split_frontmatter

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
)


def _frontmatter_faq_count(slug: str) -> int:
    """How many FAQs the profile file's frontmatter holds, read from the file itself."""
    path = SAMPLE_CONTENT / "compounds" / f"{slug}.md"
    document = split_frontmatter(path.read_text(encoding="utf-8"), str(path))
    return len(document.meta.data["faqs"])


def test_profile_shows_every_section_and_each_faq(desktop_page: Page, sample_site: Site) -> None:
    desktop_page.goto(sample_site.url("/compounds/thymosin-alpha-1"))
    expect(desktop_page).to_have_title(re.compile(r"^Thymosin Alpha-1 · Evidex$"))
    expect(desktop_page.locator("h1")).to_have_text("Thymosin Alpha-1")
    main = desktop_page.locator("main")
    for section in PROFILE_SECTIONS:
        expect(main.get_by_role("heading", name=section, exact=True).first).to_be_visible()
    expected_faqs = _frontmatter_faq_count("thymosin-alpha-1")
    assert expected_faqs > 0
    expect(desktop_page.locator("details.faq")).to_have_count(expected_faqs)
    # The first answer is open; a closed one opens when its question is clicked.
    last = desktop_page.locator("details.faq").last
    assert last.get_attribute("open") is None
    last.locator("summary").click()
    assert last.get_attribute("open") is not None


def test_tier_badge_reads_tier_3_and_leads_to_the_deep_dive(
    desktop_page: Page, sample_site: Site
) -> None:
    desktop_page.goto(sample_site.url("/compounds/thymosin-alpha-1"))
    badge = desktop_page.locator("a.tier", has_text="Tier 3").first
    expect(badge).to_be_visible()
    expect(badge).to_contain_text("probable efficacy")
    badge.click()
    desktop_page.wait_for_url("**/research/thymosin-alpha-1-liver-health")
    expect(desktop_page.locator("h1")).to_contain_text("Thymosin Alpha-1")


def test_banned_badge_only_where_the_profile_is_banned(
    desktop_page: Page, sample_site: Site
) -> None:
    desktop_page.goto(sample_site.url("/compounds/tb-500"))
    badge = desktop_page.locator("main .badge.banned").first
    expect(badge).to_be_visible()
    expect(badge).to_contain_text("Banned in sport")
    desktop_page.goto(sample_site.url("/compounds/thymosin-alpha-1"))
    expect(desktop_page.locator("main .badge.banned")).to_have_count(0)


def test_other_names_redirect_to_the_canonical_page(desktop_page: Page, sample_site: Site) -> None:
    for name in ("zadaxin", "thymalfasin"):
        response = desktop_page.goto(sample_site.url(f"/compounds/{name}"))
        assert response is not None and response.ok
        assert desktop_page.url == sample_site.url("/compounds/thymosin-alpha-1")
        redirect = response.request.redirected_from
        assert redirect is not None and redirect.url.endswith(f"/compounds/{name}")
        assert redirect.response() is not None and redirect.response().status == 301  # type: ignore[union-attr]


def test_unknown_compound_suggests_close_names(desktop_page: Page, sample_site: Site) -> None:
    response = desktop_page.goto(sample_site.url("/compounds/zadaxn"))
    assert response is not None and response.status == 404
    expect(desktop_page.locator("main")).to_contain_text("Thymosin Alpha-1")
    expect(
        desktop_page.locator("main a[href$='/compounds/thymosin-alpha-1']").first
    ).to_be_visible()


def test_tab_reaches_the_skip_link_first_and_it_moves_focus_to_main(
    desktop_page: Page, sample_site: Site
) -> None:
    desktop_page.goto(sample_site.url("/compounds/thymosin-alpha-1"))
    desktop_page.keyboard.press("Tab")
    focused = desktop_page.evaluate(
        "() => [document.activeElement.className, document.activeElement.textContent]"
    )
    assert "skip" in focused[0] and "Skip to content" in focused[1]
    expect(desktop_page.locator(".skip-link")).to_be_in_viewport()
    desktop_page.keyboard.press("Enter")
    assert desktop_page.evaluate("document.activeElement.id") == "main"
