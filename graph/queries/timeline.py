"""Timeline reads: events and statements in (date, coarse-first, id) order, keyset-paged."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from neo4j import ManagedTransaction, Record

from graph.queries.fragments import ITEM_PROJECTION, from_datasets, sort_rank
from graph.queries.geo import geo_condition, geo_is_selective, geo_parameters, geo_source
from graph.queries.windows import SPAN_CLASSES, span_order, window_dates, window_parameters
from schema.geo import GeoFilter
from schema.timeline import ItemKind, SortKey, TimelineFilter, TimelineItem

AFFILIATES = """
MATCH (member:Actor)-[:AFFILIATED_WITH*1..4]->(org:Actor)
WHERE org.id IN $actor_ids
RETURN collect(DISTINCT member.id) AS ids
"""

# Each word of the user's text is a quoted phrase (no Lucene syntax from input); all must occur.
TEXT_MATCHES = """
CALL db.index.fulltext.queryNodes('text_search', $lucene, {limit: 10000}) YIELD node
RETURN collect(node.id) AS ids
"""

# How many timeline links of each kind the actors have (degree counts, no expansion): decides,
# per branch, the plan below. An actor with 100,000 events may have made ten statements.
ACTOR_DEGREE = {
    "Event": """
MATCH (a:Actor) WHERE a.id IN $actor_ids
RETURN sum(COUNT { (a)-[:PARTICIPATED_IN]->() }) AS degree
""",
    "Statement": """
MATCH (a:Actor) WHERE a.id IN $actor_ids
RETURN sum(COUNT { (a)-[:MADE]->() } + COUNT { (a)<-[:ACCUSES|WARNS|APPEALS_TO]-() }) AS degree
""",
}
# How many events happened at the place or within it; likewise decides the plan.
PLACE_DEGREE = """
MATCH (:Place {id: $place_id})<-[:LOCATED_IN*0..6]-(p:Place)
WITH DISTINCT p
RETURN sum(COUNT { (p)<-[:OCCURRED_IN]-() }) AS degree
"""
# Below this many links, walking from the actors (or place) beats scanning the date index.
ACTOR_DRIVEN_MAX_DEGREE = 5_000
FIRST_DAY, LAST_DAY = date(1, 1, 1), date(9999, 12, 31)


class Plan(StrEnum):
    """Where each branch finds its candidates (each maps to fixed query text)."""

    DATES = "dates"  # the date_start range index, in order, stopping after $limit rows
    WINDOW = "window"  # as DATES within a date window: one seek per span class (windows.py)
    TEXT = "text"  # the full-text matches' ids
    ACTORS = "actors"  # the actors' relationships
    PLACE = "place"  # the events at the place (and within it)
    BBOX = "bbox"  # the POINT index: points inside the box
    NEAR = "near"  # the POINT index: points inside the circle


# Candidates bound to `node` per (driver, label); the date_start bounds let the planner seek the
# range index in order (PartialTop stops early); the other drivers produce few rows to sort.
_SOURCES = {
    (Plan.DATES, "Event"): "MATCH (node:Event)",
    (Plan.DATES, "Statement"): "MATCH (node:Statement)",
    (Plan.WINDOW, "Event"): "MATCH (node:Event)",
    (Plan.WINDOW, "Statement"): "MATCH (node:Statement)",
    (Plan.TEXT, "Event"): "MATCH (node:Event) WHERE node.id IN $text_ids WITH node",
    (Plan.TEXT, "Statement"): "MATCH (node:Statement) WHERE node.id IN $text_ids WITH node",
    (Plan.ACTORS, "Event"): """MATCH (a:Actor)-[:PARTICIPATED_IN]->(node:Event) WHERE a.id IN $actor_ids
  WITH DISTINCT node""",
    (Plan.ACTORS, "Statement"): """CALL () {
    MATCH (a:Actor)-[:MADE]->(node:Statement) WHERE a.id IN $actor_ids RETURN node
    UNION
    MATCH (node:Statement)-[:ACCUSES|WARNS|APPEALS_TO]->(a:Actor) WHERE a.id IN $actor_ids RETURN node
  }
  WITH DISTINCT node""",
    (Plan.PLACE, "Event"): """MATCH (:Place {id: $place_id})<-[:LOCATED_IN*0..6]-(:Place)<-[:OCCURRED_IN]-(node:Event)
  WITH DISTINCT node""",
    (Plan.PLACE, "Statement"): """CALL () {
    MATCH (:Place {id: $place_id})<-[:LOCATED_IN*0..6]-(:Place)<-[:OCCURRED_IN]-(node:Statement) RETURN node
    UNION
    MATCH (:Place {id: $place_id})<-[:LOCATED_IN*0..6]-(:Place)<-[:OCCURRED_IN]-(:Event)
          <-[:ABOUT|DENIES|RESPONDS_TO]-(node:Statement) RETURN node
  }
  WITH DISTINCT node""",
    **{(Plan.BBOX, label): geo_source(label, near=False) for label in ("Event", "Statement")},
    **{(Plan.NEAR, label): geo_source(label, near=True) for label in ("Event", "Statement")},
}

# An item matches a date window when its own range [date_start, date_end] overlaps the window
# ($upper is the window end or the last day; $lower the cursor's day or the first day). The WINDOW
# plan reads each span class from its own lower bound (graph/queries/windows.py).
# Events match an actor who took part; statements one who made them or whom they accuse, warn or
# appeal to. Places match themselves and everything LOCATED_IN them (administrative links and
# curated regions alike); a statement matches its own place (GDELT's ActionGeo) or the place of an
# event it is about, denies or responds to. bbox/near/max_geo_precision test the item's own point;
# datasets the load or curated file that wrote the item.
_FILTERS = {
    "Event": """
    AND ($types IS NULL OR node.type IN $types)
    AND ($text_ids IS NULL OR node.id IN $text_ids)
    AND ($actor_ids IS NULL
         OR EXISTS { MATCH (a:Actor)-[:PARTICIPATED_IN]->(node) WHERE a.id IN $actor_ids })
    AND ($place_id IS NULL
         OR EXISTS { MATCH (node)-[:OCCURRED_IN]->(:Place)-[:LOCATED_IN*0..6]->(:Place {id: $place_id}) })
    AND """ + from_datasets("node") + """
    AND """ + geo_condition("node"),
    "Statement": """
    AND ($stances IS NULL OR node.stance IN $stances)
    AND ($text_ids IS NULL OR node.id IN $text_ids)
    AND ($actor_ids IS NULL
         OR EXISTS { MATCH (a:Actor)-[:MADE]->(node) WHERE a.id IN $actor_ids }
         OR EXISTS { MATCH (node)-[:ACCUSES|WARNS|APPEALS_TO]->(a:Actor) WHERE a.id IN $actor_ids })
    AND ($place_id IS NULL
         OR EXISTS { MATCH (node)-[:OCCURRED_IN]->(:Place)-[:LOCATED_IN*0..6]->(:Place {id: $place_id}) }
         OR EXISTS { MATCH (node)-[:ABOUT|DENIES|RESPONDS_TO]->(:Event)-[:OCCURRED_IN]->(:Place)
                           -[:LOCATED_IN*0..6]->(:Place {id: $place_id}) })
    AND """ + from_datasets("node") + """
    AND """ + geo_condition("node"),
}
# Each branch orders and limits on its own, so the outer sort sees at most 2 × $limit rows.
_BRANCH = (
    """
  {source}
  WHERE{dates}{filters}
  WITH node, """
    + sort_rank("node")
    + """ AS rank
  WHERE $after IS NULL
     OR node.date_start > $after.date
     OR (node.date_start = $after.date
         AND (rank > $after.rank OR (rank = $after.rank AND node.id > $after.id)))
  WITH node, rank
  ORDER BY {order}node.date_start, rank, node.id
  LIMIT $limit
  RETURN node, rank"""
)
_TAIL = (
    """
