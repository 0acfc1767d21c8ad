"""Timeline items as a TimelineJS3 document or vis-timeline items and groups (DOMAIN.md B7)."""

from __future__ import annotations

from datetime import date, timedelta

from pydantic import BaseModel, ConfigDict

from schema.dates import DatePrecision
from schema.timeline import ItemKind, TimelineItem

GROUP_NAMES = {ItemKind.EVENT: "Events", ItemKind.STATEMENT: "Statements"}


class TJSDate(BaseModel):
    """Only `year` is required; month and day are sent only when the precision has them."""

    year: int
    month: int | None = None
    day: int | None = None
    display_date: str | None = None


class TJSText(BaseModel):
    headline: str
    text: str | None = None


class TJSEvent(BaseModel):
    start_date: TJSDate
    end_date: TJSDate | None = None
    text: TJSText
    group: str
    display_date: str | None = None
    unique_id: str


class TJSTitle(BaseModel):
    text: TJSText


class TimelineJSDocument(BaseModel):
    """A TimelineJS3 JSON document (https://timeline.knightlab.com/docs/json-format.html)."""

    model_config = ConfigDict(json_schema_extra={"description": "Null fields are omitted in answers."})

    title: TJSTitle
    events: list[TJSEvent]
    scale: str = "human"


class VisItem(BaseModel):
    id: str
    content: str
    start: date
    end: date | None = None
    type: str
    group: str
    title: str | None = None
    className: str


class VisGroup(BaseModel):
    id: str
    content: str


class VisTimeline(BaseModel):
    """vis-timeline items and groups; approximate dates are `range` items over the possible days."""

    items: list[VisItem]
    groups: list[VisGroup]


def _tjs_date(day: date, precision: DatePrecision) -> TJSDate:
    if precision == DatePrecision.YEAR:
        return TJSDate(year=day.year)
    if precision == DatePrecision.MONTH:
        return TJSDate(year=day.year, month=day.month)
    return TJSDate(year=day.year, month=day.month, day=day.day)


def to_timelinejs(items: list[TimelineItem], headline: str) -> TimelineJSDocument:
    """A TimelineJS document with one event per item, grouped into Events and Statements rows."""
    events = []
    for item in items:
        if item.date is None:  # date-ordered pages hold dated items only
            continue
        span = item.date.start != item.date.end
        # A month or year is shown by its coarse start date alone; a span of days gets an end date.
        ranged = span and item.date.precision in (DatePrecision.DAY, DatePrecision.WEEK)
        events.append(
            TJSEvent(
                start_date=_tjs_date(item.date.start, item.date.precision),
                end_date=_tjs_date(item.date.end, item.date.precision) if ranged else None,
                text=TJSText(headline=item.title or item.id, text=item.summary),
                group=GROUP_NAMES[item.kind],
                display_date=item.date.text if item.approximate else None,
                unique_id=item.id.replace(":", "-"),
            )
        )
    return TimelineJSDocument(title=TJSTitle(text=TJSText(headline=headline)), events=events)


def to_vis(items: list[TimelineItem]) -> VisTimeline:
    """vis-timeline items (point for one day, range otherwise; `end` is exclusive) and their groups."""
    vis_items = [
        VisItem(
            id=item.id,
            content=item.title or item.id,
            start=item.date.start,
            end=item.date.end + timedelta(days=1) if item.approximate else None,
            type="range" if item.approximate else "point",
            group=item.kind.value,
            title=item.date.text,
            className=f"{item.kind.value} precision-{item.date.precision.value}",
        )
        for item in items
        if item.date is not None
    ]
    kinds = sorted({item.kind for item in items}, key=list(ItemKind).index)
    return VisTimeline(
        items=vis_items, groups=[VisGroup(id=kind.value, content=GROUP_NAMES[kind]) for kind in kinds]
    )
