"""Browser fixtures: the API (with /app) on a free port over the seeded test graph, and a real Chromium.

Chromium is the system one ($CKG_CHROMIUM, else `chromium` on PATH; `make test` installs Debian's),
driven by Playwright for Python; Playwright's own browser download is never used. Without a Chromium
the tests fail on CI (CI=true) and are skipped elsewhere, saying how to provide one.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import uvicorn
from neo4j import Driver
from playwright.sync_api import Browser, ConsoleMessage, Page, Playwright, Request, expect, sync_playwright

from api.app import create_app
from api.workbench import WEB_DIST
from graph.settings import GraphSettings
from graph.wipe import wipe_database
from loaders.curated.run import load_curated

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "data" / "seed" / "idlib-2018-2020.yaml"
SCREENSHOTS = Path(__file__).parent / "screenshots"
# Flags for a closed network: no background connections to Google's services, no sandbox as root.
CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 800}
# Generous: the 2-core machines are shared, and a query's first run includes its planning.
expect.set_options(timeout=20_000)
NO_CHROMIUM = (
    "No Chromium: set CKG_CHROMIUM=/path/to/chromium or install Debian's chromium "
    "(`make test` does so with apt-get where it can)."
)


def chromium_path() -> str | None:
    """$CKG_CHROMIUM, else the `chromium` on PATH."""
    return os.environ.get("CKG_CHROMIUM") or shutil.which("chromium")


@pytest.fixture(scope="session")
def chromium_executable() -> str:
    path = chromium_path()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(NO_CHROMIUM)  # a missing browser never passes CI quietly
        pytest.skip(NO_CHROMIUM)
    return path


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright, chromium_executable: str) -> Iterator[Browser]:
    browser = playwright.chromium.launch(executable_path=chromium_executable, args=CHROMIUM_FLAGS)
    yield browser
    browser.close()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def serve_in_thread(settings: GraphSettings) -> Iterator[str]:
    """The real API under uvicorn in a thread; yields its base URL, stops it afterwards."""
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the API did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def seeded_graph(driver: Driver, settings: GraphSettings) -> Driver:
    """The test graph holding exactly the seed story (tests in a module only read it)."""
    wipe_database(driver, settings.database)
    with driver.session(database=settings.database) as session:
        load_curated(SEED, session)
    return driver


@pytest.fixture(scope="module")
def base_url(seeded_graph: Driver, settings: GraphSettings) -> Iterator[str]:
    assert (WEB_DIST / "index.html").is_file(), "web/dist is not built: run `make web` (make test does)"
    yield from serve_in_thread(settings)


@dataclass
class PageLog:
    """What a page said and fetched: console errors/warnings, uncaught errors, request URLs."""

    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def off_origin(self, base_url: str) -> list[str]:
        return [url for url in self.requests if not (url.startswith(base_url) or url.startswith(("data:", "blob:")))]


@pytest.fixture
def page_log() -> PageLog:
    return PageLog()


@pytest.fixture
def page(browser: Browser, base_url: str, page_log: PageLog, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A fresh 1280×800 page; afterwards its screenshot is saved and its console must hold no error."""
    context = browser.new_context(viewport=VIEWPORT, base_url=base_url)
    page = context.new_page()

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            page_log.errors.append(message.text)
        elif message.type == "warning":
            page_log.warnings.append(message.text)

    def on_request(sent: Request) -> None:
        page_log.requests.append(sent.url)

    page.on("console", on_console)
    page.on("pageerror", lambda error: page_log.errors.append(f"uncaught: {error}"))
    page.on("request", on_request)
    yield page
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{re.sub(r'[^A-Za-z0-9_-]+', '_', request.node.name)}.png")
    context.close()
    assert page_log.errors == [], f"console errors: {page_log.errors}"


def wait_for_views(page: Page, timeout: float = 30_000) -> None:
    """Until the timeline, the network and the map have each finished loading."""
    for view in ("timeline", "network", "map"):
        page.wait_for_selector(f"[data-view={view}][data-state=ready]", timeout=timeout)
