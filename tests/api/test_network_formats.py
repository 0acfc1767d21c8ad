"""GET /accusations/network?format=cytoscape|vis: shapes cytoscape.js and vis-network take as they are."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from pydantic import BaseModel, ConfigDict, Field

ID = Field(min_length=1)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _CyNodeData(_Strict):
    """cytoscape.js elements JSON (js.cytoscape.org/#notation/elements-json): `id` is a string."""

    id: str = ID
    label: str = ID
    kind: str
    statements_made: int = Field(ge=0)
    statements_received: int = Field(ge=0)
    accusations_made: int = Field(ge=0)
    accusations_received: int = Field(ge=0)


class _CyNode(_Strict):
    data: _CyNodeData
    classes: str


class _CyEdgeData(_Strict):
    id: str = ID
    source: str = ID
    target: str = ID
    label: str
    statement_count: int = Field(ge=1)
    accusation_count: int = Field(ge=1)
    charges: list[str]
    statements: list[str] = Field(min_length=1)
    first_date: str
    last_date: str
    dates: str
    mutual: bool


class _CyEdge(_Strict):
    data: _CyEdgeData
    classes: str


class _CyElements(_Strict):
    nodes: list[_CyNode]
    edges: list[_CyEdge]


class _Cytoscape(_Strict):
    """What `cytoscape({elements: doc.elements, data: doc.data})` reads."""

    elements: _CyElements
    data: dict[str, bool]


class _VisNode(_Strict):
    """vis-network node options (visjs.github.io/vis-network/docs/network/nodes.html) plus data."""

    id: str = ID
    label: str
    title: str
    group: str
    value: int = Field(ge=0)
    kind: str
    statements_made: int
    statements_received: int
    accusations_made: int
    accusations_received: int


class _VisEdge(BaseModel):
    """vis-network edge options (…/network/edges.html): from, to, label, value, arrows, title, smooth."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    id: str = ID
    from_: str = Field(alias="from", min_length=1)
    to: str = ID
    label: str
    value: int = Field(ge=1)
    arrows: str = Field(pattern="^to$")
    title: str
    smooth: dict[str, Any] | None = None
    statement_count: int
    accusation_count: int
    charges: list[str]
    statements: list[str]
    first_date: str
    last_date: str
    mutual: bool


class _VisNetwork(_Strict):
    nodes: list[_VisNode]
    edges: list[_VisEdge]
    truncated: bool


def test_network_as_cytoscape_elements(seeded_client: TestClient) -> None:
    json_body = seeded_client.get("/accusations/network?level=state").json()
    response = seeded_client.get("/accusations/network?level=state&format=cytoscape")
    assert response.status_code == 200
    document = _Cytoscape.model_validate(response.json())
    nodes = [node.data for node in document.elements.nodes]
    edges = [edge.data for edge in document.elements.edges]
    node_ids = {node.id for node in nodes}
    # cytoscape refuses an edge whose end is missing and ids shared by two elements.
    assert all(edge.source in node_ids and edge.target in node_ids for edge in edges)
    assert len(node_ids | {edge.id for edge in edges}) == len(nodes) + len(edges)
    assert [n.id for n in nodes] == [n["id"] for n in json_body["nodes"]]
    assert [(e.source, e.target) for e in edges] == [(e["source"], e["target"]) for e in json_body["edges"]]
    russia_turkey = document.elements.edges[0]
    assert russia_turkey.classes == "mutual"
    assert russia_turkey.data.model_dump() == {
        "id": "actor:russia->actor:turkey",
        "source": "actor:russia",
        "target": "actor:turkey",
        "label": "4",
        "statement_count": 4,
        "accusation_count": 4,
        "charges": json_body["edges"][0]["charges"],
        "statements": json_body["edges"][0]["statements"],
        "first_date": "2019-11/2020-02",
        "last_date": "2020-02",
        "dates": "November 2019 – February 2020",
        "mutual": True,
    }
    un = next(node for node in document.elements.nodes if node.data.id == "actor:un")
    assert (un.data.label, un.classes, un.data.statements_made, un.data.accusations_made) == (
        "United Nations", "intergovernmental_org", 1, 3,
    )
    assert document.data == {"truncated": False}


def test_network_as_vis_network_nodes_and_edges(seeded_client: TestClient) -> None:
    response = seeded_client.get("/accusations/network?level=state&format=vis")
    assert response.status_code == 200
    document = _VisNetwork.model_validate(response.json())
    node_ids = {node.id for node in document.nodes}
    assert all(edge.from_ in node_ids and edge.to in node_ids for edge in document.edges)
    assert len({edge.id for edge in document.edges}) == len(document.edges)
    by_pair = {(edge.from_, edge.to): edge for edge in document.edges}
    forth, back = by_pair["actor:russia", "actor:turkey"], by_pair["actor:turkey", "actor:russia"]
    assert (forth.label, forth.value, back.value) == ("4", 4, 1)
    # Mutual edges curve the same way round, so the two directions are drawn apart.
    assert forth.smooth == back.smooth == {"enabled": True, "type": "curvedCW", "roundness": 0.2}
    assert by_pair["actor:un", "actor:iran"].smooth is None
    assert forth.title.startswith("Russia accuses Turkey in 4 statement(s), November 2019")
    assert "– violating the 2018 de-escalation agreement" in forth.title.split("\n")
    russia = next(node for node in document.nodes if node.id == "actor:russia")
    assert (russia.label, russia.group, russia.value) == ("Russia", "state", 6)
    assert document.truncated is False


def test_network_format_is_validated(seeded_client: TestClient) -> None:
    response = seeded_client.get("/accusations/network?format=graphml")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "format"]
    empty = seeded_client.get("/accusations/network?end=2010&format=cytoscape").json()
    assert empty == {"elements": {"nodes": [], "edges": []}, "data": {"truncated": False}}
