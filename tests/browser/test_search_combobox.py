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


def test_the_chosen_option_survives_a_later_answer(page: Page, sample_site: Site) -> None:
    page.goto(sample_site.url("/"))
    box = page.locator("#home-search")
    box.click()
    box.press_sequentially("sema", delay=30)
    listbox = page.locator(f"#{box.get_attribute('aria-controls')}")
    expect(listbox.get_by_role("option").first).to_contain_text("Semaglutide")
    box.press("ArrowDown")
    with page.expect_response(lambda r: "/api/v1/suggest" in r.url and "semag" in r.url):
        box.press_sequentially("g", delay=30)  # a new answer re-renders the list
    selected = listbox.locator("[aria-selected=true]")
    expect(selected).to_have_count(1)
    expect(selected).to_contain_text("Semaglutide")
    active = box.get_attribute("aria-activedescendant")
    assert active == selected.get_attribute("id")
