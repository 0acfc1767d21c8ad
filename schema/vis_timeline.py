"""Timeline items as vis-timeline items and groups (DOMAIN.md B7).

vis-timeline renders `content` and `title` as HTML, so both are escaped here.
"""

from __future__ import annotations

from datetime import date, timedelta

from pydantic import BaseModel, Field

from schema.item_html import GROUP_NAMES, item_headline, item_tooltip
from schema.references import DateInfo
from schema.timeline import ItemKind, TimelineItem


class VisItem(BaseModel):
    id: str
    content: str = Field(description="HTML (escaped title).")
    start: date
    end: date | None = Field(default=None, description="Exclusive: the day after the last possible day.")
    type: str = Field(description="point for one known day, range otherwise.", examples=["range"])
    group: str
    title: str = Field(description="Tooltip HTML: title, date in words, summary, actors, verdicts, "
                       "sources (escaped).")
    className: str = Field(
        description="`event` or `statement`, `precision-day|week|month|year`, and `approximate` "
        "for anything but one known day.",
        examples=["statement precision-month approximate"],
    )


class VisGroup(BaseModel):
    id: str
    content: str


class VisTimeline(BaseModel):
    """vis-timeline items and groups; approximate dates are `range` items over the possible days."""

    items: list[VisItem]
    groups: list[VisGroup]


def _vis_item(item: TimelineItem, when: DateInfo) -> VisItem:
    classes = [item.kind.value, f"precision-{when.precision.value}"] + ["approximate"] * item.approximate
    return VisItem(
        id=item.id,
        content=item_headline(item),
        start=when.start,
        end=when.end + timedelta(days=1) if item.approximate else None,
        type="range" if item.approximate else "point",
        group=item.kind.value,
        title=item_tooltip(item),
        className=" ".join(classes),
    )


def to_vis(items: list[TimelineItem]) -> VisTimeline:
    """vis-timeline items (point for one day, range otherwise; `end` is exclusive) and their groups."""
    kinds = sorted({item.kind for item in items}, key=list(ItemKind).index)
    return VisTimeline(
        items=[_vis_item(item, item.date) for item in items if item.date is not None],
        groups=[VisGroup(id=kind.value, content=GROUP_NAMES[kind]) for kind in kinds],
    )
