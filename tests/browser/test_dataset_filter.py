"""The filter bar's dataset field: the API filters (`dataset=`), and timeline and map follow it."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from urllib.parse import parse_qs, urlparse

import httpx
import pytest
from neo4j import Driver
from playwright.sync_api import Page, expect

from graph.settings import GraphSettings
from tests.browser.conftest import PageLog, serve_seed_with_acled, wait_for_views

SEED_ID = "idlib-2018-2020"


@pytest.fixture(scope="module")
def base_url(seeded_graph: Driver, settings: GraphSettings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from serve_seed_with_acled(seeded_graph, settings, tmp_path_factory.mktemp("acled"))


def _timeline_ids(base_url: str, query: str) -> list[str]:
    response = httpx.get(f"{base_url}/timeline?limit=1000&{query}", timeout=30)
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["items"]]


def _asked_with(page_log: PageLog, path: str, dataset: str) -> bool:
    return any(urlparse(url).path == path and parse_qs(urlparse(url).query).get("dataset") == [dataset]
               for url in page_log.requests)


def _wait_until(page: Page, condition: Callable[[], bool], seconds: float = 15) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the page never did it"
        page.wait_for_timeout(100)


def test_choosing_a_dataset_asks_the_api_and_every_view_follows(page: Page, page_log: PageLog, base_url: str) -> None:
    everything = _timeline_ids(base_url, "")
    acled = _timeline_ids(base_url, "dataset=acled")
    seed = _timeline_ids(base_url, f"dataset={SEED_ID}")
    assert acled and all(i.startswith("acled:") for i in acled)
    assert seed and len(acled) + len(seed) == len(everything)

    page.goto("/app/")
    wait_for_views(page)
    timeline, map_view = page.locator("#timeline"), page.locator("#map")
    expect(timeline).to_have_attribute("data-count", str(len(everything)))

    field = page.get_by_label("Dataset")
    expect(field).to_be_enabled()  # the API declares `dataset`, so the workbench offers it
    field.fill("acled")
    field.press("Enter")
    expect(timeline).to_have_attribute("data-count", str(len(acled)))
    expect(map_view).to_have_attribute("data-count", str(len(acled)))  # every ACLED row has a point
    assert parse_qs(urlparse(page.url).query)["dataset"] == ["acled"]
    assert _asked_with(page_log, "/timeline", "acled") and _asked_with(page_log, "/events", "acled")
    # The network view refetches on its own schedule (after the timeline and map have drawn).
    _wait_until(page, lambda: _asked_with(page_log, "/accusations/network", "acled"))

    field.fill(SEED_ID)
    field.press("Enter")
    expect(timeline).to_have_attribute("data-count", str(len(seed)))
    assert _asked_with(page_log, "/timeline", SEED_ID)
