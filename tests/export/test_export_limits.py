"""Exports are bounded: a concurrency limit (429 + Retry-After) and an element cap for in-memory formats."""

from __future__ import annotations

from fastapi.testclient import TestClient
from neo4j import Driver

from api.routes.export import get_export_settings, get_export_slots
from api.slots import Slots
from graph.export.settings import ExportSettings

ERKHOV = "actor:aleksei-erkhov"


def test_an_export_beyond_the_concurrency_limit_answers_429(small_graph: Driver, export_client: TestClient) -> None:
    slots = Slots(1)
    export_client.app.dependency_overrides[get_export_slots] = lambda: slots
    running = slots.try_take()  # another export holds the only slot
    assert running is not None
    busy = export_client.get("/export", params={"seed": ERKHOV, "format": "jsonld"})
    assert busy.status_code == 429
    assert busy.headers["retry-after"] == "1"
    assert "CKG_EXPORT_MAX_CONCURRENT" in busy.json()["detail"]
    running.release()
    assert export_client.get("/export", params={"seed": ERKHOV, "format": "jsonld"}).status_code == 200


def test_every_export_gives_its_slot_back(small_graph: Driver, export_client: TestClient) -> None:
    slots = Slots(1)
    export_client.app.dependency_overrides[get_export_slots] = lambda: slots
    for params, status in [
        ({"seed": ERKHOV, "format": "graphml"}, 200),  # streamed to the end
        ({"seed": "actor:nobody"}, 404),
        ({"seed": ERKHOV, "depth": 9}, 422),
        ({"seed": ERKHOV, "format": "gexf"}, 200),
    ]:
        assert export_client.get("/export", params=params).status_code == status
        slot = slots.try_take()
        assert slot is not None, params
        slot.release()


def test_in_memory_formats_are_capped_by_nodes_plus_relationships(
    small_graph: Driver, export_client: TestClient
) -> None:
    export_client.app.dependency_overrides[get_export_settings] = lambda: ExportSettings(
        max_elements_in_memory=6
    )
    for streamed in ("json", "jsonld", "turtle"):
        assert export_client.get("/export", params={"seed": ERKHOV, "format": streamed}).status_code == 200
    for in_memory in ("graphml", "gexf"):
        response = export_client.get("/export", params={"seed": ERKHOV, "format": in_memory})
        assert response.status_code == 413
        assert "allows 6" in response.json()["detail"]
        assert "nodes and relationships" in response.json()["detail"]
