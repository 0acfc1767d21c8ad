"""What the graph holds of provider rows about to be written: their digests and ACLED timestamps.

A provider load reads this once per batch (one index lookup per row) to tell created, updated,
unchanged and stale rows apart before anything is written (loaders/providers/versions.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from neo4j import ManagedTransaction

STORED_EVENT_VERSIONS = """
UNWIND $ids AS id
MATCH (node:Event {id: id})
RETURN node.id AS id, node.provider_digest AS provider_digest, node.row_digest AS row_digest,
       node.acled_timestamp AS acled_timestamp
"""
STORED_STATEMENT_VERSIONS = """
UNWIND $ids AS id
MATCH (node:Statement {id: id})
RETURN node.id AS id, node.provider_digest AS provider_digest, node.row_digest AS row_digest,
       null AS acled_timestamp
"""


@dataclass(frozen=True, slots=True)
class StoredVersion:
    """A row as stored: digests of what the provider said and of what the loader wrote (None: older loader)."""

    provider_digest: str | None
    row_digest: str | None
    acled_timestamp: int | None


def list_stored_versions(
    tx: ManagedTransaction, *, ids: list[str], statements: bool
) -> dict[str, StoredVersion]:
    """The stored version of each id already in the graph (events, or statements); absent ids are left out."""
    query = STORED_STATEMENT_VERSIONS if statements else STORED_EVENT_VERSIONS
    return {
        record["id"]: StoredVersion(
            record["provider_digest"], record["row_digest"], record["acled_timestamp"]
        )
        for record in tx.run(query, ids=ids)
    }
