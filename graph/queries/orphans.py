"""What provider rows hang on (actors, places, incidents), and the removal of what they leave with nothing.

Used where rows are rewritten or deleted, in the same transaction: first `list_dependents` of the
rows, then the change, then `delete_orphans` among those dependents only (never a scan of the graph).
Only source-qualified actors (`acled-actor:…`) and places that only provider datasets assert are
ever removed; a curated actor or place, or anything still linked, stays.
"""

from __future__ import annotations

from dataclasses import dataclass

from neo4j import ManagedTransaction

# A row's place and every place above it; every actor linked to it; incidents reporting it (the
# Incident label may not exist yet: the pattern then simply matches nothing).
LIST_DEPENDENTS = """
UNWIND $ids AS id
CALL (id) {
  MATCH (node:Event {id: id}) RETURN node
  UNION
  MATCH (node:Statement {id: id}) RETURN node
}
CALL (node) {
  OPTIONAL MATCH (node)-[:OCCURRED_IN]->(:Place)-[:LOCATED_IN*0..8]->(place:Place)
  RETURN collect(DISTINCT place.id) AS places
}
CALL (node) {
  OPTIONAL MATCH (node)-[]-(actor:Actor)
  RETURN collect(DISTINCT actor.id) AS actors
}
CALL (node) {
  OPTIONAL MATCH (incident:Incident)-[:REPORTED_AS]->(node)
  RETURN collect(DISTINCT elementId(incident)) AS incidents
}
RETURN collect(places) AS places, collect(actors) AS actors, collect(incidents) AS incidents
"""

# The rule of graph/queries/ingest.py's DELETE_ORPHAN_ACTORS, for named candidates: nothing but
# the actor's own state tie left.
DELETE_ORPHAN_ACTORS = """
UNWIND $ids AS id
MATCH (actor:Actor {id: id})
WHERE any(prefix IN $prefixes WHERE actor.id STARTS WITH prefix)
  AND NOT EXISTS { (actor)-[r]-() WHERE NOT (type(r) = 'AFFILIATED_WITH' AND startNode(r) = actor) }
DETACH DELETE actor
RETURN count(actor) AS removed
"""

# A place only provider datasets assert, that nothing points at (no row, no place inside it) and
# that points at nothing but its parent place.
DELETE_ORPHAN_PLACES = """
UNWIND $ids AS id
MATCH (place:Place {id: id})
WHERE size(coalesce(place.source_ids, [])) > 0
  AND all(source IN place.source_ids WHERE source IN $dataset_sources)
  AND NOT EXISTS { (place)<-[]-() }
  AND NOT EXISTS { (place)-[r]->() WHERE type(r) <> 'LOCATED_IN' }
DETACH DELETE place
RETURN count(place) AS removed
"""
MAX_PLACE_DEPTH = 8  # country → admin1 → admin2 → admin3 → location is 5 deep


@dataclass(frozen=True)
class Dependents:
    """Ids of the actors and places some rows use, and element ids of incidents reporting them."""

    actors: list[str]
    places: list[str]
    incidents: list[str]


def _flat(groups: list[list[str]]) -> list[str]:
    return sorted({item for group in groups for item in group})


def list_dependents(tx: ManagedTransaction, *, ids: list[str]) -> Dependents:
    """The actors, places (with the places above them) and incidents of the stored rows; empty lists if none."""
    record = tx.run(LIST_DEPENDENTS, ids=ids).single()
    if record is None:
        return Dependents([], [], [])
    return Dependents(_flat(record["actors"]), _flat(record["places"]), _flat(record["incidents"]))


def delete_orphans(
    tx: ManagedTransaction,
    *,
    dependents: Dependents,
    actor_prefixes: list[str],
    dataset_sources: list[str],
) -> tuple[int, int]:
    """Delete the dependents left with nothing; return (actors, places) deleted."""
    record = tx.run(DELETE_ORPHAN_ACTORS, ids=dependents.actors, prefixes=actor_prefixes).single()
    actors = int(record["removed"]) if record else 0
    places = 0
    for _ in range(MAX_PLACE_DEPTH):  # a removed place can leave its parent empty: once per level
        record = tx.run(
            DELETE_ORPHAN_PLACES, ids=dependents.places, dataset_sources=dataset_sources
        ).single()
        removed = int(record["removed"]) if record else 0
        if not removed:
            break
        places += removed
    return actors, places
