"""Timeline items (events and statements in date order) and their paged answer."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from schema.geo import GeoFilter, GeoPoint
from schema.references import ActorRole, DateInfo, PlaceRef, SourceRef, VerdictRef


class ItemKind(StrEnum):
    EVENT = "event"
    STATEMENT = "statement"
    INCIDENT = "incident"  # with collapse=incidents: several reports of one happening


class IncludeKind(StrEnum):
    """Values of `include=`: which kinds of item a timeline holds."""

    EVENTS = "events"
    STATEMENTS = "statements"


class TimelineFormat(StrEnum):
    JSON = "json"
    TIMELINEJS = "timelinejs"
    VIS = "vis"
    GEOJSON = "geojson"


class TimelineItem(BaseModel):
    """One event or statement. `approximate` is true when the date is coarser than a day or a span."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "stmt:erkhov-blames-turkey",
                    "kind": "statement",
                    "date": {"text": "2020-02", "start": "2020-02-01", "end": "2020-02-29",
                             "precision": "month"},
                    "approximate": True,
                    "title": "Erkhov blames Turkey for the escalation in northwest Syria",
                    "summary": "Turkey is to blame for escalating tensions between Russia and Turkey "
                    "in northwest Syria.",
                    "quote": "In an interview with the state-owned news outlet Sputnik, Russian "
                    "Ambassador to Turkey Aleksei Erkhov blamed Turkey for escalating tensions "
                    "between the two countries in northwest Syria.",
                    "type": None,
                    "stance": "accusation",
                    "verbatim": False,
                    "fatalities_best": None,
                    "actors": [
                        {"id": "actor:aleksei-erkhov", "name": "Aleksei Erkhov", "kind": "person",
                         "role": "speaker"},
                        {"id": "actor:turkey", "name": "Turkey", "kind": "state", "role": "accused"},
                    ],
                    "place": None,
                    "sources": [
                        {"id": "src:polygraph-erkhov-2020",
                         "title": "Disputing Turkey, Russian Ambassador Dodges Blame Over Deadly "
                         "Airstrikes in Northwest Syria",
                         "publisher": "Polygraph.info", "url": None,
                         "published": "2020-02-19/2020-02-29"},
                        {"id": "src:sputnik-erkhov-interview",
                         "title": "Sputnik interview with Russian Ambassador to Turkey Aleksei Erkhov",
                         "publisher": "Sputnik", "url": None, "published": "2020-02"},
                    ],
                    "verdicts": [
                        {"by": {"id": "actor:polygraph-info", "name": "Polygraph.info",
                                "kind": "media_outlet"},
                         "rating": "Misleading", "rating_normalized": "misleading",
                         "date": {"text": "2020-02-19/2020-02-29", "start": "2020-02-19",
                                  "end": "2020-02-29", "precision": "day"}},
                    ],
                }
            ]
        }
    )

    id: str
    kind: ItemKind
    date: DateInfo | None = Field(description="Null only for undated statements read by id.")
    approximate: bool = Field(description="The date is a month, week, year or a span, not one day.")
    title: str | None = Field(description="Event title, or a statement's one-line headline.")
    summary: str | None = Field(description="Event summary, or what the statement said.")
    quote: str | None = Field(description="The supporting sentence of the first source.")
    type: str | None = Field(default=None, description="Event type (events only).")
    stance: str | None = Field(default=None, description="Stance (statements only).")
    verbatim: bool | None = Field(default=None, description="Statements: `summary` is the exact words.")
    fatalities_best: int | None = None
    actors: list[ActorRole] = []
    place: PlaceRef | None = None
    point: GeoPoint | None = Field(default=None, description="Where it happened (WGS-84), if known.")
    geo_precision: int | None = Field(
        default=None,
        description="How precisely `point` locates it, 1 (the named place) to 5 (a country); "
        "4 and 5 are region or country centroids. See the README's precision table.",
    )
    sources: list[SourceRef] = []
    # A tuple: pydantic checks and copies a Sequence in Python, item by item, when it validates and
    # serialises it (half of a 100-item page's validation), and StatementDetail narrows the items.
    verdicts: tuple[VerdictRef, ...] = Field(
        default=(), description="Fact-check verdicts on a statement, oldest first (events: none)."
    )


class TimelinePage(BaseModel):
    """One page of items; pass `next_cursor` as `cursor` for the next page (null on the last)."""

    items: list[TimelineItem]
    next_cursor: str | None = Field(examples=[None])


class TimelineFilter(BaseModel):
    """Validated timeline filters; a None field does not filter. Dates bound an overlap window."""

    model_config = ConfigDict(frozen=True)

    window_start: date | None = None
    window_end: date | None = None
    actor_ids: list[str] | None = None
    include_affiliates: bool = False
    types: list[str] | None = None
    stances: list[str] | None = None
    place_id: str | None = None
    q: str | None = None
    datasets: list[str] | None = None  # provider names or curated dataset ids, checked by the API
    kinds: list[ItemKind] = [ItemKind.EVENT, ItemKind.STATEMENT]
    geo: GeoFilter = GeoFilter()


class SortKey(BaseModel):
    """A timeline position: day the item may start, coarse-before-fine rank, id (a total order)."""

    date: date
    rank: int
    id: str


# Coarser items sort first among items starting the same day: "February 2020" comes before
# 2020-02-01, so a month item sits at its month's start, ahead of that month's days; a span of
# days (2020-02-17/2020-02-18) comes before the exact days that start with it.
PRECISION_SORT_RANK = {"year": 0, "month": 1, "week": 2, "day": 3}
EXACT_DAY_RANK = 4


def sort_rank(when: DateInfo) -> int:
    """The coarse-before-fine rank of a date (graph.queries.fragments.sort_rank in Cypher)."""
    if when.precision == "day" and when.start == when.end:
        return EXACT_DAY_RANK
    return PRECISION_SORT_RANK[when.precision]


def sort_key(item: TimelineItem) -> SortKey:
    """The item's position in timeline order (the cursor's payload)."""
    assert item.date is not None, "date-ordered lists hold dated items only"
    return SortKey(date=item.date.start, rank=sort_rank(item.date), id=item.id)
