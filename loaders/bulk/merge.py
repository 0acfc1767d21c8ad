"""A bulk load's graph in the making: the batches of a transactional load, merged in memory with the
semantics of the Cypher that would have written them.

Actors, places, their LOCATED_IN links, state ties and dataset Sources are shared by many rows: they
are kept here until every file is read, merged batch after batch exactly as graph/queries/ingest*.py
MERGE them (first writer's properties, `source_ids` and spellings appended in order, a point or
admin level filled in when missing, a source-qualified actor's name kept up to date). Events and
statements are written straight to the import files with their links; one that a later input file
repeats is replaced by it, as a transactional MERGE of the later file replaces its properties and
links.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from graph.model import Label, RelType
from loaders.bulk.files import ImportFiles
from loaders.providers.rows import TARGET_KEYS, GraphBatch
from schema.dates import SPAN_CLASS_PROPERTY

Row = dict[str, Any]
TARGET_TYPES = {key: rel_type for rel_type, key in TARGET_KEYS.items()}


def _present(props: Row) -> Row:
    """What `SET x = map` stores: Neo4j keeps no null."""
    return {key: value for key, value in props.items() if value is not None}


def _append(values: list[Any] | None, value: Any) -> list[Any]:
    # coalesce(x.source_ids, []) + row.source_id, only when it is not in already
    values = values or []
    return values if value in values else [*values, value]


class BulkGraph:
    """Shared nodes and links merged in memory; records streamed to `files` (see module docstring)."""

    def __init__(self, files: ImportFiles) -> None:
        self.files = files
        self.sources: dict[str, Row] = {}
        self.actors: dict[str, Row] = {}
        self.places: dict[str, Row] = {}
        self.place_links: dict[str, tuple[str, str, Row]] = {}
        self.ties: dict[str, tuple[str, str, Row]] = {}
        # (label, id) → the input file that wrote the record; records a later file repeats, by file
        self._records: dict[tuple[Label, str], int] = {}
        self.replaced: dict[int, set[tuple[Label, str]]] = {}

    def size(self) -> tuple[int, int]:
        """(nodes, relationships) so far, the records a later file replaces included."""
        shared = len(self.sources) + len(self.actors) + len(self.places)
        links = len(self.place_links) + len(self.ties)
        return self.files.node_count + shared, self.files.relationship_count + links

    def merge_source(self, props: Row) -> None:
        """graph/queries/ingest.py MERGE_DATASET_SOURCE: created once, never overwritten."""
        self.sources.setdefault(props["id"], _present(props))

    def add(self, batch: GraphBatch, part: int) -> None:
        """Merge one batch, in the order write.py writes it; `part` is the input file's index."""
        for row in batch.actors.values():
            self._actor(row)
        for row in batch.places.values():
            self._place(row)
        for row in batch.place_links.values():
            if row["child"] in self.places and row["parent"] in self.places:
                self._link(self.place_links, row["id"], row["child"], row["parent"], row)
        for row in batch.ties.values():
            if row["actor"] in self.actors and row["state"] in self.actors:
                self._link(self.ties, row["id"], row["actor"], row["state"], row)
        for row in batch.events.values():
            self._record(Label.EVENT, row, part)
            for link in row["participants"]:
                self._rel(RelType.PARTICIPATED_IN, (Label.ACTOR, link["actor"]), (Label.EVENT, row["id"]), link, part)
        for row in batch.statements.values():
            self._record(Label.STATEMENT, row, part)
            for link in row["made"]:
                self._rel(RelType.MADE, (Label.ACTOR, link["actor"]), (Label.STATEMENT, row["id"]), link, part)
            for key, rel_type in TARGET_TYPES.items():
                for link in row[key]:
                    self._rel(rel_type, (Label.STATEMENT, row["id"]), (Label.ACTOR, link["actor"]), link, part)

    def _rel(
        self, rel_type: RelType, start: tuple[Label, str], end: tuple[Label, str], link: Row, part: int
    ) -> None:
        # MATCH (actor:Actor {id: link.actor}) before CREATE/MERGE: the actor is always in the batch
        self.files.relationship(rel_type, start, end, _present(link["props"]), part)

    def _record(self, label: Label, row: Row, part: int) -> None:
        """CREATE/MERGE_EVENTS or _STATEMENTS: props, native dates, the OCCURRED_IN link."""
        key = (label, row["id"])
        earlier = self._records.get(key)
        if earlier is not None:  # a later file's MERGE replaces props and links: drop the old row
            self.replaced.setdefault(earlier, set()).add(key)
        self._records[key] = part
        props = {
            **row["props"],
            "date_start": date.fromisoformat(row["date_start"]),
            "date_end": date.fromisoformat(row["date_end"]),
            SPAN_CLASS_PROPERTY: row[SPAN_CLASS_PROPERTY],
        }
        self.files.node(label, props, part)
        at = row.get("place")
        if at is not None and at["place"] in self.places:
            self.files.relationship(
                RelType.OCCURRED_IN, key, (Label.PLACE, at["place"]), _present(at["props"]), part
            )

    def _actor(self, row: Row) -> None:
        """MERGE_ACTORS: ON CREATE the props; a refresh where it differs; the source appended."""
        actor = self.actors.get(row["id"])
        if actor is None:
            actor = self.actors[row["id"]] = _present(row["props"])
        for key, value in row["refresh"].items():
            if value is None:
                actor.pop(key, None)
            else:
                actor[key] = value
        actor["source_ids"] = _append(actor.get("source_ids"), row["source_id"])

    def _place(self, row: Row) -> None:
        """MERGE_PLACES: ON CREATE the props; an existing place gains source, spellings, point…"""
        place = self.places.get(row["id"])
        if place is None:
            self.places[row["id"]] = _present(row["props"])
            return
        aliases = [a for a in row["aliases"] if a not in (place.get("aliases") or [])]
        keys = [k for k in row["name_keys"] if k not in (place.get("name_keys") or [])]
        if not (
            row["source_id"] not in (place.get("source_ids") or [])
            or aliases
            or keys
            or (place.get("point") is None and row["point"] is not None)
            or (place.get("admin_level") is None and row["admin_level"] is not None)
        ):
            return
        place["source_ids"] = _append(place.get("source_ids"), row["source_id"])
        place["aliases"] = (place.get("aliases") or []) + aliases
        place["name_keys"] = (place.get("name_keys") or []) + keys
        for key, value in (
            ("point", row["point"]),
            ("admin_level", row["admin_level"]),
            ("country", row["props"].get("country")),
        ):
            if place.get(key) is None and value is not None:
                place[key] = value

    @staticmethod
    def _link(links: dict[str, tuple[str, str, Row]], rel_id: str, start: str, end: str, row: Row) -> None:
        """MERGE_PLACE_LINKS / MERGE_STATE_TIES: ON CREATE the props; the source appended."""
        known = links.get(rel_id)
        if known is None:
            links[rel_id] = (start, end, _present(row["props"]))
            return
        props = known[2]
        props["source_ids"] = _append(props.get("source_ids"), row["source_id"])

    def write_shared(self) -> None:
        """Write the merged Sources, actors, places, LOCATED_IN links and state ties; drop the records
        later files replaced."""
        files = self.files
        for props in self.sources.values():
            files.node(Label.SOURCE, props)
        for props in self.actors.values():
            files.node(Label.ACTOR, props)
        for props in self.places.values():
            files.node(Label.PLACE, props)
        for child, parent, props in self.place_links.values():
            files.relationship(RelType.LOCATED_IN, (Label.PLACE, child), (Label.PLACE, parent), props)
        for actor, state, props in self.ties.values():
            files.relationship(RelType.AFFILIATED_WITH, (Label.ACTOR, actor), (Label.ACTOR, state), props)
        files.close()
        for part, gone in self.replaced.items():
            files.drop(part, gone)
