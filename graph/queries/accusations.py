"""Accusation rows (statement × accuser × accused, optionally rolled up) and the filters they share."""

from __future__ import annotations

from datetime import date
from typing import Any

from neo4j import ManagedTransaction

from graph.queries.fragments import ROLLUP_PARAMETERS, from_datasets, rollup, sort_rank, sources_of
from graph.queries.geo import geo_condition, geo_parameters
from graph.queries.windows import SPAN_CLASSES, span_order, window_dates, window_parameters
from schema.accusations import Accusation, AccusationFilter, AccusationKey, Level

FIRST_DAY, LAST_DAY = date(1, 1, 1), date(9999, 12, 31)

# The roll-up (see fragments.ROLLUP) of every actor that has affiliations, computed once per
# actor rather than once per accusation; any other actor rolls up to itself.
ROLLUP_MAP = (
    """
MATCH (v:Actor)-[:AFFILIATED_WITH]->(:Actor)
WITH DISTINCT v
"""
    + rollup("v")
    + """
WITH v, org_of_v WHERE org_of_v <> v
RETURN v.id AS id, org_of_v.id AS org
"""
)
ACCUSER_ID = (
    "CASE WHEN speaker IS NULL THEN null"
    " WHEN $state_level THEN coalesce($org_of[speaker.id], speaker.id) ELSE speaker.id END"
)
ACCUSED_ID = "CASE WHEN $state_level THEN coalesce($org_of[named.id], named.id) ELSE named.id END"
# The statement's place: its own (GDELT ActionGeo) or that of an event it is about (as /timeline).
PLACE_AND_DATASETS = (
    """($place_id IS NULL
       OR EXISTS { MATCH (s)-[:OCCURRED_IN]->(:Place)-[:LOCATED_IN*0..6]->(:Place {id: $place_id}) }
       OR EXISTS { MATCH (s)-[:ABOUT|DENIES|RESPONDS_TO]->(:Event)-[:OCCURRED_IN]->(:Place)
                         -[:LOCATED_IN*0..6]->(:Place {id: $place_id}) })
  AND """
    + from_datasets("s")
    + """
  AND """
    + geo_condition("s")
)
WINDOW = (
    """s.date_start >= $lower AND s.date_start <= $upper
  AND ($window_start IS NULL OR s.date_end >= $window_start)
  AND """
    + PLACE_AND_DATASETS
)
_FILTERS = """($accuser_ids IS NULL OR accuser_id IN $accuser_ids)
  AND ($accused_ids IS NULL OR accused_id IN $accused_ids)
  AND ($charge IS NULL OR toLower(coalesce(acc.charge, '')) CONTAINS toLower($charge))"""

