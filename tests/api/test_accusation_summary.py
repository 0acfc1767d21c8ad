"""/accusations/network from the maintained summary: the graph's answers, and never a stale one."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver, ManagedTransaction

from api.app import create_app
from graph.model import Label, RelType
from graph.queries.accusation_summary import (
    STATE_ID,
    mark_accusations_changed,
    refresh_accusation_summary,
    summary_is_current,
    summary_parameters,
)
from graph.settings import GraphSettings
from graph.wipe import wipe_database
from graph.writes import merge_nodes, merge_relationships
from loaders.curated.run import load_curated
from loaders.providers.aliases import AliasTable
from loaders.providers.run import load_provider
from schema.accusations import AccusationFilter

SEED = Path(__file__).resolve().parents[2] / "data" / "seed" / "idlib-2018-2020.yaml"
GDELT = Path(__file__).resolve().parents[1] / "loaders" / "providers" / "data" / "gdelt_syria_2020.export.CSV"

# Windows on month bounds (the summary answers them) with the filters it applies after summing.
SUMMARY_CASES = [
    {},
    {"level": "state"},
    {"start": "2020-02", "end": "2020-02"},
    {"level": "state", "start": "2019-11"},
    {"start": "2019", "end": "2019"},
    {"end": "2019-12"},
    {"level": "state", "start": "2020-02-01", "end": "2020-03-31"},
    {"accuser": "actor:russia", "level": "state"},
    {"accused": "actor:turkey"},
    {"limit": 2},
    {"format": "cytoscape", "level": "state"},
]


@pytest.fixture(scope="module")
def story(settings: GraphSettings, driver: Driver, tmp_path_factory: pytest.TempPathFactory) -> Driver:
    """The seed plus GDELT's Syria sample (its accusations name the seed's states)."""
    wipe_database(driver, settings.database)
    with driver.session(database=settings.database) as session:
        load_curated(SEED, session)
    copy = tmp_path_factory.mktemp("gdelt") / GDELT.name
    copy.write_bytes(GDELT.read_bytes())
    load_provider(driver, settings.database, copy, "gdelt", aliases=AliasTable.load())
    return driver


@pytest.fixture(scope="module")
def story_client(settings: GraphSettings, story: Driver) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as client:
        yield client


def _run(driver: Driver, settings: GraphSettings, work: object) -> object:
    with driver.session(database=settings.database) as session:
        return session.execute_write(work)  # type: ignore[arg-type]


def _current(driver: Driver, settings: GraphSettings) -> bool:
    with driver.session(database=settings.database) as session:
        return session.execute_read(summary_is_current)


def _networks(client: TestClient) -> list[object]:
    answers = []
    for params in SUMMARY_CASES:
        response = client.get("/accusations/network", params=params)
        assert response.status_code == 200, response.text
        answers.append(response.json())
    return answers


def test_loads_leave_the_summary_current(story: Driver, settings: GraphSettings) -> None:
    assert _current(story, settings)
    buckets = story.execute_query(
        "MATCH (b:AccusationSummary) RETURN b.level AS level, count(*) AS n ORDER BY level",
        database_=settings.database,
    ).records
    assert [(r["level"], r["n"] > 0) for r in buckets] == [("actor", True), ("state", True)]
    states = story.execute_query(
        "MATCH (s:AccusationSummaryState) RETURN s.id AS id, s.stale AS stale", database_=settings.database
    ).records
    assert [(r["id"], r["stale"]) for r in states] == [(STATE_ID, False)]


def test_the_summary_answers_as_the_graph_does(
    story_client: TestClient, story: Driver, settings: GraphSettings
) -> None:
    from_summary = _networks(story_client)
    # GDELT's accusations are in it: more edges than the seed's seven.
    assert len(from_summary[0]["edges"]) > 7
    _run(story, settings, mark_accusations_changed)
    assert not _current(story, settings)
    assert _networks(story_client) == from_summary  # stale: every answer read from the graph
    assert _run(story, settings, refresh_accusation_summary) is not None
    assert _current(story, settings)
    assert _networks(story_client) == from_summary


def test_the_summary_is_what_answers_when_current(
    story_client: TestClient, story: Driver, settings: GraphSettings
) -> None:
    """A bucket changed behind the loaders' back shows: the answer came from the buckets."""
    assert _current(story, settings)
    before = story_client.get("/accusations/network").json()
    story.execute_query(
        "MATCH (b:AccusationSummary {level: 'actor'}) SET b.accusations = b.accusations + 1000",
        database_=settings.database,
    )
    doctored = story_client.get("/accusations/network").json()
    assert [e["id"] for e in doctored["edges"]] == [e["id"] for e in before["edges"]]
    assert all(
        new["accusation_count"] >= old["accusation_count"] + 1000
        for new, old in zip(doctored["edges"], before["edges"], strict=True)
    )
    _run(story, settings, mark_accusations_changed)
    assert story_client.get("/accusations/network").json() == before  # stale: read from the graph
    _run(story, settings, refresh_accusation_summary)
    assert story_client.get("/accusations/network").json() == before


