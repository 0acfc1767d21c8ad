"""/docs and /redoc render in Chromium and every request they make stays on the API's origin."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.browser.conftest import PageLog


def _assert_same_origin(page_log: PageLog, base_url: str, page_url: str) -> None:
    assert page_log.requests, "the browser recorded no request"
    assert f"{base_url}{page_url}" in page_log.requests
    assert f"{base_url}/openapi.json" in page_log.requests  # the page did load the API's schema
    assert page_log.off_origin(base_url) == [], "fetched from another origin"


def test_docs_render_offline(page: Page, page_log: PageLog, base_url: str) -> None:
    page.goto("/docs")
    expect(page.locator(".swagger-ui .opblock").first).to_be_visible()
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("conflictkg")
    page.wait_for_load_state("networkidle")
    _assert_same_origin(page_log, base_url, "/docs")


def test_redoc_renders_offline(page: Page, page_log: PageLog, base_url: str) -> None:
    page.goto("/redoc")
    expect(page.locator(".api-content h1").first).to_contain_text("conflictkg")
    # The sidebar's "API docs by Redocly" link is where the bundle drew a logo from its CDN.
    expect(page.get_by_role("link", name="API docs by Redocly")).to_be_attached()
    page.wait_for_load_state("networkidle")
    _assert_same_origin(page_log, base_url, "/redoc")
