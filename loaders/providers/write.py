"""One provider batch = one write transaction: actors, places and state ties, then events and statements."""

from __future__ import annotations

from collections import Counter
from typing import Any

from neo4j import ManagedTransaction, SummaryCounters

from graph.queries.ingest import merge_actors
from graph.queries.ingest_events import existing_ids, write_events, write_statements
from graph.queries.ingest_places import merge_place_links, merge_places
from graph.queries.ingest_states import merge_state_ties
from loaders.providers.rows import GraphBatch

COUNTED = (
    "nodes_created",
    "nodes_deleted",
    "relationships_created",
    "relationships_deleted",
    "properties_set",
)


def _add(total: Counter[str], counters: list[SummaryCounters]) -> None:
    for counter in counters:
        for name in COUNTED:
            total[name] += getattr(counter, name)


def _split(
    tx: ManagedTransaction, rows: dict[str, dict[str, Any]], statements: bool
) -> tuple[list[Any], list[Any]]:
    known = existing_ids(tx, statements=statements, ids=list(rows))
    new = [row for row_id, row in rows.items() if row_id not in known]
    return new, [rows[row_id] for row_id in known]


def write_batch(tx: ManagedTransaction, batch: GraphBatch) -> Counter[str]:
    """Write the batch; return summed server counters (created/deleted nodes and relationships)."""
    total: Counter[str] = Counter()
    _add(total, [merge_actors(tx, rows=list(batch.actors.values()))])
    if batch.places:
        _add(total, [merge_places(tx, rows=list(batch.places.values()))])
    if batch.place_links:
        _add(total, [merge_place_links(tx, rows=list(batch.place_links.values()))])
    if batch.ties:
        _add(total, [merge_state_ties(tx, rows=list(batch.ties.values()))])
    if batch.events:
        new, known = _split(tx, batch.events, statements=False)
        _add(total, write_events(tx, new=new, known=known))
    if batch.statements:
        new, known = _split(tx, batch.statements, statements=True)
        _add(total, write_statements(tx, new=new, known=known))
    return total
