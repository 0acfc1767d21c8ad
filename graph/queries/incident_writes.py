"""Writes of incident linking: Incident nodes, REPORTED_AS and CONTENDS links, and stale ones removed.

Reports themselves are never written: only the incident layer on top of them. Nodes and links are
merged by id through graph.writes (created / updated / unchanged); the links a relink no longer
produces are deleted per report, and an incident left with fewer than two reports goes with them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from neo4j import ManagedTransaction

from graph.model import Label
from graph.writes import merge_nodes

Row = dict[str, Any]  # the driver's parameter type

# Row: {id: report id, keep_report: REPORTED_AS id or "", keep_contends: [CONTENDS ids]}.
_PRUNE = """
UNWIND $rows AS row
MATCH (n:{label} {{id: row.id}})
CALL (n, row) {{
  MATCH (n)<-[r:REPORTED_AS]-(:Incident) WHERE r.id <> row.keep_report
  DELETE r
  RETURN count(*) AS reports
}}
CALL (n, row) {{
  MATCH (n)-[r:CONTENDS]->(:Incident) WHERE NOT r.id IN row.keep_contends
  DELETE r
  RETURN count(*) AS contends
}}
RETURN sum(reports) AS reports, sum(contends) AS contends
"""
PRUNE = {label: _PRUNE.format(label=label) for label in (Label.EVENT, Label.STATEMENT)}
# Row: {id, start, end, props}. Pruning went first, so a link with this id can only join these two;
# an unchanged link is left untouched (no write), a changed one gets its new properties.
_MERGE_LINK = """
UNWIND $rows AS row
MATCH (a:{start} {{id: row.start}})
MATCH (b:{end} {{id: row.end}})
OPTIONAL MATCH (a)-[old:{rel_type} {{id: row.id}}]->(b)
WITH row, a, b, CASE WHEN old IS NULL THEN 'created'
                     WHEN properties(old) = row.props THEN 'unchanged' ELSE 'updated' END AS outcome
CALL (row, a, b, outcome) {{
  WITH row, a, b WHERE outcome <> 'unchanged'
  MERGE (a)-[r:{rel_type} {{id: row.id}}]->(b)
  SET r = row.props
}}
RETURN outcome, count(*) AS count
"""
MERGE_REPORTED_AS = {
    label: _MERGE_LINK.format(start=Label.INCIDENT, end=label, rel_type="REPORTED_AS")
    for label in (Label.EVENT, Label.STATEMENT)
}
MERGE_CONTENDS = {
    label: _MERGE_LINK.format(start=label, end=Label.INCIDENT, rel_type="CONTENDS")
    for label in (Label.EVENT, Label.STATEMENT)
}
# For the deletion path: the reports about to be deleted lose their REPORTED_AS and CONTENDS, and
# an incident left with fewer than two reports is dissolved (with its remaining links). Returns the
# surviving reports and contenders of every incident touched: the caller relinks around them once
# its transaction has committed (linking.run.link_touched), which refreshes the incidents that
# stay (fatality range, report count) and lets a survivor link elsewhere.
DETACH_REPORTS = """
UNWIND $ids AS gone
CALL (gone) {
  MATCH (n:Event {id: gone}) RETURN n
  UNION
  MATCH (n:Statement {id: gone}) RETURN n
}
MATCH (n)-[r:REPORTED_AS|CONTENDS]-(i:Incident)
WITH collect(DISTINCT i) AS incidents, collect(r) AS links
FOREACH (r IN links | DELETE r)
WITH incidents, size(links) AS detached
UNWIND incidents AS i
WITH detached, i, COLLECT { MATCH (i)-[:REPORTED_AS]->(rest) RETURN rest.id } AS reports,
     COLLECT { MATCH (i)<-[:CONTENDS]-(rival) RETURN rival.id } AS rivals
CALL (i, reports) {
  WITH i WHERE size(reports) < 2
  DETACH DELETE i
  RETURN count(*) AS dissolved
}
RETURN detached, sum(dissolved) AS dissolved, reduce(ids = [], x IN collect(reports + rivals) | ids + x) AS survivors
"""
DELETE_LONELY_INCIDENTS = """
MATCH (i:Incident)
WHERE COUNT { (i)-[:REPORTED_AS]->() } < 2
DETACH DELETE i
RETURN count(*) AS deleted
"""


def prune_links(tx: ManagedTransaction, *, label: Label, rows: list[Row]) -> Counter[str]:
    """Delete the reports' REPORTED_AS and CONTENDS links that are not to be kept; count them."""
    record = tx.run(PRUNE[label], rows=rows).single()
    if record is None:
        return Counter()
    return Counter({"reported_as_deleted": record["reports"], "contends_deleted": record["contends"]})


@dataclass(frozen=True)
class DetachedReports:
    """What detach_reports did, and the reports to relink around once the deletion has committed."""

    links_deleted: int = 0
    incidents_dissolved: int = 0
    survivors: list[str] = field(default_factory=list)


def detach_reports(tx: ManagedTransaction, *, ids: list[str]) -> DetachedReports:
    """Take the given events or statements out of their incidents (see DETACH_REPORTS); safe to repeat."""
    record = tx.run(DETACH_REPORTS, ids=ids).single()
    if record is None:  # none of them reported or contended for an incident
        return DetachedReports()
    survivors = sorted(set(record["survivors"]) - set(ids))
    return DetachedReports(record["detached"], record["dissolved"], survivors)


def delete_lonely_incidents(tx: ManagedTransaction) -> int:
    """Delete incidents with fewer than two reports left; return how many."""
    record = tx.run(DELETE_LONELY_INCIDENTS).single()
    return int(record["deleted"]) if record else 0


def merge_incidents(
    tx: ManagedTransaction,
    *,
    incidents: list[Row],
    reports: dict[Label, list[Row]],
    contenders: dict[Label, list[Row]],
) -> Counter[str]:
    """Merge incident nodes, then their REPORTED_AS and CONTENDS links (by report label)."""
    total: Counter[str] = Counter()
    if incidents:
        for outcome, count in merge_nodes(tx, Label.INCIDENT, incidents).items():
            total[f"incidents_{outcome}"] += count
    for name, queries, by_label in (
        ("reported_as", MERGE_REPORTED_AS, reports),
        ("contends", MERGE_CONTENDS, contenders),
    ):
        for label, rows in by_label.items():
            if rows:
                payload = [_link_payload(row) for row in rows]
                for record in tx.run(queries[label], rows=payload):
                    total[f"{name}_{record['outcome']}"] += record["count"]
    return total


def _link_payload(row: Row) -> Row:
    props = {key: value for key, value in row.items() if key not in ("start", "end")}
    return {"id": row["id"], "start": row["start"], "end": row["end"], "props": props}
