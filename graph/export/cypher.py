"""A Cypher script that recreates the export on an empty Neo4j, and a runner for such scripts.

One statement per line, ending in `;` (strings escape their newlines), so `cypher-shell -f FILE`
runs it and so does run_cypher_script. It first creates the id constraints (the same names as
graph.migrations, IF NOT EXISTS). Then each batch is a cypher-shell parameter line holding the
values, `:param {rows: [...]}`, and one parameterized statement: `UNWIND $rows AS props CREATE
(n:Label) SET n = props` for nodes, `UNWIND $rows AS row MATCH (a:L {id: row.start}) MATCH (b:M
{id: row.end}) CREATE (a)-[r:T]->(b) SET r = row.props` for relationships. The statements hold
labels and types only; no value is ever part of one. Dates are `date("YYYY-MM-DD")` literals,
points `point({longitude: …, latitude: …})`. Output is deterministic.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Iterator
from datetime import date
from itertools import groupby, islice

from neo4j import Session

from graph.export.chunks import encoded
from graph.export.cypher_params import parse_params
from graph.export.records import ExportNode, ExportRelationship, GraphStream
from graph.export.values import PointValue, Value
from graph.migrations import NODE_ID_CONSTRAINTS, REL_ID_CONSTRAINTS
from graph.model import DATED_LABELS
from graph.queries.windows import span_class_expression
from schema.dates import SPAN_CLASS_PROPERTY

BATCH = 200
IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def name(text: str) -> str:
    """A label, type or key as Cypher text: bare if a plain identifier, else backtick-quoted."""
    return text if IDENTIFIER.match(text) else "`" + text.replace("`", "``") + "`"


def _string(text: str) -> str:
    out = (_ESCAPES.get(c) or (f"\\u{ord(c):04x}" if ord(c) < 0x20 else c) for c in text)
    return '"' + "".join(out) + '"'


def literal(value: Value | dict[str, Value]) -> str:
    """A Cypher literal for a property value (or a map of them)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "(0.0/0.0)"
        return repr(value) if math.isfinite(value) else f"({'-' if value < 0 else ''}1.0/0.0)"
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, date):
        return f'date("{value.isoformat()}")'
    if isinstance(value, PointValue):
        return f"point({{longitude: {value.longitude!r}, latitude: {value.latitude!r}}})"
    if isinstance(value, list):
        return "[" + ", ".join(literal(item) for item in value) + "]"
    return "{" + ", ".join(f"{name(k)}: {literal(v)}" for k, v in sorted(value.items())) + "}"


def _param_line(rows: Iterable[str]) -> str:
    """The batch's values as a cypher-shell parameter line (read back by cypher_params.py)."""
    return ":param {rows: [" + ", ".join(rows) + "]}\n"


# Statements carry labels and types only: from the exported graph (allow-listed there) and
# backtick-quoted by name(). Values go in the parameter line before each statement.
# Exports leave out what the graph derives (graph.model.DERIVED_PROPERTIES); the script derives
# it again, as every import path does: an Event's or Statement's span class from its dates.
DERIVE_SPAN_CLASS = f", n.{SPAN_CLASS_PROPERTY} = " + span_class_expression("props.date_start", "props.date_end")


def _node_statements(nodes: Iterable[ExportNode]) -> Iterator[str]:
    for labels, group in groupby(nodes, key=lambda node: tuple(node.labels)):
        label_text = "".join(f":{name(label)}" for label in labels)
        derived = DERIVE_SPAN_CLASS if labels[0] in DATED_LABELS else ""
        while batch := list(islice(group, BATCH)):  # never the whole group: memory stays flat
            yield _param_line(literal(node.properties) for node in batch)
            yield f"UNWIND $rows AS props CREATE (n{label_text}) SET n = props{derived};\n"


def _relationship_statements(relationships: Iterable[ExportRelationship]) -> Iterator[str]:
    key = lambda rel: (rel.type, rel.start_label, rel.end_label)  # noqa: E731
    for (rel_type, start_label, end_label), group in groupby(relationships, key=key):
        while batch := list(islice(group, BATCH)):
            yield _param_line(
                literal({"start": rel.start, "end": rel.end, "props": rel.properties}) for rel in batch
            )
            yield (
                f"UNWIND $rows AS row MATCH (a:{name(start_label)} {{id: row.start}}) "
                f"MATCH (b:{name(end_label)} {{id: row.end}}) "
                f"CREATE (a)-[r:{name(rel_type)}]->(b) SET r = row.props;\n"
            )


def _parts(stream: GraphStream) -> Iterator[str]:
    yield "// conflictkg export. Run on an empty Neo4j 5: cypher-shell -f THIS_FILE\n"
    yield f"// selection: {json.dumps(stream.description, sort_keys=True)}\n"
    for statement in [*NODE_ID_CONSTRAINTS, *REL_ID_CONSTRAINTS]:
        yield statement + ";\n"
    yield from _node_statements(stream.nodes())
    yield from _relationship_statements(stream.relationships())


def write_cypher(stream: GraphStream) -> Iterator[bytes]:
    """The export as a Cypher script, in chunks."""
    return encoded(_parts(stream))


def run_cypher_script(session: Session, lines: Iterable[str]) -> int:
    """Run a script written by write_cypher (one statement per line, `//` comments, `:param` lines
    whose values the next statements get as parameters); return how many statements ran."""
    count, params = 0, {}
    for line in lines:
        statement = line.strip()
        if statement.startswith(":param "):
            params = parse_params(statement.removeprefix(":param "))
        elif statement and not statement.startswith("//"):
            session.run(statement.removesuffix(";"), params).consume()  # type: ignore[arg-type]
            count += 1
    return count
