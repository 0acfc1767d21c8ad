"""Fixtures: a real Neo4j test instance (own data and ports), a clean graph per test, an API client.

The test instance is never the one `make run` uses. Set CKG_TEST_NEO4J_URI (+ _USER/_PASSWORD)
to test against an external server instead; its database is wiped between tests.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver
from pydantic import SecretStr

from api.app import create_app
from graph.driver import open_driver
from graph.local.instance import LocalInstance
from graph.migrations import apply_migrations
from graph.settings import GraphSettings
from graph.wipe import wipe_database

# Apps built by tests use the environment's access settings: TestClient sends `Host: testserver`,
# so trust that name too, and require no API key (tests of keys pass their own AccessSettings).
os.environ["CKG_ALLOWED_HOSTS"] = "testserver,localhost,127.0.0.1,::1"
os.environ.pop("CKG_API_KEYS", None)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run `outage` tests (they stop and restart the shared test Neo4j) after all the others."""
    items.sort(key=lambda item: item.get_closest_marker("outage") is not None)


@pytest.fixture(scope="session")
def test_instance() -> Iterator[LocalInstance | None]:
    """The local test instance, started for this run and stopped after it if this run started it."""
    if os.environ.get("CKG_TEST_NEO4J_URI"):
        yield None
        return
    instance = LocalInstance.named(os.environ.get("CKG_TEST_INSTANCE", "test"))
    instance.distribution.install()
    started = instance.start()
    yield instance
    if started and not os.environ.get("CKG_TEST_KEEP_NEO4J"):
        instance.stop()


@pytest.fixture(scope="session")
def settings(test_instance: LocalInstance | None) -> GraphSettings:
    if test_instance is None:
        return GraphSettings(
            uri=os.environ["CKG_TEST_NEO4J_URI"],
            user=os.environ.get("CKG_TEST_NEO4J_USER", "neo4j"),
            password=SecretStr(os.environ.get("CKG_TEST_NEO4J_PASSWORD", "")),
        )
    return test_instance.settings()


@pytest.fixture(scope="session")
def driver(settings: GraphSettings) -> Iterator[Driver]:
    with open_driver(settings) as driver:
        driver.verify_connectivity()  # no skip: a missing server fails the run loudly
        apply_migrations(driver, settings.database)
        yield driver


@pytest.fixture
def clean_graph(driver: Driver, settings: GraphSettings) -> Driver:
    """The driver, after every node and relationship of the test database was deleted."""
    wipe_database(driver, settings.database)
    return driver


@pytest.fixture
def client(settings: GraphSettings, clean_graph: Driver) -> Iterator[TestClient]:
    """An API client on the test database (emptied first); `with` runs the app's lifespan."""
    with TestClient(create_app(settings)) as client:
        yield client


@pytest.fixture
def cli_env(settings: GraphSettings) -> dict[str, str]:
    """Environment for `ckg` subprocesses so they use the test server, never the main one."""
    return {
        **os.environ,
        "NEO4J_URI": settings.uri,
        "NEO4J_USER": settings.user,
        "NEO4J_PASSWORD": settings.password.get_secret_value(),
        "NEO4J_DATABASE": settings.database,
    }
