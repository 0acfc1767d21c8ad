"""GET /accusations and /accusations/network: who accused whom, as rows or a weighted graph."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from api.deps import ReaderDep
from api.params import (
    MAX_LIMIT,
    CursorParam,
    EndParam,
    LimitParam,
    StartParam,
    date_window,
    decode_cursor,
    encode_cursor,
)
from graph.queries.accusations import get_network, list_accusations
from schema.accusations import (
    AccusationFilter,
    AccusationKey,
    AccusationNetwork,
    AccusationPage,
    Level,
)
from schema.incidents import Collapse
from schema.timeline import sort_rank

router = APIRouter(tags=["accusations"])
ERRORS = {422: {"description": "A parameter is invalid; `detail[].loc` names it."}}


def accusation_filter(
    start: StartParam = None,
    end: EndParam = None,
    accuser: Annotated[
        list[str] | None, Query(description="Accuser actor id (repeatable); at level=state a state id.",
                                examples=["actor:russia"])
    ] = None,
    accused: Annotated[
        list[str] | None, Query(description="Accused actor id (repeatable).", examples=["actor:turkey"])
    ] = None,
    charge: Annotated[str | None, Query(description="Words the charge contains (case-insensitive).")] = None,
    level: Annotated[Level, Query(description=Level.__doc__)] = Level.ACTOR,
) -> AccusationFilter:
    """The accusation filters, validated; 422 names the offending parameter."""
    window_start, window_end = date_window(start, end)
    return AccusationFilter(
        window_start=window_start,
        window_end=window_end,
        accuser_ids=accuser or None,
        accused_ids=accused or None,
        charge=charge.strip() if charge and charge.strip() else None,
        level=level,
    )


AccusationFilterDep = Annotated[AccusationFilter, Depends(accusation_filter)]


@router.get("/accusations", responses=ERRORS)
def read_accusations(
    reader: ReaderDep, filters: AccusationFilterDep, limit: LimitParam = 100, cursor: CursorParam = None
) -> AccusationPage:
    """One row per accusation (statement × accuser × accused), by statement date then ids."""
    after = decode_cursor(cursor, AccusationKey)
    rows = reader(list_accusations, filters=filters, after=after, limit=limit + 1)
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = None
    if more:
        last = rows[-1]
        next_cursor = encode_cursor(
            AccusationKey(
                date=last.date.start,
                rank=sort_rank(last.date),
                statement_id=last.statement.id,
                accuser_id=last.accuser.id,
                accused_id=last.accused.id,
            )
        )
    return AccusationPage(items=rows, next_cursor=next_cursor)


@router.get("/accusations/network", responses=ERRORS)
def read_accusation_network(
    reader: ReaderDep,
    filters: AccusationFilterDep,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Most edges (heaviest first).")] = MAX_LIMIT,
    collapse: Annotated[
        Collapse | None,
        Query(description="incidents: an edge counts incidents, so statements that report one "
              "incident (GDELT codes a statement once per article) count once."),
    ] = None,
) -> AccusationNetwork:
    """The filtered accusations as edges accuser → accused with counts, charges, dates and `mutual`."""
    by_incident = collapse is Collapse.INCIDENTS
    return reader(get_network, filters=filters, limit=limit, by_incident=by_incident)
