"""GET /actors/{id}/relations on a hub actor: each section stops at 50 and says it was cut."""

from __future__ import annotations

from fastapi.testclient import TestClient
from neo4j import Driver

from graph.model import Label, RelType
from graph.settings import GraphSettings
from graph.writes import merge_nodes, merge_relationships


def test_relations_of_a_hub_actor_are_cut_at_50_and_flagged(
    client: TestClient, clean_graph: Driver, settings: GraphSettings
) -> None:
    source = {"id": "src:s", "title": "S", "kind": "report", "source_ids": ["src:s"]}
    hub = {"id": "actor:hub", "name": "Hub", "kind": "state", "source_ids": ["src:s"]}
    clients = [
        {"id": f"actor:c{n:02d}", "name": f"C{n:02d}", "kind": "armed_group", "source_ids": ["src:s"]}
        for n in range(51)
    ]
    backs = [
        {"id": f"backs:hub->c{n:02d}", "start": "actor:hub", "end": f"actor:c{n:02d}", "source_ids": ["src:s"]}
        for n in range(51)
    ]
    with clean_graph.session(database=settings.database) as session:
        session.execute_write(merge_nodes, Label.SOURCE, [source])
        session.execute_write(merge_nodes, Label.ACTOR, [hub, *clients])
        session.execute_write(merge_relationships, RelType.BACKS, Label.ACTOR, Label.ACTOR, backs)

    body = client.get("/actors/actor:hub/relations").json()

    assert body["truncated"] == ["backs"]
    assert [r["actor"]["id"] for r in body["backs"]] == [f"actor:c{n:02d}" for n in range(50)]
    assert body["backers"] == [] and body["events_shared"] == []
