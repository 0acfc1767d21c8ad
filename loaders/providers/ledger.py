"""Duplicate row ids within one file: the first row is kept, each later one is a reject naming it.

An export lists each row once, so a repeated id is a data error, not an update (updates come
from a newer export). The first line of every id admitted so far lives in a private temporary
SQLite database (on disk, deleted on close), so memory stays flat however long the file: one
INSERT per batch, and a second query only for a batch that repeats an earlier id.
"""

from __future__ import annotations

import json
import sqlite3
from types import TracebackType
from typing import Self, TypeVar

from loaders.providers.limits import excerpt
from schema.providers import DATASET_ID_COLUMNS, ProviderRecord, Rejected

R = TypeVar("R", bound=ProviderRecord)

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
    """The first line of each record id admitted from one file."""

    def __init__(self) -> None:
        self._db = sqlite3.connect("", isolation_level=None)  # "": private, on disk, self-deleting
        self._db.execute("PRAGMA journal_mode = OFF")
        self._db.execute("PRAGMA synchronous = OFF")
        self._db.execute(CREATE_SEEN)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._db.close()

    def admit(self, records: list[R]) -> tuple[list[R], list[Rejected]]:
        """The records whose id was not seen before (in file order), and a Rejected per repeat."""
        first_lines: dict[str, int] = {}
        admitted: list[R] = []
        repeats: list[tuple[R, int]] = []
        for record in records:
            earlier = first_lines.get(record.id)
            if earlier is None:
                first_lines[record.id] = record.line
                admitted.append(record)
            else:
                repeats.append((record, earlier))
        batch = json.dumps(first_lines)
        before = self._db.total_changes
        self._db.execute(INSERT_NEW, (batch,))
        if self._db.total_changes - before < len(first_lines):  # some ids came in earlier batches
            seen = dict(self._db.execute(SEEN_EARLIER, (batch,)).fetchall())
            repeats += [(record, seen[record.id]) for record in admitted if record.id in seen]
            admitted = [record for record in admitted if record.id not in seen]
        repeats.sort(key=lambda repeat: repeat[0].line)
        return admitted, [_repeat(record, line) for record, line in repeats]


def _repeat(record: ProviderRecord, first_line: int) -> Rejected:
    return Rejected(
        record.line,
        DATASET_ID_COLUMNS[record.dataset],
        f"duplicate row id: the row of line {first_line:,} has the same id and was kept",
        excerpt(record.provider_id),
    )
