"""Dates that keep their precision: a day, a week, a month, a year, or a range of them.

"April 2019" is the whole month (2019-04-01..2019-04-30, precision month), never its first day.
Text forms: ISO `2020`, `2020-02`, `2020-02-17`, ranges `2020-02-17/2020-02-18`, and written dates
that python-dateutil reads (`April 2019`, `17 Feb 2020`). Relative phrases ("last April") are not
parsed: a dataset author resolves them against the source's publication date and records that.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from dateutil import parser as dateutil_parser
from pydantic import BaseModel, ConfigDict, model_validator

ISO_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# Two far-apart defaults reveal which parts dateutil filled in itself (i.e. were not in the text).
_DEFAULT_A = datetime(1904, 1, 1)
_DEFAULT_B = datetime(1908, 2, 2)


class DatePrecision(StrEnum):
    """How much of a date is known; ordered from finest to coarsest."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"

    @property
    def rank(self) -> int:
        return list(DatePrecision).index(self)


# Span classes: how long an item lasts, as its last possible day minus its first (date_end −
# date_start, in days). A window query reads class c only from window_start − SPAN_CLASS_MAX_DAYS[c]
# (graph/queries/windows.py), so each bound is the longest natural unit of its class: a day (0), a
# week (≤ 6: an ACLED week, a 2–7-day UCDP event), a month (≤ 30), a year (≤ 365, leap years too).
# Longer ranges ("2018–2020", multi-year UCDP episodes) are the last, unbounded class, read from the
# first day: few items carry them.
SPAN_CLASS_MAX_DAYS = (0, 6, 30, 365)
UNBOUNDED_SPAN_CLASS = len(SPAN_CLASS_MAX_DAYS)
SPAN_CLASS_PROPERTY = "date_span_class"  # on Event and Statement; derived, so never exported


def span_class(start: date, end: date) -> int:
    """The class of an item dated start..end: 0 for one day, UNBOUNDED_SPAN_CLASS beyond a year."""
    days = (end - start).days
    bounded = (c for c, most in enumerate(SPAN_CLASS_MAX_DAYS) if days <= most)
    return next(bounded, UNBOUNDED_SPAN_CLASS)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _parse_single(text: str) -> tuple[date, date, DatePrecision]:
    """First day, last day and precision of one date expression; ValueError if it is not a date."""
    match = ISO_PATTERN.match(text)
    if match:
        year, month, day = (int(part) if part else None for part in match.groups())
        assert year is not None
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"impossible date {text!r}: month must be 1..12")
        if month is None:
            return date(year, 1, 1), date(year, 12, 31), DatePrecision.YEAR
        if day is None:
            return date(year, month, 1), _month_end(year, month), DatePrecision.MONTH
        try:
            exact = date(year, month, day)
        except ValueError as error:
            raise ValueError(f"impossible date {text!r}: {error}") from None
        return exact, exact, DatePrecision.DAY
    try:
        first = dateutil_parser.parse(text, default=_DEFAULT_A)
        second = dateutil_parser.parse(text, default=_DEFAULT_B)
    except (ValueError, OverflowError) as error:
        raise ValueError(f"not a date: {text!r} ({error})") from None
    if first.year != second.year:
        raise ValueError(f"not a date: {text!r} has no year")
    if first.month != second.month:
        return date(first.year, 1, 1), date(first.year, 12, 31), DatePrecision.YEAR
    if first.day != second.day:
        return date(first.year, first.month, 1), _month_end(first.year, first.month), DatePrecision.MONTH
    return first.date(), first.date(), DatePrecision.DAY


class FuzzyDate(BaseModel):
    """A date or range with its precision; `start`/`end` are the first and last possible days."""

    model_config = ConfigDict(frozen=True)

    text: str
    start: date
    end: date
    precision: DatePrecision

    @classmethod
    def parse(cls, text: str) -> FuzzyDate:
        """Parse `2019-04`, `2020-02-17/2020-02-18`, `April 2019`…; ValueError says what is wrong."""
        text = text.strip()
        if not text:
            raise ValueError("empty date")
        if "/" in text:
            left, right = (part.strip() for part in text.split("/", 1))
            start, _, start_precision = _parse_single(left)
            _, end, end_precision = _parse_single(right)
            precision = max(start_precision, end_precision, key=lambda p: p.rank)
        else:
            start, end, precision = _parse_single(text)
        if end < start:
            raise ValueError(f"range ends before it starts: {text!r}")
        return cls(text=text, start=start, end=end, precision=precision)

    @classmethod
    def from_bounds(cls, start: date, end: date, precision: DatePrecision) -> FuzzyDate:
        """A date from known first/last days, e.g. an ACLED week or a UCDP date_start/date_end pair."""
        if end < start:
            raise ValueError(f"range ends before it starts: {start}/{end}")
        text = start.isoformat() if start == end else f"{start.isoformat()}/{end.isoformat()}"
        return cls(text=text, start=start, end=end, precision=precision)

    @model_validator(mode="before")
    @classmethod
    def _coerce(cls, value: Any) -> Any:
        # YAML turns 2020-02-17 into a date and 2018 into an int; accept those and plain strings.
        if isinstance(value, datetime):
            value = value.date()
        if isinstance(value, date):
            return {"text": value.isoformat(), "start": value, "end": value, "precision": "day"}
        if isinstance(value, int):
            value = str(value)
        if isinstance(value, str):
            return cls.parse(value).model_dump()
        return value

    @model_validator(mode="after")
    def _ordered(self) -> FuzzyDate:
        if self.end < self.start:
            raise ValueError(f"range ends before it starts: {self.start}/{self.end}")
        return self

    @property
    def is_range(self) -> bool:
        """True when more than one day is possible (a month, a year, or a multi-day span)."""
        return self.start != self.end

    @property
    def span_class(self) -> int:
        """This date's span class (see SPAN_CLASS_MAX_DAYS)."""
        return span_class(self.start, self.end)

    def to_properties(self, prefix: str = "date") -> dict[str, Any]:
        """Graph properties: `<prefix>` (text), `<prefix>_start`, `<prefix>_end`, `<prefix>_precision`."""
        return {
            prefix: self.text,
            f"{prefix}_start": self.start,
            f"{prefix}_end": self.end,
            f"{prefix}_precision": self.precision.value,
        }

    def item_properties(self) -> dict[str, Any]:
        """An Event's or Statement's date properties: to_properties() and the span class."""
        return {**self.to_properties("date"), SPAN_CLASS_PROPERTY: self.span_class}

    @classmethod
    def from_properties(cls, properties: dict[str, Any], prefix: str = "date") -> FuzzyDate | None:
        """The inverse of to_properties (driver dates converted); None when the node has no date."""
        if properties.get(prefix) is None:
            return None
        start, end = (_native(properties[f"{prefix}_{edge}"]) for edge in ("start", "end"))
        return cls(
            text=properties[prefix],
            start=start,
            end=end,
            precision=DatePrecision(properties[f"{prefix}_precision"]),
        )


def _native(value: Any) -> date:
    """neo4j.time.Date → datetime.date, without importing the driver here (duck-typed)."""
    to_native = getattr(value, "to_native", None)
    return to_native() if callable(to_native) else value
