"""Statement reads: a filtered, keyset-paged list and one statement in full."""

from __future__ import annotations

from datetime import date

from neo4j import ManagedTransaction

from graph.queries.fragments import ITEM_PROJECTION, evidence_of, related, sort_rank
from graph.queries.timeline import FIRST_DAY, LAST_DAY, item_fields, item_from_record
from graph.queries.windows import SPAN_CLASSES, span_order, window_dates, window_parameters
from schema.statements import StatementDetail
from schema.timeline import SortKey, TimelineItem

# `about` matches a statement that is about, denies or responds to the node with that id; `ratings`
# one that at least one fact-checker rated so. With a window start, one branch per span class
# (graph/queries/windows.py), each in index order and limited.
_BRANCH = f"""
  MATCH (node:Statement)
  WHERE{{dates}}
    AND ($stances IS NULL OR node.stance IN $stances)
    AND ($speaker_ids IS NULL OR EXISTS {{{{ MATCH (a:Actor)-[:MADE]->(node) WHERE a.id IN $speaker_ids }}}})
    AND ($about_id IS NULL
         OR EXISTS {{{{ MATCH (node)-[:ABOUT|DENIES|RESPONDS_TO]->(x) WHERE x.id = $about_id }}}})
    AND ($ratings IS NULL
         OR EXISTS {{{{ MATCH (:Actor)-[r:RATED]->(node) WHERE r.rating_normalized IN $ratings }}}})
  WITH node, {sort_rank("node")} AS rank
  WHERE $after IS NULL OR [node.date_start, rank, node.id] > [$after.date, $after.rank, $after.id]
  WITH node, rank
  ORDER BY {{order}}node.date_start, rank, node.id
  LIMIT $limit
  RETURN node, rank"""
_TAIL = f"""
WITH node, rank
ORDER BY node.date_start, rank, node.id
LIMIT $limit
RETURN {ITEM_PROJECTION} AS item
"""


def _statements(spans: tuple[int | None, ...]) -> str:
    branches = [
        _BRANCH.format(dates=window_dates("node", span), order=span_order("node", span))
        for span in spans
    ]
    return "CALL () {" + "\n  UNION ALL".join(branches) + "\n}" + _TAIL


STATEMENTS = _statements((None,))
STATEMENTS_IN_WINDOW = _statements(SPAN_CLASSES)


def list_statements(
    tx: ManagedTransaction,
    *,
    speaker_ids: list[str] | None,
    stances: list[str] | None,
    about_id: str | None,
    ratings: list[str] | None,
    window_start: date | None,
    window_end: date | None,
    after: SortKey | None,
    limit: int,
) -> list[TimelineItem]:
    """Up to `limit` statements after `after` in timeline order; [] when none (more) match."""
    lower = after.date if after else FIRST_DAY
    result = tx.run(
        STATEMENTS if window_start is None else STATEMENTS_IN_WINDOW,
        lower=lower,
        upper=window_end or LAST_DAY,
        **window_parameters(lower, window_start),
        speaker_ids=speaker_ids,
        stances=stances,
        about_id=about_id,
        ratings=ratings,
        window_start=window_start,
        after=after.model_dump() if after else None,
        limit=limit,
    )
    return [item_from_record(record["item"]) for record in result]


_ORDER = "x.node.date.start, x.node.id, x.relationship_id"

STATEMENT = f"""
MATCH (node:Statement {{id: $statement_id}})
RETURN {ITEM_PROJECTION} AS item, {{
  dataset: node.dataset, provider_id: node.provider_id,
  targets: COLLECT {{
    MATCH (node)-[r:ACCUSES|WARNS|APPEALS_TO]->(a:Actor)
    RETURN {{relationship: type(r), actor: a {{.id, .name, .kind}}, charge: r.charge,
            relationship_id: r.id, evidence: {evidence_of('r')}}} AS x
    ORDER BY x.relationship, x.actor.id
  }},
  subjects: {related("(node)-[r:ABOUT|DENIES|RESPONDS_TO]->(o)", _ORDER)},
  responses: {related("(node)<-[r:ABOUT|DENIES|RESPONDS_TO]-(o)", _ORDER)},
  verdicts: COLLECT {{
    MATCH (a:Actor)-[r:RATED]->(node)
    RETURN {{by: a {{.id, .name, .kind}}, rating: r.rating, rating_normalized: r.rating_normalized,
            date: CASE WHEN r.date IS NULL THEN null ELSE {{text: r.date, start: r.date_start,
                  end: r.date_end, precision: r.date_precision}} END,
            relationship_id: r.id, evidence: {evidence_of('r')}}} AS x
    ORDER BY x.date.start, x.by.id
  }},
  supports: {related("(node)-[r:SUPPORTS]->(o:Statement)", _ORDER)},
  supported_by: {related("(node)<-[r:SUPPORTS]-(o:Statement)", _ORDER)},
  contradicts: {related("(node)-[r:CONTRADICTS]->(o:Statement)", _ORDER)},
  contradicted_by: {related("(node)<-[r:CONTRADICTS]-(o:Statement)", _ORDER)}
}} AS detail
"""


def get_statement(tx: ManagedTransaction, *, statement_id: str) -> StatementDetail | None:
    """The statement with targets, subjects, verdicts and (counter)support; None if unknown."""
    record = tx.run(STATEMENT, statement_id=statement_id).single()
    if record is None:
        return None
    return StatementDetail.model_validate({**item_fields(record["item"]), **record["detail"]})
