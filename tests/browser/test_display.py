"""Rules about what a reader sees that only a browser can check: the forest plot fits a phone
with legible text, a profile's key facts are above the fold, the stack answer takes focus,
and the API reference and the 404 page carry the site's header."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from browser_env import Site
from playwright.sync_api import Browser, Page

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=PHONE, device_scale_factor=1)
    tab = context.new_page()
    yield tab
    context.close()


def test_the_forest_plot_fits_a_phone_with_text_of_at_least_eleven_pixels(
    phone: Page, sample_site: Site
) -> None:
    phone.goto(sample_site.url("/compounds/thymosin-alpha-1/evidence"))
    plot = phone.locator("figure.forest svg:visible").first
    box = plot.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    smallest = phone.evaluate(
        """(svg) => {
            const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            const sizes = [...svg.querySelectorAll('text')].map(
                (t) => parseFloat(t.getAttribute('font-size') || svg.getAttribute('font-size')));
            return Math.min(...sizes) * scale;
        }""",
        plot.element_handle(),
    )
    assert smallest >= 10.5, f"smallest label renders at {smallest:.1f}px"
    assert "favours interferon-alpha" in plot.inner_html()


def test_a_profile_s_key_facts_are_above_the_fold_on_a_phone(
    phone: Page, sample_site: Site
) -> None:
    phone.goto(sample_site.url("/compounds/tesamorelin"))
    facts = phone.locator(".key-list").bounding_box()
    assert facts is not None and facts["y"] + facts["height"] <= PHONE["height"]
    for label in ("Evidence", "Prescription", "Approved", "In sport"):
        assert phone.locator(".key-list dt", has_text=label).is_visible(), label


def test_building_a_stack_moves_focus_to_the_answer(phone: Page, sample_site: Site) -> None:
    phone.goto(sample_site.url("/stack"))
    assert phone.get_by_label("Pregnant", exact=True).count() == 1
    phone.get_by_label("Sleep", exact=True).check()
    phone.get_by_role("button", name="Build my stack").click()
    phone.wait_for_load_state("load")
    phone.wait_for_function("document.activeElement && document.activeElement.id")
    assert phone.evaluate("document.activeElement.id") == "stack-result"
    answer = phone.locator("#stack-result").bounding_box()
    assert answer is not None and -1 <= answer["y"] < PHONE["height"]


def test_api_reference_and_unknown_pages_carry_the_site_header(
    phone: Page, sample_site: Site
) -> None:
    phone.goto(sample_site.url("/docs"))
    assert phone.locator(".site-header .brand").is_visible()
    assert phone.locator("h1").first.inner_text() == "API reference"
    response = phone.goto(sample_site.url("/no/such/page"))
    assert response is not None and response.status == 404
    assert phone.locator("h1").first.inner_text() == "Page not found"
    assert phone.locator(".site-header .brand").is_visible()
    assert phone.get_by_role("link", name="Browse all compounds").is_visible()
