"""bench/load.py's `load_csv` method: a synthetic GDELT or ACLED file loaded by plain LOAD CSV.

Local only: LOAD CSV reads the file from the server's own import directory, so the file is linked
(or copied) into the local bench instance's `import/` folder; a remote server cannot be benchmarked
this way.

What a Neo4j user would write for the same model: the file is read by
`LOAD CSV … CALL { … } IN TRANSACTIONS OF N ROWS`, and every event or statement node, its
properties and its relationships (PARTICIPATED_IN, MADE, ACCUSES/WARNS/APPEALS_TO, OCCURRED_IN)
are built by Cypher from the row's cells. The reference tables a user would bring as parameters
are built from the file's distinct values with the project's own tables, so ids and names match
the transactional load: actors (by provider code or name: alias table, states, CAMEO lists),
places (by location columns: place chain, point, precision), the CAMEO crosswalk (GDELT) and the
ACLED type and date maps; building them is timed with the load. Those actors, places, state ties
and LOCATED_IN links are written first, with the project's MERGE queries (a few thousand rows);
LOAD CSV then writes the rows.
"""

from __future__ import annotations

import csv
import os
import shutil
from pathlib import Path
from typing import Any

from neo4j import Driver
from neo4j.spatial import WGS84Point

from graph.queries.ingest import merge_actors, merge_dataset_source
from graph.queries.ingest_places import merge_place_links, merge_places
from graph.queries.ingest_states import merge_state_ties
from graph.queries.windows import span_class_expression
from loaders.providers import acled, gdelt
from loaders.providers.aliases import AliasTable
from loaders.providers.cameo import classify
from loaders.providers.gdelt_layouts import layout_of
from loaders.providers.locations import acled_location, gdelt_location
from loaders.providers.place_aliases import PlaceAliasTable
from loaders.providers.place_rows import _merge_place
from loaders.providers.places import PlaceResolver, link_rows, place_row
from loaders.providers.rows import GraphBatch, RowBuilder
from loaders.providers.run import _source_props
from loaders.providers.tabular import Header, Row
from schema.providers import DATASET_SOURCE_IDS, RowLocation

Lookup = dict[str, dict[str, Any]]

