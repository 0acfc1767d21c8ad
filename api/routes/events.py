"""GET /events (the timeline's filters, events only) and GET /events/{id}."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, status

from api.deps import ReaderDep
from api.params import CursorParam, LimitParam
from api.routes.timeline import CollapseParam, TimelineFilterDep, any_page
from graph.queries.events import get_event
from schema.events import EventDetail
from schema.incidents import CollapsedPage
from schema.timeline import ItemKind, TimelinePage

router = APIRouter(tags=["events"])


@router.get("/events", responses={422: {"description": "A parameter is invalid; `detail[].loc` names it."}})
def read_events(
    reader: ReaderDep,
    filters: TimelineFilterDep,
    limit: LimitParam = 100,
    cursor: CursorParam = None,
    collapse: CollapseParam = None,
) -> TimelinePage | CollapsedPage:
    """Events in timeline order with /timeline's filters (`include` and `stance` do not apply)."""
    events_only = filters.model_copy(update={"kinds": [ItemKind.EVENT]})
    return any_page(reader, events_only, cursor, limit, collapse)


@router.get("/events/{event_id}", responses={404: {"description": "Unknown event"}})
def read_event(event_id: str, reader: ReaderDep) -> EventDetail:
    """The event: participants with roles, place, related events, statements about it, sources,
    and the incident it reports with the other reports of it (dataset, id, title, score, reasons)."""
    event = reader(get_event, event_id=event_id)
    if event is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail="Unknown event")
    return event
