"""The `dataset` filter of /timeline, /events, /accusations and the network: provider loads and
curated files, repeatable or comma-separated, and a 422 for a name the graph does not know."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from api.app import create_app
from graph.settings import GraphSettings
from graph.wipe import wipe_database
from loaders.curated.run import load_curated
from loaders.providers.aliases import DEFAULT_ALIASES, AliasTable
from loaders.providers.run import load_provider
from tests.api.conftest import SEED
from tests.loaders.providers.conftest import DATA

SEED_ID = "idlib-2018-2020"
PROVIDER_FILES = (("acled_syria_2020.csv", "acled"), ("gdelt_syria_2020.export.CSV", "gdelt"))
# What each dataset wrote, read straight from the graph (the properties the loaders set); undated
# statements are never on a timeline.
ITEMS_OF = """
MATCH (n) WHERE (n:Event OR n:Statement) AND n.date_start IS NOT NULL
  AND (n.dataset = $dataset OR $dataset IN coalesce(n.asserted_by, []))
RETURN collect(n.id) AS ids
"""


@pytest.fixture(scope="module")
def mixed_client(settings: GraphSettings, driver: Driver, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """The seed story plus ACLED and GDELT rows about it."""
    wipe_database(driver, settings.database)
    with driver.session(database=settings.database) as session:
        load_curated(SEED, session)
    folder = tmp_path_factory.mktemp("providers")  # loads write rejects beside their input
    for name, provider in PROVIDER_FILES:
        shutil.copy(DATA / name, folder / name)
        load_provider(driver, settings.database, folder / name, provider,
                      aliases=AliasTable.load(DEFAULT_ALIASES), batch_size=5000)
    with TestClient(create_app(settings)) as client:
        yield client


@pytest.fixture(scope="module")
def written(mixed_client: TestClient, driver: Driver, settings: GraphSettings) -> dict[str, set[str]]:
    """The dated event and statement ids each dataset wrote."""
    return {
        dataset: set(driver.execute_query(ITEMS_OF, dataset=dataset, database_=settings.database)
                     .records[0]["ids"])
        for dataset in ("acled", "gdelt", SEED_ID)
    }


def _ids(client: TestClient, path: str, **params: object) -> set[str]:
    response = client.get(path, params={"limit": 1000, **params})
    assert response.status_code == 200, response.text
    return {item["id"] for item in response.json()["items"]}


def test_each_dataset_gives_exactly_its_own_items(mixed_client: TestClient, written: dict[str, set[str]]) -> None:
    assert all(written.values()), written  # each dataset wrote something to tell apart
    everything = _ids(mixed_client, "/timeline")
    assert everything == set().union(*written.values())
    for dataset, ids in written.items():
        assert _ids(mixed_client, "/timeline", dataset=dataset) == ids, dataset


def test_collapsed_pages_keep_to_the_datasets(mixed_client: TestClient, written: dict[str, set[str]]) -> None:
    # collapse=incidents walks its own query (graph/queries/timeline_collapsed.py): same filter.
    for path in ("/timeline", "/events"):
        collapsed = _ids(mixed_client, path, dataset="acled", collapse="incidents", limit=200)
        assert collapsed and collapsed <= written["acled"], path


def test_several_datasets_repeated_or_comma_separated_mean_any_of_them(
    mixed_client: TestClient, written: dict[str, set[str]]
) -> None:
    both = written["acled"] | written[SEED_ID]
    assert _ids(mixed_client, "/timeline", dataset=["acled", SEED_ID]) == both
    assert _ids(mixed_client, "/timeline", dataset=f"acled, {SEED_ID}") == both
    assert _ids(mixed_client, "/timeline", dataset=["acled,gdelt", "acled"]) == written["acled"] | written["gdelt"]


def test_events_take_the_dataset_filter(mixed_client: TestClient, written: dict[str, set[str]]) -> None:
    acled_events = _ids(mixed_client, "/events", dataset="acled")
    assert acled_events == written["acled"] and all(i.startswith("acled:") for i in acled_events)
    seed_events = _ids(mixed_client, "/events", dataset=SEED_ID)
    assert seed_events and seed_events <= written[SEED_ID]
    assert not seed_events & _ids(mixed_client, "/timeline", include="statements")


def test_a_known_provider_with_nothing_loaded_is_an_empty_answer(mixed_client: TestClient) -> None:
    assert _ids(mixed_client, "/timeline", dataset="ucdp") == set()


def test_accusations_and_the_network_keep_to_the_datasets(mixed_client: TestClient, written: dict[str, set[str]]) -> None:
    seed_rows = mixed_client.get("/accusations", params={"limit": 1000, "dataset": SEED_ID}).json()["items"]
    assert seed_rows and {row["statement"]["id"] for row in seed_rows} <= written[SEED_ID]
    everything = mixed_client.get("/accusations", params={"limit": 1000}).json()["items"]
    assert len(seed_rows) == sum(row["statement"]["id"] in written[SEED_ID] for row in everything)
    assert mixed_client.get("/accusations", params={"dataset": "acled"}).json()["items"] == []  # ACLED states nothing

    network = mixed_client.get("/accusations/network", params={"dataset": SEED_ID}).json()
    statements = {s for edge in network["edges"] for s in edge["statements"]}
    assert statements and statements <= written[SEED_ID]
    assert mixed_client.get("/accusations/network", params={"dataset": "acled"}).json()["edges"] == []


@pytest.mark.parametrize("path", ["/timeline", "/events", "/accusations", "/accusations/network", "/actors/actor:russia/timeline"])
@pytest.mark.parametrize("value", ["nope", "acled,nope", "ACLED", "src:acled"])
def test_an_unknown_dataset_is_a_422_naming_the_known_ones(mixed_client: TestClient, path: str, value: str) -> None:
    response = mixed_client.get(path, params={"dataset": value})
    assert response.status_code == 422, response.text
    (problem,) = response.json()["detail"]
    assert problem["loc"] == ["query", "dataset"]
    assert problem["input"] == value.split(",")[-1]
    assert "acled" in problem["msg"] and SEED_ID in problem["msg"]
