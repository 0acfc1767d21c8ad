"""GET /events (the timeline's filters, events only) and GET /events/{id}."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, status
from fastapi.responses import JSONResponse

from api.deps import ReaderDep
from api.params import CursorParam, LimitParam
from api.routes.timeline import FormatParam, TimelineFilterDep, formatted, timeline_page
from graph.queries.events import get_event
from schema.events import EventDetail
from schema.geojson import FeatureCollection
from schema.timeline import ItemKind, TimelineFormat, TimelinePage
from schema.timeline_formats import TimelineJSDocument, VisTimeline

router = APIRouter(tags=["events"])


@router.get(
    "/events",
    response_model=TimelinePage | TimelineJSDocument | VisTimeline | FeatureCollection,
    responses={422: {"description": "A parameter is invalid; `detail[].loc` names it."}},
)
def read_events(
    reader: ReaderDep,
    filters: TimelineFilterDep,
    limit: LimitParam = 100,
    cursor: CursorParam = None,
    form: FormatParam = TimelineFormat.JSON,
) -> TimelinePage | JSONResponse:
    """Events in timeline order with /timeline's filters (`include` and `stance` do not apply);
    `format=geojson` for a map (`bbox` for its view)."""
    events_only = filters.model_copy(update={"kinds": [ItemKind.EVENT]})
    return formatted(timeline_page(reader, events_only, cursor, limit), form, "Events")


@router.get("/events/{event_id}", responses={404: {"description": "Unknown event"}})
def read_event(event_id: str, reader: ReaderDep) -> EventDetail:
    """The event: participants with roles, place, related events, statements about it, sources."""
    event = reader(get_event, event_id=event_id)
    if event is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail="Unknown event")
    return event
