"""Streaming access to provider files: header checks, rows by column name, forgiving dates and numbers."""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path

from dateutil import parser as dateutil_parser  # type: ignore[import-untyped]
from pydantic import ValidationError

from loaders.providers.limits import INT64_MAX, INT64_MIN, MAX_CELL_CHARS, excerpt
from loaders.providers.lines import CellRow, RowReader
from loaders.providers.text import WrongFormatError, check_encoding, describe_start, open_text
from schema.providers import Rejected

# Seen in the wild: ISO from APIs, the old ACLED codebook's dd-mm-yyyy, "09 May 2020" exports,
# spreadsheet re-saves ("9-May-20", "09/05/2020"), UCDP API timestamps ("2010-05-13T00:00:00").
DATE_FORMATS = (
    "%Y-%m-%d",
    "%d %B %Y",
    "%d %b %Y",
    "%d-%b-%y",
    "%d-%b-%Y",
    "%d-%m-%Y",
    "%d/%m/%Y",
    "%Y%m%d",
)
_TIMESTAMP = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z?$")
# Far-apart defaults show whether dateutil had to invent a part of the date.
_DEFAULTS = (datetime(1904, 1, 1), datetime(1908, 2, 2))
OUT_OF_RANGE = "out of range: Neo4j stores integers of 64 bits"
# Coordinates are the geography layer's to judge: a bad point costs the event its point, not its row.
COORDINATE_COLUMNS = frozenset(
    {"latitude", "longitude", "ActionGeo_Lat", "ActionGeo_Long"}
    | {f"Actor{n}Geo_{axis}" for n in (1, 2) for axis in ("Lat", "Long")}
)


class RowError(ValueError):
    """One cell could not be read; becomes a Rejected row naming the column."""

    def __init__(self, column: str, reason: str, value: str = "") -> None:
        super().__init__(reason)
        self.column, self.reason, self.value = column, reason, value


@lru_cache(maxsize=8192)
def parse_day(text: str) -> date:
    """A calendar day from any of DATE_FORMATS, else python-dateutil (day first); ValueError if none."""
    text = text.strip()
    match = _TIMESTAMP.match(text)
    if match:
        text = match.group(1)
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    try:
        first: datetime
        second: datetime
        first, second = (dateutil_parser.parse(text, dayfirst=True, default=d) for d in _DEFAULTS)
    except (ValueError, OverflowError):
        raise ValueError(f"not a date: {text!r}") from None
    if first != second:
        raise ValueError(f"not a full date (day, month and year): {text!r}")
    return first.date()


def cell_int(value: str, column: str) -> int | None:
    """A 64-bit integer cell ("3", "3.0", "1e3", ""), None when empty; RowError otherwise."""
    value = value.strip()
    if not value:
        return None
    try:
        number = int(value)
    except ValueError:
        number = _whole(value, column)
    if not INT64_MIN <= number <= INT64_MAX:
        raise RowError(column, OUT_OF_RANGE, value)
    return number


def _whole(value: str, column: str) -> int:
    try:  # Decimal, not float: exact at any size, so 1e30 is out of range rather than rounded
        number = Decimal(value)
    except InvalidOperation:
        raise RowError(column, "not a number", value) from None
    if not number.is_finite():
        raise RowError(column, "not a finite number", value)
    if number != number.to_integral_value():
        raise RowError(column, "not a whole number", value)
    if not INT64_MIN <= number <= INT64_MAX:  # before int(): 1e999999999 has a billion digits
        raise RowError(column, OUT_OF_RANGE, value)
    return int(number)


def cell_float(value: str, column: str) -> float | None:
    """A float cell, None when empty; RowError for text, and for NaN/Infinity except in coordinates."""
    value = value.strip()
    if not value:
        return None
    try:
        number = float(value)
    except ValueError:
        raise RowError(column, "not a number", value) from None
    if not math.isfinite(number) and column not in COORDINATE_COLUMNS:
        raise RowError(column, "not a finite number (NaN and Infinity are not data)", value)
    return number


def cell_day(value: str, column: str) -> date:
    if not value.strip():
        raise RowError(column, "empty date", value)
    try:
        return parse_day(value)
    except ValueError as error:
        raise RowError(column, str(error), value) from None


