"""/app in a real Chromium on the seed story: what an analyst sees and does, at 1280×800."""

from __future__ import annotations

import os
import re
import shutil
from urllib.parse import parse_qs, urlparse

import httpx
from playwright.sync_api import Page, expect

from tests.browser.conftest import REPO, SCREENSHOTS, PageLog, wait_for_views

FEBRUARY = "/app/?start=2020-02&end=2020-02"


def api(base_url: str, path: str) -> dict:
    response = httpx.get(f"{base_url}{path}", timeout=30)
    assert response.status_code == 200, response.text
    return response.json()


def test_timeline_shows_february_2020_in_date_order(page: Page, base_url: str) -> None:
    expected = api(base_url, "/timeline?start=2020-02&end=2020-02&limit=1000")["items"]
    page.goto(FEBRUARY)
    wait_for_views(page)
    timeline = page.locator("#timeline")
    expect(timeline).to_have_attribute("data-count", str(len(expected)))

    # Drawn: every item that starts in the window sits at or right of the one before it.
    starts_in_window = [i for i in expected if i["date"]["start"] >= "2020-02-01"]
    boxes = {}
    for item in starts_in_window:
        element = timeline.locator(".vis-item.vis-range, .vis-item.vis-point").filter(has_text=item["title"]).first
        box = element.bounding_box()
        assert box is not None, f"{item['id']} is not drawn"
        boxes[item["id"]] = box["x"]
    xs = [boxes[item["id"]] for item in starts_in_window]
    assert xs == sorted(xs), "items are not drawn in date order"
    # A month is a range over the whole month drawn as approximate; a known day is a point.
    month = timeline.locator(".vis-item").filter(has_text="Four Russian military specialists killed")
    expect(month).to_have_class(re.compile(r"vis-range.*precision-month approximate"))
    day = timeline.locator(".vis-item").filter(has_text="Erdoğan: “final warnings”")
    expect(day).to_have_class(re.compile(r"vis-point.*precision-day"))

    # Listed (the keyboard view): the API's order, dates in words by precision.
    page.get_by_role("button", name="List").first.click()
    listed = timeline.locator(".item-list button")
    assert listed.evaluate_all("els => els.map(e => e.dataset.id)") == [i["id"] for i in expected]
    first_month = next(i for i in expected if i["id"] == "event:2020-02-russian-specialists-killed")
    entry = timeline.locator(f'.item-list button[data-id="{first_month["id"]}"]')
    expect(entry.locator(".item-date")).to_have_text("February 2020")
    expect(timeline.locator('.item-list button[data-id="event:2020-02-17-moscow-talks"] .item-date')).to_have_text(
        "17–18 February 2020"
    )


def test_network_shows_the_mutual_russia_turkey_edge_and_its_statements(page: Page, base_url: str) -> None:
    page.goto("/app/")
    wait_for_views(page)
    network = page.locator("#network")
    expect(network).to_have_attribute("data-mutual", "Russia↔Turkey")
    assert network.locator("canvas").count() > 0
    network.get_by_role("button", name="List").click()
    there = network.locator('tr[data-source="actor:russia"][data-target="actor:turkey"]')
    back = network.locator('tr[data-source="actor:turkey"][data-target="actor:russia"]')
    expect(there).to_have_attribute("data-mutual", "true")
    expect(back).to_have_attribute("data-mutual", "true")
    expect(there.locator("td").nth(2)).to_have_text("4")

    there.get_by_role("button", name="Read").click()
    details = page.locator(".details")
    expect(details).to_have_attribute("data-state", "ready")
    expect(details.locator("h2")).to_have_text("Russia → Turkey")
    statements = details.locator("ol.accusations > li")
    expect(statements).to_have_count(4)
    expect(details.locator("blockquote").filter(has_text="Erkhov blamed Turkey for escalating tensions")).to_have_count(1)
    assert "show=edge" in page.url


def test_choosing_russia_filters_the_timeline_network_and_map_together(page: Page, base_url: str) -> None:
    everything = api(base_url, "/timeline?limit=1000")["items"]
    russia = api(base_url, "/timeline?actor=actor:russia&include_affiliates=true&limit=1000")["items"]
    assert 0 < len(russia) < len(everything)
    page.goto("/app/")
    wait_for_views(page)
    timeline = page.locator("#timeline")
    expect(timeline).to_have_attribute("data-count", str(len(everything)))

    # With the keyboard: type, arrow to the suggestion, Enter.
    search = page.get_by_role("combobox", name="Filter by actor")
    search.focus()
    page.keyboard.type("Russia")
    expect(page.get_by_role("option").first).to_contain_text("Russia")
    page.keyboard.press("Enter")

    expect(timeline).to_have_attribute("data-count", str(len(russia)))
    wait_for_views(page)
    page.get_by_role("button", name="List").first.click()
    listed = timeline.locator(".item-list button").evaluate_all("els => els.map(e => e.dataset.id)")
    assert listed == [item["id"] for item in russia]
    assert "stmt:lowcock-horrifying-new-level" not in listed
    assert parse_qs(urlparse(page.url).query)["actor"] == ["actor:russia"]
    expect(page.locator(".chip")).to_have_text("Russia×")
    expect(page.locator(".details h2")).to_have_text("Russia")  # the panel follows the choice
    page.locator("#network").get_by_role("button", name="List").click()
    expect(page.locator('#network .edge-list button[aria-pressed="true"]').first).to_have_text("Russia")
    # The actor's accusations open on demand in the panel.
    page.locator(".details summary").filter(has_text="Accusations").click()
    expect(page.locator(".details .relations")).to_contain_text("accused Turkey")


