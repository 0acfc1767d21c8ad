"""Which nodes and relationships an export holds: seeds expanded by depth, filters, provenance.

The seeds are always kept; each hop (either direction) keeps nodes of the chosen labels, over
relationships of the chosen types, whose dates overlap the window (and, with bbox / near /
max_geo_precision, events and statements whose point passes). Then the relationships among
the kept nodes are added, and the Source nodes their `source_ids` name (transitively), so no
exported fact loses its provenance even when Source is not among the chosen node types.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from neo4j import ManagedTransaction

from graph.model import Label, RelType
from graph.queries.export import (
    list_neighbours,
    list_relationships_among,
    list_seed_nodes,
    list_sources,
)
from schema.geo import GeoFilter

MAX_DEPTH = 3


@dataclass(frozen=True)
class Selection:
    """What to export around some seeds (ids of any model label)."""

    seeds: tuple[str, ...]
    depth: int = 1
    start: date | None = None
    end: date | None = None
    node_types: tuple[Label, ...] = tuple(Label)
    rel_types: tuple[RelType, ...] = tuple(RelType)
    geo: GeoFilter = GeoFilter()  # keeps only events and statements whose point passes

    def describe(self) -> dict[str, object]:
        """The selection as JSON-ready metadata (embedded in exports that have a header)."""
        described: dict[str, object] = {
            "seeds": list(self.seeds),
            "depth": self.depth,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "node_types": [str(label) for label in self.node_types],
            "rel_types": [str(rel_type) for rel_type in self.rel_types],
        }
        if self.geo.active:
            described["geo"] = self.geo.model_dump(mode="json", exclude_none=True)
        return described


@dataclass
class Plan:
    """The chosen ids per label and per type, each sorted; None means the whole graph."""

    nodes: dict[Label, list[str]] | None = None
    relationships: dict[RelType, list[str]] | None = None
    description: dict[str, object] = field(default_factory=lambda: {"whole_graph": True})

    @property
    def node_count(self) -> int | None:
        return None if self.nodes is None else sum(len(ids) for ids in self.nodes.values())

    @property
    def relationship_count(self) -> int:
        """Relationships the plan names (0 for a whole-graph plan, which names none)."""
        return 0 if self.relationships is None else sum(len(ids) for ids in self.relationships.values())


class UnknownSeedError(LookupError):
    """Some seed ids name no node."""

    def __init__(self, ids: list[str]) -> None:
        super().__init__(f"unknown seed id(s): {', '.join(ids)}")
        self.ids = ids


class TooManyNodesError(Exception):
    """The selection holds more nodes than the export cap allows."""

    def __init__(self, node_count: int, max_nodes: int) -> None:
        super().__init__(f"the selection holds {node_count} nodes, over the cap of {max_nodes}")
        self.node_count, self.max_nodes = node_count, max_nodes


Row = dict[str, object]


def plan_selection(tx: ManagedTransaction, *, selection: Selection, max_nodes: int) -> Plan:
    """The plan for the selection; raise UnknownSeedError or TooManyNodesError (with its count)."""
    seeds = list_seed_nodes(tx, ids=list(selection.seeds))
    unknown = sorted(set(selection.seeds) - {str(row["id"]) for row in seeds})
    if unknown:
        raise UnknownSeedError(unknown)
    kept: dict[str, Row] = {str(row["element_id"]): row for row in seeds}
    frontier = list(kept)
    window = {"start": selection.start, "end": selection.end}
    node_types = [str(label) for label in selection.node_types]
    rel_types = [str(rel_type) for rel_type in selection.rel_types]
    for _ in range(selection.depth):
        if not frontier:
            break
        found = list_neighbours(
            tx,
            element_ids=frontier,
            node_types=node_types,
            rel_types=rel_types,
            geo=selection.geo,
            **window,
        )
        frontier = [str(row["element_id"]) for row in found if row["element_id"] not in kept]
        kept.update({str(row["element_id"]): row for row in found})
    if len(kept) > max_nodes:
        raise TooManyNodesError(len(kept), max_nodes)
    while True:
        relationships = list_relationships_among(
            tx, element_ids=list(kept), rel_types=rel_types, **window
        )
        cited = {
            str(source_id)
            for row in [*kept.values(), *relationships]
            for source_id in (row["source_ids"] or [])  # type: ignore[attr-defined]
        }
        missing = sorted(cited - {str(row["id"]) for row in kept.values()})
        added = list_sources(tx, ids=missing) if missing else []
        if not added:
            break
        kept.update({str(row["element_id"]): row for row in added})
    if len(kept) > max_nodes:
        raise TooManyNodesError(len(kept), max_nodes)
    nodes: dict[Label, list[str]] = {}
    for row in kept.values():
        nodes.setdefault(Label(str(row["label"])), []).append(str(row["id"]))
    rels: dict[RelType, list[str]] = {}
    for row in relationships:
        rels.setdefault(RelType(str(row["type"])), []).append(str(row["id"]))
    return Plan(
        nodes={label: sorted(nodes[label]) for label in Label if label in nodes},
        relationships={t: sorted(rels[t]) for t in RelType if t in rels},
        description=selection.describe(),
    )
