"""RDF through rdflib: Turtle and JSON-LD, both streamed (an rdflib Graph per page of elements).

Exact layer (what a reader needs to rebuild the property graph): every node is
<urn:conflictkg:id:{id}> typed ckg:{Label}, every property ckg:{key} with an XSD-typed literal
(xsd:date, xsd:integer, xsd:double, xsd:boolean, string, GeoSPARQL geo:wktLiteral
`POINT(lon lat)` for points; lists as rdf:List, so order is kept);
every relationship is a direct triple <start> ckg:{TYPE} <end> plus a reified rdf:Statement
<urn:conflictkg:rel:{id}> carrying the relationship's properties.
Aligned layer (for linked-data tools): events sem:Event and schema:Event, actors sem:Actor and
schema:Person / schema:Organization (by `kind`), places, statements as schema:Claim, sources as
schema:CreativeWork; RATED as schema:ClaimReview with a schema:Rating; source_ids as
prov:wasDerivedFrom; names, dates, places and speakers mapped to schema.org and SEM.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from urllib.parse import quote

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import PROV, RDF, SDO, XSD
from rdflib.term import BNode, Node

from graph.export.chunks import encoded
from graph.export.records import ExportNode, ExportRelationship, GraphStream
from graph.export.values import PointValue, Scalar, Value

CKG = Namespace("urn:conflictkg:vocab:")
NODE = Namespace("urn:conflictkg:id:")
REL = Namespace("urn:conflictkg:rel:")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
GEO = Namespace("http://www.opengis.net/ont/geosparql#")
PREFIXES = {"ckg": CKG, "id": NODE, "rel": REL, "sem": SEM, "schema": SDO, "prov": PROV,
            "rdf": RDF, "xsd": XSD, "geo": GEO}
PAGE = 200

LABEL_TYPES = {
    "Event": [SEM.Event, SDO.Event],
    "Actor": [SEM.Actor],
    "Place": [SEM.Place, SDO.Place],
    "Statement": [SDO.Claim],
    "Source": [SDO.CreativeWork],
}
KEY_ALIGNMENT = {
    "name": [SDO.name], "title": [SDO.name], "description": [SDO.description],
    "url": [SDO.url], "source_url": [SDO.url], "text": [SDO.text],
    "latitude": [SDO.latitude], "longitude": [SDO.longitude],
    "date_start": [SDO.startDate, SEM.hasEarliestBeginTimeStamp],
    "date_end": [SDO.endDate, SEM.hasLatestEndTimeStamp],
}
# relationship type → (predicate, True when the predicate runs from the end node to the start node)
REL_ALIGNMENT = {
    "PARTICIPATED_IN": (SEM.hasActor, True), "OCCURRED_IN": (SEM.hasPlace, False),
    "PART_OF": (SEM.subEventOf, False), "MADE": (SDO.author, True),
    "PUBLISHED_BY": (SDO.publisher, False), "CITES": (SDO.citation, False),
    "LOCATED_IN": (SDO.containedInPlace, False),
}


class ExactDouble(Literal):
    """An xsd:double that Turtle writes with every digit (rdflib's shorthand keeps six)."""

    def _literal_n3(self, use_plain: bool = False, qname_callback: object = None) -> str:
        return super()._literal_n3(False, qname_callback)  # type: ignore[arg-type]


def node_iri(node_id: str) -> URIRef:
    return NODE[quote(node_id, safe=":-._~@")]


def rel_iri(rel_id: str) -> URIRef:
    return REL[quote(rel_id, safe=":-._~@")]


def _literal(value: Scalar | PointValue) -> Literal:
    if isinstance(value, PointValue):
        return Literal(f"POINT({value.longitude!r} {value.latitude!r})", datatype=GEO.wktLiteral)
    if isinstance(value, float):
        return ExactDouble(repr(value), datatype=XSD.double)
    return Literal(value, datatype=XSD.date) if isinstance(value, date) else Literal(value)


def _object(graph: Graph, value: Value) -> Node:
    if not isinstance(value, list):
        return _literal(value)
    if not value:
        return RDF.nil
    head = BNode()
    Collection(graph, head, [_literal(item) for item in value])
    return head


def _properties(graph: Graph, subject: URIRef, properties: dict[str, Value]) -> None:
    for key, value in sorted(properties.items()):
        graph.add((subject, CKG[key], _object(graph, value)))
        if not isinstance(value, list):
            for predicate in KEY_ALIGNMENT.get(key, []):
                graph.add((subject, predicate, _literal(value)))
    for source_id in properties.get("source_ids") or []:
        graph.add((subject, PROV.wasDerivedFrom, node_iri(str(source_id))))


def add_node(graph: Graph, node: ExportNode) -> None:
    """The node's exact and aligned triples."""
    subject = node_iri(node.id)
    graph.add((subject, RDF.type, PROV.Entity))
    for label in node.labels:
        graph.add((subject, RDF.type, CKG[label]))
        for rdf_type in LABEL_TYPES.get(label, []):
            graph.add((subject, RDF.type, rdf_type))
    if node.label == "Actor":
        person = node.properties.get("kind") == "person"
        graph.add((subject, RDF.type, SDO.Person if person else SDO.Organization))
    _properties(graph, subject, node.properties)


def add_relationship(graph: Graph, rel: ExportRelationship) -> None:
    """The relationship's direct triple, its reified statement, and aligned triples."""
    start, end, statement = node_iri(rel.start), node_iri(rel.end), rel_iri(rel.id)
    graph.add((start, CKG[rel.type], end))
    graph.add((statement, RDF.type, RDF.Statement))
    graph.add((statement, RDF.subject, start))
    graph.add((statement, RDF.predicate, CKG[rel.type]))
    graph.add((statement, RDF.object, end))
    _properties(graph, statement, rel.properties)
    if rel.type in REL_ALIGNMENT:
        predicate, reverse = REL_ALIGNMENT[rel.type]
        graph.add((end, predicate, start) if reverse else (start, predicate, end))
    if rel.type == "RATED":  # a fact-checker's verdict on a statement
        rating = URIRef(f"{statement}/rating")
        graph.add((statement, RDF.type, SDO.ClaimReview))
        graph.add((statement, SDO.itemReviewed, end))
        graph.add((statement, SDO.author, start))
        graph.add((statement, SDO.reviewRating, rating))
        graph.add((rating, RDF.type, SDO.Rating))
        for key in ("rating", "rating_normalized"):
            if key in rel.properties:
                graph.add((rating, SDO.alternateName, _literal(str(rel.properties[key]))))


def new_graph() -> Graph:
    graph = Graph(bind_namespaces="none")
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def _elements(stream: GraphStream) -> Iterator[ExportNode | ExportRelationship]:
    yield from stream.nodes()
    yield from stream.relationships()


def _page_graphs(stream: GraphStream) -> Iterator[Graph]:
    """The export as small rdflib Graphs of PAGE elements each, so memory stays flat."""
    elements: list[ExportNode | ExportRelationship] = []
    for element in _elements(stream):
        elements.append(element)
        if len(elements) == PAGE:
            yield _page_graph(elements)
            elements = []
    if elements:
        yield _page_graph(elements)


def _page_graph(elements: list[ExportNode | ExportRelationship]) -> Graph:
    graph = new_graph()
    for element in elements:
        if isinstance(element, ExportNode):
            add_node(graph, element)
        else:
            add_relationship(graph, element)
    return graph


def _jsonld_parts(stream: GraphStream) -> Iterator[str]:
    # One document whose @graph holds each page's node objects in turn. A subject can appear in
    # two pages (a node, then the relationships leaving it); JSON-LD readers merge node objects
    # that share an @id, so the triples are exactly those of one in-memory graph.
    context = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
    yield '{"@context": ' + json.dumps(context, indent=1) + ',\n"@graph": ['
    separator = "\n"
    for graph in _page_graphs(stream):
        document = json.loads(graph.serialize(format="json-ld", context=context))
        document.pop("@context", None)
        for item in document.pop("@graph", None) or ([document] if document else []):
            yield separator + json.dumps(item, ensure_ascii=False, indent=1)
            separator = ",\n"
    yield "\n]}\n"


def write_jsonld(stream: GraphStream) -> Iterator[bytes]:
    """The export as JSON-LD (compacted with the prefixes as @context), page by page."""
    return encoded(_jsonld_parts(stream))


def _turtle_parts(stream: GraphStream) -> Iterator[str]:
    yield "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(PREFIXES.items())) + "\n"
    for graph in _page_graphs(stream):
        text = graph.serialize(format="turtle")
        # Each page starts with the prefixes it uses; they are all in the file's header already.
        lines = text.splitlines(True)
        first = next((i for i, line in enumerate(lines) if not line.startswith("@prefix ")), len(lines))
        yield "".join(lines[first:])


def write_turtle(stream: GraphStream) -> Iterator[bytes]:
    """The export as Turtle, page by page."""
    return encoded(_turtle_parts(stream))
