"""GEXF 1.2 for Gephi through networkx, built in memory: the node cap bounds it.

Dated nodes (events, statements: `date_start`/`date_end`) get a GEXF time interval (start, end as
ISO dates), so Gephi's timeline filters them; undated nodes exist at all times. The GEXF node
`label` is a display name (name, title, summary or id) and the edge `label` the relationship type;
both are format fields, not properties. Other conventions as in GraphML (lists as JSON strings,
dates as ISO strings, `labels` as a JSON array); the edge id is the relationship id. GEXF has no
graph attributes, so `<meta><description>` holds {"property_types": …, "selection": …} as JSON.
"""

from __future__ import annotations

from collections.abc import Iterator

import json
from xml.etree.ElementTree import SubElement

import networkx as nx
from networkx.readwrite.gexf import GEXFWriter

from graph.export.chunks import encoded
from graph.export.graphml import build_graph
from graph.export.records import GraphStream, check_reserved
from graph.export.values import Value

RESERVED = frozenset({"label", "start", "end", "pid", "viz", "weight", "networkx_key"})
DISPLAY_KEYS = ("name", "title", "summary")


def _display(properties: dict[str, Value], fallback: str) -> str:
    return next((str(properties[k]) for k in DISPLAY_KEYS if properties.get(k)), fallback)


def build_dynamic_graph(stream: GraphStream) -> nx.MultiDiGraph:
    """The GraphML graph with GEXF display labels and time intervals added."""
    graph = build_graph(stream)
    for node_id, data in graph.nodes(data=True):
        check_reserved(data, RESERVED, node_id)
        data["label"] = _display(data, node_id)
        if "date_start" in data and "date_end" in data:
            data["start"], data["end"] = data["date_start"], data["date_end"]
    for _, _, key, data in graph.edges(keys=True, data=True):
        check_reserved(data, RESERVED, key)
        data["label"] = data.pop("type")  # GEXF's edge `type` means directed/undirected
    return graph


def write_gexf(stream: GraphStream) -> Iterator[bytes]:
    """The export as GEXF 1.2, in chunks."""
    graph = build_dynamic_graph(stream)
    writer = GEXFWriter(version="1.2draft")
    # GEXF has no graph attributes; the type map goes into <meta><description> as JSON.
    meta = writer.xml.find("meta")
    assert meta is not None
    description = {key: json.loads(graph.graph[key]) for key in ("selection", "property_types")}
    SubElement(meta, "description").text = json.dumps(description, sort_keys=True)
    writer.add_graph(graph)
    return encoded(line + "\n" for line in str(writer).splitlines())
