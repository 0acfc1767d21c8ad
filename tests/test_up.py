"""`ckg up` end to end (what `make run` runs): migrate, load the seed, serve, answer /health."""

from __future__ import annotations

import signal
import socket
import subprocess
import time
from pathlib import Path

import httpx
from neo4j import Driver

from graph.settings import GraphSettings

REPO = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for_health(url: str, process: subprocess.Popen[str], timeout: float = 120) -> httpx.Response:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stdout.read() if process.stdout else "ckg up exited"
        try:
            return httpx.get(url, timeout=2)
        except httpx.TransportError:
            time.sleep(0.5)
    raise AssertionError(f"{url} did not answer within {timeout}s")


def test_up_loads_the_seed_and_serves_health(
    clean_graph: Driver, settings: GraphSettings, cli_env: dict[str, str]
) -> None:
    port = _free_port()
    process = subprocess.Popen(
        [str(REPO / ".venv" / "bin" / "ckg"), "up", "--port", str(port)],
        cwd=REPO,
        env=cli_env,  # NEO4J_URI → the test server: `up` provisions nothing and never touches main
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        response = _wait_for_health(f"http://127.0.0.1:{port}/health", process)
    finally:
        process.send_signal(signal.SIGINT)
        output, _ = process.communicate(timeout=30)
    assert response.status_code == 200, output
    assert response.json()["neo4j"]["reachable"] is True
    counts = clean_graph.execute_query(
        "MATCH (n) WHERE NOT n:AccusationSummary AND NOT n:AccusationSummaryState "
        "RETURN count(n) AS nodes, count{ ()-[]->() } AS relationships",
        database_=settings.database,
    ).records[0]
    assert (counts["nodes"], counts["relationships"]) == (97, 204)
    # The seed's accusations are summarised for the network (graph/queries/accusation_summary.py).
    assert clean_graph.execute_query(
        "MATCH (s:AccusationSummaryState {stale: false}) RETURN count(s) AS n", database_=settings.database
    ).records[0]["n"] == 1
