"""Load a CSV export zip (graph/export/csv.py) into a running Neo4j through the generic writers.

neo4j-admin import needs a stopped database; this reads the same files with the same header
conventions and MERGEs them in batches, so it also works on Aura or a live server. Labels and
relationship types must be in graph.model (anything else is refused before writing).
"""

from __future__ import annotations

import re
import zipfile
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from neo4j import Driver
from neo4j.spatial import WGS84Point

from graph.export.csv import ARRAY_DELIMITER
from graph.export.values import PropType, Scalar, Value
from graph.model import Label, RelType
from graph.queries.accusation_summary import refresh_accusation_summary
from graph.writes import merge_nodes, merge_relationships

QUOTED = re.compile(r'"((?:[^"]|"")*)"')
BARE = re.compile(r"[^,\n]*")
SPECIAL = {":ID", ":LABEL", ":START_ID", ":END_ID", ":TYPE"}
BATCH = 1000


def records(text: str) -> Iterator[list[str | None]]:
    """CSV records where an unquoted empty field is None and a quoted one a string."""
    position, length = 0, len(text)
    while position < length:
        row: list[str | None] = []
        while True:
            if text.startswith('"', position):
                match = QUOTED.match(text, position)
                if match is None:
                    raise ValueError(f"unterminated quote at character {position}")
                row.append(match.group(1).replace('""', '"'))
            else:
                match = BARE.match(text, position)
                assert match is not None
                row.append(match.group(0) or None)
            position = match.end()
            if position >= length or text[position] == "\n":
                position += 1
                break
            position += 1
        yield row


POINT_TEXT = re.compile(r"^\{\s*longitude\s*:\s*([^,}]+),\s*latitude\s*:\s*([^,}]+)\}$")


def _point(text: str) -> WGS84Point:
    match = POINT_TEXT.match(text.strip())
    if match is None:
        raise ValueError(f"not a point: {text!r} (expected {{longitude:…,latitude:…}})")
    return WGS84Point((float(match.group(1)), float(match.group(2))))


def _scalar(text: str, ptype: PropType) -> Scalar | WGS84Point:
    if ptype is PropType.POINT:
        return _point(text)
    if ptype is PropType.INT:
        return int(text)
    if ptype is PropType.FLOAT:
        return float(text)
    if ptype is PropType.BOOLEAN:
        return text == "true"
    return date.fromisoformat(text) if ptype is PropType.DATE else text


def parse_value(text: str, ptype: PropType) -> Value | WGS84Point:
    """A typed value from one field's text, per its header type (points as the driver's type)."""
    if ptype.is_list:
        return [_scalar(item, ptype.element) for item in text.split(ARRAY_DELIMITER)] if text else []  # type: ignore[misc]
    return _scalar(text, ptype)


def read_rows(text: str) -> Iterator[dict[str, Value]]:
    """Rows of one CSV file as {column: typed value}; special columns keep their `:X` names."""
    rows = records(text)
    columns: list[tuple[str, PropType | None]] = []
    for header in next(rows):
        name, _, kind = (header or "").rpartition(":")
        if f":{kind}" in SPECIAL:
            columns.append((name if kind == "ID" else f":{kind}", None))
        else:
            columns.append((name, PropType(kind)))
    for row in rows:
        item: dict[str, Value] = {}
        for (name, ptype), text in zip(columns, row, strict=True):
            if text is not None:
                item[name] = text if ptype is None else parse_value(text, ptype)
        yield item


def load_csv_zip(driver: Driver, database: str, path: Path) -> Counter[str]:
    """Merge the zip's nodes then relationships into the database; count created/updated/unchanged."""
    counts: Counter[str] = Counter()
    labels: dict[str, Label] = {}
    with zipfile.ZipFile(path) as archive, driver.session(database=database) as session:
        names = sorted(archive.namelist())
        for name in (n for n in names if n.startswith("nodes/")):
            label = Label(Path(name).stem)
            rows = list(read_rows(archive.read(name).decode("utf-8")))
            for row in rows:
                if row.pop(":LABEL") != str(label):
                    raise ValueError(f"{name}: node {row['id']} has labels other than {label}")
                labels[str(row["id"])] = label
            for start in range(0, len(rows), BATCH):
                counts += session.execute_write(merge_nodes, label, rows[start : start + BATCH])
        for name in (n for n in names if n.startswith("relationships/")):
            rel_type = RelType(Path(name).stem)
            groups: dict[tuple[Label, Label], list[dict[str, Value]]] = {}
            for row in read_rows(archive.read(name).decode("utf-8")):
                start, end = str(row.pop(":START_ID")), str(row.pop(":END_ID"))
                if row.pop(":TYPE") != str(rel_type):
                    raise ValueError(f"{name}: relationship {row['id']} is not {rel_type}")
                groups.setdefault((labels[start], labels[end]), []).append({**row, "start": start, "end": end})
            for (start_label, end_label), rows in sorted(groups.items()):
                for first in range(0, len(rows), BATCH):
                    batch = rows[first : first + BATCH]
                    counts += session.execute_write(
                        merge_relationships, rel_type, start_label, end_label, batch
                    )
        session.execute_write(refresh_accusation_summary)
    return counts
