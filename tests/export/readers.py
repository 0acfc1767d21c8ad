"""Read export files back with each format's real reader into the shape of graph_snapshot."""

from __future__ import annotations

import io
import json
from typing import Any
from xml.etree import ElementTree

import networkx as nx
import shapely.wkt
from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF

from graph.export.rdf import CKG, GEO
from graph.export.values import PointValue, PropType, from_json, from_text

Snapshot = tuple[dict[str, Any], dict[str, Any]]


def _typed(data: dict[str, Any], types: dict[str, str], decode: Any) -> dict[str, Any]:
    return {k: decode(v, PropType(types[k])) for k, v in data.items()}


def read_json(body: bytes) -> Snapshot:
    graph = nx.node_link_graph(json.loads(body), edges="edges")
    types = graph.graph["property_types"]
    nodes = {}
    for node_id, data in graph.nodes(data=True):
        data = dict(data)
        labels = data.pop("labels")
        nodes[node_id] = (sorted(labels), {"id": node_id, **_typed(data, types["node"], from_json)})
    rels = {}
    for start, end, key, data in graph.edges(keys=True, data=True):
        data = dict(data)
        rel_type = data.pop("type")
        rels[key] = (rel_type, start, end, _typed(data, types["relationship"], from_json))
    return nodes, rels


def _from_networkx(graph: nx.MultiDiGraph, types: dict[str, dict[str, str]], gexf: bool) -> Snapshot:
    nodes = {}
    for node_id, data in graph.nodes(data=True):
        data = dict(data)
        labels = json.loads(data.pop("labels"))
        if gexf:
            data.pop("label")
            assert (data.pop("start", None), data.pop("end", None)) == (
                data.get("date_start"), data.get("date_end"))
            data["id"] = node_id
        nodes[node_id] = (sorted(labels), _typed(data, types["node"], from_text))
    rels = {}
    # read_gexf returns a DiGraph (edge id in data) when no two edges share their ends.
    edges = (graph.edges(keys=True, data=True) if graph.is_multigraph()
             else ((u, v, d["id"], d) for u, v, d in graph.edges(data=True)))
    for start, end, key, data in edges:
        data = dict(data)
        rel_type = data.pop("label") if gexf else data.pop("type")
        if gexf:
            assert data.pop("networkx_key", key) == key
            data["id"] = key
        rels[key] = (rel_type, start, end, _typed(data, types["relationship"], from_text))
    return nodes, rels


def read_graphml(body: bytes) -> Snapshot:
    graph = nx.read_graphml(io.BytesIO(body), force_multigraph=True)
    return _from_networkx(graph, json.loads(graph.graph["property_types"]), gexf=False)


def read_gexf(body: bytes) -> Snapshot:
    graph = nx.read_gexf(io.BytesIO(body))
    namespace = {"g": "http://www.gexf.net/1.2draft"}
    description = ElementTree.fromstring(body).find("g:meta/g:description", namespace)
    assert description is not None and description.text
    return _from_networkx(graph, json.loads(description.text)["property_types"], gexf=True)


def _rdf_properties(graph: Graph, subject: URIRef) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    for predicate, value in graph.predicate_objects(subject):
        if not str(predicate).startswith(str(CKG)):
            continue
        key = str(predicate)[len(str(CKG)):]
        if isinstance(value, Literal) and value.datatype == GEO.wktLiteral:
            point = shapely.wkt.loads(str(value))
            properties[key] = PointValue(point.x, point.y)
        elif isinstance(value, Literal):
            properties[key] = value.toPython()
        elif value == RDF.nil or not isinstance(value, URIRef):
            properties[key] = [item.toPython() for item in Collection(graph, value)]
    return properties


def read_rdf(body: bytes, rdf_format: str) -> Snapshot:
    graph = Graph().parse(data=body, format=rdf_format)
    statements = set(graph.subjects(RDF.type, RDF.Statement))
    nodes = {}
    for subject in set(graph.subjects(CKG.id, None)) - statements:
        labels = [str(o)[len(str(CKG)):] for o in graph.objects(subject, RDF.type) if str(o).startswith(str(CKG))]
        properties = _rdf_properties(graph, subject)  # type: ignore[arg-type]
        nodes[properties["id"]] = (sorted(labels), properties)
    rels = {}
    for statement in statements:
        properties = _rdf_properties(graph, statement)  # type: ignore[arg-type]
        rel_type = str(graph.value(statement, RDF.predicate))[len(str(CKG)):]
        start = graph.value(graph.value(statement, RDF.subject), CKG.id)
        end = graph.value(graph.value(statement, RDF.object), CKG.id)
        rels[properties["id"]] = (rel_type, str(start), str(end), properties)
    return nodes, rels
