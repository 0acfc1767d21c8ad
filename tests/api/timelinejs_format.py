"""A strict model of TimelineJS3's JSON format (timeline.knightlab.com/docs/json-format.html).

Checked against TimelineJS3's TimelineConfig: it reads only `title`, `events`, `eras` and `scale`
(so our `options` key, meant for the constructor's third argument, is ignored there), and it drops
an `end_date` whose fields equal those of the `start_date` (compared over the start's fields only).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

SAFE_ID = r"^[A-Za-z0-9_.\-]+$"  # unique_id ends up in URL fragments (#event-<id>)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class TJSDate(_Strict):
    year: int
    month: int | None = Field(default=None, ge=1, le=12)
    day: int | None = Field(default=None, ge=1, le=31)
    hour: int | None = Field(default=None, ge=0, le=23)
    minute: int | None = Field(default=None, ge=0, le=59)
    second: int | None = Field(default=None, ge=0, le=59)
    millisecond: int | None = Field(default=None, ge=0, le=999)
    display_date: str | None = None
    format: str | None = None

    @model_validator(mode="after")
    def _finer_needs_coarser(self) -> TJSDate:
        assert self.day is None or self.month is not None, "a day needs a month"
        return self


class TJSText(_Strict):
    headline: str = Field(min_length=1)
    text: str | None = None


class TJSMedia(_Strict):
    url: str
    caption: str | None = None
    credit: str | None = None
    thumbnail: str | None = None
    alt: str | None = None
    title: str | None = None
    link: str | None = None
    link_target: str | None = None


class TJSBackground(_Strict):
    url: str | None = None
    color: str | None = None


class TJSSlide(_Strict):
    start_date: TJSDate | None = None
    end_date: TJSDate | None = None
    text: TJSText | None = None
    media: TJSMedia | None = None
    group: str | None = None
    display_date: str | None = None
    background: TJSBackground | None = None
    autolink: bool | None = None
    unique_id: str | None = Field(default=None, pattern=SAFE_ID)


class TJSEvent(TJSSlide):
    start_date: TJSDate

    @model_validator(mode="after")
    def _end_survives(self) -> TJSEvent:
        if self.end_date is not None:
            start = self.start_date.model_dump(exclude_none=True)
            end = self.end_date.model_dump(exclude_none=True)
            assert any(start[key] != end.get(key) for key in start), "TimelineJS would drop this end_date"
        return self


class TJSEra(_Strict):
    start_date: TJSDate
    end_date: TJSDate
    text: TJSText | None = None


class TJSOptions(_Strict):
    """conflictkg's extension: options for `new TL.Timeline(element, document, document.options)`."""

    start_at_slide: int = Field(ge=0)


class TJSDocument(_Strict):
    title: TJSSlide | None = None
    events: list[TJSEvent] = Field(min_length=1)
    eras: list[TJSEra] | None = None
    scale: Literal["human", "cosmological"] | None = None
    options: TJSOptions | None = None

    @model_validator(mode="after")
    def _start_slide_exists(self) -> TJSDocument:
        if self.options is not None:
            slides = len(self.events) + (self.title is not None)
            assert self.options.start_at_slide < slides, "start_at_slide beyond the last slide"
        ids = [event.unique_id for event in self.events if event.unique_id]
        assert len(ids) == len(set(ids)), "unique_id repeated"
        return self
