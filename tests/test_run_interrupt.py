"""Ctrl-C on `make run` (SIGINT to its whole process group) stops the API; Neo4j keeps running.

`make run` here starts a `main` instance of its own under a temporary CKG_HOME (sharing the
installed distribution) on free ports, so neither the suite's instance nor a developer's is touched.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from pathlib import Path

import httpx
import pytest

from graph.driver import open_driver
from graph.local.instance import LocalInstance

REPO = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for_health(url: str, process: subprocess.Popen[str], timeout: float = 600) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stdout.read() if process.stdout else "make run exited"
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{url} did not answer 200 within {timeout}s")


def _port_open(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def test_ctrl_c_on_make_run_stops_the_api_and_leaves_neo4j_running(
    tmp_path: Path, test_instance: LocalInstance | None
) -> None:
    if test_instance is None:
        pytest.fail("needs the local distribution (unset CKG_TEST_NEO4J_URI)")
    (tmp_path / ".neo4j").mkdir()
    (tmp_path / ".neo4j" / "dist").symlink_to(test_instance.root / "dist")
    bolt, http, api = _free_port(), _free_port(), _free_port()
    main = LocalInstance("main", tmp_path / ".neo4j", bolt, http, "512m", "64m")
    env = {key: value for key, value in os.environ.items() if not key.startswith("NEO4J_")}
    env.update(
        CKG_HOME=str(tmp_path), CKG_MAIN_BOLT_PORT=str(bolt), CKG_MAIN_HTTP_PORT=str(http),
        CKG_API_PORT=str(api), CKG_API_HOST="127.0.0.1", CKG_NEO4J_HEAP=main.heap,
        CKG_NEO4J_PAGECACHE=main.pagecache,
    )
    # Its own process group, as a terminal gives `make run`: Ctrl-C is SIGINT to that group.
    process = subprocess.Popen(
        ["make", "run"], cwd=REPO, env=env, start_new_session=True,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        _wait_for_health(f"http://127.0.0.1:{api}/health", process)
        os.killpg(process.pid, signal.SIGINT)
        output, _ = process.communicate(timeout=60)
        assert not _port_open(api), output
        assert main.is_running(), output
        with open_driver(main.settings()) as driver:
            assert driver.execute_query("RETURN 1 AS one", database_="neo4j").records[0]["one"] == 1
        # Everything this fresh instance holds was created owner-only (issue 12, item 7).
        exposed = [p for p in main.directory.rglob("*") if p.stat().st_mode & 0o077]
        assert main.directory.stat().st_mode & 0o077 == 0
        assert exposed == []
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        main.stop()
