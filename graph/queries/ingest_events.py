"""Provider events and statements with their actor links, one query per kind of row and path.

Rows whose id is not in the graph yet take the CREATE path (no MERGE checks, no stale links to
look for): that is what makes a first load fast. Rows already in the graph take the MERGE path,
which also deletes links that now point elsewhere (an alias was added) before merging by link id.
`existing_ids` splits a batch between the two; the unique `id` constraints still guard both.
"""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction, SummaryCounters

EXISTING_EVENT_IDS = "UNWIND $ids AS id MATCH (node:Event {id: id}) RETURN collect(id) AS ids"
EXISTING_STATEMENT_IDS = (
    "UNWIND $ids AS id MATCH (node:Statement {id: id}) RETURN collect(id) AS ids"
)


def existing_ids(tx: ManagedTransaction, *, statements: bool, ids: list[str]) -> set[str]:
    """The ids (of events, or of statements) that are already in the graph."""
    record = tx.run(EXISTING_STATEMENT_IDS if statements else EXISTING_EVENT_IDS, ids=ids).single()
    return set(record["ids"]) if record else set()


# Where a row happened: {id, place, props} or null (loaders/providers/place_rows.py). A new node
# gets its OCCURRED_IN created; a known one first loses a provider link to another place.
_CREATE_PLACE = """
CALL ({x}, row) {{
  UNWIND CASE WHEN row.place IS NULL THEN [] ELSE [row.place] END AS at
  MATCH (place:Place {{id: at.place}})
  CREATE ({x})-[r:OCCURRED_IN]->(place)
  SET r = at.props
}}"""
_MERGE_PLACE = """
CALL ({x}, row) {{
  MATCH ({x})-[old:OCCURRED_IN]->(place:Place)
  WHERE old.id = 'occurred_in:' + row.id + ':place' AND (row.place IS NULL OR place.id <> row.place.place)
  DELETE old
}}
CALL ({x}, row) {{
  UNWIND CASE WHEN row.place IS NULL THEN [] ELSE [row.place] END AS at
  MATCH (place:Place {{id: at.place}})
  MERGE ({x})-[r:OCCURRED_IN {{id: at.id}}]->(place)
  SET r = at.props
}}"""

# Row: {id, props, date_start, date_end (ISO text), date_span_class, prefix, keep, place,
# participants: [{id, actor, props}]}.
CREATE_EVENTS = (
    """
UNWIND $rows AS row
CREATE (event:Event)
SET event = row.props, event.date_start = date(row.date_start), event.date_end = date(row.date_end),
    event.date_span_class = row.date_span_class
WITH event, row"""
    + _CREATE_PLACE.format(x="event")
    + """
WITH event, row
UNWIND row.participants AS link
MATCH (actor:Actor {id: link.actor})
CREATE (actor)-[r:PARTICIPATED_IN]->(event)
SET r = link.props
"""
)
MERGE_EVENTS = (
    """
UNWIND $rows AS row
MERGE (event:Event {id: row.id})
SET event = row.props, event.date_start = date(row.date_start), event.date_end = date(row.date_end),
    event.date_span_class = row.date_span_class
WITH event, row"""
    + _MERGE_PLACE.format(x="event")
    + """
WITH event, row
CALL (event, row) {
  MATCH (event)<-[old:PARTICIPATED_IN]-(actor:Actor)
  WHERE old.id STARTS WITH row.prefix AND NOT old.id + '|' + actor.id IN row.keep
  DELETE old
}
WITH event, row
UNWIND row.participants AS link
MATCH (actor:Actor {id: link.actor})
MERGE (actor)-[r:PARTICIPATED_IN {id: link.id}]->(event)
SET r = link.props
"""
)


def write_events(
    tx: ManagedTransaction, *, new: list[dict[str, Any]], known: list[dict[str, Any]]
) -> list[SummaryCounters]:
    """Create the new events with their participations; merge (and re-point) the known ones."""
    return [
        tx.run(query, rows=rows).consume().counters
        for query, rows in ((CREATE_EVENTS, new), (MERGE_EVENTS, known))
        if rows
    ]


# Row: {id, props, dates as for events, rel_ids, keep, place, made/accuses/warns/appeals_to:
# [{id, actor, props}]}; `made` is empty when the speaker is not known (GDELT rows with an empty
# Actor1).
# A new statement has no links yet: its targets are created (no MERGE lookup and lock per link).
_TARGET = """
CALL (statement, row) {{
  UNWIND row.{key} AS link
  MATCH (target:Actor {{id: link.actor}})
  {write} (statement)-[r:{rel_type}{key_map}]->(target)
  SET r = link.props
}}"""
_TARGET_TYPES = {"accuses": "ACCUSES", "warns": "WARNS", "appeals_to": "APPEALS_TO"}


def _targets(write: str) -> str:
    key_map = " {id: link.id}" if write == "MERGE" else ""
    return "".join(
        _TARGET.format(key=key, write=write, rel_type=rel_type, key_map=key_map)
        for key, rel_type in _TARGET_TYPES.items()
    ) + "\n"


CREATE_STATEMENTS = (
    """
UNWIND $rows AS row
CREATE (statement:Statement)
SET statement = row.props,
    statement.date_start = date(row.date_start), statement.date_end = date(row.date_end),
    statement.date_span_class = row.date_span_class
WITH statement, row"""
    + _CREATE_PLACE.format(x="statement")
    + """
WITH statement, row
CALL (statement, row) {
  UNWIND row.made AS link
  MATCH (speaker:Actor {id: link.actor})
  CREATE (speaker)-[made:MADE]->(statement)
  SET made = link.props
}
"""
    + _targets("CREATE")
)
MERGE_STATEMENTS = (
    """
UNWIND $rows AS row
MERGE (statement:Statement {id: row.id})
SET statement = row.props, statement.date_start = date(row.date_start),
    statement.date_end = date(row.date_end), statement.date_span_class = row.date_span_class
WITH statement, row"""
    + _MERGE_PLACE.format(x="statement")
    + """
WITH statement, row
CALL (statement, row) {
  MATCH (statement)-[old]-(actor:Actor)
  WHERE old.id IN row.rel_ids AND NOT old.id + '|' + actor.id IN row.keep
  DELETE old
}
WITH statement, row
CALL (statement, row) {
  UNWIND row.made AS link
  MATCH (speaker:Actor {id: link.actor})
  MERGE (speaker)-[made:MADE {id: link.id}]->(statement)
  SET made = link.props
}
"""
    + _targets("MERGE")
)


def write_statements(
    tx: ManagedTransaction, *, new: list[dict[str, Any]], known: list[dict[str, Any]]
) -> list[SummaryCounters]:
    """Create the new statements with speaker and target links; merge (and re-point) the known ones."""
    return [
        tx.run(query, rows=rows).consume().counters
        for query, rows in ((CREATE_STATEMENTS, new), (MERGE_STATEMENTS, known))
        if rows
    ]
