"""Accusation reads: rows (statement × accuser × accused, optionally rolled up) and the network."""

from __future__ import annotations

from datetime import date

from neo4j import ManagedTransaction

from graph.queries.fragments import ROLLUP_PARAMETERS, rollup, sort_rank, sources_of
from schema.accusations import (
    Accusation,
    AccusationFilter,
    AccusationKey,
    AccusationNetwork,
    Level,
    NetworkEdge,
    NetworkNode,
)

FIRST_DAY, LAST_DAY = date(1, 1, 1), date(9999, 12, 31)

# The roll-up (see fragments.ROLLUP) of every actor that has affiliations, computed once per
# actor rather than once per accusation; any other actor rolls up to itself.
ROLLUP_MAP = (
    """
MATCH (v:Actor)-[:AFFILIATED_WITH]->(:Actor)
WITH DISTINCT v
"""
    + rollup("v")
    + """
WITH v, org_of_v WHERE org_of_v <> v
RETURN v.id AS id, org_of_v.id AS org
"""
)
_ACCUSER_ID = "CASE WHEN $state_level THEN coalesce($org_of[speaker.id], speaker.id) ELSE speaker.id END"
_ACCUSED_ID = "CASE WHEN $state_level THEN coalesce($org_of[named.id], named.id) ELSE named.id END"
_WINDOW = """s.date_start >= $lower AND s.date_start <= $upper
  AND ($window_start IS NULL OR s.date_end >= $window_start)"""
_FILTERS = """($accuser_ids IS NULL OR accuser_id IN $accuser_ids)
  AND ($accused_ids IS NULL OR accused_id IN $accused_ids)
  AND ($charge IS NULL OR toLower(coalesce(acc.charge, '')) CONTAINS toLower($charge))"""

# Dated statements in the window in date_start index order; per statement one row per (ACCUSES,
# accuser, accused) after roll-up, speakers that roll up alike merged. Index order plus the
# per-statement CALL let the Top stop after $limit rows.
ACCUSATIONS = (
    """
MATCH (s:Statement)
WHERE """
    + _WINDOW
    + """
WITH s, """
    + sort_rank("s")
    + """ AS rank
WHERE $after IS NULL OR [s.date_start, rank, s.id] >= [$after.date, $after.rank, $after.statement_id]
CALL (s) {
  MATCH (speaker:Actor)-[:MADE]->(s)-[acc:ACCUSES]->(named:Actor)
  WITH acc, named, speaker, """
    + _ACCUSER_ID
    + " AS accuser_id, "
    + _ACCUSED_ID
    + """ AS accused_id
  WITH acc, named, accuser_id, accused_id, collect(speaker) AS speakers
  RETURN acc, named, accuser_id, accused_id, speakers
}
WITH s, rank, acc, named, accuser_id, accused_id, speakers
WHERE """
    + _FILTERS
    + """
  AND ($after IS NULL OR [s.date_start, rank, s.id, accuser_id, accused_id]
                         > [$after.date, $after.rank, $after.statement_id, $after.accuser_id, $after.accused_id])
WITH s, rank, acc, named, accuser_id, accused_id, speakers
ORDER BY s.date_start, rank, s.id, accuser_id, accused_id
LIMIT $limit
MATCH (accuser:Actor {id: accuser_id}), (accused:Actor {id: accused_id})
RETURN {
  id: acc.id, charge: acc.charge, quote: acc.quote,
  accuser: accuser {.id, .name, .kind}, accused: accused {.id, .name, .kind},
  named: named {.id, .name, .kind},
  speakers: [sp IN speakers | sp {.id, .name, .kind}],
  date: {text: s.date, start: s.date_start, end: s.date_end, precision: s.date_precision},
  statement: s {.id, .summary, .text, .verbatim, .quote},
  about: COLLECT {
    MATCH (s)-[:ABOUT]->(x) WHERE x:Event OR x:Statement
    RETURN {id: x.id, label: head(labels(x)), name: coalesce(x.title, x.summary),
            date: {text: x.date, start: x.date_start, end: x.date_end, precision: x.date_precision}}
           AS ref ORDER BY ref.id
  },
  sources: """
    + sources_of("acc")
    + """
} AS row
ORDER BY s.date_start, rank, s.id, accuser_id, accused_id
"""
)


def _org_of(tx: ManagedTransaction, filters: AccusationFilter) -> dict[str, str]:
    if filters.level != Level.STATE:
        return {}
    return {record["id"]: record["org"] for record in tx.run(ROLLUP_MAP, **ROLLUP_PARAMETERS)}


def _parameters(tx: ManagedTransaction, filters: AccusationFilter) -> dict[str, object]:
    return {
        "lower": FIRST_DAY,
        "upper": filters.window_end or LAST_DAY,
        "window_start": filters.window_start,
        "accuser_ids": filters.accuser_ids,
        "accused_ids": filters.accused_ids,
        "charge": filters.charge,
        "state_level": filters.level == Level.STATE,
        "org_of": _org_of(tx, filters),
    }


