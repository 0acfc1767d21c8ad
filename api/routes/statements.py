"""GET /statements (speaker, stance, about, rating, start, end) and GET /statements/{id}."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, status

from api.deps import ReaderDep
from api.known_ids import IdKind, NamedIds, require_known
from api.model_response import ModelResponse
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
from api.responses import FILTERED
from graph.queries.statements import get_statement, list_statements
from schema.statements import StatementDetail
from schema.timeline import SortKey, TimelinePage, sort_key
from schema.vocabulary import Rating, Stance

router = APIRouter(tags=["statements"])


@router.get("/statements", summary="Statements in date order", response_model=TimelinePage,
            responses=FILTERED)
def read_statements(
    reader: ReaderDep,
    speaker: Annotated[list[str] | None, Query(description="Speaker actor id (repeatable).",
                                               examples=["actor:aleksei-erkhov"])] = None,
    stance: Annotated[list[Stance] | None, Query(description="Stance (repeatable).")] = None,
    about: Annotated[str | None, Query(description="Id of an event or statement it is about, "
                                       "denies or responds to.")] = None,
    rating: Annotated[
        list[Rating] | None,
        Query(description="Fact-check verdict, normalised (repeatable): statements rated so by "
              "at least one fact-checker.", examples=["misleading"]),
    ] = None,
    start: StartParam = None,
    end: EndParam = None,
    limit: LimitParam = 100,
    cursor: CursorParam = None,
) -> ModelResponse:
    """What was said (claims, accusations, denials, warnings, fact-checks…), oldest first (date,
    coarse precision first, id), each with its speakers and targets, sources and fact-check
    `verdicts`; filtered by speaker, stance, subject, verdict and window."""
    window_start, window_end = date_window(start, end)
    require_known(
        reader,
        NamedIds("speaker", IdKind.ACTOR, speaker or []),
        NamedIds("about", IdKind.ITEM, [about] if about else []),
    )
    after = decode_cursor(cursor, SortKey)
    items = reader(
        list_statements,
        speaker_ids=speaker or None,
        stances=values_or_none(stance),
        about_id=about,
        ratings=values_or_none(rating),
        window_start=window_start,
        window_end=window_end,
        after=after,
        limit=limit + 1,
    )
    more = len(items) > limit
    items = items[:limit]
    next_cursor = encode_cursor(sort_key(items[-1])) if more else None
    return ModelResponse(TimelinePage(items=items, next_cursor=next_cursor))


@router.get("/statements/{statement_id}", summary="One statement with its targets, verdicts and replies",
            response_model=StatementDetail, responses={404: {"description": "Unknown statement"}})
def read_statement(statement_id: str, reader: ReaderDep) -> ModelResponse:
    """The statement with the actors it accuses, warns or appeals to (and the charge), what it is
    about, denies or responds to, the statements that answer it, fact-check verdicts with their
    evidence, and the statements supporting or contradicting it."""
    statement = reader(get_statement, statement_id=statement_id)
    if statement is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail="Unknown statement")
    return ModelResponse(statement)
