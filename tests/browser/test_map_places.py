"""The map places provider events (ACLED rows with coordinates) and its box filters the other views."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from urllib.parse import parse_qs, urlparse

import httpx
import pytest
from neo4j import Driver
from playwright.sync_api import Page, expect

from graph.settings import GraphSettings
from tests.browser.conftest import ACLED, serve_seed_with_acled, wait_for_views


@pytest.fixture(scope="module")
def base_url(seeded_graph: Driver, settings: GraphSettings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from serve_seed_with_acled(seeded_graph, settings, tmp_path_factory.mktemp("acled"))


def _acled_rows() -> dict[str, dict[str, str]]:
    """The file's rows by the id the loader gives them (`acled:<event_id_cnty>`)."""
    with ACLED.open(encoding="utf-8-sig", newline="") as rows:
        return {f"acled:{row['event_id_cnty']}": row for row in csv.DictReader(rows)}


def test_map_shows_placed_events_and_its_box_filters_the_timeline(page: Page, base_url: str) -> None:
    features = httpx.get(f"{base_url}/events?format=geojson&limit=1000", timeout=30).json()["features"]
    placed = [f for f in features if f.get("geometry")]
    by_id = {f["id"]: f for f in placed}
    rows = _acled_rows()
    assert rows and set(rows) <= set(by_id), "every ACLED row is a placed event"
    for event_id, row in rows.items():
        longitude, latitude = by_id[event_id]["geometry"]["coordinates"]
        assert (latitude, longitude) == (float(row["latitude"]), float(row["longitude"]))
        assert by_id[event_id]["properties"]["place"], f"{event_id} has no place"
    # A provider's spelling joins the seed's place of that name (ACLED "Saraqab" is the seed's Saraqib).
    names = {rows[i]["location"]: by_id[i]["properties"]["place"]["name"] for i in rows}
    assert names["Saraqab"] == "Saraqib"
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
