"""Every parameter is validated: 404 for unknown ids, 422 naming the parameter, 503 when Neo4j is down."""

from __future__ import annotations

import socket
import time

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from api.app import create_app
from graph.settings import GraphSettings


def _unused_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.parametrize(
    ("url", "detail"),
    [
        ("/actors/actor:nobody", "Unknown actor"),
        ("/actors/actor:nobody/relations", "Unknown actor"),
        ("/actors/actor:nobody/timeline", "Unknown actor"),
        ("/events/event:nothing", "Unknown event"),
        ("/statements/stmt:nothing", "Unknown statement"),
        ("/paths?from=actor:nobody&to=actor:turkey", "Unknown node: actor:nobody"),
        ("/paths?from=actor:turkey&to=event:nothing", "Unknown node: event:nothing"),
        ("/accusations?accused=actor:nobody", "Unknown id: no actor with id actor:nobody (parameter `accused`)"),
        ("/accusations/network?accuser=actor:nobody&accused=actor:turkey",
         "Unknown id: no actor with id actor:nobody (parameter `accuser`)"),
        ("/accusations?accuser=actor:a&accuser=actor:russia&accused=actor:b&accused=actor:a",
         ("Unknown id: no actor with id actor:a (parameter `accuser`); no actor with id actor:b, actor:a "
          "(parameter `accused`)")),
        ("/timeline?actor=actor:russia&actor=actor:nobody",
         "Unknown id: no actor with id actor:nobody (parameter `actor`)"),
        ("/timeline?place=actor:russia", "Unknown id: no place with id actor:russia (parameter `place`)"),
        ("/events?place=place:nowhere", "Unknown id: no place with id place:nowhere (parameter `place`)"),
        ("/actors/actor:russia/timeline?actor=actor:nobody",
         "Unknown id: no actor with id actor:nobody (parameter `actor`)"),
        ("/statements?speaker=actor:nobody", "Unknown id: no actor with id actor:nobody (parameter `speaker`)"),
        ("/statements?about=event:nothing",
         "Unknown id: no event or statement with id event:nothing (parameter `about`)"),
    ],
)
def test_api_unknown_id_answers_404_json(seeded_client: TestClient, url: str, detail: str) -> None:
    response = seeded_client.get(url)
    assert response.status_code == 404
    assert response.json() == {"detail": detail}


@pytest.mark.parametrize(
    ("url", "parameter", "message"),
    [
        ("/timeline?start=2020-03&end=2020-02", "start", "start (2020-03) is after end (2020-02)"),
        ("/accusations?start=2020-02-18&end=2020-02-17", "start",
         "start (2020-02-18) is after end (2020-02-17)"),
        ("/statements?start=2021&end=2020", "start", "start (2021) is after end (2020)"),
        ("/timeline?start=2020-13", "start", "impossible date '2020-13': month must be 1..12"),
        ("/timeline?end=2020-02-30", "end", "impossible date '2020-02-30': day is out of range for month"),
        ("/events?start=yesterday", "start", "expected an ISO date: YYYY, YYYY-MM or YYYY-MM-DD"),
        ("/accusations/network?end=17/02/2020", "end", "expected an ISO date: YYYY, YYYY-MM or YYYY-MM-DD"),
        ("/timeline?include=events,rumours", "include", "Input should be 'events', 'statements'"),
        ("/timeline?cursor=bm90LWEtY3Vyc29y", "cursor", "not a cursor from a previous page"),
        ("/actors?cursor=eyJvZmZzZXQiOi0xfQ", "cursor", "not a cursor from a previous page"),  # offset -1
        ("/paths?from=actor:turkey&to=actor:turkey", "to", "`to` must differ from `from`"),
    ],
)
def test_api_custom_checks_answer_422_naming_the_parameter(
    seeded_client: TestClient, url: str, parameter: str, message: str
) -> None:
    response = seeded_client.get(url)
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["loc"] == ["query", parameter]
    assert error["msg"] == message


@pytest.mark.parametrize(
    ("url", "loc", "allowed"),
    [
        ("/timeline?type=bombing", ["query", "type", 0], "'agreement', 'ceasefire'"),
        ("/timeline?stance=lie", ["query", "stance", 0], "'claim', 'accusation'"),
        ("/statements?stance=lie", ["query", "stance", 0], "'claim', 'accusation'"),
        ("/accusations?level=country", ["query", "level"], "'actor' or 'state'"),
        ("/accusations/network?level=country", ["query", "level"], "'actor' or 'state'"),
        ("/actors?kind=nation", ["query", "kind"], "'state', 'government'"),
        ("/timeline?format=csv", ["query", "format"], "'json', 'timelinejs', 'vis' or 'geojson'"),
    ],
)
def test_api_unknown_enum_value_answers_422_listing_allowed_values(
    seeded_client: TestClient, url: str, loc: list[object], allowed: str
) -> None:
    response = seeded_client.get(url)
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["loc"] == loc
    assert allowed in error["msg"]


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/timeline?limit=1001", "limit"),
        ("/events?limit=0", "limit"),
        ("/statements?limit=5000", "limit"),
        ("/accusations?limit=1001", "limit"),
        ("/accusations/network?limit=1001", "limit"),
        ("/actors?limit=1001", "limit"),
        ("/actors/actor:russia/timeline?limit=1001", "limit"),
        ("/paths?from=actor:russia&to=actor:turkey&max_hops=7", "max_hops"),
        ("/paths?from=actor:russia&to=actor:turkey&max_hops=0", "max_hops"),
        ("/paths?to=actor:turkey", "from"),
    ],
)
def test_api_out_of_range_or_missing_parameter_answers_422(
    seeded_client: TestClient, url: str, parameter: str
) -> None:
    response = seeded_client.get(url)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", parameter]


@pytest.mark.parametrize(
    "url",
    [
        "/timeline",
        "/events",
        "/events/event:x",
        "/statements",
        "/statements/stmt:x",
        "/accusations",
        "/accusations/network",
        "/actors",
        "/actors/actor:russia",
        "/actors/actor:russia/relations",
        "/actors/actor:russia/timeline",
        "/paths?from=actor:aleksei-erkhov&to=event:2019-04-syrian-offensive",
        "/export?seed=actor:russia",
    ],
)
def test_api_answers_503_with_retry_after_within_a_second_when_neo4j_is_down(url: str) -> None:
    down = GraphSettings(uri=f"bolt://127.0.0.1:{_unused_port()}", password=SecretStr("irrelevant"))
    with TestClient(create_app(down), raise_server_exceptions=False) as client:
        for attempt in range(3):  # the request that finds the outage, then ones the gate answers
            started = time.monotonic()
            response = client.get(url)
            assert time.monotonic() - started < 1.0, attempt
    assert response.status_code == 503
    assert response.headers["retry-after"] == "10"
    assert response.json() == {"detail": "The graph database is unavailable; try again shortly."}
    assert "Traceback" not in response.text
