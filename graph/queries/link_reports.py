"""Reads for incident linking: provider rows as reports, in date order or around given rows.

A report is an Event of a provider dataset or a GDELT Statement (GDELT codes a statement once per
article too). Each row comes back as a map the linker turns into a linking.records.Report.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from neo4j import ManagedTransaction

from graph.queries.fragments import ROLLUP_PARAMETERS, rollup
from schema.geo import CENTROID_FROM

LINKED_EVENT_DATASETS = ["acled", "gdelt", "ucdp"]
LINKED_STATEMENT_DATASETS = ["gdelt"]
# A row whose date spans more than this cannot pin an incident: it is never linked.
MAX_SPAN_DAYS = 366

# The point the provider gave and how precisely it places the row (schema.geo.GeoPrecision, 1–5:
# 4 and 5 are a region's or a country's centroid, see linking.records.Report.centroid).
_LOCATION = """
  .point, .geo_precision"""
_REPORT = (
    """n {
  .id, .dataset, .date, .date_precision, .type, .stance, .source_ids,
  // ISO text: the driver turns it into a date much faster than it hydrates a Date structure
  date_start: toString(n.date_start), date_end: toString(n.date_end),
  .fatalities_best, .fatalities_low, .fatalities_high,
  .acled_sub_event_type, .ucdp_type_of_violence, .gdelt_event_code,
  title: coalesce(n.title, n.summary, n.text),
  kind: CASE WHEN n:Event THEN 'event' ELSE 'statement' END,"""
    + _LOCATION
    + """,
  // The incident's own properties come once, with the report it is named after.
  reported: [(n)<-[r:REPORTED_AS]-(i:Incident) |
             {id: r.id, props: properties(r), incident: i.id,
              incident_props: CASE WHEN i.id = 'incident:' + n.id THEN properties(i) END}],
  contends: [(n)-[r:CONTENDS]->(:Incident) | {id: r.id, props: properties(r)}],
  actors: COLLECT {
    MATCH (a:Actor)-[:PARTICIPATED_IN|MADE]->(n) RETURN a.id AS id
    UNION
    MATCH (n)-[:ACCUSES|WARNS|APPEALS_TO]->(a:Actor) RETURN a.id AS id
  }
}"""
)
_IN_SCOPE = """((n:Event AND n.dataset IN $event_datasets)
   OR (n:Statement AND n.dataset IN $statement_datasets))"""

# Keyset pages in (date_start, id) order; each label branch seeks its date_start index.
REPORT_PAGE = f"""
CALL () {{
  MATCH (n:Event)
  WHERE n.dataset IN $event_datasets AND n.date_start >= $after_date
    AND (n.date_start > $after_date OR n.id > $after_id)
  WITH n ORDER BY n.date_start, n.id LIMIT $limit
  RETURN n
  UNION ALL
  MATCH (n:Statement)
  WHERE n.dataset IN $statement_datasets AND n.date_start >= $after_date
    AND (n.date_start > $after_date OR n.id > $after_id)
  WITH n ORDER BY n.date_start, n.id LIMIT $limit
  RETURN n
}}
WITH n ORDER BY n.date_start, n.id LIMIT $limit
RETURN {_REPORT} AS report
"""

# Rows whose point lies within the space window of n's (a seek of the label's POINT index).
_NEAR_BRANCH = """
    MATCH (m:{label}) WHERE point.distance(m.point, n.point) <= $meters
    RETURN m"""
_BY_ID = """
UNWIND $ids AS wanted
CALL (wanted) {
  MATCH (n:Event {id: wanted}) RETURN n
  UNION
  MATCH (n:Statement {id: wanted}) RETURN n
}
WITH n WHERE """ + _IN_SCOPE
REPORTS_BY_ID = _BY_ID + f"\nRETURN {_REPORT} AS report"
# Given rows (by id), each with: itself, the ids of the rows within the windows of it (any type:
# the linker checks the rest), and the rows that share an incident with it now (reports, contenders).
AROUND = (
    _BY_ID
    + f"""
