"""The search box suggests as you type and is usable from the keyboard alone."""

from __future__ import annotations

from browser_env import Site
from playwright.sync_api import Page, expect


def test_typing_suggests_and_arrow_enter_opens_the_first_option(
    page: Page, sample_site: Site
) -> None:
    page.goto(sample_site.url("/"))
    box = page.locator("#home-search")
    expect(box).to_have_attribute("role", "combobox")
    box.click()
    box.press_sequentially("sema", delay=30)
    listbox = page.locator(f"#{box.get_attribute('aria-controls')}")
    expect(listbox).to_be_visible()
    options = listbox.get_by_role("option")
    expect(options.first).to_contain_text("Semaglutide")
    expect(box).to_have_attribute("aria-expanded", "true")
    box.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    assert active and page.locator(f"#{active}").get_attribute("aria-selected") == "true"
    box.press("Enter")
    page.wait_for_url("**/compounds/semaglutide")
    expect(page.locator("h1")).to_have_text("Semaglutide")


def test_escape_closes_the_suggestions(page: Page, sample_site: Site) -> None:
    page.goto(sample_site.url("/compounds"))
    box = page.locator("#site-search")
    box.click()
    box.press_sequentially("thym", delay=30)
    listbox = page.locator(f"#{box.get_attribute('aria-controls')}")
    expect(listbox.get_by_role("option").first).to_be_visible()
    box.press("Escape")
    expect(listbox).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")
