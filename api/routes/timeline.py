"""GET /timeline: events and statements in date order, as pages, TimelineJS or vis-timeline."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel

from api.datasets import DatasetParam, dataset_names
from api.deps import ReaderDep
from api.geo_params import GeoFilterDep
from api.known_ids import IdKind, NamedIds, require_known
from api.model_response import ModelResponse
from api.params import (
    MAX_Q_CHARS,
    MAX_Q_WORDS,
    CursorParam,
    EndParam,
    LimitParam,
    StartParam,
    date_window,
    decode_cursor,
    encode_cursor,
    enum_list,
    search_text,
    values_or_none,
)
from api.responses import FILTERED
from graph.queries.timeline import list_timeline
from graph.queries.timeline_collapsed import list_collapsed_timeline
from schema.geo import GeoFilter
from schema.geojson import MEDIA_TYPE as GEOJSON_TYPE
from schema.geojson import FeatureCollection, to_feature_collection
from schema.incidents import Collapse, CollapsedPage
from schema.timeline import (
    IncludeKind,
    ItemKind,
    SortKey,
    TimelineFilter,
    TimelineFormat,
    TimelinePage,
    sort_key,
)
from schema.timelinejs import TimelineJSDocument, to_timelinejs
from schema.vis_timeline import VisTimeline, to_vis
from schema.vocabulary import EventType, Stance

router = APIRouter(tags=["timeline"])


def timeline_filter(
    reader: ReaderDep,
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
        str | None,
        Query(
            max_length=MAX_Q_CHARS,
            description=f"Words that must all occur in title, summary, text or quote (at most "
            f"{MAX_Q_WORDS} words, {MAX_Q_CHARS} characters).",
        ),
    ] = None,
    include: Annotated[
        str | None,
        Query(
            description="Comma-separated: events, statements. Default: both, except that a `type` "
            "filter alone means events and a `stance` filter alone means statements."
        ),
    ] = None,
    dataset: DatasetParam = None,
    geo: GeoFilterDep = GeoFilter(),
) -> TimelineFilter:
    """The timeline filters, validated; 422 names the offending parameter, 404 an unknown id."""
    window_start, window_end = date_window(start, end)
    require_known(
        reader,
        NamedIds("actor", IdKind.ACTOR, actor or []),
        NamedIds("place", IdKind.PLACE, [place] if place else []),
    )
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
        q=search_text("q", q),
        datasets=dataset_names(reader, dataset),
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


def collapsed_page(
    reader: ReaderDep, filters: TimelineFilter, cursor: str | None, limit: int
) -> CollapsedPage:
    """One page with collapse=incidents: one item per incident, counted as one."""
    after = decode_cursor(cursor, SortKey)
    rows = reader(list_collapsed_timeline, filters=filters, after=after, limit=limit + 1)
    more = len(rows) > limit
    rows = rows[:limit]
    return CollapsedPage(
        items=[item for item, _ in rows], next_cursor=encode_cursor(rows[-1][1]) if more else None
    )


def any_page(
    reader: ReaderDep, filters: TimelineFilter, cursor: str | None, limit: int, collapse: Collapse | None
) -> TimelinePage | CollapsedPage:
    """A plain page, or a collapsed one when collapse=incidents."""
    if collapse is Collapse.INCIDENTS:
        return collapsed_page(reader, filters, cursor, limit)
    return timeline_page(reader, filters, cursor, limit)


CollapseParam = Annotated[
    Collapse | None,
    Query(
        description="incidents: one item per incident (several datasets' reports of one happening, "
        "GDELT's repetitions) with its reports listed and fatalities as the range of their estimates; "
        "rows reported nowhere else stay as they are."
    ),
]


def formatted(
    page: TimelinePage | CollapsedPage,
    form: TimelineFormat,
    filters: TimelineFilter,
    about: str | None = None,
) -> ModelResponse:
    """The page itself, or its TimelineJS / vis / GeoJSON rendering (next cursor in X-Next-Cursor)."""
    if form == TimelineFormat.JSON:
        return ModelResponse(page)
    headers = {"X-Next-Cursor": page.next_cursor} if page.next_cursor else {}
    if form == TimelineFormat.GEOJSON:
        collection = to_feature_collection(page.items, page.next_cursor)
        return ModelResponse(collection, headers=headers, media_type=GEOJSON_TYPE)
    more = page.next_cursor is not None
    if form == TimelineFormat.TIMELINEJS:
        document: BaseModel = to_timelinejs(page.items, filters=filters, about=about, more=more)
    else:
        document = to_vis(page.items)
    return ModelResponse(document, exclude_none=True, headers=headers)


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
    summary="Events and statements in date order",
    response_model=TimelinePage | CollapsedPage | TimelineJSDocument | VisTimeline | FeatureCollection,
    responses=FILTERED,
)
def read_timeline(
    reader: ReaderDep,
    filters: TimelineFilterDep,
    limit: LimitParam = 100,
    cursor: CursorParam = None,
    form: FormatParam = TimelineFormat.JSON,
    collapse: CollapseParam = None,
) -> ModelResponse:
    """What happened and what was said about it, filtered by window, actors, type, stance, place and
    words, oldest first. A month- or year-precision item sorts at its period's first day, ahead of
    that day's exact items, and says so with `approximate` and `date.precision`.

    `format=timelinejs` answers a TimelineJS3 document: dates in words by precision
    (`display_date`: "April 2019", "17–18 February 2020"), an `end_date` for every range, the
    sources as a credit line in each slide's text, a title slide, and `options.start_at_slide` to
    pass to `new TL.Timeline(element, document, document.options)` so the view opens in the window
    rather than at a decades-long background item. `format=vis` answers vis-timeline items (HTML
    tooltips with summary, actors, verdicts and sources; a class per precision) and groups.
    `format=geojson` answers a FeatureCollection of Point features (`geometry: null` for items
    without a point). All carry the next page's cursor in the `X-Next-Cursor` header.

    `collapse=incidents` shows one item per incident (kind `incident`: the reports of one happening
    across ACLED, UCDP and GDELT, listed with their scores; fatalities as the range of the sources'
    estimates), so counts are of incidents, not rows."""
    page = any_page(reader, filters, cursor, limit, collapse)
    return formatted(page, form, filters)
