"""Emptying a database: for tests and benchmarks on their own instances, never the API."""

from __future__ import annotations

from neo4j import Driver

# Relationships first, in batches: DETACH DELETE of a hub actor with a million relationships would
# not fit in one inner transaction's memory. IN TRANSACTIONS needs auto-commit queries (session.run).
WIPE_RELATIONSHIPS = "MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 50000 ROWS"
WIPE_NODES = "MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 50000 ROWS"


def wipe_database(driver: Driver, database: str) -> None:
    """Delete every relationship and node of `database` (schema stays)."""
    with driver.session(database=database) as session:
        session.run(WIPE_RELATIONSHIPS).consume()
        session.run(WIPE_NODES).consume()
