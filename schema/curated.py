"""The curated dataset format `conflictkg/curated@1`: sources, actors, places, events, statements.

One file tells one story with its evidence; every fact cites declared sources. The layout is
described in the README ("Curated datasets"); `CuratedDataset.model_json_schema()` is its schema.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from schema.curated_links import (
    Accusation,
    ActorId,
    ActorRelation,
    ActorTarget,
    Affiliation,
    CountryCode,
    CuratedModel,
    DatasetId,
    EventId,
    EventRelation,
    Participation,
    PlaceId,
    SourceId,
    Sources,
    StatementId,
    StatementTarget,
    Target,
    Text,
    Verdict,
)
from schema.dates import FuzzyDate
from schema.vocabulary import ActorKind, EventType, PlaceKind, SourceKind, Stance

FORMAT = "conflictkg/curated@1"
INT64_MAX = 2**63 - 1
# Neo4j integers are 64-bit: a larger count would pass validation and be refused mid-write.
Count = Annotated[int, Field(ge=0, le=INT64_MAX)]


class DatasetInfo(CuratedModel):
    id: DatasetId
    title: Text
    description: str | None = None
    notes: str | None = None  # how relative dates were resolved, what was inferred


class SourceRecord(CuratedModel):
    id: SourceId
    kind: SourceKind
    title: Text
    publisher: ActorId | None = None
    url: str | None = None
    published: FuzzyDate | None = None
    language: str | None = None
    cites: list[SourceId] = []
    sources: Sources  # who attests that this source exists: itself, or the article citing it
    quote: str | None = None


class ActorRecord(CuratedModel):
    id: ActorId
    name: Text
    kind: ActorKind
    aliases: list[Text] = []
    country: CountryCode | None = None
    description: str | None = None
    sources: Sources
    quote: str | None = None


class PlaceRecord(CuratedModel):
    id: PlaceId
    name: Text
    kind: PlaceKind
    country: CountryCode | None = None
    latitude: float | None = Field(default=None, ge=-90, le=90, allow_inf_nan=False)
    longitude: float | None = Field(default=None, ge=-180, le=180, allow_inf_nan=False)
    located_in: PlaceId | None = None
    sources: Sources
    quote: str | None = None


class Fatalities(CuratedModel):
    best: Count | None = None
    low: Count | None = None
    high: Count | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Fatalities:
        known = [n for n in (self.low, self.best, self.high) if n is not None]
        if known != sorted(known):
            raise ValueError("fatalities must satisfy low <= best <= high")
        return self


class EventRecord(CuratedModel):
    id: EventId
    type: EventType
    title: Text
    summary: str | None = None
    date: FuzzyDate
    date_note: str | None = None  # how a relative date ("last April") was resolved
    place: PlaceId | None = None
    fatalities: Fatalities | None = None
    source_url: str | None = None
    participants: list[Participation] = []
    relations: list[EventRelation] = []
    sources: Sources
    quote: str | None = None


class StatementRecord(CuratedModel):
    id: StatementId
    speaker: ActorId | None = None
    speakers: list[ActorId] = []
    stance: Stance
    date: FuzzyDate | None = None
    date_note: str | None = None
    text: Text
    verbatim: bool = False
    summary: str | None = None
    accuses: list[Accusation] = []
    warns: list[ActorTarget] = []
    appeals_to: list[ActorTarget] = []
    denies: list[Target] = []
    about: list[Target] = []
    supports: list[StatementTarget] = []
    contradicts: list[StatementTarget] = []
    responds_to: list[Target] = []
    verdicts: list[Verdict] = []
    sources: Sources
    quote: str | None = None

    @model_validator(mode="after")
    def _one_way_to_name_speakers(self) -> StatementRecord:
        if self.speaker is not None and self.speakers:
            raise ValueError("give either `speaker` or `speakers`, not both")
        if self.speaker is None and not self.speakers:
            raise ValueError("a statement needs a `speaker` (or `speakers`)")
        return self

    @property
    def speaker_ids(self) -> list[str]:
        """Everyone who made the statement, in file order."""
        return [self.speaker] if self.speaker is not None else list(self.speakers)


class CuratedDataset(CuratedModel):
    format: Literal["conflictkg/curated@1"]
    dataset: DatasetInfo
    sources: list[SourceRecord] = []
    actors: list[ActorRecord] = []
    places: list[PlaceRecord] = []
    events: list[EventRecord] = []
    statements: list[StatementRecord] = []
    affiliations: list[Affiliation] = []
    relations: list[ActorRelation] = []


# The top-level lists, in the order their items are validated and written, with their record type.
SECTIONS: dict[str, type[CuratedModel]] = {
    "sources": SourceRecord,
    "actors": ActorRecord,
    "places": PlaceRecord,
    "events": EventRecord,
    "statements": StatementRecord,
    "affiliations": Affiliation,
    "relations": ActorRelation,
}
