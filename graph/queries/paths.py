"""Shortest paths between two nodes of any label, undirected, with a literal hop bound, ranked by evidence."""

from __future__ import annotations

from neo4j import ManagedTransaction

from graph.model import Label
from graph.queries.fragments import sources_of
from schema.paths import Path, Paths

MAX_HOPS = 6

# Index-backed lookup of a node by id whatever its label (one branch per allow-listed label).
FIND_NODE = "\nUNION\n".join(f"MATCH (n:{label} {{id: $node_id}}) RETURN n.id AS id" for label in Label)

# Shortest paths are ranked on their evidence (schema.paths.PathEvidence) among the first
# MAX_CANDIDATES found: between two hubs there can be millions, and the sort must stay bounded.
MAX_CANDIDATES = 10_000

_SHORTEST = """
CALL () {{ {find_a} }}
CALL () {{ {find_b} }}
WITH a, b LIMIT 1
MATCH p = allShortestPaths((a)-[*..{hops}]-(b))
WITH p LIMIT $candidates
CALL (p) {{
  UNWIND relationships(p) AS r
  RETURN min(size(coalesce(r.source_ids, []))) AS weakest, count(r.quote) AS quoted
}}
WITH p, weakest, quoted,
     COUNT {{ UNWIND relationships(p) AS r UNWIND coalesce(r.source_ids, []) AS sid RETURN DISTINCT sid }}
       AS sources
ORDER BY weakest DESC, quoted DESC, sources DESC, [n IN nodes(p) | n.id], [r IN relationships(p) | r.id]
LIMIT $limit
RETURN [n IN nodes(p) | {{id: n.id, labels: labels(n), name: coalesce(n.name, n.title, n.summary),
                          date: CASE WHEN n.date IS NULL THEN null ELSE {{text: n.date, start: n.date_start,
                                end: n.date_end, precision: n.date_precision}} END}}] AS nodes,
       [r IN relationships(p) | {{id: r.id, type: type(r), start: startNode(r).id, end: endNode(r).id,
                                  role: r.role, title: r.title, charge: r.charge, rating: r.rating,
                                  rating_normalized: r.rating_normalized, quote: r.quote,
                                  sources: {sources}}}] AS relationships,
       {{weakest_link_sources: weakest, quoted_relationships: quoted, distinct_sources: sources}} AS evidence
"""


def _find(variable: str, parameter: str) -> str:
    return "\nUNION\n".join(
        f"MATCH ({variable}:{label} {{id: ${parameter}}}) RETURN {variable}" for label in Label
    )


# One fixed query text per hop bound: the bound is part of the pattern, never an input string.
SHORTEST_PATHS = {
    hops: _SHORTEST.format(
        find_a=_find("a", "from_id"), find_b=_find("b", "to_id"), hops=hops, sources=sources_of("r")
    )
    for hops in range(1, MAX_HOPS + 1)
}


def node_exists(tx: ManagedTransaction, *, node_id: str) -> bool:
    """True when some node (of any allow-listed label) has this id."""
    return tx.run(FIND_NODE, node_id=node_id).peek() is not None


def get_paths(
    tx: ManagedTransaction, *, from_id: str, to_id: str, max_hops: int, limit: int
) -> Paths:
    """The shortest paths of ≤ max_hops between the nodes, best-evidenced first (at most `limit`,
    `truncated` when there are more); none → paths == []."""
    result = tx.run(
        SHORTEST_PATHS[max_hops], from_id=from_id, to_id=to_id, limit=limit + 1, candidates=MAX_CANDIDATES
    )
    paths = [
        Path(
            length=len(record["relationships"]),
            nodes=record["nodes"],
            relationships=record["relationships"],
            evidence=record["evidence"],
        )
        for record in result
    ]
    return Paths(
        source=from_id, target=to_id, max_hops=max_hops, paths=paths[:limit], truncated=len(paths) > limit
    )
