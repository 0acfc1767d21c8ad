"""/docs and /redoc render in Chromium with nothing fetched from elsewhere (issue 11, item 2)."""

from __future__ import annotations

import re

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import PageLog


def _external_assets(base_url: str, path: str) -> list[str]:
    html = httpx.get(f"{base_url}{path}", timeout=30).text
    return re.findall(r'(?:src|href)=["\'](https?://[^"\']+)', html)


def _expect_local(base_url: str, path: str) -> None:
    external = _external_assets(base_url, path)
    if external:
        # The offline docs are another branch's work; until it is merged this test says so, and once
        # they are merged it runs in full (no marker to remove).
        pytest.xfail(f"{path} still loads {external} from a CDN (issue 11 item 2: offline docs)")


def test_docs_render_offline(page: Page, page_log: PageLog, base_url: str) -> None:
    _expect_local(base_url, "/docs")
    page.goto("/docs")
    expect(page.locator(".swagger-ui .opblock").first).to_be_visible()
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("conflictkg")
    assert page_log.off_origin(base_url) == []


# ReDoc's bundle draws a "Redocly" logo from its CDN in the sidebar: known, and reported to the lead.
REDOC_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg"


def test_redoc_renders_offline(page: Page, page_log: PageLog, base_url: str) -> None:
    _expect_local(base_url, "/redoc")
    page.goto("/redoc")
    expect(page.locator(".api-content h1").first).to_contain_text("conflictkg")
    elsewhere = page_log.off_origin(base_url)
    if elsewhere == [REDOC_LOGO]:
        # The page renders; only the logo's failed fetch (and its console line) remain to be fixed.
        page_log.errors[:] = [e for e in page_log.errors if "ERR_NAME_NOT_RESOLVED" not in e]
        pytest.xfail(f"/redoc renders, but ReDoc fetches {REDOC_LOGO} (issue 11 item 2)")
    assert elsewhere == []
