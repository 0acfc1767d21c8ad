"""Timeline reads: events and statements in (date, coarse-first, id) order, keyset-paged."""

from __future__ import annotations

from neo4j import ManagedTransaction

from graph.queries.fragments import ITEM_PROJECTION, sort_rank
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

# An item matches a date window when its own range [date_start, date_end] overlaps the window.
# Events match an actor who took part; statements one who made them or whom they accuse, warn or
# appeal to. Places match themselves and everything LOCATED_IN them; a statement matches the place
# of an event it is about, denies or responds to.
TIMELINE = (
    """
CALL () {
  MATCH (node:Event)
  WHERE 'event' IN $kinds
    AND node.date_start IS NOT NULL
    AND ($window_start IS NULL OR node.date_end >= $window_start)
    AND ($window_end IS NULL OR node.date_start <= $window_end)
    AND ($types IS NULL OR node.type IN $types)
    AND ($text_ids IS NULL OR node.id IN $text_ids)
    AND ($actor_ids IS NULL
         OR EXISTS { MATCH (a:Actor)-[:PARTICIPATED_IN]->(node) WHERE a.id IN $actor_ids })
    AND ($place_id IS NULL
         OR EXISTS { MATCH (node)-[:OCCURRED_IN]->(:Place)-[:LOCATED_IN*0..6]->(:Place {id: $place_id}) })
  RETURN node
  UNION
  MATCH (node:Statement)
  WHERE 'statement' IN $kinds
    AND node.date_start IS NOT NULL
    AND ($window_start IS NULL OR node.date_end >= $window_start)
    AND ($window_end IS NULL OR node.date_start <= $window_end)
    AND ($stances IS NULL OR node.stance IN $stances)
    AND ($text_ids IS NULL OR node.id IN $text_ids)
    AND ($actor_ids IS NULL
         OR EXISTS { MATCH (a:Actor)-[:MADE]->(node) WHERE a.id IN $actor_ids }
         OR EXISTS { MATCH (node)-[:ACCUSES|WARNS|APPEALS_TO]->(a:Actor) WHERE a.id IN $actor_ids })
    AND ($place_id IS NULL
         OR EXISTS { MATCH (node)-[:ABOUT|DENIES|RESPONDS_TO]->(:Event)-[:OCCURRED_IN]->(:Place)
                           -[:LOCATED_IN*0..6]->(:Place {id: $place_id}) })
  RETURN node
}
WITH node, """ + sort_rank("node") + """ AS rank
WHERE $after IS NULL
   OR node.date_start > $after.date
   OR (node.date_start = $after.date
       AND (rank > $after.rank OR (rank = $after.rank AND node.id > $after.id)))
WITH node, rank
ORDER BY node.date_start, rank, node.id
LIMIT $limit
RETURN """
    + ITEM_PROJECTION
    + " AS item"
)


def _lucene_all_terms(text: str) -> str:
    """Every word as a quoted Lucene phrase, all required; operators in input stay plain words."""
    phrases = ['"' + word.replace("\\", "\\\\").replace('"', '\\"') + '"' for word in text.split()]
    return " AND ".join(phrases)


def expand_affiliates(tx: ManagedTransaction, *, actor_ids: list[str]) -> list[str]:
    """The actors plus every actor affiliated with one of them (≤4 AFFILIATED_WITH hops), sorted."""
    record = tx.run(AFFILIATES, actor_ids=actor_ids).single()
    members = record["ids"] if record else []
    return sorted(set(actor_ids) | set(members))


def item_from_record(data: dict[str, object]) -> TimelineItem:
    """A TimelineItem from an ITEM_PROJECTION map (kind from labels, statement text as summary)."""
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
    return TimelineItem.model_validate(row)


def list_timeline(
    tx: ManagedTransaction, *, filters: TimelineFilter, after: SortKey | None, limit: int
) -> list[TimelineItem]:
    """Up to `limit` items after `after` in timeline order; [] when nothing (more) matches."""
    actor_ids = filters.actor_ids
    if actor_ids is not None and filters.include_affiliates:
        actor_ids = expand_affiliates(tx, actor_ids=actor_ids)
    text_ids = None
    if filters.q:
        text_ids = tx.run(TEXT_MATCHES, lucene=_lucene_all_terms(filters.q)).single(strict=True)["ids"]
    result = tx.run(
        TIMELINE,
        kinds=[kind.value for kind in filters.kinds],
        window_start=filters.window_start,
        window_end=filters.window_end,
        types=filters.types,
        stances=filters.stances,
        text_ids=text_ids,
        actor_ids=actor_ids,
        place_id=filters.place_id,
        after=after.model_dump() if after else None,
        limit=limit,
    )
    return [item_from_record(record["item"]) for record in result]
