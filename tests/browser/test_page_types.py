"""Every page type loads at desktop and phone sizes, reads right, fits the screen and is saved
as a screenshot under build/screenshots/."""

from __future__ import annotations

import pytest
from browser_env import Site, horizontal_overflow, screenshot_path
from page_types import PAGE_TYPES, PageType
from playwright.sync_api import Page


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=lambda p: p.name)
def test_page_reads_right_and_fits(
    page: Page, viewport_name: str, sample_site: Site, page_type: PageType
) -> None:
    response = page.goto(sample_site.url(page_type.path))
    assert response is not None
    assert response.status == page_type.status
    page.screenshot(path=str(screenshot_path(page_type.name, viewport_name)), full_page=True)
    assert page_type.title in page.title()
    heading = page.locator("h1").first
    assert heading.is_visible()
    assert page_type.heading.lower() in heading.inner_text().lower()
    for subheading in page_type.subheadings:
        assert page.locator("h2", has_text=subheading).first.is_visible(), subheading
    # Nothing is wider than the screen: a reader on a phone never scrolls sideways.
    overflow = horizontal_overflow(page)
    assert overflow <= 1, f"{page_type.path} is {overflow}px wider than the viewport"
