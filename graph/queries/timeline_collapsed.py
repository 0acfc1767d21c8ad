"""The timeline with collapse=incidents: one item per incident, placed at its first matching report.

Each branch walks the same candidates as the plain timeline (graph/queries/timeline.py, same plans
and filters) and keeps a report only when no report of its incident that also matches the filters
comes before it in timeline order; that report stands for the incident. Paging is by that report's
position, so a page holds as many items as asked, each incident once, in timeline order.
"""

from __future__ import annotations

import functools
import re

from neo4j import ManagedTransaction

from graph.queries.fragments import ITEM_PROJECTION, sort_rank
from graph.queries.incidents import FATALITIES, REPORTS_OF
from graph.queries.timeline import _FILTERS, _SOURCES, Plan, item_fields, run_timeline, spans
from graph.queries.windows import span_order, window_dates
from schema.incidents import CollapsedItem
from schema.timeline import ItemKind, SortKey, TimelineFilter

# A sibling report matches the same filters (window without the cursor: one before the cursor was
# already shown). The filter text is the plain timeline's, about `sibling` instead of `node`.
_SIBLING = """
      AND sibling.date_start <= $upper AND ($window_start IS NULL OR sibling.date_end >= $window_start)"""
_FIRST_OF_INCIDENT = """
  OPTIONAL MATCH (inc:Incident)-[:REPORTED_AS]->(node)
  WITH node, rank, inc
  WHERE inc IS NULL OR NOT EXISTS {{
    MATCH (inc)-[:REPORTED_AS]->(sibling:{label})
    WHERE sibling <> node
      AND [sibling.date_start, {sibling_rank}, sibling.id] < [node.date_start, rank, node.id]{sibling}{filters}
  }}"""
_BRANCH = """
  {source}
  WHERE{dates}{filters}
  WITH node, {rank} AS rank
  WHERE $after IS NULL
     OR node.date_start > $after.date
     OR (node.date_start = $after.date
         AND (rank > $after.rank OR (rank = $after.rank AND node.id > $after.id))){first}
  WITH node, rank, inc
  ORDER BY {order}node.date_start, rank, node.id
  LIMIT $limit
  RETURN node, rank, inc"""
_TAIL = (
    """
WITH node, rank, inc
ORDER BY node.date_start, rank, node.id
LIMIT $limit
RETURN """
    + ITEM_PROJECTION
    + """ AS item, {date: node.date_start, rank: rank, id: node.id} AS position,
  CASE WHEN inc IS NULL THEN null ELSE inc {
    .id, .title, .type, .kind,
    date: {text: inc.date, start: inc.date_start, end: inc.date_end, precision: inc.date_precision},
    fatalities: """
    + FATALITIES.replace("i.", "inc.")
    + """,
    reports: """
    + REPORTS_OF.replace("(i)", "(inc)")
    + """
  } END AS incident"""
)


def _about(variable: str, text: str) -> str:
    # Fixed query text of this package, never input: `node` → another variable.
    return re.sub(r"\bnode\b", variable, text)


def _branch(plan: Plan, label: str, span: int | None) -> str:
    first = _FIRST_OF_INCIDENT.format(
        label=label,
        sibling_rank=sort_rank("sibling"),
        sibling=_SIBLING,
        filters=_about("sibling", _FILTERS[label]),
    )
    return _BRANCH.format(
        source=_SOURCES[plan, label],
        dates=window_dates("node", span),
        filters=_FILTERS[label],
        rank=sort_rank("node"),
        first=first,
        order=span_order("node", span),
    )


@functools.cache
def collapsed_query(plans: tuple[tuple[str, Plan], ...]) -> str:
    """The query text for these (label, plan) branches, as timeline_query() for the plain timeline."""
    branches = [_branch(plan, label, span) for label, plan in plans for span in spans(plan)]
    return "CALL () {" + "\n  UNION ALL".join(branches) + "\n}" + _TAIL


def _collapsed(item: dict[str, object], incident: dict[str, object] | None) -> CollapsedItem:
    plain = item_fields(item)
    if incident is None:
        low = plain["fatalities_best"]
        return CollapsedItem.model_validate({**plain, "fatalities": {"low": low, "high": low}})
    reports = incident["reports"]
    return CollapsedItem.model_validate(
        {
            **plain,
            "id": incident["id"],
            "kind": ItemKind.INCIDENT,
            "title": incident["title"],
            "type": incident["type"] if incident["kind"] == "event" else None,
            "stance": incident["type"] if incident["kind"] == "statement" else None,
            "date": incident["date"],
            "approximate": _approximate(incident["date"]),  # type: ignore[arg-type]
            "fatalities_best": None,
            "fatalities": incident["fatalities"],
            "reports": reports,
        }
    )


def _approximate(when: dict[str, object]) -> bool:
    return when["precision"] != "day" or when["start"] != when["end"]


def _position(position: dict[str, object]) -> SortKey:
    to_native = getattr(position["date"], "to_native", None)
    return SortKey.model_validate({**position, "date": to_native() if to_native else position["date"]})


def list_collapsed_timeline(
    tx: ManagedTransaction, *, filters: TimelineFilter, after: SortKey | None, limit: int
) -> list[tuple[CollapsedItem, SortKey]]:
    """Up to `limit` items (incidents and unlinked rows) after `after`, each with its position."""
    records = run_timeline(tx, collapsed_query, filters=filters, after=after, limit=limit)
    return [
        (_collapsed(record["item"], record["incident"]), _position(record["position"]))
        for record in records
    ]

