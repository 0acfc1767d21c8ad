"""DatabaseGate: once Neo4j is found down, callers fail at once until a background probe reaches it.

Without it every request of an outage waits for the driver's connection timeout and retries; with
it only the request that finds the outage pays, the others answer 503 immediately, and the probe
(one `RETURN 1` every PROBE_INTERVAL_SECONDS) re-opens the gate as soon as Neo4j answers again.
"""

from __future__ import annotations

import logging
import threading

from neo4j import Driver
from neo4j.exceptions import DriverError, Neo4jError

log = logging.getLogger(__name__)
PROBE_INTERVAL_SECONDS = 0.5


class DatabaseGate:
    """Open while Neo4j is believed reachable; closed from a failure until a probe succeeds."""

    def __init__(self, driver: Driver, database: str) -> None:
        self._driver = driver
        self._database = database
        self._open = threading.Event()
        self._open.set()
        self._stopping = threading.Event()
        self._lock = threading.Lock()
        self._prober: threading.Thread | None = None

    @property
    def is_open(self) -> bool:
        return self._open.is_set()

    def close(self) -> None:
        """Record an outage and start probing (once) unless shutting down."""
        self._open.clear()
        with self._lock:
            if self._stopping.is_set() or (self._prober and self._prober.is_alive()):
                return
            self._prober = threading.Thread(target=self._probe_until_open, name="neo4j-probe", daemon=True)
            self._prober.start()

    def shutdown(self) -> None:
        """Stop probing; returns once the probe thread has ended."""
        self._stopping.set()
        with self._lock:
            prober = self._prober
        if prober is not None:
            prober.join()

    def _probe_until_open(self) -> None:
        log.warning("Neo4j unreachable: answering 503 until a probe succeeds")
        while not self._stopping.is_set():
            try:
                with self._driver.session(database=self._database) as session:
                    session.run("RETURN 1").consume()
            except (DriverError, Neo4jError, OSError):
                self._stopping.wait(PROBE_INTERVAL_SECONDS)
                continue
            log.warning("Neo4j answers again")
            self._open.set()
            return
