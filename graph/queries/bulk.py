"""What a bulk load writes after `neo4j-admin database import`: the graph's size, and the empty lists
neo4j-admin cannot store (neo4j/neo4j#13566), set by id."""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction

from graph.model import Label, RelType

COUNT_NODES = "MATCH (n) RETURN count(n) AS count"
COUNT_RELATIONSHIPS = "MATCH ()-[r]->() RETURN count(r) AS count"


def get_graph_size(tx: ManagedTransaction) -> tuple[int, int]:
    """(nodes, relationships) in the database: both counts come from the count store."""
    nodes = tx.run(COUNT_NODES).single(strict=True)["count"]
    relationships = tx.run(COUNT_RELATIONSHIPS).single(strict=True)["count"]
    return int(nodes), int(relationships)


# $empty is {property: []}: a map parameter, so the property name is never part of the query text.
_SET_NODE_LISTS = "UNWIND $ids AS id MATCH (n:{label} {{id: id}}) SET n += $empty"
_SET_RELATIONSHIP_LISTS = "UNWIND $ids AS id MATCH ()-[r:{rel_type} {{id: id}}]->() SET r += $empty"
EMPTY_LIST_QUERIES = {
    **{str(label): _SET_NODE_LISTS.format(label=label) for label in Label},
    **{str(rel_type): _SET_RELATIONSHIP_LISTS.format(rel_type=rel_type) for rel_type in RelType},
}


def set_empty_lists(tx: ManagedTransaction, *, owner: str, key: str, ids: list[str]) -> int:
    """Set property `key` to [] on the nodes (label `owner`) or relationships (type `owner`) with these
    ids; return how many properties were set."""
    query = EMPTY_LIST_QUERIES[owner]  # KeyError for anything outside the model's allow-list
    params: dict[str, Any] = {"ids": ids, "empty": {key: []}}
    return tx.run(query, params).consume().counters.properties_set
