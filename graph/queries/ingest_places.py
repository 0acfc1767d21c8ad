"""Batched, idempotent writes of the places provider rows name and their LOCATED_IN hierarchy.

A place is created with the first row's props. A place that exists (curated, or named by another
provider or an earlier batch) keeps its name, kind and point and only gains: the dataset in
`source_ids`, the spellings it was seen under (`aliases`, `name_keys`), and a point, admin level
and country when it had none. Re-running a batch changes nothing.
"""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction, SummaryCounters

# Row: {id, source_id, props, aliases, name_keys, point, admin_level} (loaders/providers/places.py).
MERGE_PLACES = """
UNWIND $rows AS row
MERGE (place:Place {id: row.id})
ON CREATE SET place = row.props
WITH place, row
WITH place, row,
     [alias IN row.aliases WHERE NOT alias IN coalesce(place.aliases, [])] AS new_aliases,
     [key IN row.name_keys WHERE NOT key IN coalesce(place.name_keys, [])] AS new_keys
WHERE NOT row.source_id IN coalesce(place.source_ids, [])
   OR size(new_aliases) > 0 OR size(new_keys) > 0
   OR (place.point IS NULL AND row.point IS NOT NULL)
   OR (place.admin_level IS NULL AND row.admin_level IS NOT NULL)
SET place.source_ids = CASE WHEN row.source_id IN coalesce(place.source_ids, [])
                            THEN place.source_ids ELSE coalesce(place.source_ids, []) + row.source_id END,
    place.aliases = coalesce(place.aliases, []) + new_aliases,
    place.name_keys = coalesce(place.name_keys, []) + new_keys,
    place.point = coalesce(place.point, row.point),
    place.admin_level = coalesce(place.admin_level, row.admin_level),
    place.country = coalesce(place.country, row.props.country)
"""


def merge_places(tx: ManagedTransaction, *, rows: list[dict[str, Any]]) -> SummaryCounters:
    """Create missing places; existing ones gain the dataset source, spellings and a missing point."""
    return tx.run(MERGE_PLACES, rows=rows).consume().counters


# Row: {id, child, parent, source_id, props} with id `located_in:<child>-><parent>`.
MERGE_PLACE_LINKS = """
UNWIND $rows AS row
MATCH (child:Place {id: row.child})
MATCH (parent:Place {id: row.parent})
MERGE (child)-[link:LOCATED_IN {id: row.id}]->(parent)
ON CREATE SET link = row.props
WITH link, row
WHERE NOT row.source_id IN coalesce(link.source_ids, [])
SET link.source_ids = coalesce(link.source_ids, []) + row.source_id
"""


def merge_place_links(tx: ManagedTransaction, *, rows: list[dict[str, Any]]) -> SummaryCounters:
    """Create missing LOCATED_IN links; existing ones (curated too) gain the dataset source."""
    return tx.run(MERGE_PLACE_LINKS, rows=rows).consume().counters
