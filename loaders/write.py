"""Write graph rows in batches: nodes first, then relationships, one write tx per batch."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, TypeVar

from neo4j import Session

from graph.model import Label, RelType
from graph.writes import merge_nodes, merge_relationships
from loaders.report import LoadReport

T = TypeVar("T")
Row = dict[str, Any]  # the driver's parameter type: the one allowed Any
RelKey = tuple[RelType, Label, Label]


@dataclass
class GraphRows:
    """Node rows per label and relationship rows per (type, start label, end label)."""

    nodes: dict[Label, list[Row]] = field(default_factory=dict)
    relationships: dict[RelKey, list[Row]] = field(default_factory=dict)


def batched(items: Sequence[T], size: int) -> Iterator[list[T]]:
    """Consecutive slices of at most `size` items (itertools.batched needs Python 3.12)."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def write_rows(session: Session, rows: GraphRows, *, batch_size: int = 1000) -> LoadReport:
    """Merge every row, nodes before relationships, one managed write transaction per batch."""
    report = LoadReport()
    for label, node_rows in rows.nodes.items():
        for batch in batched(node_rows, batch_size):
            report.add_nodes(label, session.execute_write(merge_nodes, label, batch))
    for (rel_type, start, end), rel_rows in rows.relationships.items():
        for batch in batched(rel_rows, batch_size):
            counts = session.execute_write(merge_relationships, rel_type, start, end, batch)
            report.add_relationships(rel_type, counts)
    return report


def preview_rows(session: Session, rows: GraphRows) -> LoadReport:
    """What write_rows would report, computed in one transaction that is then rolled back."""
    report = LoadReport()
    # One explicit transaction (not one per batch): relationships must see the nodes it merged.
    with session.begin_transaction() as tx:
        for label, node_rows in rows.nodes.items():
            report.add_nodes(label, merge_nodes(tx, label, node_rows))  # type: ignore[arg-type]
        for (rel_type, start, end), rel_rows in rows.relationships.items():
            counts = merge_relationships(tx, rel_type, start, end, rel_rows)  # type: ignore[arg-type]
            report.add_relationships(rel_type, counts)
        tx.rollback()
    return report
