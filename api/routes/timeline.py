"""GET /timeline: events and statements in date order, as pages, TimelineJS or vis-timeline."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse

from api.deps import ReaderDep
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
from graph.queries.timeline_collapsed import list_collapsed_timeline
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
    page: TimelinePage | CollapsedPage, form: TimelineFormat, headline: str
) -> TimelinePage | CollapsedPage | JSONResponse:
    """The page itself, or its TimelineJS / vis rendering (next cursor in X-Next-Cursor)."""
    if form == TimelineFormat.JSON:
        return page
    document = to_timelinejs(page.items, headline) if form == TimelineFormat.TIMELINEJS else to_vis(page.items)
    headers = {"X-Next-Cursor": page.next_cursor} if page.next_cursor else {}
    return JSONResponse(document.model_dump(mode="json", exclude_none=True), headers=headers)


FormatParam = Annotated[
    TimelineFormat,
    Query(
        alias="format",
        description="json (pages), timelinejs (a TimelineJS3 document) or vis (items and groups).",
    ),
]


@router.get(
    "/timeline",
    response_model=TimelinePage | CollapsedPage | TimelineJSDocument | VisTimeline,
    responses={422: {"description": "A parameter is invalid; `detail[].loc` names it."}},
)
def read_timeline(
    reader: ReaderDep,
    filters: TimelineFilterDep,
    limit: LimitParam = 100,
    cursor: CursorParam = None,
    form: FormatParam = TimelineFormat.JSON,
    collapse: CollapseParam = None,
) -> TimelinePage | CollapsedPage | JSONResponse:
    """Events and statements in date order; a month- or year-precision item sorts at its period's
    first day, ahead of that day's exact items, and says so with `approximate` and `date.precision`."""
    page = any_page(reader, filters, cursor, limit, collapse)
    return formatted(page, form, "Timeline")
