"""GET /actors, /actors/{id}, /actors/{id}/relations, /actors/{id}/timeline."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, status
from pydantic import BaseModel, Field

from api.deps import ReaderDep
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
from api.responses import FILTERED, INVALID_PARAMETER, Responses
from api.routes.timeline import FormatParam, TimelineFilterDep, formatted, timeline_page
from graph.queries.actors import get_actor, get_actor_ref, list_actors
from graph.queries.relations import get_relations
from schema.actors import ActorPage, ActorProfile, ActorRelations
from schema.geojson import FeatureCollection
from schema.timeline import TimelineFormat, TimelinePage
from schema.timelinejs import TimelineJSDocument
from schema.vis_timeline import VisTimeline
from schema.vocabulary import ActorKind

router = APIRouter(tags=["actors"])
NOT_FOUND: Responses = {404: {"description": "Unknown actor"}}
MAX_OFFSET = 1_000_000_000


class Offset(BaseModel):
    """The /actors cursor: ranked search results page by position."""

    # Bounded so that Neo4j's SKIP + LIMIT cannot overflow 64 bits; no listing comes near it.
    offset: int = Field(ge=0, le=MAX_OFFSET)


@router.get("/actors", summary="Find actors by name or alias", response_model=ActorPage,
            responses=INVALID_PARAMETER)
def read_actors(
    reader: ReaderDep,
    q: Annotated[
        str | None,
        Query(
            max_length=MAX_Q_CHARS,
            description=f"Name or alias words, prefixes match (at most {MAX_Q_WORDS} words, "
            f"{MAX_Q_CHARS} characters).",
            examples=["Erkhov"],
        ),
    ] = None,
    kind: Annotated[ActorKind | None, Query(description="Actor kind.")] = None,
    limit: LimitParam = 100,
    cursor: CursorParam = None,
) -> ModelResponse:
    """Actors in name order, or those matching `q`: exact name or alias matches first, then by
    relevance (each word matches as a prefix, so `erkh` finds Erkhov). Use it to turn a name into
    the id the other endpoints take."""
    start = decode_cursor(cursor, Offset)
    offset = start.offset if start else 0
    text = search_text("q", q)
    rows = reader(list_actors, q=text, kind=kind.value if kind else None, offset=offset, limit=limit + 1)
    more = len(rows) > limit
    next_cursor = encode_cursor(Offset(offset=offset + limit)) if more else None
    return ModelResponse(ActorPage(items=rows[:limit], next_cursor=next_cursor))


@router.get("/actors/{actor_id}", summary="One actor's profile", response_model=ActorProfile,
            responses=NOT_FOUND)
def read_actor(actor_id: str, reader: ReaderDep) -> ModelResponse:
    """The actor's name, kind, aliases and country, and its affiliations both ways (the state an
    ambassador represents, the ministries part of a government) with roles, titles and dates, each
    with its sources."""
    actor = reader(get_actor, actor_id=actor_id)
    if actor is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail="Unknown actor")
    return ModelResponse(actor)


@router.get("/actors/{actor_id}/relations", summary="Everyone an actor is linked to, and how",
            response_model=ActorRelations, responses=NOT_FOUND)
def read_actor_relations(actor_id: str, reader: ReaderDep) -> ModelResponse:
    """Backers, allies, adversaries, affiliations, accusations made and received, and events shared
    with other actors, each link with its sources and quote. Each section holds at most 50 links;
    `truncated` names the sections that had more."""
    relations = reader(get_relations, actor_id=actor_id)
    if relations is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail="Unknown actor")
    return ModelResponse(relations)


@router.get(
    "/actors/{actor_id}/timeline",
    summary="One actor's events and statements in date order",
    response_model=TimelinePage | TimelineJSDocument | VisTimeline | FeatureCollection,
    responses={**NOT_FOUND, **FILTERED},
)
def read_actor_timeline(
    actor_id: str,
    reader: ReaderDep,
    filters: TimelineFilterDep,
    limit: LimitParam = 100,
    cursor: CursorParam = None,
    form: FormatParam = TimelineFormat.JSON,
) -> ModelResponse:
    """/timeline for this actor: the events it took part in and the statements it made or that
    accuse, warn or appeal to it, with /timeline's other filters and formats (the TimelineJS title
    names the actor)."""
    actor = reader(get_actor_ref, actor_id=actor_id)
    if actor is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail="Unknown actor")
    actor_ids = sorted({actor_id, *(filters.actor_ids or [])})
    scoped = filters.model_copy(update={"actor_ids": actor_ids})
    return formatted(timeline_page(reader, scoped, cursor, limit), form, scoped, about=actor.name)
