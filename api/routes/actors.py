"""GET /actors, /actors/{id}, /actors/{id}/relations, /actors/{id}/timeline."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, status
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from api.deps import ReaderDep
from api.params import CursorParam, LimitParam, decode_cursor, encode_cursor
from api.routes.timeline import FormatParam, TimelineFilterDep, formatted, timeline_page
from graph.queries.actors import actor_exists, get_actor, list_actors
from graph.queries.relations import get_relations
from schema.actors import ActorPage, ActorProfile, ActorRelations
from schema.geojson import FeatureCollection
from schema.timeline import TimelineFormat, TimelinePage
from schema.timeline_formats import TimelineJSDocument, VisTimeline
from schema.vocabulary import ActorKind

router = APIRouter(tags=["actors"])
NOT_FOUND = {404: {"description": "Unknown actor"}}
ERRORS = {422: {"description": "A parameter is invalid; `detail[].loc` names it."}}


class Offset(BaseModel):
    """The /actors cursor: ranked search results page by position."""

    offset: int = Field(ge=0)


@router.get("/actors", responses=ERRORS)
def read_actors(
    reader: ReaderDep,
    q: Annotated[str | None, Query(description="Name or alias words (prefixes match).",
                                   examples=["Erkhov"])] = None,
    kind: Annotated[ActorKind | None, Query(description="Actor kind.")] = None,
    limit: LimitParam = 100,
    cursor: CursorParam = None,
) -> ActorPage:
    """Actors by name, or matching `q`: exact name or alias first, then by relevance."""
    start = decode_cursor(cursor, Offset)
    offset = start.offset if start else 0
    text = q.strip() if q and q.strip() else None
    rows = reader(list_actors, q=text, kind=kind.value if kind else None, offset=offset, limit=limit + 1)
    more = len(rows) > limit
    next_cursor = encode_cursor(Offset(offset=offset + limit)) if more else None
    return ActorPage(items=rows[:limit], next_cursor=next_cursor)


@router.get("/actors/{actor_id}", responses=NOT_FOUND)
def read_actor(actor_id: str, reader: ReaderDep) -> ActorProfile:
    """The actor's profile, aliases and affiliations (both ways) with roles, titles and dates."""
    actor = reader(get_actor, actor_id=actor_id)
    if actor is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail="Unknown actor")
    return actor


@router.get("/actors/{actor_id}/relations", responses=NOT_FOUND)
def read_actor_relations(actor_id: str, reader: ReaderDep) -> ActorRelations:
    """Backers, allies, adversaries, affiliations, accusations made and received, shared events."""
    relations = reader(get_relations, actor_id=actor_id)
    if relations is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail="Unknown actor")
    return relations


@router.get(
    "/actors/{actor_id}/timeline",
    response_model=TimelinePage | TimelineJSDocument | VisTimeline | FeatureCollection,
    responses={**NOT_FOUND, **ERRORS},
)
def read_actor_timeline(
    actor_id: str,
    reader: ReaderDep,
    filters: TimelineFilterDep,
    limit: LimitParam = 100,
    cursor: CursorParam = None,
    form: FormatParam = TimelineFormat.JSON,
) -> TimelinePage | JSONResponse:
    """/timeline for this actor (its events and statements, plus `actor` filters if given)."""
    if not reader(actor_exists, actor_id=actor_id):
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail="Unknown actor")
    actor_ids = sorted({actor_id, *(filters.actor_ids or [])})
    scoped = filters.model_copy(update={"actor_ids": actor_ids})
    return formatted(timeline_page(reader, scoped, cursor, limit), form, actor_id)
