"""GET /accusations and /accusations/network: who accused whom, as rows or a weighted graph."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from api.datasets import DatasetParam, dataset_names
from api.deps import ReaderDep
from api.geo_params import GeoFilterDep
from api.known_ids import IdKind, NamedIds, require_known
from api.model_response import ModelResponse
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
from api.responses import FILTERED
from graph.queries.accusation_network import get_network
from graph.queries.accusations import list_accusations
from schema.accusations import (
    AccusationFilter,
    AccusationKey,
    AccusationNetwork,
    AccusationPage,
    Level,
    NetworkFormat,
)
from schema.geo import GeoFilter
from schema.incidents import Collapse
from schema.cytoscape import CytoscapeNetwork, to_cytoscape
from schema.timeline import sort_rank
from schema.vis_network import VisNetwork, to_vis_network

router = APIRouter(tags=["accusations"])


def accusation_filter(
    reader: ReaderDep,
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
    place: Annotated[
        str | None,
        Query(description="Place id: statements made there (GDELT) or about events there, places "
              "within it included.", examples=["place:idlib"]),
    ] = None,
    dataset: DatasetParam = None,
    geo: GeoFilterDep = GeoFilter(),
) -> AccusationFilter:
    """The accusation filters, validated; 422 names the offending parameter, 404 an unknown id."""
    window_start, window_end = date_window(start, end)
    require_known(
        reader,
        NamedIds("accuser", IdKind.ACTOR, accuser or []),
        NamedIds("accused", IdKind.ACTOR, accused or []),
        NamedIds("place", IdKind.PLACE, [place] if place else []),
    )
    return AccusationFilter(
        window_start=window_start,
        window_end=window_end,
        accuser_ids=accuser or None,
        accused_ids=accused or None,
        charge=charge.strip() if charge and charge.strip() else None,
        level=level,
        place_id=place,
        datasets=dataset_names(reader, dataset),
        geo=geo,
    )


AccusationFilterDep = Annotated[AccusationFilter, Depends(accusation_filter)]


@router.get("/accusations", summary="Who accused whom of what, one row per accusation",
            response_model=AccusationPage, responses=FILTERED)
def read_accusations(
    reader: ReaderDep, filters: AccusationFilterDep, limit: LimitParam = 100, cursor: CursorParam = None
) -> ModelResponse:
    """One row per statement × accuser × accused, oldest statement first: the charge, the
    statement and its supporting quote, the events it is about, and the sources. At `level=state`
    an ambassador's or a ministry's accusation counts as its state's (`speakers` and `named` keep
    who spoke and whom they named)."""
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
                accuser_id=last.accuser.id if last.accuser else "",
                accused_id=last.accused.id,
            )
        )
    return ModelResponse(AccusationPage(items=rows, next_cursor=next_cursor))


@router.get(
    "/accusations/network",
    summary="The accusation network: who accuses whom, how often",
    response_model=AccusationNetwork | CytoscapeNetwork | VisNetwork,
    responses=FILTERED,
)
def read_accusation_network(
    reader: ReaderDep,
    filters: AccusationFilterDep,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Most edges (most statements first).")] = MAX_LIMIT,
    form: Annotated[
        NetworkFormat,
        Query(alias="format", description="json (this API's shape), cytoscape (cytoscape.js "
              "elements) or vis (vis-network nodes and edges)."),
    ] = NetworkFormat.JSON,
    collapse: Annotated[
        Collapse | None,
        Query(description="incidents: each edge also counts incidents (`incident_count`: statements "
              "that report one incident count once) and the edges are ordered by it."),
    ] = None,
) -> ModelResponse:
    """The filtered accusations as a directed graph: one edge per accuser → accused with
    `statement_count` (distinct statements, the weight), `accusation_count` (rows of
    /accusations), the charges, the statements, the first and last statement's dates at their own
    precision, and `mutual` when the accused also accuses the accuser in the window. Nodes count the
    distinct statements each actor made and received within the returned edges.

    - `format=cytoscape`: `{"elements": {"nodes": [{"data": {"id", "label", "kind", counts…},
      "classes": kind}], "edges": [{"data": {"id", "source", "target", "label",
      "statement_count", "accusation_count", "charges", "statements", "first_date", "last_date",
      "dates", "mutual"}, "classes": "mutual" or ""}]}, "data": {"truncated"}}`, for
      `cytoscape({container, elements: doc.elements, data: doc.data})`.
    - `format=vis`: `{"nodes": [{"id", "label", "title", "group", "value", counts…}], "edges":
      [{"id", "from", "to", "label", "value", "arrows": "to", "title", "smooth" (mutual edges
      curve apart), …}], "truncated"}`, for `new vis.Network(container, doc, options)`."""
    network = reader(
        get_network, filters=filters, limit=limit, by_incident=collapse is Collapse.INCIDENTS
    )
    if form == NetworkFormat.JSON:
        return ModelResponse(network)
    document = to_cytoscape(network) if form == NetworkFormat.CYTOSCAPE else to_vis_network(network)
    return ModelResponse(document, exclude_none=True)
