"""Incident reads: one incident with its reports and contenders; the incident a row belongs to."""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction

from graph.queries.fragments import sources_of
from schema.incidents import IncidentDetail, IncidentRef

# `n` a report, `r` its REPORTED_AS or CONTENDS link.
REPORT = """{
  id: n.id, label: head(labels(n)), dataset: n.dataset, title: coalesce(n.title, n.summary, n.text),
  date: {text: n.date, start: n.date_start, end: n.date_end, precision: n.date_precision},
  type: coalesce(n.type, n.stance), fatalities_best: n.fatalities_best,
  fatalities_low: n.fatalities_low, fatalities_high: n.fatalities_high, source_url: n.source_url,
  link: r {.score, .matched_with, .delta_days, .distance_km, .taxonomy_level, .taxonomy_category,
           .shared_actors, .shared_states, .reasons}
}"""
REPORTS_OF = (
    "COLLECT { MATCH (i)-[r:REPORTED_AS]->(n) RETURN " + REPORT + " AS x ORDER BY x.dataset, x.id }"
)
CONTENDERS_OF = (
    "COLLECT { MATCH (n)-[r:CONTENDS]->(i) RETURN " + REPORT + " AS x ORDER BY x.link.score DESC, x.id }"
)
FATALITIES = "{low: i.fatalities_low, high: i.fatalities_high}"

INCIDENT = f"""
MATCH (i:Incident {{id: $incident_id}})
RETURN i {{
  .id, .title, .kind, .type, .datasets, .report_count, .time_window_days, .space_window_km,
  date: {{text: i.date, start: i.date_start, end: i.date_end, precision: i.date_precision}},
  fatalities: {FATALITIES},
  reports: {REPORTS_OF},
  contenders: {CONTENDERS_OF},
  sources: {sources_of("i")}
}} AS incident
"""

# The incident a row reports, then those it contends for; each with the row's link and the others.
INCIDENTS_OF = f"""
CALL () {{
  MATCH (me:Event {{id: $report_id}}) RETURN me
  UNION
  MATCH (me:Statement {{id: $report_id}}) RETURN me
}}
MATCH (me)-[link:REPORTED_AS|CONTENDS]-(i:Incident)
RETURN type(link) AS role, i {{
  .id, .title,
  fatalities: {FATALITIES},
  link: link {{.score, .matched_with, .delta_days, .distance_km, .taxonomy_level, .taxonomy_category,
               .shared_actors, .shared_states, .reasons}},
  other_reports: [x IN {REPORTS_OF} WHERE x.id <> $report_id]
}} AS incident
ORDER BY role DESC, link.score DESC, i.id
"""


def get_incident(tx: ManagedTransaction, *, incident_id: str) -> IncidentDetail | None:
    """The incident with its reports and contenders; None if there is no such incident."""
    record = tx.run(INCIDENT, incident_id=incident_id).single()
    if record is None:
        return None
    data: dict[str, Any] = dict(record["incident"])
    data["sources"] = [s for s in data["sources"] if s is not None]
    return IncidentDetail.model_validate(data)


def get_incidents_of(
    tx: ManagedTransaction, *, report_id: str
) -> tuple[IncidentRef | None, list[IncidentRef]]:
    """(the incident the row reports or None, the incidents it is a runner-up for)."""
    reported, contended = None, []
    for record in tx.run(INCIDENTS_OF, report_id=report_id):
        ref = IncidentRef.model_validate(record["incident"])
        if record["role"] == "REPORTED_AS":
            reported = ref
        else:
            contended.append(ref)
    return reported, contended
