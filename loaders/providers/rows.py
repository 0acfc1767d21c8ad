"""Turn validated provider records into the parameter rows of one batched write (actors resolved)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from graph.model import RelType
from loaders.providers.aliases import AliasTable
from loaders.providers.place_aliases import PlaceAliasTable
from loaders.providers.place_rows import SentPlaces, add_location
from loaders.providers.places import PlaceResolver
from loaders.providers.states import StateRegistry
from schema.dates import SPAN_CLASS_PROPERTY
from schema.providers import (
    DATASET_SOURCE_IDS,
    ActorMention,
    ProviderEventRecord,
    ProviderRecord,
    ProviderStatementRecord,
)

Row = dict[str, Any]  # the driver's parameter type: the one allowed Any
TARGET_KEYS = {RelType.ACCUSES: "accuses", RelType.WARNS: "warns", RelType.APPEALS_TO: "appeals_to"}


@dataclass
class GraphBatch:
    """What one transaction writes: actors and their state ties, places, then events and statements
    by id (ids are unique in a load: a repeated one is a reject, see loaders/providers/guard.py)."""

    actors: dict[str, Row] = field(default_factory=dict)
    ties: dict[str, Row] = field(default_factory=dict)
    events: dict[str, Row] = field(default_factory=dict)
    statements: dict[str, Row] = field(default_factory=dict)
    places: dict[str, Row] = field(default_factory=dict)  # by place id (see loaders/providers/places.py)
    place_links: dict[str, Row] = field(default_factory=dict)  # LOCATED_IN rows by relationship id
    lines: dict[str, int] = field(default_factory=dict)  # record id → input line (for rejects)

    def __len__(self) -> int:
        return len(self.events) + len(self.statements)

    def halves(self) -> tuple[GraphBatch, GraphBatch]:
        """Two batches of half the records each, each with the actors, ties and places they use."""
        ids = [*self.events, *self.statements]
        middle = len(ids) // 2
        return self._subset(ids[:middle]), self._subset(ids[middle:])

    def without(self, ids: set[str]) -> GraphBatch:
        """The batch less these records (and the actors, ties and places only they used)."""
        return self._subset([i for i in (*self.events, *self.statements) if i not in ids])

    def _subset(self, ids: list[str]) -> GraphBatch:
        part = GraphBatch()
        parents = {link["child"]: link for link in self.place_links.values()}
        for record_id in ids:
            if record_id in self.events:
                row = part.events[record_id] = self.events[record_id]
                links = row["participants"]
            else:
                row = part.statements[record_id] = self.statements[record_id]
                links = [*row["made"], *(link for key in TARGET_KEYS.values() for link in row[key])]
            for link in links:
                part.actors[link["actor"]] = self.actors[link["actor"]]
            part.lines[record_id] = self.lines[record_id]
            place_id = row["place"]["place"] if row.get("place") else None
            while place_id is not None:  # the record's place and the chain above it in this batch
                if place_id in self.places:
                    part.places[place_id] = self.places[place_id]
                up = parents.get(place_id)
                if up is not None:
                    part.place_links[up["id"]] = up
                place_id = up["parent"] if up is not None else None
        for tie in self.ties.values():
            if tie["actor"] in part.actors:
                part.ties[tie["id"]] = tie
                part.actors[tie["state"]] = self.actors[tie["state"]]
        return part


def _link(rel_id: str, actor_id: str, source_ids: list[str], **extra: Any) -> Row:
    return {
        "id": rel_id,
        "actor": actor_id,
        "props": {"id": rel_id, "source_ids": source_ids, **extra},  # quote: null, not stored
    }


def _present(props: Row) -> Row:
    """Without null values: Neo4j stores no nulls anyway, and each one costs packing and a SET."""
    return {key: value for key, value in props.items() if value is not None}


def _days(record: ProviderRecord) -> Row:
    # date_start/date_end travel as ISO text and become native dates in the query (date(...)):
    # the driver packs a Python date through a per-value hook, which was ~75 % of packing time.
    return {
        "date_start": record.date.start.isoformat(),
        "date_end": record.date.end.isoformat(),
        SPAN_CLASS_PROPERTY: record.date.span_class,
    }


class RowBuilder:
    """Resolves actor mentions (alias table, then states) and records the ones it could not resolve."""

    def __init__(self, aliases: AliasTable, places: PlaceResolver | None = None) -> None:
        self.aliases = aliases
        self.places = places or PlaceResolver(PlaceAliasTable.load())
        self.sent_places = SentPlaces()
        self.states = StateRegistry(aliases)
        # (dataset, provider name or code, source-qualified id) → rows that used it
        self.unresolved: Counter[tuple[str, str, str]] = Counter()
        # actor mentions: all, those that are or roll up to a state, those only located in a country
        self.mentions: Counter[str] = Counter()
        self._cache: dict[tuple[str, str], tuple[str, list[Row], list[Row]]] = {}

    def _resolve(self, mention: ActorMention, source_id: str) -> tuple[str, list[Row], list[Row]]:
        """The mention's actor id, its actor rows (itself, its state) and its state tie rows."""
        canonical = self.aliases.resolve(mention.dataset, mention.key)
        is_state = mention.state_role == "state" and mention.country is not None
        if canonical is not None:
            actor_id, name, kind = canonical.id, canonical.name, canonical.kind
            country, description = canonical.country, None
        elif is_state:  # a bare country code (GDELT `UKR`): the country's state actor itself
            state = self.states.state_row(mention.country, source_id)  # type: ignore[arg-type]
            return state["id"], [state], []
        else:
            actor_id, name, kind, country = (
                mention.fallback_id,
                mention.name,
                mention.kind,
                mention.country,
            )
            description = mention.description
        props = {
            "id": actor_id,
            "name": name,
            "kind": kind.value,
            "country": country,
            "aliases": [],
            "description": description,
            "source_ids": [source_id],
            "quote": None,
        }
        # A source-qualified actor is the loader's own: a re-load brings its name, kind and country
        # up to date (an old `AFR` state becomes a region). A canonical one keeps what it has.
        refreshed = ("name", "kind", "country", "description")
        refresh = {} if canonical else {key: props[key] for key in refreshed}
        rows = [{"id": actor_id, "source_id": source_id, "props": props, "refresh": refresh}]
        ties = []
        if (
            mention.state_role == "organ"
            and mention.country is not None
            and actor_id != self.states.state_id(mention.country)
        ):
            rows.append(self.states.state_row(mention.country, source_id))
            ties.append(self.states.tie_row(actor_id, mention.country, source_id, mention.key))
        return actor_id, rows, ties

    def actor(self, mention: ActorMention, batch: GraphBatch) -> str:
        """The graph id for a mention, adding its actor rows and state tie to the batch."""
        cache_key = (mention.dataset, mention.key)
        cached = self._cache.get(cache_key)
        if cached is None:
            cached = self._resolve(mention, DATASET_SOURCE_IDS[mention.dataset])
            self._cache[cache_key] = cached
        actor_id, rows, ties = cached
        if not actor_id.startswith("actor:"):
            self.unresolved[(mention.dataset, mention.key, actor_id)] += 1
        self.mentions["all"] += 1
        if mention.state_role is not None and mention.country is not None:
            self.mentions["state"] += 1
        elif mention.country is not None:
            self.mentions["country"] += 1
        for row in rows:
            batch.actors.setdefault(row["id"], row)
        for tie in ties:
            batch.ties.setdefault(tie["id"], tie)
        return actor_id

    def add(self, record: ProviderRecord, batch: GraphBatch) -> None:
        """Add one record's node, its actors and its links to the batch."""
        common = {
            "id": record.id,
            "dataset": record.dataset,
            "provider_id": record.provider_id,
            "source_url": record.source_url,
            "source_ids": [DATASET_SOURCE_IDS[record.dataset]],
            "quote": None,
            "date": record.date.text,
            "date_precision": record.date.precision.value,
            **record.extras,
        }
        batch.lines[record.id] = record.line
        place = add_location(self.places, record, common, batch, self.sent_places)
        if isinstance(record, ProviderEventRecord):
            self._event(record, common, batch)
            batch.events[record.id]["place"] = place
        else:
            self._statement(record, common, batch)
            batch.statements[record.id]["place"] = place

    def _event(self, record: ProviderEventRecord, common: Row, batch: GraphBatch) -> None:
        source_ids = common["source_ids"]
        links = []
        for participant in record.participants:
            actor_id = self.actor(participant.actor, batch)
            rel_id = record.rel_id(RelType.PARTICIPATED_IN, participant.slot)
            links.append(_link(rel_id, actor_id, source_ids, role=participant.role.value))
        props = {
            **common,
            "title": record.title,
            "type": record.type.value,
            "summary": record.summary,
            "fatalities_best": record.fatalities_best,
            "fatalities_low": record.fatalities_low,
            "fatalities_high": record.fatalities_high,
        }
        batch.events[record.id] = {
            "id": record.id,
            "props": _present(props),
            **_days(record),
            "participants": links,
            "prefix": f"{RelType.PARTICIPATED_IN.lower()}:{record.id}:",
            "keep": [f"{link['id']}|{link['actor']}" for link in links],
        }

    def _statement(self, record: ProviderStatementRecord, common: Row, batch: GraphBatch) -> None:
        source_ids = common["source_ids"]
        made = []  # speaker not identified (GDELT: empty Actor1): no MADE, the accuser is unknown
        if record.speaker is not None:
            speaker = self.actor(record.speaker, batch)
            made.append(_link(record.rel_id(RelType.MADE, "speaker"), speaker, source_ids))
        targets: dict[str, list[Row]] = {key: [] for key in TARGET_KEYS.values()}
        if record.target is not None and record.target_rel is not None:
            rel_type = RelType(record.target_rel)
            extra = {"charge": record.charge} if rel_type is RelType.ACCUSES else {}
            target = _link(
                record.rel_id(rel_type, "target"),
                self.actor(record.target, batch),
                source_ids,
                **extra,
            )
            targets[TARGET_KEYS[rel_type]].append(target)
        links = [*made, *(link for group in targets.values() for link in group)]
        props = {
            **common,
            "stance": record.stance.value,
            "text": record.text,
            "verbatim": False,
            "summary": record.summary,
        }
        batch.statements[record.id] = {
            "id": record.id,
            "props": _present(props),
            **_days(record),
            "made": made,
            **targets,
            "rel_ids": [
                record.rel_id(RelType.MADE, "speaker"),
                *(record.rel_id(t, "target") for t in TARGET_KEYS),
            ],
            "keep": [f"{link['id']}|{link['actor']}" for link in links],
        }

    def actor_mentions(self, record: ProviderRecord) -> None:
        """Resolve a record's actors without writing it (a resumed load still lists unresolved names)."""
        scratch = GraphBatch()
        if isinstance(record, ProviderEventRecord):
            for participant in record.participants:
                self.actor(participant.actor, scratch)
        else:
            for mention in (record.speaker, record.target):
                if mention is not None:
                    self.actor(mention, scratch)
