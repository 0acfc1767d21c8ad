"""Place reads: search by name and spelling, one place with its hierarchy and event counts."""

from __future__ import annotations

from neo4j import ManagedTransaction

from graph.queries.fragments import evidence_of
from schema.places import PlaceDetail, PlaceSummary

SUMMARY = """p {
  .id, .name, .kind, .country, .admin_level, aliases: coalesce(p.aliases, []),
  point: CASE WHEN p.point IS NULL THEN null
         ELSE {longitude: p.point.longitude, latitude: p.point.latitude} END,
  within: COLLECT { MATCH (p)-[:LOCATED_IN]->(up:Place) RETURN up {.id, .name, .kind} ORDER BY up.id }
}"""
_FILTERS = """($kind IS NULL OR p.kind = $kind)
  AND ($within IS NULL OR EXISTS { (p)-[:LOCATED_IN*1..6]->(:Place {id: $within}) })"""

LIST_PLACES = f"""
MATCH (p:Place)
WHERE {_FILTERS}
WITH p ORDER BY toLower(p.name), p.id
SKIP $offset LIMIT $limit
RETURN {SUMMARY} AS place
"""

# Tier 0: the exact name or a spelling providers used (by key: case, accents, "governorate"…
# folded), or a curated id the alias table gives that spelling, broadest first (a country, then a
# province…); tier 1: every word as a prefix, by relevance.
SEARCH_PLACES = f"""
CALL () {{
  MATCH (p:Place) WHERE p.id IN $table_ids
  RETURN p, 0 AS tier, 0.0 AS score
  UNION
  CALL db.index.fulltext.queryNodes('place_names', $exact, {{limit: 1000}}) YIELD node
  WITH node AS p
  WHERE $key IN coalesce(p.name_keys, []) OR toLower(p.name) = $lower
     OR any(alias IN coalesce(p.aliases, []) WHERE toLower(alias) = $lower)
  RETURN p, 0 AS tier, 0.0 AS score
  UNION
  CALL db.index.fulltext.queryNodes('place_names', $prefixes, {{limit: 1000}}) YIELD node, score
  RETURN node AS p, 1 AS tier, score
}}
WITH p, min(tier) AS tier, max(score) AS score
WHERE {_FILTERS}
ORDER BY tier, CASE tier WHEN 0 THEN coalesce(p.admin_level, 4) ELSE 0 END, score DESC,
         toLower(p.name), p.id
SKIP $offset LIMIT $limit
RETURN {SUMMARY} AS place
"""


def _escaped(word: str) -> str:
    return "".join(f"\\{c}" if c in '+-&|!(){}[]^"~*?:\\/' else c for c in word)


def list_places(
    tx: ManagedTransaction,
    *,
    key: str | None,
    lower: str | None,
    table_ids: list[str],
    kind: str | None,
    within: str | None,
    offset: int,
    limit: int,
) -> list[PlaceSummary]:
    """Places matching the key (ranked) or all by name, filtered by kind and ancestor; [] if none."""
    filters = {"kind": kind, "within": within, "offset": offset, "limit": limit}
    if key:
        words = [_escaped(word) for word in key.split()]
        result = tx.run(
            SEARCH_PLACES,
            key=key,
            lower=lower,
            table_ids=table_ids,
            exact='"' + " ".join(words) + '"',
            prefixes=" AND ".join(word + "*" for word in words),
            **filters,
        )
    else:
        result = tx.run(LIST_PLACES, **filters)
    return [PlaceSummary.model_validate(record["place"]) for record in result]


PLACE = f"""
MATCH (p:Place {{id: $place_id}})
CALL (p) {{
  OPTIONAL MATCH path = (p)-[:LOCATED_IN*1..6]->(up:Place)
  WITH up, min(length(path)) AS depth WHERE up IS NOT NULL
  RETURN collect(up {{.id, .name, .kind, depth: depth}}) AS ancestors
}}
CALL (p) {{
  MATCH (p)<-[:LOCATED_IN*0..6]-(inside:Place)
  WITH DISTINCT inside
  MATCH (inside)<-[:OCCURRED_IN]-(event:Event)
  WITH DISTINCT event
  WITH event.date_start.year AS year, event.type AS type, count(*) AS count
  ORDER BY year, type
  RETURN collect({{year: year, type: type, count: count}}) AS event_counts
}}
RETURN {SUMMARY[:-1]},
  ancestors: ancestors,
  children: COLLECT {{
    MATCH (p)<-[:LOCATED_IN]-(down:Place)
    RETURN down {{.id, .name, .kind}} AS child ORDER BY toLower(child.name), child.id LIMIT $children
  }},
  event_counts: event_counts,
  evidence: {evidence_of("p")}
}} AS place
"""
MAX_CHILDREN = 200


def get_place(tx: ManagedTransaction, *, place_id: str) -> PlaceDetail | None:
    """The place with ancestors (nearest first), children and event counts; None if unknown."""
    record = tx.run(PLACE, place_id=place_id, children=MAX_CHILDREN + 1).single()
    if record is None:
        return None
    place = dict(record["place"])
    place["ancestors"] = sorted(place["ancestors"], key=lambda a: (a["depth"], a["id"]))
    place["children_truncated"] = len(place["children"]) > MAX_CHILDREN
    place["children"] = place["children"][:MAX_CHILDREN]
    place["events"] = sum(row["count"] for row in place["event_counts"])
    return PlaceDetail.model_validate(place)


def list_place_ids(tx: ManagedTransaction) -> list[str]:
    """Every place's id (for clean-ups over the whole graph, such as a bulk load's)."""
    return [record["id"] for record in tx.run("MATCH (place:Place) RETURN place.id AS id")]
