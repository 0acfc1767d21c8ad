"""Date windows read by span class: every item whose range overlaps the window, and nothing else,
in timeline order, page by page, as the single date_start seek returned them (issue 13)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from api.app import create_app
from graph.model import Label
from graph.queries.timeline import Plan, run_timeline, timeline_query
from graph.settings import GraphSettings
from graph.writes import merge_nodes
from schema.timeline import TimelineFilter

# February 2020 is the window: (id, first day, last day, precision, overlaps it).
ITEMS = [
    ("event:decades", "2000-01-01", "2020-03-31", "month", True),  # unbounded class, from long ago
    ("event:decades-ended", "2000-01-01", "2020-01-31", "month", False),
    ("event:year-ends-on-start", "2019-02-01", "2020-02-01", "day", True),  # 365 days: a year
    ("event:year-ended", "2019-01-01", "2019-12-31", "year", False),
    ("event:year-into", "2019-03-01", "2020-02-29", "year", True),
    ("event:month-ends-on-start", "2020-01-02", "2020-02-01", "day", True),  # 30 days: a month
    ("event:month-ended", "2020-01-01", "2020-01-31", "month", False),
    ("event:eight-days-ends-on-start", "2020-01-25", "2020-02-01", "day", True),  # a month's class
    ("event:week-into", "2020-01-27", "2020-02-02", "week", True),  # 6 days: a week
    ("event:week-ended", "2020-01-25", "2020-01-31", "week", False),
    ("event:two-days-ends-on-start", "2020-01-31", "2020-02-01", "day", True),
    ("event:day-before", "2020-01-31", "2020-01-31", "day", False),
    ("event:first-day", "2020-02-01", "2020-02-01", "day", True),
    ("event:in-month", "2020-02-01", "2020-02-29", "month", True),
    ("event:last-day", "2020-02-29", "2020-02-29", "day", True),
    ("event:runs-on", "2020-02-29", "2021-06-30", "day", True),
    ("event:day-after", "2020-03-01", "2020-03-01", "day", False),
    ("stmt:decades", "1990-01-01", "2020-12-31", "year", True),
    ("stmt:week-ends-on-start", "2020-01-26", "2020-02-01", "week", True),
    ("stmt:month-ended", "2020-01-01", "2020-01-31", "month", False),
    ("stmt:day", "2020-02-17", "2020-02-17", "day", True),
    ("stmt:after", "2020-03-02", "2020-03-02", "day", False),
]
IN_FEBRUARY = {item[0] for item in ITEMS if item[4]}


def _row(item_id: str, first: str, last: str, precision: str) -> dict[str, Any]:
    start, end = date.fromisoformat(first), date.fromisoformat(last)
    return {
        "id": item_id, "source_ids": ["src:test"], "title": item_id, "summary": item_id,
        "date": first if start == end else f"{first}/{last}", "date_start": start, "date_end": end,
        "date_precision": precision,
    }


@pytest.fixture(scope="module")
def window_client(settings: GraphSettings, driver: Driver) -> Iterator[TestClient]:
    """A client on the emptied test database holding ITEMS (written by the generic writer)."""
    driver.execute_query("MATCH (n) DETACH DELETE n", database_=settings.database)
    rows = {Label.EVENT: [], Label.STATEMENT: []}  # type: dict[Label, list[dict[str, Any]]]
    for item_id, first, last, precision, _ in ITEMS:
        label = Label.EVENT if item_id.startswith("event:") else Label.STATEMENT
        rows[label].append(_row(item_id, first, last, precision))
    with driver.session(database=settings.database) as session:
        for label, batch in rows.items():
            session.execute_write(merge_nodes, label, batch)
    with TestClient(create_app(settings)) as client:
        yield client


def _pages(client: TestClient, path: str, **params: Any) -> list[str]:
    """Every item id of every page, following next_cursor."""
    ids: list[str] = []
    cursor = None
    while True:
        response = client.get(path, params={**params, **({"cursor": cursor} if cursor else {})})
        assert response.status_code == 200, response.text
        ids += [item["id"] for item in response.json()["items"]]
        cursor = response.json()["next_cursor"]
        if cursor is None:
            return ids


def _single_seek(driver: Driver, settings: GraphSettings, window: TimelineFilter) -> list[str]:
    """The timeline as the one date_start seek from the first day (the plan before span classes)."""

    def dates_only(plans: tuple[tuple[str, Plan], ...]) -> str:
        return timeline_query(tuple((label, Plan.DATES) for label, _ in plans))

    with driver.session(database=settings.database) as session:
        records = session.execute_read(
            lambda tx: run_timeline(tx, dates_only, filters=window, after=None, limit=1000)
        )
    return [record["item"]["id"] for record in records]


@pytest.mark.parametrize("limit", [1, 2, 3, 100])
def test_window_finds_every_overlapping_item_in_order_page_by_page(
    window_client: TestClient, driver: Driver, settings: GraphSettings, limit: int
) -> None:
    paged = _pages(window_client, "/timeline", start="2020-02", end="2020-02", limit=limit)
    assert set(paged) == IN_FEBRUARY and len(paged) == len(IN_FEBRUARY)
    window = TimelineFilter(window_start=date(2020, 2, 1), window_end=date(2020, 2, 29))
    assert paged == _single_seek(driver, settings, window)
    assert paged[:3] == ["stmt:decades", "event:decades", "event:year-ends-on-start"]


@pytest.mark.parametrize(
    ("start", "end"), [("2020-02-01", None), ("2019-06", "2020-01"), ("2020-02-29", "2020-03-01")]
)
def test_other_windows_equal_the_single_seek(
    window_client: TestClient, driver: Driver, settings: GraphSettings, start: str, end: str | None
) -> None:
    params = {"start": start, **({"end": end} if end else {})}
    paged = _pages(window_client, "/timeline", **params, limit=2)
    first = date.fromisoformat(start) if len(start) == 10 else date.fromisoformat(start + "-01")
    last = None if end is None else {"2020-01": date(2020, 1, 31), "2020-03-01": date(2020, 3, 1)}[end]
    assert paged == _single_seek(driver, settings, TimelineFilter(window_start=first, window_end=last))
    assert paged  # each window holds items


def test_statements_and_events_windows_read_by_span_class(window_client: TestClient) -> None:
    statements = _pages(window_client, "/statements", start="2020-02", end="2020-02", limit=1)
    assert statements == ["stmt:decades", "stmt:week-ends-on-start", "stmt:day"]
    events = _pages(window_client, "/events", start="2020-02", end="2020-02", limit=2)
    assert set(events) == {i for i in IN_FEBRUARY if i.startswith("event:")}


def test_window_before_the_first_day_bounds(window_client: TestClient) -> None:
    # A window starting on 0001-01-01: no class's lower bound can go before the first day.
    ids = _pages(window_client, "/timeline", start="0001-01-01", end="1995", limit=50)
    assert ids == ["stmt:decades"]
