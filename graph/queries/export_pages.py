"""Read queries that fetch an export's property types and its elements page by page.

Queries are built once per model label / relationship type (never from input); pages are either
a given list of ids or keyset pages (`id > $after ORDER BY id LIMIT $limit`) over the index that
backs each `id` constraint, so a whole-graph export never holds the graph in one transaction.
"""

from __future__ import annotations

from neo4j import ManagedTransaction

from graph.export.records import ExportNode, ExportRelationship
from graph.export.values import PropType, native, prop_type
from graph.model import DERIVED_PROPERTIES, Label, RelType

_KEYS = "UNWIND keys({x}) AS key RETURN key, collect(DISTINCT valueType({x}[key])) AS types"
NODE_KEYS_OF = {label: f"MATCH (n:{label}) WHERE n.id IN $ids {_KEYS.format(x='n')}" for label in Label}
NODE_KEYS_ALL = {label: f"MATCH (n:{label}) {_KEYS.format(x='n')}" for label in Label}
REL_KEYS_OF = {t: f"MATCH ()-[r:{t}]->() WHERE r.id IN $ids {_KEYS.format(x='r')}" for t in RelType}
REL_KEYS_ALL = {t: f"MATCH ()-[r:{t}]->() {_KEYS.format(x='r')}" for t in RelType}


def get_property_types(
    tx: ManagedTransaction, *, label: Label | None = None, rel_type: RelType | None = None,
    ids: list[str] | None = None,
) -> dict[str, PropType]:
    """Key → type of one label's nodes (or one type's relationships), all or those with these ids."""
    if label is not None:
        query, where = (NODE_KEYS_ALL if ids is None else NODE_KEYS_OF)[label], f":{label}"
    else:
        assert rel_type is not None
        query, where = (REL_KEYS_ALL if ids is None else REL_KEYS_OF)[rel_type], f":{rel_type}"
    return {
        record["key"]: prop_type(record["types"], f"{where}.{record['key']}")
        for record in tx.run(query, ids=ids)
        if record["key"] not in DERIVED_PROPERTIES
    }


_NODE_RETURN = """RETURN n.id AS id, labels(n) AS labels, properties(n) AS properties"""
NODES_BY_ID = {label: f"MATCH (n:{label}) WHERE n.id IN $ids {_NODE_RETURN}" for label in Label}
NODES_AFTER = {
    label: f"MATCH (n:{label}) WHERE n.id > $after {_NODE_RETURN} ORDER BY n.id LIMIT $limit"
    for label in Label
}


def _node(record: dict[str, object], label: Label) -> ExportNode:
    others = sorted(str(name) for name in record["labels"] if name != label)  # type: ignore[attr-defined]
    properties = {
        key: native(value)
        for key, value in record["properties"].items()  # type: ignore[attr-defined]
        if key not in DERIVED_PROPERTIES
    }
    return ExportNode(id=str(record["id"]), labels=[str(label), *others], properties=properties)


def list_nodes(
    tx: ManagedTransaction, *, label: Label, ids: list[str] | None = None, after: str = "",
    limit: int = 1000,
) -> list[ExportNode]:
    """The label's nodes with these ids (sorted by id), or the next `limit` after `after` by id."""
    if ids is not None:
        result = tx.run(NODES_BY_ID[label], ids=ids)
        return sorted((_node(r.data(), label) for r in result), key=lambda node: node.id)
    result = tx.run(NODES_AFTER[label], after=after, limit=limit)
    return [_node(r.data(), label) for r in result]


_REL_RETURN = """RETURN r.id AS id, a.id AS start, b.id AS end,
       [l IN labels(a) WHERE l IN $model_labels][0] AS start_label,
       [l IN labels(b) WHERE l IN $model_labels][0] AS end_label,
       properties(r) AS properties"""
RELS_BY_ID = {t: f"MATCH (a)-[r:{t}]->(b) WHERE r.id IN $ids {_REL_RETURN}" for t in RelType}
RELS_AFTER = {
    t: f"MATCH (a)-[r:{t}]->(b) WHERE r.id > $after {_REL_RETURN} ORDER BY r.id LIMIT $limit"
    for t in RelType
}


def _relationship(record: dict[str, object], rel_type: RelType) -> ExportRelationship:
    properties = {
        key: native(value)
        for key, value in record["properties"].items()  # type: ignore[attr-defined]
        if key not in DERIVED_PROPERTIES
    }
    return ExportRelationship(
        id=str(record["id"]),
        type=str(rel_type),
        start=str(record["start"]),
        end=str(record["end"]),
        start_label=str(record["start_label"]),
        end_label=str(record["end_label"]),
        properties=properties,
    )


def list_relationships(
    tx: ManagedTransaction, *, rel_type: RelType, ids: list[str] | None = None, after: str = "",
    limit: int = 1000,
) -> list[ExportRelationship]:
    """The type's relationships with these ids (sorted by id), or the next `limit` after `after`."""
    labels = [str(label) for label in Label]
    if ids is not None:
        result = tx.run(RELS_BY_ID[rel_type], ids=ids, model_labels=labels)
        return sorted((_relationship(r.data(), rel_type) for r in result), key=lambda rel: rel.id)
    result = tx.run(RELS_AFTER[rel_type], after=after, limit=limit, model_labels=labels)
    return [_relationship(r.data(), rel_type) for r in result]
