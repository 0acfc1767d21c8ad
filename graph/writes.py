"""Idempotent batch writers for any allow-listed label or relationship type.

Each batch is `UNWIND $rows` with MERGE on the stable `id`; `SET x = row.props` replaces all
properties, so a re-loaded, changed fact leaves no stale property behind. The queries are built
once per allow-listed label/type at import time; input values only ever travel as parameters.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from neo4j import ManagedTransaction

from graph.model import DATED_LABELS, ENDPOINTS, Label, RelType, check_endpoints
from graph.queries.accusation_summary import ACCUSATION_LABELS, ACCUSATION_TYPES, mark_accusations_changed
from schema.dates import SPAN_CLASS_PROPERTY, span_class

# Each row: {"id": str, "props": {...}} where props include "id".
_MERGE_NODES = """
UNWIND $rows AS row
OPTIONAL MATCH (old:{label} {{id: row.id}})
WITH row, CASE WHEN old IS NULL THEN 'created'
               WHEN properties(old) = row.props THEN 'unchanged'
               ELSE 'updated' END AS outcome
MERGE (n:{label} {{id: row.id}})
SET n = row.props
RETURN outcome, count(*) AS count
"""

# Each row: {"id": str, "start": str, "end": str, "props": {...}}. A missing endpoint is
# reported back (not silently skipped) so the caller can fail the batch.
_MERGE_RELATIONSHIPS = """
UNWIND $rows AS row
OPTIONAL MATCH (a:{start} {{id: row.start}})
OPTIONAL MATCH (b:{end} {{id: row.end}})
OPTIONAL MATCH ()-[old:{rel_type} {{id: row.id}}]->()
WITH row, a, b, CASE WHEN a IS NULL OR b IS NULL THEN 'missing_endpoint'
                     WHEN old IS NULL THEN 'created'
                     WHEN properties(old) = row.props AND startNode(old) = a AND endNode(old) = b
                       THEN 'unchanged'
                     ELSE 'updated' END AS outcome
CALL (row, a, b, outcome) {{
  WITH row, a, b, outcome WHERE outcome <> 'missing_endpoint'
  OPTIONAL MATCH ()-[moved:{rel_type} {{id: row.id}}]->()
  WHERE startNode(moved) <> a OR endNode(moved) <> b
  DELETE moved
  WITH row, a, b
  MERGE (a)-[r:{rel_type} {{id: row.id}}]->(b)
  SET r = row.props
}}
RETURN outcome, count(*) AS count
"""

NODE_QUERIES = {label: _MERGE_NODES.format(label=label) for label in Label}
RELATIONSHIP_QUERIES = {
    (rel_type, start, end): _MERGE_RELATIONSHIPS.format(rel_type=rel_type, start=start, end=end)
    for rel_type, pairs in ENDPOINTS.items()
    for start, end in pairs
}


class MissingEndpointError(RuntimeError):
    """A relationship row named a node that is not in the graph; the transaction is rolled back."""


def _with_span_class(label: Label, row: dict[str, Any]) -> dict[str, Any]:
    """The row with a dated Event's or Statement's span class (derived: never taken from input)."""
    if label not in DATED_LABELS:
        return row
    props = {key: value for key, value in row.items() if key != SPAN_CLASS_PROPERTY}
    start, end = row.get("date_start"), row.get("date_end")
    if isinstance(start, date) and isinstance(end, date):
        props[SPAN_CLASS_PROPERTY] = span_class(start, end)
    return props


def merge_nodes(tx: ManagedTransaction, label: Label, rows: list[dict[str, Any]]) -> Counter[str]:
    """Upsert nodes by id; count them as created, updated or unchanged."""
    query = NODE_QUERIES[Label(label)]
    payload = [{"id": row["id"], "props": _with_span_class(label, row)} for row in rows]
    counts = Counter({r["outcome"]: r["count"] for r in tx.run(query, rows=payload)})
    if label in ACCUSATION_LABELS:
        mark_accusations_changed(tx)
    return counts


def relationship_payload(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Query rows {id, start, end, props} for rows {id, start, end, **properties}."""
    return [
        {
            "id": row["id"],
            "start": row["start"],
            "end": row["end"],
            "props": {k: v for k, v in row.items() if k not in ("start", "end")},
        }
        for row in rows
    ]


def merge_relationships(
    tx: ManagedTransaction,
    rel_type: RelType,
    start: Label,
    end: Label,
    rows: list[dict[str, Any]],
) -> Counter[str]:
    """Upsert relationships by id between existing nodes; raise MissingEndpointError if one is absent.

    Each row is {"id", "start", "end", **properties}; a relationship whose endpoints changed in the
    source is moved, not duplicated.
    """
    check_endpoints(RelType(rel_type), Label(start), Label(end))
    query = RELATIONSHIP_QUERIES[(RelType(rel_type), Label(start), Label(end))]
    payload = relationship_payload(rows)
    counts = Counter({r["outcome"]: r["count"] for r in tx.run(query, rows=payload)})
    if counts["missing_endpoint"]:
        raise MissingEndpointError(
            f"{counts['missing_endpoint']} {rel_type} row(s) name a {start} or {end} that is not in the graph"
        )
    if rel_type in ACCUSATION_TYPES:
        mark_accusations_changed(tx)
    return counts
