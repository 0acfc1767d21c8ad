"""The generic idempotent writers: created / unchanged / updated, no duplicates, no stale copies."""

from __future__ import annotations

import pytest
from neo4j import Driver

from graph.model import Label, RelType
from graph.settings import GraphSettings
from graph.writes import MissingEndpointError, merge_nodes, merge_relationships


def _write(driver: Driver, settings: GraphSettings, work, *args):  # type: ignore[no-untyped-def]
    with driver.session(database=settings.database) as session:
        return session.execute_write(work, *args)


def test_merge_nodes_is_idempotent_and_replaces_changed_properties(
    clean_graph: Driver, settings: GraphSettings
) -> None:
    rows = [{"id": "a1", "name": "Turkey", "source_ids": ["s1"], "note": "old"}]
    assert _write(clean_graph, settings, merge_nodes, Label.ACTOR, rows) == {"created": 1}
    assert _write(clean_graph, settings, merge_nodes, Label.ACTOR, rows) == {"unchanged": 1}
    changed = [{"id": "a1", "name": "Türkiye", "source_ids": ["s1"]}]
    assert _write(clean_graph, settings, merge_nodes, Label.ACTOR, changed) == {"updated": 1}
    records = clean_graph.execute_query(
        "MATCH (a:Actor) RETURN properties(a) AS p", database_=settings.database
    ).records
    assert [r["p"] for r in records] == [{"id": "a1", "name": "Türkiye", "source_ids": ["s1"]}]


def test_merge_relationships_moves_a_relationship_whose_endpoint_changed(
    clean_graph: Driver, settings: GraphSettings
) -> None:
    actors = [{"id": i, "source_ids": ["s"]} for i in ("a", "b", "c")]
    _write(clean_graph, settings, merge_nodes, Label.ACTOR, actors)
    rel = {"id": "r1", "start": "a", "end": "b", "source_ids": ["s"]}
    assert _write(clean_graph, settings, merge_relationships, RelType.BACKS, Label.ACTOR, Label.ACTOR, [rel]) == {"created": 1}
    assert _write(clean_graph, settings, merge_relationships, RelType.BACKS, Label.ACTOR, Label.ACTOR, [rel]) == {"unchanged": 1}
    moved = {**rel, "end": "c"}
    assert _write(clean_graph, settings, merge_relationships, RelType.BACKS, Label.ACTOR, Label.ACTOR, [moved]) == {"updated": 1}
    records = clean_graph.execute_query(
        "MATCH (x)-[r:BACKS]->(y) RETURN x.id AS x, y.id AS y", database_=settings.database
    ).records
    assert [(r["x"], r["y"]) for r in records] == [("a", "c")]


def test_relationship_to_a_missing_node_rolls_the_batch_back(
    clean_graph: Driver, settings: GraphSettings
) -> None:
    _write(clean_graph, settings, merge_nodes, Label.ACTOR, [{"id": "a", "source_ids": ["s"]}])
    rows = [{"id": "r1", "start": "a", "end": "ghost", "source_ids": ["s"]}]
    with pytest.raises(MissingEndpointError):
        _write(clean_graph, settings, merge_relationships, RelType.BACKS, Label.ACTOR, Label.ACTOR, rows)
    count = clean_graph.execute_query("MATCH ()-[r]->() RETURN count(r) AS n", database_=settings.database)
    assert count.records[0]["n"] == 0


def test_endpoints_outside_the_model_are_refused(clean_graph: Driver, settings: GraphSettings) -> None:
    with pytest.raises(ValueError, match="may not link"):
        _write(clean_graph, settings, merge_relationships, RelType.ACCUSES, Label.ACTOR, Label.ACTOR, [])
