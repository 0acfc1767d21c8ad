"""Retract what a curated dataset asserted and no longer lists (rules: graph/queries/curated.py).

A fact nothing but the dataset stands behind (`alone`) is deleted; any other loses the dataset from
`asserted_by` (removed when empty) and the dataset's exclusive Sources from `source_ids` (never
emptied). Relationships go first, so a node is deleted only once no relationship is left on it.

Candidates are found by id prefix on the id index, not by scanning: curated ids are `actor:…`,
`event:…` and relationship ids `participated_in:actor:…`, while provider rows are `acled:…` and
`participated_in:acled:…`, so a reload over a million provider events reads only curated facts.
"""

from __future__ import annotations

from collections import Counter

from neo4j import ManagedTransaction

from graph.model import ENDPOINTS, Label, RelType
from graph.queries.curated import Provenance, provenance_params

# {match}: the kind of fact; {unlinked}: what else its deletion needs.
_RETRACT = """
MATCH {match}
WHERE x.id STARTS WITH $prefix AND $dataset IN x.asserted_by AND NOT x.id IN $listed
WITH x, [d IN x.asserted_by WHERE d <> $dataset] AS others
WITH x, others,
     others = [] AND all(s IN x.source_ids WHERE s IN $own) AND {unlinked} AS alone
CALL (x, others, alone) {{
  WITH x, others, alone WHERE NOT alone
  WITH x, others, [s IN x.source_ids WHERE NOT s IN $exclusive] AS kept
  SET x.asserted_by = CASE WHEN others = [] THEN null ELSE others END,
      x.source_ids = CASE WHEN kept = [] THEN x.source_ids ELSE kept END
}}
CALL (x, alone) {{
  WITH x, alone WHERE alone
  DELETE x
}}
RETURN CASE WHEN alone THEN 'deleted' ELSE 'updated' END AS outcome, count(*) AS count
"""
# Built once per allow-listed label and type; input values only travel as parameters.
NODE_QUERIES = {
    label: _RETRACT.format(match=f"(x:{label})", unlinked="NOT EXISTS { (x)--() }")
    for label in Label
}
RELATIONSHIP_QUERIES = {
    rel_type: _RETRACT.format(match=f"()-[x:{rel_type}]->()", unlinked="true")
    for rel_type in RelType
}


def _retract(
    tx: ManagedTransaction, query: str, prefix: str, listed: list[str], provenance: Provenance
) -> Counter[str]:
    params = provenance_params(provenance)
    result = tx.run(query, prefix=prefix, listed=listed, **params)
    return Counter({record["outcome"]: record["count"] for record in result})


def retract_relationships(
    tx: ManagedTransaction,
    *,
    id_prefixes: dict[Label, str],
    listed: list[str],
    provenance: Provenance,
) -> dict[RelType, Counter[str]]:
    """Delete or update the dataset's relationships whose id it no longer lists; count per type.

    A relationship id starts with its type and its start node's id (`id_prefixes`: per label).
    """
    counts: dict[RelType, Counter[str]] = {}
    for rel_type, pairs in ENDPOINTS.items():
        # Only labels curated files write (Incident, derived by linking, is none of them).
        for start in sorted({start for start, _ in pairs} & id_prefixes.keys()):
            prefix = f"{rel_type.lower()}:{id_prefixes[start]}"
            retracted = _retract(tx, RELATIONSHIP_QUERIES[rel_type], prefix, listed, provenance)
            counts.setdefault(rel_type, Counter()).update(retracted)
    return {rel_type: c for rel_type, c in counts.items() if c}


def retract_nodes(
    tx: ManagedTransaction,
    *,
    id_prefixes: dict[Label, str],
    listed: list[str],
    provenance: Provenance,
) -> dict[Label, Counter[str]]:
    """Delete or update the dataset's nodes whose id it no longer lists; count per label."""
    counts = {
        label: _retract(tx, NODE_QUERIES[label], prefix, listed, provenance)
        for label, prefix in id_prefixes.items()
    }
    return {label: c for label, c in counts.items() if c}