def slug(text: str) -> str:
    """`Hayat Tahrir al-Sham` → `hayat-tahrir-al-sham` (ids of source-qualified actors)."""
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-") or "unnamed"


class Header:
    """Column positions by lower-case name (BOM and spaces stripped)."""

    def __init__(self, names: Sequence[str]) -> None:
        self.names = tuple(names)
        self._positions = {name: i for i, name in reversed(list(enumerate(self.names)))}
        # index()'s answers by the candidates tuple Row.get passes: every row asks the same few
        # dozen questions, and one dict lookup makes reading a cell 2.3x faster.
        self.answers: dict[tuple[str, ...], int | None] = {}

    @classmethod
    def parse(cls, cells: Sequence[str]) -> Header:
        return cls([c.replace("\ufeff", "").strip().lower() for c in cells])

    def index(self, *candidates: str) -> int | None:
        """Position of the first candidate name present (renamed columns: best / best_est)."""
        for name in candidates:
            position = self._positions.get(name)
            if position is not None:
                return position
        return None


class Row:
    """One record's cells, read by column name; a missing optional column reads as ""."""

    __slots__ = ("cells", "header")

    def __init__(self, header: Header, cells: list[str]) -> None:
        self.header, self.cells = header, cells

    def get(self, *names: str) -> str:
        index = self.header.answers.get(names, -1)
        if index == -1:  # the first row asking
            index = self.header.answers[names] = self.header.index(*names)
        return self.cells[index].strip() if index is not None and index < len(self.cells) else ""


def to_rejected(line: int, error: RowError | ValidationError) -> Rejected:
    """The Rejected row for a cell error or a record that failed validation (long texts cut)."""
    if isinstance(error, RowError):  # a date's reason quotes its cell: cut too
        return Rejected(line, error.column, excerpt(error.reason, 1000), excerpt(error.value))
    first = error.errors()[0]
    column = ".".join(str(part) for part in first["loc"]) or "(row)"
    return Rejected(line, column, excerpt(first["msg"].removeprefix("Value error, "), 1000))


def read_header(
    path: Path, required: Sequence[str], expected: str, encoding: str = "utf-8"
) -> Header:
    """The file's header row; WrongFormatError naming the expected header when a column is missing."""
    with open_text(path, encoding, errors="replace") as stream:
        raw = stream.readline(MAX_CELL_CHARS)
    first = next(csv.reader([raw]), []) if raw.strip() and "\x00" not in raw else []
    header = Header.parse(first)
    missing = [name for name in required if not any(alt in header.names for alt in name.split("|"))]
    if missing:
        raise WrongFormatError(
            f"{path} is not {expected}: missing column(s) {', '.join(missing)} "
            f"(expected a header with {', '.join(n.split('|')[0] for n in required)}); "
            f"found {_describe(path, raw, first, encoding)}"
        )
    return header


def _describe(path: Path, raw: str, first: Sequence[str], encoding: str) -> str:
    if raw.count("\t") >= 50:
        return f"{raw.count(chr(9)) + 1} tab-separated columns and no header (a GDELT events file?)"
    if len(first) < 2:
        return describe_start(path, encoding)
    return (
        f"a header of {len(first)} columns: {', '.join(first[:8])}{'…' if len(first) > 8 else ''}"
    )


def iter_rows(
    path: Path,
    delimiter: str = ",",
    skip_header: bool = True,
    *,
    names: Sequence[str] = (),
    fields: int | None = None,
    encoding: str = "utf-8",
    width: str | None = None,
) -> Iterator[CellRow | Rejected]:
    """(first line, cells) per row, streaming, or a Rejected row: wrong width, broken quote, NUL, cap.

    The whole file is checked against the encoding first: an undecodable byte refuses the file
    (EncodingError) before any row is read. `fields` (default: the number of `names`) is the width
    every row must have; `names` name the columns in rejects; `width` words it ("fields").
    """
    check_encoding(path, encoding)
    csv.field_size_limit(MAX_CELL_CHARS)
    with open_text(path, encoding) as stream:
        reader = RowReader(stream, delimiter=delimiter, names=names, fields=fields, width=width)
        reader.skip(1 if skip_header else 0)
        yield from reader
