"""A zip of CSV files in the neo4j-admin `database import` header format, streamed.

nodes/<Label>.csv: `id:ID,:LABEL,<key>:<type>,…`; relationships/<TYPE>.csv:
`:START_ID,:END_ID,:TYPE,id:string,<key>:<type>,…` (types long, double, boolean, date, string and
their [] arrays, and point as `{longitude:36.61,latitude:35.813}`). Every value is quoted; an empty unquoted field is a missing property (Neo4j has
no null), `""` an empty string or list. Array elements are joined by `;` (neo4j-admin's default);
an element containing `;` cannot be exported as CSV (ExportError: use json or cypher). The zip's
IMPORT.txt has the neo4j-admin command; graph/export/csv_import.py loads it into a live server.
neo4j-admin itself cannot store an empty array (neo4j/neo4j#13566): it drops `""` in array
columns, so empty lists (e.g. `aliases: []`) come back only through csv_import or cypher.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from datetime import date

from graph.export.records import GraphStream
from graph.export.values import ExportError, PointValue, PropType, Scalar, Value

ARRAY_DELIMITER = ";"
ROWS_PER_CHUNK = 500


class _Sink(io.RawIOBase):
    """An unseekable file that keeps what was written until drained (zipfile streams into it)."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        self.parts.append(bytes(data))
        return len(data)

    def drain(self) -> bytes:
        data, self.parts = b"".join(self.parts), []
        return data


def _scalar(value: Scalar | PointValue) -> str:
    if isinstance(value, PointValue):  # neo4j-admin's point syntax; WGS-84 from the key names
        return f"{{longitude:{value.longitude!r},latitude:{value.latitude!r}}}"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    return repr(value) if isinstance(value, float) else str(value)


def field(value: Value | None) -> str:
    """One CSV field: empty when missing, else quoted; arrays joined by the array delimiter."""
    if value is None:
        return ""
    if isinstance(value, list):
        items = [_scalar(item) for item in value]
        if any(ARRAY_DELIMITER in item for item in items):
            raise ExportError(f"list value {value!r} contains {ARRAY_DELIMITER!r}; export as json or cypher")
        text = ARRAY_DELIMITER.join(items)
    else:
        text = _scalar(value)
    return '"' + text.replace('"', '""') + '"'


def _header(fixed: list[str], types: dict[str, PropType]) -> tuple[list[str], str]:
    keys = sorted(key for key in types if key != "id")
    return keys, ",".join([*fixed, *(f"{key}:{types[key]}" for key in keys)]) + "\n"


def write_csv_zip(stream: GraphStream) -> Iterator[bytes]:
    """The export as a zip of neo4j-admin CSV files, in chunks."""
    schema, sink, files = stream.schema(), _Sink(), {"nodes": [], "relationships": []}
    with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        member, current, keys = None, None, []
        for count, node in enumerate(stream.nodes()):
            if node.label != current:
                if member is not None:
                    member.close()
                current, name = node.label, f"nodes/{node.label}.csv"
                files["nodes"].append(name)
                member = archive.open(name, "w", force_zip64=True)
                keys, header = _header(["id:ID", ":LABEL"], schema.nodes[node.label])
                member.write(header.encode())
            row = [field(node.id), field(node.labels)] + [field(node.properties.get(k)) for k in keys]
            member.write((",".join(row) + "\n").encode())  # type: ignore[union-attr]
            if count % ROWS_PER_CHUNK == 0:
                yield sink.drain()
        current = None
        for count, rel in enumerate(stream.relationships()):
            if rel.type != current:
                if member is not None:
                    member.close()
                current, name = rel.type, f"relationships/{rel.type}.csv"
                files["relationships"].append(name)
                member = archive.open(name, "w", force_zip64=True)
                fixed = [":START_ID", ":END_ID", ":TYPE", "id:string"]
                keys, header = _header(fixed, schema.relationships[rel.type])
                member.write(header.encode())
            row = [field(rel.start), field(rel.end), field(rel.type), field(rel.id)]
            row += [field(rel.properties.get(k)) for k in keys]
            member.write((",".join(row) + "\n").encode())  # type: ignore[union-attr]
            if count % ROWS_PER_CHUNK == 0:
                yield sink.drain()
        if member is not None:
            member.close()
        archive.writestr("IMPORT.txt", _instructions(files))
    yield sink.drain()


def _instructions(files: dict[str, list[str]]) -> str:
    options = [f"--nodes={name}" for name in files["nodes"]]
    options += [f"--relationships={name}" for name in files["relationships"]]
    return (
        "Load into an empty, stopped Neo4j 5 database (run from the unzipped folder):\n\n"
        "  neo4j-admin database import full --overwrite-destination --multiline-fields=true \\\n"
        f"    --array-delimiter='{ARRAY_DELIMITER}' {' '.join(options)}\n\n"
        "(into the default database, neo4j), then `ckg db migrate` (indexes, and the span classes\n"
        "that date windows read: derived from the dates, so not in these files).\n"
        "Or into a running server: `ckg import-csv THIS.zip` (conflictkg's Python importer).\n"
        "An empty unquoted field is a missing property; \"\" is an empty string or list.\n"
        "neo4j-admin drops empty lists (neo4j/neo4j#13566); ckg import-csv keeps them.\n"
    )