# GDELT columns (2.0 export, 0-based); LOAD CSV without headers gives a list per line.
GDELT = """
LOAD CSV FROM $url AS c FIELDTERMINATOR '\\t'
CALL (c) {
  WITH c, 'gdelt:' + c[0] AS id, $cameo[c[26]] AS action,
       $actors[coalesce(c[5], '') + '|' + coalesce(c[6], '') + '|' + coalesce(c[7], '')] AS a1,
       $actors[coalesce(c[15], '') + '|' + coalesce(c[16], '') + '|' + coalesce(c[17], '')] AS a2,
       $places[coalesce(c[51], '') + '|' + coalesce(c[52], '') + '|' + coalesce(c[53], '')] AS at
  WITH c, id, action, a1, a2, at, {
    id: id, dataset: 'gdelt', provider_id: c[0], source_ids: ['src:gdelt'],
    source_url: CASE WHEN c[60] <> '' THEN c[60] END,
    date: substring(c[1], 0, 4) + '-' + substring(c[1], 4, 2) + '-' + substring(c[1], 6, 2),
    date_precision: 'day', date_start: date(c[1]), date_end: date(c[1]),
    date_span_class: """ + span_class_expression("date(c[1])", "date(c[1])") + """,
    gdelt_event_code: c[26], gdelt_is_root_event: c[25] = '1',
    gdelt_quad_class: toInteger(c[29]), gdelt_goldstein: toFloat(c[30]),
    gdelt_num_mentions: toInteger(c[31]), gdelt_num_sources: toInteger(c[32]),
    gdelt_num_articles: toInteger(c[33]), gdelt_avg_tone: toFloat(c[34]),
    gdelt_actor1_code: CASE WHEN c[5] <> '' THEN c[5] END,
    gdelt_actor1_name: CASE WHEN c[6] <> '' THEN c[6] END,
    gdelt_actor2_code: CASE WHEN c[15] <> '' THEN c[15] END,
    gdelt_actor2_name: CASE WHEN c[16] <> '' THEN c[16] END,
    gdelt_action_geo: CASE WHEN c[52] <> '' THEN c[52] END,
    point: point({longitude: toFloat(c[57]), latitude: toFloat(c[56])}),
    geo_precision: at.geo_precision
  } AS props
  CALL (id, props, action, a1, a2, at) {
    WITH * WHERE action.stance IS NULL
    CREATE (event:Event)
    SET event += props, event.type = action.type,
        event.title = action.label + ': '
                      + coalesce(a1.name + ' → ' + a2.name, a1.name, a2.name, 'unnamed actors')
    WITH *
    CALL (event, id, at) {
      MATCH (place:Place {id: at.place})
      CREATE (event)-[:OCCURRED_IN {id: 'occurred_in:' + id + ':place', source_ids: ['src:gdelt'],
                                   geo_precision: at.geo_precision,
                                   provider_precision: at.provider_precision}]->(place)
    }
    WITH event, id, action, a1, a2
    UNWIND [link IN [[a1, 'actor1', action.roles[0]], [a2, 'actor2', action.roles[1]]]
            WHERE link[0] IS NOT NULL] AS link
    MATCH (actor:Actor {id: link[0].id})
    CREATE (actor)-[:PARTICIPATED_IN {id: 'participated_in:' + id + ':' + link[1], role: link[2],
                                      source_ids: ['src:gdelt']}]->(event)
  }
  CALL (id, props, action, a1, a2, at) {
    WITH * WHERE action.stance IS NOT NULL
    WITH *, coalesce(a1.name, 'Unidentified speaker') + ': ' + action.label
            + coalesce(' (' + a2.name + ')', '') AS text
    CREATE (statement:Statement)
    SET statement += props, statement.stance = action.stance, statement.text = text,
        statement.summary = text, statement.verbatim = false
    WITH *
    CALL (statement, id, at) {
      MATCH (place:Place {id: at.place})
      CREATE (statement)-[:OCCURRED_IN {id: 'occurred_in:' + id + ':place',
                                       source_ids: ['src:gdelt'],
                                   geo_precision: at.geo_precision,
                                   provider_precision: at.provider_precision}]->(place)
    }
    WITH statement, id, action, a1, a2
    CALL (statement, id, a1) {
      MATCH (speaker:Actor {id: a1.id})
      CREATE (speaker)-[:MADE {id: 'made:' + id + ':speaker',
                               source_ids: ['src:gdelt']}]->(statement)
    }
    CALL (statement, id, action, a2) {
      WITH * WHERE action.target_rel = 'ACCUSES'
      MATCH (target:Actor {id: a2.id})
      CREATE (statement)-[:ACCUSES {id: 'accuses:' + id + ':target', charge: action.charge,
                                    source_ids: ['src:gdelt']}]->(target)
    }
    CALL (statement, id, action, a2) {
      WITH * WHERE action.target_rel = 'WARNS'
      MATCH (target:Actor {id: a2.id})
      CREATE (statement)-[:WARNS {id: 'warns:' + id + ':target',
                                  source_ids: ['src:gdelt']}]->(target)
    }
    CALL (statement, id, action, a2) {
      WITH * WHERE action.target_rel = 'APPEALS_TO'
      MATCH (target:Actor {id: a2.id})
      CREATE (statement)-[:APPEALS_TO {id: 'appeals_to:' + id + ':target',
                                       source_ids: ['src:gdelt']}]->(target)
    }
  }
} IN TRANSACTIONS OF $batch_size ROWS
"""

