"""Read queries that choose an export's nodes and relationships: seeds, hops, provenance sources.

Labels and types in query text come from graph.model only; filters travel as parameters. The
time window keeps an element when its [date_start, date_end] overlaps [start, end]; elements
without `date_start` (actors, places, sources, most relationships) are never filtered by time.
"""

from __future__ import annotations

from datetime import date

from neo4j import ManagedTransaction

from graph.model import Label
from graph.queries.geo import geo_condition, geo_parameters
from schema.geo import GeoFilter

# One index seek per label; ids are unique per label and, by their prefixes, across labels.
SEED_NODES = "\nUNION ALL\n".join(
    f"MATCH (n:{label}) WHERE n.id IN $ids "
    f"RETURN elementId(n) AS element_id, n.id AS id, '{label}' AS label, n.source_ids AS source_ids"
    for label in Label
)


def list_seed_nodes(tx: ManagedTransaction, *, ids: list[str]) -> list[dict[str, object]]:
    """The nodes with these ids (any model label); ids not in the graph are simply absent."""
    return [record.data() for record in tx.run(SEED_NODES, ids=ids)]


IN_WINDOW = """({x}.date_start IS NULL
   OR (($start IS NULL OR {x}.date_end >= $start) AND ($end IS NULL OR {x}.date_start <= $end)))"""

# bbox / near / max_geo_precision keep an event or statement only if its own point passes them.
NEIGHBOURS = f"""
UNWIND $element_ids AS element_id
MATCH (a) WHERE elementId(a) = element_id
MATCH (a)-[r]-(b)
WHERE type(r) IN $rel_types
  AND {IN_WINDOW.format(x="r")}
  AND any(label IN labels(b) WHERE label IN $node_types)
  AND {IN_WINDOW.format(x="b")}
  AND (NOT (b:Event OR b:Statement) OR ({geo_condition("b")}))
WITH DISTINCT b
RETURN elementId(b) AS element_id, b.id AS id,
       [label IN labels(b) WHERE label IN $model_labels][0] AS label, b.source_ids AS source_ids
"""


def list_neighbours(
    tx: ManagedTransaction,
    *,
    element_ids: list[str],
    node_types: list[str],
    rel_types: list[str],
    start: date | None,
    end: date | None,
    geo: GeoFilter | None = None,
) -> list[dict[str, object]]:
    """Nodes one hop from the given ones (either direction) that pass the type, time and geo filters."""
    result = tx.run(
        NEIGHBOURS,
        element_ids=element_ids,
        node_types=node_types,
        rel_types=rel_types,
        start=start,
        end=end,
        model_labels=[str(label) for label in Label],
        **geo_parameters(geo or GeoFilter()),
    )
    return [record.data() for record in result]


RELATIONSHIPS_AMONG = f"""
MATCH (a)-[r]->(b)
WHERE elementId(a) IN $element_ids AND elementId(b) IN $element_ids
  AND type(r) IN $rel_types
  AND {IN_WINDOW.format(x="r")}
RETURN type(r) AS type, r.id AS id, r.source_ids AS source_ids
"""


def list_relationships_among(
    tx: ManagedTransaction,
    *,
    element_ids: list[str],
    rel_types: list[str],
    start: date | None,
    end: date | None,
) -> list[dict[str, object]]:
    """Relationships of the given types (and time window) whose both ends are among the nodes."""
    result = tx.run(
        RELATIONSHIPS_AMONG, element_ids=element_ids, rel_types=rel_types, start=start, end=end
    )
    return [record.data() for record in result]


SOURCES = """
MATCH (n:Source) WHERE n.id IN $ids
RETURN elementId(n) AS element_id, n.id AS id, 'Source' AS label, n.source_ids AS source_ids
"""


def list_sources(tx: ManagedTransaction, *, ids: list[str]) -> list[dict[str, object]]:
    """The Source nodes with these ids; missing ones are absent."""
    return [record.data() for record in tx.run(SOURCES, ids=ids)]