def list_accusations(
    tx: ManagedTransaction, *, filters: AccusationFilter, after: AccusationKey | None, limit: int
) -> list[Accusation]:
    """Up to `limit` accusations after `after`, oldest first; [] when none (more) match."""
    parameters = _parameters(tx, filters)
    if after is not None:
        parameters["lower"] = after.date
    result = tx.run(ACCUSATIONS, **parameters, after=after.model_dump() if after else None, limit=limit)
    rows = []
    for record in result:
        row = dict(record["row"])
        row["sources"] = [s for s in row["sources"] if s is not None]
        row["about"] = [{**ref, "date": ref["date"] if ref["date"]["text"] else None} for ref in row["about"]]
        rows.append(Accusation.model_validate(row))
    return rows


# Aggregated per (accuser, accused, charge matches) in one pass, then per unordered actor pair so
# `mutual` needs no list of every direction carried on every row (that list, counted once per row
# by the memory tracker, exhausted transaction memory). `mutual` looks at every accusation in the
# date window and level, whatever the actor/charge filters.
NETWORK = (
    """
MATCH (speaker:Actor)-[:MADE]->(s:Statement)-[acc:ACCUSES]->(named:Actor)
WHERE """
    + _WINDOW
    + """
WITH DISTINCT s, acc, """
    + _ACCUSER_ID
    + " AS accuser_id, "
    + _ACCUSED_ID
    + """ AS accused_id
WITH s, acc, accuser_id, accused_id,
     ($charge IS NULL OR toLower(coalesce(acc.charge, '')) CONTAINS toLower($charge)) AS charged
// With $by_incident, the statements that report one incident (GDELT's per-article repetitions) count once.
OPTIONAL MATCH (incident:Incident)-[:REPORTED_AS]->(s) WHERE $by_incident
WITH s, acc, accuser_id, accused_id, charged,
     CASE WHEN $by_incident THEN coalesce(incident.id, s.id) ELSE acc.id END AS unit
WITH accuser_id, accused_id, charged, count(DISTINCT unit) AS weight, collect(DISTINCT acc.charge) AS charges,
     collect(DISTINCT s.id) AS statements, min(s.date_start) AS first_date, max(s.date_start) AS last_date
WITH CASE WHEN accuser_id < accused_id THEN [accuser_id, accused_id] ELSE [accused_id, accuser_id] END AS pair,
     collect({accuser_id: accuser_id, accused_id: accused_id, charged: charged, weight: weight,
              charges: charges, statements: statements, first_date: first_date, last_date: last_date})
     AS members
UNWIND members AS g
WITH g, any(m IN members WHERE m.accuser_id = g.accused_id AND m.accused_id = g.accuser_id) AS mutual
WHERE g.charged
  AND ($accuser_ids IS NULL OR g.accuser_id IN $accuser_ids)
  AND ($accused_ids IS NULL OR g.accused_id IN $accused_ids)
ORDER BY g.weight DESC, g.accuser_id, g.accused_id
LIMIT $limit
MATCH (accuser:Actor {id: g.accuser_id}), (accused:Actor {id: g.accused_id})
RETURN accuser {.id, .name, .kind} AS accuser, accused {.id, .name, .kind} AS accused, {
  source: g.accuser_id, target: g.accused_id, count: g.weight, charges: g.charges,
  statements: g.statements, first_date: g.first_date, last_date: g.last_date,
  mutual: mutual
} AS edge
ORDER BY edge.count DESC, edge.source, edge.target
"""
)


def get_network(
    tx: ManagedTransaction, *, filters: AccusationFilter, limit: int, by_incident: bool = False
) -> AccusationNetwork:
    """Edges accuser → accused (heaviest first, at most `limit`) and the actors they join; with
    `by_incident`, edge counts are incidents (statements reporting one incident count once)."""
    records = list(
        tx.run(NETWORK, **_parameters(tx, filters), limit=limit + 1, by_incident=by_incident)
    )
    truncated = len(records) > limit
    records = records[:limit]
    nodes: dict[str, dict[str, object]] = {}
    edges = []
    for record in records:
        edge = dict(record["edge"])
        edge["charges"] = sorted(edge["charges"])
        edge["statements"] = sorted(edge["statements"])
        edges.append(NetworkEdge.model_validate(edge))
        for end, counter in (("accuser", "accusations_made"), ("accused", "accusations_received")):
            node = nodes.setdefault(
                record[end]["id"], {**record[end], "accusations_made": 0, "accusations_received": 0}
            )
            node[counter] = int(node[counter]) + edge["count"]  # type: ignore[call-overload]
    ordered = [NetworkNode.model_validate(nodes[key]) for key in sorted(nodes)]
    return AccusationNetwork(nodes=ordered, edges=edges, truncated=truncated)
