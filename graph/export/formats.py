"""The export formats: their writers, media types and file extensions."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from enum import StrEnum

from graph.export.csv import write_csv_zip
from graph.export.cypher import write_cypher
from graph.export.geojson import write_geojson
from graph.export.gexf import write_gexf
from graph.export.graphml import write_graphml
from graph.export.json import write_json
from graph.export.rdf import write_jsonld, write_turtle
from graph.export.records import GraphStream


class ExportFormat(StrEnum):
    """A file format researchers' tools read."""

    JSON = "json"  # networkx node-link
    GRAPHML = "graphml"  # networkx, igraph, Gephi, yEd
    GEXF = "gexf"  # Gephi (with a timeline)
    CSV = "csv"  # neo4j-admin import (a zip)
    CYPHER = "cypher"  # cypher-shell into any Neo4j
    JSONLD = "jsonld"  # RDF
    TURTLE = "turtle"  # RDF
    GEOJSON = "geojson"  # QGIS, kepler.gl, Leaflet: events, statements and places as features

    @property
    def streams(self) -> bool:
        """True when memory stays flat however large the export (others build it in memory)."""
        return self not in (ExportFormat.GRAPHML, ExportFormat.GEXF)


WRITERS: dict[ExportFormat, Callable[[GraphStream], Iterator[bytes]]] = {
    ExportFormat.JSON: write_json,
    ExportFormat.GRAPHML: write_graphml,
    ExportFormat.GEXF: write_gexf,
    ExportFormat.CSV: write_csv_zip,
    ExportFormat.CYPHER: write_cypher,
    ExportFormat.JSONLD: write_jsonld,
    ExportFormat.TURTLE: write_turtle,
    ExportFormat.GEOJSON: write_geojson,
}
MEDIA_TYPES = {
    ExportFormat.JSON: "application/json",
    ExportFormat.GRAPHML: "application/graphml+xml",
    ExportFormat.GEXF: "application/gexf+xml",
    ExportFormat.CSV: "application/zip",
    ExportFormat.CYPHER: "application/x-cypher-query; charset=utf-8",
    ExportFormat.JSONLD: "application/ld+json",
    ExportFormat.TURTLE: "text/turtle; charset=utf-8",
    ExportFormat.GEOJSON: "application/geo+json",
}
EXTENSIONS = {
    ExportFormat.JSON: "json",
    ExportFormat.GRAPHML: "graphml",
    ExportFormat.GEXF: "gexf",
    ExportFormat.CSV: "zip",
    ExportFormat.CYPHER: "cypher",
    ExportFormat.JSONLD: "jsonld",
    ExportFormat.TURTLE: "ttl",
    ExportFormat.GEOJSON: "geojson",
}


def write(export_format: ExportFormat, stream: GraphStream) -> Iterator[bytes]:
    """The export in the format, as a stream of byte chunks."""
    return WRITERS[export_format](stream)
