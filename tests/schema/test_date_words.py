"""Dates in words keep their precision: "April 2019", never "2019-04-01"."""

from __future__ import annotations

from datetime import date

import pytest

from schema.date_words import date_in_words, window_in_words
from schema.dates import DatePrecision, FuzzyDate


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("2019", "2019"),
        ("2019-04", "April 2019"),
        ("2020-02-19", "19 February 2020"),
        ("2020-02-17/2020-02-18", "17–18 February 2020"),
        ("2020-02-28/2020-03-02", "28 February – 2 March 2020"),
        ("2019-12-30/2020-01-02", "30 December 2019 – 2 January 2020"),
        ("2019-04/2019-06", "April–June 2019"),
        ("2019-04/2020-02", "April 2019 – February 2020"),
        ("2018/2020", "2018–2020"),
        ("2000/2020-02", "2000 – February 2020"),  # each end at its own precision
        ("2019-05-15/2020-02-15", "15 May 2019 – 15 February 2020"),
        ("April 2019", "April 2019"),
        ("17 Feb 2020", "17 February 2020"),
    ],
)
def test_date_in_words_by_precision(text: str, words: str) -> None:
    when = FuzzyDate.parse(text)
    assert date_in_words(when.text, when.start, when.end, when.precision) == words


@pytest.mark.parametrize(
    ("start", "end", "precision", "words"),
    [
        (date(2020, 5, 4), date(2020, 5, 10), DatePrecision.WEEK, "week of 4–10 May 2020"),
        (date(2020, 4, 28), date(2020, 5, 4), DatePrecision.WEEK, "week of 28 April – 4 May 2020"),
        (date(2020, 2, 1), date(2020, 2, 29), DatePrecision.MONTH, "February 2020"),  # UCDP date_prec 4
        (date(2020, 1, 1), date(2020, 12, 31), DatePrecision.YEAR, "2020"),  # UCDP date_prec 5
        (date(2020, 2, 3), date(2020, 3, 2), DatePrecision.MONTH, "3 February – 2 March 2020"),
    ],
)
def test_date_in_words_from_provider_bounds(start: date, end: date, precision: DatePrecision, words: str) -> None:
    when = FuzzyDate.from_bounds(start, end, precision)
    assert date_in_words(when.text, when.start, when.end, when.precision) == words


def test_date_in_words_survives_text_it_cannot_parse() -> None:
    assert date_in_words("early 2020?", date(2020, 1, 1), date(2020, 12, 31), DatePrecision.YEAR) == "2020"


@pytest.mark.parametrize(
    ("start", "end", "words"),
    [
        (date(2020, 2, 1), date(2020, 2, 29), "February 2020"),
        (date(2020, 1, 1), date(2020, 12, 31), "2020"),
        (date(2020, 2, 17), date(2020, 2, 17), "17 February 2020"),
        (date(2020, 2, 1), None, "from February 2020"),
        (None, date(2019, 12, 31), "until 2019"),
        (None, None, None),
    ],
)
def test_window_in_words(start: date | None, end: date | None, words: str | None) -> None:
    assert window_in_words(start, end) == words
