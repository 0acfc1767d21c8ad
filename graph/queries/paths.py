"""Shortest paths between two nodes of any label, undirected, with a literal hop bound."""

from __future__ import annotations

from neo4j import ManagedTransaction

from graph.model import Label
from schema.paths import Path, Paths

MAX_HOPS = 6

# Index-backed lookup of a node by id whatever its label (one branch per allow-listed label).
FIND_NODE = "\nUNION\n".join(f"MATCH (n:{label} {{id: $node_id}}) RETURN n.id AS id" for label in Label)

_SHORTEST = """
CALL () {{ {find_a} }}
CALL () {{ {find_b} }}
WITH a, b LIMIT 1
MATCH p = allShortestPaths((a)-[*..{hops}]-(b))
WITH p ORDER BY [n IN nodes(p) | n.id], [r IN relationships(p) | r.id]
LIMIT $limit
RETURN [n IN nodes(p) | {{id: n.id, labels: labels(n), name: coalesce(n.name, n.title, n.summary)}}] AS nodes,
       [r IN relationships(p) | {{id: r.id, type: type(r), start: startNode(r).id, end: endNode(r).id}}]
         AS relationships
"""


def _find(variable: str, parameter: str) -> str:
    return "\nUNION\n".join(
        f"MATCH ({variable}:{label} {{id: ${parameter}}}) RETURN {variable}" for label in Label
    )


# One fixed query text per hop bound: the bound is part of the pattern, never an input string.
SHORTEST_PATHS = {
    hops: _SHORTEST.format(find_a=_find("a", "from_id"), find_b=_find("b", "to_id"), hops=hops)
    for hops in range(1, MAX_HOPS + 1)
}


def node_exists(tx: ManagedTransaction, *, node_id: str) -> bool:
    """True when some node (of any allow-listed label) has this id."""
    return tx.run(FIND_NODE, node_id=node_id).peek() is not None


def get_paths(
    tx: ManagedTransaction, *, from_id: str, to_id: str, max_hops: int, limit: int
) -> Paths:
    """All shortest paths of ≤ max_hops between the two nodes (at most `limit`); none → paths == []."""
    result = tx.run(SHORTEST_PATHS[max_hops], from_id=from_id, to_id=to_id, limit=limit)
    paths = [
        Path(length=len(record["relationships"]), nodes=record["nodes"], relationships=record["relationships"])
        for record in result
    ]
    return Paths(source=from_id, target=to_id, max_hops=max_hops, paths=paths)
