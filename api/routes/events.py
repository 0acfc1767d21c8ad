"""GET /events (the timeline's filters, events only) and GET /events/{id}."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, status

from api.deps import ReaderDep
from api.params import CursorParam, LimitParam
from api.responses import FILTERED
from api.routes.timeline import TimelineFilterDep, timeline_page
from graph.queries.events import get_event
from schema.events import EventDetail
from schema.timeline import ItemKind, TimelinePage

router = APIRouter(tags=["events"])


@router.get("/events", summary="Events in date order", responses=FILTERED)
def read_events(
    reader: ReaderDep, filters: TimelineFilterDep, limit: LimitParam = 100, cursor: CursorParam = None
) -> TimelinePage:
    """What happened (agreements, offensives, strikes, talks, casualties…), oldest first, with
    /timeline's filters (`include` and `stance` do not apply here)."""
    events_only = filters.model_copy(update={"kinds": [ItemKind.EVENT]})
    return timeline_page(reader, events_only, cursor, limit)


@router.get("/events/{event_id}", summary="One event with its participants, links and sources",
            responses={404: {"description": "Unknown event"}})
def read_event(event_id: str, reader: ReaderDep) -> EventDetail:
    """The event with its participants and their roles, its place, the events it violates, follows,
    responds to or is part of (both ways), the statements about it, denying it or responding to it,
    and the sources and quote behind each fact."""
    event = reader(get_event, event_id=event_id)
    if event is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail="Unknown event")
    return event
