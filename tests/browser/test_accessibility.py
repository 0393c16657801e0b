"""axe-core finds no serious or critical accessibility violation on any page type, at either size.

The site's CSP forbids inline script, and Playwright injects a file as an inline <script>, so
the axe runs use their own context with `bypass_csp`; every other browser test keeps the CSP.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from browser_env import AXE_SCRIPT, Site, new_context
from page_types import PAGE_TYPES, PageType
from playwright.sync_api import Browser, BrowserContext, Page

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
BLOCKING_IMPACTS = {"serious", "critical"}


@pytest.fixture(scope="module")
def axe_context(browser: Browser, viewport_name: str) -> Iterator[BrowserContext]:
    context = new_context(browser, viewport_name, bypass_csp=True)
    yield context
    context.close()


@pytest.fixture
def axe_page(axe_context: BrowserContext) -> Iterator[Page]:
    tab = axe_context.new_page()
    yield tab
    tab.close()


def run_axe(page: Page) -> list[dict[str, Any]]:
    page.add_script_tag(path=str(AXE_SCRIPT))
    results: dict[str, Any] = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        AXE_TAGS,
    )
    violations: list[dict[str, Any]] = results["violations"]
    return violations


def describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        targets = [" ".join(node["target"]) for node in violation["nodes"][:3]]
        lines.append(f"{violation['impact']}: {violation['id']} ({violation['help']}) at {targets}")
    return "\n".join(lines)


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=lambda p: p.name)
def test_no_serious_accessibility_violations(
    axe_page: Page, sample_site: Site, page_type: PageType
) -> None:
    axe_page.goto(sample_site.url(page_type.path))
    violations = run_axe(axe_page)
    blocking = [v for v in violations if v["impact"] in BLOCKING_IMPACTS]
    assert not blocking, describe(blocking)


def test_axe_reports_a_planted_violation(axe_page: Page, sample_site: Site) -> None:
    """The harness itself works: an image without alt text and unlabeled input are caught."""
    axe_page.goto(sample_site.url("/about"))
    axe_page.evaluate(
        """() => {
            const img = document.createElement('img');
            img.src = '/static/none.png';
            const input = document.createElement('input');
            document.querySelector('main').append(img, input);
        }"""
    )
    found = {v["id"] for v in run_axe(axe_page) if v["impact"] in BLOCKING_IMPACTS}
    assert {"image-alt", "label"} <= found
