"""Tell a provider file's format from its first bytes: GDELT (57/58/61 tabs), ACLED or UCDP (header names).

A zip is looked into (its one data file); only GDELT is read from a zip.
"""

from __future__ import annotations

import csv
from pathlib import Path

from loaders.providers.gdelt_layouts import LAYOUTS, layout_of
from loaders.providers.text import WrongFormatError, describe_start, is_zip, open_binary, open_text, opens_json

# Columns whose presence in the header names the format (the readers require a few more).
MARKERS = {
    "acled": ("event_id_cnty", "event_date", "actor1"),
    "ucdp": ("id", "date_start", "side_a", "side_b"),
}
LABELS = {"acled": "an ACLED export", "ucdp": "a UCDP GED file"}
GDELT_COUNTS = "{}, {} or {}".format(*sorted(LAYOUTS, reverse=True))


def sniff_provider_format(path: Path, encoding: str = "utf-8") -> str | None:
    """ "acled", "gdelt" or "ucdp" when the first line (or JSON head) says so unambiguously, else None."""
    try:
        head = _head(path, encoding)
    except WrongFormatError:  # a zip of several files
        return None
    first = head.splitlines()[0] if head else ""
    if layout_of(first.count("\t") + 1) is not None:
        return "gdelt"
    if is_zip(path):
        return None
    if opens_json(head):
        lowered = head.lower()
        return (
            "ucdp"
            if all(f'"{name}"' in lowered for name in ("date_start", "side_a", "side_b"))
            else None
        )
    matches = _matching(_names(first))
    return matches[0] if len(matches) == 1 else None


def why_unknown(path: Path, encoding: str = "utf-8") -> str:
    """What the file shows instead of a provider format: empty, binary, or its columns vs those needed."""
    start = describe_start(path, encoding)
    if not start.startswith("first line"):  # an empty file, binary content, no delimiter
        return start
    head = _head(path, encoding)
    first = head.splitlines()[0] if head else ""
    if "\t" in first:
        return (
            f"{first.count(chr(9)) + 1} tab-separated columns (GDELT events files have "
            f"{GDELT_COUNTS})"
        )
    if is_zip(path):
        return f"a zip whose file is not a GDELT events file ({start})"
    names = _names(first)
    shown = ", ".join(names[:8]) + ("…" if len(names) > 8 else "")
    matches = _matching(names)
    if len(matches) > 1:
        return f"a header of {len(names)} columns ({shown}) that fits {' and '.join(LABELS[m] for m in matches)}"
    needs = [
        f"{LABELS[fmt]} needs {', '.join(name for name in markers if name not in names)}"
        for fmt, markers in MARKERS.items()
    ]
    return f"a header of {len(names)} column(s) ({shown}), but {'; '.join(needs)}"


def _head(path: Path, encoding: str) -> str:
    with open_text(path, encoding, errors="replace") as stream:
        return stream.read(65536)


def _names(first_line: str) -> list[str]:
    return [cell.strip().lower() for cell in next(csv.reader([first_line]), [])]


def _matching(names: list[str]) -> list[str]:
    return [fmt for fmt, markers in MARKERS.items() if all(name in names for name in markers)]


def count_lines(path: Path) -> int:
    """Newlines in the file (a progress total; quoted multi-line cells make it an upper bound)."""
    total = 0
    with open_binary(path) as stream:
        while chunk := stream.read(1 << 20):
            total += chunk.count(b"\n")
    return total
