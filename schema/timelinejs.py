"""Timeline items as a TimelineJS3 document (timeline.knightlab.com/docs/json-format.html).

TimelineJS renders `headline` and `text` as HTML, so both are escaped here. Dates are whole days
(TimelineJS drops an `end_date` whose fields equal the start's, so `{year: 2020, month: 2}` to
`{year: 2020, month: 2, day: 29}` would lose its end) and `display_date` says them in words at
their real precision.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from html import escape

from pydantic import BaseModel, ConfigDict, Field

from schema.date_words import window_in_words
from schema.item_html import GROUP_NAMES, item_headline, sources_html, verdict_text
from schema.references import DateInfo
from schema.timeline import TimelineFilter, TimelineItem

# An item spanning more than this is background (Russia's bases 2000–2020): not where a view opens.
BACKGROUND_SPAN = timedelta(days=366)
# Slide ids end up in URL fragments (#event-<id>): keep them to safe characters.
UNSAFE_IN_ID = re.compile(r"[^A-Za-z0-9_.-]")


class TJSDate(BaseModel):
    year: int
    month: int
    day: int


class TJSText(BaseModel):
    headline: str = Field(description="HTML (escaped text).")
    text: str | None = Field(default=None, description="HTML: summary, quote and source credits.")


class TJSEvent(BaseModel):
    start_date: TJSDate = Field(description="The first possible day.")
    end_date: TJSDate | None = Field(default=None, description="The last possible day; only for ranges.")
    text: TJSText
    group: str
    display_date: str = Field(description="The date in words at its precision.", examples=["April 2019"])
    unique_id: str


class TJSTitle(BaseModel):
    text: TJSText


class TJSOptions(BaseModel):
    """TimelineJS takes options from its third argument, not from the document, and ignores this key
    there: `new TL.Timeline(element, document, document.options)`."""

    start_at_slide: int = Field(
        description="Slide to open on (the title is slide 0): the first item starting in the window "
        "(or the first one) that spans at most a year, so a decades-long background item does not "
        "set the view."
    )


class TimelineJSDocument(BaseModel):
    """A TimelineJS3 JSON document; `options` is for the Timeline constructor."""

    model_config = ConfigDict(json_schema_extra={"description": "Null fields are omitted in answers."})

    title: TJSTitle
    events: list[TJSEvent]
    scale: str = "human"
    options: TJSOptions


def _day(day: date) -> TJSDate:
    return TJSDate(year=day.year, month=day.month, day=day.day)


def _text(item: TimelineItem) -> str:
    parts = [f"<p>{escape(item.summary)}</p>"] if item.summary else []
    if item.quote and item.quote != item.summary:
        parts.append(f"<blockquote>{escape(item.quote)}</blockquote>")
    parts += [f"<p>{verdict_text(verdict)}</p>" for verdict in item.verdicts]
    if item.sources:
        parts.append(f'<p class="tl-credit">{sources_html(item.sources)}</p>')
    return "".join(parts)


def start_slide(dates: list[DateInfo], window_start: date | None) -> int:
    """The slide a view should open on (the title is slide 0): the first item that starts in the
    window and is not background, else the first that is not background, else the first."""
    foreground = [index for index, when in enumerate(dates) if when.end - when.start <= BACKGROUND_SPAN]
    in_window = [index for index in foreground if window_start is None or dates[index].start >= window_start]
    return (in_window or foreground or [0])[0] + 1 if dates else 0


def _event(item: TimelineItem, when: DateInfo) -> TJSEvent:
    return TJSEvent(
        start_date=_day(when.start),
        end_date=_day(when.end) if when.end != when.start else None,
        text=TJSText(headline=item_headline(item), text=_text(item)),
        group=GROUP_NAMES[item.kind],
        display_date=when.in_words,
        unique_id=UNSAFE_IN_ID.sub("-", item.id),
    )


def _title(items: int, filters: TimelineFilter, about: str | None, more: bool) -> TJSTitle:
    """"Russia: events and statements, February 2020", and how many there are."""
    subject = " and ".join(GROUP_NAMES[kind].lower() for kind in filters.kinds)
    headline = f"{about}: {subject}" if about else subject.capitalize()
    window = window_in_words(filters.window_start, filters.window_end)
    if window:
        headline += f", {window}"
    description = f"{items} {subject} from conflictkg, in date order; a month or a year is drawn as a span."
    if more:
        description += " More follow: pass the X-Next-Cursor header as `cursor`."
    return TJSTitle(text=TJSText(headline=escape(headline), text=f"<p>{escape(description)}</p>"))


def to_timelinejs(
    items: list[TimelineItem], *, filters: TimelineFilter, about: str | None = None, more: bool = False
) -> TimelineJSDocument:
    """One slide per dated item, in timeline order (TimelineJS keeps it: it sorts by start, stably),
    after a title slide naming `about` (an actor), the kinds and the window."""
    dated = [(item, item.date) for item in items if item.date is not None]
    return TimelineJSDocument(
        title=_title(len(dated), filters, about, more),
        events=[_event(item, when) for item, when in dated],
        options=TJSOptions(start_at_slide=start_slide([when for _, when in dated], filters.window_start)),
    )
