"""Curated writes that keep provenance: a dataset adds itself to `asserted_by`, replaces only its
own citations in `source_ids`, and (graph/queries/retract.py) retracts what it no longer lists.

Unlike graph/writes.py (which replaces every property: right for imports), a fact may be asserted
by several curated datasets (`asserted_by`: their ids) and be cited by provider loads (which add
their dataset Source, `src:acled`, to `source_ids`). For a dataset D the caller passes:
- `own`: the Sources D declares or declared before; it decides alone whether it cites them;
- `exclusive`: those of `own` that no other dataset declares.
A merged fact keeps every source it had that D does not own (all but `exclusive` when another
dataset asserts it too) and gains D's citations. A retracted fact is deleted when D alone asserted
it and cites nothing D does not own (a node: when no relationship is left on it); otherwise it only
loses D from `asserted_by` and D's exclusive Sources from `source_ids`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from neo4j import ManagedTransaction

from graph.model import ENDPOINTS, Label, RelType, check_endpoints
from graph.writes import MissingEndpointError, relationship_payload
from schema.providers import DATASET_SOURCE_IDS

PROVIDER_SOURCES = frozenset(DATASET_SOURCE_IDS.values())


@dataclass(frozen=True)
class Provenance:
    """Which dataset is writing, and which Sources it owns (see the module docstring)."""

    dataset: str
    own: list[str]
    exclusive: list[str]


DECLARED_SOURCES = """
MATCH (source:Source)
WHERE source.id IN $declared OR $dataset IN coalesce(source.asserted_by, [])
RETURN source.id AS id, any(d IN coalesce(source.asserted_by, []) WHERE d <> $dataset) AS shared
"""


def list_dataset_sources(
    tx: ManagedTransaction, *, dataset: str, declared: list[str]
) -> dict[str, bool]:
    """The Sources in the graph that the dataset declares or declared, each with True if shared."""
    return {
        r["id"]: r["shared"] for r in tx.run(DECLARED_SOURCES, dataset=dataset, declared=declared)
    }


# The merged properties of a fact: `given` (from the file) with the provenance rules applied to
# what the fact `had`. Kept sources stay in their order and new citations follow, so no reload
# reorders a list that another dataset or a provider load extended. `extra` adds projection
# entries for one label (see PROVIDER_ENRICHMENT).
def _merged_props(extra: str = "") -> str:
    return f"""
WITH *, row.props AS given, coalesce(old.asserted_by, []) AS asserters,
     coalesce(old.source_ids, []) AS had
WITH *,
     CASE WHEN $dataset IN asserters THEN asserters ELSE asserters + $dataset END AS asserted_by,
     CASE WHEN all(d IN asserters WHERE d = $dataset) THEN $own ELSE $exclusive END AS replaced,
     any(s IN had WHERE s IN $provider_sources) AS provider_cited
WITH *, given {{
  .*,{extra}
  source_ids: [s IN had WHERE s IN given.source_ids OR NOT s IN replaced]
              + [s IN given.source_ids WHERE NOT s IN had],
  asserted_by: asserted_by
}} AS props
"""


# What provider loads add to a curated place they name (graph/queries/ingest_places.py): the
# spellings they saw it under, a point, admin level and country where the file gives none. A reload
# of the file keeps them while a provider still cites the place, so `make run` (which reloads the
# seed) does not undo a provider load; the file's own values win where it gives them.
PROVIDER_ENRICHMENT = {
    Label.PLACE: """
  aliases: CASE WHEN provider_cited AND old.aliases IS NOT NULL
           THEN coalesce(given.aliases, []) + [a IN old.aliases WHERE NOT a IN coalesce(given.aliases, [])]
           ELSE given.aliases END,
  name_keys: CASE WHEN provider_cited THEN coalesce(given.name_keys, old.name_keys) ELSE given.name_keys END,
  point: CASE WHEN provider_cited THEN coalesce(given.point, old.point) ELSE given.point END,
  admin_level: CASE WHEN provider_cited THEN coalesce(given.admin_level, old.admin_level)
               ELSE given.admin_level END,
  country: CASE WHEN provider_cited THEN coalesce(given.country, old.country) ELSE given.country END,""",
}


def _node_query(label: Label) -> str:
    return f"""
UNWIND $rows AS row
OPTIONAL MATCH (old:{label} {{id: row.id}})
{_merged_props(PROVIDER_ENRICHMENT.get(label, ""))}
WITH row, props, CASE WHEN old IS NULL THEN null ELSE properties(old) END AS before
MERGE (n:{label} {{id: row.id}})
SET n = props
WITH CASE WHEN before IS NULL THEN 'created'
          WHEN before = properties(n) THEN 'unchanged'
          ELSE 'updated' END AS outcome
RETURN outcome, count(*) AS count
"""


# A curated relationship id names both endpoints (`type:start->end[:role]`), so the one found by
# id (an index seek) joins the same nodes: unlike graph/writes.py there is nothing to move.
def _relationship_query(rel_type: RelType, start: Label, end: Label) -> str:
    return f"""
UNWIND $rows AS row
MATCH (a:{start} {{id: row.start}})
MATCH (b:{end} {{id: row.end}})
OPTIONAL MATCH ()-[old:{rel_type} {{id: row.id}}]->()
{_merged_props()}
WITH row, props, a, b, CASE WHEN old IS NULL THEN 'created'
                            WHEN properties(old) = props THEN 'unchanged'
                            ELSE 'updated' END AS outcome
MERGE (a)-[r:{rel_type} {{id: row.id}}]->(b)
SET r = props
RETURN outcome, count(*) AS count
"""


# Built once per allow-listed label and endpoint triple; input values only travel as parameters.
NODE_QUERIES = {label: _node_query(label) for label in Label}
RELATIONSHIP_QUERIES = {
    (rel_type, start, end): _relationship_query(rel_type, start, end)
    for rel_type, pairs in ENDPOINTS.items()
    for start, end in pairs
}


def provenance_params(provenance: Provenance) -> dict[str, Any]:
    """The query parameters $dataset, $own, $exclusive and $provider_sources."""
    return {
        "dataset": provenance.dataset,
        "own": provenance.own,
        "exclusive": provenance.exclusive,
        "provider_sources": sorted(PROVIDER_SOURCES),
    }


def merge_asserted_nodes(
    tx: ManagedTransaction, label: Label, rows: list[dict[str, Any]], provenance: Provenance
) -> Counter[str]:
    """Upsert the dataset's nodes by id; count them as created, updated or unchanged."""
    payload = [{"id": row["id"], "props": row} for row in rows]
    result = tx.run(NODE_QUERIES[Label(label)], rows=payload, **provenance_params(provenance))
    return Counter({r["outcome"]: r["count"] for r in result})


def merge_asserted_relationships(
    tx: ManagedTransaction,
    key: tuple[RelType, Label, Label],
    rows: list[dict[str, Any]],
    provenance: Provenance,
) -> Counter[str]:
    """Upsert the dataset's relationships ({id, start, end, **props}) between its nodes; count them."""
    rel_type, start, end = key
    check_endpoints(RelType(rel_type), Label(start), Label(end))
    query = RELATIONSHIP_QUERIES[(RelType(rel_type), Label(start), Label(end))]
    payload = relationship_payload(rows)
    result = tx.run(query, rows=payload, **provenance_params(provenance))
    counts = Counter({r["outcome"]: r["count"] for r in result})
    if counts.total() != len(rows):  # the file's nodes are merged first, in the same transaction
        missing = len(rows) - counts.total()
        raise MissingEndpointError(
            f"{missing} {rel_type} row(s) name a node that is not in the graph"
        )
    return counts
