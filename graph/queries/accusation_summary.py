"""The accusation network's maintained summary: accusations by level, actor pair and months.

/accusations/network aggregates every accusation in its window; at 1M provider rows that is ~25k
accusations and ~0.35 s of server time per call. The summary holds the same aggregates per
(level, accuser, accused, month of the statement's first day, month of its last day): at 1M rows
~850 nodes per level. A network whose window starts and ends on month boundaries, with no filter
that looks inside a statement (charge, place, dataset, bbox/near) and not counted by incident,
is the sum of the buckets that overlap the window: a statement overlaps such a window exactly when
its months do.

Freshness. Every write transaction that can change an accusation (a statement, its MADE or ACCUSES,
an actor's affiliations) ends with `mark_accusations_changed`, which sets `stale` on the one
AccusationSummaryState node; each load ends with `refresh_accusation_summary`, which rebuilds the
buckets and clears `stale`, holding that node's lock throughout. A writer's mark waits for a
rebuild in progress and lands after it, so a summary marked current never misses a committed write;
a load that stops half-way leaves it stale, and the network reads the graph until the next load
refreshes it. The nodes are bookkeeping, outside the Label allow-list: never exported or listed.
"""

from __future__ import annotations

from calendar import monthrange
from datetime import date
from typing import Any

from neo4j import ManagedTransaction

from graph.model import Label, RelType
from graph.queries.accusations import ACCUSED_ID, ACCUSER_ID, accusation_parameters
from graph.queries.fragments import sort_rank
from schema.accusations import AccusationFilter, Level
from schema.geo import GeoFilter

STATE_ID = "accusation-network"
# A WHERE condition on `n` for queries that read the model's nodes, not this bookkeeping.
NOT_SUMMARY = "NOT n:AccusationSummary AND NOT n:AccusationSummaryState"
# What an accusation is made of: a write to any of these may change the network. (Actors' names
# and kinds are read when the network is asked for; deleting an event changes no accusation.)
ACCUSATION_LABELS = frozenset({Label.STATEMENT})
ACCUSATION_TYPES = frozenset({RelType.MADE, RelType.ACCUSES, RelType.AFFILIATED_WITH})

MARK_CHANGED = "MATCH (state:AccusationSummaryState {id: $state_id}) SET state.stale = true"

# The state node is merged and written first: its lock is held until the rebuild commits.
LOCK_STATE = """
MERGE (state:AccusationSummaryState {id: $state_id})
ON CREATE SET state.stale = true
WITH state, state.stale AS stale
SET state.stale = false
RETURN stale
"""
STATE = "OPTIONAL MATCH (state:AccusationSummaryState {id: $state_id}) RETURN state.stale AS stale"
HAS_ACCUSATIONS = "RETURN EXISTS { ()-[:ACCUSES]->() } AS any"
CLEAR = "MATCH (bucket:AccusationSummary) DELETE bucket"

# The aggregation of accusation_network.NETWORK with no window and no filter, grouped by months too.
REBUILD_LEVEL = (
    """
MATCH (speaker:Actor)-[:MADE]->(s:Statement)-[acc:ACCUSES]->(named:Actor)
USING INDEX acc:ACCUSES(id)
WHERE acc.id IS NOT NULL AND s.date_start IS NOT NULL
WITH DISTINCT s, acc, """
    + ACCUSER_ID
    + " AS accuser_id, "
    + ACCUSED_ID
    + """ AS accused_id
WITH accuser_id, accused_id, acc, s, [s.date_start, """
    + sort_rank("s")
    + """, s.id] AS position,
     date.truncate('month', s.date_start) AS first_month,
     CASE WHEN s.date_end IS NOT NULL THEN date.truncate('month', s.date_end) END AS last_month
// In id order, so the same graph always gets the same lists (graphs are compared by checksum).
ORDER BY s.id, acc.id
WITH accuser_id, accused_id, first_month, last_month, count(*) AS accusations,
     collect(DISTINCT acc.charge) AS charges, collect(DISTINCT s.id) AS statements,
     min(position) AS first, max(position) AS last
CREATE (:AccusationSummary {
  level: $level, accuser_id: accuser_id, accused_id: accused_id,
  first_month: first_month, last_month: last_month,
  accusations: accusations, charges: charges, statements: statements,
  first_start: first[0], first_rank: first[1], first_id: first[2],
  last_start: last[0], last_rank: last[1], last_id: last[2]
})
RETURN count(*) AS buckets
"""
)