# Dated statements in the window in date_start index order; per statement one row per (ACCUSES,
# accuser, accused) after roll-up, speakers that roll up alike merged. Index order plus the
# per-statement CALL let the Top stop after $limit rows. A statement whose speaker is not known
# (no MADE: GDELT rows with an empty Actor1) has accuser null; it sorts by accuser_key '' and
# never matches an accuser filter.
# Dated statements in the window in date_start index order; per statement one row per (ACCUSES,
# accuser, accused) after roll-up, speakers that roll up alike merged. Index order plus the
# per-statement CALL let the Top stop after $limit rows. A statement whose speaker is not known
# (no MADE: GDELT rows with an empty Actor1) has accuser null; it sorts by accuser_key '' and
# never matches an accuser filter. With a window start, one branch per span class reads the
# composite index from its own lower bound (graph/queries/windows.py); each stops after $limit rows.
_ROWS = (
    """
  MATCH (s:Statement)
  WHERE{dates}
    AND """
    + PLACE_AND_DATASETS.replace("{", "{{").replace("}", "}}")
    + """
  WITH s, """
    + sort_rank("s")
    + """ AS rank
  WHERE $after IS NULL OR [s.date_start, rank, s.id] >= [$after.date, $after.rank, $after.statement_id]
  CALL (s) {{
    MATCH (s)-[acc:ACCUSES]->(named:Actor)
    OPTIONAL MATCH (speaker:Actor)-[:MADE]->(s)
    WITH acc, named, speaker, """
    + ACCUSER_ID
    + " AS accuser_id, "
    + ACCUSED_ID
    + """ AS accused_id
    WITH acc, named, accuser_id, accused_id, collect(speaker) AS speakers
    RETURN acc, named, accuser_id, coalesce(accuser_id, '') AS accuser_key, accused_id, speakers
  }}
  WITH s, rank, acc, named, accuser_id, accuser_key, accused_id, speakers
  WHERE """
    + _FILTERS.replace("\n", "\n  ")
    + """
    AND ($after IS NULL OR [s.date_start, rank, s.id, accuser_key, accused_id]
                           > [$after.date, $after.rank, $after.statement_id, $after.accuser_id, $after.accused_id])
  WITH s, rank, acc, named, accuser_id, accuser_key, accused_id, speakers
  ORDER BY {order}s.date_start, rank, s.id, accuser_key, accused_id
  LIMIT $limit
  RETURN s, rank, acc, named, accuser_id, accuser_key, accused_id, speakers"""
)
_ACCUSATIONS_TAIL = (
    """
WITH s, rank, acc, named, accuser_id, accuser_key, accused_id, speakers
ORDER BY s.date_start, rank, s.id, accuser_key, accused_id
LIMIT $limit
MATCH (accused:Actor {id: accused_id})
OPTIONAL MATCH (accuser:Actor {id: accuser_id})
RETURN {
  id: acc.id, charge: acc.charge, quote: acc.quote,
  accuser: accuser {.id, .name, .kind}, accuser_unknown: accuser_id IS NULL,
  accused: accused {.id, .name, .kind},
  named: named {.id, .name, .kind},
  speakers: [sp IN speakers | sp {.id, .name, .kind}],
  date: {text: s.date, start: s.date_start, end: s.date_end, precision: s.date_precision},
  statement: s {.id, .summary, .text, .verbatim, .quote},
  about: COLLECT {
    MATCH (s)-[:ABOUT]->(x) WHERE x:Event OR x:Statement
    RETURN {id: x.id, label: head(labels(x)), name: coalesce(x.title, x.summary),
            date: {text: x.date, start: x.date_start, end: x.date_end, precision: x.date_precision}}
           AS ref ORDER BY ref.id
  },
  sources: """
    + sources_of("acc")
    + """
} AS row
ORDER BY s.date_start, rank, s.id, accuser_key, accused_id
"""
)


def _accusations(spans: tuple[int | None, ...]) -> str:
    branches = [
        _ROWS.format(dates=window_dates("s", span), order=span_order("s", span)) for span in spans
    ]
    return "CALL () {" + "\n  UNION ALL".join(branches) + "\n}" + _ACCUSATIONS_TAIL


ACCUSATIONS = _accusations((None,))
ACCUSATIONS_IN_WINDOW = _accusations(SPAN_CLASSES)


def _org_of(tx: ManagedTransaction, filters: AccusationFilter) -> dict[str, str]:
    if filters.level != Level.STATE:
        return {}
    return {record["id"]: record["org"] for record in tx.run(ROLLUP_MAP, **ROLLUP_PARAMETERS)}


def accusation_parameters(tx: ManagedTransaction, filters: AccusationFilter) -> dict[str, Any]:
    """Query parameters of the filters (with the state roll-up map at level=state)."""
    return {
        "lower": FIRST_DAY,
        "upper": filters.window_end or LAST_DAY,
        "window_start": filters.window_start,
        "accuser_ids": filters.accuser_ids,
        "accused_ids": filters.accused_ids,
        "charge": filters.charge,
        "state_level": filters.level == Level.STATE,
        "org_of": _org_of(tx, filters),
        "place_id": filters.place_id,
        "datasets": filters.datasets,
        **geo_parameters(filters.geo),
    }


def list_accusations(
    tx: ManagedTransaction, *, filters: AccusationFilter, after: AccusationKey | None, limit: int
) -> list[Accusation]:
    """Up to `limit` accusations after `after`, oldest first; [] when none (more) match."""
    parameters = accusation_parameters(tx, filters)
    if after is not None:
        parameters["lower"] = after.date
    parameters |= window_parameters(parameters["lower"], filters.window_start)
    query = ACCUSATIONS if filters.window_start is None else ACCUSATIONS_IN_WINDOW
    result = tx.run(query, **parameters, after=after.model_dump() if after else None, limit=limit)
    rows = []
    for record in result:
        row = dict(record["row"])
        row["sources"] = [s for s in row["sources"] if s is not None]
        row["about"] = [{**ref, "date": ref["date"] if ref["date"]["text"] else None} for ref in row["about"]]
        rows.append(Accusation.model_validate(row))
    return rows
