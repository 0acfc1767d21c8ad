"""Retract what a curated dataset asserted and no longer lists (rules: graph/queries/curated.py).

A fact nothing but the dataset stands behind (`alone`) is deleted; any other loses the dataset from
`asserted_by` (removed when empty) and the dataset's exclusive Sources from `source_ids` (never
emptied). Relationships go first, so a node is deleted only once no relationship is left on it.
"""

from __future__ import annotations

from collections import Counter

from neo4j import ManagedTransaction

from graph.model import Label, RelType
from graph.queries.curated import Provenance, provenance_params

# {match}: the facts to scan; {kind}: their label or type; {unlinked}: what else a deletion needs.
_RETRACT = """
MATCH {match}
WHERE $dataset IN x.asserted_by AND NOT x.id IN $listed
WITH x, {kind} AS kind, [d IN x.asserted_by WHERE d <> $dataset] AS others
WITH x, kind, others,
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
RETURN kind, CASE WHEN alone THEN 'deleted' ELSE 'updated' END AS outcome, count(*) AS count
"""
RETRACT_RELATIONSHIPS = _RETRACT.format(match="()-[x]->()", kind="type(x)", unlinked="true")
RETRACT_NODES = _RETRACT.format(match="(x)", kind="labels(x)[0]", unlinked="NOT EXISTS { (x)--() }")


def retract_relationships(
    tx: ManagedTransaction, *, listed: list[str], provenance: Provenance
) -> dict[RelType, Counter[str]]:
    """Delete or update the dataset's relationships whose id it no longer lists; count per type."""
    counts: dict[RelType, Counter[str]] = {}
    for record in tx.run(RETRACT_RELATIONSHIPS, listed=listed, **provenance_params(provenance)):
        counts.setdefault(RelType(record["kind"]), Counter())[record["outcome"]] += record["count"]
    return counts


def retract_nodes(
    tx: ManagedTransaction, *, listed: list[str], provenance: Provenance
) -> dict[Label, Counter[str]]:
    """Delete or update the dataset's nodes whose id it no longer lists; count per label."""
    counts: dict[Label, Counter[str]] = {}
    for record in tx.run(RETRACT_NODES, listed=listed, **provenance_params(provenance)):
        counts.setdefault(Label(record["kind"]), Counter())[record["outcome"]] += record["count"]
    return counts
