"""GET /timeline: events and statements in date order, as pages, TimelineJS or vis-timeline."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse

from api.deps import ReaderDep
from api.geo_params import GeoFilterDep
from api.params import (
    CursorParam,
    EndParam,
    LimitParam,
    StartParam,
    date_window,
    decode_cursor,
    encode_cursor,
    enum_list,
    values_or_none,
)
from graph.queries.timeline import list_timeline
from schema.geo import GeoFilter
from schema.geojson import MEDIA_TYPE as GEOJSON_TYPE
from schema.geojson import FeatureCollection, to_feature_collection
from schema.timeline import (
    IncludeKind,
    ItemKind,
    SortKey,
    TimelineFilter,
    TimelineFormat,
    TimelinePage,
    sort_key,
)
from schema.timeline_formats import TimelineJSDocument, VisTimeline, to_timelinejs, to_vis
from schema.vocabulary import EventType, Stance

router = APIRouter(tags=["timeline"])


def timeline_filter(
    start: StartParam = None,
    end: EndParam = None,
    actor: Annotated[
        list[str] | None, Query(description="Actor id (repeatable).", examples=["actor:russia"])
    ] = None,
    include_affiliates: Annotated[
        bool, Query(description="Also actors affiliated with `actor` (its ambassador, ministries…).")
    ] = False,
    event_type: Annotated[
        list[EventType] | None, Query(alias="type", description="Event type (repeatable).")
    ] = None,
    stance: Annotated[list[Stance] | None, Query(description="Statement stance (repeatable).")] = None,
    place: Annotated[
        str | None, Query(description="Place id; places within it match too.", examples=["place:idlib"])
    ] = None,
    q: Annotated[
        str | None, Query(description="Words that must all occur in title, summary, text or quote.")
    ] = None,
    include: Annotated[
        str | None,
        Query(
            description="Comma-separated: events, statements. Default: both, except that a `type` "
            "filter alone means events and a `stance` filter alone means statements."
        ),
    ] = None,
    geo: GeoFilterDep = GeoFilter(),
) -> TimelineFilter:
    """The timeline filters, validated; 422 names the offending parameter."""
    window_start, window_end = date_window(start, end)
    included = enum_list("include", include, IncludeKind)
    if included is not None:
        kinds = [ItemKind.EVENT] * (IncludeKind.EVENTS in included) + [ItemKind.STATEMENT] * (
            IncludeKind.STATEMENTS in included
        )
    elif event_type and not stance:
        kinds = [ItemKind.EVENT]
    elif stance and not event_type:
        kinds = [ItemKind.STATEMENT]
    else:
        kinds = [ItemKind.EVENT, ItemKind.STATEMENT]
    return TimelineFilter(
        window_start=window_start,
        window_end=window_end,
        actor_ids=values_or_none(actor),
        include_affiliates=include_affiliates,
        types=values_or_none(event_type),
        stances=values_or_none(stance),
        place_id=place,
        q=q.strip() if q and q.strip() else None,
        kinds=kinds,
        geo=geo,
    )


TimelineFilterDep = Annotated[TimelineFilter, Depends(timeline_filter)]


def timeline_page(
    reader: ReaderDep, filters: TimelineFilter, cursor: str | None, limit: int
) -> TimelinePage:
    """One page of the filtered timeline; next_cursor is null on the last page."""
    after = decode_cursor(cursor, SortKey)
    items = reader(list_timeline, filters=filters, after=after, limit=limit + 1)
    more = len(items) > limit
    items = items[:limit]
    return TimelinePage(items=items, next_cursor=encode_cursor(sort_key(items[-1])) if more else None)


def formatted(page: TimelinePage, form: TimelineFormat, headline: str) -> TimelinePage | JSONResponse:
    """The page itself, or its TimelineJS / vis / GeoJSON rendering (next cursor in X-Next-Cursor)."""
    if form == TimelineFormat.JSON:
        return page
    headers = {"X-Next-Cursor": page.next_cursor} if page.next_cursor else {}
    if form == TimelineFormat.GEOJSON:
        collection = to_feature_collection(page.items, page.next_cursor)
        return JSONResponse(collection.model_dump(mode="json"), headers=headers, media_type=GEOJSON_TYPE)
    document = to_timelinejs(page.items, headline) if form == TimelineFormat.TIMELINEJS else to_vis(page.items)
    return JSONResponse(document.model_dump(mode="json", exclude_none=True), headers=headers)


FormatParam = Annotated[
    TimelineFormat,
    Query(
        alias="format",
        description="json (pages), timelinejs (a TimelineJS3 document), vis (items and groups) or "
        "geojson (a FeatureCollection of Point features, coordinates [lon, lat]).",
    ),
]


@router.get(
    "/timeline",
    response_model=TimelinePage | TimelineJSDocument | VisTimeline | FeatureCollection,
    responses={422: {"description": "A parameter is invalid; `detail[].loc` names it."}},
)
def read_timeline(
    reader: ReaderDep,
    filters: TimelineFilterDep,
    limit: LimitParam = 100,
    cursor: CursorParam = None,
    form: FormatParam = TimelineFormat.JSON,
) -> TimelinePage | JSONResponse:
    """Events and statements in date order; a month- or year-precision item sorts at its period's
    first day, ahead of that day's exact items, and says so with `approximate` and `date.precision`."""
    page = timeline_page(reader, filters, cursor, limit)
    return formatted(page, form, "Timeline")
