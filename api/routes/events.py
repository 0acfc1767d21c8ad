"""GET /events (the timeline's filters, events only) and GET /events/{id}."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, status

from api.deps import ReaderDep
from api.model_response import ModelResponse
from api.params import CursorParam, LimitParam
from api.responses import FILTERED
from api.routes.timeline import CollapseParam, FormatParam, TimelineFilterDep, any_page, formatted
from graph.queries.events import get_event
from schema.events import EventDetail
from schema.geojson import FeatureCollection
from schema.incidents import CollapsedPage
from schema.timeline import ItemKind, TimelineFormat, TimelinePage
from schema.timelinejs import TimelineJSDocument
from schema.vis_timeline import VisTimeline

router = APIRouter(tags=["events"])


@router.get(
    "/events",
    summary="Events in date order",
    response_model=TimelinePage | CollapsedPage | TimelineJSDocument | VisTimeline | FeatureCollection,
    responses=FILTERED,
)
def read_events(
    reader: ReaderDep,
    filters: TimelineFilterDep,
    limit: LimitParam = 100,
    cursor: CursorParam = None,
    form: FormatParam = TimelineFormat.JSON,
    collapse: CollapseParam = None,
) -> ModelResponse:
    """What happened (agreements, offensives, strikes, talks, casualties…), oldest first, with
    /timeline's filters (`include` and `stance` do not apply here); `format=geojson` for a map
    (`bbox` for its view); `collapse=incidents` for one item per incident."""
    events_only = filters.model_copy(update={"kinds": [ItemKind.EVENT]})
    return formatted(any_page(reader, events_only, cursor, limit, collapse), form, events_only)


@router.get("/events/{event_id}", summary="One event with its participants, links and sources",
            response_model=EventDetail, responses={404: {"description": "Unknown event"}})
def read_event(event_id: str, reader: ReaderDep) -> ModelResponse:
    """The event with its participants and their roles, its place, the events it violates, follows,
    responds to or is part of (both ways), the statements about it, denying it or responding to it,
    the sources and quote behind each fact, and the incident it reports with the other reports of
    it (dataset, id, title, fatality estimates, score and reasons)."""
    event = reader(get_event, event_id=event_id)
    if event is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail="Unknown event")
    return ModelResponse(event)
