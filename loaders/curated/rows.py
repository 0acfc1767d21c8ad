"""Build graph rows: generated relationship ids, endpoint, duplicate and Neo4j-limit checks, locations."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from graph.limits import RANGE_INDEXED, index_key_problem, value_problem
from graph.model import Label, RelType, check_endpoints
from loaders.curated.validate import Document
from loaders.errors import Issue, Loc
from schema.curated_links import Link

# Every curated id starts with its label's prefix (schema/curated_links.py), and a relationship id
# with its type and start id: that is also how a reload finds its facts among provider rows.
PREFIX_LABELS = {
    "src": Label.SOURCE,
    "actor": Label.ACTOR,
    "place": Label.PLACE,
    "event": Label.EVENT,
    "stmt": Label.STATEMENT,
}
ID_PREFIXES = {label: f"{prefix}:" for prefix, label in PREFIX_LABELS.items()}
Evidence = tuple[list[str], str | None]
Row = dict[str, Any]  # the driver's parameter type: the one allowed Any
RelKey = tuple[RelType, Label, Label]


@dataclass
class GraphRows:
    """A dataset's node rows per label and relationship rows per (type, start label, end label)."""

    dataset: str  # the file's `dataset.id`: what `asserted_by` records
    nodes: dict[Label, list[Row]] = field(default_factory=dict)
    relationships: dict[RelKey, list[Row]] = field(default_factory=dict)

    def node_ids(self) -> list[str]:
        return [row["id"] for rows in self.nodes.values() for row in rows]

    def relationship_ids(self) -> list[str]:
        return [row["id"] for rows in self.relationships.values() for row in rows]


def props(**values: Any) -> Row:
    # Neo4j stores no nulls; leaving them out keeps "unchanged" detection exact on reload.
    return {key: value for key, value in values.items() if value is not None}


def inherit(link: Link, parent: Evidence) -> Evidence:
    """A link's own sources and quote, or its parent's when it names no sources."""
    if link.sources is None:
        return parent[0], link.quote if link.quote is not None else parent[1]
    return list(link.sources), link.quote


class RowBuilder:
    """Rows of one file, and the problems found while building its relationships."""

    def __init__(self, document: Document) -> None:
        self.raw = document.raw
        self.rows = GraphRows(document.dataset.id if document.dataset else "")
        self.issues: list[Issue] = []
        self.rel_lines: dict[str, int] = {}

    def node(self, label: Label, loc: Loc, props: Row) -> None:
        if self._storable(label, loc, props):
            self.rows.nodes.setdefault(label, []).append(props)

    def _storable(self, kind: Label | RelType, loc: Loc, props: Row) -> bool:
        """Record an issue for each value Neo4j would refuse mid-write; True when there is none."""
        storable = True
        for key, value in props.items():
            problem = value_problem(value)
            if problem is None and key in RANGE_INDEXED[kind] and isinstance(value, str):
                problem = index_key_problem(value)
            if problem is None:
                continue
            storable = False
            if key == "id" and isinstance(kind, RelType):  # generated: the link is what to fix
                message = f"{kind} id (made of both endpoints' ids) is {problem}"
                self.issues.append(self.raw.issue(loc, message))
            else:
                self.issues.append(self.raw.issue((*loc, key), f"{kind} {key} is {problem}"))
        return storable

    def rel(
        self,
        rel_type: RelType,
        start: str,
        end: str,
        loc: Loc,
        evidence: Evidence,
        role: str | None = None,
        **extra: Any,
    ) -> None:
        start_label, end_label = (
            PREFIX_LABELS[start.split(":")[0]],
            PREFIX_LABELS[end.split(":")[0]],
        )
        try:
            check_endpoints(rel_type, start_label, end_label)
        except ValueError as error:
            self.issues.append(self.raw.issue(loc, str(error)))
            return
        rel_id = f"{rel_type.lower()}:{start}->{end}" + (f":{role}" if role else "")
        if rel_id in self.rel_lines:
            message = f"duplicate relationship {rel_id!r} (first at line {self.rel_lines[rel_id]})"
            self.issues.append(self.raw.issue(loc, message))
            return
        self.rel_lines[rel_id] = self.raw.line_of(loc)
        row = props(
            id=rel_id,
            start=start,
            end=end,
            source_ids=evidence[0],
            quote=evidence[1],
            role=role,
            **extra,
        )
        if self._storable(rel_type, loc, row):
            self.rows.relationships.setdefault((rel_type, start_label, end_label), []).append(row)
