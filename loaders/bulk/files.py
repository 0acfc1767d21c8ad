"""neo4j-admin import CSV files, written as rows arrive: one file per label (or relationship type
and endpoint labels) and property signature.

The layout is the csv export's (graph/export/csv.py): a typed header (`id:ID(Event)`, `name:string`,
`point:point`, `source_ids:string[]`…), every value quoted, an empty unquoted field for a missing
property. Ids live in one id space per label, so an Event and a Statement may share an id as they can
in a transactional load. A property's type is taken from the Python value, and rows whose types
differ (an extra that is an int in one row and a string in another) go to different files, so every
value is stored with the type the transactional path gives it.

neo4j-admin cannot store an empty list (neo4j/neo4j#13566): such properties are left out here and
listed in `empty_lists`, to be set after the import (loaders/bulk/finish.py).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from neo4j.spatial import WGS84Point

from graph.export.csv_import import records
from graph.model import Label, RelType

# Unit separator: a control character no real spelling carries. A list element that does carry it
# (only lists are joined) stops the bulk load before anything is imported (UnstorableValue).
ARRAY_DELIMITER = "\x1f"
ARRAY_DELIMITER_OPTION = "U+001F"
NEO4J_TYPES: dict[type, str] = {
    str: "string",
    int: "long",
    float: "double",
    bool: "boolean",
    date: "date",
    WGS84Point: "point",
}

Props = dict[str, Any]


class UnstorableValue(ValueError):
    """A value neo4j-admin cannot carry through its CSV layout (a list element with the delimiter)."""


def _text(value: object) -> str:
    kind = type(value)
    if kind is str:
        return '"' + value.replace('"', '""') + '"' if '"' in value else f'"{value}"'  # type: ignore[attr-defined]
    if kind is bool:
        return "true" if value else "false"
    if kind is float:
        return repr(value)
    if kind is WGS84Point:
        return f'"{{longitude:{value[0]!r},latitude:{value[1]!r}}}"'  # type: ignore[index]
    if kind is date:
        return value.isoformat()  # type: ignore[attr-defined]
    return str(value)


def _list_text(values: list[Any]) -> str:
    """A string[] cell; an empty list is a missing value here (see the module docstring)."""
    if not values:
        return ""
    if any(type(item) is not str for item in values):
        raise UnstorableValue(f"list {values!r} is not a list of strings")
    joined = ARRAY_DELIMITER.join(values)
    if joined.count(ARRAY_DELIMITER) != len(values) - 1:
        raise UnstorableValue(f"list {values!r} contains U+001F, which bulk import uses as delimiter")
    return '"' + joined.replace('"', '""') + '"'


def _type_name(value: object) -> str:
    return "string[]" if type(value) is list else NEO4J_TYPES[type(value)]


class _File:
    """One CSV file of rows with the same fields and value types; rows start with their ids' labels."""

    def __init__(self, path: Path, fixed: list[str], props: Props, ends: tuple[Label, ...]) -> None:
        self.path = path
        self.ends = ends
        self.keys = list(props)
        columns = [*fixed, *(f"{key}:{_type_name(props[key])}" for key in self.keys)]
        self.stream: TextIO = path.open("w", encoding="utf-8", newline="")
        self.stream.write(",".join(columns) + "\n")

    def line(self, head: str, props: Props) -> str:
        cells = [head]
        for key in self.keys:
            value = props[key]
            cells.append(_list_text(value) if type(value) is list else _text(value))
        return ",".join(cells)


class ImportFiles:
    """The CSV files of one bulk import, under `directory`; `close()` before importing them."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        directory.mkdir(parents=True, exist_ok=True)
        self._files: dict[tuple[object, ...], _File] = {}
        self.nodes: list[Path] = []
        self.relationships: list[Path] = []
        self.multiline = False  # some text has a line break: neo4j-admin must read multi-line fields
        # (label or relationship type, property) → ids whose value is an empty list
        self.empty_lists: dict[tuple[str, str], list[str]] = defaultdict(list)
        self.node_count = 0
        self.relationship_count = 0

    def _signature(self, props: Props) -> tuple[object, ...]:
        # Keys in insertion order and value types: rows built by the same code share one signature.
        return (tuple(props), tuple(map(type, props.values())))

    def _write(self, file: _File, owner: str, head: str, props: Props) -> None:
        line = file.line(head, props)
        # One scan of the whole line instead of a look at every value.
        if not self.multiline and ("\n" in line or "\r" in line):
            self.multiline = True
        if [] in props.values():
            for key, value in props.items():
                if value == []:
                    self.empty_lists[(owner, key)].append(props["id"])
        file.stream.write(line + "\n")

    def node(self, label: Label, props: Props, part: int | None = None) -> None:
        """Write a node (props include `id`; no None values); `part`: the input file it came from."""
        key = (part, label, self._signature(props))
        file = self._files.get(key)
        if file is None:
            path = self.directory / f"nodes-{label}-{len(self._files)}.csv"
            file = self._files[key] = _File(path, [f":ID({label})", ":LABEL"], props, (label,))
            self.nodes.append(path)
        self._write(file, str(label), f"{_text(props['id'])},{label}", props)
        self.node_count += 1

    def relationship(
        self,
        rel_type: RelType,
        start: tuple[Label, str],
        end: tuple[Label, str],
        props: Props,
        part: int | None = None,
    ) -> None:
        """Write a relationship from node `start` to node `end` (label, id); props include `id`."""
        key = (part, rel_type, start[0], end[0], self._signature(props))
        file = self._files.get(key)
        if file is None:
            path = self.directory / f"relationships-{rel_type}-{len(self._files)}.csv"
            fixed = [f":START_ID({start[0]})", f":END_ID({end[0]})", ":TYPE"]
            file = self._files[key] = _File(path, fixed, props, (start[0], end[0]))
            self.relationships.append(path)
        self._write(file, str(rel_type), f"{_text(start[1])},{_text(end[1])},{rel_type}", props)
        self.relationship_count += 1

    def close(self) -> None:
        for file in self._files.values():
            file.stream.close()

    def drop(self, part: int, gone: set[tuple[Label, str]]) -> None:
        """Take these (label, id) records of input file `part` out again, with their relationships
        (a later input file had the same records: as in a transactional load, the last one wins)."""
        for key, file in self._files.items():
            if key[0] != part:
                continue
            text = file.path.read_text(encoding="utf-8")
            header, _, body = text.partition("\n")
            rows = records(body)
            kept = [header + "\n"]
            dropped = 0
            for row in rows:
                if any((label, row[index]) in gone for index, label in enumerate(file.ends)):
                    dropped += 1
                else:
                    kept.append(_csv_row(row))
            if dropped:
                file.path.write_text("".join(kept), encoding="utf-8")
                if len(file.ends) == 1:
                    self.node_count -= dropped
                else:
                    self.relationship_count -= dropped


def _csv_row(cells: list[str | None]) -> str:
    """A parsed row written back: a missing value stays an empty unquoted field."""
    return ",".join("" if cell is None else '"' + cell.replace('"', '""') + '"' for cell in cells) + "\n"
