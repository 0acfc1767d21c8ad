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
