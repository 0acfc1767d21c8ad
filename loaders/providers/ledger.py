"""Duplicate row ids within one file: the first row is kept, each later one is a reject naming it.

An export lists each row once, so a repeated id is a data error, not an update (updates come
from a newer export). The ids of the chunk being read are in a dict; those of earlier chunks in a
private temporary SQLite database (on disk, deleted on close), so memory stays flat however long
the file: one INSERT per chunk, and a second query only for a chunk that repeats an earlier id.
"""

from __future__ import annotations

import json
import sqlite3
from types import TracebackType
from typing import Self

from loaders.providers.limits import excerpt
from schema.providers import DATASET_ID_COLUMNS, ProviderRecord, Rejected

CREATE_SEEN = "CREATE TABLE seen (id TEXT PRIMARY KEY, line INTEGER NOT NULL) WITHOUT ROWID"
# `WHERE true` tells SQLite's parser that ON CONFLICT belongs to the INSERT, not to a join.
INSERT_NEW = """
INSERT INTO seen (id, line) SELECT key, value FROM json_each(?) WHERE true
ON CONFLICT (id) DO NOTHING
"""
SEEN_EARLIER = """
SELECT seen.id, seen.line FROM json_each(?) AS batch JOIN seen ON seen.id = batch.key
WHERE seen.line <> batch.value
"""


class IdLedger:
    """The first line of each record id read from one file."""

    def __init__(self) -> None:
        self._db = sqlite3.connect("", isolation_level=None)  # "": private, on disk, self-deleting
        self._db.execute("PRAGMA journal_mode = OFF")
        self._db.execute("PRAGMA synchronous = OFF")
        self._db.execute(CREATE_SEEN)
        self._chunk: dict[str, int] = {}  # id → first line, in the chunk being read

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._db.close()

    def repeat(self, record: ProviderRecord) -> Rejected | None:
        """A Rejected if an earlier row of this chunk has the record's id; else None (id noted)."""
        first = self._chunk.setdefault(record.id, record.line)
        return None if first == record.line else _repeat(record.id, record.line, first)

    def end_chunk(self) -> list[tuple[str, Rejected]]:
        """(record id, Rejected) for the chunk's ids an earlier chunk had; the next chunk starts."""
        chunk = json.dumps(self._chunk)
        before = self._db.total_changes
        self._db.execute(INSERT_NEW, (chunk,))
        repeats = []
        if self._db.total_changes - before < len(self._chunk):
            repeats = [
                (record_id, _repeat(record_id, self._chunk[record_id], first))
                for record_id, first in self._db.execute(SEEN_EARLIER, (chunk,))
            ]
        self._chunk = {}
        return sorted(repeats, key=lambda repeat: repeat[1].line)


def _repeat(record_id: str, line: int, first_line: int) -> Rejected:
    dataset, provider_id = record_id.split(":", 1)
    return Rejected(
        line,
        DATASET_ID_COLUMNS[dataset],
        f"duplicate row id: the row of line {first_line:,} has the same id and was kept",
        excerpt(provider_id),
    )
