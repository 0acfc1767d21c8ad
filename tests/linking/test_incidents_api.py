"""The incident API: an event's incident and other reports, /incidents/{id}, collapse=incidents."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from api.app import create_app
from graph.settings import GraphSettings

from .conftest import labelled_incidents


@pytest.fixture
def linked_client(
    load_fixtures: Callable[..., object], clean_graph: Driver, settings: GraphSettings
) -> Iterator[TestClient]:
    load_fixtures()
    with TestClient(create_app(settings)) as client:
        yield client


def test_an_event_shows_its_incident_and_the_other_reports(linked_client: TestClient) -> None:
    body = linked_client.get("/events/acled:SYR100001").json()
    incident = body["incident"]
    assert incident["id"] == "incident:acled:SYR100001"
    assert incident["fatalities"] == {"low": 33, "high": 36}
    assert incident["link"]["matched_with"] == "gdelt:900101"
    others = {report["id"]: report for report in incident["other_reports"]}
    assert set(others) == {"ucdp:300002", "gdelt:900101", "gdelt:900102", "gdelt:900103"}
    ucdp = others["ucdp:300002"]
    assert (ucdp["dataset"], ucdp["fatalities_best"], ucdp["fatalities_low"], ucdp["fatalities_high"]) == (
        "ucdp", 34, 33, 36
    )
    assert ucdp["title"].startswith("State-based violence: Government of Turkey")
    assert ucdp["link"]["score"] > 0 and ucdp["link"]["reasons"][0].startswith("acled:SYR100001: score")
    alone = linked_client.get("/events/acled:SYR100030").json()
    assert alone["incident"] is None and alone["contends_for"] == []


def test_get_incident_lists_every_report_side_by_side(linked_client: TestClient) -> None:
    body = linked_client.get("/incidents/incident:acled:SYR100001").json()
    assert [(r["dataset"], r["id"]) for r in body["reports"]] == [
        ("acled", "acled:SYR100001"),
        ("gdelt", "gdelt:900101"),
        ("gdelt", "gdelt:900102"),
        ("gdelt", "gdelt:900103"),
        ("ucdp", "ucdp:300002"),
    ]
    assert (body["report_count"], body["time_window_days"], body["space_window_km"]) == (5, 1, 5.0)
    assert body["date"] == {"text": "2020-02-27", "start": "2020-02-27", "end": "2020-02-27", "precision": "day"}
    assert {s["id"] for s in body["sources"]} == {"src:acled", "src:gdelt", "src:ucdp-ged"}
    missing = linked_client.get("/incidents/incident:nope")
    assert (missing.status_code, missing.json()) == (404, {"detail": "Unknown incident"})


def _all_pages(client: TestClient, path: str, **params: object) -> list[dict[str, object]]:
    items, cursor = [], None
    while True:
        response = client.get(path, params={**params, **({"cursor": cursor} if cursor else {})})
        assert response.status_code == 200, response.text
        page = response.json()
        items += page["items"]
        cursor = page["next_cursor"]
        if cursor is None:
            return items


def test_collapse_gives_one_item_per_incident_across_pages(linked_client: TestClient) -> None:
    rows = _all_pages(linked_client, "/timeline", limit=1000)
    collapsed = _all_pages(linked_client, "/timeline", collapse="incidents", limit=2)
    incidents = [item for item in collapsed if item["kind"] == "incident"]
    linked = {report for incident in labelled_incidents() for report in incident}
    assert len(incidents) == len(labelled_incidents())
    assert len(collapsed) == len(rows) - len(linked) + len(incidents)
    assert len({item["id"] for item in collapsed}) == len(collapsed)  # each incident once
    balyun = next(item for item in incidents if item["id"] == "incident:acled:SYR100001")
    assert balyun["fatalities"] == {"low": 33, "high": 36} and len(balyun["reports"]) == 5
    assert balyun["fatalities_best"] is None and balyun["type"] == "airstrike"
    starts = [item["date"]["start"] for item in collapsed]
    assert starts == sorted(starts)


def test_collapse_respects_filters_and_counts_incidents_on_events(linked_client: TestClient) -> None:
    events = _all_pages(linked_client, "/events", collapse="incidents", start="2020-02-27", end="2020-02-28")
    assert [item["id"] for item in events if item["kind"] == "incident"] == ["incident:acled:SYR100001"]
    # The incident appears when only one of its reports matches the filters.
    ucdp_only = linked_client.get(
        "/events",
        params={"collapse": "incidents", "q": "Government of Turkey", "start": "2020-02", "end": "2020-02"},
    ).json()["items"]
    assert [item["id"] for item in ucdp_only] == ["incident:acled:SYR100001"]
    bad = linked_client.get("/events", params={"collapse": "rows"})
    assert bad.status_code == 422 and bad.json()["detail"][0]["loc"] == ["query", "collapse"]


def test_accusation_network_counts_incidents_not_rows(linked_client: TestClient) -> None:
    def edge(**params: str) -> dict[str, object]:
        (only,) = linked_client.get("/accusations/network", params=params).json()["edges"]
        return dict(only)

    # Four GDELT rows: three articles of one accusation, and the same charge six days later.
    plain, collapsed = edge(), edge(collapse="incidents")
    assert (plain["statement_count"], plain["incident_count"]) == (4, None)
    assert (collapsed["statement_count"], collapsed["incident_count"]) == (4, 2)
