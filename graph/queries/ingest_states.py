"""Provider actors' ties to their state: AFFILIATED_WITH role part_of, merged on a stable id.

A tie the curated story already has (`affiliated_with:actor:syrian-armed-forces->actor:syria:part_of`)
keeps its properties and quote and only gains the dataset in `source_ids`, like an actor does.
"""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction, SummaryCounters

# Row: {id, actor, state, source_id, props}; both actors are merged earlier in the same batch.
MERGE_STATE_TIES = """
UNWIND $rows AS row
MATCH (actor:Actor {id: row.actor}), (state:Actor {id: row.state})
MERGE (actor)-[tie:AFFILIATED_WITH {id: row.id}]->(state)
ON CREATE SET tie = row.props
WITH tie, row
WHERE NOT row.source_id IN coalesce(tie.source_ids, [])
SET tie.source_ids = coalesce(tie.source_ids, []) + row.source_id
"""


def merge_state_ties(tx: ManagedTransaction, *, rows: list[dict[str, Any]]) -> SummaryCounters:
    """Create missing ties; an existing one only gains the dataset source."""
    return tx.run(MERGE_STATE_TIES, rows=rows).consume().counters
