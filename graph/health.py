"""What the server says about itself."""

from __future__ import annotations

from neo4j import ManagedTransaction

COMPONENTS = """
CALL dbms.components() YIELD name, versions, edition
RETURN versions[0] AS version, edition
"""


def get_server_info(tx: ManagedTransaction) -> dict[str, str]:
    """The Neo4j kernel version and edition (e.g. 5.26.30, community)."""
    record = tx.run(COMPONENTS).single(strict=True)
    return {"version": record["version"], "edition": record["edition"]}
