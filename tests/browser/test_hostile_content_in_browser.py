"""A profile and an article built to run script cannot: no payload sets `window.__pwned`, no
dialog opens, and none of their markup survives into the page, with or without the CSP."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from browser_env import Site, new_context
from playwright.sync_api import Browser, BrowserContext, Dialog, Page

HOSTILE_PAGES = [
    "/compounds/hostile-peptide",
    "/compounds/hostile-peptide/evidence",
    "/research/hostile-peptide-liver-health",
    "/goals/liver-health",
    "/compounds",
    "/",
    "/search?q=hostile",
]
# Elements and attributes no sanitised content may carry.
DANGEROUS_SELECTOR = (
    "main script:not([type='application/ld+json']), main iframe, main object, main embed, "
    "main form[action^='javascript'], main svg script, main math, "
    "main [onclick], main [onmouseover], main [onload], main [ontoggle], main [onerror], "
    "a[href^='javascript' i], a[href^='data:' i], [src^='javascript' i]"
)
# Fire the events an inline handler would wait for on every element a reader could touch.
POKE_EVERYTHING = """() => {
    for (const node of document.querySelectorAll('main *')) {
        for (const type of ['mouseover', 'mouseenter', 'focus', 'toggle']) {
            node.dispatchEvent(new Event(type, {bubbles: true}));
        }
        if (!node.closest('a, button, form')) node.dispatchEvent(new MouseEvent('click', {bubbles: true}));
    }
}"""


@pytest.fixture(scope="module", params=["with-csp", "csp-bypassed"])
def hostile_context(browser: Browser, request: pytest.FixtureRequest) -> Iterator[BrowserContext]:
    """With the CSP bypassed, only the sanitiser stands between the payloads and the page."""
    context = new_context(browser, "desktop", bypass_csp=request.param == "csp-bypassed")
    yield context
    context.close()


@pytest.fixture
def hostile_page(hostile_context: BrowserContext) -> Iterator[Page]:
    tab = hostile_context.new_page()
    yield tab
    tab.close()


@pytest.mark.parametrize("path", HOSTILE_PAGES)
def test_no_payload_runs(hostile_page: Page, hostile_site: Site, path: str) -> None:
    dialogs: list[str] = []

    def record(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    hostile_page.on("dialog", record)
    response = hostile_page.goto(hostile_site.url(path))
    assert response is not None and response.status == 200
    assert hostile_page.locator("main").inner_text()  # the page itself rendered
    hostile_page.evaluate(POKE_EVERYTHING)
    hostile_page.wait_for_timeout(50)
    assert hostile_page.evaluate("typeof window.__pwned") == "undefined"
    assert hostile_page.evaluate("typeof parent.__pwned") == "undefined"
    assert dialogs == []
    leftovers = hostile_page.locator(DANGEROUS_SELECTOR).evaluate_all(
        "nodes => nodes.map(n => n.outerHTML.slice(0, 120))"
    )
    assert leftovers == []


def test_hostile_profile_text_is_shown_as_text(hostile_page: Page, hostile_site: Site) -> None:
    """The title's markup is escaped, not dropped silently: a reader sees it as characters."""
    hostile_page.goto(hostile_site.url("/compounds/hostile-peptide"))
    heading = hostile_page.locator("h1").inner_text()
    assert heading.startswith("Hostile Peptide")
    assert hostile_page.frames == [hostile_page.main_frame]
