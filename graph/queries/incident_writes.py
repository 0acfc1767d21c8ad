"""Writes of incident linking: Incident nodes, REPORTED_AS and CONTENDS links, and stale ones removed.

Reports themselves are never written: only the incident layer on top of them. The linker sends
only what differs from the graph (linking/writer.py): stale links are deleted by id, new or changed
incidents and links merged by id; an incident left with fewer than two reports is deleted.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from neo4j import ManagedTransaction

from graph.model import Label
from graph.writes import merge_nodes, relationship_payload

Row = dict[str, Any]  # the driver's parameter type

# Links the relink no longer produces, by id (the relationship id index).
_DELETE_LINKS = """
UNWIND $ids AS id
MATCH ()-[r:{rel_type} {{id: id}}]->()
DELETE r
RETURN count(*) AS deleted
"""
DELETE_LINKS = {rel_type: _DELETE_LINKS.format(rel_type=rel_type) for rel_type in ("REPORTED_AS", "CONTENDS")}
# Row: {id, start, end, props}: a link that is new or whose properties changed (the linker compared).
_MERGE_LINK = """
UNWIND $rows AS row
MATCH (a:{start} {{id: row.start}})
MATCH (b:{end} {{id: row.end}})
MERGE (a)-[r:{rel_type} {{id: row.id}}]->(b)
SET r = row.props
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
# The given incidents (that lost reports) when fewer than two reports are left.
DELETE_INCIDENTS_LEFT_ALONE = """
UNWIND $ids AS id
MATCH (i:Incident {id: id})
WHERE COUNT { (i)-[:REPORTED_AS]->() } < 2
DETACH DELETE i
RETURN count(*) AS deleted
"""
DELETE_LONELY_INCIDENTS = """
MATCH (i:Incident)
WHERE COUNT { (i)-[:REPORTED_AS]->() } < 2
DETACH DELETE i
RETURN count(*) AS deleted
"""


def delete_links(tx: ManagedTransaction, *, rel_type: str, ids: list[str]) -> int:
    """Delete the REPORTED_AS or CONTENDS links with these ids; return how many there were."""
    if not ids:
        return 0
    return int(tx.run(DELETE_LINKS[rel_type], ids=ids).single(strict=True)["deleted"])


def delete_incidents_left_alone(tx: ManagedTransaction, *, ids: list[str]) -> int:
    """Delete those of the given incidents with fewer than two reports; return how many."""
    return int(tx.run(DELETE_INCIDENTS_LEFT_ALONE, ids=ids).single(strict=True)["deleted"])


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
    """Merge incident nodes (counted created / updated / unchanged), then their REPORTED_AS and
    CONTENDS links by report label (the caller counts those: it knows what it compared)."""
    total: Counter[str] = Counter()
    if incidents:
        for outcome, count in merge_nodes(tx, Label.INCIDENT, incidents).items():
            total[f"incidents_{outcome}"] += count
    for queries, by_label in ((MERGE_REPORTED_AS, reports), (MERGE_CONTENDS, contenders)):
        for label, rows in by_label.items():
            if rows:
                tx.run(queries[label], rows=relationship_payload(rows)).consume()
    return total
