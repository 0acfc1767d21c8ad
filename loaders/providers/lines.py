"""CSV rows from numbered physical lines: a broken row is a Rejected naming its line; the rest are read.

Given the file, csv.reader turns one unterminated quote into a single "row" that swallows every
line up to the next quote (or up to the cell limit, which aborts with no line number). Here it
pulls one line at a time from `PhysicalLines`, which remembers the lines of the row being read.
A row that spans several lines and then breaks (a quote not followed by a delimiter, the wrong
number of fields, a cell over the cap, end of file) is an unterminated quote opened on its first
line: that line is rejected and the lines it swallowed are read again, as rows of their own.
A valid multi-line cell (a quoted note with a line break) still reads as one row.
"""

from __future__ import annotations

import csv
import sys
from collections import deque
from collections.abc import Iterator, Sequence
from typing import Literal, NamedTuple, TextIO

from loaders.providers.limits import MAX_CELL_CHARS, MAX_LINE_CHARS, excerpt
from schema.providers import Rejected

CellRow = tuple[int, list[str]]  # (line the row starts on, its cells)
TOO_BIG = "field larger than field limit"  # csv's message for a cell over field_size_limit()


class Line(NamedTuple):  # a tuple: one is made per line read
    number: int
    text: str
    too_long: bool = False  # longer than MAX_LINE_CHARS: skipped unread, raises LineTooLong


class LineTooLong(Exception):
    def __init__(self, number: int) -> None:
        super().__init__(f"line {number} is longer than {MAX_LINE_CHARS:,} characters")
        self.number = number


class PhysicalLines:
    """A text stream's lines, numbered; `taken` holds those of the current row; some can be read again."""

    def __init__(self, stream: TextIO) -> None:
        self._readline = stream.readline
        self._count = 0
        self._again: deque[Line] = deque()
        self.taken: list[Line] = []

    def __iter__(self) -> PhysicalLines:
        return self

    def __next__(self) -> str:
        if self._again:
            line = self._again.popleft()
            if line.too_long:
                raise LineTooLong(line.number)
        else:
            text = self._readline(MAX_LINE_CHARS + 1)
            if not text:
                raise StopIteration
            self._count += 1
            if len(text) > MAX_LINE_CHARS:
                self._skip_rest(text)
                raise LineTooLong(self._count)
            line = Line(self._count, text)
        self.taken.append(line)
        return line.text

    def read_again(self, lines: Sequence[Line]) -> None:
        self._again.extendleft(reversed(lines))

    def _skip_rest(self, text: str) -> None:
        while text and not text.endswith(("\n", "\r")):  # the rest of the line, unread
            text = self._readline(MAX_LINE_CHARS)


