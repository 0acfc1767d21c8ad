"""GraphML through networkx (typed <key attr.type=…>), built in memory: the node cap bounds it.

GraphML has no list or date types, so lists are JSON arrays in string attributes and dates ISO
strings; the graph attribute `property_types` (a JSON object {"node": {key: type}, "relationship":
{…}}) names each key's real type. Node `labels` is a JSON array; edges carry `type` and `id` and
their GraphML edge id is the relationship id.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import networkx as nx
from networkx.readwrite.graphml import GraphMLWriter

from graph.export.chunks import encoded
from graph.export.records import GraphStream, check_reserved
from graph.export.values import to_text

NODE_RESERVED = frozenset({"labels"})
EDGE_RESERVED = frozenset({"type"})


def build_graph(stream: GraphStream) -> nx.MultiDiGraph:
    """The export as a networkx MultiDiGraph with scalar attributes only (see module doc)."""
    graph = nx.MultiDiGraph(
        name="conflictkg export",
        selection=json.dumps(stream.description, sort_keys=True),
        property_types=json.dumps(stream.schema().to_json(), sort_keys=True),
    )
    for node in stream.nodes():
        check_reserved(node.properties, NODE_RESERVED, node.id)
        attributes = {k: to_text(v) for k, v in sorted(node.properties.items())}
        graph.add_node(node.id, labels=json.dumps(node.labels), **attributes)
    for rel in stream.relationships():
        check_reserved(rel.properties, EDGE_RESERVED, rel.id)
        attributes = {k: to_text(v) for k, v in sorted(rel.properties.items())}
        graph.add_edge(rel.start, rel.end, key=rel.id, type=rel.type, **attributes)
    return graph


class _Writer(GraphMLWriter):  # type: ignore[misc]
    """networkx's writer, with booleans as XML Schema's `true`/`false` (it writes `True`)."""

    def add_data(self, name: str, element_type: type, value: object, scope: str = "all",
                 default: object = None) -> object:
        if element_type is bool:
            value = "true" if value is True or value == "True" else "false"
        return super().add_data(name, element_type, value, scope, default)


def write_graphml(stream: GraphStream) -> Iterator[bytes]:
    """The export as GraphML, in chunks."""
    writer = _Writer(encoding="utf-8", prettyprint=True)
    writer.add_graph_element(build_graph(stream))
    return encoded(line + "\n" for line in str(writer).splitlines())
