"""Rewriting updated provider rows: the batch's write, then the removal of what the old rows left behind.

The existing MERGE path (graph/queries/ingest_events.py) already makes an updated row's
properties, actor links, place and `source_ids` those of the new row. What it cannot see is an
actor or a place the old row alone used: the same transaction lists them first and deletes the
ones left with nothing after the write (graph/queries/orphans.py).
"""

from __future__ import annotations

from collections import Counter

from neo4j import ManagedTransaction

from graph.queries.orphans import delete_orphans, list_dependents
from loaders.providers.rows import GraphBatch
from loaders.providers.write import write_batch
from schema.providers import DATASET_SOURCE_IDS, SOURCE_QUALIFIED_PREFIXES

ACTOR_PREFIXES = list(SOURCE_QUALIFIED_PREFIXES.values())
DATASET_SOURCES = list(DATASET_SOURCE_IDS.values())


def write_replacing(tx: ManagedTransaction, batch: GraphBatch) -> Counter[str]:
    """write_batch, then delete the source-qualified actors and provider places the old rows left empty."""
    before = list_dependents(tx, ids=[*batch.events, *batch.statements])
    total = write_batch(tx, batch)
    actors, places = delete_orphans(
        tx, dependents=before, actor_prefixes=ACTOR_PREFIXES, dataset_sources=DATASET_SOURCES
    )
    total["orphan_actors_deleted"] += actors
    total["orphan_places_deleted"] += places
    return total
