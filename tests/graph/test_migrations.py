"""Schema migrations are idempotent and the constraints they create hold."""

from __future__ import annotations

import pytest
from neo4j import Driver
from neo4j.exceptions import ConstraintError

from graph.migrations import MIGRATIONS, apply_migrations
from graph.model import Label, RelType
from graph.settings import GraphSettings


def test_applying_migrations_twice_creates_nothing_the_second_time(
    driver: Driver, settings: GraphSettings
) -> None:
    assert apply_migrations(driver, settings.database) == []
    names = {r["name"] for r in driver.execute_query("SHOW CONSTRAINTS", database_=settings.database).records}
    assert {f"{label.lower()}_id" for label in Label} <= names
    assert {f"rel_{t.lower()}_id" for t in RelType} <= names
    assert len(MIGRATIONS) == len(Label) + len(RelType) + 14
    points = driver.execute_query(
        "SHOW INDEXES YIELD name, type WHERE type = 'POINT' RETURN name ORDER BY name",
        database_=settings.database,
    ).records
    assert [r["name"] for r in points] == ["event_point", "place_point", "statement_point"]


def test_duplicate_actor_id_is_refused(clean_graph: Driver, settings: GraphSettings) -> None:
    clean_graph.execute_query("CREATE (:Actor {id: 'a1'})", database_=settings.database)
    with pytest.raises(ConstraintError):
        clean_graph.execute_query("CREATE (:Actor {id: 'a1'})", database_=settings.database)
