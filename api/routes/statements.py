"""GET /statements (speaker, stance, about, start, end) and GET /statements/{id}."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, status

from api.deps import ReaderDep
from api.params import (
    CursorParam,
    EndParam,
    LimitParam,
    StartParam,
    date_window,
    decode_cursor,
    encode_cursor,
    values_or_none,
)
from graph.queries.statements import get_statement, list_statements
from schema.statements import StatementDetail
from schema.timeline import SortKey, TimelinePage, sort_key
from schema.vocabulary import Stance

router = APIRouter(tags=["statements"])


@router.get("/statements", responses={422: {"description": "A parameter is invalid; `detail[].loc` names it."}})
def read_statements(
    reader: ReaderDep,
    speaker: Annotated[list[str] | None, Query(description="Speaker actor id (repeatable).",
                                               examples=["actor:aleksei-erkhov"])] = None,
    stance: Annotated[list[Stance] | None, Query(description="Stance (repeatable).")] = None,
    about: Annotated[str | None, Query(description="Id of an event or statement it is about, "
                                       "denies or responds to.")] = None,
    start: StartParam = None,
    end: EndParam = None,
    limit: LimitParam = 100,
    cursor: CursorParam = None,
) -> TimelinePage:
    """Statements in timeline order (date, coarse precision first, id)."""
    window_start, window_end = date_window(start, end)
    after = decode_cursor(cursor, SortKey)
    items = reader(
        list_statements,
        speaker_ids=speaker or None,
        stances=values_or_none(stance),
        about_id=about,
        window_start=window_start,
        window_end=window_end,
        after=after,
        limit=limit + 1,
    )
    more = len(items) > limit
    items = items[:limit]
    return TimelinePage(items=items, next_cursor=encode_cursor(sort_key(items[-1])) if more else None)


@router.get("/statements/{statement_id}", responses={404: {"description": "Unknown statement"}})
def read_statement(statement_id: str, reader: ReaderDep) -> StatementDetail:
    """The statement with its targets, subjects, fact-check verdicts and (counter)supporting ones."""
    statement = reader(get_statement, statement_id=statement_id)
    if statement is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail="Unknown statement")
    return statement
