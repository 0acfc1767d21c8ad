"""GET /openapi.json documents every endpoint with a response model, errors and seed examples."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient

ENDPOINTS = {
    "/timeline": "TimelinePage",
    "/events": "TimelinePage",
    "/events/{event_id}": "EventDetail",
    "/statements": "TimelinePage",
    "/statements/{statement_id}": "StatementDetail",
    "/accusations": "AccusationPage",
    "/accusations/network": "AccusationNetwork",
    "/actors": "ActorPage",
    "/actors/{actor_id}": "ActorProfile",
    "/actors/{actor_id}/relations": "ActorRelations",
    "/actors/{actor_id}/timeline": "TimelinePage",
    "/paths": "Paths",
}


def test_openapi_documents_every_endpoint_with_its_response_model(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    for path, model in ENDPOINTS.items():
        operation = document["paths"][path]["get"]
        schema = json.dumps(operation["responses"]["200"]["content"]["application/json"]["schema"])
        assert f"#/components/schemas/{model}" in schema, path
        assert "422" in operation["responses"], path
        assert operation["summary"] and operation["description"], path
    for path in ("/events/{event_id}", "/statements/{statement_id}", "/actors/{actor_id}", "/paths",
                 "/timeline", "/events", "/statements", "/accusations", "/accusations/network"):
        assert "404" in document["paths"][path]["get"]["responses"], path
    timeline_formats = json.dumps(document["paths"]["/timeline"]["get"]["responses"]["200"])
    assert "TimelineJSDocument" in timeline_formats and "VisTimeline" in timeline_formats
    network_formats = json.dumps(document["paths"]["/accusations/network"]["get"]["responses"]["200"])
    assert "CytoscapeNetwork" in network_formats and "VisNetwork" in network_formats
    assert "CyEdgeData" in document["components"]["schemas"]


def test_openapi_examples_come_from_the_seed(client: TestClient) -> None:
    text = client.get("/openapi.json").text
    for seed_id in ("actor:aleksei-erkhov", "stmt:erkhov-blames-turkey", "event:2019-04-syrian-offensive"):
        assert seed_id in text
    parameters = client.get("/openapi.json").json()["paths"]["/timeline"]["get"]["parameters"]
    start = next(p for p in parameters if p["name"] == "start")
    assert "overlaps" in start["description"]
