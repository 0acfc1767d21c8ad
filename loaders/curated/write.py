"""Write a curated file's rows in ONE transaction: merge them, then retract what the dataset dropped.

One transaction makes a file all or nothing: anything the server refuses (or a lost connection)
rolls the whole file back, and a dry run is the same work rolled back on purpose. Batches of
UNWIND rows inside it keep each query small.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import islice
from typing import TypeVar

from neo4j import ManagedTransaction, Session

from graph.model import Label
from graph.queries.accusation_summary import mark_accusations_changed
from graph.queries.curated import (
    PROVIDER_SOURCES,
    Provenance,
    list_dataset_sources,
    merge_asserted_nodes,
    merge_asserted_relationships,
)
from graph.queries.retract import retract_nodes, retract_relationships
from loaders.curated.rows import ID_PREFIXES, GraphRows
from loaders.report import LoadReport

T = TypeVar("T")
def batched(items: Sequence[T], size: int) -> Iterator[list[T]]:
    """Consecutive slices of at most `size` items (itertools.batched needs Python 3.12)."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _provenance(tx: ManagedTransaction, rows: GraphRows) -> Provenance:
    declared = [row["id"] for row in rows.nodes.get(Label.SOURCE, [])]
    in_graph = list_dataset_sources(tx, dataset=rows.dataset, declared=declared)
    # A provider load cites its dataset Source on the actors and places it touches; a curated file
    # that also declares that Source never owns it, so no curated reload removes that citation.
    own = (set(declared) | set(in_graph)) - PROVIDER_SOURCES
    exclusive = {source for source in own if not in_graph.get(source, False)}
    return Provenance(rows.dataset, sorted(own), sorted(exclusive))


def write_dataset(tx: ManagedTransaction, rows: GraphRows, batch_size: int) -> LoadReport:
    """Merge every row (nodes first), then retract the dataset's facts the rows no longer list."""
    report = LoadReport()  # built inside: a retried transaction counts afresh
    provenance = _provenance(tx, rows)
    for label, node_rows in rows.nodes.items():
        for batch in batched(node_rows, batch_size):
            report.add_nodes(label, merge_asserted_nodes(tx, label, batch, provenance))
    for key, rel_rows in rows.relationships.items():
        for batch in batched(rel_rows, batch_size):
            counts = merge_asserted_relationships(tx, key, batch, provenance)
            report.add_relationships(key[0], counts)
    # Relationships first: a node is only deleted once nothing links to it any more.
    listed_rels, listed_nodes = rows.relationship_ids(), rows.node_ids()
    retracted_rels = retract_relationships(
        tx, id_prefixes=ID_PREFIXES, listed=listed_rels, provenance=provenance
    )
    for rel_type, counts in retracted_rels.items():
        report.add_relationships(rel_type, counts)
    retracted_nodes = retract_nodes(
        tx, id_prefixes=ID_PREFIXES, listed=listed_nodes, provenance=provenance
    )
    for label, counts in retracted_nodes.items():
        report.add_nodes(label, counts)
    mark_accusations_changed(tx)  # statements, speakers, charges or affiliations may have changed
    return report


def load_rows(
    session: Session, rows: GraphRows, *, dry_run: bool = False, batch_size: int = 1000
) -> LoadReport:
    """Write the rows in one managed write transaction, or (dry run) in one that is rolled back."""
    if not dry_run:
        return session.execute_write(write_dataset, rows, batch_size)
    with session.begin_transaction() as tx:
        report = write_dataset(tx, rows, batch_size)  # type: ignore[arg-type]
        tx.rollback()
    return report
