"""One event in full: participants, related events, statements about it."""

from __future__ import annotations

from neo4j import ManagedTransaction

from graph.queries.fragments import ITEM_PROJECTION, evidence_of, node_ref, related
from graph.queries.incidents import get_incidents_of
from graph.queries.timeline import item_fields
from schema.events import EventDetail

EVENT = f"""
MATCH (node:Event {{id: $event_id}})
RETURN {ITEM_PROJECTION} AS item, {{
  fatalities_low: node.fatalities_low, fatalities_high: node.fatalities_high,
  dataset: node.dataset, provider_id: node.provider_id, source_url: node.source_url,
  participants: COLLECT {{
    MATCH (a:Actor)-[r:PARTICIPATED_IN]->(node)
    RETURN {{actor: a {{.id, .name, .kind}}, role: r.role, relationship_id: r.id,
            evidence: {evidence_of('r')}}} AS x
    ORDER BY x.role, x.actor.id
  }},
  related: {related("(node)-[r:VIOLATES|FOLLOWS|RESPONDS_TO|PART_OF]-(o) WHERE o:Event OR o:Statement",
                    "x.relationship, x.direction DESC, x.node.id")},
  statements: COLLECT {{
    MATCH (s:Statement)-[r:ABOUT|DENIES|RESPONDS_TO]->(node)
    RETURN {{relationship: type(r), statement: {node_ref('s')}, stance: s.stance,
            speakers: COLLECT {{ MATCH (sp:Actor)-[:MADE]->(s) RETURN sp {{.id, .name, .kind}} ORDER BY sp.id }},
            relationship_id: r.id, evidence: {evidence_of('r')}}} AS x
    ORDER BY s.date_start, s.id, x.relationship LIMIT 200
  }}
}} AS detail
"""


def get_event(tx: ManagedTransaction, *, event_id: str) -> EventDetail | None:
    """The event with participants, related nodes and statements; None if there is no such event."""
    record = tx.run(EVENT, event_id=event_id).single()
    if record is None:
        return None
    incident, contends_for = get_incidents_of(tx, report_id=event_id)
    return EventDetail.model_validate(
        {
            **item_fields(record["item"]),
            **record["detail"],
            "incident": incident,
            "contends_for": contends_for,
        }
    )
