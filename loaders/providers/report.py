"""What a provider load did: rows read, written, skipped (resumed), rejected; graph changes; actors."""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from linking.run import LinkReport
from schema.geo import GeoProblem
from schema.providers import ProviderRecord, Rejected

REJECT_COLUMNS = ("line", "column", "reason", "value")
MAX_GEO_EXAMPLES = 20


@dataclass
class ProviderLoadReport:
    path: Path
    format: str
    rows_read: int = 0
    events: int = 0
    statements: int = 0
    rejected: int = 0  # every row not loaded, with its line in the rejects file
    refused: int = 0  # of them, rows only the server refused (isolated by splitting their batch)
    skipped_resumed: int = 0  # rows already committed by an interrupted run of the same load
    batches: int = 0
    # Rows against the graph (loaders/providers/versions.py): written new, rewritten, left as they
    # were (`stale` of them: an older ACLED version than the stored one), and, for a deletion
    # list, events deleted and ids not in the graph.
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    stale: int = 0
    deleted: int = 0
    not_found: int = 0
    counters: Counter[str] = field(default_factory=Counter)
    actors_removed: int = 0
    places_removed: int = 0
    incidents_dissolved: int = 0
    unresolved: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    # Actor mentions (one per actor slot of a row): all of them, those that are a state or one of
    # its organs (they count as the state at level=state), those only located in a country.
    actor_mentions: int = 0
    state_mentions: int = 0
    country_mentions: int = 0
    rejects_path: Path | None = None
    seconds: float = 0.0
    placed: int = 0  # rows with a place
    with_point: int = 0  # rows with a usable point
    geo_problems: Counter[str] = field(default_factory=Counter)  # "column: reason (lost)" → rows
    geo_examples: list[tuple[int, GeoProblem]] = field(default_factory=list)  # first few, by line
    linking: LinkReport | None = None  # the incident linking that followed the load

    def note_location(self, record: ProviderRecord) -> None:
        """Count the record's place, point and unusable location cells (the row itself loaded)."""
        location = record.location
        if location is not None:
            self.placed += location.level is not None
            self.with_point += location.longitude is not None
        for problem in record.geo_problems:
            self.geo_problems[f"{problem.column}: {problem.reason} (lost its {problem.lost})"] += 1
            if len(self.geo_examples) < MAX_GEO_EXAMPLES:
                self.geo_examples.append((record.line, problem))

    @property
    def outcomes(self) -> dict[str, int]:
        """Rows created, updated, unchanged and deleted (stale rows count as unchanged)."""
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "deleted": self.deleted,
        }

    @property
    def rows_per_second(self) -> float:
        return self.rows_read / self.seconds if self.seconds else 0.0


class RejectsFile:
    """Writes rejected rows (line, column, reason, value) to a CSV, created on the first reject."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._stream: TextIO | None = None
        self._writer: csv.DictWriter[str] | None = None
        path.unlink(missing_ok=True)  # a previous run's rejects would mislead

    def write(self, rejected: Rejected) -> None:
        if self._writer is None:
            self._stream = self.path.open("w", newline="", encoding="utf-8")
            self._writer = csv.DictWriter(self._stream, fieldnames=REJECT_COLUMNS)
            self._writer.writeheader()
        self._writer.writerow(
            {
                "line": rejected.line,
                "column": rejected.column,
                "reason": rejected.reason,
                "value": rejected.value,
            }
        )

    def close(self) -> Path | None:
        """Close the file; its path if anything was written, else None."""
        if self._stream is None:
            return None
        self._stream.close()
        return self.path
