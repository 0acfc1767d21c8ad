"""GET /export: selection by seeds, depth, window and types; limits and errors; headers."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient
from neo4j import Driver

from api.routes.export import get_export_settings
from graph.export.settings import ExportSettings
from tests.export.readers import read_json

ERKHOV = "actor:aleksei-erkhov"
DEPTH_1 = {ERKHOV, "actor:russia", "stmt:erkhov-blames-turkey", "src:a", "src:b"}
DEPTH_2 = DEPTH_1 | {
    "actor:turkey", "actor:polygraph-info", "event:2020-02-17-strike", "event:2019-04-offensive", "src:c",
}


def _export(client: TestClient, **params: object) -> tuple[set[str], set[str]]:
    response = client.get("/export", params={"format": "json", **params})
    assert response.status_code == 200, response.text
    nodes, rels = read_json(response.content)
    return set(nodes), set(rels)


def test_export_depth_one_keeps_neighbours_and_their_sources(small_graph: Driver, export_client: TestClient) -> None:
    nodes, rels = _export(export_client, seed=ERKHOV, depth=1)
    assert nodes == DEPTH_1
    assert rels == {
        "made:actor:aleksei-erkhov->stmt:erkhov-blames-turkey",
        "affiliated_with:actor:aleksei-erkhov->actor:russia:represents",
    }


def test_export_depth_two_adds_cited_sources_transitively(small_graph: Driver, export_client: TestClient) -> None:
    nodes, rels = _export(export_client, seed=ERKHOV, depth=2)
    assert nodes == DEPTH_2  # src:c is cited by the offensive, and attested by src:a
    assert len(rels) == 10
    assert "cites:src:a->src:c" in rels and "published_by:src:b->actor:polygraph-info" in rels


def test_export_time_window_drops_dated_elements_outside_it(small_graph: Driver, export_client: TestClient) -> None:
    nodes, rels = _export(export_client, seed=ERKHOV, depth=2, start="2020-01-01")
    assert nodes == DEPTH_2 - {"event:2019-04-offensive", "src:c"}
    assert "participated_in:actor:russia->event:2019-04-offensive:supporter" not in rels


def test_export_node_types_limit_hops_but_keep_provenance(small_graph: Driver, export_client: TestClient) -> None:
    nodes, rels = _export(export_client, seed=ERKHOV, depth=2, node_types="Actor")
    assert nodes == {ERKHOV, "actor:russia", "src:a", "src:b"}
    assert rels == {"affiliated_with:actor:aleksei-erkhov->actor:russia:represents"}


def test_export_rel_types_limit_hops_and_relationships(small_graph: Driver, export_client: TestClient) -> None:
    nodes, rels = _export(
        export_client, seed="event:2020-02-17-strike", depth=2, rel_types="PARTICIPATED_IN"
    )
    assert nodes == {
        "event:2020-02-17-strike", "actor:russia", "actor:turkey", "event:2019-04-offensive",
        "src:a", "src:b", "src:c",
    }
    assert {rel.split(":")[0] for rel in rels} == {"participated_in"} and len(rels) == 3


def test_export_over_cap_answers_413_with_count(small_graph: Driver, export_client: TestClient) -> None:
    export_client.app.dependency_overrides[get_export_settings] = lambda: ExportSettings(max_nodes=4)
    response = export_client.get("/export", params={"seed": ERKHOV, "depth": 1})
    assert response.status_code == 413
    body = response.json()
    assert (body["node_count"], body["max_nodes"]) == (5, 4)
    assert "depth" in body["hint"] and body["detail"]


def test_export_depth_four_is_422(small_graph: Driver, export_client: TestClient) -> None:
    response = export_client.get("/export", params={"seed": ERKHOV, "depth": 4})
    assert response.status_code == 422


def test_export_unknown_seed_is_404_naming_it(small_graph: Driver, export_client: TestClient) -> None:
    response = export_client.get("/export", params={"seed": [ERKHOV, "actor:nobody"]})
    assert response.status_code == 404
    assert response.json()["unknown"] == ["actor:nobody"]


def test_export_without_seed_or_with_unknown_type_is_422(small_graph: Driver, export_client: TestClient) -> None:
    assert export_client.get("/export", params={"format": "json"}).status_code == 422
    assert export_client.get("/export", params={"seed": ERKHOV, "node_types": "Person"}).status_code == 422
    assert export_client.get("/export", params={"seed": ERKHOV, "format": "xls"}).status_code == 422


def test_export_sends_content_type_and_download_filename(small_graph: Driver, export_client: TestClient) -> None:
    expected = {
        "json": ("application/json", "json"),
        "graphml": ("application/graphml+xml", "graphml"),
        "gexf": ("application/gexf+xml", "gexf"),
        "csv": ("application/zip", "zip"),
        "cypher": ("application/x-cypher-query; charset=utf-8", "cypher"),
        "jsonld": ("application/ld+json", "jsonld"),
        "turtle": ("text/turtle; charset=utf-8", "ttl"),
    }
    for export_format, (media_type, extension) in expected.items():
        response = export_client.get("/export", params={"seed": ERKHOV, "format": export_format, "depth": 2})
        assert response.status_code == 200
        assert response.headers["content-type"] == media_type
        assert response.headers["content-disposition"] == (
            f'attachment; filename="conflictkg-actor-aleksei-erkhov-depth2.{extension}"'
        )


def test_export_json_embeds_selection_and_property_types(small_graph: Driver, export_client: TestClient) -> None:
    body = json.loads(export_client.get("/export", params={"seed": ERKHOV}).content)
    assert body["graph"]["selection"]["seeds"] == [ERKHOV]
    assert body["graph"]["property_types"]["node"]["date_start"] == "date"
    assert body["graph"]["property_types"]["node"]["aliases"] == "string[]"
    assert body["graph"]["property_types"]["relationship"]["source_ids"] == "string[]"


def test_export_in_memory_formats_have_a_lower_cap(small_graph: Driver, export_client: TestClient) -> None:
    export_client.app.dependency_overrides[get_export_settings] = lambda: ExportSettings(
        max_nodes=100, max_nodes_in_memory=4
    )
    for streamed in ("json", "jsonld"):
        assert export_client.get("/export", params={"seed": ERKHOV, "format": streamed}).status_code == 200
    for export_format in ("graphml", "gexf"):
        response = export_client.get("/export", params={"seed": ERKHOV, "format": export_format})
        assert response.status_code == 413
        assert (response.json()["node_count"], response.json()["max_nodes"]) == (5, 4)
