"""Accusation reads: rows (statement × accuser × accused, optionally rolled up) and the network."""

from __future__ import annotations

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

# Every ACCUSES of a dated statement in the window, with accuser/accused rolled up at level=state;
# one row per (statement, accuser, accused) after roll-up.
_MATCH_ACCUSATIONS = (
    """
MATCH (speaker:Actor)-[:MADE]->(s:Statement)-[acc:ACCUSES]->(named:Actor)
WHERE s.date_start IS NOT NULL
  AND ($window_start IS NULL OR s.date_end >= $window_start)
  AND ($window_end IS NULL OR s.date_start <= $window_end)
"""
    + rollup("speaker")
    + rollup("named")
    + """
WITH s, acc, named, speaker,
     CASE WHEN $state_level THEN org_of_speaker ELSE speaker END AS accuser,
     CASE WHEN $state_level THEN org_of_named ELSE named END AS accused
WITH s, acc, named, accuser, accused, collect(speaker) AS speakers
WITH s, acc, named, accuser, accused, speakers,
     """ + sort_rank("s") + """ AS rank
"""
)
_FILTERS = """
WHERE ($accuser_ids IS NULL OR accuser.id IN $accuser_ids)
  AND ($accused_ids IS NULL OR accused.id IN $accused_ids)
  AND ($charge IS NULL OR toLower(coalesce(acc.charge, '')) CONTAINS toLower($charge))
"""

ACCUSATIONS = (
    _MATCH_ACCUSATIONS
    + _FILTERS
    + """
  AND ($after IS NULL OR [s.date_start, rank, s.id, accuser.id, accused.id]
                         > [$after.date, $after.rank, $after.statement_id, $after.accuser_id, $after.accused_id])
WITH s, acc, named, accuser, accused, speakers, rank
ORDER BY s.date_start, rank, s.id, accuser.id, accused.id
LIMIT $limit
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
"""
)


def _parameters(filters: AccusationFilter) -> dict[str, object]:
    return {
        "window_start": filters.window_start,
        "window_end": filters.window_end,
        "accuser_ids": filters.accuser_ids,
        "accused_ids": filters.accused_ids,
        "charge": filters.charge,
        "state_level": filters.level == Level.STATE,
        **ROLLUP_PARAMETERS,
    }


def list_accusations(
    tx: ManagedTransaction, *, filters: AccusationFilter, after: AccusationKey | None, limit: int
) -> list[Accusation]:
    """Up to `limit` accusations after `after`, oldest first; [] when none (more) match."""
    result = tx.run(
        ACCUSATIONS, **_parameters(filters), after=after.model_dump() if after else None, limit=limit
    )
    rows = []
    for record in result:
        row = dict(record["row"])
        row["sources"] = [s for s in row["sources"] if s is not None]
        row["about"] = [{**ref, "date": ref["date"] if ref["date"]["text"] else None} for ref in row["about"]]
        rows.append(Accusation.model_validate(row))
    return rows


# `mutual` looks at every accusation in the date window and level, whatever the actor/charge filters.
NETWORK = (
    _MATCH_ACCUSATIONS
    + """
WITH collect({s: s, acc: acc, accuser: accuser, accused: accused}) AS everything
WITH everything, [r IN everything | [r.accuser.id, r.accused.id]] AS directions
UNWIND everything AS r
WITH directions, r.s AS s, r.acc AS acc, r.accuser AS accuser, r.accused AS accused
"""
    + _FILTERS
    + """
WITH directions, accuser, accused, count(*) AS weight,
     [c IN collect(DISTINCT acc.charge) WHERE c IS NOT NULL] AS charges,
     collect(DISTINCT s.id) AS statements, min(s.date_start) AS first_date, max(s.date_start) AS last_date
ORDER BY weight DESC, accuser.id, accused.id
LIMIT $limit
RETURN accuser {.id, .name, .kind} AS accuser, accused {.id, .name, .kind} AS accused, {
  source: accuser.id, target: accused.id, count: weight, charges: charges,
  statements: statements, first_date: first_date, last_date: last_date,
  mutual: [accused.id, accuser.id] IN directions
} AS edge
"""
)


def get_network(tx: ManagedTransaction, *, filters: AccusationFilter, limit: int) -> AccusationNetwork:
    """Edges accuser → accused (heaviest first, at most `limit`) and the actors they join."""
    records = list(tx.run(NETWORK, **_parameters(filters), limit=limit + 1))
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
