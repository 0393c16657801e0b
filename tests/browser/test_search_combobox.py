"""The search box suggests as you type and is usable from the keyboard alone."""

from __future__ import annotations

from browser_env import Site
from playwright.sync_api import Locator, Page, expect


def _type_into(page: Page, box_id: str, text: str) -> tuple[Locator, Locator]:
    """Type into a search box like a person; the box and the listbox it controls."""
    box = page.locator(f"#{box_id}")
    box.click()
    box.press_sequentially(text, delay=30)
    return box, page.locator(f"#{box.get_attribute('aria-controls')}")


def test_typing_suggests_and_arrow_enter_opens_the_first_option(
    page: Page, sample_site: Site
) -> None:
    page.goto(sample_site.url("/"))
    expect(page.locator("#home-search")).to_have_attribute("role", "combobox")
    box, listbox = _type_into(page, "home-search", "sema")
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
    box, listbox = _type_into(page, "site-search", "thym")
    expect(listbox.get_by_role("option").first).to_be_visible()
    box.press("Escape")
    expect(listbox).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")


def test_the_chosen_option_survives_a_later_answer(page: Page, sample_site: Site) -> None:
    page.goto(sample_site.url("/"))
    box, listbox = _type_into(page, "home-search", "sema")
    expect(listbox.get_by_role("option").first).to_contain_text("Semaglutide")
    box.press("ArrowDown")
    with page.expect_response(lambda r: "/api/v1/suggest" in r.url and "semag" in r.url):
        box.press_sequentially("g", delay=30)  # a new answer re-renders the list
    selected = listbox.locator("[aria-selected=true]")
    expect(selected).to_have_count(1)
    expect(selected).to_contain_text("Semaglutide")
    active = box.get_attribute("aria-activedescendant")
    assert active == selected.get_attribute("id")
