"""Tell a provider file's format from its first bytes: GDELT (57/58/61 tabs), ACLED or UCDP (header names).

A zip is looked into (its one data file); only GDELT is read from a zip.
"""

from __future__ import annotations

import csv
from pathlib import Path

from loaders.providers.archives import is_zip, open_binary, open_text
from loaders.providers.gdelt_layouts import layout_of
from loaders.providers.tabular import WrongFormatError

ACLED_MARKERS = {"event_id_cnty", "event_date", "actor1"}
UCDP_MARKERS = {"id", "date_start", "side_a", "side_b"}


def sniff_provider_format(path: Path) -> str | None:
    """ "acled", "gdelt" or "ucdp" when the first line (or JSON head) says so unambiguously, else None."""
    try:
        with open_text(path) as stream:
            head = stream.read(65536)
    except WrongFormatError:  # a zip of several files
        return None
    first = head.splitlines()[0] if head else ""
    if layout_of(first.count("\t") + 1) is not None:
        return "gdelt"
    if is_zip(path):
        return None
    if head.lstrip()[:1] in ("{", "["):
        lowered = head.lower()
        return (
            "ucdp"
            if all(f'"{name}"' in lowered for name in ("date_start", "side_a", "side_b"))
            else None
        )
    names = {cell.strip().lower() for cell in next(csv.reader([first]), [])}
    matches = [
        fmt
        for fmt, markers in (("acled", ACLED_MARKERS), ("ucdp", UCDP_MARKERS))
        if markers <= names
    ]
    return matches[0] if len(matches) == 1 else None


def count_lines(path: Path) -> int:
    """Newlines in the file (a progress total; quoted multi-line cells make it an upper bound)."""
    total = 0
    with open_binary(path) as stream:
        while chunk := stream.read(1 << 20):
            total += chunk.count(b"\n")
    return total
