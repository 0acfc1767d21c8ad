"""GET /export: a seed subgraph as a file for networkx, Gephi, igraph, Neo4j or a triple store."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse
from neo4j import Driver
from starlette.background import BackgroundTask
from pydantic import BaseModel

from api.deps import DriverDep, Reader, ReaderDep, SettingsDep
from api.geo_params import GeoFilterDep
from api.security import BUSY_RETRY_AFTER_SECONDS
from api.slots import Slots
from graph.export.formats import EXTENSIONS, MEDIA_TYPES, ExportFormat, write
from graph.export.selection import (
    MAX_DEPTH,
    Selection,
    TooManyNodesError,
    UnknownSeedError,
    plan_selection,
)
from graph.export.settings import ExportSettings
from graph.export.source import ExportSource
from graph.export.values import ExportError
from graph.model import Label, RelType
from schema.geo import GeoFilter

router = APIRouter(tags=["export"])
HINT = (
    "Narrow the selection: fewer seeds, a lower depth, start/end dates, node_types or rel_types;"
    " json, csv, cypher, jsonld and turtle stream and allow more than graphml and gexf."
)


def get_export_settings() -> ExportSettings:
    return ExportSettings()


ExportSettingsDep = Annotated[ExportSettings, Depends(get_export_settings)]


class TooLarge(BaseModel):
    detail: str
    node_count: int
    max_nodes: int
    hint: str


class UnknownSeeds(BaseModel):
    detail: str
    unknown: list[str]


def _filename(selection: Selection, export_format: ExportFormat) -> str:
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", selection.seeds[0]).strip("-")
    more = f"-and-{len(selection.seeds) - 1}-more" if len(selection.seeds) > 1 else ""
    return f"conflictkg-{slug}{more}-depth{selection.depth}.{EXTENSIONS[export_format]}"


def get_export_slots(request: Request) -> Slots:
    return request.app.state.export_slots


ExportSlotsDep = Annotated[Slots, Depends(get_export_slots)]


@router.get(
    "/export",
    summary="Download a subgraph for networkx, Gephi, igraph, Neo4j or a triple store",
    response_class=StreamingResponse,
    responses={
        200: {"description": "The file, streamed, with a download filename"},
        404: {"model": UnknownSeeds, "description": "A seed id names no node"},
        413: {"model": TooLarge, "description": "More nodes (or elements) than the export caps"},
        422: {"description": "Invalid parameters (depth above 3, start after end…), or a graph the "
              "format cannot carry"},
        429: {"description": "As many exports as allowed are running; retry after `Retry-After`"},
    },
)
def read_export(
    reader: ReaderDep,
    driver: DriverDep,
    settings: SettingsDep,
    limits: ExportSettingsDep,
    slots: ExportSlotsDep,
    seed: Annotated[list[str], Query(min_length=1, description="Node id to start from (repeatable)")],
    export_format: Annotated[ExportFormat, Query(alias="format")] = ExportFormat.JSON,
    depth: Annotated[int, Query(ge=1, le=MAX_DEPTH, description="Hops from the seeds")] = 1,
    start: Annotated[date | None, Query(description="Keep dated elements ending on/after")] = None,
    end: Annotated[date | None, Query(description="Keep dated elements starting on/before")] = None,
    node_types: Annotated[list[Label] | None, Query(description="Labels to keep (repeatable)")] = None,
    rel_types: Annotated[list[RelType] | None, Query(description="Types to keep (repeatable)")] = None,
    geo: GeoFilterDep = GeoFilter(),
) -> Response:
    """The seed nodes and their neighbours up to `depth` hops (optionally within a window and
    limited to some labels and relationship types), plus every source they cite, as a file in
    one of seven formats: json (node-link), graphml, gexf, csv (neo4j-admin import), cypher,
    jsonld or turtle. 404 lists unknown seeds; 413 over the node (or in-memory element) caps; 429
    while CKG_EXPORT_MAX_CONCURRENT exports run."""
    if start and end and end < start:
        return JSONResponse(status_code=422, content={"detail": "end is before start"})
    selection = Selection(
        seeds=tuple(dict.fromkeys(seed)),
        depth=depth,
        start=start,
        end=end,
        node_types=tuple(node_types or Label),
        rel_types=tuple(rel_types or RelType),
        geo=geo,
    )
    slot = slots.try_take(trim_memory=not export_format.streams)
    if slot is None:
        detail = f"{slots.size} export(s) are running, the most allowed (CKG_EXPORT_MAX_CONCURRENT)."
        return JSONResponse(
            status_code=429, content={"detail": detail}, headers={"Retry-After": BUSY_RETRY_AFTER_SECONDS}
        )
    try:
        chunks = _export_chunks(reader, driver, settings.database, limits, selection, export_format)
    except BaseException:
        slot.release()
        raise
    if isinstance(chunks, Response):
        slot.release()
        return chunks
    return StreamingResponse(
        slot.hold_while(chunks),
        media_type=MEDIA_TYPES[export_format],
        headers={"Content-Disposition": f'attachment; filename="{_filename(selection, export_format)}"'},
        background=BackgroundTask(slot.release),  # also when the client went away mid-stream
    )


def _export_chunks(
    reader: Reader, driver: Driver, database: str, limits: ExportSettings, selection: Selection,
    export_format: ExportFormat,
) -> Iterator[bytes] | Response:
    """The file's chunks, or the error answer (404 unknown seed, 413 over a cap, 422 unexportable)."""
    try:
        plan = reader(plan_selection, selection=selection, max_nodes=limits.cap(export_format.streams))
    except UnknownSeedError as error:
        body = UnknownSeeds(detail="Unknown seed id(s).", unknown=error.ids)
        return JSONResponse(status_code=404, content=body.model_dump())
    except TooManyNodesError as error:
        body = TooLarge(
            detail=f"The export would hold {error.node_count} nodes; the cap is {error.max_nodes}.",
            node_count=error.node_count,
            max_nodes=error.max_nodes,
            hint=HINT,
        )
        return JSONResponse(status_code=413, content=body.model_dump())
    elements = (plan.node_count or 0) + plan.relationship_count
    if not export_format.streams and elements > limits.max_elements_in_memory:
        body = TooLarge(
            detail=f"The export would hold {elements} nodes and relationships; {export_format} is built "
            f"in memory and allows {limits.max_elements_in_memory}.",
            node_count=plan.node_count or 0,
            max_nodes=limits.cap(export_format.streams),
            hint=HINT,
        )
        return JSONResponse(status_code=413, content=body.model_dump())
    source = ExportSource(driver, database, plan, limits.timeout_seconds, limits.page_size)
    chunks = write(export_format, source)
    try:
        # The first chunk needs the property types, so a graph the format cannot carry is an
        # error answer here rather than a truncated download.
        first = next(chunks, b"")
    except ExportError as error:
        return JSONResponse(status_code=422, content={"detail": f"Cannot export as {export_format}: {error}"})
    return itertools.chain([first], chunks)
