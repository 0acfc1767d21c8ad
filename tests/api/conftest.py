"""API fixtures: a client on the test database holding exactly the seed story."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from api.app import create_app
from graph.settings import GraphSettings
from graph.wipe import wipe_database
from loaders.curated.run import load_curated

SEED = Path(__file__).resolve().parents[2] / "data" / "seed" / "idlib-2018-2020.yaml"
EVIDENCE = Path(__file__).parent / "data" / "evidence.yaml"


def _client_on(dataset: Path, settings: GraphSettings, driver: Driver) -> Iterator[TestClient]:
    wipe_database(driver, settings.database)
    with driver.session(database=settings.database) as session:
        load_curated(dataset, session)
    with TestClient(create_app(settings)) as client:
        yield client


@pytest.fixture(scope="module")
def seeded_client(settings: GraphSettings, driver: Driver) -> Iterator[TestClient]:
    """A client on the emptied test database with the seed loaded once per module (tests only read)."""
    yield from _client_on(SEED, settings, driver)


@pytest.fixture(scope="module")
def evidence_client(settings: GraphSettings, driver: Driver) -> Iterator[TestClient]:
    """Like seeded_client, with only tests/api/data/evidence.yaml (never mix the two in a module)."""
    yield from _client_on(EVIDENCE, settings, driver)
