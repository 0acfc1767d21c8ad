"""Resumable loads: `<input>.progress` remembers the last input line whose batch was committed.

The fingerprint ties it to this file (size, mtime), format, encoding and alias table; anything else
starts over. Skipping is only a speed-up: every write MERGEs by provider row id, so a load that
re-writes an already committed batch (killed between commit and checkpoint) still converges. Rows
the server refused are kept in it too: a resumed run skips their batch, yet must still reject them.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from schema.providers import Rejected


@dataclass(frozen=True)
class Checkpoint:
    line: int = 0  # every row up to this line is committed (or rejected)
    refused: dict[int, Rejected] = field(default_factory=dict)  # by line: rows the server refused


def progress_path(path: Path) -> Path:
    return path.with_name(path.name + ".progress")


def fingerprint(path: Path, fmt: str, alias_digest: str, encoding: str = "utf-8") -> str:
    stat = path.stat()
    text = f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{fmt}|{alias_digest}|{encoding}"
    return hashlib.sha256(text.encode()).hexdigest()[:24]


def read_checkpoint(path: Path, expected: str) -> Checkpoint:
    """Where an interrupted load of this same input stopped, else an empty Checkpoint."""
    try:
        data = json.loads(progress_path(path).read_text())
    except (OSError, ValueError):
        return Checkpoint()
    if not isinstance(data, dict) or data.get("fingerprint") != expected:
        return Checkpoint()
    line = data.get("line")
    if not isinstance(line, int) or line <= 0:
        return Checkpoint()
    try:
        refused = [Rejected(*row) for row in data.get("refused", [])]
    except TypeError:
        return Checkpoint()
    return Checkpoint(line, {row.line: row for row in refused})


def write_checkpoint(path: Path, print_: str, line: int, refused: Sequence[Rejected] = ()) -> None:
    """Record atomically (write + rename) that every row up to `line` is committed."""
    target = progress_path(path)
    temporary = target.with_name(target.name + ".tmp")
    rows = [[r.line, r.column, r.reason, r.value] for r in refused]
    temporary.write_text(json.dumps({"fingerprint": print_, "line": line, "refused": rows}))
    os.replace(temporary, target)


def clear_checkpoint(path: Path) -> None:
    progress_path(path).unlink(missing_ok=True)