# accusation_network.NETWORK over the buckets: the same edges, order, `mutual` and fields.
NETWORK_FROM_SUMMARY = """
MATCH (bucket:AccusationSummary {level: $level})
WHERE ($first_month IS NULL OR bucket.last_month >= $first_month)
  AND ($last_month IS NULL OR bucket.first_month <= $last_month)
WITH bucket.accuser_id AS accuser_id, bucket.accused_id AS accused_id,
     sum(bucket.accusations) AS accusations,
     reduce(all = [], charges IN collect(bucket.charges) | all + charges) AS charges,
     reduce(all = [], ids IN collect(bucket.statements) | all + ids) AS statements,
     min([bucket.first_start, bucket.first_rank, bucket.first_id]) AS first,
     max([bucket.last_start, bucket.last_rank, bucket.last_id]) AS last
WITH CASE WHEN accuser_id < accused_id THEN [accuser_id, accused_id] ELSE [accused_id, accuser_id] END AS pair,
     collect({accuser_id: accuser_id, accused_id: accused_id, accusations: accusations,
              charges: charges, statements: statements, first: first, last: last}) AS members
UNWIND members AS g
WITH g, any(m IN members WHERE m.accuser_id = g.accused_id AND m.accused_id = g.accuser_id) AS mutual
WHERE ($accuser_ids IS NULL OR g.accuser_id IN $accuser_ids)
  AND ($accused_ids IS NULL OR g.accused_id IN $accused_ids)
WITH g, mutual, size(g.statements) AS weight
ORDER BY weight DESC, g.accuser_id, g.accused_id
LIMIT $limit
MATCH (accuser:Actor {id: g.accuser_id}), (accused:Actor {id: g.accused_id})
MATCH (first:Statement {id: g.first[2]}), (last:Statement {id: g.last[2]})
RETURN accuser {.id, .name, .kind} AS accuser, accused {.id, .name, .kind} AS accused, {
  id: g.accuser_id + '->' + g.accused_id, source: g.accuser_id, target: g.accused_id,
  statement_count: size(g.statements), accusation_count: g.accusations, charges: g.charges,
  statements: g.statements, incident_count: null,
  first_date: {text: first.date, start: first.date_start, end: first.date_end, precision: first.date_precision},
  last_date: {text: last.date, start: last.date_start, end: last.date_end, precision: last.date_precision},
  mutual: mutual
} AS edge, weight
ORDER BY weight DESC, edge.source, edge.target
"""


def mark_accusations_changed(tx: ManagedTransaction) -> None:
    """Mark the summary stale, in a write transaction that may have changed an accusation.

    Called last, so the state node's lock is held only while the transaction commits.
    """
    tx.run(MARK_CHANGED, state_id=STATE_ID).consume()


def refresh_accusation_summary(tx: ManagedTransaction) -> int | None:
    """Rebuild the buckets if a write marked them stale (or none exist and the graph accuses);
    the number of buckets written, None when the summary was current."""
    stale = tx.run(STATE, state_id=STATE_ID).single(strict=True)["stale"]
    if stale is False:
        return None
    if stale is None and not tx.run(HAS_ACCUSATIONS).single(strict=True)["any"]:
        return None  # never built and nothing to summarise: the graph stays as it was
    tx.run(LOCK_STATE, state_id=STATE_ID).consume()
    tx.run(CLEAR).consume()
    buckets = 0
    for level in Level:
        filters = AccusationFilter(level=level)
        parameters = accusation_parameters(tx, filters)
        record = tx.run(REBUILD_LEVEL, **parameters, level=level.value).single(strict=True)
        buckets += record["buckets"]
    return buckets


def _month_span(filters: AccusationFilter) -> tuple[date | None, date | None] | None:
    """The window's first and last months, or None when it does not start and end on month bounds."""
    start, end = filters.window_start, filters.window_end
    if start is not None and start.day != 1:
        return None
    if end is not None and end.day != monthrange(end.year, end.month)[1]:
        return None
    return (start, end.replace(day=1) if end is not None else None)


def summary_parameters(filters: AccusationFilter, *, by_incident: bool) -> dict[str, Any] | None:
    """NETWORK_FROM_SUMMARY's parameters, or None when these filters need the statements themselves."""
    looks_inside = (
        by_incident
        or filters.charge is not None
        or filters.place_id is not None
        or filters.datasets is not None
        or filters.geo != GeoFilter()
    )
    months = None if looks_inside else _month_span(filters)
    if months is None:
        return None
    return {
        "level": filters.level.value,
        "first_month": months[0],
        "last_month": months[1],
        "accuser_ids": filters.accuser_ids,
        "accused_ids": filters.accused_ids,
    }


def summary_is_current(tx: ManagedTransaction) -> bool:
    """Whether the buckets hold every committed accusation."""
    return tx.run(STATE, state_id=STATE_ID).single(strict=True)["stale"] is False
