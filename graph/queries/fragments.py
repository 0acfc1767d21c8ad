"""Cypher fragments shared by several read queries; fixed text, composed at import time only."""

from __future__ import annotations

from schema.vocabulary import ROLLUP_ROLES, ROLLUP_TARGET_KINDS

# `$x` is bound by the enclosing query: the node whose sources are listed, in source_ids order.
SOURCES_OF = """[src_ref IN [sid IN coalesce({x}.source_ids, []) |
  head(COLLECT {{ MATCH (src:Source {{id: sid}})
                 RETURN src {{.id, .title, .publisher, .url, published: src.published}} }})]
  WHERE src_ref IS NOT NULL]"""


def sources_of(variable: str) -> str:
    """A list expression of `variable`'s sources as Source refs, in source_ids order."""
    # `variable` is always a literal identifier from this package's query text, never input.
    return SOURCES_OF.format(x=variable)


# Projection of an Event or Statement bound to `node` into a TimelineItem.
ITEM_PROJECTION = (
    """node {
  .id, .title, .summary, .quote, .type, .stance, .verbatim, .text, .fatalities_best,
  labels: labels(node),
  date: CASE WHEN node.date IS NULL THEN null
        ELSE {text: node.date, start: node.date_start, end: node.date_end, precision: node.date_precision} END,
  actors: COLLECT {
      MATCH (a:Actor)-[r:PARTICIPATED_IN|MADE]->(node)
      RETURN {id: a.id, name: a.name, kind: a.kind, role: coalesce(r.role, 'speaker')} AS actor
      ORDER BY CASE type(r) WHEN 'MADE' THEN 0 ELSE 1 END, actor.role, actor.id
    } + COLLECT {
      MATCH (node)-[r:ACCUSES|WARNS|APPEALS_TO]->(a:Actor)
      RETURN {id: a.id, name: a.name, kind: a.kind,
              role: CASE type(r) WHEN 'ACCUSES' THEN 'accused' WHEN 'WARNS' THEN 'warned'
                    ELSE 'appealed_to' END} AS actor
      ORDER BY actor.role, actor.id
    },
  place: head(COLLECT { MATCH (node)-[:OCCURRED_IN]->(p:Place) RETURN p {.id, .name} ORDER BY p.id }),
  verdicts: COLLECT {
      MATCH (checker:Actor)-[r:RATED]->(node)
      RETURN {by: checker {.id, .name, .kind}, rating: r.rating, rating_normalized: r.rating_normalized,
              date: CASE WHEN r.date IS NULL THEN null ELSE {text: r.date, start: r.date_start,
                    end: r.date_end, precision: r.date_precision} END} AS verdict
      ORDER BY verdict.date.start, verdict.by.id
    },
  point: CASE WHEN node.point IS NULL THEN null
         ELSE {longitude: node.point.longitude, latitude: node.point.latitude} END,
  geo_precision: node.geo_precision,
  sources: """
    + sources_of("node")
    + """
}"""
)

# Binds `org_of_{v}` for the actor bound to `{v}`: the organisation it speaks for at level=state,
# i.e. the nearest actor of a rollup kind (ROLLUP_TARGET_KINDS: the roll-up stops there) reachable
# over ≤4 AFFILIATED_WITH edges whose roles all roll up (ties by id); the actor itself when it is
# of such a kind or has no such path.
ROLLUP = """
CALL ({v}) {{
  OPTIONAL MATCH path = ({v})-[:AFFILIATED_WITH*0..4]->(org:Actor)
  WHERE org.kind IN $rollup_kinds AND all(r IN relationships(path) WHERE r.role IN $rollup_roles)
  WITH {v}, org, path ORDER BY length(path), org.id
  WITH {v}, collect(org) AS orgs
  RETURN coalesce(head(orgs), {v}) AS org_of_{v}
}}"""

ROLLUP_PARAMETERS = {
    "rollup_kinds": sorted(kind.value for kind in ROLLUP_TARGET_KINDS),
    "rollup_roles": sorted(role.value for role in ROLLUP_ROLES),
}


def rollup(variable: str) -> str:
    """A CALL subquery binding `org_of_<variable>` (see ROLLUP); needs ROLLUP_PARAMETERS."""
    return ROLLUP.format(v=variable)


def evidence_of(variable: str) -> str:
    """A map expression {sources, quote} for the node or relationship bound to `variable`."""
    return "{sources: " + sources_of(variable) + ", quote: " + variable + ".quote}"


def node_ref(variable: str) -> str:
    """A NodeRef map for any node bound to `variable` (date null when it has none)."""
    v = variable
    return (
        f"{{id: {v}.id, label: head(labels({v})), name: coalesce({v}.title, {v}.summary, {v}.name), "
        f"date: CASE WHEN {v}.date IS NULL THEN null ELSE {{text: {v}.date, start: {v}.date_start, "
        f"end: {v}.date_end, precision: {v}.date_precision}} END}}"
    )


def related(pattern: str, order: str = "x.node.id, x.relationship_id") -> str:
    """A COLLECT of RelatedNode maps over `pattern`, which binds `node`, `r` and `o` (literal text)."""
    return f"""COLLECT {{
    MATCH {pattern}
    RETURN {{relationship: type(r), direction: CASE WHEN startNode(r) = node THEN 'out' ELSE 'in' END,
            node: {node_ref('o')}, relationship_id: r.id, evidence: {evidence_of('r')}}} AS x
    ORDER BY {order} LIMIT 200
  }}"""


def sort_rank(variable: str) -> str:
    """Cypher for schema.timeline.sort_rank: coarser first among items starting the same day."""
    v = variable
    return (
        f"CASE {v}.date_precision WHEN 'year' THEN 0 WHEN 'month' THEN 1 WHEN 'week' THEN 2 "
        f"ELSE CASE WHEN {v}.date_start = {v}.date_end THEN 4 ELSE 3 END END"
    )
