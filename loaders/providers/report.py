"""What a provider load did: rows read, written, skipped (resumed), rejected; graph changes; unresolved actors."""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from linking.run import LinkReport
from schema.providers import Rejected

REJECT_COLUMNS = ("line", "column", "reason", "value")


@dataclass
class ProviderLoadReport:
    path: Path
    format: str
    rows_read: int = 0
    events: int = 0
    statements: int = 0
    rejected: int = 0
    skipped_resumed: int = 0  # rows already committed by an interrupted run of the same load
    batches: int = 0
    counters: Counter[str] = field(default_factory=Counter)
    actors_removed: int = 0
    unresolved: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    rejects_path: Path | None = None
    seconds: float = 0.0
    linking: LinkReport | None = None  # the incident linking that followed the load

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
