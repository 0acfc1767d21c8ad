"""The accusation network: accuser → accused edges with statement counts, charges, dates, `mutual`."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from neo4j import ManagedTransaction

from graph.queries.accusation_summary import NETWORK_FROM_SUMMARY, summary_is_current, summary_parameters
from graph.queries.accusations import ACCUSED_ID, ACCUSER_ID, WINDOW, accusation_parameters
from graph.queries.fragments import sort_rank
from schema.accusations import AccusationFilter, AccusationNetwork, NetworkEdge, NetworkNode

# Only accusations with a known speaker: the network's nodes are actors (a GDELT row with an empty
# Actor1 is in /accusations with `accuser_unknown`, never here). Aggregated per (accuser, accused,
# charge matches) in one pass, then per unordered actor pair so
# `mutual` needs no list of every direction carried on every row (that list, counted once per row
# by the memory tracker, exhausted transaction memory). `mutual` looks at every accusation in the
# date window and level, whatever the actor/charge filters. First and last are positions in
# timeline order ([date_start, coarse-first rank, id]), so a month keeps its text, not its 1st day.
# The accusations are read from the ACCUSES id index, not from the statements' date index: there
# are ~10x fewer accusations than statements (at 1M rows the date seek read 277k statements to find
# 25k accusations: 0.47 s; from the index 0.24 s), and every ACCUSES carries an id.
NETWORK = (
    """
MATCH (speaker:Actor)-[:MADE]->(s:Statement)-[acc:ACCUSES]->(named:Actor)
USING INDEX acc:ACCUSES(id)
WHERE acc.id IS NOT NULL AND """
    + WINDOW
    + """
WITH DISTINCT s, acc, """
    + ACCUSER_ID
    + " AS accuser_id, "
    + ACCUSED_ID
    + """ AS accused_id
WITH s, acc, accuser_id, accused_id, [s.date_start, """
    + sort_rank("s")
    + """, s.id] AS position,
     ($charge IS NULL OR toLower(coalesce(acc.charge, '')) CONTAINS toLower($charge)) AS charged
// With $by_incident, the statements that report one incident (GDELT's per-article repetitions) count once.
OPTIONAL MATCH (incident:Incident)-[:REPORTED_AS]->(s) WHERE $by_incident
WITH accuser_id, accused_id, charged, count(*) AS accusations, collect(DISTINCT acc.charge) AS charges,
     collect(DISTINCT s.id) AS statements, min(position) AS first, max(position) AS last,
     count(DISTINCT coalesce(incident.id, s.id)) AS incidents
WITH CASE WHEN accuser_id < accused_id THEN [accuser_id, accused_id] ELSE [accused_id, accuser_id] END AS pair,
     collect({accuser_id: accuser_id, accused_id: accused_id, charged: charged, accusations: accusations,
              charges: charges, statements: statements, first: first, last: last, incidents: incidents})
     AS members
UNWIND members AS g
WITH g, any(m IN members WHERE m.accuser_id = g.accused_id AND m.accused_id = g.accuser_id) AS mutual
WHERE g.charged
  AND ($accuser_ids IS NULL OR g.accuser_id IN $accuser_ids)
  AND ($accused_ids IS NULL OR g.accused_id IN $accused_ids)
WITH g, mutual, CASE WHEN $by_incident THEN g.incidents ELSE size(g.statements) END AS weight
ORDER BY weight DESC, g.accuser_id, g.accused_id
LIMIT $limit
MATCH (accuser:Actor {id: g.accuser_id}), (accused:Actor {id: g.accused_id})
MATCH (first:Statement {id: g.first[2]}), (last:Statement {id: g.last[2]})
RETURN accuser {.id, .name, .kind} AS accuser, accused {.id, .name, .kind} AS accused, {
  id: g.accuser_id + '->' + g.accused_id, source: g.accuser_id, target: g.accused_id,
  statement_count: size(g.statements), accusation_count: g.accusations, charges: g.charges,
  statements: g.statements, incident_count: CASE WHEN $by_incident THEN g.incidents END,
  first_date: {text: first.date, start: first.date_start, end: first.date_end, precision: first.date_precision},
  last_date: {text: last.date, start: last.date_start, end: last.date_end, precision: last.date_precision},
  mutual: mutual
} AS edge, weight
ORDER BY weight DESC, edge.source, edge.target
"""
)


def _nodes(actors: dict[str, dict[str, str]], edges: list[NetworkEdge]) -> list[NetworkNode]:
    """The actors by id, with their distinct statements and accusation rows over the edges."""
    made: dict[str, set[str]] = defaultdict(set)
    received: dict[str, set[str]] = defaultdict(set)
    rows_made: Counter[str] = Counter()
    rows_received: Counter[str] = Counter()
    for edge in edges:
        made[edge.source].update(edge.statements)
        received[edge.target].update(edge.statements)
        rows_made[edge.source] += edge.accusation_count
        rows_received[edge.target] += edge.accusation_count
    return [
        NetworkNode(
            **actors[key],
            statements_made=len(made[key]),
            statements_received=len(received[key]),
            accusations_made=rows_made[key],
            accusations_received=rows_received[key],
        )
        for key in sorted(actors)
    ]


def _network_query(
    tx: ManagedTransaction, filters: AccusationFilter, by_incident: bool
) -> tuple[str, dict[str, Any]]:
    """The maintained summary's query when it can answer these filters and is current, else the graph's."""
    from_summary = summary_parameters(filters, by_incident=by_incident)
    if from_summary is not None and summary_is_current(tx):
        return NETWORK_FROM_SUMMARY, from_summary
    return NETWORK, {**accusation_parameters(tx, filters), "by_incident": by_incident}


def get_network(
    tx: ManagedTransaction, *, filters: AccusationFilter, limit: int, by_incident: bool = False
) -> AccusationNetwork:
    """Edges accuser → accused (most statements first, at most `limit`) and the actors they join;
    with `by_incident`, each edge also counts incidents (statements reporting one count once) and
    the most incidents come first."""
    records = list(tx.run(*_network_query(tx, filters, by_incident), limit=limit + 1))
    actors: dict[str, dict[str, str]] = {}
    edges = []
    for record in records[:limit]:
        edge = dict(record["edge"])
        edge["charges"] = sorted(edge["charges"])
        edge["statements"] = sorted(edge["statements"])
        edges.append(NetworkEdge.model_validate(edge))
        for end in ("accuser", "accused"):
            actors[record[end]["id"]] = record[end]
    return AccusationNetwork(nodes=_nodes(actors, edges), edges=edges, truncated=len(records) > limit)
