"""An actor's relations: backers, allies, adversaries, affiliations, accusations, shared events."""

from __future__ import annotations

from neo4j import ManagedTransaction

from graph.queries.actors import AFFILIATIONS_IN, AFFILIATIONS_OUT
from graph.queries.fragments import evidence_of
from schema.actors import ActorRelations

REF = "{.id, .name, .kind}"
STATEMENT_REF = (
    "{id: s.id, label: 'Statement', name: s.summary, date: {text: s.date, start: s.date_start, "
    "end: s.date_end, precision: s.date_precision}}"
)
EVENT_REF = (
    "{id: e.id, label: 'Event', name: e.title, date: {text: e.date, start: e.date_start, "
    "end: e.date_end, precision: e.date_precision}}"
)


def _relation(pattern: str) -> str:
    # `pattern` is a literal below, never input.
    return f"""COLLECT {{
    MATCH {pattern}
    RETURN {{actor: o {REF}, type: type(r), direction: CASE WHEN startNode(r) = a THEN 'out' ELSE 'in' END,
            relationship_id: r.id, evidence: {evidence_of('r')}}} AS x
    ORDER BY o.id, r.id LIMIT 200
  }}"""


RELATIONS = f"""
MATCH (a:Actor {{id: $actor_id}})
RETURN {{
  actor: a {REF},
  backers: {_relation("(a)<-[r:BACKS]-(o:Actor)")},
  backs: {_relation("(a)-[r:BACKS]->(o:Actor)")},
  allies: {_relation("(a)-[r:ALLIED_WITH]-(o:Actor)")},
  adversaries: {_relation("(a)-[r:OPPOSES]-(o:Actor)")},
  affiliations: {AFFILIATIONS_OUT},
  affiliates: {AFFILIATIONS_IN},
  accusations_made: COLLECT {{
    MATCH (a)-[:MADE]->(s:Statement)-[r:ACCUSES]->(o:Actor)
    RETURN {{actor: o {REF}, statement: {STATEMENT_REF}, charge: r.charge, relationship_id: r.id,
            evidence: {evidence_of('r')}}} AS x
    ORDER BY s.date_start, s.id, o.id LIMIT 200
  }},
  accusations_received: COLLECT {{
    MATCH (o:Actor)-[:MADE]->(s:Statement)-[r:ACCUSES]->(a)
    RETURN {{actor: o {REF}, statement: {STATEMENT_REF}, charge: r.charge, relationship_id: r.id,
            evidence: {evidence_of('r')}}} AS x
    ORDER BY s.date_start, s.id, o.id LIMIT 200
  }},
  events_shared: COLLECT {{
    MATCH (a)-[:PARTICIPATED_IN]->(e:Event)<-[r:PARTICIPATED_IN]-(o:Actor)
    WHERE o <> a
    WITH DISTINCT e, o, r
    RETURN {{actor: o {REF}, event: {EVENT_REF}, other_role: r.role,
            roles: COLLECT {{ MATCH (a)-[m:PARTICIPATED_IN]->(e) RETURN DISTINCT m.role AS role ORDER BY role }},
            relationship_id: r.id, evidence: {evidence_of('r')}}} AS x
    ORDER BY e.date_start, e.id, o.id, r.id LIMIT 200
  }}
}} AS relations
"""


def get_relations(tx: ManagedTransaction, *, actor_id: str) -> ActorRelations | None:
    """Every kind of link from the actor to others, with evidence; None if there is no such actor."""
    record = tx.run(RELATIONS, actor_id=actor_id).single()
    return None if record is None else ActorRelations.model_validate(record["relations"])