def test_map_draws_the_world_offline_and_says_what_it_places(page: Page, page_log: PageLog, base_url: str) -> None:
    page.goto("/app/")
    wait_for_views(page)
    map_view = page.locator("#map")
    expect(map_view).to_have_attribute("data-outline", "drawn")
    assert map_view.locator(".leaflet-overlay-pane canvas, .leaflet-overlay-pane svg").count() > 0
    expect(map_view.locator(".view-status")).to_contain_text("placed event")
    assert page_log.off_origin(base_url) == [], "the map fetched something from elsewhere (tiles?)"


def test_side_panel_shows_quotes_sources_and_verdicts_and_the_path_finder_joins_nodes(
    page: Page, base_url: str
) -> None:
    page.goto(FEBRUARY)
    wait_for_views(page)
    page.get_by_role("button", name="List").first.click()
    item = page.locator('#timeline .item-list button[data-id="stmt:erkhov-blames-turkey"]')
    item.focus()
    page.keyboard.press("Enter")
    details = page.locator(".details")
    expect(details).to_have_attribute("data-selected", "stmt:erkhov-blames-turkey")
    expect(details.locator("h2")).to_have_text("Erkhov blames Turkey for the escalation in northwest Syria")
    expect(details.locator(".date")).to_have_text("February 2020")
    expect(details.locator(".verdict")).to_have_text("Misleading")
    expect(details.locator("blockquote").first).to_contain_text("Sputnik")
    expect(details.locator(".sources li").first).to_contain_text("Polygraph.info")

    details.get_by_role("button", name="Path from here").click()
    details.get_by_role("button", name="Escalation of Russian–Turkish tensions in northwest Syria").click()
    expect(details).to_have_attribute("data-selected", "event:2019-2020-idlib-escalation")
    expect(details.locator(".date")).to_have_text("April 2019 – February 2020")
    details.get_by_role("button", name="Path to here").click()
    paths = page.locator(".path-result ol.paths > li")
    expect(paths.first).to_contain_text("Erkhov blames Turkey")
    expect(paths.first).to_contain_text("about")


def test_a_link_reproduces_the_view(page: Page, base_url: str) -> None:
    page.goto(FEBRUARY + "&actor=actor:turkey&level=actor&show=statement:stmt:erdogan-final-warnings&q=Idlib")
    wait_for_views(page)
    expect(page.get_by_label("From (2020, 2020-02…)")).to_have_value("2020-02")
    expect(page.get_by_label("Text (/)")).to_have_value("Idlib")
    expect(page.get_by_label("Network level")).to_have_value("actor")
    expect(page.locator(".details")).to_have_attribute("data-selected", "stmt:erdogan-final-warnings")
    expected = api(base_url, "/timeline?start=2020-02&end=2020-02&actor=actor:turkey&q=Idlib&limit=1000")["items"]
    expect(page.locator("#timeline")).to_have_attribute("data-count", str(len(expected)))

    page.keyboard.press("Escape")  # closes the panel, and the URL follows
    expect(page.locator(".details")).to_have_attribute("data-state", "empty")
    assert "show=" not in page.url


def test_export_this_view_downloads_the_chosen_actor_in_the_chosen_format(page: Page, base_url: str) -> None:
    page.goto("/app/?actor=actor:russia&start=2020-02&end=2020-02")
    wait_for_views(page)
    page.get_by_label("Export format").select_option("graphml")
    link = page.get_by_role("link", name="Export this view")
    link.hover()
    href = link.get_attribute("href")
    assert href is not None
    query = parse_qs(urlparse(href).query)
    assert query["format"] == ["graphml"] and query["seed"] == ["actor:russia"]
    assert (query["start"], query["end"]) == (["2020-02-01"], ["2020-02-29"])
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename.endswith(".graphml")
    assert "<graphml" in open(download.value.path(), encoding="utf-8").read(2000)


def test_the_console_stays_clean_through_a_session(page: Page, page_log: PageLog, base_url: str) -> None:
    page.goto("/app/")
    wait_for_views(page)
    page.get_by_label("From (2020, 2020-02…)").fill("2020-02")
    page.get_by_label("From (2020, 2020-02…)").press("Enter")
    page.get_by_role("button", name="Zoom the timeline in").click()
    page.get_by_role("button", name="Later").click()
    page.get_by_label("Network level").select_option("actor")
    wait_for_views(page)
    page.get_by_label("From (2020, 2020-02…)").fill("2020-02-30")
    page.get_by_label("From (2020, 2020-02…)").press("Enter")
    expect(page.get_by_label("From (2020, 2020-02…)")).to_have_attribute("aria-invalid", "true")
    assert page_log.errors == [] and page_log.warnings == [], (page_log.errors, page_log.warnings)
    assert page_log.off_origin(base_url) == []


def test_readable_at_1280_by_800(page: Page, base_url: str) -> None:
    page.goto("/app/?start=2020-02&end=2020-02&show=statement:stmt:erkhov-blames-turkey")
    wait_for_views(page)
    expect(page.locator(".details")).to_have_attribute("data-state", "ready")
    page.wait_for_timeout(300)  # the network's layout settles
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    assert page.evaluate("document.documentElement.scrollHeight") <= 800
    for view in ("#timeline", "#network", "#map", "#panel"):
        box = page.locator(view).bounding_box()
        assert box and box["width"] >= 300 and box["height"] >= 250, (view, box)
    # The README's picture of the workbench, refreshed on request.
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "workbench.png")
    if os.environ.get("CKG_UPDATE_README_SCREENSHOT"):
        shutil.copyfile(SCREENSHOTS / "workbench.png", REPO / "docs" / "workbench.png")
