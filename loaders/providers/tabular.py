"""Streaming access to provider files: header checks, rows by column name, forgiving dates and numbers."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

from dateutil import parser as dateutil_parser  # type: ignore[import-untyped]
from pydantic import ValidationError

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


class WrongFormatError(Exception):
    """The file is not in the format asked for (or detected); nothing was read from it."""


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
    """An integer cell ("3", "3.0", ""), None when empty; RowError otherwise."""
    value = value.strip()
    if not value:
        return None
    try:
        number = float(value)
    except ValueError:
        raise RowError(column, "not a number", value) from None
    if not number.is_integer():
        raise RowError(column, "not a whole number", value)
    return int(number)


def cell_float(value: str, column: str) -> float | None:
    value = value.strip()
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        raise RowError(column, "not a number", value) from None


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
        index = self.header.index(*names)
        return self.cells[index].strip() if index is not None and index < len(self.cells) else ""


def to_rejected(line: int, error: RowError | ValidationError) -> Rejected:
    """The Rejected row for a cell error or a record that failed validation."""
    if isinstance(error, RowError):
        return Rejected(line, error.column, error.reason, error.value)
    first = error.errors()[0]
    column = ".".join(str(part) for part in first["loc"]) or "(row)"
    return Rejected(line, column, first["msg"].removeprefix("Value error, "))


def read_header(path: Path, required: Sequence[str], expected: str) -> Header:
    """The file's header row; WrongFormatError naming the expected header when a column is missing."""
    with path.open(newline="", encoding="utf-8-sig", errors="replace") as stream:
        raw = stream.readline()
    first = next(csv.reader([raw]), []) if raw.strip() else []
    header = Header.parse(first)
    missing = [name for name in required if not any(alt in header.names for alt in name.split("|"))]
    if missing:
        found = "an empty file" if not first else _describe(raw, first)
        raise WrongFormatError(
            f"{path} is not {expected}: missing column(s) {', '.join(missing)} "
            f"(expected a header with {', '.join(n.split('|')[0] for n in required)}); found {found}"
        )
    return header


def _describe(raw: str, first: Sequence[str]) -> str:
    if raw.count("\t") >= 50:
        return f"{raw.count(chr(9)) + 1} tab-separated columns and no header (a GDELT events file?)"
    return f"header {', '.join(first[:6])}{'…' if len(first) > 6 else ''}"


def iter_rows(
    path: Path, delimiter: str = ",", skip_header: bool = True
) -> Iterator[tuple[int, list[str]]]:
    """(first line number, cells) per record, streaming; multi-line quoted cells keep their start line."""
    with path.open(newline="", encoding="utf-8-sig", errors="replace") as stream:
        # GDELT's tab-separated files do not quote: a stray " is text, not the start of a field.
        if delimiter == "\t":
            reader = csv.reader(stream, delimiter=delimiter, quoting=csv.QUOTE_NONE)
        else:
            reader = csv.reader(stream, delimiter=delimiter)
        if skip_header:
            next(reader, None)
        start = reader.line_num + 1
        for cells in reader:
            if cells:
                yield start, cells
            start = reader.line_num + 1
