"""The accusation network as vis-network nodes and edges, taken as they are:
`new vis.Network(container, doc, options)` (it reads `nodes` and `edges`).

vis-network shows a string `title` as plain text, newlines kept.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from schema.accusations import AccusationCounts, AccusationNetwork, NetworkEdge, NetworkNode
from schema.cytoscape import COUNTS

# Both directions of a mutual pair curve clockwise, so A→B and B→A are drawn apart.
MUTUAL_CURVE: dict[str, object] = {"enabled": True, "type": "curvedCW", "roundness": 0.2}


class VisNode(AccusationCounts):
    id: str = Field(examples=["actor:russia"])
    label: str = Field(description="The actor's name.")
    kind: str
    title: str = Field(description="Tooltip, plain text.")
    group: str = Field(description="The actor's kind.")
    value: int = Field(description="Statements made and received: the node's size.")


class VisEdge(BaseModel):
    id: str = Field(examples=["actor:russia->actor:turkey"])
    from_: str = Field(alias="from", description="Accuser actor id.")
    to: str = Field(description="Accused actor id.")
    label: str = Field(description="The statement count, as text.")
    value: int = Field(description="Distinct statements: the edge's width.")
    arrows: str = "to"
    title: str = Field(description="Tooltip, plain text: who, how often, when, the charges.")
    smooth: dict[str, object] | None = Field(default=None, description="Mutual edges curve apart.")
    statement_count: int
    accusation_count: int
    charges: list[str]
    statements: list[str]
    first_date: str = Field(description="The first statement's date, ISO text of any precision.")
    last_date: str
    mutual: bool


class VisNetwork(BaseModel):
    """vis-network data: `nodes` and `edges` as DataSet items."""

    nodes: list[VisNode]
    edges: list[VisEdge]
    truncated: bool = Field(description="Edges beyond `limit` were dropped.")


def _node(node: NetworkNode) -> VisNode:
    return VisNode(
        id=node.id,
        label=node.name,
        kind=node.kind,
        title=f"{node.name} ({node.kind}): accuses in {node.statements_made} statement(s), "
        f"accused in {node.statements_received}",
        group=node.kind,
        value=node.statements_made + node.statements_received,
        **node.model_dump(include=COUNTS),
    )


def _edge(edge: NetworkEdge, names: dict[str, str]) -> VisEdge:
    who = f"{names[edge.source]} accuses {names[edge.target]}"
    lines = [f"{who} in {edge.statement_count} statement(s), {edge.dates_in_words}" + " (mutual)" * edge.mutual]
    return VisEdge.model_validate(
        {
            "id": edge.id,
            "from": edge.source,
            "to": edge.target,
            "label": str(edge.statement_count),
            "value": edge.statement_count,
            "title": "\n".join(lines + [f"– {charge}" for charge in edge.charges]),
            "smooth": MUTUAL_CURVE if edge.mutual else None,
            "statement_count": edge.statement_count,
            "accusation_count": edge.accusation_count,
            "charges": edge.charges,
            "statements": edge.statements,
            "first_date": edge.first_date.text,
            "last_date": edge.last_date.text,
            "mutual": edge.mutual,
        }
    )


def to_vis_network(network: AccusationNetwork) -> VisNetwork:
    """Nodes sized by statements, edges from → to with width and label by statement count."""
    names = {node.id: node.name for node in network.nodes}
    return VisNetwork(
        nodes=[_node(node) for node in network.nodes],
        edges=[_edge(edge, names) for edge in network.edges],
        truncated=network.truncated,
    )
