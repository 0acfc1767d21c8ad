"""Which ids named by a request exist: an unknown filter id is a 404, not an empty answer."""

from __future__ import annotations

from dataclasses import dataclass

from neo4j import ManagedTransaction

# Each lookup is an index seek on the label's id constraint.
MISSING_IDS = """
RETURN [id IN $actor_ids WHERE NOT EXISTS { MATCH (:Actor {id: id}) }] AS actors,
       [id IN $place_ids WHERE NOT EXISTS { MATCH (:Place {id: id}) }] AS places,
       [id IN $item_ids WHERE NOT EXISTS { MATCH (:Event {id: id}) }
                          AND NOT EXISTS { MATCH (:Statement {id: id}) }] AS items
"""


@dataclass(frozen=True)
class MissingIds:
    """The ids, of those asked about, that name no actor, place, or event or statement."""

    actors: frozenset[str]
    places: frozenset[str]
    items: frozenset[str]


def get_missing_ids(
    tx: ManagedTransaction, *, actor_ids: list[str], place_ids: list[str], item_ids: list[str]
) -> MissingIds:
    """The ids that name no node of their kind (empty sets when all exist)."""
    record = tx.run(MISSING_IDS, actor_ids=actor_ids, place_ids=place_ids, item_ids=item_ids).single(strict=True)
    return MissingIds(
        actors=frozenset(record["actors"]), places=frozenset(record["places"]), items=frozenset(record["items"])
    )


# Every curated file cites its Sources, and Sources are few (one per article; one per provider), so
# their `asserted_by` lists name every curated dataset in the graph at the cost of a small scan.
CURATED_DATASETS = """
MATCH (source:Source) WHERE source.asserted_by IS NOT NULL
UNWIND source.asserted_by AS dataset
RETURN DISTINCT dataset ORDER BY dataset
"""


def list_curated_datasets(tx: ManagedTransaction) -> list[str]:
    """The ids of the curated datasets loaded into the graph, sorted ([] when none)."""
    return [record["dataset"] for record in tx.run(CURATED_DATASETS)]