class RowReader:
    """Rows of cells, or Rejected rows with line, column and reason; `fields` checks the width."""

    def __init__(
        self,
        stream: TextIO,
        *,
        delimiter: str = ",",
        names: Sequence[str] = (),
        fields: int | None = None,
        width: str | None = None,
    ) -> None:
        self.lines = PhysicalLines(stream)
        self.delimiter = delimiter
        # GDELT's tab-separated files do not quote: a stray " is text, not the start of a field.
        self.quoting: Literal[0, 3] = csv.QUOTE_NONE if delimiter == "\t" else csv.QUOTE_MINIMAL
        self.names = names
        self.fields = fields if fields is not None else (len(names) or None)
        self.width = width or ("tab-separated fields" if delimiter == "\t" else "fields")

    def skip(self, count: int) -> None:
        for _ in range(count):
            next(self.lines, None)

    def __iter__(self) -> Iterator[CellRow | Rejected]:
        reader = csv.reader(self.lines, delimiter=self.delimiter, quoting=self.quoting, strict=True)
        while True:
            self.lines.taken.clear()
            try:
                cells = next(reader)
            except StopIteration:
                return
            except LineTooLong as error:
                if self.lines.taken:  # a quoted cell ran on into the long line: read it again too
                    self.lines.taken.append(Line(error.number, "", too_long=True))
                    yield self._unterminated(f"it runs into line {error.number}, which is too long")
                    continue
                yield Rejected(
                    error.number, "(row)", f"line longer than {MAX_LINE_CHARS:,} characters"
                )
                continue
            except csv.Error as error:
                if len(self.lines.taken) > 1:
                    yield self._unterminated(_why(error))
                    continue
                if TOO_BIG in str(error):
                    yield self._oversized_cell()
                    continue
                cells = self._lenient(self.lines.taken[0].text)  # e.g. `"a"b`: read as before
            if cells:
                yield self._checked(cells)

    def _checked(self, cells: list[str]) -> CellRow | Rejected:
        taken = self.lines.taken
        if self.fields is not None and len(cells) != self.fields:
            if len(taken) > 1:
                return self._unterminated(f"the row would have {len(cells)} {self.width}")
            return Rejected(
                taken[0].number, "(row)", f"expected {self.fields} {self.width}, found {len(cells)}"
            )
        if len(taken) > 1 and (whole := self._whole_row_inside(taken[1:])) is not None:
            # The width matched by chance: the cell closed on a stray quote in a later row.
            return self._unterminated(f"it swallows line {whole}, a complete row of its own")
        text = taken[0].text if len(taken) == 1 else "".join(line.text for line in taken)
        if "\x00" in text:
            return checked_text(taken[0].number, cells, self.names)
        return taken[0].number, cells

    def _whole_row_inside(self, lines: list[Line]) -> int | None:
        """The first of these continuation lines that reads as a full-width row on its own."""
        return next(
            (line.number for line in lines if len(self._lenient(line.text)) == self.fields), None
        )

    def _unterminated(self, why: str) -> Rejected:
        """Reject the row's first line and hand the lines it swallowed back to be read again."""
        first, *swallowed = self.lines.taken
        self.lines.read_again(swallowed)
        cells = self._lenient(first.text)
        span = (
            f"lines {swallowed[0].number}–{swallowed[-1].number} read again as rows of their own"
            if len(swallowed) > 1
            else f"line {swallowed[0].number} read again as a row of its own"
        )
        return Rejected(
            first.number,
            self._column(len(cells) - 1),
            f"unterminated quote: the quoted cell opened on this line never closes ({why}); {span}",
            excerpt(cells[-1].rstrip("\r\n") if cells else ""),
        )

    def _oversized_cell(self) -> Rejected:
        (line,) = self.lines.taken
        limit = csv.field_size_limit(sys.maxsize)  # this line only: it is at most MAX_LINE_CHARS
        try:
            cells = self._lenient(line.text)
        finally:
            csv.field_size_limit(limit)
        index = next((i for i, cell in enumerate(cells) if len(cell) > MAX_CELL_CHARS), 0)
        size = len(cells[index]) if cells else 0
        return Rejected(
            line.number,
            self._column(index),
            f"cell of {size:,} characters, over the cap of {MAX_CELL_CHARS:,}",
            excerpt(cells[index]) if cells else "",
        )

    def _lenient(self, text: str) -> list[str]:
        return next(csv.reader([text], delimiter=self.delimiter, quoting=self.quoting), [])

    def _column(self, index: int) -> str:
        return _column(self.names, index)


def checked_text(line: int, cells: list[str], names: Sequence[str]) -> CellRow | Rejected:
    """The row, or a Rejected naming its first cell that is not storable text (NUL, lone surrogate)."""
    for index, cell in enumerate(cells):
        problem = _not_text(cell)
        if problem is not None:
            value = cell.encode("utf-8", "backslashreplace").decode().replace("\x00", "\\x00")
            return Rejected(line, _column(names, index), problem, excerpt(value))
    return line, cells


def _not_text(cell: str) -> str | None:
    if "\x00" in cell:
        return "NUL byte in the cell (binary data in a text file)"
    if not cell.isascii():
        try:
            cell.encode("utf-8")
        except UnicodeEncodeError:  # only JSON can hold one ("\ud800"): UTF-8 files decode strictly
            return "a lone surrogate in the cell (an escape such as \\ud800 that is not text)"
    return None


def _column(names: Sequence[str], index: int) -> str:
    return names[index] if 0 <= index < len(names) else f"(field {index + 1})"


def _why(error: csv.Error) -> str:
    text = str(error)
    if TOO_BIG in text:
        return f"it grows past the {MAX_CELL_CHARS:,}-character cap"
    if "unexpected end of data" in text:
        return "the file ends inside it"
    return "a later quote in it is not followed by a delimiter"
