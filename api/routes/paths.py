"""GET /paths: the shortest connections between two nodes, at most 6 hops."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, status

from api.deps import ReaderDep
from api.model_response import ModelResponse
from api.params import invalid
from api.responses import INVALID_PARAMETER
from graph.queries.paths import MAX_HOPS, get_paths, node_exists
from schema.paths import Paths

router = APIRouter(tags=["paths"])


@router.get(
    "/paths",
    summary="How two nodes are connected: the best-evidenced shortest paths",
    response_model=Paths,
    responses={404: {"description": "Unknown node"}, **INVALID_PARAMETER},
)
def read_paths(
    reader: ReaderDep,
    from_id: Annotated[str, Query(alias="from", description="Node id.", examples=["actor:aleksei-erkhov"])],
    to_id: Annotated[str, Query(alias="to", description="Node id.",
                                examples=["event:2019-04-syrian-offensive"])],
    max_hops: Annotated[int, Query(ge=1, le=MAX_HOPS, description="Longest path (1–6).")] = 4,
    limit: Annotated[int, Query(ge=1, le=100, description="Most paths returned.")] = 10,
) -> ModelResponse:
    """The shortest paths (≤ `max_hops`, any relationship type, either direction) between two
    nodes of any kind, e.g. an ambassador and an offensive. Each relationship carries what it says
    (role, title, charge, rating) with its quote and sources, and its id, so paths through parallel
    relationships (Russia as signatory and as guarantor of one agreement) are told apart.

    Ranking, best-evidenced first: the most sources on the path's least-sourced relationship (a
    chain is as strong as its weakest link), then the most relationships with a supporting quote,
    then the most distinct sources; ties by node ids, then relationship ids. Each path reports
    these figures in `evidence`. Paths are ranked among the first 10,000 found; `truncated` says
    that more shortest paths exist than `limit`."""
    if from_id == to_id:
        raise invalid("to", "`to` must differ from `from`", to_id)
    for node_id in (from_id, to_id):
        if not reader(node_exists, node_id=node_id):
            raise HTTPException(status.HTTP_404_NOT_FOUND, detail=f"Unknown node: {node_id}")
    paths = reader(get_paths, from_id=from_id, to_id=to_id, max_hops=max_hops, limit=limit)
    return ModelResponse(paths)
