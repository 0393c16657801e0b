"""Browser tests: the sample library (and a hostile copy of it) served by uvicorn on loopback,
driven by Debian's Chromium through Playwright.

They fail, never skip, when Chromium is missing: `make browser-deps` installs it.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_env import (
    CHROMIUM,
    CHROMIUM_ARGS,
    HOSTILE_FIXTURES,
    SAMPLE_CONTENT,
    VIEWPORTS,
    Site,
    build_and_serve,
    new_context,
)
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    site = build_and_serve(SAMPLE_CONTENT, tmp_path_factory.mktemp("sample-site") / "evidex.db")
    yield site
    site.stop()


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The sample library plus a profile and an article whose every field carries a payload."""
    folder = tmp_path_factory.mktemp("hostile-site")
    content = folder / "content"
    shutil.copytree(SAMPLE_CONTENT, content)
    for fixture in HOSTILE_FIXTURES.rglob("*.md"):
        shutil.copyfile(fixture, content / fixture.relative_to(HOSTILE_FIXTURES))
    site = build_and_serve(content, folder / "evidex.db")
    yield site
    site.stop()


@pytest.fixture(scope="session")
def playwright_driver() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright_driver: Playwright) -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: run `make browser-deps` (apt-get install chromium)",
            pytrace=False,
        )
    chromium = playwright_driver.chromium.launch(
        executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
    )
    yield chromium
    chromium.close()


@pytest.fixture(scope="session", params=sorted(VIEWPORTS))
def viewport_name(request: pytest.FixtureRequest) -> str:
    name: str = request.param
    return name


@pytest.fixture(scope="session")
def viewport_context(browser: Browser, viewport_name: str) -> Iterator[BrowserContext]:
    context = new_context(browser, viewport_name)
    yield context
    context.close()


@pytest.fixture
def page(viewport_context: BrowserContext) -> Iterator[Page]:
    tab = viewport_context.new_page()
    yield tab
    tab.close()


@pytest.fixture(scope="session")
def desktop_context(browser: Browser) -> Iterator[BrowserContext]:
    context = new_context(browser, "desktop")
    yield context
    context.close()


@pytest.fixture
def desktop_page(desktop_context: BrowserContext) -> Iterator[Page]:
    tab = desktop_context.new_page()
    yield tab
    tab.close()
