"""What the browser tests share: where things are, how Chromium is launched, a running site."""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import uvicorn
from playwright.sync_api import Browser, BrowserContext, Page

from evidex.build.pipeline import build
from evidex.web.app import create_app

REPO_ROOT = Path(__file__).resolve().parents[2]
SAMPLE_CONTENT = REPO_ROOT / "content"
HOSTILE_FIXTURES = Path(__file__).resolve().parent / "fixtures" / "hostile"
AXE_SCRIPT = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
SCREENSHOTS = REPO_ROOT / "build" / "screenshots"
SEARCH_SCRIPT = REPO_ROOT / "src" / "evidex" / "web" / "static" / "js" / "search.js"

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "mobile": {"width": 375, "height": 740}}


@dataclass
class Site:
    """A library built into `db_path` and served by uvicorn in a thread at `base_url`."""

    base_url: str
    db_path: Path
    server: uvicorn.Server
    thread: threading.Thread

    def url(self, path: str) -> str:
        return self.base_url + path

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def build_and_serve(content_dir: Path, db_path: Path) -> Site:
    build(content_dir, db_path)
    port = free_port()
    config = uvicorn.Config(
        create_app(db_path), host="127.0.0.1", port=port, log_level="warning", access_log=False
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name=f"uvicorn-{port}", daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"uvicorn did not start on port {port}")
        time.sleep(0.02)
    return Site(f"http://127.0.0.1:{port}", db_path, server, thread)


def new_context(browser: Browser, viewport: str, *, bypass_csp: bool = False) -> BrowserContext:
    """A fresh context at one of the two sizes; `bypass_csp` only for injecting axe-core."""
    size = VIEWPORTS[viewport]
    context = browser.new_context(
        viewport={"width": size["width"], "height": size["height"]},
        is_mobile=viewport == "mobile",
        has_touch=viewport == "mobile",
        bypass_csp=bypass_csp,
    )
    context.set_default_timeout(10_000)
    return context


def screenshot_path(name: str, viewport: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS / f"{name}-{viewport}.png"


def horizontal_overflow(page: Page) -> int:
    """How many pixels the document is wider than the viewport (0 when it fits)."""
    overflow: int = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    return overflow
