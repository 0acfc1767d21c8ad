"""What Neo4j would refuse in a record that passed validation, caught before the write: oversized keys.

Ids and actor names are indexed, and the server refuses an index key over ~8 KB by failing the
whole write transaction. Anything this misses is still isolated by write.py's batch splitting.
"""

from __future__ import annotations

from collections.abc import Iterator

from loaders.providers.limits import MAX_KEY_BYTES, excerpt, utf8_size
from schema.providers import (
    DATASET_ID_COLUMNS,
    ActorMention,
    ProviderEventRecord,
    ProviderRecord,
    Rejected,
)

# The column an actor slot's name is read from, where it is not the slot's own name.
GDELT_NAME_COLUMNS = {
    "actor1": "Actor1Name",
    "actor2": "Actor2Name",
    "speaker": "Actor1Name",
    "target": "Actor2Name",
}


def oversized_key(record: ProviderRecord) -> Rejected | None:
    """A Rejected when the record's id or an actor's name or id is too long to index, else None."""
    if _too_long(record.provider_id):
        column = DATASET_ID_COLUMNS[record.dataset]
        return _rejected(record, column, "row id", record.provider_id)
    for slot, mention in _mentions(record):
        for text in (mention.name, mention.key, mention.fallback_id):
            if _too_long(text):
                return _rejected(record, _name_column(record.dataset, slot), "actor name", text)
    return None


def _too_long(text: str) -> bool:
    return (
        len(text) > MAX_KEY_BYTES // 4 and utf8_size(text) > MAX_KEY_BYTES
    )  # ≤ 4 bytes a character


def _rejected(record: ProviderRecord, column: str, what: str, text: str) -> Rejected:
    return Rejected(
        record.line,
        column,
        f"{what} of {utf8_size(text):,} bytes: too long to index (at most {MAX_KEY_BYTES:,})",
        excerpt(text),
    )


def _mentions(record: ProviderRecord) -> Iterator[tuple[str, ActorMention]]:
    if isinstance(record, ProviderEventRecord):
        yield from ((p.slot, p.actor) for p in record.participants)
        return
    yield "speaker", record.speaker
    if record.target is not None:
        yield "target", record.target


def _name_column(dataset: str, slot: str) -> str:
    if dataset == "gdelt":
        return GDELT_NAME_COLUMNS.get(slot, slot)
    if slot.startswith("assoc"):  # ACLED's assoc1-0, assoc2-3: the lists in assoc_actor_1/2
        return f"assoc_actor_{slot[5]}"
    return slot  # ACLED actor1/actor2, UCDP side_a/side_b