ACLED_EXTRAS = ", ".join(
    f"{prop}: CASE WHEN r.{column} <> '' THEN r.{column} END"
    for column, prop in acled.EXTRA_COLUMNS.items()
)
ACLED_PLACE_COLUMNS = ("iso", "country", "admin1", "admin2", "admin3", "location", "geo_precision")
ACLED_PLACE_KEY = " + '|' + ".join(f"coalesce(r.{column}, '')" for column in ACLED_PLACE_COLUMNS)
ACLED = (
    """
LOAD CSV WITH HEADERS FROM $url AS r
CALL (r) {
  WITH r, 'acled:' + r.event_id_cnty AS id,
       $dates[coalesce(r.event_date, '') + '|' + coalesce(r.time_precision, '')] AS day,
       $places[""" + ACLED_PLACE_KEY + """] AS at,
       r.inter2 IN ['7', 'Civilians'] OR r.event_type = 'Violence against civilians' AS civilians,
       [name IN [r.actor1, r.actor2] WHERE name <> ''] AS names,
       CASE WHEN r.location <> '' THEN r.location ELSE r.country END AS place_name
  CREATE (event:Event)
  SET event += {"""
    + ACLED_EXTRAS
    + """},
      event += {
        id: id, dataset: 'acled', provider_id: r.event_id_cnty, source_ids: ['src:acled'],
        date: day.date, date_precision: day.precision,
        date_start: date(day.start), date_end: date(day.end),
        date_span_class: """ + span_class_expression("date(day.start)", "date(day.end)") + """,
        type: coalesce($sub_types[toLower(r.sub_event_type)], $event_types[toLower(r.event_type)]),
        summary: CASE WHEN r.notes <> '' THEN r.notes END,
        title: CASE WHEN r.sub_event_type <> '' THEN r.sub_event_type ELSE r.event_type END + ': '
               + reduce(text = '', name IN names
                        | text + CASE WHEN text = '' THEN '' ELSE ' – ' END + name)
               + CASE WHEN place_name <> '' THEN ' (' + place_name + ')' ELSE '' END,
        fatalities_best: toInteger(r.fatalities),
        acled_iso: CASE WHEN r.iso <> '' THEN r.iso END,
        acled_time_precision: toInteger(r.time_precision),
        acled_geo_precision: at.provider_precision, acled_timestamp: toInteger(r.timestamp),
        point: point({longitude: toFloat(r.longitude), latitude: toFloat(r.latitude)}),
        geo_precision: at.geo_precision
      }
  WITH r, id, event, at, civilians
  CALL (r, id, event, civilians) {
    UNWIND [['1', r.actor1, r.assoc_actor_1, r.inter1], ['2', r.actor2, r.assoc_actor_2, r.inter2]]
      AS side
    WITH r, id, event, civilians, side,
         [name IN split(coalesce(side[2], ''), ';') WHERE trim(name) <> '' | trim(name)] AS assoc
    UNWIND [CASE WHEN side[1] <> '' THEN [side[1], 'actor' + side[0]] END]
           + [n IN range(0, size(assoc) - 1) | [assoc[n], 'assoc' + side[0] + '-' + n]] AS link
    WITH id, event, civilians, side, link
    WHERE link IS NOT NULL
    MATCH (actor:Actor {id: $actors[link[0] + '|' + coalesce(side[3], '')].id})
    CREATE (actor)-[:PARTICIPATED_IN {
      id: 'participated_in:' + id + ':' + link[1], source_ids: ['src:acled'],
      role: CASE WHEN NOT civilians THEN 'party'
                 WHEN side[0] = '1' THEN 'perpetrator' ELSE 'victim' END
    }]->(event)
  }
  CALL (id, event, at) {
    MATCH (place:Place {id: at.place})
    CREATE (event)-[:OCCURRED_IN {id: 'occurred_in:' + id + ':place', source_ids: ['src:acled'],
                                  geo_precision: at.geo_precision,
                                  provider_precision: at.provider_precision}]->(place)
  }
} IN TRANSACTIONS OF $batch_size ROWS
"""
)


class Dimensions:
    """The reference tables of one file: actors, places, their rows to write first, and lookups."""

    def __init__(self) -> None:
        self.builder = RowBuilder(AliasTable.load(), PlaceResolver(PlaceAliasTable.load()))
        self.batch = GraphBatch()
        self.actors: Lookup = {}
        self.places: Lookup = {}

    def actor(self, key: str, mention: Any) -> None:
        """Resolve a provider actor once, as the transactional builder does (its rows and ties)."""
        if key not in self.actors:
            actor_id = self.builder.actor(mention, self.batch)
            self.actors[key] = {"id": actor_id, "name": mention.name}

    def place(self, key: str, location: RowLocation | None, dataset: str) -> None:
        """Resolve a location once: its place chain's rows and LOCATED_IN links, and the lookup."""
        if key in self.places or location is None:
            return
        chain = self.builder.places.resolve(location)
        precision = None if location.precision is None else int(location.precision)
        self.places[key] = {
            "place": chain.place_id if chain else None,
            "geo_precision": precision,
            "provider_precision": location.provider_precision,
        }
        if chain is None:
            return
        source_id = DATASET_SOURCE_IDS[dataset]  # type: ignore[index]
        point = None  # the transactional load gives the most specific place its first row's point
        if location.longitude is not None and location.latitude is not None:
            point = WGS84Point((location.longitude, location.latitude))
        last = len(chain.places) - 1
        for index, place in enumerate(chain.places):
            row = place_row(place, source_id, point if index == last else None)
            _merge_place(self.batch.places, row)
        for link in link_rows(chain, source_id):
            self.batch.place_links.setdefault(link["id"], link)

    def write(self, driver: Driver, database: str, fmt: str) -> None:
        """Write the dataset source, actors, places, LOCATED_IN links and state ties."""
        with driver.session(database=database) as session:
            session.execute_write(
                merge_dataset_source, source_id=DATASET_SOURCE_IDS[fmt], props=_source_props(fmt)
            )
            session.execute_write(merge_actors, rows=list(self.batch.actors.values()))
            session.execute_write(merge_places, rows=list(self.batch.places.values()))
            session.execute_write(merge_place_links, rows=list(self.batch.place_links.values()))
            session.execute_write(merge_state_ties, rows=list(self.batch.ties.values()))


