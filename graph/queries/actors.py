"""Actor reads: search, one profile with its affiliations."""

from __future__ import annotations

from neo4j import ManagedTransaction

from graph.queries.fragments import evidence_of
from schema.actors import ActorProfile, ActorSummary
from schema.references import ActorRef

SUMMARY = "a {.id, .name, .kind, aliases: coalesce(a.aliases, []), .country, .description}"

LIST_ACTORS = f"""
MATCH (a:Actor)
WHERE $kind IS NULL OR a.kind = $kind
WITH a ORDER BY toLower(a.name), a.id
SKIP $offset LIMIT $limit
RETURN {SUMMARY} AS actor
"""

# Exact (case-insensitive) name or alias matches rank first, then full-text relevance.
SEARCH_ACTORS = f"""
CALL () {{
  MATCH (a:Actor)
  WHERE toLower(a.name) = $lower OR any(alias IN coalesce(a.aliases, []) WHERE toLower(alias) = $lower)
  RETURN a, 0 AS tier, 0.0 AS score
  UNION
  CALL db.index.fulltext.queryNodes('actor_names', $lucene, {{limit: 1000}}) YIELD node, score
  RETURN node AS a, 1 AS tier, score
}}
WITH a, min(tier) AS tier, max(score) AS score
WHERE $kind IS NULL OR a.kind = $kind
ORDER BY tier, score DESC, toLower(a.name), a.id
SKIP $offset LIMIT $limit
RETURN {SUMMARY} AS actor
"""


def _prefix_terms(text: str) -> str:
    """Every word as an escaped, lower-case prefix query, all required."""
    terms = []
    for word in text.lower().split():
        terms.append("".join(f"\\{c}" if c in '+-&|!(){}[]^"~*?:\\/' else c for c in word) + "*")
    return " AND ".join(terms)


def list_actors(
    tx: ManagedTransaction, *, q: str | None, kind: str | None, offset: int, limit: int
) -> list[ActorSummary]:
    """Actors matching `q` (ranked) or all by name; [] when none match."""
    if q:
        result = tx.run(
            SEARCH_ACTORS, lower=q.lower(), lucene=_prefix_terms(q), kind=kind, offset=offset, limit=limit
        )
    else:
        result = tx.run(LIST_ACTORS, kind=kind, offset=offset, limit=limit)
    return [ActorSummary.model_validate(record["actor"]) for record in result]


def _affiliation(rel: str, other: str) -> str:
    return (
        f"{{actor: {other} {{.id, .name, .kind}}, role: {rel}.role, title: {rel}.title, "
        f"valid: CASE WHEN {rel}.valid IS NULL THEN null ELSE {{text: {rel}.valid, start: {rel}.valid_start, "
        f"end: {rel}.valid_end, precision: {rel}.valid_precision}} END, "
        f"relationship_id: {rel}.id, evidence: {evidence_of(rel)}}}"
    )


AFFILIATIONS_OUT = f"""COLLECT {{
    MATCH (a)-[r:AFFILIATED_WITH]->(o:Actor) RETURN {_affiliation('r', 'o')} AS x ORDER BY o.id, r.id LIMIT 200
  }}"""
AFFILIATIONS_IN = f"""COLLECT {{
    MATCH (a)<-[r:AFFILIATED_WITH]-(o:Actor) RETURN {_affiliation('r', 'o')} AS x ORDER BY o.id, r.id LIMIT 200
  }}"""

ACTOR = f"""
MATCH (a:Actor {{id: $actor_id}})
RETURN {SUMMARY[:-1]},
  affiliations: {AFFILIATIONS_OUT},
  affiliates: {AFFILIATIONS_IN},
  evidence: {evidence_of('a')}
}} AS actor
"""


def get_actor(tx: ManagedTransaction, *, actor_id: str) -> ActorProfile | None:
    """The actor's profile with affiliations both ways; None if there is no such actor."""
    record = tx.run(ACTOR, actor_id=actor_id).single()
    return None if record is None else ActorProfile.model_validate(record["actor"])


ACTOR_REF = "MATCH (a:Actor {id: $actor_id}) RETURN a {.id, .name, .kind} AS actor"


def get_actor_ref(tx: ManagedTransaction, *, actor_id: str) -> ActorRef | None:
    """The actor's id, name and kind; None if there is no such actor."""
    record = tx.run(ACTOR_REF, actor_id=actor_id).single()
    return None if record is None else ActorRef.model_validate(record["actor"])