WITH n, {_REPORT} AS report
CALL (n) {{
  WITH n WHERE n.point IS NOT NULL AND coalesce(n.geo_precision, 0) < $centroid_from
  CALL (n) {{{_NEAR_BRANCH.format(label="Event")}
    UNION ALL{_NEAR_BRANCH.format(label="Statement")}
  }}
  WITH n, m
  WHERE m.id <> n.id
    AND m.date_start <= n.date_end + duration({{days: $days}})
    AND m.date_end >= n.date_start - duration({{days: $days}})
    AND ((m:Event AND m.dataset IN $event_datasets)
         OR (m:Statement AND m.dataset IN $statement_datasets))
  // GDELT's hot spots put thousands of rows at one point on one day: the closest in time are enough.
  WITH m ORDER BY abs(duration.inDays(n.date_start, m.date_start).days), m.id LIMIT $max_near
  RETURN collect(m.id) AS near
}}
RETURN report, near,
  COLLECT {{ MATCH (n)-[:REPORTED_AS|CONTENDS]-(:Incident)-[:REPORTED_AS|CONTENDS]-(o) RETURN DISTINCT o.id AS id }}
    AS linked
"""
)

STATE_OF = (
    """
MATCH (v:Actor)-[:AFFILIATED_WITH]->(:Actor)
WITH DISTINCT v
"""
    + rollup("v")
    + """
WITH v, org_of_v WHERE org_of_v.kind = 'state'
RETURN v.id AS id, org_of_v.id AS state
UNION
MATCH (v:Actor {kind: 'state'}) RETURN v.id AS id, v.id AS state
"""
)

# The windows the graph's incidents were linked with (all are linked with the same ones).
CURRENT_WINDOWS = """
MATCH (i:Incident)
RETURN i.time_window_days AS days, i.space_window_km AS km
LIMIT 1
"""

_SCOPE = {
    "event_datasets": LINKED_EVENT_DATASETS,
    "statement_datasets": LINKED_STATEMENT_DATASETS,
}


def state_of_actors(tx: ManagedTransaction) -> dict[str, str]:
    """Each actor that is a state or acts for one (AFFILIATED_WITH roles that roll up) → the state's id."""
    parameters = {**ROLLUP_PARAMETERS, "rollup_kinds": ["state"]}
    return {record["id"]: record["state"] for record in tx.run(STATE_OF, **parameters)}


def list_report_page(
    tx: ManagedTransaction, *, after_date: date, after_id: str, limit: int
) -> list[dict[str, Any]]:
    """Up to `limit` reports after (after_date, after_id) in (date_start, id) order; [] at the end."""
    result = tx.run(REPORT_PAGE, after_date=after_date, after_id=after_id, limit=limit, **_SCOPE)
    return [record["report"] for record in result]


def list_reports_around(
    tx: ManagedTransaction, *, ids: list[str], days: int, km: float, max_near: int
) -> list[dict[str, Any]]:
    """For each of the given reports that exists: {report, near: [up to max_near ids], linked: [ids]}."""
    result = tx.run(
        AROUND,
        ids=ids,
        days=days,
        meters=km * 1000,
        centroid_from=int(CENTROID_FROM),
        max_near=max_near,
        **_SCOPE,
    )
    return [record.data() for record in result]


def get_current_windows(tx: ManagedTransaction) -> tuple[int, float] | None:
    """(time window days, space window km) of the graph's incidents; None when there are none."""
    record = tx.run(CURRENT_WINDOWS).single()
    return None if record is None else (int(record["days"]), float(record["km"]))


def list_reports(tx: ManagedTransaction, *, ids: list[str]) -> list[dict[str, Any]]:
    """The reports with these ids (those that exist and are in scope), in no particular order."""
    return [record["report"] for record in tx.run(REPORTS_BY_ID, ids=ids, **_SCOPE)]
