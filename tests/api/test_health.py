"""GET /health against the real test server, and against a port where nothing listens."""

from __future__ import annotations

import socket
import time

from fastapi.testclient import TestClient
from pydantic import SecretStr

from api.app import create_app
from graph.local.distribution import NEO4J_VERSION
from graph.settings import GraphSettings


def _unused_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_health_reports_reachable_neo4j_with_version_and_edition(client: TestClient) -> None:
    response = client.get("/health")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["neo4j"] == {
        "reachable": True,
        "version": NEO4J_VERSION,
        "edition": "community",
        "error": None,
    }


def test_health_answers_503_json_when_neo4j_is_down() -> None:
    down = GraphSettings(uri=f"bolt://127.0.0.1:{_unused_port()}", password=SecretStr("irrelevant"))
    with TestClient(create_app(down), raise_server_exceptions=False) as client:
        for _ in range(3):
            started = time.monotonic()
            response = client.get("/health")
            assert time.monotonic() - started < 1.0
    assert response.status_code == 503
    assert response.headers["retry-after"] == "10"
    assert response.json()["neo4j"]["reachable"] is False
    assert "Traceback" not in response.text
