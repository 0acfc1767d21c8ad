"""Shared query parameters: fuzzy date windows, `include=` lists, opaque cursors; 422 on bad input.

Custom checks raise RequestValidationError, so every 422 has FastAPI's shape:
{"detail": [{"type", "loc": ["query", <name>], "msg", "input"}]}.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Sequence
from datetime import date
from enum import StrEnum
from typing import Annotated, TypeVar

from fastapi import Query
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ValidationError

from schema.dates import ISO_PATTERN, FuzzyDate

M = TypeVar("M", bound=BaseModel)
E = TypeVar("E", bound=StrEnum)

MAX_LIMIT = 1000
DATE_HELP = (
    "ISO date of any precision: 2020, 2020-02 or 2020-02-17. `start` opens the window at the first "
    "day it may mean, `end` closes it at the last (end=2020-02 is through 2020-02-29); an item "
    "matches when its own date range overlaps the window."
)
StartParam = Annotated[str | None, Query(description=DATE_HELP, examples=["2020-02"])]
EndParam = Annotated[str | None, Query(description=DATE_HELP, examples=["2020-02"])]
LimitParam = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Page size (max 1000).")]
# Far above any cursor this API writes (~150 characters), far below what could strain the decoder.
MAX_CURSOR_CHARS = 1024
CursorParam = Annotated[
    str | None,
    Query(max_length=MAX_CURSOR_CHARS, description="Opaque: the `next_cursor` of the previous page."),
]
# Neo4j passes integers as signed 64-bit; a larger one fails in the driver, not as bad input.
INT64 = range(-(2**63), 2**63)
# Lucene refuses a query of more than 1,024 clauses, and text_search spreads each word over its 4
# fields: 256 words is the hard limit there. Prefix queries (/actors) refuse a word whose automaton
# exceeds 1,000 characters, and lower-casing can double a character. Both caps keep a wide margin.
# A word lower-cases to at most 4 UTF-8 bytes a character, so 100 characters stay under 1,000.
MAX_Q_WORDS = 100
MAX_Q_CHARS = 400
MAX_WORD_CHARS = 100


def invalid(name: str, message: str, value: object, kind: str = "value_error") -> RequestValidationError:
    """A 422 naming the query parameter `name`."""
    return RequestValidationError(
        [{"type": kind, "loc": ("query", name), "msg": message, "input": value}]
    )


def _fuzzy(name: str, text: str | None) -> FuzzyDate | None:
    if text is None:
        return None
    if not ISO_PATTERN.match(text.strip()):
        raise invalid(name, "expected an ISO date: YYYY, YYYY-MM or YYYY-MM-DD", text, "date_parsing")
    try:
        return FuzzyDate.parse(text)
    except ValueError as error:
        raise invalid(name, str(error), text, "date_parsing") from None


def date_window(start: str | None, end: str | None) -> tuple[date | None, date | None]:
    """First day of `start` and last day of `end`; 422 when malformed or start is after end."""
    first, last = _fuzzy("start", start), _fuzzy("end", end)
    if first and last and first.start > last.end:
        raise invalid("start", f"start ({start}) is after end ({end})", start)
    return (first.start if first else None, last.end if last else None)


def enum_list(name: str, text: str | None, enum: type[E]) -> list[E] | None:
    """A comma-separated list of enum values (None when absent); 422 listing the allowed values."""
    if text is None:
        return None
    values = [part.strip() for part in text.split(",") if part.strip()]
    allowed = [member.value for member in enum]
    for value in values:
        if value not in allowed:
            raise invalid(name, f"Input should be {', '.join(repr(a) for a in allowed)}", value, "enum")
    if not values:
        raise invalid(name, f"Input should list one or more of {', '.join(allowed)}", text, "enum")
    return [enum(value) for value in values]


def values_or_none(values: Sequence[StrEnum] | Sequence[str] | None) -> list[str] | None:
    """Plain strings of a repeated parameter, None when it was not given."""
    return [str(value) for value in values] if values else None


def encode_cursor(key: BaseModel) -> str:
    """An opaque cursor: URL-safe base64 of the last item's sort key."""
    return base64.urlsafe_b64encode(key.model_dump_json().encode()).decode().rstrip("=")


def search_text(name: str, text: str | None) -> str | None:
    """The stripped full-text query (None when blank); 422 naming the word limit it exceeds.

    The length limit is the parameter's own `max_length=MAX_Q_CHARS`, so OpenAPI shows it."""
    if text is None or not text.strip():
        return None
    words = text.split()
    if len(words) > MAX_Q_WORDS:
        raise invalid(name, f"at most {MAX_Q_WORDS} words", text, "too_many_words")
    if max(len(word) for word in words) > MAX_WORD_CHARS:
        raise invalid(name, f"at most {MAX_WORD_CHARS} characters a word", text, "word_too_long")
    return text.strip()


def _is_flat_key(value: object) -> bool:
    """True for what encode_cursor writes: one JSON object of strings and 64-bit integers."""
    if not isinstance(value, dict):
        return False
    return all(
        isinstance(item, str) or (isinstance(item, int) and not isinstance(item, bool) and item in INT64)
        for item in value.values()
    )


def decode_cursor(text: str | None, model: type[M]) -> M | None:
    """The sort key inside a cursor; 422 naming `cursor` when it was not made by this API."""
    if text is None:
        return None
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        key = json.loads(raw)
        if not _is_flat_key(key):
            raise ValueError("not a flat sort key")
        return model.model_validate(key)
    # RecursionError: deeply nested brackets (the length cap already keeps them under ~760 levels).
    except (binascii.Error, ValueError, ValidationError, UnicodeDecodeError, RecursionError):
        raise invalid("cursor", "not a cursor from a previous page", text) from None
