"""One provider batch = one write transaction: actors, places and state ties, then events and statements.

A batch the server refuses because of its data (a value it cannot index or store) is split in
halves until each refused row is alone: that row becomes a reject, every other row is written.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from neo4j import ManagedTransaction, Session, SummaryCounters
from neo4j.exceptions import Neo4jError

from graph.queries.accusation_summary import mark_accusations_changed
from graph.queries.ingest import merge_actors
from graph.queries.ingest_events import existing_ids, write_events, write_statements
from graph.queries.ingest_places import merge_place_links, merge_places
from graph.queries.ingest_states import merge_state_ties
from loaders.providers.limits import excerpt
from loaders.providers.rows import GraphBatch
from schema.providers import Rejected

# Server errors a value can cause. Any other error (the server's state, a bug in a query) aborts the
# load instead: committed batches stay, and the same command resumes.
DATA_ERROR_CODES = {
    "Neo.ClientError.Statement.ArgumentError",
    "Neo.ClientError.Statement.TypeError",
    "Neo.DatabaseError.Statement.ExecutionFailed",  # e.g. "Property value is too large to index"
}

COUNTED = (
    "nodes_created",
    "nodes_deleted",
    "relationships_created",
    "relationships_deleted",
    "properties_set",
)


def _add(total: Counter[str], counters: list[SummaryCounters]) -> None:
    for counter in counters:
        for name in COUNTED:
            total[name] += getattr(counter, name)


def _split(
    tx: ManagedTransaction, rows: dict[str, dict[str, Any]], *, statements: bool, all_new: bool
) -> tuple[list[Any], list[Any]]:
    """The rows to create and the rows already in the graph (to merge)."""
    if all_new:
        return list(rows.values()), []
    known = existing_ids(tx, statements=statements, ids=list(rows))
    new = [row for row_id, row in rows.items() if row_id not in known]
    return new, [rows[row_id] for row_id in known]


def write_batch(tx: ManagedTransaction, batch: GraphBatch, *, all_new: bool = False) -> Counter[str]:
    """Write the batch; return summed server counters (created/deleted nodes and relationships).

    With `all_new`, every event and statement takes the CREATE path without its id being looked up.
    """
    total: Counter[str] = Counter()
    _add(total, [merge_actors(tx, rows=list(batch.actors.values()))])
    if batch.places:
        _add(total, [merge_places(tx, rows=list(batch.places.values()))])
    if batch.place_links:
        _add(total, [merge_place_links(tx, rows=list(batch.place_links.values()))])
    if batch.ties:
        _add(total, [merge_state_ties(tx, rows=list(batch.ties.values()))])
    if batch.events:
        new, known = _split(tx, batch.events, statements=False, all_new=all_new)
        _add(total, write_events(tx, new=new, known=known))
    if batch.statements:
        new, known = _split(tx, batch.statements, statements=True, all_new=all_new)
        _add(total, write_statements(tx, new=new, known=known))
    if batch.statements or batch.ties:
        mark_accusations_changed(tx)
    return total


def write_created(tx: ManagedTransaction, batch: GraphBatch) -> Counter[str]:
    """write_batch for rows the load's version read (versions.py) found absent from the graph.

    Their ids are not looked up a second time. Should another writer create one of them meanwhile,
    the id constraint refuses the batch and the load stops (a re-run resumes and updates it).
    """
    return write_batch(tx, batch, all_new=True)


@dataclass
class BatchOutcome:
    """What writing a batch did: events and statements written, server counters, rows refused."""

    events: int = 0
    statements: int = 0
    counters: Counter[str] = field(default_factory=Counter)
    refused: dict[str, Rejected] = field(default_factory=dict)  # by record id

    def __add__(self, other: BatchOutcome) -> BatchOutcome:
        return BatchOutcome(
            self.events + other.events,
            self.statements + other.statements,
            self.counters + other.counters,
            {**self.refused, **other.refused},
        )


BatchWriter = Callable[[ManagedTransaction, GraphBatch], Counter[str]]


def write_isolating(
    session: Session, batch: GraphBatch, *, whole: bool = True, write: BatchWriter = write_batch
) -> BatchOutcome:
    """Write the batch in one transaction; if its data is refused, halve it until the bad rows are alone.

    When every row of the whole batch is refused, the rows are not the problem: the error is raised.
    `write` is the transaction function (write_batch, or loaders/providers/replace.py's for updates).
    """
    if not batch:
        return BatchOutcome()
    try:
        counters = session.execute_write(write, batch)
        return BatchOutcome(len(batch.events), len(batch.statements), counters)
    except Neo4jError as error:
        if error.code not in DATA_ERROR_CODES:
            raise
        if len(batch) == 1:
            ((record_id, line),) = batch.lines.items()
            return BatchOutcome(refused={record_id: _refused(line, record_id, error)})
        first, second = batch.halves()
        outcome = write_isolating(session, first, whole=False, write=write)
        outcome += write_isolating(session, second, whole=False, write=write)
        if whole and len(outcome.refused) == len(batch):
            raise error from None
        return outcome


def _refused(line: int, record_id: str, error: Neo4jError) -> Rejected:
    message = (error.message or "").strip()
    first_line = message.splitlines()[0] if message else error.code or type(error).__name__
    return Rejected(
        line, "(row)", f"Neo4j refused the row: {excerpt(first_line)}", excerpt(record_id)
    )