WITH node, rank
ORDER BY node.date_start, rank, node.id
LIMIT $limit
RETURN """
    + ITEM_PROJECTION
    + " AS item"
)


def spans(plan: Plan) -> tuple[int | None, ...]:
    """The span classes a plan reads in branches of their own (None: one branch for all)."""
    return SPAN_CLASSES if plan is Plan.WINDOW else (None,)


@functools.cache
def timeline_query(plans: tuple[tuple[str, Plan], ...]) -> str:
    """The query text for these (label, plan) branches; the same text for the same plans."""
    branches = [
        _BRANCH.format(
            source=_SOURCES[plan, label],
            dates=window_dates("node", span),
            filters=_FILTERS[label],
            order=span_order("node", span),
        )
        for label, plan in plans
        for span in spans(plan)
    ]
    return "CALL () {" + "\n  UNION ALL".join(branches) + "\n}" + _TAIL


_LABELS = {ItemKind.EVENT: "Event", ItemKind.STATEMENT: "Statement"}
_KIND_SETS = [(ItemKind.EVENT,), (ItemKind.STATEMENT,), (ItemKind.EVENT, ItemKind.STATEMENT)]
# Every branch with one plan (the usual case), built at import from the literals above.
TIMELINE = {
    (plan, kinds): timeline_query(tuple((_LABELS[kind], plan) for kind in kinds))
    for plan in Plan
    for kinds in _KIND_SETS
}


@dataclass(frozen=True)
class GeoSelection:
    """The geographic filter with what decides whether its index drives the query."""

    filter: GeoFilter
    labels: tuple[str, ...]
    limit: int


def _lucene_all_terms(text: str) -> str:
    """Every word as a quoted Lucene phrase, all required; operators in input stay plain words."""
    phrases = ['"' + word.replace("\\", "\\\\").replace('"', '\\"') + '"' for word in text.split()]
    return " AND ".join(phrases)


def expand_affiliates(tx: ManagedTransaction, *, actor_ids: list[str]) -> list[str]:
    """The actors plus every actor affiliated with one of them (≤4 AFFILIATED_WITH hops), sorted."""
    record = tx.run(AFFILIATES, actor_ids=actor_ids).single()
    members = record["ids"] if record else []
    return sorted(set(actor_ids) | set(members))


def item_fields(data: dict[str, object]) -> dict[str, object]:
    """The TimelineItem fields of an ITEM_PROJECTION map (kind from labels, statement text as
    summary), not yet validated: a detail model validates them once with its own fields."""
    row = dict(data)
    labels = row.pop("labels")
    is_event = "Event" in labels  # type: ignore[operator]
    row["kind"] = ItemKind.EVENT if is_event else ItemKind.STATEMENT
    text = row.pop("text", None)
    if not is_event:
        row["summary"], row["title"] = text, row.get("summary")
    row["sources"] = [s for s in row["sources"] if s is not None]  # type: ignore[union-attr]
    when = row["date"]
    row["approximate"] = when is None or when["precision"] != "day" or when["start"] != when["end"]  # type: ignore[index]
    return row


def item_from_record(data: dict[str, object]) -> TimelineItem:
    """A TimelineItem from an ITEM_PROJECTION map."""
    return TimelineItem.model_validate(item_fields(data))


def _place_or_geo_plan(
    tx: ManagedTransaction, place_id: str | None, geo: GeoSelection, window_start: date | None
) -> Plan:
    if place_id is not None:
        degree = tx.run(PLACE_DEGREE, place_id=place_id).single(strict=True)["degree"]
        if degree <= ACTOR_DRIVEN_MAX_DEGREE:
            return Plan.PLACE
    if geo_is_selective(tx, labels=geo.labels, geo=geo.filter, limit=geo.limit):
        return Plan.NEAR if geo.filter.near is not None else Plan.BBOX
    # Without a window start the date_start index alone reads only what is shown (from the first
    # day or the cursor); with one, an item that started earlier may overlap: read by span class.
    return Plan.DATES if window_start is None else Plan.WINDOW


def _plans(
    tx: ManagedTransaction,
    text_ids: list[str] | None,
    actor_ids: list[str] | None,
    place_id: str | None,
    geo: GeoSelection,
    window_start: date | None,
) -> tuple[tuple[str, Plan], ...]:
    """Each branch's plan: the actors' links where they have few of that kind, else one shared plan."""
    if text_ids is not None:
        return tuple((label, Plan.TEXT) for label in geo.labels)
    shared: list[Plan] = []  # decided once, and only if a branch needs it
    plans = []
    for label in geo.labels:
        if actor_ids is not None:
            degree = tx.run(ACTOR_DEGREE[label], actor_ids=actor_ids).single(strict=True)["degree"]
            if degree <= ACTOR_DRIVEN_MAX_DEGREE:
                plans.append((label, Plan.ACTORS))
                continue
        shared = shared or [_place_or_geo_plan(tx, place_id, geo, window_start)]
        plans.append((label, shared[0]))
    return tuple(plans)


def run_timeline(
    tx: ManagedTransaction,
    query_for: Callable[[tuple[tuple[str, Plan], ...]], str],
    *,
    filters: TimelineFilter,
    after: SortKey | None,
    limit: int,
) -> list[Record]:
    """The records of the query `query_for` builds for the filters' plans (this timeline's, or the
    collapsed one's: both take the same parameters); [] when no kind of item is asked for."""
    actor_ids = filters.actor_ids
    if actor_ids is not None and filters.include_affiliates:
        actor_ids = expand_affiliates(tx, actor_ids=actor_ids)
    text_ids = None
    if filters.q:
        text_ids = tx.run(TEXT_MATCHES, lucene=_lucene_all_terms(filters.q)).single(strict=True)["ids"]
    kinds = tuple(kind for kind in (ItemKind.EVENT, ItemKind.STATEMENT) if kind in filters.kinds)
    if not kinds:
        return []
    geo = GeoSelection(filters.geo, tuple(_LABELS[kind] for kind in kinds), limit)
    lower = after.date if after else FIRST_DAY
    result = tx.run(
        query_for(_plans(tx, text_ids, actor_ids, filters.place_id, geo, filters.window_start)),
        lower=lower,
        **window_parameters(lower, filters.window_start),
        upper=filters.window_end or LAST_DAY,
        window_start=filters.window_start,
        types=filters.types,
        stances=filters.stances,
        text_ids=text_ids,
        actor_ids=actor_ids,
        place_id=filters.place_id,
        datasets=filters.datasets,
        after=after.model_dump() if after else None,
        limit=limit,
        **geo_parameters(filters.geo),
    )
    return list(result)


def list_timeline(
    tx: ManagedTransaction, *, filters: TimelineFilter, after: SortKey | None, limit: int
) -> list[TimelineItem]:
    """Up to `limit` items after `after` in timeline order; [] when nothing (more) matches."""
    records = run_timeline(tx, timeline_query, filters=filters, after=after, limit=limit)
    return [item_from_record(record["item"]) for record in records]
