"""API keys, trusted Host names and the concurrency cap (issue 12, item 7)."""

from __future__ import annotations

import asyncio
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from api.app import create_app
from api.security import AccessMiddleware, AccessSettings, Message, Receive, Scope, Send
from graph.settings import GraphSettings

REPO = Path(__file__).resolve().parents[2]
KEYS = "first-key-0123456789,second-key-abcdefghij"
DATA_URLS = [
    "/timeline",
    "/events",
    "/events/event:2019-04-syrian-offensive",
    "/incidents/incident:acled:x",
    "/statements",
    "/statements/stmt:x",
    "/accusations",
    "/accusations/network",
    "/actors",
    "/actors/actor:russia",
    "/actors/actor:russia/relations",
    "/actors/actor:russia/timeline",
    "/paths?from=actor:russia&to=actor:turkey",
    "/export?seed=actor:russia",
    "/places",
    "/places/place:idlib",
]


@pytest.fixture(scope="module")
def keyed_client(seeded_client: TestClient, settings: GraphSettings) -> Iterator[TestClient]:
    """A client of an app that requires one of KEYS (the seed is loaded by seeded_client)."""
    access = AccessSettings(api_keys=KEYS, allowed_hosts="testserver")
    with TestClient(create_app(settings, access)) as client:
        yield client


def test_every_data_endpoint_is_covered_by_this_test(keyed_client: TestClient) -> None:
    paths = set(keyed_client.get("/openapi.json").json()["paths"])
    tested = {url.split("?")[0] for url in DATA_URLS} | {"/health"}
    templates = {p.replace("{actor_id}", "actor:russia").replace("{event_id}", "event:2019-04-syrian-offensive")
                  .replace("{statement_id}", "stmt:x").replace("{place_id}", "place:idlib")
                  .replace("{incident_id}", "incident:acled:x") for p in paths}
    assert templates == tested


@pytest.mark.parametrize("url", DATA_URLS)
def test_data_endpoints_answer_401_json_without_a_key(keyed_client: TestClient, url: str) -> None:
    response = keyed_client.get(url)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert "API key" in response.json()["detail"]


@pytest.mark.parametrize(
    "headers",
    [
        {"Authorization": "Bearer nope"},
        {"Authorization": "Bearer first-key-0123456789x"},
        {"Authorization": "Basic Zmlyc3Qta2V5LTAxMjM0NTY3ODk="},
        {"X-API-Key": "first-key"},
        {"X-API-Key": ""},
    ],
)
def test_a_wrong_key_answers_401(keyed_client: TestClient, headers: dict[str, str]) -> None:
    assert keyed_client.get("/timeline", headers=headers).status_code == 401


@pytest.mark.parametrize(
    "headers",
    [
        {"Authorization": "Bearer first-key-0123456789"},
        {"Authorization": "bearer second-key-abcdefghij"},
        {"X-API-Key": "second-key-abcdefghij"},
    ],
)
def test_a_valid_key_in_either_header_is_accepted(keyed_client: TestClient, headers: dict[str, str]) -> None:
    response = keyed_client.get("/actors/actor:russia", headers=headers)
    assert response.status_code == 200
    assert response.json()["name"] == "Russia"


@pytest.mark.parametrize("url", ["/health", "/openapi.json", "/docs", "/redoc"])
def test_health_and_documents_stay_open(keyed_client: TestClient, url: str) -> None:
    assert keyed_client.get(url).status_code == 200


def test_workbench_assets_are_not_behind_the_key(keyed_client: TestClient) -> None:
    # /app is mounted by the workbench; whatever answers there, it is never a 401.
    assert keyed_client.get("/app/index.html").status_code != 401


@pytest.mark.parametrize(
    "host", ["attacker.example", "attacker.example:8000", "127.0.0.1.attacker.example", "", "localhost.evil"]
)
def test_an_untrusted_host_answers_400(seeded_client: TestClient, settings: GraphSettings, host: str) -> None:
    with TestClient(create_app(settings, AccessSettings())) as client:
        response = client.get("/timeline", headers={"Host": host})
    assert response.status_code == 400
    assert "CKG_ALLOWED_HOSTS" in response.json()["detail"]


@pytest.mark.parametrize("host", ["localhost:8000", "127.0.0.1", "[::1]:8000", "LOCALHOST", "localhost."])
def test_loopback_hosts_are_trusted_by_default(seeded_client: TestClient, settings: GraphSettings, host: str) -> None:
    with TestClient(create_app(settings, AccessSettings(allowed_hosts=""))) as client:
        assert client.get("/actors/actor:russia", headers={"Host": host}).status_code == 200


def test_the_bind_host_is_trusted_and_an_explicit_list_replaces_the_default(
    seeded_client: TestClient, settings: GraphSettings
) -> None:
    bound = AccessSettings(allowed_hosts="", api_host="10.1.2.3")
    assert bound.hosts == {"localhost", "127.0.0.1", "::1", "10.1.2.3"}
    assert AccessSettings(allowed_hosts="", api_host="0.0.0.0").hosts == {"localhost", "127.0.0.1", "::1"}
    listed = AccessSettings(allowed_hosts="ckg.example.org, *.lan")
    with TestClient(create_app(settings, listed)) as client:
        assert client.get("/health", headers={"Host": "ckg.example.org"}).status_code == 200
        assert client.get("/health", headers={"Host": "box.lan:8000"}).status_code == 200
        assert client.get("/health", headers={"Host": "localhost"}).status_code == 400


def test_requests_beyond_the_cap_answer_429_with_retry_after() -> None:
    release = asyncio.Event()
    entered = asyncio.Event()

    async def slow_app(scope: Scope, receive: Receive, send: Send) -> None:
        entered.set()
        await release.wait()
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})

    middleware = AccessMiddleware(slow_app, AccessSettings(max_concurrent_requests=1, allowed_hosts=""))

    async def call() -> list[Message]:
        sent: list[Message] = []

        async def send(message: Message) -> None:
            sent.append(message)

        async def receive() -> Message:
            return {"type": "http.request", "body": b""}

        scope = {"type": "http", "path": "/timeline", "headers": [(b"host", b"localhost")]}
        await middleware(scope, receive, send)
        return sent

    async def scenario() -> tuple[list[Message], list[Message], list[Message]]:
        first = asyncio.create_task(call())
        await entered.wait()
        refused = await call()  # the slot is taken
        release.set()
        served = await first
        after = await call()  # the slot is free again
        return served, refused, after

    served, refused, after = asyncio.run(scenario())
    assert served[0]["status"] == 200 and after[0]["status"] == 200
    assert refused[0]["status"] == 429
    assert (b"retry-after", b"1") in refused[0]["headers"]
    assert b"at most 1" in refused[1]["body"]


@pytest.mark.parametrize("command", ["serve", "up"])
@pytest.mark.parametrize("host", ["0.0.0.0", "192.0.2.10", "::"])
def test_cli_refuses_a_network_address_without_keys(
    command: str, host: str, cli_env: dict[str, str], clean_graph: Driver
) -> None:
    env = {key: value for key, value in cli_env.items() if key != "CKG_API_KEYS"}
    done = subprocess.run(
        [str(REPO / ".venv" / "bin" / "ckg"), command, "--host", host, "--port", "1"],
        env=env, capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 1
    assert "CKG_API_KEYS" in done.stderr and "--allow-anonymous" in done.stderr
    # `up` refused before doing anything: the test graph is still empty.
    assert clean_graph.execute_query("MATCH (n) RETURN count(n) AS n").records[0]["n"] == 0
