"""CORS is opt-in: CKG_CORS_ORIGINS lists the origins that may read the API; none by default."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.middleware.cors import CORSMiddleware
from fastapi.testclient import TestClient
from neo4j import Driver
from pydantic import ValidationError

from api.app import create_app
from graph.settings import GraphSettings

WORKBENCH, ANALYST, STRANGER = "http://localhost:5173", "https://analyst.example", "https://evil.example"
PREFLIGHT = {"Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "x-api-key"}


@pytest.fixture
def cors_client(
    settings: GraphSettings, clean_graph: Driver, monkeypatch: pytest.MonkeyPatch
) -> Iterator[TestClient]:
    monkeypatch.setenv("CKG_CORS_ORIGINS", f"{WORKBENCH}, {ANALYST}/")  # a trailing slash is forgiven
    with TestClient(create_app(settings)) as client:
        yield client


def test_cors_allows_no_origin_by_default(client: TestClient) -> None:
    response = client.get("/health", headers={"Origin": STRANGER})
    assert response.status_code == 200
    assert "access-control-allow-origin" not in response.headers
    preflight = client.options("/timeline", headers={"Origin": STRANGER, **PREFLIGHT})
    assert "access-control-allow-origin" not in preflight.headers
    assert preflight.status_code == 405


def test_cors_lets_listed_origins_read_answers_and_the_next_cursor(cors_client: TestClient) -> None:
    response = cors_client.get("/timeline?format=vis", headers={"Origin": WORKBENCH})
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == WORKBENCH
    assert "X-Next-Cursor" in response.headers["access-control-expose-headers"]
    assert "access-control-allow-credentials" not in response.headers
    stranger = cors_client.get("/timeline?format=vis", headers={"Origin": STRANGER})
    assert "access-control-allow-origin" not in stranger.headers
    # Error answers are readable too, so the page can show them.
    missing = cors_client.get("/actors/actor:nobody", headers={"Origin": ANALYST})
    assert missing.status_code == 404
    assert missing.headers["access-control-allow-origin"] == ANALYST


def test_cors_preflight_answers_listed_origins_only(cors_client: TestClient) -> None:
    allowed = cors_client.options("/accusations/network", headers={"Origin": ANALYST, **PREFLIGHT})
    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == ANALYST
    assert "GET" in allowed.headers["access-control-allow-methods"]
    assert "x-api-key" in allowed.headers["access-control-allow-headers"].lower()
    refused = cors_client.options("/accusations/network", headers={"Origin": STRANGER, **PREFLIGHT})
    assert refused.status_code == 400
    assert "access-control-allow-origin" not in refused.headers


def test_cors_is_the_outermost_middleware(cors_client: TestClient) -> None:
    # Preflights carry no credentials: CORS must answer them before any auth or host check runs.
    assert cors_client.app.user_middleware[0].cls is CORSMiddleware  # type: ignore[attr-defined]


@pytest.mark.parametrize("value", ["localhost:5173", "http://host/path", "ftp://host", "https://user@host"])
def test_cors_refuses_a_setting_that_is_not_an_origin(
    settings: GraphSettings, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("CKG_CORS_ORIGINS", f"{WORKBENCH},{value}")
    with pytest.raises(ValidationError, match="is not an origin"):
        create_app(settings)
