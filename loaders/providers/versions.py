"""Newer provider data: each row of a batch is created, updated, unchanged or stale before it is written.

Every provider row is written with two digests: `provider_digest`, of what the provider said (the
node's properties, before any actor or place is resolved), and `row_digest`, of everything the
loader writes for it (those properties, actor ids and roles, place). One read per batch (graph/queries/versions.py) compares them with the stored row:

- not in the graph: **created**;
- the same `row_digest`: **unchanged**, not written at all;
- ACLED, whose rows carry a `timestamp` (the row's version): an older timestamp than the stored
  one, or the same timestamp with other content, is a **stale** re-delivery and left alone;
  a newer one, or the same row re-resolved (an alias added, a newer loader), is **updated**;
- UCDP GED and GDELT, which have no row version: any other digest is **updated** (a new GED
  version changes a row's content; the same content is unchanged whatever the version).

Only created and updated rows go to the write; an updated row is rewritten through the existing
MERGE path, which replaces its properties, actor links and place (loaders/providers/replace.py).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum

import orjson
from neo4j import Session

from graph.queries.versions import StoredVersion, list_stored_versions
from loaders.providers.rows import GraphBatch, Row
from schema.dates import SPAN_CLASS_PROPERTY
from schema.providers import ProviderEventRecord, ProviderRecord


class RowOutcome(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    STALE = "stale"  # an older (or same-version) ACLED re-delivery: the stored row is kept


WRITTEN = (RowOutcome.CREATED, RowOutcome.UPDATED)


def _plain(value: object) -> object:
    # What json.dumps(default=str) made of them (the first digests were taken that way): a point
    # (a tuple) is a list, a date or anything else its text.
    return list(value) if isinstance(value, tuple) else str(value)


def _digest(value: object, salt: str = "") -> str:
    # Key order is the builder's, the same on every run: no sorting needed (a loader that orders
    # them differently rewrites each row once, as any change to what it writes does). orjson
    # writes the same bytes as json.dumps(ensure_ascii=False, compact) at ~4x the speed; a value
    # it cannot write (an integer beyond 64 bits) takes the slow path.
    try:
        text = orjson.dumps(value, default=_plain, option=orjson.OPT_PASSTHROUGH_DATETIME)
    except orjson.JSONEncodeError:
        text = json.dumps(value, default=str, ensure_ascii=False, separators=(",", ":")).encode()
    return hashlib.blake2b(salt.encode() + text, digest_size=12).hexdigest()


def stamp(record: ProviderRecord, batch: GraphBatch) -> None:
    """Add the record's two digests to its row in the batch (RowBuilder.add made it).

    `provider_digest` covers the node's properties: every cell the provider gave that the node
    keeps, resolved nothing. `row_digest` adds the rest of the row: actor ids, roles, place.
    """
    rows = batch.events if isinstance(record, ProviderEventRecord) else batch.statements
    row = rows[record.id]
    props = row["props"]
    provider = _digest(props)
    # The span class is derived from the dates (which the digest covers): digests stay as before it.
    links = {key: value for key, value in row.items() if key not in ("props", SPAN_CLASS_PROPERTY)}
    props["row_digest"] = _digest(links, salt=provider)
    props["provider_digest"] = provider


def classify(new: Row, stored: StoredVersion | None) -> RowOutcome:
    """What writing `new` (a row's props) would be to the graph, given its stored version."""
    if stored is None:
        return RowOutcome.CREATED
    if stored.row_digest == new["row_digest"]:
        return RowOutcome.UNCHANGED
    version, stored_version = new.get("acled_timestamp"), stored.acled_timestamp
    if version is not None and stored_version is not None:
        if version < stored_version:
            return RowOutcome.STALE
        if version == stored_version and stored.provider_digest not in (
            None,
            new["provider_digest"],
        ):
            return RowOutcome.STALE
    return RowOutcome.UPDATED


@dataclass
class BatchVersions:
    """How a batch's rows compare with the graph: outcome of the written ones, counts of the rest."""

    written: dict[str, RowOutcome] = field(default_factory=dict)  # by record id
    kept: Counter[RowOutcome] = field(default_factory=Counter)  # unchanged and stale rows
    kept_events: int = 0  # of the kept rows, events (the rest are statements)

    @property
    def updates(self) -> bool:
        return RowOutcome.UPDATED in self.written.values()


def sort_batch(session: Session, batch: GraphBatch) -> tuple[GraphBatch, BatchVersions]:
    """The batch less its unchanged and stale rows (and what only they used), and every row's outcome."""
    versions = BatchVersions()
    kept: set[str] = set()
    for rows, statements in ((batch.events, False), (batch.statements, True)):
        if not rows:
            continue
        stored = session.execute_read(list_stored_versions, ids=list(rows), statements=statements)
        for record_id, row in rows.items():
            outcome = classify(row["props"], stored.get(record_id))
            if outcome in WRITTEN:
                versions.written[record_id] = outcome
            else:
                versions.kept[outcome] += 1
                versions.kept_events += not statements
                kept.add(record_id)
    return (batch.without(kept) if kept else batch), versions