@pytest.mark.parametrize(
    "filters",
    [
        AccusationFilter(charge="violating"),
        AccusationFilter(place_id="place:idlib"),
        AccusationFilter(datasets=["gdelt"]),
        AccusationFilter.model_validate({"window_start": "2020-02-10", "window_end": "2020-02-29"}),
        AccusationFilter.model_validate({"window_start": "2020-02-01", "window_end": "2020-02-20"}),
    ],
)
def test_filters_that_look_inside_statements_read_the_graph(filters: AccusationFilter) -> None:
    assert summary_parameters(filters, by_incident=False) is None


def test_incident_counts_read_the_graph() -> None:
    assert summary_parameters(AccusationFilter(), by_incident=True) is None
    assert summary_parameters(AccusationFilter(), by_incident=False) is not None


def _write_accusation(tx: ManagedTransaction) -> None:
    """Turkey accuses Russia, written as any loader writes: through the generic writers."""
    day = date(2020, 2, 15)
    statement = {"id": "stmt:summary-test", "summary": "Turkey accuses Russia", "date": "2020-02-15",
                 "date_start": day, "date_end": day, "date_precision": "day"}
    merge_nodes(tx, Label.STATEMENT, [statement])
    merge_relationships(tx, RelType.MADE, Label.ACTOR, Label.STATEMENT,
                        [{"id": "made:summary-test", "start": "actor:turkey", "end": "stmt:summary-test"}])
    merge_relationships(tx, RelType.ACCUSES, Label.STATEMENT, Label.ACTOR,
                        [{"id": "accuses:summary-test", "start": "stmt:summary-test", "end": "actor:russia",
                          "charge": "testing"}])


def test_a_write_is_seen_before_any_refresh(
    story_client: TestClient, story: Driver, settings: GraphSettings
) -> None:
    """A loader's write marks the summary stale: the network sees it at once (as after a load cut short)."""
    before = story_client.get("/accusations/network").json()
    assert _current(story, settings)
    _run(story, settings, _write_accusation)
    assert not _current(story, settings)
    edge = next(e for e in story_client.get("/accusations/network").json()["edges"]
                if e["id"] == "actor:turkey->actor:russia")
    assert "stmt:summary-test" in edge["statements"]
    _run(story, settings, refresh_accusation_summary)
    assert _current(story, settings)
    assert story_client.get("/accusations/network").json() != before
    story.execute_query("MATCH (s:Statement {id: 'stmt:summary-test'}) DETACH DELETE s", database_=settings.database)
    _run(story, settings, mark_accusations_changed)
    _run(story, settings, refresh_accusation_summary)
    assert story_client.get("/accusations/network").json() == before


def test_a_mark_waits_for_a_rebuild_and_lands_after_it(story: Driver, settings: GraphSettings) -> None:
    """A writer committing during a rebuild leaves the summary stale, never current without its write."""
    _run(story, settings, mark_accusations_changed)
    marked = threading.Event()
    with story.session(database=settings.database) as rebuilding:
        tx = rebuilding.begin_transaction()
        assert refresh_accusation_summary(tx) is not None  # holds the state node's lock

        def writer() -> None:
            _run(story, settings, mark_accusations_changed)
            marked.set()

        thread = threading.Thread(target=writer)
        thread.start()
        assert not marked.wait(1.0)  # the writer waits for the rebuild's lock
        tx.commit()
    thread.join(10)
    assert marked.is_set()
    assert not _current(story, settings)
    _run(story, settings, refresh_accusation_summary)
    assert _current(story, settings)


def test_a_graph_without_accusations_gets_no_summary(clean_graph: Driver, settings: GraphSettings) -> None:
    assert _run(clean_graph, settings, refresh_accusation_summary) is None
    count = clean_graph.execute_query(
        "MATCH (n) WHERE n:AccusationSummary OR n:AccusationSummaryState RETURN count(n) AS n",
        database_=settings.database,
    ).records[0]["n"]
    assert count == 0
