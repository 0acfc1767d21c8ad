"""Input problems every loader reports the same way: `file:line: field: message`, all at once."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

Loc = tuple[str | int, ...]


def format_loc(loc: Loc) -> str:
    """`events[3].participants[0].role` for ("events", 3, "participants", 0, "role")."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(file)"


@dataclass(frozen=True, order=True)
class Issue:
    """One problem in an input file, located by line and field path."""

    line: int
    field: str
    message: str
    path: Path

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.message}"


class InvalidInputError(Exception):
    """An input file has problems; nothing was written. `issues` lists every one, by line."""

    def __init__(self, path: Path, issues: Sequence[Issue]) -> None:
        self.path = path
        self.issues = sorted(issues)
        super().__init__(f"{len(self.issues)} problem(s) in {path}")
