"""Batched, idempotent writes of provider data: the dataset Source, actors, orphan clean-up.

Every query MERGEs on a constrained `id`, so a batch that is retried, re-run after a kill or
re-loaded from the same file converges on the same graph. Events and statements with their links
are in graph/queries/ingest_events.py; both run inside the one transaction of a batch.
"""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction, SummaryCounters

# Created once, never overwritten: a curated dataset may describe the same Source in more detail.
MERGE_DATASET_SOURCE = """
MERGE (source:Source {id: $id})
ON CREATE SET source += $props
"""


def merge_dataset_source(
    tx: ManagedTransaction, *, source_id: str, props: dict[str, Any]
) -> SummaryCounters:
    """Create the provider's dataset Source node unless it exists."""
    return tx.run(MERGE_DATASET_SOURCE, id=source_id, props=props).consume().counters


# Canonical actors may already come from the seed story: their name, kind and aliases stay as they
# are (ON CREATE only, `refresh` is empty); the dataset is added to their source_ids once. A
# source-qualified actor's `refresh` brings its name, kind and country up to date on a re-load,
# written only where a value changed (no write, no lock, for the usual unchanged actor).
MERGE_ACTORS = """
UNWIND $rows AS row
MERGE (actor:Actor {id: row.id})
ON CREATE SET actor += row.props
WITH actor, row
CALL (actor, row) {
  WITH actor, row
  WHERE any(key IN keys(row.refresh)
            WHERE NOT actor[key] = row.refresh[key] OR (actor[key] IS NULL) <> (row.refresh[key] IS NULL))
  SET actor += row.refresh
}
WITH actor, row
WHERE NOT row.source_id IN coalesce(actor.source_ids, [])
SET actor.source_ids = coalesce(actor.source_ids, []) + row.source_id
"""


def merge_actors(tx: ManagedTransaction, *, rows: list[dict[str, Any]]) -> SummaryCounters:
    """Create missing actors ({id, source_id, props, refresh}); existing ones gain the dataset source."""
    return tx.run(MERGE_ACTORS, rows=rows).consume().counters


# Only source-qualified actors (acled-actor:…, gdelt-actor:…, ucdp-actor:…) are ever removed, and
# only once nothing but their own state tie is left (e.g. after an alias moved their events
# elsewhere): only a provider load ties such an actor to anything.
DELETE_ORPHAN_ACTORS = """
MATCH (actor:Actor)
WHERE actor.id STARTS WITH $prefix
  AND NOT EXISTS { (actor)-[r]-() WHERE NOT (type(r) = 'AFFILIATED_WITH' AND startNode(r) = actor) }
DETACH DELETE actor
RETURN count(actor) AS removed
"""


def delete_orphan_actors(tx: ManagedTransaction, *, prefix: str) -> int:
    """Delete unlinked actors whose id starts with prefix; return how many were deleted."""
    record = tx.run(DELETE_ORPHAN_ACTORS, prefix=prefix).single()
    return int(record["removed"]) if record else 0
