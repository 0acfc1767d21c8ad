"""An API that wants a key (`CKG_API_KEYS`): the workbench asks for it once (on the first 401), keeps it
for the tab and sends it as a Bearer token. Data endpoints need the key; /app, /docs and /openapi.json
do not (api/security.py).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import httpx
import pytest
import uvicorn
from neo4j import Driver
from playwright.sync_api import Page, Request, expect

from api.app import create_app
from api.security import AccessSettings
from graph.settings import GraphSettings
from tests.browser.conftest import PageLog, _free_port, wait_for_views

KEY = "analyst-key-1"


@pytest.fixture(scope="module")
def base_url(seeded_graph: Driver, settings: GraphSettings) -> Iterator[str]:
    app = create_app(settings, access=AccessSettings(api_keys=KEY))
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def test_workbench_asks_for_the_key_once_and_sends_it(page: Page, page_log: PageLog, base_url: str) -> None:
    authorized: list[str] = []

    def on_request(sent: Request) -> None:
        if "/timeline" in sent.url and sent.headers.get("authorization") == f"Bearer {KEY}":
            authorized.append(sent.url)

    page.on("request", on_request)
    items = httpx.get(f"{base_url}/timeline?limit=1000", headers={"X-API-Key": KEY}, timeout=30).json()["items"]
    page.goto("/app/")
    dialog = page.get_by_role("dialog", name="This API needs a key")
    expect(dialog).to_be_visible()
    dialog.get_by_label("API key").fill(KEY)
    dialog.get_by_role("button", name="Use key").click()
    wait_for_views(page)
    assert authorized, "the timeline was not fetched with the key"
    assert page.evaluate("sessionStorage.getItem('conflictkg.api-key')") == KEY
    expect(page.locator("#timeline")).to_have_attribute("data-count", str(len(items)))

    page.reload()  # same tab: the key is kept, no second question
    wait_for_views(page)
    expect(dialog).to_be_hidden()
    # The browser logs the 401s that came before the key; nothing else may be in the console.
    assert [e for e in page_log.errors if "status of 401" not in e] == []
    page_log.errors.clear()
