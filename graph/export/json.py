"""Node-link JSON as networkx.node_link_graph reads it (networkx ≥ 3.4 defaults: "nodes", "edges").

Written by hand, element by element, so it streams (networkx.node_link_data builds it in memory).
Nodes: {"id", "labels", <properties>}; edges: {"source", "target", "key" (= relationship id),
"type", "id", <properties>}. Dates are ISO strings; `graph.property_types` says which keys are
dates (and the type of every key), so a reader restores the exact Neo4j types.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from graph.export.chunks import encoded
from graph.export.records import GraphStream, check_reserved
from graph.export.values import to_json

FORMAT_NAME = "conflictkg/node-link@1"
NODE_RESERVED = frozenset({"labels"})
EDGE_RESERVED = frozenset({"source", "target", "key", "type"})


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _parts(stream: GraphStream) -> Iterator[str]:
    graph = {
        "name": "conflictkg export",
        "format": FORMAT_NAME,
        "selection": stream.description,
        "property_types": stream.schema().to_json(),
    }
    yield f'{{"directed": true, "multigraph": true, "graph": {_dumps(graph)}, "nodes": ['
    for index, node in enumerate(stream.nodes()):
        check_reserved(node.properties, NODE_RESERVED, node.id)
        item = {k: to_json(v) for k, v in node.properties.items()}
        item.update(id=node.id, labels=node.labels)
        yield ("," if index else "") + "\n" + _dumps(item)
    yield '\n], "edges": ['
    for index, rel in enumerate(stream.relationships()):
        check_reserved(rel.properties, EDGE_RESERVED, rel.id)
        item = {k: to_json(v) for k, v in rel.properties.items()}
        item.update(source=rel.start, target=rel.end, key=rel.id, type=rel.type, id=rel.id)
        yield ("," if index else "") + "\n" + _dumps(item)
    yield "\n]}\n"


def write_json(stream: GraphStream) -> Iterator[bytes]:
    """The export as node-link JSON, in chunks."""
    return encoded(_parts(stream))
