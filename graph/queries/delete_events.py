"""Deleting provider events a provider withdrew (ACLED's deletion list), in one transaction per batch.

A deletion applies when it is at least as new as the stored row: `deleted_timestamp` ≥ the event's
`acled_timestamp` (an event without one is always deleted). A row ACLED re-published after the
deletion is newer and stays. The event goes with its relationships; incidents reporting it that are
left with fewer than two reports are dissolved; actors and places it alone used go too
(graph/queries/orphans.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from neo4j import ManagedTransaction

from graph.queries.orphans import delete_orphans, list_dependents

# Row: {id, deleted_timestamp}.
DELETABLE_EVENTS = """
UNWIND $rows AS row
MATCH (event:Event {id: row.id})
RETURN event.id AS id,
       event.acled_timestamp IS NULL OR event.acled_timestamp <= row.deleted_timestamp AS deletable
"""
DELETE_EVENTS = """
UNWIND $ids AS id
MATCH (event:Event {id: id})
DETACH DELETE event
"""
# Incidents are linked by another part of the loader (REPORTED_AS); one report is no longer a link.
DISSOLVE_INCIDENTS = """
UNWIND $element_ids AS element_id
MATCH (incident:Incident)
WHERE elementId(incident) = element_id AND COUNT { (incident)-[:REPORTED_AS]->() } < 2
DETACH DELETE incident
RETURN count(incident) AS dissolved
"""


@dataclass
class Deletion:
    """What one batch of deletions did."""

    deleted: int = 0
    not_found: int = 0
    kept_newer: int = 0  # stored row newer than the deletion: re-published since
    incidents_dissolved: int = 0
    actors_removed: int = 0
    places_removed: int = 0
    relationships_deleted: int = 0


def delete_events(
    tx: ManagedTransaction,
    *,
    rows: list[dict[str, Any]],
    actor_prefixes: list[str],
    dataset_sources: list[str],
) -> Deletion:
    """Delete the listed events that the deletion is at least as new as, and what only they used."""
    found = {record["id"]: record["deletable"] for record in tx.run(DELETABLE_EVENTS, rows=rows)}
    doomed = [event_id for event_id, deletable in found.items() if deletable]
    result = Deletion(not_found=len(rows) - len(found), kept_newer=len(found) - len(doomed))
    if not doomed:
        return result
    dependents = list_dependents(tx, ids=doomed)
    counters = tx.run(DELETE_EVENTS, ids=doomed).consume().counters
    result.deleted = counters.nodes_deleted
    result.relationships_deleted = counters.relationships_deleted
    record = tx.run(DISSOLVE_INCIDENTS, element_ids=dependents.incidents).single()
    result.incidents_dissolved = int(record["dissolved"]) if record else 0
    result.actors_removed, result.places_removed = delete_orphans(
        tx, dependents=dependents, actor_prefixes=actor_prefixes, dataset_sources=dataset_sources
    )
    return result
