"""ModelResponse: a route's pydantic model serialised once, as FastAPI writes a response_model."""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import BaseModel
from starlette.responses import Response


class ModelResponse(Response):
    """The model's JSON bytes from its own serialiser: by alias, nulls kept unless `exclude_none`.

    A route that returns a model has FastAPI validate it again against `response_model` (for a sync
    route, on one more trip through the threadpool) and serialise it through a TypeAdapter of that
    type, which for the timeline's union of formats took twice as long as the page's own serialiser
    (100 items). Our models are validated when the query builds them, so routes return this and keep
    `response_model` for OpenAPI; tests/api/test_model_response.py holds the bytes to FastAPI's."""

    media_type = "application/json"

    def __init__(
        self,
        model: BaseModel,
        *,
        exclude_none: bool = False,
        headers: Mapping[str, str] | None = None,
        media_type: str | None = None,
    ) -> None:
        content = model.__pydantic_serializer__.to_json(model, by_alias=True, exclude_none=exclude_none)
        super().__init__(content, headers=headers, media_type=media_type)
