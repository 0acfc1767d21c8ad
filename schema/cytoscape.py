"""The accusation network as cytoscape.js elements JSON, taken as it is:
`cytoscape({container, elements: doc.elements, data: doc.data})`.

Dates keep their precision: ISO text of any precision ("2020-02", "2019-11/2020-02") and words.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from schema.accusations import AccusationCounts, AccusationNetwork, NetworkEdge, NetworkNode

COUNTS = set(AccusationCounts.model_fields)


class CyNodeData(AccusationCounts):
    id: str = Field(examples=["actor:russia"])
    label: str = Field(description="The actor's name.", examples=["Russia"])
    kind: str = Field(examples=["state"])


class CyNode(BaseModel):
    data: CyNodeData
    classes: str = Field(description="The actor's kind, for style selectors (`node.state`).")


class CyEdgeData(BaseModel):
    id: str = Field(examples=["actor:russia->actor:turkey"])
    source: str = Field(description="Accuser actor id.")
    target: str = Field(description="Accused actor id.")
    label: str = Field(description="The statement count, as text.", examples=["4"])
    statement_count: int = Field(description="Distinct statements: the edge's weight.")
    accusation_count: int = Field(description="Rows of /accusations behind the edge.")
    charges: list[str]
    statements: list[str]
    first_date: str = Field(description="The first statement's date, ISO text of any precision.",
                            examples=["2019-11/2020-02"])
    last_date: str = Field(description="The last statement's date.", examples=["2020-02"])
    dates: str = Field(description="From the first statement to the last, in words.",
                       examples=["November 2019 – February 2020"])
    mutual: bool


class CyEdge(BaseModel):
    data: CyEdgeData
    classes: str = Field(description="`mutual` when the target accuses the source too, else empty.")


class CyElements(BaseModel):
    nodes: list[CyNode]
    edges: list[CyEdge]


class CyGraphData(BaseModel):
    truncated: bool = Field(description="Edges beyond `limit` were dropped.")


class CytoscapeNetwork(BaseModel):
    """cytoscape.js elements JSON; `data` is graph-level data (`cy.data()`)."""

    elements: CyElements
    data: CyGraphData


def node_data(node: NetworkNode) -> CyNodeData:
    """The node's id, name as `label`, kind and counts."""
    return CyNodeData(id=node.id, label=node.name, kind=node.kind, **node.model_dump(include=COUNTS))


def _edge_data(edge: NetworkEdge) -> CyEdgeData:
    return CyEdgeData(
        id=edge.id,
        source=edge.source,
        target=edge.target,
        label=str(edge.statement_count),
        statement_count=edge.statement_count,
        accusation_count=edge.accusation_count,
        charges=edge.charges,
        statements=edge.statements,
        first_date=edge.first_date.text,
        last_date=edge.last_date.text,
        dates=edge.dates_in_words,
        mutual=edge.mutual,
    )


def to_cytoscape(network: AccusationNetwork) -> CytoscapeNetwork:
    """Nodes and edges wrapped in `data`, with classes for styling by kind and mutuality."""
    return CytoscapeNetwork(
        elements=CyElements(
            nodes=[CyNode(data=node_data(node), classes=node.kind) for node in network.nodes],
            edges=[CyEdge(data=_edge_data(edge), classes="mutual" * edge.mutual) for edge in network.edges],
        ),
        data=CyGraphData(truncated=network.truncated),
    )
