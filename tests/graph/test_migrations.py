"""Schema migrations are idempotent and the constraints they create hold."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from neo4j import Driver
from neo4j.exceptions import ConstraintError

from graph.migrations import MIGRATIONS, apply_migrations, backfill_span_classes
from graph.model import Label, RelType
from graph.queries.windows import span_class_expression
from graph.settings import GraphSettings
from schema.dates import span_class


def test_applying_migrations_twice_creates_nothing_the_second_time(
    driver: Driver, settings: GraphSettings
) -> None:
    assert apply_migrations(driver, settings.database) == []
    names = {r["name"] for r in driver.execute_query("SHOW CONSTRAINTS", database_=settings.database).records}
    assert {f"{label.lower()}_id" for label in Label} <= names
    assert {f"rel_{t.lower()}_id" for t in RelType} <= names
    assert len(MIGRATIONS) == len(Label) + len(RelType) + 17
    points = driver.execute_query(
        "SHOW INDEXES YIELD name, type WHERE type = 'POINT' RETURN name ORDER BY name",
        database_=settings.database,
    ).records
    assert [r["name"] for r in points] == ["event_point", "place_point", "statement_point"]


def test_duplicate_actor_id_is_refused(clean_graph: Driver, settings: GraphSettings) -> None:
    clean_graph.execute_query("CREATE (:Actor {id: 'a1'})", database_=settings.database)
    with pytest.raises(ConstraintError):
        clean_graph.execute_query("CREATE (:Actor {id: 'a1'})", database_=settings.database)


def test_span_class_indexes_are_composite_on_class_then_start(
    driver: Driver, settings: GraphSettings
) -> None:
    records = driver.execute_query(
        "SHOW INDEXES YIELD name, labelsOrTypes, properties WHERE name ENDS WITH '_span_date_start' "
        "RETURN name, labelsOrTypes, properties ORDER BY name",
        database_=settings.database,
    ).records
    assert [(r["name"], r["labelsOrTypes"], r["properties"]) for r in records] == [
        ("event_span_date_start", ["Event"], ["date_span_class", "date_start"]),
        ("statement_span_date_start", ["Statement"], ["date_span_class", "date_start"]),
    ]


# Spans in days (date_end - date_start) around every class bound, and over a leap year.
SPANS = [0, 1, 6, 7, 30, 31, 364, 365, 366, 2000]


def test_cypher_span_class_is_the_python_one(driver: Driver, settings: GraphSettings) -> None:
    query = "UNWIND $spans AS days WITH date('2019-06-01') AS start, days RETURN days, " + (
        span_class_expression("start", "start + duration({days: days})") + " AS class"
    )
    records = driver.execute_query(query, spans=SPANS, database_=settings.database).records
    start = date(2019, 6, 1)
    assert {r["days"]: r["class"] for r in records} == {
        days: span_class(start, start + timedelta(days=days)) for days in SPANS
    }
    assert [span_class(start, start + timedelta(days=d)) for d in SPANS] == [0, 1, 1, 2, 2, 3, 3, 3, 4, 4]
    assert span_class(date(2020, 1, 1), date(2020, 12, 31)) == 3  # a leap year is one year


def test_migration_backfills_span_classes_in_batches_once(
    clean_graph: Driver, settings: GraphSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A graph written before span classes: dated items without one, an undated statement.
    clean_graph.execute_query(
        """
        UNWIND range(0, size($spans) - 1) AS n
        WITH n, date('2019-06-01') AS start, $spans[n] AS days
        CREATE (:Event {id: 'event:' + n, date_start: start, date_end: start + duration({days: days})})
        CREATE (:Statement {id: 'stmt:' + n, date_start: start, date_end: start + duration({days: days})})
        """,
        spans=SPANS,
        database_=settings.database,
    )
    clean_graph.execute_query("CREATE (:Statement {id: 'stmt:undated'})", database_=settings.database)
    monkeypatch.setattr("graph.migrations.BACKFILL_BATCH", 3)  # several batches per label
    assert apply_migrations(clean_graph, settings.database) == []
    records = clean_graph.execute_query(
        "MATCH (n) WHERE n:Event OR n:Statement RETURN n.id AS id, n.date_start AS start, "
        "n.date_end AS end, n.date_span_class AS class",
        database_=settings.database,
    ).records
    assert len(records) == 2 * len(SPANS) + 1
    for r in records:
        expected = None if r["start"] is None else span_class(r["start"].to_native(), r["end"].to_native())
        assert r["class"] == expected, r["id"]
    with clean_graph.session(database=settings.database) as session:
        assert backfill_span_classes(session) == 0  # idempotent: nothing left to set
