"""Dates in words by precision: "April 2019", "2019", "17–18 February 2020", "2000 – February 2020".

For display only (TimelineJS `display_date`, tooltips); the API's data keeps ISO text and bounds.
Each end of a range keeps its own precision (`2000/2020-02` is "2000 – February 2020"), a range of
whole months or years given as days reads as those months or years, and a week reads as
"week of 4–10 May 2020".
"""

from __future__ import annotations

import calendar
from datetime import date

from schema.dates import DatePrecision, FuzzyDate

# English names whatever the process locale (calendar.month_name follows it).
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)


def _first_of(day: date, precision: DatePrecision) -> bool:
    if precision == DatePrecision.YEAR:
        return (day.month, day.day) == (1, 1)
    return day.day == 1


def _last_of(day: date, precision: DatePrecision) -> bool:
    if precision == DatePrecision.YEAR:
        return (day.month, day.day) == (12, 31)
    return day.day == calendar.monthrange(day.year, day.month)[1]


def _coarsened(precision: DatePrecision, overall: DatePrecision, aligned: bool) -> DatePrecision:
    """An end read as a day becomes the range's month or year when it falls on that unit's edge."""
    if precision == DatePrecision.DAY and overall in (DatePrecision.MONTH, DatePrecision.YEAR) and aligned:
        return overall
    return precision


def _one(day: date, precision: DatePrecision) -> str:
    if precision == DatePrecision.YEAR:
        return str(day.year)
    if precision == DatePrecision.MONTH:
        return f"{MONTHS[day.month - 1]} {day.year}"
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _span(start: date, start_precision: DatePrecision, end: date, end_precision: DatePrecision) -> str:
    """Two ends in words, sharing the month and year they have in common ("17–18 February 2020")."""
    if start_precision == end_precision == DatePrecision.YEAR:
        return str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
    if start_precision == end_precision == DatePrecision.MONTH:
        if (start.year, start.month) == (end.year, end.month):
            return _one(start, DatePrecision.MONTH)
        if start.year == end.year:
            return f"{MONTHS[start.month - 1]}–{MONTHS[end.month - 1]} {end.year}"
    if start_precision == end_precision == DatePrecision.DAY:
        if start == end:
            return _one(start, DatePrecision.DAY)
        if (start.year, start.month) == (end.year, end.month):
            return f"{start.day}–{end.day} {MONTHS[end.month - 1]} {end.year}"
        if start.year == end.year:
            return f"{start.day} {MONTHS[start.month - 1]} – {_one(end, DatePrecision.DAY)}"
    return f"{_one(start, start_precision)} – {_one(end, end_precision)}"


def _end_precisions(text: str, precision: DatePrecision) -> tuple[DatePrecision, DatePrecision]:
    try:
        if "/" in text:
            left, right = (FuzzyDate.parse(side) for side in text.split("/", 1))
            return left.precision, right.precision
        single = FuzzyDate.parse(text).precision
        return single, single
    except ValueError:  # text not written by FuzzyDate (a graph imported from elsewhere)
        return precision, precision


def date_in_words(text: str, start: date, end: date, precision: DatePrecision) -> str:
    """The date as a person writes it, at the precision it is known to."""
    start_precision, end_precision = _end_precisions(text, precision)
    if precision == DatePrecision.WEEK:
        return "week of " + _span(start, DatePrecision.DAY, end, DatePrecision.DAY)
    start_precision = _coarsened(start_precision, precision, _first_of(start, precision))
    end_precision = _coarsened(end_precision, precision, _last_of(end, precision))
    return _span(start, start_precision, end, end_precision)


def _precision_of_window(start: date, end: date) -> DatePrecision:
    """The coarsest unit whose edges the window falls on (a query window has no precision of its own)."""
    for precision in (DatePrecision.YEAR, DatePrecision.MONTH):
        if _first_of(start, precision) and _last_of(end, precision):
            return precision
    return DatePrecision.DAY


def window_in_words(start: date | None, end: date | None) -> str | None:
    """"February 2020", "from February 2020", "until 2019" for a query window; None when open."""
    if start and end:
        return date_in_words(f"{start}/{end}", start, end, _precision_of_window(start, end))
    if start:
        return "from " + _one(start, _precision_of_window(start, date(start.year, 12, 31)))
    if end:
        return "until " + _one(end, _precision_of_window(date(end.year, 1, 1), end))
    return None
