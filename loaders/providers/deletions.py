"""ACLED deletion lists (the API's `deleted` endpoint as JSON, a bare JSON list, or CSV) → deletion records.

JSON: `{"status": 200, "success": true, "count": N, "data": [{"event_id_cnty": "SYR12345",
"deleted_timestamp": "1658707200"}, …]}` or the bare list; CSV: a header with `event_id_cnty` and
`deleted_timestamp` (more columns are ignored). `deleted_timestamp` is Unix seconds, as ACLED's
`timestamp`. A JSON item's "line" is its position in the list (1-based): the API sends one line.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from loaders.providers.limits import MAX_KEY_BYTES, excerpt, utf8_size
from loaders.providers.lines import checked_text
from loaders.providers.tabular import Header, Row, RowError, cell_int, iter_rows, read_header
from loaders.providers.text import WrongFormatError, is_json_file
from schema.providers import Rejected

COLUMNS = ("event_id_cnty", "deleted_timestamp")
EXPECTED = "an ACLED deletion list (JSON from the API's deleted endpoint, or CSV with a header)"


@dataclass(frozen=True, slots=True)
class DeletionRecord:
    """One listed deletion: the ACLED row id and when ACLED deleted it."""

    line: int
    provider_id: str
    deleted_timestamp: int

    @property
    def id(self) -> str:
        return f"acled:{self.provider_id}"


def _record(line: int, row: Row) -> DeletionRecord:
    provider_id = row.get("event_id_cnty")
    if not provider_id:
        raise RowError("event_id_cnty", "empty row id")
    if utf8_size(provider_id) > MAX_KEY_BYTES:
        raise RowError("event_id_cnty", f"longer than {MAX_KEY_BYTES:,} bytes", provider_id)
    text = row.get("deleted_timestamp")
    timestamp = cell_int(text, "deleted_timestamp")
    if timestamp is None:
        raise RowError("deleted_timestamp", "empty: when ACLED deleted the row is needed")
    if timestamp < 0:
        raise RowError("deleted_timestamp", "not a Unix time (seconds since 1970)", text)
    return DeletionRecord(line, provider_id, timestamp)


def _cell(value: object) -> str | None:
    """The JSON value as cell text ("" for null); None for a list, an object or a boolean."""
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    return str(value)


def _json_rows(path: Path) -> Iterator[tuple[int, list[str]] | Rejected]:
    """(item number, [id, timestamp]) per list item; WrongFormatError for another JSON shape."""
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise WrongFormatError(f"{path} is not {EXPECTED}: {error}") from None
    if isinstance(data, dict) and data.get("success") is False:
        raise WrongFormatError(f"{path} is an ACLED API error answer: {excerpt(str(data))}")
    items = data.get("data") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise WrongFormatError(
            f"{path} is not {EXPECTED}: expected a list of deletions under 'data'"
        )
    for number, item in enumerate(items, 1):
        if not isinstance(item, dict):
            yield Rejected(number, "(row)", "not an object", excerpt(json.dumps(item)))
            continue
        lowered = {str(key).lower(): value for key, value in item.items()}
        cells = [_cell(lowered.get(name)) for name in COLUMNS]
        wrong = [name for name, cell in zip(COLUMNS, cells, strict=True) if cell is None]
        if wrong:
            value = excerpt(json.dumps(lowered[wrong[0]]))
            yield Rejected(number, wrong[0], "not a text or a number", value)
            continue
        yield checked_text(number, [cell or "" for cell in cells], COLUMNS)


def read_acled_deletions(
    path: Path, encoding: str = "utf-8"
) -> Iterator[DeletionRecord | Rejected]:
    """One deletion record per listed row, or a Rejected naming its line, column and reason."""
    if is_json_file(path, encoding):
        header: Header = Header(COLUMNS)
        rows: Iterator[tuple[int, list[str]] | Rejected] = _json_rows(path)
    else:
        header = read_header(path, COLUMNS, EXPECTED, encoding)
        rows = iter_rows(path, names=header.names, encoding=encoding)
    for row in rows:
        if isinstance(row, Rejected):
            yield row
            continue
        line, cells = row
        try:
            yield _record(line, Row(header, cells))
        except RowError as error:
            yield Rejected(line, error.column, error.reason, excerpt(error.value))
