"""GET /places (search by name or spelling, kind, within) and GET /places/{id}."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, status

from api.deps import ReaderDep
from api.known_ids import IdKind, NamedIds, require_known
from api.model_response import ModelResponse
from api.params import (
    MAX_Q_CHARS,
    MAX_Q_WORDS,
    CursorParam,
    LimitParam,
    decode_cursor,
    encode_cursor,
    search_text,
)
from api.responses import FILTERED
from api.routes.actors import Offset
from graph.queries.places import get_place, list_places
from loaders.providers.place_aliases import default_place_aliases
from schema.place_names import place_key
from schema.places import PlaceDetail, PlacePage
from schema.vocabulary import PlaceKind

router = APIRouter(tags=["places"])
NOT_FOUND = {404: {"description": "Unknown place"}}


@router.get("/places", summary="Places by name or any provider's spelling", response_model=PlacePage,
            responses=FILTERED)
def read_places(
    reader: ReaderDep,
    q: Annotated[
        str | None,
        Query(
            max_length=MAX_Q_CHARS,
            description="A name or any provider's spelling (Idleb, Idlib governorate); words "
            f"also match as prefixes (at most {MAX_Q_WORDS} words, {MAX_Q_CHARS} characters).",
            examples=["Idleb"],
        ),
    ] = None,
    kind: Annotated[PlaceKind | None, Query(description="Place kind.")] = None,
    within: Annotated[
        str | None, Query(description="Only places inside this one.", examples=["place:syria"])
    ] = None,
    limit: LimitParam = 100,
    cursor: CursorParam = None,
) -> ModelResponse:
    """Places by name, or matching `q`: an exact name or spelling first (the broadest place first:
    the governorate before the district and the town), then word prefixes. `within` keeps the places
    inside another; an unknown `within` is a 404 naming it."""
    start = decode_cursor(cursor, Offset)
    offset = start.offset if start else 0
    require_known(reader, NamedIds("within", IdKind.PLACE, [within] if within else []))
    text = search_text("q", q)
    key = place_key(text) if text else None
    rows = reader(
        list_places,
        key=key or None,
        lower=text.lower() if text else None,
        table_ids=default_place_aliases().place_ids(text) if text else [],
        kind=kind.value if kind else None,
        within=within,
        offset=offset,
        limit=limit + 1,
    )
    more = len(rows) > limit
    next_cursor = encode_cursor(Offset(offset=offset + limit)) if more else None
    return ModelResponse(PlacePage(items=rows[:limit], next_cursor=next_cursor))


@router.get("/places/{place_id}", summary="One place: where it lies, what lies in it, its events",
            response_model=PlaceDetail, responses=NOT_FOUND)
def read_place(place_id: str, reader: ReaderDep) -> ModelResponse:
    """The place: what it lies in (nearest first), what lies in it, its events by year and type,
    the sources that named it."""
    place = reader(get_place, place_id=place_id)
    if place is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail="Unknown place")
    return ModelResponse(place)
