"""The map places provider events (ACLED rows with coordinates) and its box filters the other views."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import httpx
import pytest
from neo4j import Driver
from playwright.sync_api import Page, expect

from graph.settings import GraphSettings
from loaders.providers.aliases import DEFAULT_ALIASES, AliasTable
from loaders.providers.run import load_provider
from tests.browser.conftest import serve_in_thread, wait_for_views

ACLED = Path(__file__).resolve().parents[1] / "loaders" / "providers" / "data" / "acled_syria_2020.csv"


@pytest.fixture(scope="module")
def base_url(seeded_graph: Driver, settings: GraphSettings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The seed plus ACLED's Idlib rows (latitude/longitude columns) behind a live API."""
    copy = tmp_path_factory.mktemp("acled") / ACLED.name  # loads write rejects/progress beside the file
    copy.write_bytes(ACLED.read_bytes())
    load_provider(seeded_graph, settings.database, copy, "acled",
                  aliases=AliasTable.load(DEFAULT_ALIASES), batch_size=5000)
    yield from serve_in_thread(settings)


def _geojson_supported(base_url: str) -> bool:
    document = httpx.get(f"{base_url}/openapi.json", timeout=30).json()
    parameters = document["paths"]["/events"]["get"].get("parameters", [])
    return any(p["name"] == "format" and "geojson" in str(p.get("schema")) + str(document["components"])
               for p in parameters)


def test_map_shows_placed_events_and_its_box_filters_the_timeline(page: Page, base_url: str) -> None:
    if not _geojson_supported(base_url):
        # GeoJSON is the geography branch's work; once merged this runs in full (no marker to remove).
        pytest.xfail("/events?format=geojson is not in this API yet (geography issue)")
    placed = httpx.get(f"{base_url}/events?format=geojson&limit=1000", timeout=30).json()["features"]
    placed = [f for f in placed if f.get("geometry")]
    assert placed, "the ACLED rows have coordinates"
    page.goto("/app/")
    wait_for_views(page)
    map_view = page.locator("#map")
    expect(map_view).to_have_attribute("data-count", str(len(placed)))
    expect(map_view.locator(".view-status")).to_contain_text(f"{len(placed)} placed event")
    assert map_view.locator(".leaflet-overlay-pane canvas, .marker-cluster").count() > 0

    everything = int(page.locator("#timeline").get_attribute("data-count") or 0)
    map_view.get_by_role("button", name="Filter by map area").click()
    expect(page.locator("#timeline")).not_to_have_attribute("data-count", str(everything))
    assert "bbox" in parse_qs(urlparse(page.url).query)