def _gdelt_dimensions(path: Path) -> tuple[Dimensions, dict[str, Any]]:
    dims = Dimensions()
    cameo: Lookup = {}
    with path.open(encoding="utf-8", newline="") as stream:
        for cells in csv.reader(stream, delimiter="\t", quoting=csv.QUOTE_NONE):
            layout = layout_of(len(cells))
            assert layout is not None and len(cells) == 61, "the reference reads 2.0 exports"
            row = Row(layout.header, cells)
            code = cells[26]
            if code not in cameo:
                action = classify(code)
                assert action is not None
                cameo[code] = _action(code, action)
            # A statement's target is an actor only when the crosswalk links it (ACCUSES, …).
            linked = "stance" not in cameo[code] or cameo[code]["target_rel"] is not None
            for at in (5, 15) if linked else (5,):
                if cells[at]:
                    key = f"{cells[at]}|{cells[at + 1]}|{cells[at + 2]}"
                    if key not in dims.actors:
                        dims.actor(key, gdelt._mention(cells[at], cells[at + 1], cells[at + 2]))
            location, _ = gdelt_location(row)
            dims.place(f"{cells[51]}|{cells[52]}|{cells[53]}", location, "gdelt")
    return dims, {"cameo": cameo}


def _action(code: str, action: Any) -> dict[str, Any]:
    """The crosswalk entry: stance and target relationship, or event type and participant roles."""
    if action.stance is not None:
        return {
            "label": action.label,
            "stance": action.stance.value,
            "target_rel": action.target_rel,
            "charge": action.charge,
        }
    roles = gdelt.ROLES.get(action.event_type) or (
        ("perpetrator", "target") if code[:2] in gdelt.CONFLICT_ROOTS else ("party", "party")
    )
    return {
        "label": action.label,
        "type": action.event_type.value,
        "roles": [str(role) for role in roles],
    }


def _acled_dimensions(path: Path) -> tuple[Dimensions, dict[str, Any]]:
    dims = Dimensions()
    dates: Lookup = {}
    with path.open(encoding="utf-8", newline="") as stream:
        reader = csv.reader(stream)
        header = Header.parse(next(reader))
        for cells in reader:
            row = Row(header, cells)
            for side in ("1", "2"):
                inter = row.get(f"inter{side}")
                names = [row.get(f"actor{side}")] + row.get(f"assoc_actor_{side}").split(";")
                for name in (n.strip() for n in names):
                    if name and f"{name}|{inter}" not in dims.actors:
                        dims.actor(f"{name}|{inter}", acled._mention(name, inter))
            key = "|".join(
row.get(column) for column in ACLED_PLACE_COLUMNS)
            if key not in dims.places:
                dims.place(key, acled_location(row)[0], "acled")
            day_key = f"{row.get('event_date')}|{row.get('time_precision')}"
            if day_key not in dates:
                day = acled._date(row.get("event_date"), row.get("time_precision"))
                dates[day_key] = {
                    "date": day.text,
                    "precision": day.precision.value,
                    "start": day.start.isoformat(),
                    "end": day.end.isoformat(),
                }
    sub_types = {name: kind.value for name, kind in acled.SUB_EVENT_TYPES.items()}
    event_types = {name: kind.value for name, kind in acled.EVENT_TYPES.items()}
    return dims, {"dates": dates, "sub_types": sub_types, "event_types": event_types}


QUERIES = {"gdelt": GDELT, "acled": ACLED}
DIMENSIONS = {"gdelt": _gdelt_dimensions, "acled": _acled_dimensions}


def load_csv(
    driver: Driver, database: str, import_dir: Path, path: Path, fmt: str, batch_size: int
) -> int:
    """Load `path` with LOAD CSV from the local server's import directory; the rows read."""
    if fmt not in QUERIES:
        raise SystemExit(f"load_csv has no reference query for {fmt} (only {', '.join(QUERIES)})")
    dims, lookups = DIMENSIONS[fmt](path)
    dims.write(driver, database, fmt)
    import_dir.mkdir(parents=True, exist_ok=True)
    target = import_dir / path.name
    target.unlink(missing_ok=True)
    try:
        os.link(path, target)
    except OSError:  # another file system
        shutil.copyfile(path, target)
    try:
        with driver.session(database=database) as session:
            session.run(
                QUERIES[fmt],
                url=f"file:///{path.name}",
                batch_size=batch_size,
                actors=dims.actors,
                places=dims.places,
                **lookups,
            ).consume()
    finally:
        target.unlink(missing_ok=True)
    with path.open("rb") as stream:
        lines = sum(1 for _ in stream)
    return lines - (1 if fmt == "acled" else 0)
