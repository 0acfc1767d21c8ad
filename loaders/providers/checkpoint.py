"""Resumable loads: `<input>.progress` remembers the last input line whose batch was committed.

The fingerprint ties it to this file (size, mtime), format and alias table; anything else starts
over. Skipping is only a speed-up: every write MERGEs by provider row id, so a load that re-writes
an already committed batch (killed between commit and checkpoint) still converges.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path


def progress_path(path: Path) -> Path:
    return path.with_name(path.name + ".progress")


def fingerprint(path: Path, fmt: str, alias_digest: str) -> str:
    stat = path.stat()
    text = f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{fmt}|{alias_digest}"
    return hashlib.sha256(text.encode()).hexdigest()[:24]


def read_checkpoint(path: Path, expected: str) -> int:
    """The last committed line of an interrupted load of this same input, else 0."""
    try:
        data = json.loads(progress_path(path).read_text())
    except (OSError, ValueError):
        return 0
    if not isinstance(data, dict) or data.get("fingerprint") != expected:
        return 0
    line = data.get("line")
    return line if isinstance(line, int) and line > 0 else 0


def write_checkpoint(path: Path, print_: str, line: int) -> None:
    """Record atomically (write + rename) that every row up to `line` is committed."""
    target = progress_path(path)
    temporary = target.with_name(target.name + ".tmp")
    temporary.write_text(json.dumps({"fingerprint": print_, "line": line}))
    os.replace(temporary, target)


def clear_checkpoint(path: Path) -> None:
    progress_path(path).unlink(missing_ok=True)
