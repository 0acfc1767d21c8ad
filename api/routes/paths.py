"""GET /paths: the shortest connections between two nodes, at most 6 hops."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, status

from api.deps import ReaderDep
from api.params import invalid
from graph.queries.paths import MAX_HOPS, get_paths, node_exists
from schema.paths import Paths

router = APIRouter(tags=["paths"])


@router.get(
    "/paths",
    responses={404: {"description": "Unknown node"}, 422: {"description": "Invalid parameter"}},
)
def read_paths(
    reader: ReaderDep,
    from_id: Annotated[str, Query(alias="from", description="Node id.", examples=["actor:aleksei-erkhov"])],
    to_id: Annotated[str, Query(alias="to", description="Node id.",
                                examples=["event:2019-04-syrian-offensive"])],
    max_hops: Annotated[int, Query(ge=1, le=MAX_HOPS, description="Longest path (1–6).")] = 4,
    limit: Annotated[int, Query(ge=1, le=100, description="Most paths returned.")] = 10,
) -> Paths:
    """All shortest undirected paths between the nodes (any relationship type), ≤ max_hops long."""
    if from_id == to_id:
        raise invalid("to", "`to` must differ from `from`", to_id)
    for node_id in (from_id, to_id):
        if not reader(node_exists, node_id=node_id):
            raise HTTPException(status.HTTP_404_NOT_FOUND, detail=f"Unknown node: {node_id}")
    return reader(get_paths, from_id=from_id, to_id=to_id, max_hops=max_hops, limit=limit)
