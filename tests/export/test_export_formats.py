"""Each format, read back by its real reader, equals the graph: ids, labels, types, every property."""

from __future__ import annotations

import csv
import io
import zipfile

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from graph.export.values import PointValue
from graph.settings import GraphSettings
from tests.export.conftest import graph_snapshot
from tests.export.readers import read_gexf, read_graphml, read_json, read_rdf
from tests.export.test_export_api import DEPTH_2, ERKHOV

READERS = {
    "json": read_json,
    "graphml": read_graphml,
    "gexf": read_gexf,
    "jsonld": lambda body: read_rdf(body, "json-ld"),
    "turtle": lambda body: read_rdf(body, "turtle"),
}


@pytest.mark.parametrize("export_format", sorted(READERS))
def test_export_format_reads_back_equal_to_graph(
    export_format: str, small_graph: Driver, settings: GraphSettings, export_client: TestClient
) -> None:
    response = export_client.get("/export", params={"seed": ERKHOV, "depth": 2, "format": export_format})
    assert response.status_code == 200
    nodes, rels = READERS[export_format](response.content)
    expected_nodes, expected_rels = graph_snapshot(small_graph, settings, sorted(DEPTH_2))
    assert nodes == expected_nodes
    assert rels == expected_rels
    assert len(rels) == 10


def test_export_json_keeps_typed_edge_cases(small_graph: Driver, export_client: TestClient) -> None:
    nodes, _ = read_json(export_client.get("/export", params={"seed": "place:idlib"}).content)
    assert nodes["place:idlib"][1]["longitude"] == 0.1 + 0.2
    assert nodes["place:idlib"][1]["point"] == PointValue(36.6339, 0.1 + 0.2)
    nodes, _ = read_json(export_client.get("/export", params={"seed": ERKHOV}).content)
    assert nodes[ERKHOV][1]["description"] == 'Ambassador, "quoted"\nsecond line'
    assert nodes["stmt:erkhov-blames-turkey"][1]["verbatim"] is False


def test_export_gexf_gives_dated_nodes_a_timeline_interval(small_graph: Driver, export_client: TestClient) -> None:
    body = export_client.get("/export", params={"seed": ERKHOV, "depth": 2, "format": "gexf"}).content
    text = body.decode()
    assert 'mode="dynamic"' in text and 'timeformat="date"' in text
    assert 'id="event:2019-04-offensive" label="Offensive" start="2019-04-01" end="2019-04-30"' in text
    assert 'id="actor:russia" label="Russia">' in text  # undated: present at all times


def test_export_csv_headers_follow_neo4j_admin_format(small_graph: Driver, export_client: TestClient) -> None:
    body = export_client.get("/export", params={"seed": ERKHOV, "depth": 2, "format": "csv"}).content
    archive = zipfile.ZipFile(io.BytesIO(body))
    assert sorted(archive.namelist()) == [
        "IMPORT.txt",
        "nodes/Actor.csv", "nodes/Event.csv", "nodes/Source.csv", "nodes/Statement.csv",
        "relationships/ABOUT.csv", "relationships/ACCUSES.csv", "relationships/AFFILIATED_WITH.csv",
        "relationships/CITES.csv", "relationships/MADE.csv", "relationships/PARTICIPATED_IN.csv",
        "relationships/PUBLISHED_BY.csv", "relationships/RATED.csv",
    ]
    events = list(csv.reader(io.StringIO(archive.read("nodes/Event.csv").decode())))
    assert events[0] == [
        "id:ID", ":LABEL", "date:string", "date_end:date", "date_precision:string", "date_start:date",
        "fatalities_best:long", "fatalities_low:long", "point:point", "provider_id:string",
        "source_ids:string[]",
        "summary:string", "title:string", "type:string",
    ]
    assert events[1][:2] == ["event:2019-04-offensive", "Event"]
    assert events[2][10] == "src:a;src:b"
    assert events[2][8] == "{longitude:-179.99,latitude:-12.5}"  # neo4j-admin's point syntax
    rated = list(csv.reader(io.StringIO(archive.read("relationships/RATED.csv").decode())))
    assert rated[0][:4] == [":START_ID", ":END_ID", ":TYPE", "id:string"]
    assert rated[1][:3] == ["actor:polygraph-info", "stmt:erkhov-blames-turkey", "RATED"]
    assert "neo4j-admin database import full" in archive.read("IMPORT.txt").decode()


def test_export_graphml_declares_attribute_types(small_graph: Driver, export_client: TestClient) -> None:
    text = export_client.get("/export", params={"seed": ERKHOV, "depth": 2, "format": "graphml"}).text
    assert 'attr.name="fatalities_best" attr.type="long"' in text
    assert 'attr.name="verbatim" attr.type="boolean"' in text
    assert 'attr.name="date_start" attr.type="string"' in text  # ISO; property_types says "date"
    assert ">false</data>" in text and ">False</data>" not in text
