"""An actor's relations: backers, allies, adversaries, affiliations, accusations, shared events."""

from __future__ import annotations

from neo4j import ManagedTransaction

from graph.queries.actors import AFFILIATIONS_IN, AFFILIATIONS_OUT
from graph.queries.fragments import evidence_of
from graph.queries.timeline import ACTOR_DEGREE, ACTOR_DRIVEN_MAX_DEGREE, FIRST_DAY
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


# Each list holds at most PER_SECTION entries (a hub actor has tens of thousands of links); the
# sort and limit come before the projection so only the kept rows are projected.
PER_SECTION = 50


def _relation(pattern: str) -> str:
    # `pattern` is a literal below, never input.
    return f"""COLLECT {{
    MATCH {pattern}
    WITH a, o, r ORDER BY o.id, r.id LIMIT $per_section
    RETURN {{actor: o {REF}, type: type(r), direction: CASE WHEN startNode(r) = a THEN 'out' ELSE 'in' END,
            relationship_id: r.id, evidence: {evidence_of('r')}}} AS x
  }}"""


BACKERS, BACKS = "(a)<-[r:BACKS]-(o:Actor)", "(a)-[r:BACKS]->(o:Actor)"
ALLIES, ADVERSARIES = "(a)-[r:ALLIED_WITH]-(o:Actor)", "(a)-[r:OPPOSES]-(o:Actor)"
AFFILIATIONS, AFFILIATES = "(a)-[r:AFFILIATED_WITH]->(o:Actor)", "(a)<-[r:AFFILIATED_WITH]-(o:Actor)"
MADE = "(a)-[:MADE]->(s:Statement)-[r:ACCUSES]->(o:Actor)"
RECEIVED = "(o:Actor)-[:MADE]->(s:Statement)-[r:ACCUSES]->(a)"
SHARED = "(a)-[:PARTICIPATED_IN]->(e:Event)<-[r:PARTICIPATED_IN]-(o:Actor) WHERE o <> a"
# A hub actor's first shared events are found by walking the events' date index in order and
# keeping those it took part in: the walk stops after $per_section of them, where expanding from the
# actor reads and sorts all its events (Russia at 1M events: 34k events, 0.35 s against 0.07 s).
SHARED_BY_DATE = """(e:Event) USING INDEX e:Event(date_start)
    WHERE e.date_start >= $first_day AND EXISTS { (a)-[:PARTICIPATED_IN]->(e) }
    MATCH (e)<-[r:PARTICIPATED_IN]-(o:Actor) WHERE o <> a"""


def _relations(shared: str) -> str:
    return f"""
MATCH (a:Actor {{id: $actor_id}})
RETURN {{
  actor: a {REF},
  backers: {_relation(BACKERS)},
  backs: {_relation(BACKS)},
  allies: {_relation(ALLIES)},
  adversaries: {_relation(ADVERSARIES)},
  affiliations: {AFFILIATIONS_OUT},
  affiliates: {AFFILIATIONS_IN},
  accusations_made: COLLECT {{
    MATCH {MADE}
    WITH s, r, o ORDER BY s.date_start, s.id, o.id LIMIT $per_section
    RETURN {{actor: o {REF}, statement: {STATEMENT_REF}, charge: r.charge, relationship_id: r.id,
            evidence: {evidence_of('r')}}} AS x
  }},
  accusations_received: COLLECT {{
    MATCH {RECEIVED}
    WITH s, r, o ORDER BY s.date_start, s.id, o.id LIMIT $per_section
    RETURN {{actor: o {REF}, statement: {STATEMENT_REF}, charge: r.charge, relationship_id: r.id,
            evidence: {evidence_of('r')}}} AS x
  }},
  events_shared: COLLECT {{
    MATCH {shared}
    WITH DISTINCT a, e, o, r
    ORDER BY e.date_start, e.id, o.id, r.id LIMIT $per_section
    RETURN {{actor: o {REF}, event: {EVENT_REF}, other_role: r.role,
            roles: COLLECT {{ MATCH (a)-[m:PARTICIPATED_IN]->(e) RETURN DISTINCT m.role AS role ORDER BY role }},
            relationship_id: r.id, evidence: {evidence_of('r')}}} AS x
  }}
}} AS relations
"""


# By the actor's number of events (ACTOR_DEGREE): from the actor, or along the date index.
RELATIONS_FROM_ACTOR, RELATIONS_BY_DATE = _relations(SHARED), _relations(SHARED_BY_DATE)


LIMITED_SECTIONS = (
    "backers", "backs", "allies", "adversaries",
    "accusations_made", "accusations_received", "events_shared",
)


def get_relations(tx: ManagedTransaction, *, actor_id: str) -> ActorRelations | None:
    """Each kind of link from the actor (≤ PER_SECTION each, `truncated` names the cut sections),
    with evidence; None if there is no such actor."""
    degree = tx.run(ACTOR_DEGREE["Event"], actor_ids=[actor_id]).single(strict=True)["degree"]
    query = RELATIONS_FROM_ACTOR if degree <= ACTOR_DRIVEN_MAX_DEGREE else RELATIONS_BY_DATE
    # One row more than shown tells exactly whether a section was cut, without counting them all.
    record = tx.run(query, actor_id=actor_id, per_section=PER_SECTION + 1, first_day=FIRST_DAY).single()
    if record is None:
        return None
    relations = dict(record["relations"])
    truncated = [name for name in LIMITED_SECTIONS if len(relations[name]) > PER_SECTION]
    for name in truncated:
        relations[name] = relations[name][:PER_SECTION]
    return ActorRelations.model_validate({**relations, "truncated": truncated})
