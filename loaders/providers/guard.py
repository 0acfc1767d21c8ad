"""What Neo4j would refuse in a record that passed validation, caught before the write: oversized keys.

Ids, actor names and place names (and the place ids made of them) are indexed, and the server
refuses an index key over ~8 KB by failing the whole write transaction. A place name that long is
no place name: the row is rejected. Anything this misses is still isolated by write.py's batch
splitting.
"""

from __future__ import annotations

from loaders.providers.limits import MAX_KEY_BYTES, excerpt, utf8_size
from schema.providers import (
    DATASET_ID_COLUMNS,
    ActorMention,
    ProviderEventRecord,
    ProviderRecord,
    Rejected,
)

QUICK_CHARS = MAX_KEY_BYTES // 4  # a text this long or shorter cannot exceed MAX_KEY_BYTES
# The column an actor slot's name is read from, where it is not the slot's own name.
GDELT_NAME_COLUMNS = {
    "actor1": "Actor1Name",
    "actor2": "Actor2Name",
    "speaker": "Actor1Name",
    "target": "Actor2Name",
}


def oversized_key(record: ProviderRecord) -> Rejected | None:
    """A Rejected when the record's id or an actor's name or id is too long to index, else None."""
    # Every row pays for this: lengths first (a character is at most 4 bytes), bytes only when long.
    if len(record.provider_id) > QUICK_CHARS and utf8_size(record.provider_id) > MAX_KEY_BYTES:
        column = DATASET_ID_COLUMNS[record.dataset]
        return _rejected(record, column, "row id", record.provider_id)
    for mention in _mentions(record):
        if (
            len(mention.name) > QUICK_CHARS
            or len(mention.key) > QUICK_CHARS
            or len(mention.fallback_id) > QUICK_CHARS
        ):
            return _long_name(record, mention)
    location = record.location
    if location is not None:
        # A place id joins the country code and up to four names: together they must fit.
        names = [location.admin1, location.admin2, location.admin3, location.name]
        joined = "".join(name for name in names if name)
        if len(joined) > QUICK_CHARS // 2 and utf8_size(joined) > MAX_KEY_BYTES // 2:
            return _rejected(record, "(location)", "place names", joined)
    return None


def _long_name(record: ProviderRecord, mention: ActorMention) -> Rejected | None:
    for text in (mention.name, mention.key, mention.fallback_id):
        if utf8_size(text) > MAX_KEY_BYTES:
            return _rejected(record, _name_column(record, mention), "actor name", text)
    return None


def _rejected(record: ProviderRecord, column: str, what: str, text: str) -> Rejected:
    return Rejected(
        record.line,
        column,
        f"{what} of {utf8_size(text):,} bytes: too long to index (at most {MAX_KEY_BYTES:,})",
        excerpt(text),
    )


def _mentions(record: ProviderRecord) -> list[ActorMention]:
    if isinstance(record, ProviderEventRecord):
        return [participant.actor for participant in record.participants]
    return [mention for mention in (record.speaker, record.target) if mention is not None]


def _name_column(record: ProviderRecord, mention: ActorMention) -> str:
    """The column the mention's name was read from (ACLED actor1, assoc_actor_2; GDELT Actor1Name…)."""
    if isinstance(record, ProviderEventRecord):
        slot = next(p.slot for p in record.participants if p.actor is mention)
    else:
        slot = "speaker" if mention is record.speaker else "target"
    if record.dataset == "gdelt":
        return GDELT_NAME_COLUMNS.get(slot, slot)
    if slot.startswith("assoc"):  # ACLED's assoc1-0, assoc2-3: the lists in assoc_actor_1/2
        return f"assoc_actor_{slot[5]}"
    return slot  # ACLED actor1/actor2, UCDP side_a/side_b
